/**
 * Step 5 and 6 of the import pipeline: split decoded, normalised text into records with
 * PapaParse and enforce the structural rules PapaParse leaves to us (RELIABILITY.md 1.3):
 * quote errors are fatal and name the line the quote opened on and the column (except a quote
 * left open on the file's last line: that record was cut off, and is a row error the user can
 * skip); ragged rows, NUL characters and oversized fields are row errors; blank lines are
 * skipped and reported; duplicate header names are fatal when the columns' values differ (a
 * repeat holding the same values is renamed `name (2)` with a warning); an empty header name holding values
 * is fatal, except in the first column (R's `write.csv` writes its row numbers under "": the
 * caller shows it as `column 1`, see columnNames); caps on columns, field size and rows. `headerRow: -1` reads a file without a header: columns are named `column 1`, ... and
 * the first record is data.
 *
 * PapaParse runs on the decoded string with `header:false` and `dynamicTyping:false`: never its
 * File/stream/worker paths, which corrupt multi-byte text at chunk boundaries. A text with no
 * quote character is handed over in 64 KB pieces of whole lines in fast mode, without a step
 * callback (PERF.md: its fastest use); a text with quotes goes whole, record by record (step).
 * Line numbers are physical (1-based, in the file as given, `sep=` line included).
 */
import Papa from 'papaparse';
import type { ImportIssue } from '../core/issues.ts';
import { ErrorGrouper, type ErrorGroup } from '../core/import/plausibility.ts';
import { appearsUnquoted, columnNames, cutOffLastRecord, diagnoseQuotes, readLines } from './record-checks.ts';

export { columnNames, diagnoseQuotes, type QuoteProblem } from './record-checks.ts';

export const MAX_COLUMNS = 500;
export const MAX_FIELD_CHARS = 65536;
/**
 * The browser's row cap: a tab holds the decoded text, the row arrays and the typed columns of
 * one file at once, and past about 2M rows that no longer fits a browser's memory promise
 * (DESIGN.md section 8). The command line passes `maxRows: Infinity` (ReadOptions).
 */
export const MAX_ROWS = 2_000_000;
/** The longest header row read (all names together). */
export const MAX_HEADER_CHARS = 65536;
const CHECK_EVERY = 4096;
/**
 * Pieces of this many characters for PapaParse's fast mode: a piece's row arrays stay alive
 * while its rows are converted, and at 1 MB (PERF.md's floor) each young-generation GC copied
 * megabytes of them; 64 KB pieces cost ~5 % less CPU in Node on the 1M-row bench file.
 */
const PIECE_CHARS = 65536;
const PROGRESS_EVERY = 65536;

export interface ReadOptions {
  readonly delimiter: string;
  /** Non-blank records to skip before the header (a title row above it: 1); -1: no header row. */
  readonly headerRow?: number;
  /** Physical lines removed before `text` (a dropped `sep=` line): added to every line number. */
  readonly lineOffset?: number;
  /** No header row (`headerRow: -1`): the number of columns, when not the first record's (a part of a file). */
  readonly headerlessWidth?: number;
  /** Stop after this many data records (inspection reads a sample). */
  readonly maxRecords?: number;
  /** More data records than this is fatal ('too-many-rows'); default MAX_ROWS (the browser's cap). */
  readonly maxRows?: number;
  readonly signal?: AbortSignal;
  /** Called once with the header; returning an issue stops the read with it as the fatal problem. */
  readonly onHeader?: (header: string[]) => ImportIssue | undefined;
  /** Called for every structurally valid data record (`fields.length === header.length`). */
  readonly onRecord?: (fields: string[], line: number, record: number) => void;
  readonly onProgress?: (records: number, charsDone: number) => void;
  /** Cap on listed row errors (all are counted). Default 100. */
  readonly maxListedErrors?: number;
}

