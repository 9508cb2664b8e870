/**
 * Referrals per period (issue #12 item 4): per calendar period of the referral day, the
 * referrals made and how many of those people have bought by the as-of day, and per period of
 * the first purchase day the referred people's first purchases (the programme's output as it
 * comes in). Every period from the first to the last such day up to the as-of day is listed;
 * referrals without a date are counted apart (`undated`).
 *
 * Complexity: O(pairs + periods). Bad input: throws KeepwiseError 'too-many-periods' when the
 * days span more than MAX_PERIODS periods.
 */
import { dayToIso } from '../parse/date.ts';
import { MISSING_DAY } from '../table.ts';
import { periodLookup, periodsBetween, type PeriodUnit } from '../retention/periods.ts';
import { checkPeriodCount } from '../retention/report-source.ts';
import { convertedBy, type ReferralPairs } from './referral-pairs.ts';

export interface ReferralPeriodRow {
  readonly period: string;
  readonly start: string;
  readonly end: string;
  /** Referrals dated in the period. */
  readonly referrals: number;
  /** Of those, people who have bought by the as-of day. */
  readonly converted: number;
  /** Referred people whose first purchase falls in the period. */
  readonly firstPurchases: number;
}

export interface ReferralsByPeriod {
  readonly unit: PeriodUnit;
  readonly periods: readonly ReferralPeriodRow[];
  readonly undated: { readonly referrals: number; readonly converted: number };
}

/**
 * Referrals per period up to `asOf` (see the file comment).
 *
 * @throws KeepwiseError 'too-many-periods'
 * @example referralsByPeriod(pairs, 'quarter', asOf).periods[0].referrals
 */
export function referralsByPeriod(pairs: ReferralPairs, unit: PeriodUnit, asOf: number): ReferralsByPeriod {
  let lo = Infinity;
  let hi = -Infinity;
  const span = (d: number) => {
    if (d === MISSING_DAY || d > asOf) return;
    lo = Math.min(lo, d);
    hi = Math.max(hi, d);
  };
  for (let i = 0; i < pairs.count; i++) {
    span(pairs.day[i]);
    span(pairs.firstPurchase[i]);
  }
  if (lo <= hi) checkPeriodCount(lo, hi, unit);
  const grid = lo <= hi ? periodsBetween(lo, hi, unit) : periodsBetween(1, 0, unit);
  const at = periodLookup(grid);
  const referrals = new Float64Array(grid.count);
  const converted = new Float64Array(grid.count);
  const firstPurchases = new Float64Array(grid.count);
  const undated = { referrals: 0, converted: 0 };
  for (let i = 0; i < pairs.count; i++) {
    const d = pairs.day[i];
    const ok = convertedBy(pairs, i, asOf);
    if (d === MISSING_DAY) {
      undated.referrals++;
      if (ok) undated.converted++;
    } else if (d <= asOf) {
      const j = at(d);
      referrals[j]++;
      if (ok) converted[j]++;
    }
    if (ok) firstPurchases[at(pairs.firstPurchase[i])]++;
  }
  return {
    unit,
    periods: grid.labels.map((period, j) => ({ period, start: dayToIso(grid.starts[j]), end: dayToIso(grid.ends[j]), referrals: referrals[j], converted: converted[j], firstPurchases: firstPurchases[j] })),
    undated,
  };
}
