/**
 * Step 4 of the import pipeline: find the delimiter and the header row from the first records.
 *
 * Why not PapaParse's guesser: it fails on decimal commas, tabs and multi-line fields
 * (RELIABILITY.md 1.3, issues #153 #290 #1005 #1077). We count each candidate outside quotes
 * over the first ~20 records and prefer the one that splits every record into the same number
 * (> 1) of fields. The result is always shown and can be overridden.
 */
import type { DetectionReason } from '../core/parse/detection-reason.ts';

export const DELIMITER_CANDIDATES: readonly string[] = [',', ';', '\t', '|'];

export interface DelimiterGuess {
  /** Best candidate, or undefined when no candidate splits the records (one-column file, JSON...). */
  readonly delimiter: string | undefined;
  /** True when a second candidate also splits the records consistently (the user should confirm). */
  readonly ambiguous: boolean;
  readonly evidence: string;
  /** The evidence as a code with params, for the page. */
  readonly why: DetectionReason;
  /** The runner-up, when ambiguous. */
  readonly alternative?: string;
}

/**
 * Splits the start of `text` into at most `maxRecords` non-blank records for `delimiter`,
 * honouring double quotes (a quoted newline does not end a record). Returns field counts.
 * Cost: linear in the characters scanned (capped at 256 KB).
 */
export function fieldCounts(text: string, delimiter: string, maxRecords = 20): number[] {
  const counts: number[] = [];
  const end = Math.min(text.length, 262144);
  const d = delimiter.charCodeAt(0);
  let inQuotes = false;
  let fields = 1;
  let lineHasContent = false;
  for (let i = 0; i < end && counts.length < maxRecords; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      inQuotes = !inQuotes;
      lineHasContent = true;
    } else if (inQuotes) continue;
    else if (c === d) {
      fields++;
      lineHasContent = true;
    } else if (c === 10) {
      if (lineHasContent) counts.push(fields);
      fields = 1;
      lineHasContent = false;
    } else if (c !== 32 && c !== 9) lineHasContent = true;
  }
  if (lineHasContent && counts.length < maxRecords) counts.push(fields);
  return counts;
}

interface Score {
  readonly delimiter: string;
  /** Most common field count among records. */
  readonly mode: number;
  /** Share of records having the modal count. */
  readonly share: number;
  readonly records: number;
  /** The first record (the header) has the modal count too: a header split differently from the data rows is evidence against the candidate. */
  readonly headerFits: boolean;
}

function score(text: string, delimiter: string): Score {
  const counts = fieldCounts(text, delimiter);
  const freq = new Map<number, number>();
  for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1);
  let mode = 1;
  let best = 0;
  for (const [c, k] of freq) {
    if (k > best || (k === best && c > mode)) {
      mode = c;
      best = k;
    }
  }
  return { delimiter, mode, share: counts.length ? best / counts.length : 0, records: counts.length, headerFits: counts[0] === mode };
}

/** Does `d` occur in the first 20 lines only between two digits or before a space? */
function onlyInsideValues(text: string, d: string): boolean {
  const lines = text.slice(0, 65536).split('\n', 20);
  let seen = 0;
  for (const line of lines) {
    for (let i = line.indexOf(d); i >= 0; i = line.indexOf(d, i + 1)) {
      seen++;
      const before = line.charCodeAt(i - 1);
      const after = line.charCodeAt(i + 1);
      const digits = before >= 48 && before <= 57 && after >= 48 && after <= 57;
      if (!digits && after !== 32) return false;
    }
  }
  return seen > 0;
}

const NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };
export const delimiterName = (d: string): string => NAMES[d] ?? JSON.stringify(d);

