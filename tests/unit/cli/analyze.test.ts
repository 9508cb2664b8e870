import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { UsageError, analyzeFiles, formatReport, isoDay, parseCommandLine } from '../../../scripts/analyze-lib.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

// orders-eu.csv (semicolon, decimal comma, thousands dot, dd.mm.yyyy), by hand:
//   1001 00123 05.01.2024  1.234,50
//   1002 K-7   17.01.2024     99,90
//   1003 00123 03.02.2024    -10,00
//   1004 K-8   28.02.2024      0,60
// revenue = 1234.50 + 99.90 - 10.00 + 0.60 = 1325; customers 00123, K-7, K-8.
describe('analyzeFiles', () => {
  it('needs no --delimiter when decimal commas split the rows but not the header', async () => {
    // 'Order ID;Customer ID;Order Date;Amount' has no comma, so ';' is the delimiter, not ','.
    const out = await analyzeFiles([fixture('orders-eu.csv')]);
    expect(out.exitCode).toBe(0);
    expect(out.report?.files[0]).toMatchObject({ delimiter: ';', decimal: ',', dateOrder: 'DMY', rows: 4 });
  });

  it('reads a European orders file: semicolon, decimal comma, dd.mm.yyyy', async () => {
    const out = await analyzeFiles([fixture('orders-eu.csv')], { delimiter: ';' });
    expect(out.messages).toEqual([]);
    expect(out.exitCode).toBe(0);
    expect(out.report).toEqual({
      files: [
        {
          file: fixture('orders-eu.csv'),
          kind: 'orders',
          rows: 4,
          skipped: 0,
          encoding: 'utf-8',
          delimiter: ';',
          decimal: ',',
          dateOrder: 'DMY',
          mapping: { 'Order ID': 'order_id', 'Customer ID': 'customer_id', 'Order Date': 'date', Amount: 'amount' },
          reasons: { 'Order ID': 'header', 'Customer ID': 'header', 'Order Date': 'header', Amount: 'header' },
          headerLine: 1,
          evidence: expect.objectContaining({ delimiter: 'chosen by you', dateOrder: "Order Date: Day first: '05.01.2024' can only be read day first." }),
          plausibility: {
            kind: 'orders', records: 4, rows: 4, skipped: 0, customers: 3, revenue: 1325, mrr: null, linesPerOrder: 1,
            skippedByReason: [], notes: [], firstDate: '2024-01-05', lastDate: '2024-02-28',
          },
          warnings: [],
        },
      ],
      customers: 3,
      orders: 4,
      revenue: 1325,
      firstDate: '2024-01-05',
      lastDate: '2024-02-28',
      // The retention figures are checked in retention.test.ts.
      retention: expect.objectContaining({ period: 'month', source: 'orders' }),
      // Orders carry churn (lost under W on the last day): the audit is checked in churn.test.ts.
      churnAudit: expect.objectContaining({ source: 'orders', customers: 3, asOf: '2024-02-28' }),
      // Orders give CLV; three customers are not enough for a model (checked in clv.test.ts).
      clv: expect.objectContaining({ calibrationEnd: '2024-02-28', unit: 'week', enoughData: false, bgnbd: null }),
      // Orders with amounts give returning vs new customers (checked in satisfaction.test.ts).
      returning: expect.objectContaining({ period: 'month', from: '2024-01-01', to: '2024-02-29' }),
    });
  });

  it('counts distinct customers across files (00123 is in both)', async () => {
    // Flags apply to every file: both files are semicolon-separated.
    const out = await analyzeFiles([fixture('orders-eu.csv'), fixture('customers.csv')], { delimiter: ';' });
    expect(out.exitCode).toBe(0);
    expect(out.report?.files.map((f) => [f.kind, f.rows])).toEqual([['orders', 4], ['customers', 2]]);
    // 00123, K-7, K-8 from orders + K-9 from customers.
    expect(out.report?.customers).toBe(4);
    expect(out.report?.orders).toBe(4);
    // Signup dates reach back to 2023-11-02.
    expect(out.report?.firstDate).toBe('2023-11-02');
  });

  it('a file with bad rows exits 1 and names the line and the column', async () => {
    const out = await analyzeFiles([fixture('orders-bad.csv')]);
    expect(out.exitCode).toBe(1);
    expect(out.report).toBeUndefined();
    // Line 3 (header = line 1) has 2024-02-30; line 4 has amount 'abc'.
    expect(out.messages.some((m) => /line 3\b/.test(m) && m.includes('order_date') && m.includes('2024-02-30'))).toBe(true);
    expect(out.messages.some((m) => /line 4\b/.test(m) && m.includes('amount') && m.includes('abc'))).toBe(true);
    expect(out.messages.at(-1)).toMatch(/2 rows have errors; fix them or pass --skip-invalid/);
  });

  it('--skip-invalid leaves the bad rows out, counts and lists them', async () => {
    const out = await analyzeFiles([fixture('orders-bad.csv')], { skipInvalid: true });
    expect(out.exitCode).toBe(0);
    expect(out.report?.files[0]).toMatchObject({ rows: 2, skipped: 2 });
    expect(out.report).toMatchObject({ orders: 2, revenue: 15.25, customers: 1, firstDate: '2024-02-01', lastDate: '2024-03-05' });
    expect(out.messages.filter((m) => /line [34]\b/.test(m))).toHaveLength(2);
    expect(out.messages.at(-1)).toContain('skipped 2 invalid rows');
  });

  it('refuses an ambiguous date order with exit 2 until --date-order answers it', async () => {
    const refused = await analyzeFiles([fixture('orders-ambiguous.csv')]);
    expect(refused.exitCode).toBe(2);
    expect(refused.messages.join('\n')).toContain('pass --date-order DMY or MDY');
    const dmy = await analyzeFiles([fixture('orders-ambiguous.csv')], { dateOrder: 'DMY' });
    expect(dmy.report).toMatchObject({ firstDate: '2024-02-01', lastDate: '2024-06-05', revenue: 60 });
    expect(dmy.report?.files[0].dateOrder).toBe('DMY');
    const mdy = await analyzeFiles([fixture('orders-ambiguous.csv')], { dateOrder: 'MDY' });
    expect(mdy.report).toMatchObject({ firstDate: '2024-01-02', lastDate: '2024-05-06' });
  });

  it('asks for the encoding of a windows-1250 file, and reads it with --encoding', async () => {
    const refused = await analyzeFiles([fixture('customers-1250.csv')]);
    expect(refused.exitCode).toBe(2);
    expect(refused.messages.join('\n')).toMatch(/pass --encoding windows-1250/);
    const ok = await analyzeFiles([fixture('customers-1250.csv')], { encoding: 'windows-1250', kind: 'customers' });
    expect(ok.exitCode).toBe(0);
    expect(ok.report?.files[0]).toMatchObject({ kind: 'customers', rows: 2, encoding: 'windows-1250', delimiter: ';' });
    expect(Object.keys(ok.report!.files[0].mapping)).toEqual(['Šifra kupca', 'Datum registracije', 'Regija']);
    expect(ok.report?.customers).toBe(2);
  });

  it('a missing file exits 1 with the reason', async () => {
    const out = await analyzeFiles([fixture('nope.csv')]);
    expect(out.exitCode).toBe(1);
    expect(out.messages[0]).toMatch(/nope\.csv: cannot read the file \(ENOENT\)/);
  });
});

