/**
 * `inspectFile`: everything about a file that can be known before importing it, from its bytes
 * and its first ~200 records (RELIABILITY.md 1.4 steps 1-4 and 6): encoding, delimiter, header
 * row, number and date conventions, kind and mapping, plus the questions a human must answer.
 * Only the SHA-256 reads all bytes.
 */
import Papa from 'papaparse';
import type { ImportIssue } from '../core/issues.ts';
import { fieldOf, type DataKind, type Mapping } from '../core/schema/kinds.ts';
import { isNullToken } from '../core/parse/null-token.ts';
import { detectNumberFormat } from '../core/parse/number.ts';
import { dayToIso } from '../core/parse/date.ts';
import { detectDateOrder } from '../core/parse/date-detect.ts';
import type { DetectionReason } from '../core/parse/detection-reason.ts';
import { guessKinds, isFreeText, isPiiHeader, normaliseHeader, profileColumns, suggestMapping, suggestMappingDetailed, type MappingSuggestion } from '../core/parse/header-match.ts';
import { idLikeness, type ColumnProfile } from '../core/parse/column-profile.ts';
import { matchPreset } from '../core/parse/presets.ts';
import { decode, decodePrefix, detectEncoding, sniffBinary } from './decode.ts';
import { normaliseText } from './normalise-text.ts';
import { delimiterName, sniffDelimiter, sniffHeaderRow } from './sniff-dialect.ts';
import { columnNames, readRecords } from './read-records.ts';
import type { Dialect, EncodingName, Inspection, Question } from './types.ts';

const SAMPLE_RECORDS = 200;
/** Bytes decoded for inspection (the whole file only when the sample needs more). */
const PREFIX_BYTES = 4 << 20;
const PREVIEW_ROWS = 20;
const LEGACY: readonly EncodingName[] = ['windows-1252', 'windows-1250', 'windows-1251'];

export type InspectOverrides = Partial<Dialect> & {
  kind?: DataKind;
  /** Physical 1-based line of the header (0 = no header row): the command line's --header-row. */
  headerLine?: number;
  /** Columns the user mapped (column index -> field key, or null = ignore): applied before the number and date detection. */
  map?: readonly (readonly [number, string | null])[];
};

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  let hex = '';
  for (let i = 0; i < digest.length; i++) hex += digest[i].toString(16).padStart(2, '0');
  return hex;
}

const DEFAULT_DIALECT: Dialect = { encoding: 'utf-8', delimiter: ',', headerRow: 0, decimal: '.', thousands: '', dateOrder: 'YMD' };

