/**
 * The pipeline's steps one by one (decode, normalise, sniff, read-records caps, cancellation,
 * progress), with the large inputs of RELIABILITY.md section 4 (items 56, 57, 60) generated here.
 */
import { describe, expect, it } from 'vitest';
import {
  columnNames, decode, decodePrefix, detectEncoding, inspectFile, normaliseText, parseFile, readRecords, sniffBinary, sniffDelimiter, sniffHeaderRow,
} from '../../../src/ingest/index.ts';
import type { Dialect } from '../../../src/ingest/index.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const DIALECT: Dialect = { encoding: 'utf-8', delimiter: ',', headerRow: 0, decimal: '.', thousands: '', dateOrder: 'YMD' };

describe('decode', () => {
  it('sniffBinary: workbooks, archives, images, PDF, UTF-32, NUL-riddled and random bytes are refused; one NUL is left to the row check', () => {
    const zip = (name: string): Uint8Array => Uint8Array.from([0x50, 0x4b, 3, 4, 20, 0, ...new Array(24).fill(0), ...enc(name)]);
    expect(sniffBinary(zip('[Content_Types].xml'))?.code).toBe('excel-workbook');
    // A ZIP renamed .csv that is not a workbook is an archive, not "an Excel workbook".
    expect(sniffBinary(zip('orders.csv'))?.message).toBe('not a text file (it is a ZIP archive: unpack it and import the CSV inside)');
    expect(sniffBinary(Uint8Array.of(0xff, 0xfe, 0, 0, 0x61, 0, 0, 0))?.code).toBe('unsupported-encoding');
    // Random bytes: control bytes everywhere (a deterministic stand-in for /dev/urandom).
    const random = Uint8Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24);
    expect(sniffBinary(random)?.code).toBe('binary-file');
    expect(sniffBinary(Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))?.message).toMatch(/^this is an Excel workbook \(\.xls\)/);
    expect(sniffBinary(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 13, 10))?.message).toMatch(/^not a text file/);
    expect(sniffBinary(enc('%PDF-1.7'))?.code).toBe('binary-file');
    expect(sniffBinary(enc('a\0b\0c\0d\0e\0'))?.code).toBe('binary-file');
    expect(sniffBinary(enc('a,b\n\0,2\n'))).toBeUndefined();
    expect(sniffBinary(Uint8Array.of(0xff, 0xfe, 0x61, 0, 0x2c, 0))).toBeUndefined();
  });

  it('detectEncoding: BOMs decide; invalid UTF-8 reports the line (LF or CR-only files)', () => {
    expect(detectEncoding(Uint8Array.of(0xef, 0xbb, 0xbf, 0x61))).toEqual({ encoding: 'utf-8', bom: 3, valid: true });
    expect(detectEncoding(Uint8Array.of(0xff, 0xfe, 0x61, 0))).toEqual({ encoding: 'utf-16le', bom: 2, valid: true });
    expect(detectEncoding(Uint8Array.of(0xfe, 0xff, 0, 0x61))).toEqual({ encoding: 'utf-16be', bom: 2, valid: true });
    expect(detectEncoding(enc('a,b\n1,é\n'))).toEqual({ encoding: 'utf-8', bom: 0, valid: true });
    expect(detectEncoding(Uint8Array.of(0x61, 0x0a, 0x62, 0x0a, 0xe9, 0x0a))).toMatchObject({ valid: false, invalidLine: 3, encoding: 'windows-1252' });
    expect(detectEncoding(Uint8Array.of(0x61, 0x0d, 0xe9))).toMatchObject({ valid: false, invalidLine: 2 });
    // Overlong encoding and a surrogate are invalid too.
    expect(detectEncoding(Uint8Array.of(0xc0, 0xaf)).valid).toBe(false);
    expect(detectEncoding(Uint8Array.of(0xed, 0xa0, 0x80)).valid).toBe(false);
  });

  it('detectEncoding finds the first bad byte at every position and buffer alignment (the word-wise ASCII skip)', () => {
    // Every byte is its own line ('\n'), so invalidLine names the byte: a valid 'č' (2 bytes) and
    // '€' (3 bytes) before it, the bad byte at each offset of a 4-byte word, in views at offsets 0-3.
    const buffer = new ArrayBuffer(96);
    for (let offset = 0; offset < 4; offset++) {
      for (let bad = 8; bad < 40; bad++) {
        const view = new Uint8Array(buffer, offset, 64).fill(0x0a);
        view.set([0xc4, 0x8d], 2);
        view.set([0xe2, 0x82, 0xac], 5);
        view[bad] = 0xff;
        const lines = 1 + view.subarray(0, bad).filter((b) => b === 0x0a).length;
        expect(detectEncoding(view)).toMatchObject({ valid: false, invalidLine: lines });
        view[bad] = 0x0a;
        expect(detectEncoding(view).valid).toBe(true);
        // A lone continuation byte and a cut-off sequence at the end are invalid too.
        view[bad] = 0x8d;
        expect(detectEncoding(view)).toMatchObject({ valid: false, invalidLine: lines });
        view[bad] = 0x0a;
      }
      // Views shorter than the bytes before the first word boundary.
      for (let length = 0; length < 4; length++) {
        const short = new Uint8Array(buffer, offset, length).fill(0x61);
        expect(detectEncoding(short).valid).toBe(true);
        if (length > 0) short[length - 1] = 0xff;
        expect(detectEncoding(short).valid).toBe(length === 0);
      }
      const tail = new Uint8Array(buffer, offset, 11).fill(0x61);
      tail[10] = 0xc4;
      expect(detectEncoding(tail).valid).toBe(false);
    }
  });

  it('decode: windows-1252 0x80-0x9F are the curly quotes, dashes and euro (not C1 controls)', () => {
    expect(decode(Uint8Array.of(0x80, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0xe9), 'windows-1252')).toBe('€‘’“”–—é');
    expect(decode(Uint8Array.of(0xef, 0xbb, 0xbf, 0x61), 'utf-8')).toBe('a');
    expect(() => decode(Uint8Array.of(0xff), 'utf-8')).toThrow(TypeError);
  });
});

