/**
 * Conformance corpora (shared/data, each README says what its files test), run through our parse
 * layer (normalise-text + read-records, not bare PapaParse). Every case must give the reference
 * rows under our policy (blank records skipped, ragged records reported: parse-layer.ts), or the
 * divergence listed for it here, each of which is a row of docs/csv-policy.md.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SHARED_DATA } from '../../support/shared-data.ts';
import { expectedUnderPolicy, outcomeOf, parseLayer } from './parse-layer.ts';
import { inspectFile, parseFile } from '../../../src/ingest/index.ts';

const D = SHARED_DATA;
const json = <T>(path: string): T => JSON.parse(readFileSync(D + path, 'utf8')) as T;
const bytes = (path: string): Uint8Array => new Uint8Array(readFileSync(D + path));

/** docs/csv-policy.md, one code per row. */
const P = {
  noHeader: 'fatal:no-header', // a file without any non-blank record: "no header row"
  textAfterQuote: 'fatal:invalid-quote', // `"a"b`, `"a" "b"`, `\"`: rejected, never reshaped
  unclosed: 'fatal:unclosed-quote', // a quote never closed: rejected, naming the line it opened on
  unnamedColumn: 'fatal:empty-column-name', // the first record is the header: an unnamed column (not the first) holding values
  duplicateName: 'fatal:duplicate-column', // the first record is the header: repeated names
  nulInHeader: 'fatal:control-character', // a NUL in a header name
} as const;

describe('papaparse-tests core-parser-cases', () => {
  interface PpCase { description: string; input: string; config?: Record<string, unknown>; expected: { data: string[][] } }
  const cases = json<PpCase[]>('papaparse-tests/core-parser-cases.json');
  /** Options our importer never sets (comments, fastMode, header mode, preview): not applicable. */
  const usable = cases.filter((c) => Object.keys(c.config ?? {}).every((k) => k === 'delimiter' || k === 'newline'));
  const DIVERGENT: Record<string, string> = {
    'Quoted field has invalid trailing quote after delimiter with a valid closer': P.textAfterQuote,
    'Quoted field has invalid trailing quote after delimiter': P.textAfterQuote,
    'Quoted field has invalid trailing quote before delimiter': P.textAfterQuote,
    'Quoted field has invalid trailing quote after new line': P.textAfterQuote,
    // 'Line starts with unquoted empty field' (`,b,c`): an unnamed first column is a row-number
    // column (R's write.csv), read like PapaParse does (issue #6).
    'Multiple consecutive empty fields': P.unnamedColumn,
    'Quoted field has no closing quote': P.unclosed,
    'Empty input string': P.noHeader,
    'Input is just the delimiter (2 empty fields)': P.noHeader,
    'Input is just empty fields': P.noHeader,
  };

  it('skips only the cases that use options we never set', () => {
    expect(cases.length - usable.length).toBe(19);
  });
  for (const c of usable) {
    it(c.description, () => {
      const res = parseLayer(c.input, (c.config?.delimiter as string | undefined) ?? ',');
      expect(outcomeOf(res, expectedUnderPolicy(c.expected.data))).toBe(DIVERGENT[c.description] ?? 'equal');
    });
  }
});

describe('rust-csv csv-core reader cases', () => {
  interface RustCase { name: string; input: string; options: Record<string, string | boolean>; expected_rows: string[][] }
  const cases = json<RustCase[]>('rust-csv/csv-core-reader-cases.json');
  const usable = cases.filter((c) => Object.keys(c.options).every((k) => k === 'delimiter'));
  const DIVERGENT: Record<string, string> = {
    empty: P.noHeader, empty_lines: P.noHeader, empty_lines_crlf: P.noHeader, empty_lines_mixed: P.noHeader, empty_lines_cr: P.noHeader,
    quote_empty: P.noHeader, quote_lf: P.noHeader, quote_space: P.noHeader,
    quote_no_escapes: P.textAfterQuote,
  };
  it('skips only cases with custom quote, escape, comment or terminator options', () => {
    expect(usable.length).toBe(49);
  });
  for (const c of usable) {
    it(c.name, () => {
      const res = parseLayer(c.input, (c.options.delimiter as string | undefined) ?? ',');
      expect(outcomeOf(res, expectedUnderPolicy(c.expected_rows))).toBe(DIVERGENT[c.name] ?? 'equal');
    });
  }
  it('mixed line endings give the same rows as one kind (empty_lines_mixed has data in our check too)', () => {
    expect(parseLayer('a,b\r\n1,2\n3,4\r5,6').rows).toEqual([['a', 'b'], ['1', '2'], ['3', '4'], ['5', '6']]);
  });
});

