/**
 * Suggested activity window W (DESIGN.md section 2: "the app suggests one from the data, e.g.
 * the 80th percentile of gaps between a customer's orders, and shows it"; issue #8: censoring-aware).
 *
 * W is read off the repurchase curve (repurchase.ts): the day by which 80 % of the repeat
 * purchases that happen at all have happened (Kaplan-Meier over the spells between a customer's
 * purchase days, each customer's last spell censored on the data's last day), rounded up and
 * clamped to [7, 730] days. A customer silent for W days has then probably lapsed. The plain
 * percentile of the observed gaps leaves out the spells still open — the long ones — and so
 * suggests a W that is too short.
 *
 * Edge case: no customer with two purchase days -> no repeat purchase; the suggestion falls back
 * to the default 90 days and says so (`basis: 'default'`).
 */
import type { OrderIndex } from './customer-index.ts';
import { repurchaseCurve } from './repurchase.ts';

export const DEFAULT_WINDOW = 90;
export const MIN_WINDOW = 7;
export const MAX_WINDOW = 730;
export const WINDOW_PERCENTILE = 0.8;

export interface WindowSuggestion {
  /** The suggested W in days. */
  readonly window: number;
  /** 'repurchase' when read off the repurchase curve, 'default' when there were no repeat purchases. */
  readonly basis: 'repurchase' | 'default';
  /** Repeat purchases (spells ended by a purchase) and customers with at least one. */
  readonly gaps: number;
  readonly customers: number;
  /** Spells still open on the data's last day (censored). */
  readonly censored: number;
  /** The share of the eventual repeat purchases (0.8) and the day it is reached (before rounding and clamping). */
  readonly percentile: number;
  readonly percentileDays: number | null;
  /** The day by which half of the repeat purchases have happened, for the explanation. */
  readonly medianDays: number | null;
  /** True when the clamp to [7, 730] changed the value. */
  readonly clamped: boolean;
}

/**
 * Suggests W from the repurchase curve of an order index (censored on `lastDay`, default the
 * index's last day). O(activity days log activity days).
 *
 * @example suggestWindow(buildOrderIndex(orders)).window
 */
export function suggestWindow(index: OrderIndex, lastDay: number = index.maxDay): WindowSuggestion {
  const curve = repurchaseCurve(index, lastDay);
  if (curve.repeats === 0 || curve.p80Days === null) {
    return { window: DEFAULT_WINDOW, basis: 'default', gaps: 0, customers: 0, censored: curve.censored, percentile: WINDOW_PERCENTILE, percentileDays: null, medianDays: null, clamped: false };
  }
  const raw = Math.ceil(curve.p80Days);
  const window = Math.min(MAX_WINDOW, Math.max(MIN_WINDOW, raw));
  return {
    window,
    basis: 'repurchase',
    gaps: curve.repeats,
    customers: curve.repeatCustomers,
    censored: curve.censored,
    percentile: WINDOW_PERCENTILE,
    percentileDays: curve.p80Days,
    medianDays: curve.p50Days,
    clamped: window !== raw,
  };
}
