// Builders for small hand-made feedback tables in the satisfaction tests (not a test file itself).
import { MISSING_CODE, MISSING_DAY, type DictColumn, type Table } from '../../../../src/core/table.ts';
import { day } from '../retention/fixtures.ts';

/** A frozen dict column from texts (null = missing). */
export function dict(values: readonly (string | null)[]): DictColumn {
  const d = [...new Set(values.filter((v): v is string => v !== null))];
  return Object.freeze({ type: 'dict' as const, dict: d, codes: Uint32Array.from(values, (v) => (v === null ? MISSING_CODE : d.indexOf(v))) });
}

/** One answer: customer, 'yyyy-mm-dd' | null, score | null, and optional touchpoint, comment, scale. */
export type AnswerSpec = readonly [string | null, string | null, number | null, { touchpoint?: string; comment?: string; scale?: string }?];

/** A frozen feedback table; touchpoint / comment / scale columns only when some answer has one. */
export function feedbackTable(rows: readonly AnswerSpec[]): Table {
  const columns: Table['columns'] = {
    customer_id: dict(rows.map((r) => r[0])),
    date: Object.freeze({ type: 'day' as const, data: Int32Array.from(rows, (r) => (r[1] === null ? MISSING_DAY : day(r[1]))) }),
    score: Object.freeze({ type: 'num' as const, data: Float64Array.from(rows, (r) => (r[2] === null ? NaN : r[2])) }),
  };
  for (const key of ['touchpoint', 'comment', 'scale'] as const) {
    if (rows.some((r) => r[3]?.[key] !== undefined)) (columns as Record<string, unknown>)[key] = dict(rows.map((r) => r[3]?.[key] ?? null));
  }
  return Object.freeze({ length: rows.length, columns: Object.freeze(columns) });
}

/**
 * The small shop of the satisfaction tests, six answers on 0-10 and one without a score:
 *   A 2024-01-10 9 purchase "Très bien" | A 2024-03-05 5 support "Support never answered"
 *   B 2024-01-20 10 purchase            | C 2024-02-14 6 support "Trop cher, vraiment"
 *   D (no date) 8 survey                | E 2024-03-30 3 purchase "Odlično? Ne."
 *   F 2024-03-31 (no score)
 * Promoters 9, 10; passive 8; detractors 5, 6, 3: NPS = (2 - 3) / 6 = -16.67.
 * Customers file: A, B Basic; C, D, E, G Pro (G never answered; F is only in the feedback).
 * Orders: A 100 on 2024-01-01; E 50 on 2024-02-01 and a refund of 10 on 2024-03-01.
 */
export const SHOP_FEEDBACK: Table = feedbackTable([
  ['A', '2024-01-10', 9, { touchpoint: 'purchase', comment: 'Très bien' }],
  ['A', '2024-03-05', 5, { touchpoint: 'support', comment: 'Support never answered' }],
  ['B', '2024-01-20', 10, { touchpoint: 'purchase' }],
  ['C', '2024-02-14', 6, { touchpoint: 'support', comment: 'Trop cher, vraiment' }],
  ['D', null, 8, { touchpoint: 'survey' }],
  ['E', '2024-03-30', 3, { touchpoint: 'purchase', comment: 'Odlično? Ne.' }],
  ['F', '2024-03-31', null],
]);
export const SHOP_CUSTOMERS: Table = Object.freeze({
  length: 6,
  columns: Object.freeze({ customer_id: dict(['A', 'B', 'C', 'D', 'E', 'G']), plan: dict(['Basic', 'Basic', 'Pro', 'Pro', 'Pro', 'Pro']) }),
});