describe('python-csv reader cases (excel dialect, lenient and strict)', () => {
  interface PyCase { source_test: string; input?: string; input_lines?: string[]; reader_options: Record<string, unknown>; expected_rows?: string[][]; expect_error?: string }
  const cases = json<PyCase[]>('python-csv/test_csv-reader-cases.json');
  const usable = cases
    .map((c, i) => ({ ...c, id: `${i} ${c.source_test}` }))
    .filter((c) => Object.keys(c.reader_options).every((k) => k === 'strict' || k === 'dialect'));
  const DIVERGENT: Record<string, string> = {
    '0 Test_Csv.test_read_oddinputs': P.noHeader,
    '1 Test_Csv.test_read_oddinputs': P.noHeader,
    // Python (strict) refuses a bare CR inside a line; we normalise every \r\n? to \n first.
    '8 Test_Csv.test_read_eol': 'accepted',
    '9 Test_Csv.test_read_eol': 'accepted',
    '10 Test_Csv.test_read_eol': 'accepted',
    // Lenient Python closes a quote at EOF; we reject.
    '11 Test_Csv.test_read_eof': P.unclosed,
    '12 Test_Csv.test_read_eof': P.unclosed,
    // A NUL inside a header name (the only record is the header) is refused: binary data, not a name (issue #9).
    '17 Test_Csv.test_read_nul': P.nulInHeader,
    '18 Test_Csv.test_read_nul': P.nulInHeader,
    '19 Test_Csv.test_read_nul': P.nulInHeader,
    '21 Test_Csv.test_read_nul': P.nulInHeader,
    '46 TestDialectExcel.test_blankline': P.noHeader,
    '47 TestDialectExcel.test_empty_fields': P.noHeader,
    '48 TestDialectExcel.test_singlequoted': P.noHeader,
    '49 TestDialectExcel.test_singlequoted_left_empty': P.noHeader,
    '50 TestDialectExcel.test_singlequoted_right_empty': P.noHeader,
    '55 TestDialectExcel.test_quotes_and_more': P.textAfterQuote,
    '57 TestDialectExcel.test_quote_and_quote': P.textAfterQuote,
    // '61 TestDialectExcel.test_dubious_quote' (`12,12,1",`): a repeated header name with no rows that could differ is read as written.
  };
  it('skips only cases with custom escape/quote/quoting/delimiter options', () => {
    expect(usable.length).toBe(40);
  });
  for (const c of usable) {
    it(c.id, () => {
      const input = c.input ?? (c.input_lines ?? []).map((l) => (/[\r\n]$/.test(l) ? l : `${l}\n`)).join('');
      const res = parseLayer(input);
      const outcome = c.expect_error ? (res.fatal ? 'error' : 'accepted') : outcomeOf(res, expectedUnderPolicy(c.expected_rows ?? []));
      expect(outcome).toBe(DIVERGENT[c.id] ?? (c.expect_error ? 'error' : 'equal'));
    });
  }
  it('the dubious quote (12,12,1",) is kept literally with a warning when it is data', () => {
    const res = parseLayer('a,b,c,d\n12,12,1",\n');
    expect(res.rows[1]).toEqual(['12', '12', '1"', '']);
    expect(res.warnings[0]).toMatchObject({ code: 'bare-quote', line: 2, column: 'c' });
  });
});

