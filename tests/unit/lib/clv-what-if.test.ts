/**
 * The CLV page's what-if (src/lib/clv-what-if.ts) against a hand-computed example: 1,000
 * customers, 5 % monthly churn, 50 a month each, margin 50 %; churn falls by 1 point to 4 %.
 * Expected values from the closed forms of the geometric sums, worked out separately:
 *   customers after 12 months  1000 · 0.95^12 = 540.3601,  1000 · 0.96^12 = 612.7098
 *   revenue over 1 year        50,000 · (1 − 0.95^12) / 0.05 = 459,639.91; 0.04: 484,112.80
 *   revenue over 3 years       50,000 · (1 − 0.95^36) / 0.05 = 842,220.79; 0.04: 962,475.80
 *   CLV, 1 year, no discount   25 · (1 − 0.95^12) / 0.05 = 229.8200; 0.04: 242.0564
 *   CLV, 10 % a year           25 / (1 + d_m) · (1 − q^12) / (1 − q), q = s / (1 + d_m),
 *                              d_m = 1.1^(1/12) − 1: 219.3925 (s = 0.95), 230.8489 (s = 0.96);
 *                              3 years (q^36): 380.1083, 431.0567
 */
import { describe, expect, it } from 'vitest';
import { ordersBasis, subscriptionBasis, whatIf, type MonthRow, type WhatIfBaseline } from '../../../src/lib/clv-what-if.ts';
import { isoToDay } from '../../../src/core/parse/date.ts';

const BASE: WhatIfBaseline = Object.freeze({ customers: 1000, churnMonthly: 0.05, revenueMonthly: 50, margin: 0.5, discountYearly: 0 });

describe('whatIf', () => {
  it('whatIf(1 point) gives the customers, revenue and CLV of the hand-computed example', () => {
    const r = whatIf(BASE, 1);
    expect(r.churnScenario).toBeCloseTo(0.04, 12);
    expect(r.rows.map((y) => y.years)).toEqual([1, 2, 3]);
    const [y1, , y3] = r.rows;
    expect(y1.customers.base).toBeCloseTo(540.3601, 4);
    expect(y1.customers.scenario).toBeCloseTo(612.7098, 4);
    expect(y1.customers.change).toBeCloseTo(72.3497, 4);
    expect(y1.revenue.base).toBeCloseTo(459639.91, 2);
    expect(y1.revenue.scenario).toBeCloseTo(484112.8, 2);
    expect(y3.revenue.base).toBeCloseTo(842220.79, 2);
    expect(y3.revenue.scenario).toBeCloseTo(962475.8, 2);
    expect(y3.revenue.relative).toBeCloseTo(962475.8 / 842220.79 - 1, 6);
    expect(y1.clv.base).toBeCloseTo(229.82, 4);
    expect(y1.clv.scenario).toBeCloseTo(242.0564, 4);
  });

  it('whatIf discounts the CLV monthly at the rate that compounds to the yearly one', () => {
    const r = whatIf({ ...BASE, discountYearly: 0.1 }, 1);
    expect(r.rows[0].clv.base).toBeCloseTo(219.3925, 4);
    expect(r.rows[0].clv.scenario).toBeCloseTo(230.8489, 4);
    expect(r.rows[2].clv.base).toBeCloseTo(380.1083, 4);
    expect(r.rows[2].clv.scenario).toBeCloseTo(431.0567, 4);
    // Revenue is undiscounted.
    expect(r.rows[0].revenue.base).toBeCloseTo(459639.91, 2);
  });

  it('whatIf(0) changes nothing, and the monthly curve starts at the customers of today', () => {
    const r = whatIf(BASE, 0, 2);
    expect(r.rows).toHaveLength(2);
    for (const y of r.rows) for (const f of [y.customers, y.revenue, y.clv]) expect(f.change).toBe(0);
    expect(r.curve.base).toHaveLength(25);
    expect(r.curve.base[0]).toBe(1000);
    expect(r.curve.base[12]).toBeCloseTo(540.3601, 4);
  });

  it('whatIf caps the drop at the churn rate itself (churn cannot fall below 0)', () => {
    const r = whatIf(BASE, 8, 1);
    expect(r.churnScenario).toBe(0);
    expect(r.points).toBeCloseTo(5, 12);
    expect(r.rows[0].customers.scenario).toBe(1000);
    expect(r.rows[0].revenue.scenario).toBeCloseTo(600000, 6);
  });

  it('whatIf throws on a churn rate outside 0..1 and on a negative drop', () => {
    expect(() => whatIf({ ...BASE, churnMonthly: 1.5 }, 1)).toThrow('whatIf requires a churn rate between 0 and 1');
    expect(() => whatIf({ ...BASE, churnMonthly: NaN }, 1)).toThrow('whatIf requires a churn rate between 0 and 1');
    expect(() => whatIf(BASE, -1)).toThrow('whatIf requires a drop of 0 points or more');
    expect(() => whatIf({ ...BASE, margin: 2 }, 1)).toThrow('whatIf requires a margin between 0 and 1');
    expect(() => whatIf(BASE, 1, 0)).toThrow('whatIf requires a whole number of years >= 1');
  });
});

describe('what-if bases', () => {
  it('subscriptionBasis takes the simple CLV’s churn and ARPU, and its mean subscribers per month', () => {
    const b = subscriptionBasis(Object.freeze({ months: 6, from: 100, to: 283, arpu: 80, atRisk: 6000, churned: 180, churnRate: 0.03 }))!;
    expect(b).toMatchObject({ source: 'subscriptions', customers: 1000, churnMonthly: 0.03, revenueMonthly: 80, lost: 180, atRisk: 6000 });
    expect(subscriptionBasis({ months: 6, from: 0, to: 1, arpu: null, atRisk: 10, churned: 1, churnRate: 0.1 })).toBeNull();
  });

  it('ordersBasis sums lost and S over the last complete months: churn = Σ lost / Σ S, revenue = Σ returning revenue / Σ S', () => {
    const rows: MonthRow[] = Object.freeze([
      { complete: true, S: 90, lost: 50, revenueReturning: 1, start: '2024-01-01', end: '2024-01-31' },
      { complete: true, S: 100, lost: 5, revenueReturning: 1000, start: '2024-02-01', end: '2024-02-29' },
      { complete: true, S: 300, lost: 15, revenueReturning: 2000, start: '2024-03-01', end: '2024-03-31' },
      { complete: false, S: 310, lost: 1, revenueReturning: 50, start: '2024-04-01', end: '2024-04-10' },
    ]) as MonthRow[];
    const b = ordersBasis(rows, 320, 2, isoToDay)!;
    // Feb and Mar: (5 + 15) / (100 + 300) = 0.05; (1000 + 2000) / 400 = 7.5.
    expect(b.churnMonthly).toBeCloseTo(0.05, 12);
    expect(b.revenueMonthly).toBeCloseTo(7.5, 12);
    expect(b).toMatchObject({ source: 'orders', customers: 320, months: 2, lost: 20, atRisk: 400, from: isoToDay('2024-02-01'), to: isoToDay('2024-04-01') });
    expect(ordersBasis(rows.slice(3), 320, 6, isoToDay)).toBeNull();
  });
});
