/**
 * Suggested activity window W (DESIGN.md section 2: "the app suggests one from the data, e.g.
 * the 80th percentile of gaps between a customer's orders, and shows it").
 *
 * Gaps are measured between a customer's consecutive *activity days* (distinct days with an
 * order of amount > 0; same-day orders are one purchase, refunds are not purchases), pooled over
 * all customers. W = ceil(80th percentile of the gaps), clamped to [7, 730] days: 80 % of repeat
 * purchases come within W days of the previous one, so a customer silent for W days has probably
 * lapsed. The percentile is Hyndman-Fan type 7 (see stats/quantile-sorted.ts).
 *
 * Edge case: no customer with two activity days -> no gaps; the suggestion falls back to the
 * default 90 days and says so (`basis: 'default'`).
 */
import { quantileSorted } from '../stats/quantile-sorted.ts';
import type { OrderIndex } from './customer-index.ts';

export const DEFAULT_WINDOW = 90;
export const MIN_WINDOW = 7;
export const MAX_WINDOW = 730;
export const WINDOW_PERCENTILE = 0.8;

export interface WindowSuggestion {
  /** The suggested W in days. */
  readonly window: number;
  /** 'gaps' when computed from the data, 'default' when there were no repeat purchases. */
  readonly basis: 'gaps' | 'default';
  /** Number of gaps and customers with at least one gap. */
  readonly gaps: number;
  readonly customers: number;
  /** The percentile used (0.8) and the raw percentile value in days (before rounding and clamping). */
  readonly percentile: number;
  readonly percentileDays: number | null;
  /** Median gap in days, for the explanation. */
  readonly medianDays: number | null;
  /** True when the clamp to [7, 730] changed the value. */
  readonly clamped: boolean;
}

/**
 * Suggests W from the gaps between consecutive activity days.
 *
 * O(n log n): the gaps are sorted (typed-array numeric sort).
 */
export function suggestWindow(index: OrderIndex): WindowSuggestion {
  const { activeOffsets, activeDays } = index;
  const customers = index.customerIds.length;
  let n = 0;
  let withGap = 0;
  for (let k = 0; k < customers; k++) {
    const len = activeOffsets[k + 1] - activeOffsets[k];
    if (len > 1) {
      n += len - 1;
      withGap++;
    }
  }
  if (n === 0) {
    return { window: DEFAULT_WINDOW, basis: 'default', gaps: 0, customers: 0, percentile: WINDOW_PERCENTILE, percentileDays: null, medianDays: null, clamped: false };
  }
  const gaps = new Int32Array(n);
  let at = 0;
  for (let k = 0; k < customers; k++) {
    for (let i = activeOffsets[k] + 1; i < activeOffsets[k + 1]; i++) gaps[at++] = activeDays[i] - activeDays[i - 1];
  }
  gaps.sort();
  const q = quantileSorted(gaps, WINDOW_PERCENTILE);
  const raw = Math.ceil(q);
  const window = Math.min(MAX_WINDOW, Math.max(MIN_WINDOW, raw));
  return {
    window,
    basis: 'gaps',
    gaps: n,
    customers: withGap,
    percentile: WINDOW_PERCENTILE,
    percentileDays: q,
    medianDays: quantileSorted(gaps, 0.5),
    clamped: window !== raw,
  };
}