export interface ReadResult {
  /** Header names, trimmed. Empty when there is no header. */
  readonly header: string[];
  /** Physical line of the header. */
  readonly headerLine: number;
  readonly fatal?: ImportIssue;
  /** Structural row errors (ragged, NUL, oversized field), capped at maxListedErrors. */
  readonly errors: ImportIssue[];
  readonly errorCount: number;
  /** Every row error grouped by reason (and column). */
  readonly errorGroups: ErrorGroup[];
  readonly warnings: ImportIssue[];
  /** Data records read, including structurally invalid ones; blank lines excluded. */
  readonly recordsRead: number;
  /** Records with a structural error (not passed to onRecord). */
  readonly invalidRecords: number;
  /** Column indexes with an empty name (named `column N`) whose values are all empty too: ignore them. */
  readonly emptyColumns: number[];
  /** True when reading stopped at maxRecords. */
  readonly truncated: boolean;
  /** Physical lines of the blank records skipped between data records. */
  readonly blankLines: number[];
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

function isBlank(fields: readonly string[]): boolean {
  for (let i = 0; i < fields.length; i++) if (fields[i].trim() !== '') return false;
  return true;
}

function listLines(lines: readonly number[]): string {
  const shown = lines.slice(0, 10);
  const text = shown.length === 1 ? `line ${shown[0]}` : `lines ${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
  return lines.length > shown.length ? `${text} and ${lines.length - shown.length} more` : text;
}

/** Reads all records (see module doc). Throws a DOMException 'AbortError' when `signal` aborts. */
export function readRecords(text: string, options: ReadOptions): ReadResult {
  const { delimiter, signal, onRecord, onProgress } = options;
  const headerRow = options.headerRow ?? 0;
  const lineOffset = options.lineOffset ?? 0;
  const maxRecords = options.maxRecords ?? Infinity;
  const maxRows = options.maxRows ?? MAX_ROWS;
  const maxListed = options.maxListedErrors ?? 100;
  const hasNul = text.indexOf('\0') >= 0;

  let header: string[] = [];
  let headerLine = 0;
  let width = 0;
  let fatal: ImportIssue | undefined;
  const errors: ImportIssue[] = [];
  let errorCount = 0;
  const warnings: ImportIssue[] = [];
  let recordsRead = 0;
  let invalidRecords = 0;
  let truncated = false;
  let aborted = false;
  let skippedTitle = 0;
  const blanks: number[] = [];
  let lastDataLine = 0;
  const bareQuoteLines: number[] = [];
  let bareQuoteColumn = '';
  // Empty-named columns: fatal only if some value is filled (csvkit test_empty_columns.csv).
  let unnamed: number[] = [];
  /** Pairs of columns with the same name, and whether their values ever differ. */
  const duplicates: [number, number][] = [];
  let duplicateDiffers: [number, number] | undefined;
  const unnamedFilled = new Set<number>();

  let nextQuote = text.indexOf('"');
  let line = 1 + lineOffset;
  let start = 0;
  let steps = 0;

  const groups = new ErrorGrouper();
  const rowError = (issue: ImportIssue): void => {
    errorCount++;
    groups.add(issue);
    if (errors.length < maxListed) errors.push(issue);
  };

  const readHeader = (fields: string[], at: number): void => {
    header = headerRow < 0 ? Array.from({ length: options.headerlessWidth ?? fields.length }, (_, c) => `column ${c + 1}`) : fields.map((f) => f.trim());
    // A header is a handful of names: one longer than MAX_HEADER_CHARS is not a header (and
    // must not reach the page's DOM); a NUL in a name is binary data.
    const total = header.reduce((n, h) => n + h.length, 0);
    if (headerRow >= 0 && total > MAX_HEADER_CHARS) {
      fatal = { severity: 'fatal', code: 'header-too-long', line: at, message: `line ${at} is ${total.toLocaleString('en')} characters long: too long for a header row (at most ${MAX_HEADER_CHARS.toLocaleString('en')})`, params: { found: total, max: MAX_HEADER_CHARS } };
      header = [];
      return;
    }
    const nul = header.findIndex((h) => h.includes('\0'));
    if (headerRow >= 0 && nul >= 0) {
      fatal = { severity: 'fatal', code: 'control-character', line: at, column: `column ${nul + 1}`, message: `line ${at}, column ${nul + 1}: the header name contains a NUL character` };
      header = [];
      return;
    }
    headerLine = at;
    width = header.length;
    if (width > MAX_COLUMNS) {
      fatal = { severity: 'fatal', code: 'too-many-columns', line: at, message: `too many columns (${width} > ${MAX_COLUMNS})`, params: { found: width, max: MAX_COLUMNS } };
      return;
    }
    const seen = new Map<string, number>();
    for (let c = 0; c < width; c++) {
      const name = header[c];
      if (name === '') {
        unnamed.push(c);
        continue;
      }
      const key = name.toLowerCase();
      const first = seen.get(key);
      if (first !== undefined) {
        // A repeated name is kept (as `name (2)`) while both columns hold the same values (ING's
        // two Währung columns); if their values differ nobody can tell them apart: fatal at the end.
        duplicates.push([first, c]);
        continue;
      }
      seen.set(key, c);
    }
  };

  /** The checks on one record (`fields` from `recordStart` to `cursor`, its newline included). True: stop reading. */
  const handle = (fields: string[], at: number, recordStart: number, cursor: number): boolean => {
    if (isBlank(fields)) {
      if (headerLine > 0) blanks.push(at);
      return false;
    }
    if (headerLine === 0) {
      if (skippedTitle < headerRow) {
        skippedTitle++;
        return false;
      }
      readHeader(fields, at);
      if (!fatal && options.onHeader) fatal = options.onHeader(header);
      if (fatal) return true;
      // Without a header row the first record is data.
      if (headerRow >= 0) return false;
    }

    recordsRead++;
    lastDataLine = at;
    if (recordsRead > maxRows) {
      fatal = { severity: 'fatal', code: 'too-many-rows', line: at, message: `too many rows (more than ${maxRows.toLocaleString('en')})`, params: { max: maxRows } };
      return true;
    }
    if (++steps === CHECK_EVERY) {
      steps = 0;
      if (signal?.aborted) {
        aborted = true;
        return true;
      }
    }
    if (onProgress && recordsRead % PROGRESS_EVERY === 0) onProgress(recordsRead, cursor);

    if (fields.length !== width) {
      invalidRecords++;
      const few = fields.length < width;
      rowError({
        severity: 'error', code: few ? 'too-few-fields' : 'too-many-fields', line: at, record: recordsRead,
        message: `line ${at}: expected ${width} fields, found ${fields.length}`, params: { expected: width, found: fields.length },
      });
    } else {
      let bad = false;
      if (cursor - recordStart > MAX_FIELD_CHARS) {
        for (let c = 0; c < width && !bad; c++) {
          if (fields[c].length > MAX_FIELD_CHARS) {
            bad = true;
            rowError({ severity: 'error', code: 'field-too-long', line: at, record: recordsRead, column: header[c], message: `line ${at}, column ${header[c] || c + 1} exceeds 64 KB`, params: { max: MAX_FIELD_CHARS } });
          }
        }
      }
      if (hasNul && !bad) {
        for (let c = 0; c < width && !bad; c++) {
          if (fields[c].indexOf('\0') >= 0) {
            bad = true;
            rowError({ severity: 'error', code: 'control-character', line: at, record: recordsRead, column: header[c], message: `line ${at}, column ${header[c] || c + 1}: contains a NUL character` });
          }
        }
      }
      if (bad) {
        invalidRecords++;
      } else {
        for (let u = 0; u < unnamed.length; u++) if (fields[unnamed[u]].trim() !== '') unnamedFilled.add(unnamed[u]);
        if (duplicates.length && !duplicateDiffers) {
          for (const pair of duplicates) if (fields[pair[0]].trim() !== fields[pair[1]].trim()) duplicateDiffers = pair;
        }
        // The next quote in the text, cached: rescanning from every record would be quadratic.
        if (nextQuote >= 0 && nextQuote < recordStart) nextQuote = text.indexOf('"', recordStart);
        if (nextQuote >= 0 && nextQuote < cursor) {
          const raw = text.slice(recordStart, text.charCodeAt(cursor - 1) === 10 ? cursor - 1 : cursor);
          for (let c = 0; c < width; c++) {
            if (fields[c].indexOf('"') >= 0 && appearsUnquoted(raw, fields[c], delimiter)) {
              bareQuoteLines.push(at);
              bareQuoteColumn ||= header[c];
              break;
            }
          }
        }
        onRecord?.(fields, at, recordsRead);
      }
    }
    if (recordsRead >= maxRecords) {
      truncated = true;
      return true;
    }
    return false;
  };


  const step = (results: Papa.ParseStepResult<string[]>, parser: Papa.Parser): void => {
    const fields = results.data;
    const cursor = results.meta.cursor;
    const at = line;
    // Lines this record spans: one, plus the newlines inside quoted fields.
    const nl = text.indexOf('\n', start);
    if (nl >= 0 && nl < cursor - 1) {
      for (let p = nl; p < cursor - 1; p++) if (text.charCodeAt(p) === 10) line++;
    }
    line++;
    const recordStart = start;
    start = cursor;

    if (results.errors.length > 0 && results.errors.some((e) => e.type === 'Quotes')) {
      const problem = diagnoseQuotes(text, recordStart, at, delimiter);
      const colName = (c: number): string => header[c] || `column ${c + 1}`;
      if (problem?.code === 'unclosed-quote' && headerLine > 0 && cutOffLastRecord(text, recordStart)) {
        recordsRead++;
        invalidRecords++;
        rowError({
          severity: 'error', code: 'truncated-last-line', line: problem.line, record: recordsRead, column: colName(problem.column),
          message: `line ${problem.line}: the last line is cut off (a quote in column ${colName(problem.column)} is never closed); skip it or export the file again`,
        });
        parser.abort();
        return;
      }
      if (problem) {
        const column = colName(problem.column);
        const message =
          problem.code === 'unclosed-quote'
            ? `quote opened on line ${problem.line} (column ${column}) is never closed`
            : problem.code === 'backslash-quote'
              ? `line ${problem.line}, column ${column}: the file uses backslash-escaped quotes (\\"); re-export as standard CSV`
              : `line ${problem.line}, column ${column}: text after a closing quote`;
        fatal = { severity: 'fatal', code: problem.code === 'backslash-quote' ? 'invalid-quote' : problem.code, line: problem.line, column, message, ...(problem.code === 'backslash-quote' ? { params: { hint: 're-export as standard CSV' } } : {}) };
      } else {
        fatal = { severity: 'fatal', code: 'invalid-quote', line: at, message: `line ${at}: malformed quotes` };
      }
      parser.abort();
      return;
    }

