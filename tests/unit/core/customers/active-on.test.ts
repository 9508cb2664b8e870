import { describe, expect, it } from 'vitest';
import { activeCustomersOn } from '../../../../src/core/customers/active-on.ts';
import { buildCustomerTable } from '../../../../src/core/customers/customer-table.ts';
import { day, ordersTable, subscriptionsTable } from '../retention/fixtures.ts';

describe('activeCustomersOn', () => {
  it('an order > 0 in [d - W + 1, d] or a running subscription (start <= d < end)', () => {
    const orders = ordersTable([
      ['A', '2024-03-02', 10], // day 30 of the window ending 03-31 (W = 30): active
      ['B', '2024-03-01', 10], // one day too early: not active
      ['C', '2024-03-20', -5], // a refund never makes a customer active
      ['D', '2024-04-01', 10], // after the day
    ]);
    const subscriptions = subscriptionsTable([['E', '2024-01-01', null, 10], ['F', '2024-01-01', '2024-03-31', 10], ['A', '2024-01-01', null, 5]]);
    const tables = { orders, subscriptions };
    const ct = buildCustomerTable(tables);
    const a = activeCustomersOn(tables, ct, day('2024-03-31'), 30);
    expect(['A', 'B', 'C', 'D', 'E', 'F'].map((id) => a.active[ct.numberOf(id)])).toEqual([1, 0, 0, 0, 1, 0]);
    expect([a.count, a.byOrders, a.bySubscriptions]).toEqual([2, 1, 2]);
  });
  it('a bad window throws', () => {
    const orders = ordersTable([['A', '2024-03-02', 10]]);
    expect(() => activeCustomersOn({ orders }, buildCustomerTable({ orders }), 0, 0)).toThrow('activeCustomersOn requires windowDays >= 1, got 0');
  });
});
