/**
 * The churn audit and the segment comparison of `npm run analyze -- --json` on the sample
 * business (public/sample, scripts/generate-sample.ts). Expected counts were computed
 * independently from the CSV files with a short Python script (subscriptions: churned = no
 * subscription running on 2025-12-31; the reason from the latest cancellation row, else the
 * cancel_reason of the subscription that ended last): 5,000 subscribers, 1,800 churned,
 * 43 churned without any reason or category; Basic 1,070 / 2,444, Pro 560 / 1,747, Business
 * 170 / 809; Referral 202 / 693. The planted effects (generate-sample.ts): churn is higher on
 * Basic and for paid/social acquisition, lower for referrals, and NPS scores drop before a
 * customer leaves.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeFiles, type AnalyzeReport } from '../../../scripts/analyze-lib.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SAMPLE = ['orders', 'customers', 'subscriptions', 'churn', 'feedback', 'referrals'].map((f) => `${ROOT}public/sample/${f}.csv`);

describe('churnAudit on the sample business', () => {
  let report: AnalyzeReport;
  beforeAll(async () => {
    const out = await analyzeFiles(SAMPLE, { segment: 'plan' });
    expect(out.exitCode, out.messages.join('\n')).toBe(0);
    report = out.report!;
  }, 120_000);

  const attribute = (name: string) => report.churnAudit!.attributes.find((a) => a.attribute === name)!;
  const value = (name: string, v: string) => attribute(name).values.find((x) => x.value === v)!;

  it('counts the base, the churned and the churned without a reason', () => {
    const a = report.churnAudit!;
    expect(a.source).toBe('subscriptions');
    expect(a.asOf).toBe('2025-12-31');
    expect([a.customers, a.churned, a.churnRate]).toEqual([5000, 1800, 36]);
    expect(a.noReasonCount).toBe(43);
    expect(a.noReason).toBeCloseTo((43 / 1800) * 100, 3);
  });
  it('groups the reasons: Price first, and every count adds up to the churned with a reason', () => {
    const a = report.churnAudit!;
    expect(a.reasons[0].reason).toBe('Price');
    expect(a.reasons.reduce((s, r) => s + r.count, 0)).toBe(1800 - 43);
    // "Too expensive", "too expensive " and "Too expensive!" are one reason.
    expect(a.reasons[0].texts.filter((t) => /too expensive/i.test(t.text))).toHaveLength(1);
    for (const r of a.reasons) expect(r.low! <= r.share! && r.share! <= r.high!).toBe(true);
  });
  it('finds the planted plan effect: Basic churns more, Business less, both significant', () => {
    expect(value('plan', 'Basic')).toMatchObject({ customers: 2444, churned: 1070 });
    expect(value('plan', 'Basic').lift!).toBeGreaterThan(1);
    expect(value('plan', 'Basic').q!).toBeLessThan(0.05);
    expect(value('plan', 'Business')).toMatchObject({ customers: 809, churned: 170 });
    expect(value('plan', 'Business').lift!).toBeLessThan(1);
    expect(attribute('plan').p!).toBeLessThan(1e-10);
    expect(report.churnAudit!.findings).toContain('Customers with plan Basic churn 1.2x as often: 43.8 % vs 36 % overall, significant (q < 0.001).');
  });
  it('finds the planted acquisition effects: referrals churn less, paid search and social more', () => {
    expect(value('acquisition_channel', 'Referral')).toMatchObject({ customers: 693, churned: 202 });
    expect(value('acquisition_channel', 'Referral').lift!).toBeLessThan(0.9);
    expect(value('acquisition_channel', 'Referral').q!).toBeLessThan(0.05);
    expect(value('acquisition_channel', 'Social').lift!).toBeGreaterThan(1.1);
    expect(value('acquisition_channel', 'Paid search').lift!).toBeGreaterThan(1);
    expect(value('referred', 'referred').lift!).toBeLessThan(1);
  });
  it('finds the planted satisfaction effect: detractors churn more than promoters', () => {
    expect(value('NPS group', 'detractor').rate!).toBeGreaterThan(value('NPS group', 'promoter').rate! * 3);
  });
  it('never makes a finding of the acquisition cohort (older cohorts had more time to churn)', () => {
    expect(attribute('acquisition cohort').values.length).toBeGreaterThan(1);
    expect(report.churnAudit!.findings.some((f) => f.includes('acquisition cohort'))).toBe(false);
  });
  it('the ideal profile (top quarter by revenue, still a customer) over-represents Business', () => {
    const a = report.churnAudit!;
    expect(a.idealBasis).toBe('revenue');
    expect(a.idealProfile[0]).toMatchObject({ attribute: 'plan', value: 'Business', significant: true });
    expect(a.idealProfile.every((r) => r.ratio! > 1)).toBe(true);
  });
  it('--segment plan: three segments with their own retention, churn and a log-rank test', () => {
    const s = report.segments!;
    expect(s.attribute).toBe('plan');
    expect(s.segments.map((g) => [g.value, g.customers])).toEqual([['Basic', 2444], ['Pro', 1747], ['Business', 809]]);
    expect(s.segments[0].churnRate!).toBeCloseTo((1070 / 2444) * 100, 3);
    expect(s.segments[0].churnSignificant).toBe(true);
    expect(s.logRank!.df).toBe(2);
    expect(s.logRank!.p!).toBeLessThan(1e-6);
    // Bigger plans buy more per order.
    expect(s.segments[2].aov!.mean!).toBeGreaterThan(s.segments[0].aov!.mean!);
    for (const g of s.segments) expect(g.survival.length).toBeGreaterThan(1);
  });
  it('an unknown --segment names the attributes there are (exit code 2)', async () => {
    const out = await analyzeFiles(SAMPLE.slice(0, 4), { segment: 'shoe size' });
    expect(out.exitCode).toBe(2);
    expect(out.messages.at(-1)).toMatch(/^--segment shoe size: no such attribute \(attributes: plan, region, .*acquisition cohort/);
  }, 120_000);
});

describe('segments from a filter on the sample business', () => {
  it('--segment-filter: Basic customers from paid search or social (counted with Python: 899) against the rest, each with its CRR series', async () => {
    const out = await analyzeFiles(SAMPLE.slice(0, 4), { segmentFilter: ['plan=Basic', 'acquisition_channel=Paid search,Social'] });
    expect(out.exitCode, out.messages.join('\n')).toBe(0);
    const s = out.report!.segments!;
    expect(s.segments.map((g) => g.customers)).toEqual([899, 4101]);
    // The planted effects add up: these customers churn more than the rest.
    expect(s.segments[0].churnRate!).toBeGreaterThan(s.segments[1].churnRate!);
    expect(s.segments[0].churnSignificant).toBe(true);
    expect(s.segments[0].periods.length).toBe(36);
    expect(s.segments[0].periods.at(-1)).toMatchObject({ period: '2025-12', complete: true });
  }, 120_000);
  it('an unknown column in --segment-filter is named (exit code 2)', async () => {
    const out = await analyzeFiles(SAMPLE.slice(0, 4), { segmentFilter: ['shoe=42'] });
    expect(out.exitCode).toBe(2);
    expect(out.messages.at(-1)).toMatch(/^--segment-filter shoe: no such attribute/);
  }, 120_000);
});
