/**
 * Who is a customer on one day (DESIGN.md section 2, "Activity: who is a customer on day d"),
 * over both kinds of activity at once, for the figures that count "active customers" (issue #12:
 * the referral rate's base):
 * - orders: active on d when the customer has an order with amount > 0 (or no amount column)
 *   dated in [d - W + 1, d];
 * - subscriptions: active on d when a subscription has start <= d and (no end, or d < end).
 * A customer is active when either holds.
 *
 * Complexity: O(rows of orders and subscriptions + customers). Bad input: rows without a customer
 * or a date are skipped; throws RangeError "activeCustomersOn requires windowDays >= 1, got ..."
 * for a window that is not a whole number >= 1.
 */
import { MISSING_CODE, MISSING_DAY, type Table } from '../table.ts';
import type { DataKind } from '../schema/kinds.ts';
import type { CustomerTable } from './customer-table.ts';

export interface ActiveCustomers {
  /** 1 = active on asOf, per customer number. */
  readonly active: Uint8Array;
  readonly count: number;
  /** Active by an order within W / by a running subscription (a customer may be both). */
  readonly byOrders: number;
  readonly bySubscriptions: number;
  readonly asOf: number;
  readonly windowDays: number;
}

/**
 * The customers active on `asOf` (see the file comment).
 *
 * @throws RangeError for a window that is not a whole number >= 1
 * @example activeCustomersOn(tables, customers, customers.lastDay, 90).count
 */
export function activeCustomersOn(tables: Readonly<Partial<Record<DataKind, Table>>>, customers: CustomerTable, asOf: number, windowDays: number): ActiveCustomers {
  if (!(Number.isInteger(windowDays) && windowDays >= 1)) throw new RangeError(`activeCustomersOn requires windowDays >= 1, got ${windowDays}`);
  const n = customers.count;
  const byOrder = new Uint8Array(n);
  const bySub = new Uint8Array(n);
  const orders = tables.orders;
  const orderRows = customers.rowCustomer.orders;
  if (orders && orderRows && orders.columns.date?.type === 'day') {
    const date = orders.columns.date.data;
    const amount = orders.columns.amount?.type === 'num' ? orders.columns.amount.data : null;
    const from = asOf - windowDays + 1;
    for (let r = 0; r < orders.length; r++) {
      const k = orderRows[r];
      const d = date[r];
      if (k === MISSING_CODE || d === MISSING_DAY || d < from || d > asOf) continue;
      if (amount && amount[r] <= 0) continue;
      byOrder[k] = 1;
    }
  }
  const subs = tables.subscriptions;
  const subRows = customers.rowCustomer.subscriptions;
  if (subs && subRows && subs.columns.start_date?.type === 'day') {
    const start = subs.columns.start_date.data;
    const end = subs.columns.end_date?.type === 'day' ? subs.columns.end_date.data : null;
    for (let r = 0; r < subs.length; r++) {
      const k = subRows[r];
      const s = start[r];
      if (k === MISSING_CODE || s === MISSING_DAY || s > asOf) continue;
      const e = end ? end[r] : MISSING_DAY;
      if (e !== MISSING_DAY && (e <= s || e <= asOf)) continue;
      bySub[k] = 1;
    }
  }
  const active = new Uint8Array(n);
  let count = 0;
  let byOrders = 0;
  let bySubscriptions = 0;
  for (let k = 0; k < n; k++) {
    byOrders += byOrder[k];
    bySubscriptions += bySub[k];
    if (byOrder[k] || bySub[k]) {
      active[k] = 1;
      count++;
    }
  }
  return { active, count, byOrders, bySubscriptions, asOf, windowDays };
}