describe('inspection reads a prefix', () => {
  it('decodePrefix cuts after the last full line and never splits a character into U+FFFD', () => {
    const bytes = enc('a,b\nx,é\ny,é\n');
    const { text, truncated } = decodePrefix(bytes, 'utf-8', 12); // byte 12 is inside the second é
    expect([text, truncated]).toEqual(['a,b\nx,é\n', true]);
  });
  it('a quoted field straddling the 4 MB prefix is read from the whole file, not reported unclosed', async () => {
    const parts = ['id,note\n'];
    for (let i = 0; i < 150; i++) parts.push(`${i},"${'é\n'.repeat(15000)}"\n`);
    const i = await inspectFile(enc(parts.join('')), 'big.csv', { kind: 'churn' });
    expect(i.fatal).toBeUndefined();
    expect(i.headers).toEqual(['id', 'note']);
    expect(i.sampleRows.length).toBe(20);
    expect(i.sampleRows[19][1].length).toBe(30000);
  });
});

describe('normaliseText', () => {
  it('line endings, BOM and the Excel sep= line', () => {
    expect(normaliseText('\ufeffa,b\r\n1,2\r3,4\n')).toEqual({ text: 'a,b\n1,2\n3,4\n', linesDropped: 0 });
    expect(normaliseText('sep=;\r\na;b\n')).toEqual({ text: 'a;b\n', sepHint: ';', linesDropped: 1 });
    expect(normaliseText('SEP=|\na|b')).toMatchObject({ sepHint: '|' });
    expect(normaliseText('sep=;;\na')).toEqual({ text: 'sep=;;\na', linesDropped: 0 });
  });
});

