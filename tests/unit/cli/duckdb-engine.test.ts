/**
 * `--engine duckdb` (scripts/duckdb-engine.ts, docs/sql/): the retention periods and cohorts
 * computed as SQL in DuckDB equal the core engine's, period by period and cell by cell, on the
 * CLI fixtures, the sample and the orders files of the CSV corpus (line items, statuses,
 * credit notes, decimal commas, no header, e-mail keys, files without amounts ...), with the
 * suggested window and with --window, --period and --from / --to. Counts and rates must be
 * equal; money sums may differ in the last bits (DuckDB sums without compensation).
 *
 * @duckdb/node-api is an optional dependency with a native binary: where it does not load,
 * these tests are skipped and say why.
 */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { analyzeFiles, type AnalyzeFlags } from '../../../scripts/analyze-lib.ts';
import { analyzeWithDuckdb, windowFromSpells } from '../../../scripts/duckdb-engine.ts';
import type { CliRetention } from '../../../scripts/retention-json.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const cli = (name: string) => join(ROOT, 'tests', 'unit', 'cli', 'fixtures', name);
const corpus = (name: string) => join(ROOT, 'tests', 'fixtures', 'csv', name);
const SAMPLE = join(ROOT, 'public', 'sample', 'orders.csv');

const loaded = await import('@duckdb/node-api').then(() => null, (e: unknown) => (e instanceof Error ? e.message : String(e)));
if (loaded !== null) console.warn(`duckdb-engine tests skipped: @duckdb/node-api does not load here (${loaded.split('\n')[0]})`);

const MONEY = new Set(['revenue', 'revenueNew', 'revenueReturning']);

/** Deep equality, with money compared to 1e-9 relative (the SQL sums are not compensated). */
function expectSame(actual: unknown, expected: unknown, path: string): void {
  const key = path.split('.').at(-1)?.replace(/\[\d+\]$/, '') ?? '';
  if (typeof expected === 'number' && typeof actual === 'number' && (MONEY.has(key) || path.includes('.revenue['))) {
    expect(Math.abs(actual - expected), path).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
    return;
  }
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), path).toBe(true);
    expect((actual as unknown[]).length, `${path}.length`).toBe(expected.length);
    expected.forEach((e, i) => expectSame((actual as unknown[])[i], e, `${path}[${i}]`));
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    expect(Object.keys(actual as object).sort(), `${path} keys`).toEqual(Object.keys(expected).sort());
    for (const [k, v] of Object.entries(expected)) expectSame((actual as Record<string, unknown>)[k], v, `${path}.${k}`);
    return;
  }
  expect(actual, path).toBe(expected);
}

async function bothEngines(paths: string[], flags: AnalyzeFlags) {
  const core = await analyzeFiles(paths, { ...flags, json: true, only: 'retention' });
  const duck = await analyzeWithDuckdb(paths, { ...flags, json: true });
  return { core, duck };
}