/** A bare number: optional minus, digits and marks (anything else needs the user's confirmation). */
const PLAIN_NUMBER = /^\s*-?[\d.,]+\s*$/;
/** Digits with separators, signs and currency marks only (`NaN`, `1e308` are not numbers to confirm, they are errors). */
const NUMERIC_SHAPE = /^\s*[-+(]?\s*[^\d\s]{0,3}\s*\d[\d\s.,'\u00a0\u202f]*\s*[^\d\s]{0,3}\s*\)?\s*$/;

/**
 * Inspects a file before import. `overrides` (a dialect item the user chose, or the data kind of
 * the import slot) win over detection, and a question is not asked again for an overridden item.
 * Cost: one SHA-256 over all bytes, a UTF-8 validity scan, then work on the first 4 MB only
 * (the whole file only when that prefix cuts a quoted field). Never throws for bad input: fatal
 * problems are in `fatal`.
 */
export async function inspectFile(bytes: Uint8Array, fileName: string, overrides?: InspectOverrides): Promise<Inspection> {
  const sha256 = await sha256Hex(bytes);
  const evidence: Partial<Record<keyof Dialect, string>> = {};
  const why: Partial<Record<keyof Dialect, DetectionReason>> = {};
  const CHOSEN: DetectionReason = { code: 'chosen' };
  const questions: Question[] = [];
  const warnings: ImportIssue[] = [];
  let dialect: Dialect = { ...DEFAULT_DIALECT };
  const base = { fileName, byteLength: bytes.length, sha256 };
  const failed = (fatal: ImportIssue, headers: string[] = [], sampleRows: string[][] = []): Inspection => ({
    ...base, dialect, evidence, why, questions, headers, sampleRows, kinds: [], kind: overrides?.kind ?? 'orders', mapping: headers.map(() => null), fatal, warnings,
  });

  if (bytes.length === 0) return failed({ severity: 'fatal', code: 'empty-file', message: 'file is empty' });
  const binary = sniffBinary(bytes);
  if (binary) return failed(binary);

  // 1-2. Encoding.
  const enc = detectEncoding(bytes);
  const encoding: EncodingName = overrides?.encoding ?? enc.encoding;
  dialect = { ...dialect, encoding };
  if (overrides?.encoding) [evidence.encoding, why.encoding] = ['chosen by you', CHOSEN];
  else if (enc.bom) [evidence.encoding, why.encoding] = [`${encoding} byte order mark`, { code: 'encoding-bom', params: { encoding } }];
  else if (enc.valid) [evidence.encoding, why.encoding] = ['valid UTF-8', { code: 'encoding-valid-utf8' }];
  else {
    evidence.encoding = `not valid UTF-8 at line ${enc.invalidLine}; ${enc.encoding} proposed from the byte frequencies`;
    why.encoding = { code: 'encoding-guessed', params: { line: enc.invalidLine ?? 1, encoding: enc.encoding } };
    questions.push({
      topic: 'encoding', code: 'invalid-utf8',
      message: `not valid UTF-8 at line ${enc.invalidLine}; choose the encoding`,
      options: [enc.encoding, ...LEGACY.filter((e) => e !== enc.encoding)],
    });
  }
  let decoded: string;
  let truncated: boolean;
  try {
    ({ text: decoded, truncated } = decodePrefix(bytes, encoding, PREFIX_BYTES));
  } catch {
    return failed({ severity: 'fatal', code: 'invalid-encoding', line: enc.invalidLine, message: `not valid ${encoding} at line ${enc.invalidLine ?? 1}; choose another encoding` });
  }
  if (decoded.length === 0) return failed({ severity: 'fatal', code: 'empty-file', message: 'file is empty' });

  // 3. Normalise.
  let { text } = normaliseText(decoded);
  const { sepHint, linesDropped } = normaliseText(decoded.slice(0, 8));
  if (text.trim() === '') return failed({ severity: 'fatal', code: 'no-header', message: 'no header row (the file has only blank lines)' });
  const head = text.trimStart();
  const tail = text.trimEnd();
  if ((head[0] === '[' || head[0] === '{') && (tail.endsWith(']') || tail.endsWith('}'))) {
    return failed({ severity: 'fatal', code: 'not-csv', line: 1, message: 'this is a JSON file, not CSV (no delimiter found)' });
  }

  // 4. Delimiter and header row.
  let delimiter: string;
  if (overrides?.delimiter) {
    delimiter = overrides.delimiter;
    [evidence.delimiter, why.delimiter] = ['chosen by you', CHOSEN];
  } else if (sepHint) {
    delimiter = sepHint;
    evidence.delimiter = `the file's first line says sep=${sepHint}`;
    why.delimiter = { code: 'delimiter-sep-line', params: { delimiter: sepHint } };
  } else {
    const guess = sniffDelimiter(text);
    delimiter = guess.delimiter ?? ',';
    [evidence.delimiter, why.delimiter] = [guess.evidence, guess.why];
    if (guess.ambiguous && guess.alternative) {
      questions.push({
        topic: 'delimiter', code: 'ambiguous-delimiter',
        message: `fields seem separated by ${delimiterName(delimiter)}, but ${delimiterName(guess.alternative)} also splits the lines; check the preview`,
        options: [delimiter, guess.alternative],
      });
    }
  }
  let headerRow = overrides?.headerRow ?? 0;
  if (overrides?.headerLine !== undefined) headerRow = headerRowOfLine(text, overrides.headerLine - linesDropped);
  if (overrides?.headerRow === undefined && overrides?.headerLine === undefined) {
    const firstRecords = Papa.parse<string[]>(text.slice(0, 65536), { delimiter, header: false, dynamicTyping: false, preview: 40 }).data
      .filter((r) => r.some((f) => f.trim() !== ''));
    const guess = sniffHeaderRow(firstRecords);
    [evidence.headerRow, why.headerRow] = [guess.evidence, guess.why];
    if (guess.unsure) {
      headerRow = guess.headerRow;
      if (guess.reason === 'none') {
        questions.push({ topic: 'headerRow', code: 'confirm-no-header', message: `${guess.evidence}; columns are named by position (column 1, column 2, ...)`, options: ['-1', '0'] });
      } else {
        const line = physicalLineOfRecord(text, guess.headerRow) + linesDropped;
        questions.push({
          topic: 'headerRow', code: guess.reason === 'preamble' ? 'confirm-title-rows' : 'title-row',
          message: guess.reason === 'preamble' ? `the header seems to be on line ${line}: ${guess.evidence}` : `first line does not look like a header; pick the header row (line ${line} proposed)`,
          options: [String(guess.headerRow), '0', '-1'],
        });
      }
    }
  } else [evidence.headerRow, why.headerRow] = headerRow < 0 ? ['chosen by you: no header row', { code: 'chosen-no-header' }] : ['chosen by you', CHOSEN];
  dialect = { ...dialect, delimiter, headerRow };

  // Sample records.
  const sampleRows: string[][] = [];
  const sample = (): ReturnType<typeof readRecords> => {
    sampleRows.length = 0;
    return readRecords(text, { delimiter, headerRow, lineOffset: linesDropped, maxRecords: SAMPLE_RECORDS, onRecord: (f) => void sampleRows.push(f) });
  };
  let read = sample();
  if (truncated && read.fatal && !read.truncated) {
    // The prefix may have cut a quoted field or held too few records: read the whole file.
    text = normaliseText(decode(bytes, encoding)).text;
    read = sample();
  }
  const headers = columnNames(read.header);
  warnings.push(...read.warnings);
  if (read.fatal) return failed(read.fatal, headers, sampleRows.slice(0, PREVIEW_ROWS));

  // Kind and mapping: header names and values (column profiles), or a known export's preset.
  const profiles = profileColumns(headers, sampleRows);
  const kinds = guessKinds(headers, sampleRows, profiles);
  const preset = matchPreset(headers);
  const kind: DataKind = overrides?.kind ?? preset?.preset.kind ?? kinds[0]?.kind ?? 'customers';
  const usePreset = preset !== undefined && preset.preset.kind === kind;
  const suggestion = usePreset ? undefined : suggestMappingDetailed(kind, headers, sampleRows, profiles);
  let mapping: Mapping = usePreset ? [...preset.mapping] : [...(suggestion as MappingSuggestion).mapping];
  const reasons: (string | null)[] = usePreset ? mapping.map((m) => (m === null ? null : 'preset')) : [...(suggestion as MappingSuggestion).reasons];
  mapping = mapping.map((m, c) => (read.emptyColumns.includes(c) ? null : m));
  for (const [c, field] of overrides?.map ?? []) {
    if (c < 0 || c >= headers.length) continue;
    if (field !== null) mapping = mapping.map((m) => (m === field ? null : m));
    mapping[c] = field;
    reasons[c] = field === null ? null : 'chosen';
  }
  if (overrides?.kind && kinds[0] && kinds[0].kind !== overrides.kind) {
    const chosen = kinds.find((k) => k.kind === overrides.kind)?.score ?? 0;
    const other = suggestMapping(kinds[0].kind, headers, sampleRows);
    // Columns that only make sense in the other kind (order_id, amount in a customers slot).
    const telling = headers.filter((_, c) => {
      const key = other[c];
      return key != null && !key.startsWith('attr:') && fieldOf(overrides.kind as DataKind, key) === undefined;
    });
    if (kinds[0].score - chosen >= 0.2 && telling.length >= 2) {
      const cols = ` (columns ${telling.slice(0, 3).join(', ')})`;
      // Fatal for the chosen kind (nothing of it could be trusted), but the kind stays changeable: the UI offers the other kind.
      return failed({ severity: 'fatal', code: 'wrong-kind', line: 1, message: `this looks like ${/^[aeiou]/.test(kinds[0].kind) ? 'an' : 'a'} ${kinds[0].kind} file${cols}, not ${overrides.kind}; choose the kind`, params: { looksLike: kinds[0].kind } }, headers, sampleRows.slice(0, PREVIEW_ROWS));
    }
  }

  const columnValues = (c: number): string[] => {
    const out: string[] = [];
    for (const r of sampleRows) if (!isNullToken(r[c])) out.push(r[c]);
    return out;
  };
  const typeOf = (c: number): string | undefined => {
    const key = mapping[c];
    return key == null ? undefined : fieldOf(kind, key)?.type;
  };

  // Number format: from the columns mapped as money/number only (a question is asked only about
  // a column mapped to what the question is about).
  const numberColumns = headers.map((_, c) => c).filter((c) => typeOf(c) === 'money' || typeOf(c) === 'number');
  const numberSamples = numberColumns.flatMap(columnValues);
  if (overrides?.decimal) {
    dialect = { ...dialect, decimal: overrides.decimal, thousands: overrides.thousands ?? '' };
    [evidence.decimal, why.decimal] = ['chosen by you', CHOSEN];
  } else if (numberSamples.length) {
    const nf = detectNumberFormat(numberSamples);
    dialect = { ...dialect, decimal: nf.decimal, thousands: overrides?.thousands ?? nf.thousands };
    [evidence.decimal, why.decimal] = [nf.evidence, nf.why];
    const moneyColumns = numberColumns.filter((c) => typeOf(c) === 'money');
    const decorated = moneyColumns.flatMap(columnValues).find((v) => NUMERIC_SHAPE.test(v) && !PLAIN_NUMBER.test(v));
    if (decorated !== undefined) {
      const c = moneyColumns.find((k) => columnValues(k).includes(decorated)) as number;
      questions.push({
        topic: 'decimal', code: 'confirm-number-format', column: headers[c],
        message: `amounts in ${headers[c]} are written with currency signs, spaces or brackets (e.g. '${decorated.trim()}'); confirm the number format`,
        options: nf.decimal === ',' ? [',', '.'] : ['.', ','],
      });
    } else if (nf.ambiguous || nf.decimal === ',') {
      const example = numberSamples.find((v) => v.includes(',')) ?? numberSamples[0];
      const c = numberColumns.find((k) => columnValues(k).includes(example)) ?? numberColumns[0];
      questions.push({
        topic: 'decimal', code: nf.ambiguous ? 'ambiguous-decimal' : 'confirm-decimal-comma',
        message: nf.ambiguous
          ? `amounts like '${example}' in ${headers[c]} could use a decimal point or a decimal comma; choose`
          : `amounts use a decimal comma ('${example}' in ${headers[c]}); confirm the number format`,
        options: nf.decimal === ',' ? [',', '.'] : ['.', ','],
        column: headers[c],
      });
    }
  } else if (delimiter === ';') {
    dialect = { ...dialect, decimal: ',' };
    [evidence.decimal, why.decimal] = ['no amounts in the sample; semicolon files usually use a decimal comma', { code: 'decimal-semicolon' }];
  }

  // Date order: from the mapped date columns, each decided by all of its sample values.
  const dateColumns = headers.map((_, c) => c).filter((c) => typeOf(c) === 'date');
  if (overrides?.dateOrder) {
    dialect = { ...dialect, dateOrder: overrides.dateOrder };
    [evidence.dateOrder, why.dateOrder] = ['chosen by you', CHOSEN];
  } else {
    let decided = false;
    for (const c of dateColumns) {
      const values = columnValues(c);
      if (values.length === 0) continue;
      const d = detectDateOrder(values);
      if (d.excelSerial) {
        const n = Number(values[0].trim());
        questions.push({
          topic: 'excelSerialDates', code: 'excel-serial-dates', column: headers[c],
          message: `${headers[c]} looks like Excel serial numbers (${values[0].trim()} = ${dayToIso(n - 25569)})`,
          options: ['excel-serial', 'not-dates'],
        });
        continue;
      }
      if (d.ambiguous) {
        questions.push({
          topic: 'dateOrder', code: 'ambiguous-date-order', column: headers[c],
          message: `dates in ${headers[c]} could be day-first or month-first (e.g. '${values[0]}'); choose`,
          options: ['DMY', 'MDY'],
        });
        if (!decided) {
          dialect = { ...dialect, dateOrder: d.order };
          [evidence.dateOrder, why.dateOrder] = [d.evidence, d.why];
        }
        continue;
      }
      if (!decided) {
        dialect = { ...dialect, dateOrder: d.order };
        evidence.dateOrder = `${headers[c]}: ${d.evidence}`;
        why.dateOrder = { code: d.why.code, params: { ...d.why.params, column: headers[c] } };
        decided = true;
      }
    }
  }

  // The key-fallback note names the fallback column; once the user maps another column as the key it no longer applies.
  const fallbackColumn = suggestion?.keyFallback ? suggestion.mapping.indexOf('customer_id') : -1;
  const keyFallback = fallbackColumn >= 0 && mapping[fallbackColumn] === 'customer_id' ? suggestion?.keyFallback : undefined;
  warnings.push(...mappingNotes(kind, headers, mapping, profiles, keyFallback));
  // Unmapped columns whose values look like ids, most distinct first ("did you mean ...?").
  const keyCandidates = headers
    .map((h, c) => ({ h, c, score: idLikeness(profiles[c], kind === 'customers') }))
    .filter((x) => mapping[x.c] === null && x.score >= 0.5 && !isPiiHeader(x.h))
    .sort((a, b) => b.score - a.score || profiles[b.c].distinctShare - profiles[a.c].distinctShare)
    .map((x) => x.h);
  const currency = suggestCurrency(kind, headers, mapping, profiles);

  return {
    ...base, dialect, evidence, why, questions, headers, sampleRows: sampleRows.slice(0, PREVIEW_ROWS), kinds, kind,
    ...(preset ? { preset: { id: preset.preset.id, name: preset.preset.name } } : {}),
    mapping, reasons, warnings, keyCandidates, ...(currency ? { currency } : {}),
    ...(keyFallback ? { keyFallback } : {}),
  };
}

/** The physical line (1-based, in `text`) of the non-blank record with index `k`. */
function physicalLineOfRecord(text: string, k: number): number {
  let line = 1;
  let seen = -1;
  let start = 0;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    const l = text.slice(start, end < 0 ? text.length : end);
    if (l.trim() !== '' && ++seen === k) return line;
    if (end < 0) break;
    start = end + 1;
    line++;
  }
  return 1;
}

/** The index among non-blank records of physical line `line` (1-based; 0 = no header row: -1). */
function headerRowOfLine(text: string, line: number): number {
  if (line <= 0) return -1;
  let idx = 0;
  let start = 0;
  for (let l = 1; l < line; l++) {
    const end = text.indexOf('\n', start);
    if (end < 0) break;
    if (text.slice(start, end).trim() !== '') idx++;
    start = end + 1;
  }
  return idx;
}

/** Normalised headers of bank statements (the file lists an account's bookings, not a shop's orders). */
const RE_BANK = /^(iban|saldo|kontostand|balance|running balance|buchung|buchungstag|buchungsdatum|wertstellung|wertstellungsdatum|valuta|verwendungszweck|buchungstext|booking date|value date)$/;

/** Warnings about the mapping that the user should read before importing. */
function mappingNotes(kind: DataKind, headers: readonly string[], mapping: Mapping, profiles: readonly ColumnProfile[], keyFallback: 'email' | 'name' | undefined): ImportIssue[] {
  const out: ImportIssue[] = [];
  const keyColumn = mapping.indexOf('customer_id');
  if (keyFallback === 'name' && keyColumn >= 0) {
    out.push({
      severity: 'warning', code: 'customer-key-name', column: headers[keyColumn], params: { column: headers[keyColumn] },
      message: `no customer id column: customers are told apart by ${headers[keyColumn]}; two customers with the same name become one, and the names are stored`,
    });
  } else if (keyFallback === 'email' && keyColumn >= 0) {
    out.push({
      severity: 'warning', code: 'customer-key-email', column: headers[keyColumn], params: { column: headers[keyColumn] },
      message: `no customer id column: customers are told apart by their e-mail (${headers[keyColumn]}), compared in lower case; the addresses are stored`,
    });
  }
  if (keyColumn < 0 && (kind === 'orders' || fieldOf(kind, 'customer_id')?.required)) {
    out.push({
      severity: 'warning', code: 'no-customer-column', params: { kind },
      message: 'no column identifies the customer: choose one (an id, an e-mail or a name)' + (kind === 'orders' ? ', or import the orders without customers (orders and revenue only, no retention)' : ''),
    });
  }
  const ignored = headers.filter((h, c) => mapping[c] === null && isPiiHeader(h) && profiles[c].values > 0);
  const freeText = kind === 'customers' ? headers.filter((h, c) => mapping[c] === null && !isPiiHeader(h) && profiles[c].values > 0 && isFreeText(normaliseHeader(h), profiles[c])) : [];
  if (freeText.length) {
    out.push({
      severity: 'warning', code: 'free-text-ignored', params: { columns: freeText.join(', ') },
      message: `free text is not stored unless you map it: ${freeText.slice(0, 8).join(', ')}${freeText.length > 8 ? ` and ${freeText.length - 8} more` : ''}`,
    });
  }
  if (ignored.length) {
    out.push({
      severity: 'warning', code: 'personal-data-ignored', params: { columns: ignored.join(', ') },
      message: `personal data not needed for any analysis is not stored: ${ignored.slice(0, 8).join(', ')}${ignored.length > 8 ? ` and ${ignored.length - 8} more` : ''} (map a column to keep it)`,
    });
  }
  const bank = headers.filter((h) => RE_BANK.test(normaliseHeader(h)));
  if (kind === 'orders' && bank.length >= 2) {
    out.push({
      severity: 'warning', code: 'bank-statement', params: { columns: bank.join(', ') },
      message: `this looks like a bank statement (${bank.slice(0, 3).join(', ')}): payments out are negative amounts, and the people paid or paying are not necessarily customers`,
    });
  }
  return out;
}

/** The currency of the amounts: a mapped currency column's most frequent code, else the amounts' own symbols or codes. */
function suggestCurrency(kind: DataKind, headers: readonly string[], mapping: Mapping, profiles: readonly ColumnProfile[]): { code: string; evidence: string } | undefined {
  const cur = mapping.indexOf('currency');
  if (cur >= 0 && profiles[cur].currencies.length) return { code: profiles[cur].currencies[0], evidence: `column ${headers[cur]}` };
  for (const key of kind === 'subscriptions' ? ['mrr'] : ['amount', 'unit_price', 'budget']) {
    const c = mapping.indexOf(key);
    if (c >= 0 && profiles[c].currencies.length) return { code: profiles[c].currencies[0], evidence: `the amounts in ${headers[c]}` };
  }
  // An unmapped column of currency codes only (a headerless bank export's last column).
  const codes = profiles.findIndex((p, c) => mapping[c] === null && p.values > 0 && p.currencies.length === 1 && p.meanLength === 3);
  return codes >= 0 ? { code: profiles[codes].currencies[0], evidence: `column ${headers[codes]}` } : undefined;
}