/** Picks the delimiter (see module doc). */
export function sniffDelimiter(text: string): DelimiterGuess {
  const scores = DELIMITER_CANDIDATES.map((d) => score(text, d))
    .filter((s) => s.mode > 1)
    .sort((a, b) => Number(b.headerFits) - Number(a.headerFits) || b.share - a.share || b.mode - a.mode);
  if (scores.length === 0) return { delimiter: undefined, ambiguous: false, evidence: 'no comma, semicolon, tab or pipe splits the lines', why: { code: 'delimiter-none' } };
  const [first, second] = scores;
  const evidence = `${delimiterName(first.delimiter)}: ${Math.round(first.share * 100)}% of the first ${first.records} records have ${first.mode} fields`;
  const why: DetectionReason = { code: 'delimiter-fields', params: { delimiter: first.delimiter, percent: Math.round(first.share * 100), records: first.records, fields: first.mode } };
  // A runner-up that also splits most records (commas inside pipe-separated names, decimal commas
  // in a semicolon file) means a human should look at the preview — unless the header settles it:
  // `Order ID;Amount` is one field by comma, so decimal commas in the rows cannot make comma the delimiter.
  // Nor when the winner splits every record alike into more fields and the runner-up only ever
  // sits inside numbers or before a space (`-0,42`, `Usage, specific`): decimal commas in a
  // headerless semicolon file.
  const ambiguous =
    second !== undefined && second.share >= 0.5 && first.share - second.share < 0.5 && !(first.headerFits && !second.headerFits) &&
    !(first.share === 1 && first.mode > second.mode && onlyInsideValues(text, second.delimiter));
  return ambiguous ? { delimiter: first.delimiter, ambiguous, evidence, why, alternative: second.delimiter } : { delimiter: first.delimiter, ambiguous, evidence, why };
}

export interface HeaderRowGuess {
  /** 0-based index of the header among the non-blank records, or -1 when the file has no header row. */
  readonly headerRow: number;
  /** True when the user should confirm (a title or preamble above the header, or no header at all). */
  readonly unsure: boolean;
  /** 'title': rows above the header; 'none': the first row is data. */
  readonly reason?: 'title' | 'preamble' | 'none';
  readonly evidence: string;
  /** The evidence as a code with params, for the page. */
  readonly why: DetectionReason;
}

const nonEmpty = (fields: readonly string[]): number => fields.reduce((n, f) => (f.trim() ? n + 1 : n), 0);
/** A value rather than a name: a number, date or amount (`01.01.2014`, `-0,42`, `+12,10`), or an IBAN. */
const looksLikeValue = (f: string): boolean => {
  const t = f.trim();
  return (/^[\d\s.,:/+-]+$/.test(t) && /\d/.test(t)) || /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(t) || /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i.test(t);
};

/**
 * Finds the header among the first non-blank records.
 * - The width of the table is the most common field count of the records after the first.
 * - The header is the first record of that width with at least two filled fields; records
 *   above it are a title (one record) or a preamble (several: a bank's account details).
 * - A header that holds values (two or more fields that are numbers, dates, amounts, IBANs or
 *   e-mails, and at least half of its filled fields) is data: the file has no header row.
 */
export function sniffHeaderRow(records: readonly (readonly string[])[]): HeaderRowGuess {
  const firstLine: HeaderRowGuess = { headerRow: 0, unsure: false, evidence: 'first line', why: { code: 'header-first-line' } };
  if (records.length < 2) return firstLine;
  const counts = new Map<number, number>();
  for (const r of records.slice(1)) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  let width = records[0].length;
  let best = 0;
  for (const [w, c] of counts) if (c > best || (c === best && w > width)) [width, best] = [w, c];
  let idx = records.findIndex((r) => r.length === width && nonEmpty(r) >= Math.min(2, width));
  if (idx < 0) idx = 0;
  const header = records[idx];
  const values = header.filter(looksLikeValue);
  if (values.length >= 2 && values.length * 2 >= nonEmpty(header)) {
    return {
      headerRow: -1, unsure: true, reason: 'none',
      evidence: `line ${idx + 1} holds values (${values.slice(0, 3).map((v) => `'${v.trim()}'`).join(', ')}), not column names: the file has no header row`,
      why: { code: 'header-none', params: { line: idx + 1, values: values.slice(0, 3).map((v) => `'${v.trim()}'`).join(', ') } },
    };
  }
  if (idx === 0) return firstLine;
  const restFits = records.slice(idx + 1).filter((r) => r.length === width).length >= Math.max(1, (records.length - idx - 1) * 0.8);
  const above = records.slice(0, idx);
  const narrower = above.every((r) => r.length < width || nonEmpty(r) <= 1);
  if (!restFits || !narrower) return firstLine;
  const title = records[0].find((f) => f.trim()) ?? '';
  if (idx === 1) {
    return { headerRow: 1, unsure: true, reason: 'title', evidence: `line 1 ("${title}") looks like a title; line 2 looks like the header`, why: { code: 'header-title', params: { title } } };
  }
  return {
    headerRow: idx, unsure: true, reason: 'preamble',
    evidence: `the first ${idx} non-empty lines have fewer fields than the table (${width}); they look like a title or account details ("${title}" ...), and the header follows them`,
    why: { code: 'header-preamble', params: { count: idx, width, title } },
  };
}
