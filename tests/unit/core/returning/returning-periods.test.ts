import { describe, expect, it } from 'vitest';
import { buildOrderIndex } from '../../../../src/core/retention/customer-index.ts';
import { periodsBetween } from '../../../../src/core/retention/periods.ts';
import { returningByPeriod } from '../../../../src/core/returning/returning-periods.ts';
import { welchTTest } from '../../../../src/core/stats/welch-t-test.ts';
import { day } from '../retention/fixtures.ts';
import { RET_ORDERS } from './fixtures.ts';

const rows = () => returningByPeriod(buildOrderIndex(RET_ORDERS), periodsBetween(day('2024-01-01'), day('2024-03-31'), 'month'));

describe('returningByPeriod', () => {
  it('January: new A 150, E 30 (mean 90, sd 84.85; 3 orders, AOV 60); returning D -10 (a refund only)', () => {
    const [jan] = rows();
    expect(jan).toMatchObject({ period: '2024-01', complete: true, new: { customers: 2, revenue: 180, spendPerCustomer: 90, orders: 3, aov: 60 }, returning: { customers: 1, revenue: -10, spendPerCustomer: -10, spendSd: null, orders: 0, aov: null }, spendDiff: null });
    expect(jan.new.spendSd).toBeCloseTo(Math.sqrt(7200), 10);
  });
  it('February: new B 40, D 70 (mean 55) vs returning A 80, E 20 (mean 50): -5 with the Welch interval of (50, 1800, 2) vs (55, 450, 2)', () => {
    const feb = rows()[1];
    expect(feb.new).toMatchObject({ customers: 2, revenue: 110, spendPerCustomer: 55, aov: 55 });
    expect(feb.returning).toMatchObject({ customers: 2, revenue: 100, spendPerCustomer: 50, aov: 50 });
    const w = welchTTest({ mean: 50, variance: 1800, n: 2 }, { mean: 55, variance: 450, n: 2 })!;
    expect(feb.spendDiff!.diff).toBeCloseTo(-5, 10);
    expect(feb.spendDiff!.low).toBeCloseTo(w.low, 8);
    expect(feb.spendDiff!.high).toBeCloseTo(w.high, 8);
  });
  it('March is not complete (last order 03-20): new C 200; returning A -20, B 90 -> 35, AOV (60 + 30) / 2 = 45', () => {
    const mar = rows()[2];
    expect(mar).toMatchObject({ complete: false, new: { customers: 1, spendPerCustomer: 200 }, returning: { customers: 2, revenue: 70, spendPerCustomer: 35, orders: 2, aov: 45 } });
  });
});
