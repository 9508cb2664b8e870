/**
 * The fixture corpus in tests/fixtures/csv (its README says what each file proves), through the
 * whole pipeline (inspectFile -> parseFile -> previewRows), asserting the stored values.
 * Encoded variants are written as bytes here from the same text.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inspectFile, parseFile, previewRows } from '../../../src/ingest/index.ts';
import type { Dialect, ParsedFile } from '../../../src/ingest/index.ts';
import type { DataKind, Mapping } from '../../../src/core/schema/kinds.ts';

const DIR = new URL('../../fixtures/csv/', import.meta.url);
const file = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(name, DIR)));

function column(p: ParsedFile, key: string): (string | number | null)[] {
  const pv = previewRows(p, 100);
  const i = pv.columns.indexOf(key);
  return pv.rows.map((r) => r[i]);
}

async function importBytes(bytes: Uint8Array, kind: DataKind, mapping?: Mapping, overrides: Partial<Dialect> = {}): Promise<ParsedFile> {
  const i = await inspectFile(bytes, 'f.csv', { ...overrides, kind });
  expect(i.fatal).toBeUndefined();
  return parseFile(bytes, { dialect: i.dialect, kind, mapping: mapping ?? i.mapping });
}

/** Encodes text in a single-byte Windows code page (the inverse of TextDecoder's table). */
function encodeSingleByte(text: string, encoding: 'windows-1250' | 'windows-1251'): Uint8Array {
  const table = new TextDecoder(encoding).decode(Uint8Array.from({ length: 256 }, (_, b) => b));
  return Uint8Array.from(text, (ch) => {
    const b = table.indexOf(ch);
    if (b < 0) throw new Error(`${ch} not in ${encoding}`);
    return b;
  });
}

function utf16(text: string, le: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + 2 * i + (le ? 0 : 1)] = c & 0xff;
    out[2 + 2 * i + (le ? 1 : 0)] = c >> 8;
  }
  return out;
}

const ORDERS: Mapping = ['customer_id', 'date', 'amount', 'order_id'];

