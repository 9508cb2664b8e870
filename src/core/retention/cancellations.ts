/**
 * Cancellations (kind 'churn': customer_id, date) next to subscriptions: the activity of churn
 * definition D, where a subscription spell ends on the latest cancellation dated inside it, and
 * per period the customers whom D and E count differently (docs/metrics.md section 4).
 */
import { MISSING_CODE, MISSING_DAY, type Table } from '../table.ts';
import { subscriptionActivityAt } from './activity.ts';
import { OPEN_END, type SubscriptionIndex } from './customer-index.ts';
import { boundaryDays } from './periods.ts';
import type { CancellationChurn } from './report-types.ts';
import { retentionByPeriod, type RetentionSeries } from './retention-periods.ts';

/**
 * Cancellation-adjusted activity (churn definition D): each subscription spell ends on the latest
 * cancellation dated inside it, when there is one. O(spells + cancellations).
 */
export function cancellationIndex(index: SubscriptionIndex, churn: Table): SubscriptionIndex | null {
  const ids = churn.columns.customer_id;
  const date = churn.columns.date;
  if (ids?.type !== 'dict' || date?.type !== 'day') return null;
  const numberOf = new Map<string, number>();
  index.customerIds.forEach((id, k) => numberOf.set(id, k));
  // Cancellations per customer, as CSR sorted by day.
  const K = index.customerIds.length;
  const count = new Uint32Array(K + 1);
  const cust = new Int32Array(churn.length).fill(-1);
  for (let i = 0; i < churn.length; i++) {
    const c = ids.codes[i];
    if (c === MISSING_CODE || c >= ids.dict.length || date.data[i] === MISSING_DAY) continue;
    const k = numberOf.get(ids.dict[c]);
    if (k === undefined) continue;
    cust[i] = k;
    count[k + 1]++;
  }
  for (let k = 0; k < K; k++) count[k + 1] += count[k];
  const days = new Int32Array(count[K]);
  const next = count.slice(0, K);
  for (let i = 0; i < churn.length; i++) if (cust[i] >= 0) days[next[cust[i]]++] = date.data[i];
  for (let k = 0; k < K; k++) days.subarray(count[k], count[k + 1]).sort();
  if (days.length === 0) return null;
  const ends = index.intervalEnds.slice();
  for (let k = 0; k < K; k++) {
    for (let i = index.intervalOffsets[k]; i < index.intervalOffsets[k + 1]; i++) {
      const s = index.intervalStarts[i];
      const e = index.intervalEnds[i];
      // Latest cancellation in [s, e] (a cancellation on the paid end day is the same churn).
      let best = MISSING_DAY;
      for (let t = count[k]; t < count[k + 1]; t++) if (days[t] >= s && (days[t] <= e || e === OPEN_END)) best = days[t];
      if (best !== MISSING_DAY && best < e) ends[i] = Math.max(best, s + 1);
    }
  }
  return { ...index, intervalEnds: ends };
}

/** Per period: D's start-active and lost counts and the customers D and E disagree on. */
export function cancellationChurn(series: RetentionSeries, adjusted: SubscriptionIndex, lastDay: number): (CancellationChurn | null)[] {
  const grid = series.grid;
  const activity = subscriptionActivityAt(adjusted, boundaryDays(grid));
  const periods = retentionByPeriod(grid, activity, series.firstPeriod, lastDay);
  return periods.map((p, j) => {
    const lostE = new Set(series.periods[j].members.lost);
    const lostD = new Set(p.members.lost);
    return {
      startActive: p.startActive,
      lost: p.lost,
      cancelledPaidLater: Array.from(p.members.lost).filter((k) => !lostE.has(k)),
      endedCancelledEarlier: Array.from(series.periods[j].members.lost).filter((k) => !lostD.has(k)),
    };
  });
}
