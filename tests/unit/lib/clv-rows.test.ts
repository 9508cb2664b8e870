/**
 * The CLV page's views of the report (src/lib/clv-rows.ts) on a hand-made report of four
 * customers: the histogram's round bins, first/last purchase days from T and t_x, the RFM grid
 * and a group's members, cohort curves grouped by quarter, and a list as CSV rows.
 */
import { describe, expect, it } from 'vitest';
import { groupCohortCurves, histogram, memberRows, niceStep, predictedByCohort, rfmGrid, rfmMembers, type MemberRowsText } from '../../../src/lib/clv-rows.ts';
import { isoToDay } from '../../../src/core/parse/date.ts';
import type { ClvReport } from '../../../src/lib/types.ts';

const E = isoToDay('2024-12-31');
// Customer A: first 2024-12-03 (T = 4 weeks), last 2024-12-17 (t_x = 2); B: first 2024-10-08 (T = 12), x = 0; C: not modelled; D: never purchased.
const report = {
  params: { calibrationEnd: E, lastDay: E, holdoutEnd: null, margin: 1, horizonMonths: 12, discountYearly: 0.1, monthlyDiscount: 0, trailingMonths: 6 },
  perCustomer: {
    ids: ['A', 'B', 'C', 'D'],
    x: Uint32Array.from([3, 0, 0, 0]),
    tx: Float64Array.from([2, 0, 0, 0]),
    T: Float64Array.from([4, 12, 0, 0]),
    pAlive: Float64Array.from([0.81234, NaN, NaN, NaN]),
    expectedPurchases: Float64Array.from([1.5, 0.2, NaN, NaN]),
    expectedSpend: Float64Array.from([30, 25, NaN, NaN]),
    clv: Float64Array.from([45.678, 5, NaN, NaN]),
    historical: Float64Array.from([120, 40, 10, NaN]),
    revenue: Float64Array.from([120, 40, 10, NaN]),
    rfmR: Uint8Array.from([5, 2, 2, 0]),
    rfmF: Uint8Array.from([5, 1, 1, 0]),
    rfmM: Uint8Array.from([5, 2, 1, 0]),
    rfmGroup: Uint8Array.from([0, 8, 8, 255]),
    modelled: Uint8Array.from([1, 1, 0, 0]),
  },
} as unknown as ClvReport;

const TEXT: MemberRowsText = {
  headers: { id: 'customer_id', revenue: 'revenue', historical: 'historical', clv: 'clv', pAlive: 'p_alive', expectedPurchases: 'purchases', expectedSpend: 'spend', repeatPurchases: 'x', firstPurchase: 'first', lastPurchase: 'last', rfmScores: 'rfm', rfmGroup: 'group' },
  cannotJudge: 'cannot judge',
  groupNames: ['Champions', 'Loyal', 'Potential loyalists', 'New', 'Promising', 'Need attention', 'At risk', 'Can’t lose', 'Hibernating', 'Lost'],
};

describe('clv rows', () => {
  it('niceStep rounds to 1, 2 or 5 x 10^k', () => {
    expect([0.7, 1.5, 3, 7, 420].map(niceStep)).toEqual([1, 2, 5, 10, 500]);
  });

  it('histogram counts every value in round bins from 0', () => {
    const h = histogram([0, 5, 12, 19, 38, NaN], 4);
    expect(h.edges).toEqual([0, 10, 20, 30, 40]);
    expect(h.counts).toEqual([2, 2, 0, 1]);
    expect(h.total).toBe(5);
    expect(h.openEnded).toBe(false);
  });

  it('histogram puts the tail beyond the 99th percentile into an open last bin', () => {
    const values = [...Array.from({ length: 199 }, (_, i) => i % 100), 100000];
    const h = histogram(values, 10);
    expect(h.openEnded).toBe(true);
    expect(h.counts.reduce((s, n) => s + n, 0)).toBe(200);
    expect(h.edges[h.edges.length - 1]).toBeLessThan(1000);
  });

  it('memberRows writes the id and the chosen columns, first/last purchase from T and t_x, "cannot judge" for a one-time buyer', () => {
    const rows = memberRows(report, [0, 1, 2], ['A', 'B', 'C'], ['lastPurchase', 'clv', 'pAlive', 'firstPurchase', 'rfmGroup'], TEXT);
    expect(rows).toEqual([
      ['customer_id', 'clv', 'p_alive', 'first', 'last', 'group'],
      ['A', 45.68, 0.8123, '2024-12-03', '2024-12-17', 'Champions'],
      ['B', 5, 'cannot judge', '2024-10-08', '2024-10-08', 'Hibernating'],
      ['C', null, null, null, null, 'Hibernating'],
    ]);
  });

  it('rfmGrid counts customers and revenue per (R, F); rfmMembers lists a group by revenue', () => {
    const grid = rfmGrid(report);
    expect(grid[4][4]).toMatchObject({ r: 5, f: 5, customers: 1, revenue: 120 });
    expect(grid[1][0]).toMatchObject({ customers: 2, revenue: 50 });
    expect(grid.flat().reduce((s, c) => s + c.customers, 0)).toBe(3);
    expect(rfmMembers(report, 8)).toEqual([1, 2]);
  });

  it('predictedByCohort averages the predicted CLV by the month of the first purchase', () => {
    expect([...predictedByCohort(report)]).toEqual([
      ['2024-12', { customers: 1, mean: 45.678 }],
      ['2024-10', { customers: 1, mean: 5 }],
    ]);
  });

  it('groupCohortCurves weights the monthly curves by customers and stops at the shortest', () => {
    const curves = groupCohortCurves(
      [
        { cohort: '2024-01', customers: 1, average: 0, curve: Float64Array.from([10, 20, 30]) },
        { cohort: '2024-02', customers: 3, average: 0, curve: Float64Array.from([30, 40]) },
        { cohort: '2024-04', customers: 2, average: 0, curve: Float64Array.from([5]) },
      ],
      'quarter',
    );
    expect(curves).toEqual([
      { label: '2024-Q1', customers: 4, curve: [25, 35] },
      { label: '2024-Q2', customers: 2, curve: [5] },
    ]);
  });
});
