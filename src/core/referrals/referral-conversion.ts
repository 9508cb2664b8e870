/**
 * Conversion of referred people to a first purchase, and the time it takes (issue #12 item 4;
 * DESIGN.md section 7: "conversion of referred people to a first purchase").
 *
 * - Conversion: referred people whose first purchase is known on or before the as-of day /
 *   referrals made on or before it (undated referrals included), with the 95 % Wilson interval.
 *   A recent referral may still convert: `within` gives the conversion within D days (30 and 90)
 *   among the referrals made at least D days before the as-of day, which every such referral has
 *   had the time to reach (a fair rate to compare across periods).
 * - Time to the first purchase: days from the referral to the first purchase, for converted
 *   referrals with both days and the purchase not before the referral: median and quartiles
 *   (Hyndman & Fan type 7, core/stats/quantile-sorted.ts), mean, and the distribution in bins of
 *   0-7, 8-14, 15-30, 31-60, 61-90, 91-180 and over 180 days. A first purchase before the
 *   referral (the person was a customer already) is counted in `boughtBefore`, not timed.
 *
 * Complexity: O(pairs log pairs) for the sort of the times. Bad input: none; empty input gives
 * rates null.
 */
import { MISSING_DAY } from '../table.ts';
import { quantileSorted } from '../stats/quantile-sorted.ts';
import { wilsonInterval } from '../stats/wilson-interval.ts';
import { FIRST_PURCHASE_FROM, convertedBy, type ReferralPairs } from './referral-pairs.ts';

/** Upper ends (inclusive, days) of the time-to-first-purchase bins; the last bin is open. */
export const TIME_BINS: readonly number[] = Object.freeze([7, 14, 30, 60, 90, 180]);

export interface ConversionWithin {
  readonly days: number;
  /** Dated referrals made at least `days` days before the as-of day (not bought before). */
  readonly eligible: number;
  readonly converted: number;
  readonly rate: number | null;
  readonly low: number | null;
  readonly high: number | null;
}

export interface ReferralConversion {
  readonly referrals: number;
  readonly converted: number;
  readonly rate: number | null;
  readonly low: number | null;
  readonly high: number | null;
  /** Where the converted people's first purchase came from. */
  readonly fromFile: number;
  readonly fromOrders: number;
  readonly fromSubscriptions: number;
  readonly boughtBefore: number;
  /** Converted referrals without a referral day (not timed). */
  readonly undated: number;
  readonly days: {
    readonly n: number;
    readonly median: number | null;
    readonly p25: number | null;
    readonly p75: number | null;
    readonly mean: number | null;
    /** Counts per bin: [0, 7], [8, 14], ... (TIME_BINS), and over 180. */
    readonly bins: readonly { readonly from: number; readonly to: number | null; readonly count: number }[];
  };
  readonly within: readonly ConversionWithin[];
}

const share = (x: number, n: number) => {
  const ci = wilsonInterval(x, n);
  return { rate: n === 0 ? null : (x / n) * 100, low: ci ? ci.low * 100 : null, high: ci ? ci.high * 100 : null };
};

/**
 * Conversion and time to the first purchase as of `asOf` (see the file comment).
 *
 * @example referralConversion(pairs, customers.lastDay).days.median
 */
export function referralConversion(pairs: ReferralPairs, asOf: number, windows: readonly number[] = [30, 90]): ReferralConversion {
  let referrals = 0;
  let converted = 0;
  let fromFile = 0;
  let fromOrders = 0;
  let fromSubscriptions = 0;
  let boughtBefore = 0;
  let undated = 0;
  const times: number[] = [];
  const eligible = new Float64Array(windows.length);
  const within = new Float64Array(windows.length);
  for (let i = 0; i < pairs.count; i++) {
    const d = pairs.day[i];
    if (d !== MISSING_DAY && d > asOf) continue;
    referrals++;
    const ok = convertedBy(pairs, i, asOf);
    const fp = pairs.firstPurchase[i];
    if (d !== MISSING_DAY && !(ok && fp < d)) {
      windows.forEach((w, j) => {
        if (d > asOf - w) return;
        eligible[j]++;
        if (ok && fp - d <= w) within[j]++;
      });
    }
    if (!ok) continue;
    converted++;
    const from = pairs.firstPurchaseFrom[i];
    if (from === FIRST_PURCHASE_FROM.file) fromFile++;
    else if (from === FIRST_PURCHASE_FROM.orders) fromOrders++;
    else if (from === FIRST_PURCHASE_FROM.subscriptions) fromSubscriptions++;
    if (d === MISSING_DAY) undated++;
    else if (fp < d) boughtBefore++;
    else times.push(fp - d);
  }
  const sorted = Float64Array.from(times).sort();
  const q = (p: number) => (sorted.length === 0 ? null : quantileSorted(sorted, p));
  const edges = [...TIME_BINS];
  const bins = edges.map((to, b) => ({ from: b === 0 ? 0 : edges[b - 1] + 1, to: to as number | null, count: 0 }));
  bins.push({ from: edges[edges.length - 1] + 1, to: null, count: 0 });
  for (const t of sorted) {
    let b = 0;
    while (b < edges.length && t > edges[b]) b++;
    bins[b].count++;
  }
  return {
    referrals,
    converted,
    ...share(converted, referrals),
    fromFile,
    fromOrders,
    fromSubscriptions,
    boughtBefore,
    undated,
    days: { n: sorted.length, median: q(0.5), p25: q(0.25), p75: q(0.75), mean: sorted.length === 0 ? null : sorted.reduce((a, b) => a + b, 0) / sorted.length, bins },
    within: windows.map((days, j) => ({ days, eligible: eligible[j], converted: within[j], ...share(within[j], eligible[j]) })),
  };
}
