/**
 * Issue #9 regressions: one implausible date cannot stretch an analysis over centuries, amounts
 * that cannot be stored as written are errors, placeholder end dates mean "no end", and every
 * report is bounded.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeFiles } from '../../../scripts/analyze-lib.ts';
import { KeepwiseError, MAX_PERIODS } from '../../../src/core/errors.ts';
import { isoToDay } from '../../../src/core/parse/date.ts';
import { retentionReport } from '../../../src/core/retention/report.ts';
import { inspectFile, parseFile, plausibilityOf } from '../../../src/ingest/index.ts';
import { ordersTable } from '../core/retention/fixtures.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const TODAY = isoToDay('2026-12-01');
async function read(text: string, extra: { keepImplausibleDates?: boolean } = {}) {
  const bytes = enc(text);
  const i = await inspectFile(bytes, 'x.csv');
  const p = await parseFile(bytes, { dialect: i.dialect, kind: i.kind, mapping: i.mapping, today: TODAY, ...extra });
  return { i, p, report: plausibilityOf(i, i.mapping, p) };
}

describe('plausible dates at import', () => {
  const FOUR = 'order_id,customer_id,order_date,amount\n1,C1,2024-01-05,10\n2,C2,2024-02-07,20\n3,C1,1900-01-01,5\n4,C3,2024-03-01,7\n';
  it('a 4-row file with one order dated 1900-01-01: the row is left out by default and named', async () => {
    const { p, report } = await read(FOUR);
    expect(p.table.length).toBe(3);
    expect(p.dateOutliers).toMatchObject({ count: 1, column: 'order_date', kept: false, examples: [{ line: 4, value: '1900-01-01' }] });
    expect(p.firstDay).toBe(isoToDay('2024-01-05'));
    const note = report.notes.find((n) => n.code === 'implausible-dates');
    expect(note?.message).toBe('1 order is dated far outside the other dates (1900-01-01 on line 4; plausible: 2022-01-01 to 2026-12-31): left out; keep them only if the dates are right');
  });
  it('... and kept when the user says so', async () => {
    const { p, report } = await read(FOUR, { keepImplausibleDates: true });
    expect(p.table.length).toBe(4);
    expect(report.notes.map((n) => n.code)).toContain('implausible-dates-kept');
  });
  it('the sample plus one typo row dated 2205-12-31: only the typo is left out', async () => {
    const sample = readFileSync(fileURLToPath(new URL('../../../public/sample/orders.csv', import.meta.url)), 'utf8');
    const { p } = await read(`${sample.trimEnd()}\nX1,C00001,2205-12-31,10.00,1,Online,completed\n`);
    expect(p.dateOutliers).toMatchObject({ count: 1, examples: [{ value: '2205-12-31' }] });
    expect(p.lastDay).toBe(isoToDay('2025-12-31'));
  });
  it('a far-future placeholder end date (9999-12-31) means "no end", with a note', async () => {
    const { p } = await read('subscription_id,customer_id,start_date,end_date,mrr\nS1,C1,2024-01-01,9999-12-31,10\nS2,C2,2024-02-01,2024-06-01,10\n');
    expect(p.kind).toBe('subscriptions');
    const end = p.table.columns.end_date;
    expect(end.type === 'day' && end.data[0]).toBe(-2147483648);
    expect(p.warnings.find((w) => w.code === 'sentinel-dates')?.params).toEqual({ count: 1 });
  });
});

describe('amounts that cannot be stored as written', () => {
  it('99999999999999999999 and 2e12-sized amounts are errors naming the line and the column', async () => {
    const { p } = await read('customer_id,date,amount\nC1,2024-01-01,99999999999999999999\nC2,2024-01-02,2000000000000\nC3,2024-01-03,12.50\n');
    expect(p.errors.map((e) => [e.code, e.line, e.column])).toEqual([['implausible-number', 2, 'amount'], ['implausible-number', 3, 'amount']]);
    expect(p.errors[0].message).toBe("line 2, column amount: '99999999999999999999' has more digits than a number can hold exactly (15); it would be rounded");
    expect(p.errors[1].message).toBe("line 3, column amount: '2000000000000' is beyond any plausible amount (1,000,000,000,000 or more)");
    expect(p.errors.map((e) => e.params)).toEqual([{ reason: 'too-many-digits', digits: 15 }, { reason: 'amount-too-large', limit: 1e12 }]);
    expect(p.table.length).toBe(1);
  });
});

describe('every analysis is bounded', () => {
  it('a report over more than 360 periods is refused at once with a message naming the span', () => {
    const orders = ordersTable([['A', '1900-01-01', 1], ['B', '2025-12-31', 1]]);
    let error: unknown;
    const t = performance.now();
    try {
      retentionReport({ orders }, { period: 'month', windowDays: 90 });
    } catch (e) {
      error = e;
    }
    expect(performance.now() - t).toBeLessThan(1000);
    expect(error).toBeInstanceOf(KeepwiseError);
    expect((error as KeepwiseError).code).toBe('too-many-periods');
    expect((error as KeepwiseError).params).toMatchObject({ periods: 1512, max: MAX_PERIODS, first: '1900-01', last: '2025-12', unit: 'month' });
    // Years fit: 126 periods.
    expect(retentionReport({ orders }, { period: 'year', windowDays: 90 }).periods.length).toBe(126);
    // A date range brings months back within the cap.
    expect(retentionReport({ orders }, { period: 'month', windowDays: 90, from: '2025-01-01' }).periods.length).toBe(12);
  });
  it('the command line reports the limit with the flags that lift it (1990 .. 2025 is 432 months)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kw-'));
    const path = join(dir, 'long.csv');
    writeFileSync(path, 'customer_id,date,amount\nA,1990-01-05,10\nB,2025-12-20,20\nA,2008-06-01,5\n');
    const out = await analyzeFiles([path], { window: 30 });
    expect(out.exitCode).toBe(2);
    expect(out.messages.at(-1)).toMatch(/^retention: the data span 432 months \(1990-01 to 2025-12\), more than the 360 .* \(pass --period quarter or year, or --from \/ --to\)$/);
    expect((await analyzeFiles([path], { window: 30, period: 'quarter' })).report?.retention?.periods.length).toBe(144);
    expect((await analyzeFiles([path], { window: 30, from: '2008-01-01' })).report?.retention?.periods.length).toBe(216);
  });
});

describe('privacy by default', () => {
  it('an unknown free-text column of a customers file (internal_notes) is not stored unless mapped, with a note', async () => {
    const { i, p } = await read(
      'customer_id,signup_date,plan,internal_notes,segment\nC1,2024-01-02,pro,"Called twice about the invoice, wants a discount",A\nC2,2024-01-03,basic,"Prefers e-mail; unhappy with the delivery times",B\nC3,2024-02-04,pro,"VIP since the trade fair, knows the CEO",A\n',
    );
    expect(i.kind).toBe('customers');
    expect(i.mapping).toEqual(['customer_id', 'signup_date', 'plan', null, 'attr:segment']);
    expect(i.warnings.find((w) => w.code === 'free-text-ignored')?.params).toEqual({ columns: 'internal_notes' });
    expect(Object.keys(p.table.columns)).not.toContain('attr:internal_notes');
  });
});
