/**
 * Customer lifetimes for survival analysis (DESIGN.md section 3, "Survival: Kaplan-Meier curve of
 * customer lifetimes (start -> churn day) with right-censoring"): the durations and churned /
 * censored flags that `kaplanMeier` (survival-km.ts) takes, from the per-customer indexes.
 *
 * Two readings for orders: `orderPurchaseLifetimes` (first -> last purchase, the survival view
 * and the median lifetime, issue #8) and `orderLifetimes` (the first continuous spell with window
 * W, for the sBG cohort counts). For `orderLifetimes` and subscriptions a lifetime is the
 * customer's *first continuous spell* of activity (time to first churn), the usual survival reading; a customer who later reactivates starts a new spell that is not
 * counted here (the cohort "unbounded" view shows returners).
 * - Orders, window W: the spell starts on the first activity day (order > 0) and ends at the
 *   first gap longer than W between activity days a_i and a_i+1: the customer is active through
 *   a_i + W - 1 and churns on a_i + W (DESIGN.md section 2). A gap of exactly W keeps the spell
 *   going (the next order falls on the day activity would have lapsed).
 * - Subscriptions: the first merged interval [s, e); churn on e.
 * - Censoring: when the churn day is after `lastDay` (the data's last day), the customer was
 *   still active on lastDay: censored with duration lastDay - start (observed, not churned).
 * Durations are in days. Customers with no start (refund-only) or a start after lastDay are left out.
 */
import { MISSING_DAY } from '../table.ts';
import type { OrderIndex, SubscriptionIndex } from './customer-index.ts';

export interface Lifetimes {
  /** Days from start to churn (observed) or to lastDay (censored). */
  readonly durations: Float64Array;
  /** 1 = churned, 0 = censored (still active on lastDay). */
  readonly observed: Uint8Array;
  /** Customer number of each lifetime, for receipts. */
  readonly customers: Uint32Array;
}

function collect(n: number, fill: (push: (k: number, duration: number, churned: boolean) => void) => void): Lifetimes {
  const durations = new Float64Array(n);
  const observed = new Uint8Array(n);
  const customers = new Uint32Array(n);
  let at = 0;
  fill((k, duration, churned) => {
    durations[at] = duration;
    observed[at] = churned ? 1 : 0;
    customers[at++] = k;
  });
  return { durations: durations.slice(0, at), observed: observed.slice(0, at), customers: customers.slice(0, at) };
}

/**
 * Order lifetimes with window W, censored at `lastDay` (default: the index's last order day).
 * O(activity days).
 */
export function orderLifetimes(index: OrderIndex, window: number, lastDay: number = index.maxDay): Lifetimes {
  if (!Number.isInteger(window) || window < 1) throw new RangeError(`activity window W must be a positive whole number of days, got ${window}`);
  const { activeOffsets, activeDays } = index;
  return collect(index.customerIds.length, (push) => {
    for (let k = 0; k < index.customerIds.length; k++) {
      const from = activeOffsets[k];
      const to = activeOffsets[k + 1];
      if (from === to || activeDays[from] > lastDay) continue;
      let i = from;
      while (i + 1 < to && activeDays[i + 1] - activeDays[i] <= window) i++;
      const churnDay = activeDays[i] + window;
      if (churnDay > lastDay) push(k, lastDay - activeDays[from], false);
      else push(k, churnDay - activeDays[from], true);
    }
  });
}

/** Order lifetimes first -> last purchase, and the one-time buyers left out of them. */
export interface PurchaseLifetimes extends Lifetimes {
  /** Customers with one purchase day only (not a lifetime: "bought once"). */
  readonly oneTimeBuyers: number;
  /** Of them, still within W of their purchase on `lastDay` (active now). */
  readonly oneTimeActive: number;
}

/**
 * Order lifetimes defined honestly (issue #8): a repeat customer's lifetime runs from the first
 * to the last purchase day; it ended (churned) when W days have passed since the last purchase
 * by `lastDay`, else it is censored at last - first (the customer may still buy again).
 * One-time buyers have no lifetime: they are counted, not given a W-day life. Customers whose
 * first purchase is before `from` are left out (a report over a date range). O(customers).
 */
export function orderPurchaseLifetimes(index: OrderIndex, window: number, lastDay: number = index.maxDay, from = -Infinity): PurchaseLifetimes {
  if (!Number.isInteger(window) || window < 1) throw new RangeError(`activity window W must be a positive whole number of days, got ${window}`);
  const { activeOffsets, activeDays } = index;
  const firstAllowed = from;
  let oneTime = 0;
  let oneTimeActive = 0;
  const lt = collect(index.customerIds.length, (push) => {
    for (let k = 0; k < index.customerIds.length; k++) {
      const from = activeOffsets[k];
      let to = activeOffsets[k + 1];
      while (to > from && activeDays[to - 1] > lastDay) to--;
      if (to === from || activeDays[from] < firstAllowed) continue;
      const first = activeDays[from];
      const last = activeDays[to - 1];
      if (to - from === 1) {
        oneTime++;
        if (last + window > lastDay) oneTimeActive++;
        continue;
      }
      push(k, last - first, last + window <= lastDay);
    }
  });
  return { ...lt, oneTimeBuyers: oneTime, oneTimeActive };
}

/**
 * Subscription lifetimes (first merged interval), censored at `lastDay` (default: the index's
 * latest start or end day). O(customers).
 */
export function subscriptionLifetimes(index: SubscriptionIndex, lastDay: number = index.maxDay): Lifetimes {
  return collect(index.customerIds.length, (push) => {
    for (let k = 0; k < index.customerIds.length; k++) {
      const i = index.intervalOffsets[k];
      if (i === index.intervalOffsets[k + 1] || index.firstStart[k] === MISSING_DAY) continue;
      const s = index.intervalStarts[i];
      const e = index.intervalEnds[i];
      if (s > lastDay) continue;
      if (e > lastDay) push(k, lastDay - s, false);
      else push(k, e - s, true);
    }
  });
}
