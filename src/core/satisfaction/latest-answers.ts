/**
 * Each customer's latest answer on one scale (issue #12 items 2 and 4): the NPS group a customer
 * is in is the group of their latest 0-10 answer, as in the derived `derived:nps` attribute of
 * core/customers/customer-groups.ts (the same rule, so the churn by NPS group and the promoters
 * list agree with the segment comparison): the answer with the latest day wins; on the same day
 * the later row; an answer without a date counts as older than every dated one.
 *
 * Complexity: O(rows + customers). Bad input: rows without a customer or off the scale are
 * skipped; nothing throws.
 */
import { MISSING_CODE, MISSING_DAY } from '../table.ts';
import type { FeedbackAnswers } from './feedback-answers.ts';
import { scaleCode, type ScoreScale } from './score-scale.ts';

/**
 * The row of each customer's latest answer on `scale` (-1 = none), indexed by customer number.
 *
 * @example latestAnswerRows(answers, customers.count, 'nps')[k]
 */
export function latestAnswerRows(answers: FeedbackAnswers, customerCount: number, scale: ScoreScale = 'nps'): Int32Array {
  const code = scaleCode(scale);
  const latest = new Int32Array(customerCount).fill(-1);
  for (let r = 0; r < answers.rows; r++) {
    const k = answers.customer[r];
    if (k === MISSING_CODE || answers.scales.codes[r] !== code) continue;
    const prev = latest[k];
    if (prev < 0) {
      latest[k] = r;
      continue;
    }
    const d = answers.day[r];
    const p = answers.day[prev];
    if (d === MISSING_DAY && p !== MISSING_DAY) continue;
    if (p === MISSING_DAY || d >= p) latest[k] = r;
  }
  return latest;
}
