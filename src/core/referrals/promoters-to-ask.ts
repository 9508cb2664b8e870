/**
 * Promoters who have not referred yet: the people to ask (issue #12 item 4; DESIGN.md section 7).
 *
 * A promoter is a customer whose latest 0-10 answer is 9 or 10 (core/satisfaction/
 * latest-answers.ts: the rule of the NPS group); "has not referred" = no referral names them as
 * referrer, in the referrals file or in a customers file's `referred_by` column
 * (referral-pairs.ts `hasReferred`). Per row: id, score and date of that answer, revenue to date
 * and MRR (customer-table facts), and whether the customer is active on the as-of day (asking a
 * customer who has left is rarely worth it; the page filters). Newest answer first, then the
 * higher score, then id.
 *
 * Complexity: O(answers + customers + m log m). Bad input: answers without a customer never
 * count; nothing throws.
 */
import { dayToIso } from '../parse/date.ts';
import { MISSING_DAY } from '../table.ts';
import type { CustomerTable } from '../customers/customer-table.ts';
import type { FeedbackAnswers } from '../satisfaction/feedback-answers.ts';
import { latestAnswerRows } from '../satisfaction/latest-answers.ts';

export interface PromoterRow {
  readonly customer: number;
  readonly id: string;
  readonly score: number;
  /** Day and ISO date of the answer (MISSING_DAY / null = no date). */
  readonly day: number;
  readonly date: string | null;
  readonly revenue: number | null;
  readonly mrr: number | null;
  /** Active on the as-of day (null when activity is not known). */
  readonly active: boolean | null;
}

const orNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * The promoters who have not referred anyone (see the file comment).
 *
 * @param hasReferred 1 = the customer referred someone (per customer number); null = no referral data
 * @param active 1 = active on the as-of day; null = not known
 * @example promotersToAsk(answers, customers, pairs?.hasReferred ?? null, active.active).length
 */
export function promotersToAsk(answers: FeedbackAnswers, customers: CustomerTable, hasReferred: Uint8Array | null, active: Uint8Array | null): PromoterRow[] {
  const latest = latestAnswerRows(answers, customers.count, 'nps');
  const rows: PromoterRow[] = [];
  for (let k = 0; k < customers.count; k++) {
    const r = latest[k];
    if (r < 0 || answers.score[r] < 9 || hasReferred?.[k]) continue;
    const d = answers.day[r];
    rows.push({
      customer: k,
      id: customers.ids[k],
      score: answers.score[r],
      day: d,
      date: d === MISSING_DAY ? null : dayToIso(d),
      revenue: orNull(customers.facts.revenue[k]),
      mrr: orNull(customers.facts.mrr[k]),
      active: active ? active[k] === 1 : null,
    });
  }
  return rows.sort((a, b) => {
    if (a.day !== b.day) return a.day === MISSING_DAY ? 1 : b.day === MISSING_DAY ? -1 : b.day - a.day;
    return b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
}