describe('sniff-dialect', () => {
  it('semicolons with decimal commas, tabs with decimal commas, pipes with commas in names', () => {
    expect(sniffDelimiter('a;b;c\n08/01/2016;A;-21.419,06\n09/01/2016;B;1,5\n').delimiter).toBe(';');
    expect(sniffDelimiter('x\ty\n120,5\t50,3\n1,25\t2,5\n').delimiter).toBe('\t');
    const pipe = sniffDelimiter('id|name|mrr\n1|Novak, Ana|49,00\n2|Smith, Ben|19,00\n');
    // The header settles it: commas do not split 'id|name|mrr', so they are not the delimiter.
    expect(pipe).toMatchObject({ delimiter: '|', ambiguous: false });
    // When the header splits both ways the same as the rows, a human must look.
    expect(sniffDelimiter('last, first|note, more\nNovak, Ana|x, y\nSmith, Ben|z, w\n')).toMatchObject({ ambiguous: true });
    expect(sniffDelimiter('{"a": 1}\n').delimiter).toBeUndefined();
    // A quoted newline and quoted delimiters do not count.
    expect(sniffDelimiter('a,b\n"x;y\nz",2\n"p;q",3\n').delimiter).toBe(',');
  });
  it('title row above the header', () => {
    expect(sniffHeaderRow([['Report 2024', '', ''], ['id', 'date', 'amount'], ['1', '2024-01-01', '3']])).toMatchObject({ headerRow: 1, unsure: true });
    expect(sniffHeaderRow([['Report 2024'], ['id', 'date', 'amount'], ['1', '2024-01-01', '3']])).toMatchObject({ headerRow: 1 });
    expect(sniffHeaderRow([['id', 'date', 'amount'], ['1', '2024-01-01', '3'], ['2', '2024-01-02', '4']])).toMatchObject({ headerRow: 0, unsure: false });
  });
});

describe('read-records caps (generated inputs)', () => {
  it('10,000 columns: "too many columns (10000 > 500)"', () => {
    const header = Array.from({ length: 10000 }, (_, i) => `c${i}`).join(',');
    expect(readRecords(`${header}\n${'1,'.repeat(9999)}1\n`, { delimiter: ',' }).fatal?.message).toBe('too many columns (10000 > 500)');
  });
  it('a 1 MB quoted field: "line 3, column reason exceeds 64 KB"', () => {
    const text = `id,reason\n1,ok\n2,"${'x'.repeat(1 << 20)}"\n3,ok\n`;
    const r = readRecords(text, { delimiter: ',' });
    expect(r.errors.map((e) => e.message)).toEqual(['line 3, column reason exceeds 64 KB']);
    expect(r.recordsRead).toBe(3);
  });
  it('an unclosed quote on line 2 of a 200,000-row file is reported on line 2, fast', () => {
    const text = `id,name\n1,"open\n${'2,x\n'.repeat(200000)}`;
    const t = performance.now();
    const r = readRecords(text, { delimiter: ',' });
    expect(r.fatal).toMatchObject({ code: 'unclosed-quote', line: 2, column: 'name' });
    expect(performance.now() - t).toBeLessThan(5000);
  });
  it('an unnamed column holding values is fatal; an unnamed empty column is ignored', () => {
    expect(readRecords('a,,c\n1,2,3\n', { delimiter: ',' }).fatal?.message).toBe('column 2 has no name');
    expect(readRecords('a,,c\n1,,3\n', { delimiter: ',' })).toMatchObject({ emptyColumns: [1], recordsRead: 1 });
  });
  it('an unnamed first column (R write.csv row numbers) is kept and reported', () => {
    const r = readRecords('"","id","nps"\n"1",2368,10\n"2",2482,7\n', { delimiter: ',' });
    expect(r.fatal).toBeUndefined();
    expect(r.warnings.map((w) => w.code)).toEqual(['unnamed-first-column']);
    expect(columnNames(r.header)).toEqual(['column 1', 'id', 'nps']);
  });
  it('no header row (-1): columns named by position, the first line is data', () => {
    const r = readRecords('AT12;01.01.2014;-0,42\nAT12;04.01.2014;+1,23\n', { delimiter: ';', headerRow: -1 });
    expect(r).toMatchObject({ header: ['column 1', 'column 2', 'column 3'], recordsRead: 2 });
  });
  it('a quote left open on the last line is a row error (skippable), not a fatal problem; on an earlier line it is fatal', () => {
    const last = readRecords('id,name\n1,ok\n2,"cut off\n', { delimiter: ',' });
    expect(last.fatal).toBeUndefined();
    expect(last.errors[0]).toMatchObject({ code: 'truncated-last-line', line: 3 });
    expect(last).toMatchObject({ recordsRead: 2, invalidRecords: 1 });
    expect(readRecords('id,name\n1,"open\n2,ok\n3,ok\n', { delimiter: ',' }).fatal?.code).toBe('unclosed-quote');
  });
  it('a repeated header name is fatal when the columns differ, and renamed with a warning when they hold the same values', () => {
    expect(readRecords('Datum;Betrag;Währung;Saldo;Währung\n1.1.;2;EUR;3;USD\n', { delimiter: ';' }).fatal).toMatchObject({ code: 'duplicate-column', params: { first: 3, second: 5 } });
    const same = readRecords('Datum;Betrag;Währung;Saldo;Währung\n1.1.;2;EUR;3;EUR\n', { delimiter: ';' });
    expect(same.fatal).toBeUndefined();
    expect(same.warnings[0]).toMatchObject({ code: 'duplicate-column-same-values' });
    expect(columnNames(same.header)).toEqual(['Datum', 'Betrag', 'Währung', 'Saldo', 'Währung (2)']);
  });
});

