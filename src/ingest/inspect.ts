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
import { dayToIso, detectDateOrder } from '../core/parse/date.ts';
import { guessKinds, suggestMapping } from '../core/parse/header-match.ts';
import { matchPreset } from '../core/parse/presets.ts';
import { decode, decodePrefix, detectEncoding, sniffBinary } from './decode.ts';
import { normaliseText } from './normalise-text.ts';
import { delimiterName, sniffDelimiter, sniffHeaderRow } from './sniff-dialect.ts';
import { readRecords } from './read-records.ts';
import type { Dialect, EncodingName, Inspection, Question } from './types.ts';

const SAMPLE_RECORDS = 200;
/** Bytes decoded for inspection (the whole file only when the sample needs more). */
const PREFIX_BYTES = 4 << 20;
const PREVIEW_ROWS = 20;
const LEGACY: readonly EncodingName[] = ['windows-1252', 'windows-1250', 'windows-1251'];

export type InspectOverrides = Partial<Dialect> & { kind?: DataKind };

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  let hex = '';
  for (let i = 0; i < digest.length; i++) hex += digest[i].toString(16).padStart(2, '0');
  return hex;
}

const DEFAULT_DIALECT: Dialect = { encoding: 'utf-8', delimiter: ',', headerRow: 0, decimal: '.', thousands: '', dateOrder: 'YMD' };

