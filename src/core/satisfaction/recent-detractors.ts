/**
 * Recent detractors: the people to call back (issue #12 item 3; DESIGN.md section 7: "a list of
 * recent detractors, so someone calls them back").
 *
 * Every answer with a low score dated in the last N days (default 90) up to the as-of day
 * [asOf - N + 1, asOf]: on 0-10 the detractors (0-6), and on the other scales the bottom boxes
 * (1-2 on 1-5, 1-3 on 1-7, 1-6 on 1-10). Each row (answer-rows.ts): customer id, date, score,
 * comment, touchpoint, revenue to date and MRR; newest first. One row per answer: a customer who
 * answered badly twice is listed twice, with both comments. The as-of day defaults to the later
 * of the last answer day and the data's last day (orders, subscription starts). Low answers
 * without a date cannot be "recent": they are counted (`undated`), not listed.
 *
 * Complexity: O(rows + m log m) for the m rows listed. Bad input: throws RangeError
 * "recentDetractors requires days >= 1, got ..." for a window that is not a whole number >= 1.
 */
import { dayToIso } from '../parse/date.ts';
import { MISSING_DAY } from '../table.ts';
import type { CustomerTable } from '../customers/customer-table.ts';
import type { FeedbackAnswers } from './feedback-answers.ts';
import { answerRows, type AnswerRow } from './answer-rows.ts';
import { SCALES, type ScoreScale } from './score-scale.ts';

/** The highest score that counts as low (a detractor on 0-10), per scale. */
export const LOW_SCORE_TO: Readonly<Record<ScoreScale, number>> = Object.freeze({ nps: 6, csat: 2, scale7: 3, scale10: 6 });

export interface RecentDetractors {
  readonly days: number;
  /** The window [from, asOf] as ISO dates (null when no answer has a date). */
  readonly asOf: string | null;
  readonly from: string | null;
  readonly rows: readonly AnswerRow[];
  /** Distinct customers listed. */
  readonly customers: number;
  /** Low answers without a date (not listed). */
  readonly undated: number;
}

/** Whether feedback row r has a low score on its scale (see LOW_SCORE_TO). O(1). */
export function isLowScore(answers: FeedbackAnswers, r: number): boolean {
  const c = answers.scales.codes[r];
  return c !== 0 && answers.score[r] <= LOW_SCORE_TO[SCALES[c - 1]];
}

/**
 * The low answers of the last `days` days (see the file comment).
 *
 * @throws RangeError "recentDetractors requires days >= 1, got ..."
 * @example recentDetractors(answers, customers, { days: 30 }).rows[0].id
 */
export function recentDetractors(answers: FeedbackAnswers, customers: CustomerTable, options: { days?: number; asOf?: number } = {}): RecentDetractors {
  const days = options.days ?? 90;
  if (!(Number.isInteger(days) && days >= 1)) throw new RangeError(`recentDetractors requires days >= 1, got ${days}`);
  let undated = 0;
  for (let r = 0; r < answers.rows; r++) if (answers.day[r] === MISSING_DAY && isLowScore(answers, r)) undated++;
  const last = answers.lastDay === MISSING_DAY ? customers.lastDay : customers.lastDay === MISSING_DAY ? answers.lastDay : Math.max(answers.lastDay, customers.lastDay);
  const asOf = options.asOf ?? (answers.lastDay === MISSING_DAY ? MISSING_DAY : last);
  if (asOf === MISSING_DAY) return { days, asOf: null, from: null, rows: [], customers: 0, undated };
  const from = asOf - days + 1;
  const rows = answerRows(answers, customers, (r) => answers.day[r] !== MISSING_DAY && answers.day[r] >= from && answers.day[r] <= asOf && isLowScore(answers, r));
  const listed = new Set<number>();
  for (const row of rows) if (row.customer >= 0) listed.add(row.customer);
  return { days, asOf: dayToIso(asOf), from: dayToIso(from), rows, customers: listed.size, undated };
}
