/**
 * The command line's reader without a row cap (scripts/parse-in-parts.ts, issue #13): a file
 * read in parts gives the report the whole-file read gives. The parts are made tiny here (two
 * or three lines), so every fixture is cut many times: between records, around quoted fields
 * that span lines, inside runs of an order's line items, and into parts of blank lines.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeFiles, type AnalyzeFlags } from '../../../scripts/analyze-lib.ts';
import { fileParts } from '../../../scripts/file-parts.ts';
import { parseInParts } from '../../../scripts/parse-in-parts.ts';
import { inspectFile } from '../../../src/ingest/index.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const cli = (name: string) => join(ROOT, 'tests', 'unit', 'cli', 'fixtures', name);
const corpus = (name: string) => join(ROOT, 'tests', 'fixtures', 'csv', name);
const tmp = mkdtempSync(join(tmpdir(), 'kw-parts-'));

async function both(paths: string[], flags: AnalyzeFlags, lines: number) {
  const whole = await analyzeFiles(paths, flags);
  const parts = await analyzeFiles(paths, flags, { parts: { lines, bytes: 1 << 30 } });
  return { whole, parts };
}

describe('analyzeFiles in parts', () => {
  const cases: [string, string[], AnalyzeFlags, number[]?][] = [
    ['orders-retention.csv (retention periods and cohorts)', [cli('orders-retention.csv')], { json: true }],
    ['orders-eu.csv (semicolons, decimal commas, DMY)', [cli('orders-eu.csv')], { json: true }],
    ['orders-eu.csv with customers.csv', [cli('orders-eu.csv'), cli('customers.csv')], { json: true, delimiter: ';' }],
    ['orders-bad.csv (row errors name the file\'s own lines)', [cli('orders-bad.csv')], { json: true }],
    ['orders-bad.csv --skip-invalid', [cli('orders-bad.csv')], { json: true, skipInvalid: true }],
    ['public/sample/orders.csv (33k rows)', [join(ROOT, 'public', 'sample', 'orders.csv')], { json: true }, [4999, 12000]],
    ['shopify-line-items.csv (line items of one order stay together)', [corpus('shopify-line-items.csv')], { json: true }],
    ['quoted-newlines.csv (records that span lines)', [corpus('quoted-newlines.csv')], { json: true, skipInvalid: true }],
    ['empty-lines.csv (blank lines between parts)', [corpus('empty-lines.csv')], { json: true }],
    ['utf8-bom.csv', [corpus('utf8-bom.csv')], { json: true }],
    ['online-retail-lines.csv (invoice lines, credit notes)', [corpus('classes/online-retail-lines.csv')], { json: true }],
    ['no-header-orders.csv', [corpus('classes/no-header-orders.csv')], { json: true }],
  ];
  for (const [name, paths, flags, sizes] of cases) {
    for (const lines of sizes ?? [2, 3, 7]) {
      it(`${name}: parts of ${lines} lines give the whole file's report`, { timeout: 30_000 }, async () => {
        const { whole, parts } = await both(paths, flags, lines);
        expect(parts.exitCode).toBe(whole.exitCode);
        expect(parts.messages).toEqual(whole.messages);
        expect(parts.report).toEqual(whole.report);
      });
    }
  }

  // Every file of the CSV corpus (tests/fixtures/csv/README.md says what each one proves).
  const files = ['', 'classes', 'churn-tables', 'updates'].flatMap((dir) =>
    readdirSync(corpus(dir)).filter((f) => f.endsWith('.csv')).map((f) => join(dir, f)));
  // The one documented difference (combine-parts.ts): a date column that mixes styles is noted
  // only when one part sees two styles; these three-line parts each see one.
  const warningsDiffer = new Set(['classes/mixed-date-styles.csv']);
  const withoutWarnings = (r: unknown) => JSON.parse(JSON.stringify(r), (k, v) => (k === 'warnings' ? undefined : v));
  for (const file of files) {
    it(`corpus ${file}: parts of 3 and 40 lines give the whole file's report (--skip-invalid)`, { timeout: 30_000 }, async () => {
      for (const lines of [3, 40]) {
        const { whole, parts } = await both([corpus(file)], { json: true, skipInvalid: true }, lines);
        expect(parts.exitCode).toBe(whole.exitCode);
        expect(parts.messages).toEqual(whole.messages);
        if (warningsDiffer.has(file)) expect(withoutWarnings(parts.report)).toEqual(withoutWarnings(whole.report));
        else expect(parts.report).toEqual(whole.report);
      }
    });
  }

  it('a file without a header row whose part starts with a short record: the file\'s columns, not that record\'s', async () => {
    const path = join(tmp, 'no-header-ragged.csv');
    writeFileSync(path, ['ORD1,C1,2024-01-05,10', 'ORD2,C2,2024-01-06,20', 'ORD3,C3,2024-01-07', 'ORD4,C4,2024-01-08,40', 'ORD5,C5,2024-01-09,50', ''].join('\n'));
    const { whole, parts } = await both([path], { json: true, skipInvalid: true }, 2);
    // The third line (the second part's first record) is the invalid row, in both reads.
    expect(whole.messages.join('\n')).toMatch(/line 3/);
    expect(parts.exitCode).toBe(whole.exitCode);
    expect(parts.messages).toEqual(whole.messages);
    expect(parts.report).toEqual(whole.report);
  });

  it('a UTF-16LE file (two-byte line feeds) reads the same in parts', async () => {
    const text = readFileSync(cli('orders-retention.csv'), 'utf8');
    const path = join(tmp, 'utf16.csv');
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const { whole, parts } = await both([path], { json: true }, 2);
    expect(whole.exitCode).toBe(0);
    expect(parts.report).toEqual(whole.report);
  });

  it('an order whose lines are far apart (in two parts) is rolled up as in one file', async () => {
    const path = join(tmp, 'apart.csv');
    writeFileSync(path, 'order_id,customer_id,order_date,amount\nO1,c1,2024-01-05,10\nO2,c2,2024-01-06,7\nO3,c3,2024-02-01,4\nO4,c1,2024-03-01,8\nO1,c1,2024-01-05,5\nO5,c2,2024-03-02,3\n');
    const { whole, parts } = await both([path], { json: true }, 2);
    expect(whole.report?.orders).toBe(5);
    expect(parts.report?.orders).toBe(5);
    expect(parts.report?.revenue).toBe(whole.report?.revenue);
    expect(parts.report?.retention?.periods).toEqual(whole.report?.retention?.periods);
    expect(parts.report?.files[0].warnings).toContain('1 order has lines far apart in the file (read in parts); rolled up into the order\'s first row');
  });

  it('an order repeated in a later part is still rolled up when the order ids are not kept (keepOrderIds: false)', async () => {
    const path = join(tmp, 'apart-no-ids.csv');
    // Parts of two lines: O1 O2 | O3 O4 | O1 O5 (the third part is out of order: the index's table is built) | O6 O4.
    writeFileSync(path, 'order_id,customer_id,order_date,amount\nO1,c1,2024-01-05,10\nO2,c2,2024-01-06,7\nO3,c3,2024-02-01,4\nO4,c1,2024-03-01,8\nO1,c1,2024-01-05,5\nO5,c2,2024-03-02,3\nO6,c3,2024-03-03,2\nO4,c1,2024-03-01,1\n');
    const bytes = new Uint8Array(readFileSync(path));
    const inspection = await inspectFile(bytes, 'apart-no-ids.csv');
    const options = { dialect: inspection.dialect, kind: inspection.kind, mapping: inspection.mapping, maxRows: Infinity };
    const limits = { lines: 2, bytes: 1 << 30 };
    const kept = await parseInParts(path, inspection, options, limits);
    const dropped = await parseInParts(path, inspection, options, limits, { keepOrderIds: false });
    expect(kept.table.columns.order_id).toBeDefined();
    expect(kept.keys).toEqual(['O1', 'O2', 'O3', 'O4', 'O5', 'O6']);
    expect(dropped.table.columns.order_id).toBeUndefined();
    expect(dropped.keys).toEqual([]);
    const { order_id: _ids, ...columns } = kept.table.columns;
    expect(dropped.table).toEqual({ length: 6, columns });
    expect(dropped.table.columns.amount).toEqual({ type: 'num', data: new Float64Array([15, 7, 4, 9, 3, 2]) });
    expect(dropped.warnings).toEqual(kept.warnings);
    expect(dropped.warnings.find((w) => w.code === 'order-across-parts')?.params).toEqual({ orders: 2 });
    expect(dropped.orders).toEqual(kept.orders);
    expect(dropped.linesPerOrder).toEqual(kept.linesPerOrder);
  });

  it('two orders files read in parts keep their order ids: the later file updates the earlier one as in whole reads', async () => {
    const a = join(tmp, 'orders-a.csv');
    const b = join(tmp, 'orders-b.csv');
    writeFileSync(a, 'order_id,customer_id,order_date,amount\nO1,c1,2024-01-05,10\nO2,c2,2024-01-06,7\nO3,c3,2024-02-01,4\nO4,c1,2024-03-01,8\n');
    writeFileSync(b, 'order_id,customer_id,order_date,amount\nO2,c2,2024-01-06,9\nO5,c2,2024-03-02,3\nO3,c3,2024-02-01,4\n');
    const { whole, parts } = await both([a, b], { json: true }, 2);
    expect(whole.messages.join('\n')).toContain('1 new, 1 updated, 1 unchanged');
    expect(parts.messages).toEqual(whole.messages);
    expect(parts.report).toEqual(whole.report);
  });

  it('a customer id repeated in another part is a duplicate-key row error, as in one file', async () => {
    const path = join(tmp, 'dup-customers.csv');
    writeFileSync(path, 'customer_id,signup_date\nc1,2024-01-01\nc2,2024-01-02\nc3,2024-01-03\nc1,2024-01-04\n');
    const { whole, parts } = await both([path], { json: true, kind: 'customers' }, 2);
    expect(whole.exitCode).toBe(1);
    expect(parts.exitCode).toBe(1);
    expect(parts.messages.join('\n')).toContain("'c1' appears again");
  });
});

describe('fileParts', () => {
  const path = join(tmp, 'cuts.csv');
  const text = 'id,cust,note\n1,a,"x\ny"\n1,a,"q""r"\n2,b,plain\n2,b,"m\n\nn"\n3,c,z\n4,d,"5"" ok"\n5,e,w';
  writeFileSync(path, text);
  const cut = (keyColumn?: number) => {
    const out: { text: string; firstLine: number; last: boolean }[] = [];
    // Each part's bytes are a view the next part overwrites: read them before asking for more.
    for (const p of fileParts(path, { encoding: 'utf-8', delimiter: ',', ...(keyColumn !== undefined ? { keyColumn } : {}), limits: { lines: 1, bytes: 1 << 30 } })) {
      out.push({ text: Buffer.from(p.bytes).toString(), firstLine: p.firstLine, last: p.last });
    }
    return out;
  };

  it('cuts only after whole records (never inside a quoted line break) and numbers the lines', () => {
    const parts = cut();
    expect(parts.map((p) => p.text).join('')).toBe(text);
    expect(parts.map((p) => p.firstLine)).toEqual([1, 2, 4, 5, 6, 9, 10, 11]);
    expect(parts.at(-1)?.last).toBe(true);
  });

  it('keeps adjacent lines with the same key (an order\'s line items) in one part', () => {
    expect(cut(0).map((p) => p.text)).toEqual(['id,cust,note\n', '1,a,"x\ny"\n1,a,"q""r"\n', '2,b,plain\n2,b,"m\n\nn"\n', '3,c,z\n', '4,d,"5"" ok"\n', '5,e,w']);
  });
});
