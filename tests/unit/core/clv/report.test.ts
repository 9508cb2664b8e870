import { describe, expect, it } from 'vitest';
import { clvReport } from '../../../../src/core/clv/report.ts';
import { rfmGroupOf, rfmScores } from '../../../../src/core/clv/rfm.ts';
import { simpleClv } from '../../../../src/core/clv/simple-clv.ts';
import { historicalClv } from '../../../../src/core/clv/historical-clv.ts';
import { actionLists } from '../../../../src/core/clv/action-lists.ts';
import { monthlyRate } from '../../../../src/core/clv/discounted-clv.ts';
import { notEnoughData, pearson } from '../../../../src/core/clv/guard-rails.ts';
import { buildOrderIndex, buildSubscriptionIndex } from '../../../../src/core/retention/customer-index.ts';
import { MISSING_DAY, type Table } from '../../../../src/core/table.ts';
import { day, ordersTable } from '../retention/fixtures.ts';
import { dayToIso as isoOf } from '../../../../src/core/parse/date.ts';
import { CALIBRATION_END, REFERENCE, cdnowSampleOrders } from './cdnow.ts';

describe('clvReport on the CDNOW sample, calibration to 1997-09-30 (the rest is hold-out)', () => {
  const r = clvReport({ orders: cdnowSampleOrders() }, { calibrationEnd: CALIBRATION_END, margin: 0.3 });
  it("fits BG/NBD and Gamma-Gamma within 1 % of the published values by the app's $0 rule (2,349 customers)", () => {
    expect(r.summary.customers).toBe(2349);
    for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(Math.abs(r.bgnbd![k] / REFERENCE.bgnbd.published[k] - 1)).toBeLessThan(0.01);
    for (const k of ['p', 'q', 'gamma'] as const) expect(Math.abs(r.gammaGamma![k] / REFERENCE.gamma_gamma.published[k] - 1)).toBeLessThan(0.01);
    expect(r.spendCorrelation!).toBeCloseTo(REFERENCE.gamma_gamma.corr_x_mx, 3);
  });
  it('carries the hold-out check and its 12 % under-forecast', () => {
    expect(r.params.holdoutEnd).toBe(day('1998-06-30'));
    expect(r.holdout!.actualTotal).toBe(1882);
    expect(r.holdout!.forecastError!).toBeCloseTo(-0.121, 2);
  });
  it("one-time buyers' P(alive) is 'cannot judge' (NaN), never 1; guard rails are codes", () => {
    const pc = r.perCustomer;
    for (let k = 0; k < pc.ids.length; k++) if (pc.modelled[k] && pc.x[k] === 0) expect(pc.pAlive[k]).toBeNaN();
    expect(r.averages.pAliveJudged).toBe(946);
    expect(r.guards.map((g) => g.code)).toEqual(['non-purchase-days-excluded', 'one-time-buyers']);
    expect(r.enoughData).toBe(true);
  });
  it('CLV = margin x E[M] x discounted purchases, per customer; averages and RFM add up', () => {
    const pc = r.perCustomer;
    const k = pc.ids.indexOf('1516');
    expect(pc.clv[k]).toBeGreaterThan(0);
    expect(pc.clv[k]).toBeLessThan(0.3 * pc.expectedSpend[k] * pc.expectedPurchases[k]); // discounting lowers it
    expect(r.rfm.groups.reduce((a, g) => a + g.customers, 0)).toBe(2349);
    expect(r.historical.top20Share! > 0.5 && r.historical.top1Share! < r.historical.top20Share!).toBe(true);
    expect(r.params.monthlyDiscount).toBeCloseTo(monthlyRate(0.1), 15);
  });
});

describe('clvReport guard rails', () => {
  it('not enough data: too few repeat customers and too short a history, no model', () => {
    const r = clvReport({ orders: ordersTable([['A', '2024-01-01', 10], ['A', '2024-01-05', 10], ['B', '2024-01-03', 5]]) });
    expect(r.enoughData).toBe(false);
    expect(r.guards.map((g) => g.code)).toEqual(['too-few-repeat-customers', 'history-too-short']);
    expect(r.bgnbd).toBeNull();
    expect(r.averages.clv).toBeNull();
    expect(r.averages.historical).toBe(12.5);
  });
  it('notEnoughData and pearson', () => {
    expect(notEnoughData(40, 20)).toEqual([]);
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(pearson([1, 2], [2, 4])).toBeNull();
  });
});