/** Dates written like 15.01.2024 or 2024-01-15: not candidates for number-format detection. */
const DATE_SHAPE = /^\s*\d{1,4}[./-]\d{1,2}[./-]\d{1,4}/;
/** A bare number: optional minus, digits and marks (anything else needs the user's confirmation). */
const PLAIN_NUMBER = /^\s*-?[\d.,]+\s*$/;
/** Digits with separators, signs and currency marks only. */
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
  const questions: Question[] = [];
  const warnings: ImportIssue[] = [];
  let dialect: Dialect = { ...DEFAULT_DIALECT };
  const base = { fileName, byteLength: bytes.length, sha256 };
  const failed = (fatal: ImportIssue, headers: string[] = [], sampleRows: string[][] = []): Inspection => ({
    ...base, dialect, evidence, questions, headers, sampleRows, kinds: [], kind: overrides?.kind ?? 'orders', mapping: headers.map(() => null), fatal, warnings,
  });

  if (bytes.length === 0) return failed({ severity: 'fatal', code: 'empty-file', message: 'file is empty' });
  const binary = sniffBinary(bytes);
  if (binary) return failed(binary);

  // 1-2. Encoding.
  const enc = detectEncoding(bytes);
  const encoding: EncodingName = overrides?.encoding ?? enc.encoding;
  dialect = { ...dialect, encoding };
  if (overrides?.encoding) evidence.encoding = 'chosen by you';
  else if (enc.bom) evidence.encoding = `${encoding} byte order mark`;
  else if (enc.valid) evidence.encoding = 'valid UTF-8';
  else {
    evidence.encoding = `not valid UTF-8 at line ${enc.invalidLine}; ${enc.encoding} proposed from the byte frequencies`;
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
    evidence.delimiter = 'chosen by you';
  } else if (sepHint) {
    delimiter = sepHint;
    evidence.delimiter = `the file's first line says sep=${sepHint}`;
  } else {
    const guess = sniffDelimiter(text);
    delimiter = guess.delimiter ?? ',';
    evidence.delimiter = guess.evidence;
    if (guess.ambiguous && guess.alternative) {
      questions.push({
        topic: 'delimiter', code: 'ambiguous-delimiter',
        message: `fields seem separated by ${delimiterName(delimiter)}, but ${delimiterName(guess.alternative)} also splits the lines; check the preview`,
        options: [delimiter, guess.alternative],
      });
    }
  }
  let headerRow = overrides?.headerRow ?? 0;
  if (overrides?.headerRow === undefined) {
    const firstRecords = Papa.parse<string[]>(text.slice(0, 65536), { delimiter, header: false, dynamicTyping: false, preview: 12 }).data
      .filter((r) => r.some((f) => f.trim() !== ''));
    const guess = sniffHeaderRow(firstRecords);
    evidence.headerRow = guess.evidence;
    if (guess.unsure) {
      headerRow = guess.headerRow;
      questions.push({
        topic: 'headerRow', code: 'title-row',
        message: `first line does not look like a header; pick the header row (line ${guess.headerRow + 1 + linesDropped} proposed)`,
        options: [String(guess.headerRow), '0'],
      });
    }
  } else evidence.headerRow = 'chosen by you';
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
  const headers = read.header;
  warnings.push(...read.warnings);
  if (read.fatal) return failed(read.fatal, headers, sampleRows.slice(0, PREVIEW_ROWS));

  // Kind and mapping.
  const kinds = guessKinds(headers, sampleRows);
  const preset = matchPreset(headers);
  const kind: DataKind = overrides?.kind ?? preset?.preset.kind ?? kinds[0]?.kind ?? 'customers';
  let mapping: Mapping = preset && preset.preset.kind === kind ? [...preset.mapping] : [...suggestMapping(kind, headers, sampleRows)];
  mapping = mapping.map((m, c) => (read.emptyColumns.includes(c) ? null : m));
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
      return failed({ severity: 'fatal', code: 'wrong-kind', line: 1, message: `this looks like an ${kinds[0].kind} file${cols}, not ${overrides.kind}`, params: { looksLike: kinds[0].kind } }, headers, sampleRows.slice(0, PREVIEW_ROWS));
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

  // Number format: from the columns mapped as money/number, else from any numeric-looking column.
  let numberColumns = headers.map((_, c) => c).filter((c) => typeOf(c) === 'money' || typeOf(c) === 'number');
  if (numberColumns.length === 0) {
    numberColumns = headers.map((_, c) => c).filter((c) => {
      if (typeOf(c) !== undefined && typeOf(c) !== 'category' && typeOf(c) !== 'text') return false;
      const v = columnValues(c);
      return v.length > 0 && v.every((x) => NUMERIC_SHAPE.test(x) && !DATE_SHAPE.test(x));
    });
  }
  const numberSamples = numberColumns.flatMap(columnValues);
  if (overrides?.decimal) {
    dialect = { ...dialect, decimal: overrides.decimal, thousands: overrides.thousands ?? '' };
    evidence.decimal = 'chosen by you';
  } else if (numberSamples.length) {
    const nf = detectNumberFormat(numberSamples);
    dialect = { ...dialect, decimal: nf.decimal, thousands: overrides?.thousands ?? nf.thousands };
    evidence.decimal = nf.evidence;
    const decorated = numberSamples.find((s) => !PLAIN_NUMBER.test(s));
    if (decorated !== undefined) {
      questions.push({
        topic: 'decimal', code: 'confirm-number-format', column: headers[numberColumns[0]],
        message: `amounts are written with currency signs, spaces or brackets (e.g. '${decorated.trim()}'); confirm the number format`,
        options: nf.decimal === ',' ? [',', '.'] : ['.', ','],
      });
    } else if (nf.ambiguous || nf.decimal === ',') {
      const example = numberSamples.find((s) => s.includes(',')) ?? numberSamples[0];
      questions.push({
        topic: 'decimal', code: nf.ambiguous ? 'ambiguous-decimal' : 'confirm-decimal-comma',
        message: nf.ambiguous
          ? `amounts like '${example}' could use a decimal point or a decimal comma; choose`
          : `amounts use a decimal comma ('${example}'); confirm the number format`,
        options: nf.decimal === ',' ? [',', '.'] : ['.', ','],
        column: headers[numberColumns[0]],
      });
    }
  } else if (delimiter === ';') {
    dialect = { ...dialect, decimal: ',' };
    evidence.decimal = 'no amounts in the sample; semicolon files usually use a decimal comma';
  }

  // Date order: from the mapped date columns.
  const dateColumns = headers.map((_, c) => c).filter((c) => typeOf(c) === 'date');
  if (overrides?.dateOrder) {
    dialect = { ...dialect, dateOrder: overrides.dateOrder };
    evidence.dateOrder = 'chosen by you';
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
      if (d.mixed) {
        warnings.push({ severity: 'warning', code: 'inconsistent-date-format', column: headers[c], message: `column ${headers[c]} mixes date formats` });
      }
      if (d.ambiguous) {
        questions.push({
          topic: 'dateOrder', code: 'ambiguous-date-order', column: headers[c],
          message: `dates in ${headers[c]} could be day-first or month-first (e.g. '${values[0]}'); choose`,
          options: ['DMY', 'MDY'],
        });
        if (!decided) {
          dialect = { ...dialect, dateOrder: d.order };
          evidence.dateOrder = d.evidence;
        }
        continue;
      }
      if (!decided) {
        dialect = { ...dialect, dateOrder: d.order };
        evidence.dateOrder = `${headers[c]}: ${d.evidence}`;
        decided = true;
      }
    }
  }

  return {
    ...base, dialect, evidence, questions, headers, sampleRows: sampleRows.slice(0, PREVIEW_ROWS), kinds, kind,
    ...(preset ? { preset: { id: preset.preset.id, name: preset.preset.name } } : {}),
    mapping, warnings,
  };
}
