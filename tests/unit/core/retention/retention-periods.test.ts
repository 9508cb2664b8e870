import { describe, expect, it } from 'vitest';
import { buildOrderIndex, buildSubscriptionIndex } from '../../../../src/core/retention/customer-index.ts';
import {
  customerRetentionRate,
  explainDifference,
  orderRetention,
  periodMembers,
  subscriptionRetention,
} from '../../../../src/core/retention/retention-periods.ts';
import { revenueByPeriod } from '../../../../src/core/retention/revenue-by-period.ts';
import { idsOf, ordersTable, subscriptionsTable } from './fixtures.ts';

/**
 * A history that yields exactly S, N and lost for March 2011 with W = 30 days:
 * - S customers order on 2011-02-28 (active on p0 - 1 = 02-28); all but `lost` of them order
 *   again on 03-20, so they are active on p1 = 03-31 (window 03-02 .. 03-31) and the lost ones
 *   are not (their last order, 02-28, is before 03-02);
 * - N new customers order first on 03-15 and are active on 03-31.
 * Hence E = S - lost + N.
 */
function crrHistory(S: number, N: number, lost: number) {
  const rows: [string, string, number][] = [];
  for (let i = 0; i < S; i++) {
    rows.push([`s${i}`, '2011-02-28', 10]);
    if (i >= lost) rows.push([`s${i}`, '2011-03-20', 10]);
  }
  for (let i = 0; i < N; i++) rows.push([`n${i}`, '2011-03-15', 10]);
  const series = orderRetention(buildOrderIndex(ordersTable(rows)), { unit: 'month', window: 30 });
  expect(series.grid.labels).toEqual(['2011-02', '2011-03']);
  return series.periods[1];
}

describe('CRR: the worked examples of DESIGN.md section 3', () => {
  it('S = 1000, N = 200, 100 lost -> E = 1100 -> CRR = 90 %', () => {
    const p = crrHistory(1000, 200, 100);
    expect([p.startActive, p.new, p.lost, p.endActive]).toEqual([1000, 200, 100, 1100]);
    // (1100 - 200) / 1000 x 100 = 90
    expect(p.crr).toBeCloseTo(90, 10);
    expect(p.exact).toBeCloseTo(90, 10); // 900 / 1000: no reactivation, every new customer still active
    expect(p.churnRate).toBeCloseTo(10, 10); // 100 / 1000
  });
  it('S = 20, N = 5, 1 lost -> E = 24 -> CRR = 95 %', () => {
    const p = crrHistory(20, 5, 1);
    expect([p.startActive, p.new, p.lost, p.endActive]).toEqual([20, 5, 1, 24]);
    expect(p.crr).toBeCloseTo(95, 10); // (24 - 5) / 20 x 100
  });
  it('S = 44, N = 12, 13 lost -> E = 43 -> CRR = 70.45 %', () => {
    const p = crrHistory(44, 12, 13);
    expect([p.startActive, p.new, p.lost, p.endActive]).toEqual([44, 12, 13, 43]);
    expect(p.crr).toBeCloseTo(70.4545, 4); // (43 - 12) / 44 x 100 = 31 / 44 x 100
    expect(p.crr?.toFixed(2)).toBe('70.45');
  });
  it('the formula itself gives null, not 0 or 100, when S = 0', () => {
    expect(customerRetentionRate(1100, 200, 1000)).toBe(90);
    expect(customerRetentionRate(5, 5, 0)).toBeNull();
  });
});

