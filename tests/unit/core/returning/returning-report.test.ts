import { describe, expect, it } from 'vitest';
import { returningReport } from '../../../../src/core/returning/returning-report.ts';
import { retentionReport } from '../../../../src/core/retention/report.ts';
import { RET_ORDERS } from './fixtures.ts';

describe('returningReport', () => {
  it('months of the data; revenue new / returning reconcile with the retention report', () => {
    const r = returningReport({ orders: RET_ORDERS }, { period: 'month' });
    expect([r.from, r.to, r.periods.length]).toEqual(['2024-01-01', '2024-03-31', 3]);
    const ret = retentionReport({ orders: RET_ORDERS }, { period: 'month', windowDays: 30 });
    expect(r.periods.map((p) => [p.new.revenue, p.returning.revenue])).toEqual(ret.periods.map((p) => [p.revenueNew, p.revenueReturning]));
    expect(r.uplift.periods).toBe(2);
  });
  it('from / to cut whole periods; a quarter holds everything (and is not complete)', () => {
    expect(returningReport({ orders: RET_ORDERS }, { period: 'month', from: '2024-02-10' }).periods.map((p) => p.period)).toEqual(['2024-02', '2024-03']);
    const q = returningReport({ orders: RET_ORDERS }, { period: 'quarter' });
    expect(q.periods).toHaveLength(1);
    expect(q.uplift.periods).toBe(0);
  });
  it('throws without orders with amounts, or for a bad date', () => {
    expect(() => returningReport({}, { period: 'month' })).toThrow('returningReport requires an orders table with amounts');
    expect(() => returningReport({ orders: RET_ORDERS }, { period: 'month', from: '2024-13-01' })).toThrow(RangeError);
  });
});
