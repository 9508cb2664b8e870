/**
 * The repurchase curve (issue #8): how soon customers buy again. For order data it replaces the
 * lifetime curve as the first survival view, because a lifetime on order data depends on the
 * activity window W, and this curve does not.
 *
 * Every purchase day a_i of a customer opens a spell that ends with the next purchase day
 * a_i+1 (an event after a_i+1 - a_i days); the customer's last purchase day opens a spell still
 * open on the data's last day L: right-censored after L - a_m days (the next purchase has not
 * happened *yet*; leaving such spells out, as a percentile of the observed gaps does, biases the
 * times down). Kaplan-Meier over all spells gives S(t) = P(no repurchase within t days), with the
 * Greenwood band (survival-km.ts).
 *
 * Many customers never come back, so S(t) levels off above 0: F(t) = 1 - S(t) rises to the share
 * of spells that end in a repurchase at all, F_end = F at the last repurchase seen. The
 * q-points are the first t with F(t) >= q x F_end: "half of the repeat purchases come within
 * p50 days; 80 % within p80 days" — the activity window W is suggested from p80
 * (suggest-window.ts).
 *
 * Purchase days: distinct days with an order of amount > 0 or without an amount (the index's
 * activity days). O(activity days log activity days).
 */
import type { OrderIndex } from './customer-index.ts';
import { kaplanMeier, type KaplanMeierCurve } from './survival-km.ts';

export interface RepurchaseCurve {
  readonly km: KaplanMeierCurve;
  /** Spells: purchase days up to the last day. */
  readonly spells: number;
  /** Spells that ended in a repurchase. */
  readonly repeats: number;
  /** Spells still open on the last day (censored). */
  readonly censored: number;
  /** Customers with at least one repurchase. */
  readonly repeatCustomers: number;
  /** F_end: share of spells that end in a repurchase by the last repurchase seen (null without repeats). */
  readonly eventualShare: number | null;
  /** First t (days) with F(t) >= q x F_end, q = 0.5, 0.8, 0.9 (null without repeats). */
  readonly p50Days: number | null;
  readonly p80Days: number | null;
  readonly p90Days: number | null;
}

/** The first time with F(t) >= q x F_end on a Kaplan-Meier curve of spells, or null. */
export function repurchasePoint(km: KaplanMeierCurve, q: number): number | null {
  let last = -1;
  for (let i = 0; i < km.time.length; i++) if (km.events[i] > 0) last = i;
  if (last < 0) return null;
  const target = q * (1 - km.survival[last]);
  for (let i = 0; i <= last; i++) if (1 - km.survival[i] >= target - 1e-12) return km.time[i];
  return km.time[last];
}

/**
 * The repurchase curve of an order index, censored on `lastDay` (default: the index's last
 * order day).
 *
 * @example repurchaseCurve(buildOrderIndex(orders)).p80Days
 */
export function repurchaseCurve(index: OrderIndex, lastDay: number = index.maxDay): RepurchaseCurve {
  const { activeOffsets, activeDays } = index;
  let n = 0;
  for (let k = 0; k < index.customerIds.length; k++) {
    for (let i = activeOffsets[k]; i < activeOffsets[k + 1] && activeDays[i] <= lastDay; i++) n++;
  }
  const durations = new Float64Array(n);
  const observed = new Uint8Array(n);
  let at = 0;
  let repeatCustomers = 0;
  for (let k = 0; k < index.customerIds.length; k++) {
    const from = activeOffsets[k];
    let to = activeOffsets[k + 1];
    while (to > from && activeDays[to - 1] > lastDay) to--;
    if (to - from > 1) repeatCustomers++;
    for (let i = from; i < to; i++) {
      if (i + 1 < to) {
        durations[at] = activeDays[i + 1] - activeDays[i];
        observed[at++] = 1;
      } else {
        durations[at] = lastDay - activeDays[i];
        observed[at++] = 0;
      }
    }
  }
  const km = kaplanMeier(durations, observed);
  const p50 = repurchasePoint(km, 0.5);
  let lastEvent = -1;
  for (let i = 0; i < km.time.length; i++) if (km.events[i] > 0) lastEvent = i;
  return {
    km,
    spells: n,
    repeats: km.totalEvents,
    censored: n - km.totalEvents,
    repeatCustomers,
    eventualShare: lastEvent < 0 ? null : 1 - km.survival[lastEvent],
    p50Days: p50,
    p80Days: repurchasePoint(km, 0.8),
    p90Days: repurchasePoint(km, 0.9),
  };
}
