/**
 * A customer's spend per period, as new or returning customer (issue #12 item 5; DESIGN.md
 * sections 2 and 7): the one pass that the returning-vs-new figures share.
 *
 * For every customer and every period of the grid in which the customer has an order row: the
 * spend (sum of the period's order amounts, refunds included, missing amounts skipped), the
 * orders with amount > 0 and their sum (for the average order value). The customer is **new** in
 * the period containing their first order with amount > 0 and **returning** in any other period
 * — the rule of core/retention/revenue-by-period.ts, so new + returning revenue and customers
 * reconcile with the retention report's `revenueNew` / `revenueReturning` (a customer whose only
 * rows are refunds is returning, as there).
 *
 * Complexity: O(orders + customers), over the customer-sorted order index
 * (core/retention/customer-index.ts); no per-(customer, period) memory.
 */
import { MISSING_DAY } from '../table.ts';
import type { OrderIndex } from '../retention/customer-index.ts';
import { periodIndexIn, periodLookup, type PeriodGrid } from '../retention/periods.ts';

/** One customer's period. */
export interface CustomerPeriod {
  readonly customer: number;
  /** Grid index of the period. */
  readonly period: number;
  readonly isNew: boolean;
  /** Sum of the period's order amounts (refunds included). */
  readonly spend: number;
  /** Orders with amount > 0, and their sum. */
  readonly orders: number;
  readonly orderRevenue: number;
}

/**
 * Calls `visit` once per (customer, period with an order row), customers in index order and
 * periods ascending. The object passed is reused: copy what you keep.
 *
 * @example forEachCustomerPeriod(index, grid, (p) => (p.isNew ? newSpend.add(p.spend) : oldSpend.add(p.spend)))
 */
export function forEachCustomerPeriod(index: OrderIndex, grid: PeriodGrid, visit: (p: CustomerPeriod) => void): void {
  const at = periodLookup(grid);
  const cur = { customer: 0, period: -1, isNew: false, spend: 0, orders: 0, orderRevenue: 0 };
  const flush = () => {
    if (cur.period >= 0) visit(cur);
  };
  const customers = index.customerIds.length;
  for (let k = 0; k < customers; k++) {
    const first = index.firstActiveDay[k];
    const newPeriod = first === MISSING_DAY ? -1 : periodIndexIn(grid, first);
    cur.customer = k;
    cur.period = -1;
    for (let i = index.offsets[k]; i < index.offsets[k + 1]; i++) {
      const j = at(index.days[i]);
      if (j < 0) continue;
      if (j !== cur.period) {
        flush();
        cur.period = j;
        cur.isNew = j === newPeriod;
        cur.spend = 0;
        cur.orders = 0;
        cur.orderRevenue = 0;
      }
      const a = index.amounts[i];
      if (Number.isNaN(a)) continue;
      cur.spend += a;
      if (a > 0) {
        cur.orders++;
        cur.orderRevenue += a;
      }
    }
    flush();
  }
}
