/**
 * The `nps`, `referrals` and `returning` sections of `npm run analyze -- --json` (issue #12,
 * scripts/satisfaction-json.ts):
 * - the Botanic survey (shared/data/real-exports: 8,465 promoters, 3,953 passives, 1,194
 *   detractors of 13,612 scored answers, NPS 53.42 by its README, no date column);
 * - hand-made files whose every figure was worked out by hand (the same shops as the core tests:
 *   tests/unit/core/referrals/fixtures.ts and tests/unit/core/returning/fixtures.ts);
 * - the sample business (public/sample, scripts/generate-sample.ts), whose planted effects must
 *   show with the right direction: satisfaction is lower for customers who leave and drops
 *   before they do (base score 6.2 for churners vs 8.1, minus 1.8 in their last 90 days), and
 *   referred customers have a 0.7x churn hazard. "Honest intervals": each bound is checked
 *   against the interval computed afresh from the counts in the JSON, never against a number
 *   copied from a run.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeFiles, type AnalyzeReport } from '../../../scripts/analyze-lib.ts';
import { netPromoterScore } from '../../../src/core/satisfaction/nps.ts';
import { proportionDifference } from '../../../src/core/stats/proportion-difference.ts';
import { wilsonInterval } from '../../../src/core/stats/wilson-interval.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FIX = `${ROOT}tests/unit/cli/fixtures/`;
const SAMPLE = ['orders', 'customers', 'subscriptions', 'churn', 'feedback', 'referrals'].map((f) => `${ROOT}public/sample/${f}.csv`);
const BOTANIC = fileURLToPath(new URL('../../../../shared/data/real-exports/botanic_nps_survey.csv', import.meta.url));

async function run(paths: string[], flags: Parameters<typeof analyzeFiles>[1] = {}): Promise<AnalyzeReport> {
  const out = await analyzeFiles(paths, flags);
  expect(out.exitCode, out.messages.join('\n')).toBe(0);
  return out.report!;
}

describe('nps on the Botanic survey alone', () => {
  it('NPS 53.42 from 8,465 / 3,953 / 1,194; no dates, no customer base, no churn: said as notes; no other section', async () => {
    const r = await run([BOTANIC], { encoding: 'windows-1252' });
    const n = r.nps!;
    expect(n.nps!).toBeCloseTo(53.42, 2);
    expect([n.answers, n.promoters, n.passives, n.detractors, n.withoutScore, n.rows]).toEqual([13612, 8465, 3953, 1194, 342, 13954]);
    const f = netPromoterScore(8465, 3953, 1194)!;
    expect(n.low!).toBeCloseTo(f.low, 3);
    expect(n.high!).toBeCloseTo(f.high, 3);
    expect(n.scales).toEqual([{ text: null, scale: 'nps', by: 'scores', answers: 13612 }]);
    expect(n.trend.periods).toEqual([]);
    expect(n.trend.undated!.answers).toBe(13612);
    expect(n.notes).toEqual(['no-dates', 'without-score', 'no-response-base', 'no-churn-data']);
    expect(n.recentDetractors).toMatchObject({ asOf: null, answers: 0, undated: 1194 });
    expect([r.referrals, r.returning]).toEqual([undefined, undefined]);
  }, 60_000);
});

describe('hand-computed files', () => {
  // tests/unit/core/referrals/fixtures.ts as CSV; judged on 2024-06-30 with W = 30.
  let r: AnalyzeReport;
  beforeAll(async () => {
    r = await run([`${FIX}referral-orders.csv`, `${FIX}referrals.csv`, `${FIX}feedback.csv`], { window: 30, to: '2024-06-30' });
  }, 60_000);

  it('nps: 10, 9, 9 and 6 -> (3 - 1) / 4 = 50; adjusted Wald on 3.75 / 1.75 of 7 -> [-33.59, 90.73]', () => {
    const n = r.nps!;
    expect([n.answers, n.nps, n.promoters, n.detractors, n.undated]).toEqual([4, 50, 3, 1, 1]);
    expect(n.low!).toBeCloseTo(-33.5885, 3);
    expect(n.high!).toBeCloseTo(90.7314, 3);
    // Months: May R1 9 -> 100; June A1 10, A2 6 -> 0; A3's undated 9 apart.
    expect(n.trend.periods.map((p) => [p.period, p.answers, p.nps])).toEqual([['2024-05', 1, 100], ['2024-06', 2, 0]]);
    expect(n.touchpoints!.map((t) => [t.touchpoint, t.answers, t.nps])).toEqual([['purchase', 2, 0], ['support', 1, 100], ['survey', 1, 100]]);
    // 4 of the 7 customers of the orders answered.
    expect(n.responseRate).toMatchObject({ answered: 4, customers: 7, rate: Number(((4 / 7) * 100).toPrecision(6)) });
    // The last 90 days (04-02..06-30): A2's 6.
    expect(n.recentDetractors).toMatchObject({ asOf: '2024-06-30', from: '2024-04-02', answers: 1, customers: 1, withComment: 1 });
  });
  it('referrals: 2 of the 5 active customers referred a buyer = 40 % (band 30-50); 4 of 5 referred bought, median 11.5 days', () => {
    const x = r.referrals!;
    expect(x).toMatchObject({ source: 'referrals', asOf: '2024-06-30', referrals: 5, activeCustomers: 5, referrers: 2, anyReferrers: 3, rate: 40, band: '30-50', bandLow: '7-15', bandHigh: '50+' });
    expect(x.skipped).toEqual({ withoutIds: 0, selfReferrals: 1, repeats: 1 });
    expect(x.conversion).toMatchObject({ referrals: 5, converted: 4, rate: 80, fromFile: 3, fromOrders: 1 });
    expect(x.conversion.daysToFirstPurchase).toMatchObject({ n: 4, median: 11.5, p25: 7.5, p75: 15.25, mean: 11.25 });
    expect(x.conversion.within.map((w) => [w.days, w.eligible, w.converted])).toEqual([[30, 4, 3], [90, 3, 3]]);
    expect(x.periods.rows.map((p) => p.referrals)).toEqual([1, 1, 1, 1, 1]);
    expect(x.topReferrers).toEqual([
      { rank: 1, referrals: 2, converted: 2, referredRevenue: 25 },
      { rank: 2, referrals: 2, converted: 1, referredRevenue: null },
      { rank: 3, referrals: 1, converted: 1, referredRevenue: null },
    ]);
    // A1 (10) and A3 (9) are promoters who never referred; R1 (9) did.
    expect(x.promotersToAsk).toEqual({ customers: 2, active: 2 });
    // Referred X1 churned (1 of 1), of the 6 others R3 (1 of 6).
    expect(x.referredVsOther!.churnDiff).toMatchObject({ customers: 1, churned: 1, otherCustomers: 6, otherChurned: 1, rate: 100 });
  });
  it('returning: complete months Jan-Feb; new 150, 30, 40, 70 (72.5) vs returning 80, -10, 20 (30): -58.6 % [-93.7, 170.7]', async () => {
    const t = (await run([`${FIX}returning-orders.csv`])).returning!;
    expect(t.periods.map((p) => [p.period, p.complete, p.new.customers, p.new.spendPerCustomer, p.returning.customers, p.returning.spendPerCustomer])).toEqual([
      ['2024-01', true, 2, 90, 1, -10],
      ['2024-02', true, 2, 55, 2, 50],
      ['2024-03', false, 1, 200, 2, 35],
    ]);
    expect(t.completePeriods).toBe(2);
    expect(t.spendMore).toMatchObject({ newMean: 72.5, newCustomers: 4, returningMean: 30, returningCustomers: 3, diff: -42.5, percentMore: -58.6207, low: -93.6757, high: 170.741 });
    expect(t.aovMore).toMatchObject({ newMean: 53.75, returningMean: 50 });
  }, 60_000);
});

describe('the sample business: the planted effects', () => {
  let r: AnalyzeReport;
  beforeAll(async () => {
    r = await run(SAMPLE);
  }, 120_000);

  it('NPS of all answers, with its interval recomputed from the counts', () => {
    const n = r.nps!;
    expect(n.answers).toBe(n.promoters + n.passives + n.detractors);
    const f = netPromoterScore(n.promoters, n.passives, n.detractors)!;
    expect(n.nps!).toBeCloseTo(f.nps, 3);
    expect(n.low!).toBeCloseTo(f.low, 3);
    expect(n.high!).toBeCloseTo(f.high, 3);
    expect(n.responseRate!.customers).toBe(5000);
    expect(n.trend.periods.length).toBe(36);
    expect(n.touchpoints!.map((t) => t.touchpoint).sort()).toEqual(['onboarding', 'purchase', 'support', 'survey']);
    expect(n.recentDetractors.answers).toBeGreaterThan(0);
  });
  it('detractors churn more than promoters: the Wilson intervals do not overlap, the difference excludes 0, the survival curves differ', () => {
    const g = n2g(r);
    const det = g.groups.find((x) => x.group === 'detractor')!;
    const pro = g.groups.find((x) => x.group === 'promoter')!;
    expect(det.churnRate!).toBeGreaterThan(pro.churnRate! * 3);
    expect(det.churnLow!).toBeGreaterThan(pro.churnHigh!);
    // Wilson from the JSON's own counts (every sample customer is in the subscription churn base).
    for (const x of [det, pro]) {
      expect(x.churnBase).toBe(x.customers);
      const ci = wilsonInterval(x.churned, x.churnBase)!;
      expect(x.churnLow!).toBeCloseTo(ci.low * 100, 3);
      expect(x.churnHigh!).toBeCloseTo(ci.high * 100, 3);
    }
    const d = g.detractorsVsPromoters!;
    const nd = proportionDifference(d.churned, d.customers, d.otherChurned, d.otherCustomers)!;
    expect(d.low!).toBeCloseTo(nd.low * 100, 3);
    expect(d.high!).toBeCloseTo(nd.high * 100, 3);
    expect(d.low!).toBeGreaterThan(0);
    expect(g.logRank!.p!).toBeLessThan(1e-6);
  });
  it('referred customers stay longer: lower churn (difference below 0), longer median lifetime, log-rank significant', () => {
    const x = r.referrals!.referredVsOther!;
    const ref = x.groups.find((g) => g.group === 'referred')!;
    const other = x.groups.find((g) => g.group === 'not referred')!;
    expect(ref.customers).toBe(693);
    expect(ref.churnRate!).toBeLessThan(other.churnRate!);
    const d = x.churnDiff!;
    const nd = proportionDifference(d.churned, d.customers, d.otherChurned, d.otherCustomers)!;
    expect(d.low!).toBeCloseTo(nd.low * 100, 3);
    expect(d.high!).toBeCloseTo(nd.high * 100, 3);
    expect(d.high!).toBeLessThan(0);
    expect(ref.medianLifetimeDays!).toBeGreaterThan(other.medianLifetimeDays!);
    expect(x.logRank!.p!).toBeLessThan(0.001);
  });
  it('referral rate: referrers / active customers with its Wilson interval, and its band', () => {
    const x = r.referrals!;
    const ci = wilsonInterval(x.referrers, x.activeCustomers)!;
    expect(x.rate!).toBeCloseTo((x.referrers / x.activeCustomers) * 100, 3);
    expect(x.low!).toBeCloseTo(ci.low * 100, 3);
    expect(x.high!).toBeCloseTo(ci.high * 100, 3);
    expect(x.band).toBe('7-15');
    expect(x.referrals).toBe(693);
    expect(x.conversion.daysToFirstPurchase.median!).toBeGreaterThan(0);
    expect(x.promotersToAsk!.customers).toBeGreaterThan(0);
  });
  it('returning customers spend more than new ones, with an interval that is computed (and excludes 0); revenue reconciles with retention', async () => {
    const t = r.returning!;
    expect(t.spendMore.low!).toBeLessThan(t.spendMore.percentMore!);
    expect(t.spendMore.percentMore!).toBeLessThan(t.spendMore.high!);
    expect(t.spendMore.low!).toBeGreaterThan(0);
    expect(t.spendMore.diffLow!).toBeGreaterThan(0);
    expect(t.spendMore.percentMore!).toBeCloseTo((t.spendMore.returningMean! / t.spendMore.newMean! - 1) * 100, 2);
    // The sample's retention is from subscriptions; the orders' retention has revenue new vs returning.
    const ret = (await run([SAMPLE[0]])).retention!.periods;
    expect(t.periods.map((p) => [p.period, p.new.revenue, p.returning.revenue])).toEqual(
      ret.map((p) => [p.period, Number(p.revenueNew!.toPrecision(6)), Number(p.revenueReturning!.toPrecision(6))]),
    );
  }, 60_000);
  it('the JSON carries no customer id', () => {
    const text = JSON.stringify([r.nps, r.referrals, r.returning]);
    expect(text).not.toMatch(/C\d{5}/);
  });
});

function n2g(r: AnalyzeReport) {
  return r.nps!.byGroup!;
}
