/**
 * The workspace's own "returning customers spend x % more" (issue #12 item 5; DESIGN.md section 7:
 * returning customers are often said to spend about 67 % more; show the user's own figure).
 *
 * Per customer, over the complete periods of the grid (a period cut short by the data's end
 * would lower both sides): the **new** value is what the customer spent in the period of their
 * first order, the **returning** value the average of what they spent in each later period in
 * which they ordered (customer-periods.ts). So every customer counts once on each side they
 * have, and within a side the customers are independent — the "per-customer spend" on which
 * Welch's test is valid (core/stats/welch-t-test.ts). The two sides share customers; their
 * values correlate positively (big spenders stay big), which makes the Welch interval of the
 * difference, computed as if independent, wider than needed: conservative, never flattering.
 *
 *   percentMore = (mean returning / mean new - 1) x 100
 *
 * with the interval of the ratio by the delta method on the log scale,
 * exp(log r ± z √(s_R² / (n_R m_R²) + s_N² / (n_N m_N²))) (Casella & Berger, "Statistical
 * Inference", 2nd ed., 5.5.4; the same independence convention, so also conservative).
 * The same for the average order value: per customer their orders' mean amount in the first
 * period against that in later periods.
 *
 * Complexity: O(orders + customers). Bad input: fewer than two customers on a side, or a mean
 * <= 0, give null differences / percents.
 */
import type { OrderIndex } from '../retention/customer-index.ts';
import type { PeriodGrid } from '../retention/periods.ts';
import { RunningMoments } from '../stats/running-moments.ts';
import { welchTTest } from '../stats/welch-t-test.ts';
import { forEachCustomerPeriod } from './customer-periods.ts';

export interface Uplift {
  readonly new: { readonly mean: number | null; readonly n: number };
  readonly returning: { readonly mean: number | null; readonly n: number };
  /** Returning minus new, with the Welch 95 % interval and two-sided p. */
  readonly diff: number | null;
  readonly low: number | null;
  readonly high: number | null;
  readonly p: number | null;
  /** (returning / new - 1) x 100 with its delta-method 95 % interval. */
  readonly percentMore: number | null;
  readonly percentLow: number | null;
  readonly percentHigh: number | null;
}

export interface ReturningUplift {
  /** Complete periods used. */
  readonly periods: number;
  readonly spendPerCustomer: Uplift;
  readonly aov: Uplift;
}

const Z95 = 1.959963984540054;

/** Returning against new from the two samples' moments (see the file comment). */
export function upliftOf(returning: RunningMoments, fresh: RunningMoments): Uplift {
  const w = returning.n >= 2 && fresh.n >= 2 ? welchTTest(returning.summary(), fresh.summary()) : null;
  const mR = returning.mean;
  const mN = fresh.mean;
  let percent: [number, number, number] | null = null;
  if (returning.n >= 2 && fresh.n >= 2 && mR > 0 && mN > 0) {
    const r = mR / mN;
    const se = Math.sqrt(returning.variance / (returning.n * mR * mR) + fresh.variance / (fresh.n * mN * mN));
    percent = [(r - 1) * 100, (r * Math.exp(-Z95 * se) - 1) * 100, (r * Math.exp(Z95 * se) - 1) * 100];
  }
  return {
    new: { mean: fresh.n === 0 ? null : mN, n: fresh.n },
    returning: { mean: returning.n === 0 ? null : mR, n: returning.n },
    diff: w?.diff ?? null,
    low: w?.low ?? null,
    high: w?.high ?? null,
    p: w?.p ?? null,
    percentMore: percent?.[0] ?? null,
    percentLow: percent?.[1] ?? null,
    percentHigh: percent?.[2] ?? null,
  };
}

/**
 * Returning vs new per customer over the grid's complete periods (see the file comment).
 *
 * @example returningUplift(index, grid).spendPerCustomer.percentMore
 */
export function returningUplift(index: OrderIndex, grid: PeriodGrid): ReturningUplift {
  let complete = 0;
  while (complete < grid.count && grid.ends[complete] <= index.maxDay) complete++;
  const spendNew = new RunningMoments();
  const spendOld = new RunningMoments();
  const aovNew = new RunningMoments();
  const aovOld = new RunningMoments();
  let customer = -1;
  let oldSpend = 0;
  let oldPeriods = 0;
  let oldOrders = 0;
  let oldOrderRevenue = 0;
  const flush = () => {
    if (oldPeriods > 0) spendOld.add(oldSpend / oldPeriods);
    if (oldOrders > 0) aovOld.add(oldOrderRevenue / oldOrders);
  };
  forEachCustomerPeriod(index, grid, (p) => {
    if (p.period >= complete) return;
    if (p.customer !== customer) {
      flush();
      customer = p.customer;
      oldSpend = oldPeriods = oldOrders = oldOrderRevenue = 0;
    }
    if (p.isNew) {
      spendNew.add(p.spend);
      if (p.orders > 0) aovNew.add(p.orderRevenue / p.orders);
    } else {
      oldSpend += p.spend;
      oldPeriods++;
      oldOrders += p.orders;
      oldOrderRevenue += p.orderRevenue;
    }
  });
  flush();
  return { periods: complete, spendPerCustomer: upliftOf(spendOld, spendNew), aov: upliftOf(aovOld, aovNew) };
}
