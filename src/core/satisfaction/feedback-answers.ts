/**
 * Survey answers as the satisfaction figures read them (issue #12 item 1): one view over the
 * workspace's feedback table with, per row, the customer number of the workspace's customer table
 * (core/customers/customer-table.ts), the day, the score and its scale (score-scale.ts), and the
 * touchpoint and comment columns.
 *
 * Every row is kept and counted: rows without a score (a skipped question: `withoutScore`), rows
 * without a date (`undated`: counted apart in trends, never dropped), rows whose score fits no
 * scale (`outOfScale`), rows without a customer (they count in the NPS of the answers but not in
 * any per-customer figure). The typed columns are the table's own (no copy).
 *
 * Complexity: O(rows). Bad input: throws TypeError "feedbackAnswers requires a feedback table
 * with a score column" when the table has no numeric `score` column.
 */
import { MISSING_CODE, MISSING_DAY, type DictColumn, type Table } from '../table.ts';
import type { CustomerTable } from '../customers/customer-table.ts';
import { answerScales, type ScaleReading } from './score-scale.ts';

export interface FeedbackAnswers {
  readonly rows: number;
  /** Customer number per row (MISSING_CODE = no customer). */
  readonly customer: Uint32Array;
  /** Answer day per row (MISSING_DAY = no date). */
  readonly day: Int32Array;
  /** Score per row (NaN = none). */
  readonly score: Float64Array;
  /** Scale per row and how it was decided. */
  readonly scales: ScaleReading;
  readonly touchpoint: DictColumn | null;
  readonly comment: DictColumn | null;
  /** First and last answer day (MISSING_DAY without dated answers). */
  readonly firstDay: number;
  readonly lastDay: number;
  readonly counts: {
    readonly rows: number;
    /** Rows with a score on a known scale. */
    readonly answers: number;
    readonly withoutScore: number;
    readonly outOfScale: number;
    readonly undated: number;
    readonly withoutCustomer: number;
    /** Rows with a non-empty comment. */
    readonly comments: number;
    /** Distinct customers with at least one row. */
    readonly customers: number;
  };
}

/** The text of a dict column at row r, or null when missing or blank. O(1). */
export function textAt(col: DictColumn | null, r: number): string | null {
  if (!col) return null;
  const c = col.codes[r];
  if (c === MISSING_CODE || c >= col.dict.length) return null;
  const t = col.dict[c];
  return t.trim() === '' ? null : t;
}

/**
 * The answers of a feedback table (see the file comment).
 *
 * @throws TypeError "feedbackAnswers requires a feedback table with a score column"
 * @example feedbackAnswers(tables.feedback, buildCustomerTable(tables)).counts.answers
 */
export function feedbackAnswers(feedback: Table, customers: CustomerTable): FeedbackAnswers {
  const scoreCol = feedback.columns.score;
  if (scoreCol?.type !== 'num') throw new TypeError('feedbackAnswers requires a feedback table with a score column');
  const n = feedback.length;
  const customer = customers.rowCustomer.feedback ?? new Uint32Array(n).fill(MISSING_CODE);
  const dateCol = feedback.columns.date;
  const day = dateCol?.type === 'day' ? dateCol.data : new Int32Array(n).fill(MISSING_DAY);
  const dict = (key: string): DictColumn | null => (feedback.columns[key]?.type === 'dict' ? (feedback.columns[key] as DictColumn) : null);
  const touchpoint = dict('touchpoint');
  const comment = dict('comment');
  const scales = answerScales(feedback);
  let withoutScore = 0;
  let undated = 0;
  let withoutCustomer = 0;
  let comments = 0;
  let answers = 0;
  let firstDay = MISSING_DAY;
  let lastDay = MISSING_DAY;
  const seen = new Uint8Array(customers.count);
  let distinct = 0;
  for (let r = 0; r < n; r++) {
    if (!Number.isFinite(scoreCol.data[r])) withoutScore++;
    if (scales.codes[r] !== 0) answers++;
    const d = day[r];
    if (d === MISSING_DAY) undated++;
    else {
      if (firstDay === MISSING_DAY || d < firstDay) firstDay = d;
      if (lastDay === MISSING_DAY || d > lastDay) lastDay = d;
    }
    const k = customer[r];
    if (k === MISSING_CODE) withoutCustomer++;
    else if (!seen[k]) {
      seen[k] = 1;
      distinct++;
    }
    if (textAt(comment, r) !== null) comments++;
  }
  return {
    rows: n, customer, day, score: scoreCol.data, scales, touchpoint, comment, firstDay, lastDay,
    counts: { rows: n, answers, withoutScore, outOfScale: scales.outOfScale, undated, withoutCustomer, comments, customers: distinct },
  };
}
