import { describe, expect, it } from 'vitest';
import { buildOrderIndex } from '../../../../src/core/retention/customer-index.ts';
import { periodsBetween } from '../../../../src/core/retention/periods.ts';
import { returningUplift } from '../../../../src/core/returning/returning-uplift.ts';
import { welchTTest } from '../../../../src/core/stats/welch-t-test.ts';
import { day } from '../retention/fixtures.ts';
import { RET_ORDERS } from './fixtures.ts';

describe('returningUplift', () => {
  it('complete months only (Jan, Feb): new A 150, E 30, B 40, D 70 (72.5); returning A 80, D -10, E 20 (30): -58.6 %', () => {
    const u = returningUplift(buildOrderIndex(RET_ORDERS), periodsBetween(day('2024-01-01'), day('2024-03-31'), 'month'));
    expect(u.periods).toBe(2);
    const s = u.spendPerCustomer;
    expect(s.new).toEqual({ mean: 72.5, n: 4 });
    expect(s.returning.n).toBe(3);
    expect(s.returning.mean).toBeCloseTo(30, 10);
    // Welch on the per-customer values: variances 2100 (returning) and 8875 / 3 (new), by hand.
    const w = welchTTest({ mean: 30, variance: 2100, n: 3 }, { mean: 72.5, variance: 8875 / 3, n: 4 })!;
    expect(s.diff).toBeCloseTo(-42.5, 10);
    expect(s.low).toBeCloseTo(w.low, 8);
    expect(s.p).toBeCloseTo(w.p, 8);
    // Delta method on log(30 / 72.5): se = sqrt(2100 / (3 x 30^2) + (8875/3) / (4 x 72.5^2)) = 0.958375.
    expect(s.percentMore).toBeCloseTo(-58.6207, 3);
    expect(s.percentLow).toBeCloseTo(-93.6757, 3);
    expect(s.percentHigh).toBeCloseTo(170.7409, 3);
  });
  it('AOV per customer: new A 75, E 30, B 40, D 70 (53.75); returning A 80, E 20 (50; D had no order > 0)', () => {
    const a = returningUplift(buildOrderIndex(RET_ORDERS), periodsBetween(day('2024-01-01'), day('2024-03-31'), 'month')).aov;
    expect(a.new).toEqual({ mean: 53.75, n: 4 });
    expect(a.returning).toEqual({ mean: 50, n: 2 });
    expect(a.percentMore).toBeCloseTo((50 / 53.75 - 1) * 100, 10);
  });
  it('one returning customer: no difference and no percent', () => {
    const u = returningUplift(buildOrderIndex(RET_ORDERS), periodsBetween(day('2024-01-01'), day('2024-01-31'), 'month'));
    expect(u.spendPerCustomer).toMatchObject({ returning: { mean: -10, n: 1 }, diff: null, percentMore: null });
  });
});