describe('orders: reactivation, refunds, a new customer inactive at period end, S = 0', () => {
  // W = 30. Activity on the boundary days (window = the 30 days ending that day):
  //            Dec 31 | Jan 31 [01-02..01-31] | Feb 28 [01-30..02-28] | Mar 31 [03-02..03-31]
  // ret        -      | yes (01-31)           | yes (02-20)           | yes (03-20)
  // pause      -      | yes (01-15)           | no                    | yes (03-25)  -> reactivated in March
  // pause2     -      | yes (01-15)           | no                    | yes (03-25)  -> reactivated in March
  // refunder   -      | yes (01-20)           | no                    | no (the 03-05 refund does not activate)
  // lost       -      | -                     | yes (02-20, new)      | no           -> lost in March
  // newgone    -      | -                     | -                     | no (new on 03-01, window starts 03-02)
  // newstay    -      | -                     | -                     | yes (new on 03-10)
  const orders = ordersTable([
    ['ret', '2011-01-31', 10],
    ['ret', '2011-02-20', 10],
    ['ret', '2011-03-20', 10],
    ['pause', '2011-01-15', 20],
    ['pause', '2011-03-25', 20],
    ['pause2', '2011-01-15', 5],
    ['pause2', '2011-03-25', 5],
    ['refunder', '2011-01-20', 10],
    ['refunder', '2011-03-05', -10],
    ['lost', '2011-02-20', 30],
    ['newgone', '2011-03-01', 7],
    ['newstay', '2011-03-10', 8],
  ]);
  const idx = buildOrderIndex(orders);
  const series = orderRetention(idx, { unit: 'month', window: 30 });
  const [jan, feb, mar] = series.periods;

  it('January: S = 0 gives no rates (null), never 0 or 100 %', () => {
    expect(jan.period).toBe('2011-01');
    expect([jan.startActive, jan.endActive, jan.new]).toEqual([0, 4, 4]);
    expect(jan.crr).toBeNull();
    expect(jan.exact).toBeNull();
    expect(jan.churnRate).toBeNull();
    expect(explainDifference(jan).differencePoints).toBeNull();
  });
  it('February: S = 4, E = 2, N = 1, 3 lost -> CRR = (2 - 1) / 4 = 25 %, churn 75 %', () => {
    expect([feb.startActive, feb.endActive, feb.new, feb.lost, feb.retained, feb.reactivated]).toEqual([4, 2, 1, 3, 1, 0]);
    expect(feb.crr).toBe(25);
    expect(feb.exact).toBe(25);
    expect(feb.churnRate).toBe(75);
    expect(idsOf(idx.customerIds, feb.members.lost)).toEqual(['pause', 'pause2', 'refunder']);
  });
  it('March: reactivation lifts CRR above exact retention, a new customer gone by 03-31 pulls it down', () => {
    // S = {ret, lost}, E = {ret, pause, pause2, newstay}, N = {newgone, newstay}
    expect([mar.startActive, mar.endActive, mar.new, mar.lost, mar.retained]).toEqual([2, 4, 2, 1, 1]);
    expect(mar.crr).toBe(100); // (4 - 2) / 2 x 100
    expect(mar.exact).toBe(50); // |{ret}| / 2 x 100
    expect(mar.churnRate).toBe(50); // |{lost}| / 2 x 100
    expect(idsOf(idx.customerIds, mar.members.reactivated)).toEqual(['pause', 'pause2']);
    expect(idsOf(idx.customerIds, mar.members.new)).toEqual(['newgone', 'newstay']);
    expect(idsOf(idx.customerIds, mar.members.newInactiveAtEnd)).toEqual(['newgone']);
    expect(idsOf(idx.customerIds, mar.members.lost)).toEqual(['lost']);
    // CRR - exact = (reactivated - newInactiveAtEnd) / S x 100 = (2 - 1) / 2 x 100 = 50 points
    expect(explainDifference(mar)).toEqual({ differs: true, reactivated: 2, newInactiveAtEnd: 1, startActive: 2, differencePoints: 50 });
  });
  it('lists the big sets on demand', () => {
    expect(idsOf(idx.customerIds, periodMembers(series, 2, 'start'))).toEqual(['ret', 'lost']);
    expect(idsOf(idx.customerIds, periodMembers(series, 2, 'end'))).toEqual(['ret', 'pause', 'pause2', 'newstay']);
    expect(idsOf(idx.customerIds, periodMembers(series, 2, 'retained'))).toEqual(['ret']);
    expect(periodMembers(series, 2, 'lost')).toBe(mar.members.lost);
  });
  it('flags the last period complete only when the data reaches its last day', () => {
    // The data ends 2011-03-25, before March's last day.
    expect(series.periods.map((p) => p.complete)).toEqual([true, true, false]);
  });
  it('splits revenue into new and returning customers, refunds included', () => {
    const r = revenueByPeriod(idx, series.grid);
    // Jan: 10 + 20 + 5 + 10 = 45, all from customers new in January.
    // Feb: lost 30 (new) + ret 10 (returning) = 40.
    // Mar: returning ret 10 + pause 20 + pause2 5 + refunder -10 = 25; new newgone 7 + newstay 8 = 15.
    expect(Array.from(r.total)).toEqual([45, 40, 40]);
    expect(Array.from(r.fromNew)).toEqual([45, 30, 15]);
    expect(Array.from(r.fromReturning)).toEqual([0, 10, 25]);
    expect(Array.from(r.newCustomers)).toEqual([4, 1, 2]);
    expect(Array.from(r.returningCustomers)).toEqual([0, 1, 4]);
  });
});

