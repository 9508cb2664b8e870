import { describe, expect, it } from 'vitest';
import { buildOrderIndex } from '../../../../src/core/retention/customer-index.ts';
import { repurchaseCurve } from '../../../../src/core/retention/repurchase.ts';
import { ordersTable } from './fixtures.ts';

describe('repurchaseCurve: Kaplan-Meier of the days from a purchase to the next one', () => {
  it('matches a hand-computed table with censoring (the open spells count)', () => {
    // Days from 2024-01-01 (day 0); E's order on 04-10 (day 100) is the data's last day.
    // A: 0, 10, 30 -> spells 10, 20, and 70 still open;  B: 0, 50 -> 50, and 50 open;
    // C: 90 -> 10 open;  D: 0, 5 -> 5, and 95 open;  E: 100 -> 0 open.
    const idx = buildOrderIndex(
      ordersTable([
        ['A', '2024-01-01', 1], ['A', '2024-01-11', 1], ['A', '2024-01-31', 1],
        ['B', '2024-01-01', 1], ['B', '2024-02-20', 1],
        ['C', '2024-03-31', 1],
        ['D', '2024-01-01', 1], ['D', '2024-01-06', 1],
        ['E', '2024-04-10', 1],
      ]),
    );
    const c = repurchaseCurve(idx);
    // Spells: 10e 20e 70c | 50e 50c | 10c | 5e 95c | 0c -> 9 spells, 4 repurchases.
    // t 0: 1 censored (9 -> 8 at risk). t 5: 1 of 8 -> S 7/8. t 10: 1 of 7 -> S 3/4, 1 censored. t 20: 1 of 5 -> S 3/5.
    // t 50: 1 of 4 -> S 9/20, 1 censored. t 70, 95 censored. F_end = 1 - 9/20 = 11/20.
    expect(Array.from(c.km.time)).toEqual([0, 5, 10, 20, 50, 70, 95]);
    expect(Array.from(c.km.atRisk)).toEqual([9, 8, 7, 5, 4, 2, 1]);
    expect(Array.from(c.km.events)).toEqual([0, 1, 1, 1, 1, 0, 0]);
    expect(c.km.survival[4]).toBeCloseTo(9 / 20, 12);
    expect([c.spells, c.repeats, c.censored, c.repeatCustomers]).toEqual([9, 4, 5, 3]);
    expect(c.eventualShare).toBeCloseTo(11 / 20, 12);
    // 50 % of 0.55 = 0.275: F(10) = 0.25, F(20) = 0.4 -> 20. 80 % = 0.44: F(50) = 0.55 -> 50. 90 % -> 50.
    expect([c.p50Days, c.p80Days, c.p90Days]).toEqual([20, 50, 50]);
    // The Greenwood band brackets the curve.
    for (let i = 0; i < c.km.time.length; i++) expect(c.km.lower[i] <= c.km.survival[i] && c.km.survival[i] <= c.km.upper[i]).toBe(true);
  });
  it('has no points without a repeat purchase', () => {
    const c = repurchaseCurve(buildOrderIndex(ordersTable([['A', '2024-01-01', 1], ['B', '2024-01-05', 1]])));
    expect([c.repeats, c.p50Days, c.p80Days, c.eventualShare]).toEqual([0, null, null, null]);
  });
});
