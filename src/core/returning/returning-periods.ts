/**
 * Returning vs new customers per period (issue #12 item 5; DESIGN.md section 7: "average spend
 * per customer and order value"): for each period, the customers new in it (their first order
 * falls in it) and the returning ones (first order earlier), each with their customers, revenue,
 * average spend per customer (revenue / customers with an order row in the period), orders and
 * average order value (the mean amount of the orders > 0). The spend difference returning - new
 * comes with its Welch 95 % interval (core/stats/welch-t-test.ts: the two groups are different
 * customers, so the samples are independent). Groups and revenue follow customer-periods.ts, so
 * they reconcile with the retention report's revenue new vs returning.
 *
 * Complexity: O(orders + customers + periods). Bad input: periods without customers give null
 * figures; fewer than two customers in a group, no difference.
 */
import { dayToIso } from '../parse/date.ts';
import type { OrderIndex } from '../retention/customer-index.ts';
import type { PeriodGrid } from '../retention/periods.ts';
import { KahanSums } from '../stats/kahan-sum.ts';
import { RunningMoments } from '../stats/running-moments.ts';
import { welchTTest } from '../stats/welch-t-test.ts';
import { forEachCustomerPeriod } from './customer-periods.ts';

export interface SpendGroup {
  readonly customers: number;
  readonly revenue: number;
  /** Average spend per customer in the period (null without customers). */
  readonly spendPerCustomer: number | null;
  /** Standard deviation of the customers' spend (null for fewer than two). */
  readonly spendSd: number | null;
  readonly orders: number;
  /** Average order value (orders > 0; null without orders). */
  readonly aov: number | null;
}

export interface ReturningPeriodRow {
  readonly period: string;
  readonly start: string;
  readonly end: string;
  /** False when the period ends after the data's last order day. */
  readonly complete: boolean;
  readonly new: SpendGroup;
  readonly returning: SpendGroup;
  /** Returning minus new average spend per customer, with the Welch 95 % interval and p. */
  readonly spendDiff: { readonly diff: number; readonly low: number; readonly high: number; readonly p: number } | null;
}

/**
 * The new and returning customers of every period of `grid` (see the file comment).
 *
 * @example returningByPeriod(buildOrderIndex(orders), periodsBetween(from, to, 'month'))[0].returning.spendPerCustomer
 */
export function returningByPeriod(index: OrderIndex, grid: PeriodGrid): ReturningPeriodRow[] {
  const P = grid.count;
  const spend = [Array.from({ length: P }, () => new RunningMoments()), Array.from({ length: P }, () => new RunningMoments())];
  const revenue = [new KahanSums(P), new KahanSums(P)];
  const orderRevenue = [new KahanSums(P), new KahanSums(P)];
  const orders = [new Float64Array(P), new Float64Array(P)];
  forEachCustomerPeriod(index, grid, (p) => {
    const g = p.isNew ? 0 : 1;
    spend[g][p.period].add(p.spend);
    revenue[g].add(p.period, p.spend);
    orderRevenue[g].add(p.period, p.orderRevenue);
    orders[g][p.period] += p.orders;
  });
  const group = (g: number, j: number): SpendGroup => {
    const m = spend[g][j];
    return {
      customers: m.n,
      revenue: revenue[g].value(j),
      spendPerCustomer: m.n === 0 ? null : m.mean,
      spendSd: m.n < 2 ? null : Math.sqrt(m.variance),
      orders: orders[g][j],
      aov: orders[g][j] === 0 ? null : orderRevenue[g].value(j) / orders[g][j],
    };
  };
  return grid.labels.map((period, j) => {
    const w = spend[0][j].n >= 2 && spend[1][j].n >= 2 ? welchTTest(spend[1][j].summary(), spend[0][j].summary()) : null;
    return {
      period,
      start: dayToIso(grid.starts[j]),
      end: dayToIso(grid.ends[j]),
      complete: grid.ends[j] <= index.maxDay,
      new: group(0, j),
      returning: group(1, j),
      spendDiff: w ? { diff: w.diff, low: w.low, high: w.high, p: w.p } : null,
    };
  });
}
