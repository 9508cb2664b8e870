import { describe, expect, it } from 'vitest';
import { buildOrderIndex } from '../../../../src/core/retention/customer-index.ts';
import { periodsBetween } from '../../../../src/core/retention/periods.ts';
import { forEachCustomerPeriod, type CustomerPeriod } from '../../../../src/core/returning/customer-periods.ts';
import { day } from '../retention/fixtures.ts';
import { RET_ORDERS } from './fixtures.ts';

describe('forEachCustomerPeriod', () => {
  it('one visit per customer and month with an order row; new in the month of the first order > 0', () => {
    const index = buildOrderIndex(RET_ORDERS);
    const seen: (CustomerPeriod & { id: string })[] = [];
    forEachCustomerPeriod(index, periodsBetween(day('2024-01-01'), day('2024-03-31'), 'month'), (p) => seen.push({ ...p, id: index.customerIds[p.customer] }));
    const rows = seen.map((p) => [p.id, p.period, p.isNew, p.spend, p.orders, p.orderRevenue]).sort((a, b) => String(a[0]).localeCompare(String(b[0])) || Number(a[1]) - Number(b[1]));
    expect(rows).toEqual([
      ['A', 0, true, 150, 2, 150], ['A', 1, false, 80, 1, 80], ['A', 2, false, -20, 0, 0],
      ['B', 1, true, 40, 1, 40], ['B', 2, false, 90, 2, 90],
      ['C', 2, true, 200, 1, 200],
      ['D', 0, false, -10, 0, 0], ['D', 1, true, 70, 1, 70],
      ['E', 0, true, 30, 1, 30], ['E', 1, false, 20, 1, 20],
    ]);
  });
});
