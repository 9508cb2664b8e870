/**
 * Revenue per period, split into new and returning customers (DESIGN.md sections 2 and 7:
 * refunds and corrections "do count in revenue"; "returning vs new customers").
 *
 * Revenue of period P = the sum of all order amounts dated in P, refunds (negative amounts)
 * included, missing amounts (NaN) skipped. An order is *new-customer revenue* when its customer
 * is new in P (first order with amount > 0 in P) and *returning-customer revenue* otherwise —
 * including customers who have never bought (refund-only rows), who are not new in any period.
 * Sums are compensated (Neumaier), so totals match the cents of a spreadsheet.
 */
import { MISSING_DAY } from '../table.ts';
import { KahanSums } from '../stats/kahan-sum.ts';
import type { OrderIndex } from './customer-index.ts';
import { periodIndexIn, periodLookup, type PeriodGrid } from './periods.ts';

export interface PeriodRevenue {
  /** Per grid period j. total = fromNew + fromReturning (up to rounding). */
  readonly total: Float64Array;
  readonly fromNew: Float64Array;
  readonly fromReturning: Float64Array;
  /** Distinct customers with at least one order row in period j, by group. */
  readonly newCustomers: Uint32Array;
  readonly returningCustomers: Uint32Array;
}

/**
 * Revenue per period of `grid`, new vs returning. Orders outside the grid are ignored.
 *
 * O(n + periods): one pass over the customer-sorted orders; the period of each order is O(1).
 */
export function revenueByPeriod(index: OrderIndex, grid: PeriodGrid): PeriodRevenue {
  const P = grid.count;
  const total = new KahanSums(P);
  const fromNew = new KahanSums(P);
  const fromReturning = new KahanSums(P);
  const newCustomers = new Uint32Array(P);
  const returningCustomers = new Uint32Array(P);
  const customers = index.customerIds.length;
  const periodAt = periodLookup(grid);
  for (let k = 0; k < customers; k++) {
    const first = index.firstActiveDay[k];
    const newPeriod = first === MISSING_DAY ? -1 : periodIndexIn(grid, first);
    let lastSeen = -1;
    for (let i = index.offsets[k]; i < index.offsets[k + 1]; i++) {
      const j = periodAt(index.days[i]);
      if (j < 0) continue;
      const a = index.amounts[i];
      total.add(j, a);
      if (j === newPeriod) fromNew.add(j, a);
      else fromReturning.add(j, a);
      // Days are ascending per customer, so periods are too: count each customer once per period.
      if (j !== lastSeen) {
        if (j === newPeriod) newCustomers[j]++;
        else returningCustomers[j]++;
        lastSeen = j;
      }
    }
  }
  return { total: total.values(), fromNew: fromNew.values(), fromReturning: fromReturning.values(), newCustomers, returningCustomers };
}