describe('csv-spectrum (header rows, equal to the JSON)', () => {
  const names = ['comma_in_quotes', 'empty', 'empty_crlf', 'escaped_quotes', 'json', 'newlines', 'newlines_crlf', 'quotes_and_newlines', 'simple', 'simple_crlf', 'utf8'];
  for (const name of names) {
    it(name, () => {
      const res = parseLayer(new TextDecoder().decode(bytes(`csv-spectrum/csvs/${name}.csv`)));
      const expected = json<Record<string, string>[]>(`csv-spectrum/json/${name}.json`);
      const [header, ...rows] = res.rows;
      expect(res.fatal).toBeUndefined();
      // Policy: a CRLF inside a quoted field is normalised to LF like every other line end.
      const lf = expected.map((o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v.replace(/\r\n/g, '\n')])));
      expect(rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])))).toEqual(lf);
    });
  }
  it('location_coordinates: upstream JSON is broken (a bare object, another phone number); we read the CSV as written', () => {
    const res = parseLayer(new TextDecoder('windows-1252').decode(bytes('csv-spectrum/csvs/location_coordinates.csv')));
    expect(res.rows[0]).toEqual(['Contact Phone Number', 'Location Coordinates', 'Cities', 'Counties']);
    expect(res.rows[1][0]).toBe('2095257564');
    expect(res.rows[1][3]).toBe('Stanislaus');
    expect(res.warnings[0]).toMatchObject({ code: 'bare-quote', line: 2 });
  });
});

describe('csvlint fixtures and scenarios', () => {
  const FBB = [['Foo', 'Bsr', 'Baz'], ['Biff', 'Baff', 'Boff'], ['Qux', 'Teaspoon', 'Doge']];
  const FBB_CR = [['Foo', 'Bar', 'Baz'], ['Biff', 'Baff', 'Boff'], ['Qux', 'Teaspoon', 'Doge']];
  for (const f of ['lf-line-endings.csv', 'crlf-line-endings.csv', 'cr-line-endings.csv', 'inconsistent-line-endings.csv', 'inconsistent-line-endings-unquoted.csv']) {
    it(`${f}: same rows (inconsistent endings are normalised, not an error: policy)`, () => {
      expect(parseLayer(new TextDecoder().decode(bytes(`csvlint/${f}`))).rows).toEqual(f.startsWith('cr-') ? FBB_CR : FBB);
    });
  }
  it('title-row.csv: asks which row is the header, proposes line 2', async () => {
    const i = await inspectFile(bytes('csvlint/title-row.csv'), 'title-row.csv');
    expect(i.questions[0]).toMatchObject({ topic: 'headerRow', options: ['1', '0', '-1'] });
    expect(i.headers).toEqual(['Foo', 'Bsr', 'Baz']);
  });
  it('invalid-byte-sequence.csv (ISO-8859-1): asks for the encoding, proposes windows-1252', async () => {
    const i = await inspectFile(bytes('csvlint/invalid-byte-sequence.csv'), 'x.csv');
    expect(i.questions[0]).toMatchObject({ topic: 'encoding', options: ['windows-1252', 'windows-1250', 'windows-1251'] });
    expect(i.headers.join(',')).toContain('Histórico');
  });
  it('spreadsheet.xls and .xlsx: "this is an Excel workbook"', async () => {
    for (const f of ['spreadsheet.xls', 'spreadsheet.xlsx']) {
      const i = await inspectFile(bytes(`csvlint/${f}`), f);
      expect(i.fatal).toMatchObject({ code: 'excel-workbook' });
    }
  });
  it('invalid_many_rows.csv: `"3" "` after a closing quote is rejected on line 4', () => {
    const res = parseLayer(new TextDecoder().decode(bytes('csvlint/invalid_many_rows.csv')));
    expect(res.fatal).toMatchObject({ code: 'invalid-quote', line: 4, column: 'Baz' });
  });
  interface Scenario { scenario: string; csv: string; expected_error_type: string; expected_row_1_based: number }
  const scenarios = json<Scenario[]>('csvlint/validation-error-scenarios.json');
  /** csvlint error type -> what our layer reports (code and line). */
  const OURS: Record<string, (r: ReturnType<typeof parseLayer>) => { code: string | undefined; line: number | undefined }> = {
    ragged_rows: (r) => ({ code: r.errors[0]?.code, line: r.errors[0]?.line }),
    unclosed_quote: (r) => ({ code: r.fatal?.code ?? r.errors[0]?.code, line: r.fatal?.line ?? r.errors[0]?.line }),
    whitespace: (r) => ({ code: r.warnings[0]?.code, line: r.warnings[0]?.line }),
    blank_rows: (r) => ({ code: r.warnings[0]?.code, line: r.warnings[0]?.line }),
  };
  const EXPECTED: Record<string, { code: string | undefined; line: number | undefined }> = {
    'CSV with ragged rows': { code: 'too-few-fields', line: 3 },
    // A quote left open on the file's last line is a cut-off last record: a row error the user can skip (issue #6).
    'CSV with incorrect quoting': { code: 'truncated-last-line', line: 2 },
    'Successfully report a CSV with incorrect whitespace': { code: 'bare-quote', line: 2 },
    'Successfully report a CSV with blank rows': { code: 'blank-lines', line: 3 },
    // Trailing blank lines are dropped silently (policy): no warning.
    'Successfully report a CSV with multiple trailing empty rows': { code: undefined, line: undefined },
    'Successfully report a CSV with an empty row': { code: 'blank-lines', line: 3 },
  };
  for (const s of scenarios) {
    it(s.scenario, () => {
      expect(OURS[s.expected_error_type](parseLayer(s.csv))).toEqual(EXPECTED[s.scenario]);
    });
  }
});