describe('fixture corpus', () => {
  it('semicolon-decimal-comma-dmy.csv: ; delimiter, 1.234,56 and dd.mm.yyyy', async () => {
    const i = await inspectFile(file('semicolon-decimal-comma-dmy.csv'), 'x.csv', { kind: 'orders' });
    expect(i.dialect).toMatchObject({ delimiter: ';', decimal: ',', thousands: '.', dateOrder: 'DMY' });
    const p = await importBytes(file('semicolon-decimal-comma-dmy.csv'), 'orders', ORDERS);
    expect(column(p, 'amount')).toEqual([1234.56, 19, -5.5]);
    expect(column(p, 'date')).toEqual(['2024-01-15', '2024-02-01', '2024-03-10']);
    expect(p.customers).toBe(2);
    expect(p.keys).toEqual(['B1', 'B2', 'B3']);
    expect([p.firstDay, p.lastDay]).toEqual([19737, 19792]);
  });

  it('the same text as UTF-16LE and UTF-16BE with BOMs gives the same values', async () => {
    const text = new TextDecoder().decode(file('semicolon-decimal-comma-dmy.csv'));
    for (const le of [true, false]) {
      const i = await inspectFile(utf16(text, le), 'x.csv', { kind: 'orders' });
      expect(i.dialect.encoding).toBe(le ? 'utf-16le' : 'utf-16be');
      const p = await parseFile(utf16(text, le), { dialect: i.dialect, kind: 'orders', mapping: ORDERS });
      expect(column(p, 'amount')).toEqual([1234.56, 19, -5.5]);
    }
  });

  it('utf8-bom.csv: the BOM is stripped from the first header', async () => {
    const i = await inspectFile(file('utf8-bom.csv'), 'x.csv', { kind: 'orders' });
    expect(i.headers).toEqual(['customer_id', 'date', 'amount']);
    expect(i.evidence.encoding).toBe('utf-8 byte order mark');
  });

  it('windows-1250 and windows-1251 bytes: proposed by byte frequency, exact after decoding', async () => {
    const cases = [
      { enc: 'windows-1250', name: 'Łukasz Żółć', other: 'Jiří Šťastný' },
      { enc: 'windows-1251', name: 'Иван Петров', other: 'Мария Иванова' },
    ] as const;
    for (const c of cases) {
      const bytes = encodeSingleByte(`customer_id,name\nC1,${c.name}\nC2,${c.other}\n`, c.enc);
      const first = await inspectFile(bytes, 'x.csv', { kind: 'customers' });
      expect(first.questions[0]).toMatchObject({ topic: 'encoding', code: 'invalid-utf8', options: [c.enc, ...['windows-1252', 'windows-1250', 'windows-1251'].filter((e) => e !== c.enc)] });
      const p = await importBytes(bytes, 'customers', ['customer_id', 'attr:name'], { encoding: first.dialect.encoding });
      expect(column(p, 'attr:name')).toEqual([c.name, c.other]);
    }
  });

  it('quoted-newlines.csv: newlines and doubled quotes kept; later error on physical line 7, record 3', async () => {
    const p = await importBytes(file('quoted-newlines.csv'), 'churn', ['customer_id', 'date', 'reason']);
    expect(column(p, 'reason')).toEqual(['line one\nline two, with "quotes"', 'a\n\nb']);
    expect(p.errors[0]).toMatchObject({ code: 'invalid-date', line: 7, record: 3, column: 'date', value: '2024-02-30' });
  });

  it('ragged-rows.csv: rows 3 and 4 are errors, 1 and 4 import', async () => {
    const p = await importBytes(file('ragged-rows.csv'), 'orders', ['customer_id', 'date', 'amount']);
    expect(p.errors.map((e) => e.message)).toEqual(['line 3: expected 3 fields, found 2', 'line 4: expected 3 fields, found 4']);
    expect(column(p, 'customer_id')).toEqual(['C1', 'C4']);
    expect([p.recordsRead, p.invalidRecords, p.errorCount]).toEqual([4, 2, 2]);
  });

  it('empty-lines.csv: blank, whitespace-only and ,, lines skipped and named; trailing blanks silent', async () => {
    const p = await importBytes(file('empty-lines.csv'), 'orders', ['customer_id', 'date', 'amount']);
    expect(column(p, 'amount')).toEqual([10, 20, 30]);
    expect(p.warnings.map((w) => w.message)).toEqual(['skipped 3 empty lines (lines 3, 4 and 6)']);
    expect(p.recordsRead).toBe(3);
  });

  it('duplicate-headers.csv: Date and date hold the same value, so the second is kept as "date (2)" with a warning', async () => {
    const i = await inspectFile(file('duplicate-headers.csv'), 'x.csv', { kind: 'orders' });
    expect(i.fatal).toBeUndefined();
    expect(i.headers).toEqual(['customer_id', 'Date', 'amount', 'date (2)']);
    expect(i.warnings.find((w) => w.code === 'duplicate-column-same-values')?.message).toBe("column 'Date' appears twice (columns 2 and 4) with the same values; the second is shown as 'date (2)'");
  });

  it('proto-header.csv: __proto__ and constructor ignored; no prototype pollution', async () => {
    const p = await importBytes(file('proto-header.csv'), 'orders', ['customer_id', null, null, 'date', 'amount']);
    expect(p.warnings.map((w) => w.column)).toEqual(['__proto__', 'constructor']);
    expect(column(p, 'amount')).toEqual([10]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(p.table.columns)).toBeNull();
  });

  it('shopify-line-items.csv: preset recognised, line items rolled up, a refunded order brings nothing', async () => {
    const bytes = file('shopify-line-items.csv');
    const i = await inspectFile(bytes, 'orders_export.csv');
    expect(i.preset?.id).toBe('shopify-orders');
    expect(i.kind).toBe('orders');
    const p = await parseFile(bytes, { dialect: i.dialect, kind: 'orders', mapping: i.mapping });
    expect(p.fatal).toBeUndefined();
    expect(p.errors).toEqual([]);
    expect(p.lineItemsRolledUp).toBe(2);
    expect(column(p, 'order_id')).toEqual(['#1001', '#1002', '#1003']);
    // #1001: Total given on the first line; #1002 refunded (paid, then given back: 0, not -12.50);
    // #1003: no Total, so 3 x 6.00 - 1 x 6.00.
    expect(column(p, 'amount')).toEqual([31, 0, 12]);
    expect(p.orders).toMatchObject({ amountLevel: 'order', firstLineOnly: 1, voided: 1, fromPrice: 1 });
    // The preview shows how many rows of the file each order came from, next to its rolled-up amount.
    const pv = previewRows(p);
    expect(pv.columns.at(-1)).toBe('lines');
    expect(pv.rows.map((r) => [r[pv.columns.indexOf('amount')], r.at(-1)])).toEqual([[31, 2], [0, 1], [12, 2]]);
    expect(column(p, 'status')).toEqual(['paid', 'refunded', 'paid']);
    expect(column(p, 'date')).toEqual(['2024-03-01T10:15:00', '2024-03-02T09:00:00', '2024-03-03T18:30:00']);
    expect(p.customers).toBe(3);
    expect(p.keys).toEqual(['#1001', '#1002', '#1003']);
  });

  it('rows without an id get content-hash keys that count repeats', async () => {
    const bytes = new TextEncoder().encode('customer_id,date,amount\nC1,2024-01-01,10\nC1,2024-01-01,10\nC2,2024-01-01,10\n');
    const p = await importBytes(bytes, 'orders', ['customer_id', 'date', 'amount']);
    expect(p.keys[0].charCodeAt(0)).toBe(1);
    expect(p.keys[0].slice(1)).toMatch(/^[0-9a-f]{16}:1$/);
    expect(p.keys[1]).toBe(p.keys[0].replace(/:1$/, ':2'));
    expect(p.keys[2]).not.toBe(p.keys[0]);
    // Same rows, columns in another order: same keys.
    const swapped = await importBytes(new TextEncoder().encode('amount,customer_id,date\n10,C1,2024-01-01\n'), 'orders', ['amount', 'customer_id', 'date']);
    expect(swapped.keys[0]).toBe(p.keys[0]);
  });
});
