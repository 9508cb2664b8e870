import { describe, expect, it } from 'vitest';
import { buildOrderIndex } from '../../../../src/core/retention/customer-index.ts';
import { suggestWindow } from '../../../../src/core/retention/suggest-window.ts';
import { ordersTable } from './fixtures.ts';

describe('suggestWindow', () => {
  it('reads W off the repurchase curve: censoring moves it from 32 (observed gaps only) to 40', () => {
    // X: 01-01, 01-11 (twice: one day), 01-20 refund (ignored), 01-31; Y: 01-01, 02-10; Z: 03-01.
    // The data end on 03-01 (day 59). Spells (days): X 10, 20 and 29 still open; Y 40 and 19 open; Z 0 open.
    // The observed gaps alone [10, 20, 40] have a type-7 80th percentile of 32.
    // Kaplan-Meier: t 0 censored (6 -> 5 at risk); t 10: 1 of 5 -> S 0.8; t 19 censored; t 20: 1 of 3 -> S 0.5333;
    // t 29 censored; t 40: 1 of 1 -> S 0. F_end = 1; 80 % of it is first reached at t = 40 (F(20) = 0.4667), and 50 % too.
    const idx = buildOrderIndex(
      ordersTable([
        ['X', '2011-01-01', 5],
        ['X', '2011-01-11', 5],
        ['X', '2011-01-11', 5],
        ['X', '2011-01-20', -5],
        ['X', '2011-01-31', 5],
        ['Y', '2011-01-01', 5],
        ['Y', '2011-02-10', 5],
        ['Z', '2011-03-01', 5],
      ]),
    );
    const s = suggestWindow(idx);
    expect(s).toEqual({ window: 40, basis: 'repurchase', gaps: 3, customers: 2, censored: 3, percentile: 0.8, percentileDays: 40, medianDays: 40, clamped: false });
  });
  it('clamps to at least 7 days', () => {
    // Spells 1, 2 and 0 (open): S(1) = 1/2, S(2) = 0 -> the 80 % point is day 2 -> clamped to 7
    const idx = buildOrderIndex(ordersTable([['X', '2011-01-01', 1], ['X', '2011-01-02', 1], ['X', '2011-01-04', 1]]));
    const s = suggestWindow(idx);
    expect([s.window, s.percentileDays, s.clamped]).toEqual([7, 2, true]);
  });
  it('clamps to at most 730 days', () => {
    const idx = buildOrderIndex(ordersTable([['X', '2005-01-01', 1], ['X', '2011-01-01', 1]]));
    expect(suggestWindow(idx).window).toBe(730);
  });
  it('falls back to 90 days when nobody bought twice', () => {
    const idx = buildOrderIndex(ordersTable([['X', '2011-01-01', 1], ['Y', '2011-01-02', 1]]));
    expect(suggestWindow(idx)).toMatchObject({ window: 90, basis: 'default', gaps: 0, percentileDays: null });
  });
});
