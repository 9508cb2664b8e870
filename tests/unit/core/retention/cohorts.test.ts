import { describe, expect, it } from 'vitest';
import {
  cohortShares,
  orderCohortMembers,
  orderCohorts,
  revenueRetention,
  subscriptionCohortMembers,
  subscriptionCohorts,
  weightedAverageRow,
  weightedRevenueRow,
} from '../../../../src/core/retention/cohorts.ts';
import { buildOrderIndex, buildSubscriptionIndex } from '../../../../src/core/retention/customer-index.ts';
import { periodsBetween } from '../../../../src/core/retention/periods.ts';
import { day, idsOf, ordersTable, subscriptionsTable } from './fixtures.ts';

const rows = (m: readonly ArrayLike<number>[]) => m.map((r) => Array.from(r));
const round = (m: (number | null)[][]) => m.map((r) => r.map((v) => (v === null ? null : Math.round(v * 100) / 100)));

describe('orders cohorts on a 5-customer example (grid 2011-01 .. 2011-04)', () => {
  // Cohort = month of the first order with amount > 0; "on" = an order > 0 in month c + k.
  // A: 01-05 (10), 02-10 (10), 04-02 (10)            cohort Jan; on k = 0, 1, 3; last month Apr
  // B: 01-20 (20), 03-03 (-5 refund), 03-15 (5)      cohort Jan; on k = 0, 2;    last month Mar
  // C: 01-31 (30)                                    cohort Jan; on k = 0;       last month Jan
  // D: 02-01 (0 correction), 02-14 (40), 03-01 (40)  cohort Feb; on k = 0, 1;    last month Mar
  // E: 02-28 (50), 04-30 (-50 refund)                cohort Feb; on k = 0;       last month Feb
  const idx = buildOrderIndex(
    ordersTable([
      ['A', '2011-01-05', 10],
      ['A', '2011-02-10', 10],
      ['A', '2011-04-02', 10],
      ['B', '2011-01-20', 20],
      ['B', '2011-03-03', -5],
      ['B', '2011-03-15', 5],
      ['C', '2011-01-31', 30],
      ['D', '2011-02-01', 0],
      ['D', '2011-02-14', 40],
      ['D', '2011-03-01', 40],
      ['E', '2011-02-28', 50],
      ['E', '2011-04-30', -50],
    ]),
  );
  const grid = periodsBetween(idx.minDay, idx.maxDay, 'month');
  const m = orderCohorts(idx, grid);

  it('counts cohort sizes, "on" and unbounded cells', () => {
    expect(grid.labels).toEqual(['2011-01', '2011-02', '2011-03', '2011-04']);
    expect(Array.from(m.sizes)).toEqual([3, 2, 0, 0]);
    // Jan: k0 {A,B,C}, k1 {A}, k2 {B}, k3 {A}; Feb: k0 {D,E}, k1 {D}, k2 {}
    expect(rows(m.on)).toEqual([[3, 1, 1, 1], [2, 1, 0], [0, 0], [0]]);
    // Unbounded = last month >= c + k. Jan: A (Apr), B (Mar), C (Jan) -> [3, 2, 2, 1]; Feb: D (Mar), E (Feb) -> [2, 1, 0]
    expect(rows(m.unbounded)).toEqual([[3, 2, 2, 1], [2, 1, 0], [0, 0], [0]]);
  });
  it('gives shares of the cohort start and of the previous period (null on a 0 base)', () => {
    expect(round(cohortShares(m.on, m.sizes))).toEqual([[100, 33.33, 33.33, 33.33], [100, 50, 0], [null, null], [null]]);
    // Jan: 1/3, then 1/1, 1/1; Feb: 1/2, 0/1
    expect(round(cohortShares(m.on, m.sizes, 'previous'))).toEqual([[100, 33.33, 100, 100], [100, 50, 0], [null, null], [null]]);
  });
  it('weights the average row by cohort size over the cohorts that reached c + k', () => {
    const avg = weightedAverageRow(m.on, m.sizes);
    // k0 (3 + 2) / (3 + 2); k1 (1 + 1) / 5; k2 (1 + 0) / 5; k3 1 / 3 (only January reached April)
    expect(avg.active).toEqual([5, 2, 1, 1]);
    expect(avg.base).toEqual([5, 5, 5, 3]);
    expect(avg.cohorts).toEqual([2, 2, 2, 1]);
    expect(round([avg.share])).toEqual([[100, 40, 20, 33.33]]);
  });
  it('revenue view: cohort revenue in c + k over revenue in c, refunds included', () => {
    // Jan cohort: Jan 10 + 20 + 30 = 60; Feb A 10; Mar B -5 + 5 = 0; Apr A 10
    // Feb cohort: Feb D 0 + 40 + E 50 = 90; Mar D 40; Apr E -50
    expect(rows(m.revenue)).toEqual([[60, 10, 0, 10], [90, 40, -50], [0, 0], [0]]);
    expect(round(revenueRetention(m.revenue))).toEqual([[100, 16.67, 0, 16.67], [100, 44.44, -55.56], [null, null], [null]]);
    const avg = weightedRevenueRow(m.revenue);
    // k0 150 / 150; k1 (10 + 40) / 150; k2 (0 - 50) / 150; k3 10 / 60
    expect(round([avg.share])).toEqual([[100, 33.33, -33.33, 16.67]]);
  });
  it('lists the customers behind a cell', () => {
    expect(idsOf(idx.customerIds, orderCohortMembers(idx, grid, 0, 0, 'size'))).toEqual(['A', 'B', 'C']);
    expect(idsOf(idx.customerIds, orderCohortMembers(idx, grid, 0, 2, 'on'))).toEqual(['B']);
    expect(idsOf(idx.customerIds, orderCohortMembers(idx, grid, 0, 2, 'unbounded'))).toEqual(['A', 'B']);
    expect(idsOf(idx.customerIds, orderCohortMembers(idx, grid, 1, 1, 'on'))).toEqual(['D']);
  });
  it('counts activity after the grid as "a later period" in the unbounded view', () => {
    const short = periodsBetween(day('2011-01-01'), day('2011-02-28'), 'month');
    const s = orderCohorts(idx, short);
    // A and B are active after February, so they count at k = 1 though only A ordered in Feb.
    expect(rows(s.on)).toEqual([[3, 1], [2]]);
    expect(rows(s.unbounded)).toEqual([[3, 2], [2]]);
  });
});

