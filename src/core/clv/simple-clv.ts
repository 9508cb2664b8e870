/**
 * Simple CLV for subscriptions (issue #11 item 2; DESIGN.md section 6):
 *
 *   CLV = ARPU x margin / churn rate,
 *
 * ARPU = the mean MRR of a subscriber at the start of each month of a trailing window of M
 * months (default 6) ending on the data's last month start; churn rate = customers lost over
 * those months / customer-months at risk (a customer active on a month's first day and on no
 * subscription on the next month's first day is lost in that month). 1 / churn is the expected
 * lifetime in months of a constant-churn (geometric) customer, so the formula is the
 * undiscounted value of a customer who pays ARPU x margin a month for that long.
 *
 * Interval: the churn rate's 95 % Wilson interval (stats/wilson-interval.ts) carried through the
 * formula (high churn -> low CLV). With churn 0 the value is "n/a" (null), never Infinity; the
 * upper end is null too when the interval reaches 0 (it always does for 0 churned).
 *
 * Complexity: O(M x subscription intervals).
 */
import { daysFromCivil, monthIndexOfDay } from '../parse/date.ts';
import type { SubscriptionIndex } from '../retention/customer-index.ts';
import { wilsonInterval } from '../stats/wilson-interval.ts';

export interface SimpleClv {
  readonly months: number;
  /** First day of the window's first month and of the month after its last. */
  readonly from: number;
  readonly to: number;
  readonly arpu: number | null;
  readonly atRisk: number;
  readonly churned: number;
  /** Monthly churn rate and its 95 % interval. */
  readonly churnRate: number | null;
  readonly churnLow: number | null;
  readonly churnHigh: number | null;
  /** ARPU x margin / churn; null ("n/a") when churn is 0 or nothing is at risk. */
  readonly clv: number | null;
  readonly clvLow: number | null;
  readonly clvHigh: number | null;
}

const monthStart = (m: number): number => daysFromCivil(Math.floor(m / 12), (m % 12) + 1, 1);

/**
 * Simple subscription CLV over the `months` full months before the month of `lastDay`.
 *
 * @throws RangeError "simpleClv requires a whole number of months >= 1"
 * @example simpleClv(buildSubscriptionIndex(subs), 0.8, 6, lastDay).clv
 */
export function simpleClv(index: SubscriptionIndex, margin: number, months: number, lastDay: number): SimpleClv {
  if (!Number.isInteger(months) || months < 1) throw new RangeError('simpleClv requires a whole number of months >= 1');
  const end = monthIndexOfDay(lastDay);
  const n = index.customerIds.length;
  const { intervalOffsets, intervalStarts, intervalEnds, offsets, starts, ends, mrr } = index;
  const activeOn = (k: number, d: number): boolean => {
    for (let i = intervalOffsets[k]; i < intervalOffsets[k + 1]; i++) if (intervalStarts[i] <= d && d < intervalEnds[i]) return true;
    return false;
  };
  let atRisk = 0;
  let churned = 0;
  let mrrSum = 0;
  let mrrCount = 0;
  for (let m = end - months; m < end; m++) {
    const s = monthStart(m);
    const e = monthStart(m + 1);
    for (let k = 0; k < n; k++) {
      if (!activeOn(k, s)) continue;
      atRisk++;
      if (!activeOn(k, e)) churned++;
      let sum = 0;
      let known = false;
      for (let i = offsets[k]; i < offsets[k + 1]; i++) {
        if (starts[i] <= s && s < ends[i] && mrr[i] === mrr[i]) {
          sum += mrr[i];
          known = true;
        }
      }
      if (known) {
        mrrSum += sum;
        mrrCount++;
      }
    }
  }
  const arpu = mrrCount > 0 ? mrrSum / mrrCount : null;
  const ci = atRisk > 0 ? wilsonInterval(churned, atRisk) : null;
  const rate = atRisk > 0 ? churned / atRisk : null;
  const value = (c: number | null): number | null => (arpu === null || c === null || !(c > 0) ? null : (arpu * margin) / c);
  return {
    months,
    from: monthStart(end - months),
    to: monthStart(end),
    arpu,
    atRisk,
    churned,
    churnRate: rate,
    churnLow: ci?.low ?? null,
    churnHigh: ci?.high ?? null,
    clv: value(rate),
    clvLow: value(ci?.high ?? null),
    clvHigh: value(ci?.low ?? null),
  };
}