describe('parseCommandLine', () => {
  it('reads files and flags', () => {
    expect(parseCommandLine(['a.csv', '--kind', 'orders', '--json', '--skip-invalid', '--delimiter', 'tab', '--encoding', 'WINDOWS-1250', '--date-order', 'dmy', '--decimal', ',', 'b.csv'])).toEqual({
      paths: ['a.csv', 'b.csv'],
      help: false,
      flags: { kind: 'orders', json: true, skipInvalid: true, delimiter: '\t', encoding: 'windows-1250', dateOrder: 'DMY', decimal: ',' },
    });
  });
  it('refuses bad values, unknown options and no files', () => {
    expect(() => parseCommandLine(['a.csv', '--date-order', 'DDM'])).toThrow('--date-order must be one of YMD, DMY, MDY');
    expect(() => parseCommandLine(['a.csv', '--kind', 'invoices'])).toThrow(UsageError);
    expect(() => parseCommandLine(['a.csv', '--bogus'])).toThrow(UsageError);
    expect(() => parseCommandLine(['--json'])).toThrow('no files given');
  });
});

describe('formatReport', () => {
  it('prints a table, the mapping and the totals', () => {
    const text = formatReport({
      files: [{ file: 'x.csv', kind: 'orders', rows: 2, skipped: 0, encoding: 'utf-8', delimiter: '\t', decimal: '.', dateOrder: 'YMD', mapping: { Id: 'customer_id', Note: null } }],
      customers: 1,
      orders: 2,
      revenue: 3.5,
      firstDate: '2024-01-01',
      lastDate: null,
    });
    expect(text).toContain('x.csv  orders  2     0        utf-8     tab        .        YMD');
    expect(text).toContain('  Note -> (ignored)');
    expect(text).toContain('revenue:   3.5');
    expect(text).toContain('dates:     2024-01-01 .. -');
  });
  it('isoDay turns days since 1970 into YYYY-MM-DD', () => {
    expect(isoDay(0)).toBe('1970-01-01');
    expect(isoDay(19782)).toBe('2024-02-29');
  });
});

describe('npm run analyze (spawned)', () => {
  it('prints the JSON report on stdout and exits 0', async () => {
    const run = promisify(execFile);
    const { stdout } = await run('npx', ['tsx', 'scripts/analyze.ts', fixture('orders-eu.csv'), '--json', '--delimiter', ';'], { cwd: ROOT, timeout: 60_000 });
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ customers: 3, orders: 4, revenue: 1325, firstDate: '2024-01-05', lastDate: '2024-02-28' });
    expect(report.files[0]).toMatchObject({ kind: 'orders', delimiter: ';', decimal: ',', dateOrder: 'DMY' });
  }, 60_000);

  it('exits 1 on a bad file, with the line on stderr', async () => {
    const run = promisify(execFile);
    const err = await run('npx', ['tsx', 'scripts/analyze.ts', fixture('orders-bad.csv'), '--json'], { cwd: ROOT, timeout: 60_000 }).then(
      () => undefined,
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(err?.code).toBe(1);
    expect(err?.stdout).toBe('');
    expect(err?.stderr).toMatch(/line 3\b/);
  }, 60_000);
});