describe('clvReport: no dropout in the data', () => {
  it('reports a at the boundary, P(alive) cannot be judged for anyone, and fits Pareto/NBD as the second opinion', () => {
    // 60 customers buy every 7 to 70 days from their first day to the last week: nobody stops.
    const rows: [string, string, number][] = [];
    const start = day('2023-01-02');
    const end = day('2024-12-30');
    for (let c = 0; c < 60; c++) {
      const gap = 7 * (1 + (c % 10));
      for (let d = start + ((c * 3) % 60); d <= end; d += gap) rows.push([`C${c}`, isoOf(d), 20 + (c % 7)]);
    }
    const r = clvReport({ orders: ordersTable(rows) });
    expect(r.bgnbd!.atBoundary).toContain('a');
    expect(r.guards.map((g) => g.code)).toContain('no-dropout-evidence');
    expect(r.averages.pAliveJudged).toBe(0);
    expect(Array.from(r.perCustomer.pAlive).every(Number.isNaN)).toBe(true);
    expect(r.pnbd).not.toBeNull();
    expect(r.pnbd!.pAlive!).toBeGreaterThan(0.5);
  });
});

describe('RFM', () => {
  it('names the grid cells', () => {
    expect([rfmGroupOf(5, 5, 5), rfmGroupOf(5, 1, 1), rfmGroupOf(1, 1, 1), rfmGroupOf(1, 5, 5), rfmGroupOf(2, 4, 3), rfmGroupOf(3, 2, 2), rfmGroupOf(4, 1, 2), rfmGroupOf(4, 4, 4)]).toEqual([
      'champions', 'new', 'lost', "can't lose", 'at risk', 'need attention', 'potential loyalists', 'loyal',
    ]);
  });
  it('scores by quintile, equal values equal scores, recency lower is better', () => {
    const s = rfmScores([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [1, 1, 1, 1, 1, 1, 2, 3, 4, 5], [10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(Array.from(s.r)).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
    expect(new Set(Array.from(s.f).slice(0, 6)).size).toBe(1);
    expect(s.m[9]).toBe(5);
  });
});

describe('historical value, simple CLV and the lists', () => {
  it('historical value: revenue x margin, cohort curves, Pareto of the top customer', () => {
    const idx = buildOrderIndex(ordersTable([['A', '2024-01-10', 100], ['A', '2024-02-10', 50], ['B', '2024-01-20', 30], ['C', '2024-02-02', 20]]));
    const h = historicalClv(idx, 0.5);
    expect(h.value[idx.customerIds.indexOf('A')]).toBe(75);
    expect(h.cohorts.map((c) => [c.cohort, c.customers, c.average])).toEqual([['2024-01', 2, 45], ['2024-02', 1, 10]]);
    expect(Array.from(h.cohorts[0].curve)).toEqual([32.5, 45]);
    expect(h.top20Share).toBeCloseTo(150 / 200, 12);
  });
  it('simple CLV: ARPU x margin / churn; n/a (null) when nobody churned', () => {
    const subs: Table = {
      length: 3,
      columns: {
        customer_id: { type: 'dict', dict: ['A', 'B', 'C'], codes: Uint32Array.from([0, 1, 2]) },
        start_date: { type: 'day', data: Int32Array.from([day('2024-01-01'), day('2024-01-01'), day('2024-01-01')]) },
        end_date: { type: 'day', data: Int32Array.from([MISSING_DAY, day('2024-03-15'), MISSING_DAY]) },
        mrr: { type: 'num', data: Float64Array.from([10, 20, 30]) },
      },
    };
    const idx = buildSubscriptionIndex(subs);
    const s = simpleClv(idx, 0.5, 3, day('2024-06-30'));
    // March: 3 at risk, B lost; April, May: 2 at risk each. ARPU = (60 + 40 + 40) / 7 = 20.
    expect([s.atRisk, s.churned]).toEqual([7, 1]);
    expect(s.arpu).toBeCloseTo(20, 12);
    expect(s.clv).toBeCloseTo((20 * 0.5) / (1 / 7), 10);
    expect(s.clvLow! < s.clv! && s.clv! < s.clvHigh!).toBe(true);
    const none = simpleClv(idx, 0.5, 2, day('2024-06-30'));
    expect([none.churned, none.clv, none.clvHigh]).toEqual([0, null, null]);
  });
  it('lists: overdue between p50 and p90, high value with P(alive) <= 0.5, anniversaries in the next 30 days', () => {
    const first = Int32Array.from([day('2023-07-05'), day('2022-07-20'), day('2024-02-29')]);
    const last = Int32Array.from([day('2024-06-01'), day('2024-06-25'), day('2024-03-01')]);
    const l = actionLists({ firstDay: first, lastDay: last, revenue: Float64Array.from([500, 100, 50]), clv: Float64Array.from([NaN, NaN, NaN]), pAlive: Float64Array.from([0.3, 0.9, NaN]), asOf: day('2024-06-30'), p50Days: 20, p90Days: 60 });
    expect(Array.from(l.reorder)).toEqual([0]);
    expect(Array.from(l.slipping)).toEqual([0]);
    expect(l.anniversaries.map((a) => [a.customer, a.years])).toEqual([[0, 1], [1, 2]]);
  });
});