describe.skipIf(loaded !== null)('analyze --engine duckdb', () => {
  const cases: [string, string[], AnalyzeFlags][] = [
    ['orders-retention.csv', [cli('orders-retention.csv')], {}],
    ['orders-retention.csv --window 30', [cli('orders-retention.csv')], { window: 30 }],
    ['orders-retention.csv --period quarter', [cli('orders-retention.csv')], { period: 'quarter' }],
    ['orders-eu.csv (semicolons, decimal commas, day first)', [cli('orders-eu.csv')], {}],
    ['orders-eu.csv --from 2023-11-15 --to 2024-04-01', [cli('orders-eu.csv')], { from: '2023-11-15', to: '2024-04-01' }],
    ['public/sample/orders.csv', [SAMPLE], {}],
    ['public/sample/orders.csv --period quarter --window 60', [SAMPLE], { period: 'quarter', window: 60 }],
    ['public/sample/orders.csv --period year', [SAMPLE], { period: 'year' }],
    ['public/sample/orders.csv --from 2023-06-01 --to 2024-05-31', [SAMPLE], { from: '2023-06-01', to: '2024-05-31' }],
    ['orders-bad.csv --skip-invalid', [cli('orders-bad.csv')], { skipInvalid: true }],
    ['shopify-line-items.csv (totals on the first line, refunded status, return lines)', [corpus('shopify-line-items.csv')], {}],
    ['online-retail-lines.csv (quantity x price, credit notes)', [corpus('classes/online-retail-lines.csv')], {}],
    ['superstore-line-totals.csv (line amounts, one order id of two customers)', [corpus('classes/superstore-line-totals.csv')], {}],
    ['paddle-transactions.csv --skip-invalid (a cancelled order without a date)', [corpus('classes/paddle-transactions.csv')], { skipInvalid: true }],
    ['emails-only-orders.csv (e-mail keys)', [corpus('classes/emails-only-orders.csv')], {}],
    ['no-header-orders.csv', [corpus('classes/no-header-orders.csv')], {}],
    ['yymmdd-orders.csv (compact dates)', [corpus('classes/yymmdd-orders.csv')], {}],
    ['visits-no-amounts.csv (no amount column)', [corpus('classes/visits-no-amounts.csv')], {}],
    ['semicolon-decimal-comma-dmy.csv', [corpus('semicolon-decimal-comma-dmy.csv')], {}],
    ['ragged-rows.csv --skip-invalid', [corpus('ragged-rows.csv')], { skipInvalid: true }],
    ['orders-v1.csv then orders-v2.csv (a later file updates by order id)', [corpus('updates/orders-v1.csv'), corpus('updates/orders-v2.csv')], {}],
  ];
  for (const [name, paths, flags] of cases) {
    it(`${name}: every period and cohort cell equals the core engine's`, { timeout: 30_000 }, async () => {
      const { core, duck } = await bothEngines(paths, flags);
      expect(core.exitCode).toBe(0);
      expect(duck.exitCode, duck.messages.join('\n')).toBe(0);
      const c = core.report?.retention as CliRetention;
      const d = duck.report?.retention;
      expect(d).toBeDefined();
      expect(d!.window).toBe(c.window);
      expect(d!.periods.length).toBeGreaterThan(0);
      expectSame(d!.periods, c.periods, 'periods');
      expectSame(d!.cohorts, c.cohorts, 'cohorts');
      expect(duck.report?.customers).toBe(core.report?.customers);
      expect(duck.report?.orders).toBe(core.report?.orders);
      expect(duck.report?.firstDate).toBe(core.report?.firstDate);
      expect(duck.report?.lastDate).toBe(core.report?.lastDate);
      if (core.report?.revenue === null) expect(duck.report?.revenue).toBeNull();
      else expect(duck.report?.revenue).toBeCloseTo(core.report!.revenue, 6);
    });
  }

  it('the suggested window comes from the same Kaplan-Meier products as suggest-window.ts', () => {
    // Spells 2, 3+, 5, 5, 8+ (+ = censored): F reaches 0.7333 at 5; 80 % of it (0.5867) is first reached at 5.
    const w = windowFromSpells([
      { duration: 2, events: 1, spells: 1 },
      { duration: 3, events: 0, spells: 1 },
      { duration: 5, events: 2, spells: 2 },
      { duration: 8, events: 0, spells: 1 },
    ]);
    expect(w).toEqual({ window: 7, basis: 'repurchase', percentileDays: 5 });
    expect(windowFromSpells([{ duration: 10, events: 0, spells: 3 }])).toEqual({ window: 90, basis: 'default', percentileDays: null });
  });

  it('a customers or subscriptions file is refused with exit code 2, naming --engine core', async () => {
    const out = await analyzeWithDuckdb([cli('orders-eu.csv'), cli('customers.csv')], { delimiter: ';' });
    expect(out.exitCode).toBe(2);
    expect(out.messages.join('\n')).toMatch(/customers files are not supported by the duckdb engine yet.*--engine core/);
    const subs = await analyzeWithDuckdb([corpus('classes/stripe-subscriptions.csv')]);
    expect(subs.exitCode).toBe(2);
    expect(subs.messages.join('\n')).toMatch(/subscriptions files are not supported by the duckdb engine yet/);
  });

  it('rows it cannot read fail the run (exit 1) unless --skip-invalid, as in the core engine', async () => {
    const out = await analyzeWithDuckdb([cli('orders-bad.csv')]);
    expect(out.exitCode).toBe(1);
    expect(out.messages.join('\n')).toContain('2 rows have a date or amount the duckdb engine cannot read');
  });

  it('a question only a flag answers exits 2 with the same message as the core engine', async () => {
    const core = await analyzeFiles([cli('orders-ambiguous.csv')]);
    const duck = await analyzeWithDuckdb([cli('orders-ambiguous.csv')]);
    expect(duck.exitCode).toBe(2);
    expect(duck.messages).toEqual(core.messages);
  });

  it('npm run analyze -- FILE --engine duckdb --json prints the report (spawned, from the sources)', { timeout: 60_000 }, async () => {
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'scripts/analyze.ts', cli('orders-retention.csv'), '--engine', 'duckdb', '--json'], { cwd: ROOT, timeout: 60_000 });
    const report = JSON.parse(stdout);
    expect(report.engine).toBe('duckdb');
    expect(report.retention.periods.map((p: { period: string; S: number; E: number }) => [p.period, p.S, p.E])).toEqual([['2011-01', 0, 4], ['2011-02', 4, 5], ['2011-03', 5, 6]]);
  });
});
