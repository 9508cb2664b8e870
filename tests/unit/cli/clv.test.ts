/**
 * `npm run analyze -- --json` adds `clv` (issue #11 item 7), checked on two data sets:
 * - the CDNOW sample (Fader & Hardie; tests/unit/cli/fixtures/cdnow-sample.csv is
 *   /work/shared/data/cdnow/CDNOW_sample.txt as a CSV: the sample's customer id, the date as
 *   ISO, CDs, dollars; the importer does not read the space-separated original). Published
 *   values: reference_values.json beside the original (FHL 2005; BTYD's hold-out table).
 *   The app counts a $0.00 day as no purchase, so 8 customers whose only order is a free CD
 *   are not modelled (2,349 of 2,357) and the fit moves by under 1 %.
 * - the sample business (public/sample, scripts/generate-sample.ts): Business customers buy
 *   more often and spend ~8x more per order (PLAN_RATE, PLAN_PRICE), so they are the high-value
 *   ones; churners cancel and one in eight customers stops buying silently, so high-value
 *   customers with a low P(alive) should mostly be cancelled subscribers. Counts checked
 *   independently with Python's csv module on the CSV that --customers writes.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeFiles, parseCommandLine, type AnalyzeReport } from '../../../scripts/analyze-lib.ts';
import { csvTable } from '../../support/csv.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CDNOW = `${ROOT}tests/unit/cli/fixtures/cdnow-sample.csv`;
const SAMPLE = ['orders', 'customers', 'subscriptions', 'churn', 'feedback', 'referrals'].map((f) => `${ROOT}public/sample/${f}.csv`);
const PUBLISHED = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426, p: 6.25, q: 3.74, gamma: 15.44 };

describe('clv of the CDNOW sample with --calibration-end 1997-09-30', () => {
  let report: AnalyzeReport;
  beforeAll(async () => {
    const out = await analyzeFiles([CDNOW], { calibrationEnd: '1997-09-30', margin: 0.3 });
    expect(out.exitCode, out.messages.join('\n')).toBe(0);
    report = out.report!;
  }, 60_000);

  it('has the schema of the issue: calibration end, weeks, both fits with convergence and boundaries', () => {
    const c = report.clv!;
    expect(c).toMatchObject({ calibrationEnd: '1997-09-30', holdoutEnd: '1998-06-30', unit: 'week', horizonMonths: 12, discountYearly: 0.1, margin: 0.3, enoughData: true });
    expect(c.bgnbd).toMatchObject({ converged: true, atBoundary: [] });
    expect(c.gammaGamma!.converged).toBe(true);
    for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(Math.abs(c.bgnbd![k] / PUBLISHED[k] - 1)).toBeLessThan(0.01);
    for (const k of ['p', 'q', 'gamma'] as const) expect(Math.abs(c.gammaGamma![k] / PUBLISHED[k] - 1)).toBeLessThan(0.01);
  });
  it('carries the hold-out table by calibration frequency and the 12 % under-forecast', () => {
    const h = report.clv!.holdout!;
    expect(h.weeks).toBe(39);
    expect(h.rows.map((r) => r.frequency)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
    expect(h.rows.map((r) => r.customers)).toEqual([1403, 439, 214, 100, 62, 38, 29, 64]); // BTYD: 1411 in group 0 with the 8 free-CD customers
    expect(h.actual).toBe(1882);
    expect(h.forecastError!).toBeCloseTo(-0.121, 2);
  });
  it('states the guard rails as codes: one-time buyers cannot be judged, $0 days are no purchases', () => {
    const codes = report.clv!.guards.map((g) => g.code);
    expect(codes).toContain('one-time-buyers');
    expect(codes).toContain('non-purchase-days-excluded');
    expect(report.clv!.averages.pAliveJudged).toBe(946);
    expect(report.clv!.spendCorrelation!).toBeCloseTo(0.1139, 3);
  });
});

describe('clv of the sample business', () => {
  let report: AnalyzeReport;
  let dir: string;
  let rows: Record<string, string>[];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'keepwise-clv-'));
    const file = join(dir, 'clv.csv');
    const out = await analyzeFiles(SAMPLE, { margin: 0.6, customersFile: file });
    expect(out.exitCode, out.messages.join('\n')).toBe(0);
    report = out.report!;
    const { header, rows: cells } = csvTable(readFileSync(file, 'utf8'));
    rows = cells.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fits both models with convergence on the 4,752 customers who bought, and the subscriptions give a simple CLV', () => {
    const c = report.clv!;
    expect(c.averages.customers).toBe(4752);
    expect(c.bgnbd!.converged && c.gammaGamma!.converged).toBe(true);
    expect(c.simple!.churnRate!).toBeGreaterThan(0);
    expect(c.simple!.clvLow! < c.simple!.clv! && c.simple!.clv! < c.simple!.clvHigh!).toBe(true);
    expect(c.rfm.reduce((a, g) => a + g.customers, 0)).toBe(4752);
  });
  it('finds the planted high-value group: the 250 highest CLVs are Business customers (12 % of the base)', () => {
    const plan = new Map(csvTable(readFileSync(SAMPLE[1], 'utf8')).rows.map((r) => [r[0], r[2]]));
    const top = [...rows].sort((a, b) => Number(b.clv || 0) - Number(a.clv || 0)).slice(0, 250);
    expect(top.filter((r) => plan.get(r.customer_id) === 'Business').length).toBeGreaterThanOrEqual(240);
    const seg = report.clv!.segments.find((s) => s.attribute === 'plan')!;
    const clvOf = (v: string) => seg.values.find((x) => x.value === v)!.clv!;
    expect(clvOf('Business')).toBeGreaterThan(10 * clvOf('Basic'));
  });
  it('finds the planted at-risk group: high-value customers with P(alive) <= 0.5 are mostly cancelled subscribers', () => {
    const subs = csvTable(readFileSync(SAMPLE[2], 'utf8')).rows;
    const running = new Set(subs.filter((r) => r[3] === '').map((r) => r[1]));
    const values = rows.filter((r) => r.historical_value !== '').map((r) => Number(r.historical_value)).sort((a, b) => b - a);
    const threshold = values[Math.ceil(0.2 * values.length) - 1];
    const slipping = rows.filter((r) => r.historical_value !== '' && Number(r.historical_value) >= threshold && r.p_alive !== '' && Number(r.p_alive) <= 0.5);
    expect(slipping.length).toBe(report.clv!.lists.slipping.customers);
    expect(slipping.length).toBe(163);
    const cancelled = slipping.filter((r) => !running.has(r.customer_id)).length;
    expect(cancelled).toBe(119); // 73 % against 36 % of all buyers
  });
  it("writes one row per customer, P(alive) empty for one-time buyers ('cannot judge')", () => {
    expect(rows.length).toBe(report.clv!.averages.customers);
    for (const r of rows) if (r.x === '0') expect(r.p_alive).toBe('');
  });
});

describe('clv flags', () => {
  it('reads --calibration-end, --customers, --margin, --horizon, --discount and refuses bad values', () => {
    const { flags } = parseCommandLine(['a.csv', '--calibration-end', '1997-09-30', '--customers', 'out.csv', '--margin', '0.4', '--horizon', '24', '--discount', '0.08']);
    expect(flags).toMatchObject({ calibrationEnd: '1997-09-30', customersFile: 'out.csv', margin: 0.4, horizon: 24, discount: 0.08 });
    expect(() => parseCommandLine(['a.csv', '--margin', '40'])).toThrow('--margin must be a number from 0 to 1');
    expect(() => parseCommandLine(['a.csv', '--horizon', '1.5'])).toThrow('--horizon');
    expect(() => parseCommandLine(['a.csv', '--calibration-end', '30.9.1997'])).toThrow('--calibration-end');
  });
});
