/**
 * Survey answers as list rows (issue #12 item 3: the "recent detractors" call-back list, the
 * comment search and their exports): who answered, when, what, where, and what the customer is
 * worth — revenue to date (orders, refunds included) and MRR (the subscriptions running on the
 * data's last day) from the customer table's facts (core/customers/customer-table.ts).
 *
 * Plain data: ids as written in the file, ISO dates, no English text.
 *
 * Complexity: O(1) per row. Bad input: rows without a score on a known scale are never listed.
 */
import { dayToIso } from '../parse/date.ts';
import { MISSING_CODE, MISSING_DAY } from '../table.ts';
import type { CustomerTable } from '../customers/customer-table.ts';
import { textAt, type FeedbackAnswers } from './feedback-answers.ts';
import { SCALES, type ScoreScale } from './score-scale.ts';

export interface AnswerRow {
  /** Row of the feedback table. */
  readonly row: number;
  /** Customer number (-1 = none) and id as written (null = none). */
  readonly customer: number;
  readonly id: string | null;
  /** Day number and ISO date (MISSING_DAY / null = no date). */
  readonly day: number;
  readonly date: string | null;
  readonly score: number;
  readonly scale: ScoreScale;
  readonly comment: string | null;
  readonly touchpoint: string | null;
  /** Revenue to date (null without orders with amounts) and MRR (null without subscriptions). */
  readonly revenue: number | null;
  readonly mrr: number | null;
}

const orNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** The list row of feedback row r (null when it has no score on a known scale). O(1). */
export function answerRowOf(answers: FeedbackAnswers, customers: CustomerTable, r: number): AnswerRow | null {
  const code = answers.scales.codes[r];
  if (code === 0) return null;
  const k = answers.customer[r];
  const known = k !== MISSING_CODE;
  const d = answers.day[r];
  return {
    row: r,
    customer: known ? k : -1,
    id: known ? customers.ids[k] : null,
    day: d,
    date: d === MISSING_DAY ? null : dayToIso(d),
    score: answers.score[r],
    scale: SCALES[code - 1],
    comment: textAt(answers.comment, r),
    touchpoint: textAt(answers.touchpoint, r),
    revenue: known ? orNull(customers.facts.revenue[k]) : null,
    mrr: known ? orNull(customers.facts.mrr[k]) : null,
  };
}

/**
 * The rows `keep` accepts, newest first (undated last; then by row, later first).
 *
 * O(rows + m log m) for the m rows kept. @example answerRows(answers, customers, (r) => textAt(answers.comment, r) !== null)
 */
export function answerRows(answers: FeedbackAnswers, customers: CustomerTable, keep: (row: number) => boolean): AnswerRow[] {
  const out: AnswerRow[] = [];
  for (let r = 0; r < answers.rows; r++) {
    if (!keep(r)) continue;
    const row = answerRowOf(answers, customers, r);
    if (row) out.push(row);
  }
  return out.sort(newestFirst);
}

/** Newest first; undated after dated; ties by row, later first. */
export function newestFirst(a: { day: number; row: number }, b: { day: number; row: number }): number {
  if (a.day !== b.day) return a.day === MISSING_DAY ? 1 : b.day === MISSING_DAY ? -1 : b.day - a.day;
  return b.row - a.row;
}