describe('csvkit examples', () => {
  const layer = (f: string, enc = 'utf-8'): ReturnType<typeof parseLayer> => parseLayer(new TextDecoder(enc).decode(bytes(`csvkit-examples/${f}`)));
  it('UTF-8, UTF-8 BOM, UTF-16LE/BE decode to the same header', async () => {
    const first: Record<string, string> = { 'test_utf8.csv': 'foo', 'test_utf8_bom.csv': 'foo', 'test_utf16_little.csv': 'a', 'test_utf16_big.csv': 'a' };
    for (const f of Object.keys(first)) {
      const i = await inspectFile(bytes(`csvkit-examples/${f}`), f);
      expect(i.headers[0], f).toBe(first[f]);
      expect(i.sampleRows[1][2], f).toBe('ʤ');
    }
  });
  it('test_latin1.csv: strict UTF-8 fails, windows-1252 proposed, © exact after the choice', async () => {
    const first = await inspectFile(bytes('csvkit-examples/test_latin1.csv'), 'l.csv');
    expect(first.questions[0].topic).toBe('encoding');
    const chosen = await inspectFile(bytes('csvkit-examples/test_latin1.csv'), 'l.csv', { encoding: 'windows-1252' });
    expect(chosen.sampleRows.flat().join('')).toContain('©');
  });
  it('null_byte.csv: a NUL field is a row error on line 2', () => {
    expect(layer('null_byte.csv').errors[0]).toMatchObject({ code: 'control-character', line: 2, column: 'a' });
  });
  it('mac_newlines.csv: splits on CR, keeps the quoted line break', () => {
    expect(layer('mac_newlines.csv').rows).toEqual([['a', 'b', 'c'], ['1', '2', '3'], ['Once upon\na time', '5', '6']]);
  });
  it('empty.csv: no header row', () => {
    expect(layer('empty.csv').fatal).toMatchObject({ code: 'no-header' });
  });
  it('bad.csv: ragged rows named by line', () => {
    expect(layer('bad.csv').errors.map((e) => [e.code, e.line])).toEqual([['too-many-fields', 2], ['too-few-fields', 3]]);
  });
  it('test_extra_header.csv: every row has too few fields', () => {
    expect(layer('test_extra_header.csv').errors.map((e) => e.message)).toEqual(['line 2: expected 4 fields, found 3']);
  });
  it('test_skip_lines.csv: leading blank lines are harmless', () => {
    expect(layer('test_skip_lines.csv').rows).toEqual([['a', 'b', 'c'], ['1', '2', '3']]);
  });
  it('test_empty_columns.csv: unnamed but empty columns are not an error; the 4-field row is (as csvclean says)', () => {
    const r = layer('test_empty_columns.csv');
    expect(r.fatal).toBeUndefined();
    expect(r.rows).toEqual([['a', 'b', 'c', '', ''], ['a', '', '', '', '']]);
    expect(r.errors.map((e) => e.message)).toEqual(['line 3: expected 5 fields, found 4']);
  });
  it('test_empty_columns_long_row / short_row: records of empty fields count as blank lines, whatever their length', () => {
    for (const f of ['test_empty_columns_long_row.csv', 'test_empty_columns_short_row.csv']) {
      const r = layer(f);
      expect(r.rows, f).toEqual([['a', 'b', 'c']]);
      expect(r.errors, f).toEqual([]);
    }
  });
  it('optional_quote_characters.csv: quoted values equal the unquoted ones', () => {
    expect(layer('optional_quote_characters.csv').rows).toEqual([['a', 'b', 'c'], ['1', '2', '3']]);
  });
  it('sniff_limit.csv: semicolon delimiter sniffed', async () => {
    const i = await inspectFile(bytes('csvkit-examples/sniff_limit.csv'), 's.csv');
    expect(i.dialect.delimiter).toBe(';');
  });
  it('dummy.xlsx: rejected as an Excel workbook', async () => {
    expect((await inspectFile(bytes('csvkit-examples/dummy.xlsx'), 'd.csv')).fatal?.code).toBe('excel-workbook');
  });
  it('test_locale.csv: decimal comma and dot thousands read as 1.7 and 200000000', async () => {
    const b = bytes('csvkit-examples/test_locale.csv');
    const i = await inspectFile(b, 'l.csv', { kind: 'customers', decimal: ',', thousands: '.' });
    const p = await parseFile(b, { dialect: i.dialect, kind: 'customers', mapping: ['customer_id', 'budget', 'company_size'].slice(0, i.headers.length) });
    expect(p.fatal).toBeUndefined();
  });
});