describe('empty inputs', () => {
  it('gives no periods, not an error, for a table without usable rows', () => {
    expect(orderRetention(buildOrderIndex(ordersTable([])), { unit: 'month', window: 90 }).periods).toEqual([]);
    expect(subscriptionRetention(buildSubscriptionIndex(subscriptionsTable([])), { unit: 'year' }).periods).toEqual([]);
  });
});

describe('quarters and years', () => {
  // W = 90.
  // a: 2010-12-15, 2011-03-20, 2011-12-01;  b: 2010-11-01;  c (new in 2011-Q1): 2011-02-01.
  const idx = buildOrderIndex(
    ordersTable([
      ['a', '2010-12-15', 1],
      ['a', '2011-03-20', 1],
      ['a', '2011-12-01', 1],
      ['b', '2010-11-01', 1],
      ['c', '2011-02-01', 1],
    ]),
  );
  it('quarter: 2011-Q1 has S = {a, b} (12-31, window from 10-03), E = {a, c} (03-31, window from 01-01)', () => {
    const q = orderRetention(idx, { unit: 'quarter', window: 90, to: idx.maxDay });
    expect(q.grid.labels).toEqual(['2010-Q4', '2011-Q1', '2011-Q2', '2011-Q3', '2011-Q4']);
    const q1 = q.periods[1];
    expect([q1.startActive, q1.endActive, q1.new, q1.lost]).toEqual([2, 2, 1, 1]);
    expect(q1.crr).toBe(50); // (2 - 1) / 2
    expect(q1.exact).toBe(50); // {a} / 2
    // 2011-Q2: S = {a, c}; E on 06-30 (window from 04-02): nobody -> CRR (0 - 0) / 2 = 0 %
    expect(q.periods[2].crr).toBe(0);
    expect(q.periods[2].churnRate).toBe(100);
  });
  it('year: 2011 has S = {a, b}, E = {a} (window 10-03..12-31), N = {c} no longer active', () => {
    const y = orderRetention(idx, { unit: 'year', window: 90 });
    expect(y.grid.labels).toEqual(['2010', '2011']);
    const p = y.periods[1];
    expect([p.startActive, p.endActive, p.new, p.lost, p.newInactiveAtEnd]).toEqual([2, 1, 1, 1, 1]);
    expect(p.crr).toBe(0); // (1 - 1) / 2
    expect(p.exact).toBe(50); // |{a}| / 2
    expect(explainDifference(p).differencePoints).toBe(-50); // (0 - 1) / 2 x 100
  });
});

describe('subscriptions: active iff start <= d < end', () => {
  // a: 01-01 open; b: 01-15 .. 03-01 (active on 02-28, not 03-31); c: 02-01 .. 02-28 (not active
  // on 02-28); d: 01-10 .. 01-20, then 03-05 open (reactivated in March).
  const idx = buildSubscriptionIndex(
    subscriptionsTable([
      ['a', '2011-01-01', null, 10],
      ['b', '2011-01-15', '2011-03-01', 10],
      ['c', '2011-02-01', '2011-02-28', 10],
      ['d', '2011-01-10', '2011-01-20', 10],
      ['d', '2011-03-05', null, 10],
    ]),
  );
  const s = subscriptionRetention(idx, { unit: 'month' });
  it('covers the data range (latest start or end: 03-05)', () => {
    expect(s.grid.labels).toEqual(['2011-01', '2011-02', '2011-03']);
    expect(s.window).toBeNull();
  });
  it('January: S = 0, E = {a, b}, N = {a, b, d} with d gone by 01-31', () => {
    const p = s.periods[0];
    expect([p.startActive, p.endActive, p.new, p.newInactiveAtEnd]).toEqual([0, 2, 3, 1]);
    expect(p.crr).toBeNull();
  });
  it('February: c ends on 02-28 so is not active that day -> CRR (2 - 1) / 2 = 50 %, exact 100 %', () => {
    const p = s.periods[1];
    expect([p.startActive, p.endActive, p.new, p.lost]).toEqual([2, 2, 1, 0]);
    expect(p.crr).toBe(50);
    expect(p.exact).toBe(100);
    expect(idsOf(idx.customerIds, p.members.newInactiveAtEnd)).toEqual(['c']);
  });
  it('March: b lost (ended 03-01), d reactivated -> CRR 100 %, exact 50 %, churn 50 %', () => {
    const p = s.periods[2];
    expect([p.startActive, p.endActive, p.new, p.lost, p.reactivated]).toEqual([2, 2, 0, 1, 1]);
    expect([p.crr, p.exact, p.churnRate]).toEqual([100, 50, 50]);
    expect(idsOf(idx.customerIds, p.members.reactivated)).toEqual(['d']);
    expect(p.complete).toBe(false);
  });
});