describe('subscription cohorts (active on the last day of period c + k)', () => {
  // A: 01-05 open                     -> active on 01-31, 02-28, 03-31, 04-30
  // B: 01-10..02-15, 03-20 open       -> 01-31, 03-31, 04-30 (not 02-28)
  // C: 01-15..01-31                   -> never on a month end (not active on its end day)
  // D: 02-01..04-30                   -> 02-28, 03-31 (not 04-30)
  // E: 02-10..03-01                   -> 02-28
  const idx = buildSubscriptionIndex(
    subscriptionsTable([
      ['A', '2011-01-05', null, 1],
      ['B', '2011-01-10', '2011-02-15', 1],
      ['B', '2011-03-20', null, 1],
      ['C', '2011-01-15', '2011-01-31', 1],
      ['D', '2011-02-01', '2011-04-30', 1],
      ['E', '2011-02-10', '2011-03-01', 1],
    ]),
  );
  const grid = periodsBetween(idx.minDay, idx.maxDay, 'month');
  const m = subscriptionCohorts(idx, grid);
  it('counts sizes, "on" and unbounded cells', () => {
    expect(grid.labels).toEqual(['2011-01', '2011-02', '2011-03', '2011-04']);
    expect(Array.from(m.sizes)).toEqual([3, 2, 0, 0]);
    expect(rows(m.on)).toEqual([[2, 1, 2, 2], [2, 1, 0], [0, 0], [0]]);
    expect(rows(m.unbounded)).toEqual([[2, 2, 2, 2], [2, 1, 0], [0, 0], [0]]);
    expect(m.revenue).toEqual([]);
    expect(round(cohortShares(m.on, m.sizes))[0]).toEqual([66.67, 33.33, 66.67, 66.67]);
  });
  it('lists the customers behind a cell', () => {
    expect(idsOf(idx.customerIds, subscriptionCohortMembers(idx, grid, 0, 0, 'size'))).toEqual(['A', 'B', 'C']);
    expect(idsOf(idx.customerIds, subscriptionCohortMembers(idx, grid, 0, 1, 'on'))).toEqual(['A']);
    expect(idsOf(idx.customerIds, subscriptionCohortMembers(idx, grid, 0, 1, 'unbounded'))).toEqual(['A', 'B']);
    expect(idsOf(idx.customerIds, subscriptionCohortMembers(idx, grid, 1, 1, 'on'))).toEqual(['D']);
  });
});
