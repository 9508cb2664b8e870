/**
 * Historical customer value (issue #11 item 1; DESIGN.md section 6): what customers have been
 * worth so far.
 *
 * - Per customer: revenue to date (every order amount up to the as-of day, refunds included,
 *   compensated sums) x gross margin.
 * - Per acquisition cohort (the month of the first purchase): customers, average historical
 *   value, and the cohort LTV curve: cumulative margin-weighted revenue per cohort customer by
 *   months since the first order (month 0 = the first order's calendar month), up to the last
 *   month each cohort has been observed in.
 * - Pareto: the share of revenue from the top 20 % and the top 1 % of customers by revenue
 *   (at least one customer each; DESIGN.md section 6: "share of revenue from the top 20 %").
 *
 * Complexity: O(orders + customers log customers) (one sort for the Pareto shares).
 *
 * Bad-input policy: customers without a purchase (refund-only) have value NaN and are in no
 * cohort; NaN amounts add nothing.
 */
import { dayToIso, monthIndexOfDay } from '../parse/date.ts';
import type { OrderIndex } from '../retention/customer-index.ts';
import { KahanSums } from '../stats/kahan-sum.ts';
import { MISSING_DAY } from '../table.ts';

export interface CohortValue {
  /** `yyyy-mm` of the cohort's first purchases. */
  readonly cohort: string;
  readonly customers: number;
  /** Mean historical value (revenue to date x margin) of the cohort's customers. */
  readonly average: number;
  /** Cumulative value per cohort customer at months 0, 1, … since the first order. */
  readonly curve: Float64Array;
}

export interface HistoricalClv {
  /** Revenue to date x margin, per customer of the index (NaN: never purchased). */
  readonly value: Float64Array;
  /** Revenue to date (no margin). */
  readonly revenue: Float64Array;
  readonly customers: number;
  readonly total: number;
  readonly average: number | null;
  readonly cohorts: CohortValue[];
  /** Share of revenue from the top 20 % / 1 % of customers (null when the total is not positive). */
  readonly top20Share: number | null;
  readonly top1Share: number | null;
}

/**
 * Historical value of the customers of an order index, up to `asOf` (default: the last order day).
 *
 * @example historicalClv(index, 0.4).top20Share // e.g. 0.62
 */
export function historicalClv(index: OrderIndex, margin: number, asOf: number = index.maxDay): HistoricalClv {
  const n = index.customerIds.length;
  const sums = new KahanSums(n);
  const { offsets, days, amounts, firstActiveDay } = index;
  for (let k = 0; k < n; k++) for (let i = offsets[k]; i < offsets[k + 1] && days[i] <= asOf; i++) sums.add(k, amounts[i]);
  const revenue = sums.values();
  const value = new Float64Array(n);
  const lastMonth = monthIndexOfDay(asOf);
  // Cohort month per customer, and cumulative revenue by month offset per cohort.
  const cohortOf = new Map<number, { customers: number; total: number; byOffset: KahanSums }>();
  let customers = 0;
  const totals = new KahanSums(1);
  const positive: number[] = [];
  for (let k = 0; k < n; k++) {
    const first = firstActiveDay[k];
    if (first === MISSING_DAY || first > asOf) {
      value[k] = NaN;
      revenue[k] = NaN;
      continue;
    }
    customers++;
    value[k] = revenue[k] * margin;
    totals.add(0, revenue[k]);
    positive.push(revenue[k]);
    const month = monthIndexOfDay(first);
    let c = cohortOf.get(month);
    if (!c) cohortOf.set(month, (c = { customers: 0, total: 0, byOffset: new KahanSums(lastMonth - month + 1) }));
    c.customers++;
    c.total += value[k];
    for (let i = offsets[k]; i < offsets[k + 1] && days[i] <= asOf; i++) {
      const a = amounts[i];
      if (a === a) c.byOffset.add(monthIndexOfDay(days[i]) - month, a * margin);
    }
  }
  const cohorts: CohortValue[] = [...cohortOf.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([month, c]) => {
      const curve = c.byOffset.values();
      for (let j = 0; j < curve.length; j++) curve[j] = (j > 0 ? curve[j - 1] : 0) + curve[j] / c.customers;
      const y = Math.floor(month / 12);
      return { cohort: dayToIso(Date.UTC(y, month % 12, 1) / 86_400_000).slice(0, 7), customers: c.customers, average: c.total / c.customers, curve };
    });
  const total = totals.value(0);
  const sorted = Float64Array.from(positive).sort().reverse();
  const share = (q: number): number | null => {
    if (!(total > 0) || sorted.length === 0) return null;
    const top = Math.max(1, Math.ceil(q * sorted.length));
    const s = new KahanSums(1);
    for (let i = 0; i < top; i++) s.add(0, sorted[i]);
    return s.value(0) / total;
  };
  return {
    value,
    revenue,
    customers,
    total: total * margin,
    average: customers > 0 ? (total * margin) / customers : null,
    cohorts,
    top20Share: share(0.2),
    top1Share: share(0.01),
  };
}
