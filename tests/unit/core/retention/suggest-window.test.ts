import { describe, expect, it } from 'vitest';
import { buildOrderIndex } from '../../../../src/core/retention/customer-index.ts';
import { suggestWindow } from '../../../../src/core/retention/suggest-window.ts';
import { ordersTable } from './fixtures.ts';

describe('suggestWindow', () => {
  it('takes the 80th percentile of gaps between activity days, rounded up', () => {
    // X: 01-01, 01-11 (twice: one day), 01-20 refund (ignored), 01-31 -> gaps 10, 20
    // Y: 01-01, 02-10 -> gap 40;  Z: one order, no gap
    // Sorted gaps [10, 20, 40]; h = (3 - 1) x 0.8 = 1.6 -> 20 + 0.6 x (40 - 20) = 32 -> W = 32
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
    expect(s).toEqual({ window: 32, basis: 'gaps', gaps: 3, customers: 2, percentile: 0.8, percentileDays: 32, medianDays: 20, clamped: false });
  });
  it('clamps to at least 7 days', () => {
    // Gaps [1, 2]: h = 0.8 -> 1.8 -> ceil 2 -> clamped to 7
    const idx = buildOrderIndex(ordersTable([['X', '2011-01-01', 1], ['X', '2011-01-02', 1], ['X', '2011-01-04', 1]]));
    const s = suggestWindow(idx);
    expect([s.window, s.percentileDays, s.clamped]).toEqual([7, 1.8, true]);
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