    if (handle(fields, at, recordStart, cursor)) parser.abort();
  };

  if (nextQuote < 0) {
    // No quote anywhere: every record is one line, and PapaParse's fastest mode (chunks of
    // whole lines, no step callback: no result object per row) gives the same fields.
    readLines(text, delimiter, PIECE_CHARS, (fields, recordStart, cursor) => handle(fields, line++, recordStart, cursor));
  } else {
    Papa.parse<string[]>(text, { delimiter, header: false, dynamicTyping: false, quoteChar: '"', escapeChar: '"', skipEmptyLines: false, step });
  }
  if (aborted) throw new DOMException('import cancelled', 'AbortError');

  if (!fatal && headerLine === 0) {
    fatal = text.trim() === ''
      ? { severity: 'fatal', code: 'no-header', message: 'no header row (the file has only blank lines)' }
      : { severity: 'fatal', code: 'no-header', message: 'no header row' };
  }
  if (!fatal && duplicates.length) {
    const [a, b] = duplicateDiffers ?? duplicates[0];
    const name = header[a];
    if (duplicateDiffers) {
      fatal = {
        severity: 'fatal', code: 'duplicate-column', line: headerLine, column: name,
        message: `column '${name}' appears twice (columns ${a + 1} and ${b + 1})`,
        params: { first: a + 1, second: b + 1 },
      };
    } else {
      warnings.push({
        severity: 'warning', code: 'duplicate-column-same-values', line: headerLine, column: name,
        message: `column '${name}' appears twice (columns ${a + 1} and ${b + 1}) with the same values; the second is shown as '${columnNames(header)[b]}'`,
        params: { first: a + 1, second: b + 1 },
      });
    }
  }
  if (!fatal && unnamed.length) {
    // An unnamed first column holding values is a row-number column (R's write.csv): kept as
    // `column 1`. An unnamed column elsewhere holding values is fatal (nobody can tell what it is).
    const filled = unnamed.find((c) => c > 0 && unnamedFilled.has(c));
    if (filled !== undefined) {
      fatal = { severity: 'fatal', code: 'empty-column-name', line: headerLine, message: `column ${filled + 1} has no name`, params: { position: filled + 1 } };
    } else if (unnamed[0] === 0 && unnamedFilled.has(0)) {
      warnings.push({
        severity: 'warning', code: 'unnamed-first-column', line: headerLine, column: 'column 1',
        message: 'the first column has no name (row numbers, as R writes them); it is shown as "column 1"',
      });
    }
  }
  if (!fatal && recordsRead === 0) {
    fatal = { severity: 'fatal', code: 'no-data', line: headerLine, message: 'no data rows (the file has only a header)' };
  }
  const inner = blanks.filter((l) => l < lastDataLine);
  if (inner.length) {
    warnings.push({
      severity: 'warning', code: 'blank-lines', line: inner[0],
      message: `skipped ${plural(inner.length, 'empty line', 'empty lines')} (${listLines(inner)})`,
      params: { count: inner.length, lines: inner.slice(0, 20).join(',') },
    });
  }
  if (bareQuoteLines.length) {
    warnings.push({
      severity: 'warning', code: 'bare-quote', line: bareQuoteLines[0], column: bareQuoteColumn,
      message: `quotes inside unquoted fields kept as written (${listLines(bareQuoteLines)})`,
      params: { count: bareQuoteLines.length },
    });
  }
  unnamed = unnamed.filter((c) => !unnamedFilled.has(c));
  return { header, headerLine, ...(fatal ? { fatal } : {}), errors, errorCount, errorGroups: groups.list(), warnings, recordsRead, invalidRecords, emptyColumns: unnamed, truncated, blankLines: inner };
}