describe('parseFile: progress and cancellation', () => {
  const rows = (n: number): Uint8Array => {
    const parts = ['customer_id,date,amount\n'];
    for (let i = 0; i < n; i++) parts.push(`C${i % 977},2024-01-${String(1 + (i % 28)).padStart(2, '0')},${i % 100}.5\n`);
    return enc(parts.join(''));
  };
  const mapping = ['customer_id', 'date', 'amount'];

  it('reports progress every 65,536 rows and at the end', async () => {
    const seen: number[] = [];
    const p = await parseFile(rows(140000), { dialect: DIALECT, kind: 'orders', mapping, onProgress: (x) => seen.push(x.rows) });
    expect(seen).toEqual([65536, 131072, 140000]);
    expect(p.table.length).toBe(140000);
    expect(p.customers).toBe(977);
  });

  it('an aborted signal throws a DOMException AbortError, before or during the read', async () => {
    const before = new AbortController();
    before.abort();
    await expect(parseFile(rows(10), { dialect: DIALECT, kind: 'orders', mapping, signal: before.signal })).rejects.toMatchObject({ name: 'AbortError' });
    const during = new AbortController();
    const run = parseFile(rows(140000), { dialect: DIALECT, kind: 'orders', mapping, signal: during.signal, onProgress: () => during.abort() });
    await expect(run).rejects.toBeInstanceOf(DOMException);
  });

  it('missing required column is fatal: "missing column date"; orders without an amount column import (revenue n/a)', async () => {
    const p = await parseFile(enc('customer_id,amount\nC1,3\n'), { dialect: DIALECT, kind: 'orders', mapping: ['customer_id', 'amount'] });
    expect(p.fatal).toMatchObject({ code: 'missing-column', message: 'missing column date' });
    expect(p.table.length).toBe(0);
    const visits = await parseFile(enc('customer_id,date\nC1,2024-01-01\nC2,2024-01-02\n'), { dialect: DIALECT, kind: 'orders', mapping: ['customer_id', 'date'] });
    expect(visits.fatal).toBeUndefined();
    expect(visits).toMatchObject({ hasAmounts: false, customers: 2 });
    expect([...(visits.table.columns.amount as { data: Float64Array }).data].every(Number.isNaN)).toBe(true);
  });

  it('lists at most maxListedErrors but counts them all', async () => {
    const text = `customer_id,date,amount\n${'C1,2024-02-30,1\n'.repeat(30)}`;
    const p = await parseFile(enc(text), { dialect: DIALECT, kind: 'orders', mapping, maxListedErrors: 5 });
    expect([p.errors.length, p.errorCount, p.invalidRecords, p.table.length]).toEqual([5, 30, 30, 0]);
  });
});

describe('read-records: header limits (issue #9)', () => {
  it('a 10 MB header line is refused before it reaches the page; a NUL in a header name is refused', () => {
    const big = readRecords(`${'x'.repeat(10 << 20)},b\n1,2\n`, { delimiter: ',' });
    expect(big.fatal?.code).toBe('header-too-long');
    expect(big.header).toEqual([]);
    expect(readRecords('id,na\0me\n1,2\n', { delimiter: ',' }).fatal).toMatchObject({ code: 'control-character', line: 1 });
  });
});
