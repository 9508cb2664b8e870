/**
 * Referral rate (issue #12 item 4; DESIGN.md section 7): the share of active customers who
 * referred at least one customer who bought, shown against the benchmark bands 7 / 15 / 30 /
 * 50 %+.
 *
 * - Active customers: active on the as-of day (core/customers/active-on.ts: an order within W,
 *   or a running subscription).
 * - Referred a customer who bought: at least one referral (dated on or before the as-of day, or
 *   undated) whose referred person's first purchase is known and on or before the as-of day
 *   (referral-pairs.ts).
 * - rate = those referrers / active customers x 100 with its 95 % Wilson interval.
 * - The band is data, not a sentence: `band` 0 = under 7 %, 1 = 7 to under 15 %, 2 = 15 to under
 *   30 %, 3 = 30 to under 50 %, 4 = 50 % or more; `bandLow` / `bandHigh` are the bands of the
 *   interval's ends, so the page can say "somewhere between 7 and 30 %" when the interval spans
 *   bands. The band edges are the benchmarks of DESIGN.md section 7; the page names them.
 *
 * Complexity: O(pairs + customers). Bad input: no active customers gives rate null.
 */
import { MISSING_DAY } from '../table.ts';
import { wilsonInterval } from '../stats/wilson-interval.ts';
import type { ActiveCustomers } from '../customers/active-on.ts';
import { convertedBy, type ReferralPairs } from './referral-pairs.ts';

/** The benchmark band edges in percent (DESIGN.md section 7). */
export const REFERRAL_BANDS: readonly number[] = Object.freeze([7, 15, 30, 50]);

export interface ReferralRate {
  /** Active customers on the as-of day (the base). */
  readonly active: number;
  /** Of them, customers who referred at least one customer who bought. */
  readonly referrers: number;
  /** Customers who referred anyone, active or not, converted or not. */
  readonly anyReferrers: number;
  readonly rate: number | null;
  readonly low: number | null;
  readonly high: number | null;
  /** Band of the rate and of the interval's ends (0-4, see the file comment); null without a rate. */
  readonly band: number | null;
  readonly bandLow: number | null;
  readonly bandHigh: number | null;
  readonly bands: readonly number[];
}

/** The band (0-4) of a rate in percent. O(1). @example referralBand(12) // 1 */
export function referralBand(rate: number): number {
  let b = 0;
  while (b < REFERRAL_BANDS.length && rate >= REFERRAL_BANDS[b]) b++;
  return b;
}

/**
 * The referral rate on `active.asOf` (see the file comment).
 *
 * @example referralRate(pairs, activeCustomersOn(tables, customers, asOf, 90)).band
 */
export function referralRate(pairs: ReferralPairs, active: ActiveCustomers): ReferralRate {
  const asOf = active.asOf;
  const converted = new Uint8Array(active.active.length);
  const any = new Uint8Array(active.active.length);
  for (let i = 0; i < pairs.count; i++) {
    const k = pairs.referrer[i];
    if (k < 0) continue;
    any[k] = 1;
    const d = pairs.day[i];
    if ((d === MISSING_DAY || d <= asOf) && convertedBy(pairs, i, asOf)) converted[k] = 1;
  }
  let referrers = 0;
  let anyReferrers = 0;
  for (let k = 0; k < converted.length; k++) {
    anyReferrers += any[k];
    if (active.active[k] && converted[k]) referrers++;
  }
  const ci = wilsonInterval(referrers, active.count);
  const rate = active.count === 0 ? null : (referrers / active.count) * 100;
  return {
    active: active.count,
    referrers,
    anyReferrers,
    rate,
    low: ci ? ci.low * 100 : null,
    high: ci ? ci.high * 100 : null,
    band: rate === null ? null : referralBand(rate),
    bandLow: ci ? referralBand(ci.low * 100) : null,
    bandHigh: ci ? referralBand(ci.high * 100) : null,
    bands: REFERRAL_BANDS,
  };
}