describe('univocity', () => {
  const layer = (f: string): ReturnType<typeof parseLayer> => parseLayer(new TextDecoder().decode(bytes(`univocity/${f}`)));
  it('github_1-extra-column.csv: both 4-field rows are "too many fields"', () => {
    expect(layer('github_1-extra-column.csv').errors.map((e) => e.message)).toEqual(['line 2: expected 3 fields, found 4', 'line 3: expected 3 fields, found 4']);
  });
  it('escape.csv: backslash escapes rejected with the re-export hint', () => {
    expect(layer('escape.csv').fatal).toMatchObject({ code: 'invalid-quote', params: { hint: 're-export as standard CSV' } });
  });
  it('ticket_3-backslash-escapes.csv: happens to be valid RFC 4180 (`"0\\",` closes the field); kept literally with a bare-quote warning', () => {
    const r = layer('ticket_3-backslash-escapes.csv');
    expect(r.rows).toEqual([['0\\', '\\"0"'], ['1\\\\', '\\"1"'], ['2\\\\\\', '\\"2"']]);
    expect(r.warnings.map((w) => w.code)).toEqual(['bare-quote']);
  });
  it('european.csv: semicolon and decimal comma sniffed; backslash quotes rejected', async () => {
    const i = await inspectFile(bytes('univocity/european.csv'), 'e.csv');
    expect(i.dialect.delimiter).toBe(';');
    expect(i.fatal?.code).toBe('invalid-quote');
  });
  it('essential, essential-dos and essential-mac read identically (line endings normalised)', () => {
    const a = layer('essential.csv');
    expect(layer('essential-dos.csv')).toEqual(a);
    expect(layer('essential-mac.csv')).toEqual(a);
  });
});
