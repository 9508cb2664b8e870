/**
 * Step 4 of the import pipeline: find the delimiter and the header row from the first records.
 *
 * Why not PapaParse's guesser: it fails on decimal commas, tabs and multi-line fields
 * (RELIABILITY.md 1.3, issues #153 #290 #1005 #1077). We count each candidate outside quotes
 * over the first ~20 records and prefer the one that splits every record into the same number
 * (> 1) of fields. The result is always shown and can be overridden.
 */
export const DELIMITER_CANDIDATES: readonly string[] = [',', ';', '\t', '|'];

export interface DelimiterGuess {
  /** Best candidate, or undefined when no candidate splits the records (one-column file, JSON...). */
  readonly delimiter: string | undefined;
  /** True when a second candidate also splits the records consistently (the user should confirm). */
  readonly ambiguous: boolean;
  readonly evidence: string;
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

const NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };
export const delimiterName = (d: string): string => NAMES[d] ?? JSON.stringify(d);

/** Picks the delimiter (see module doc). */
export function sniffDelimiter(text: string): DelimiterGuess {
  const scores = DELIMITER_CANDIDATES.map((d) => score(text, d))
    .filter((s) => s.mode > 1)
    .sort((a, b) => Number(b.headerFits) - Number(a.headerFits) || b.share - a.share || b.mode - a.mode);
  if (scores.length === 0) return { delimiter: undefined, ambiguous: false, evidence: 'no comma, semicolon, tab or pipe splits the lines' };
  const [first, second] = scores;
  const evidence = `${delimiterName(first.delimiter)}: ${Math.round(first.share * 100)}% of the first ${first.records} records have ${first.mode} fields`;
  // A runner-up that also splits most records (commas inside pipe-separated names, decimal commas
  // in a semicolon file) means a human should look at the preview — unless the header settles it:
  // `Order ID;Amount` is one field by comma, so decimal commas in the rows cannot make comma the delimiter.
  const ambiguous =
    second !== undefined && second.share >= 0.5 && first.share - second.share < 0.5 && !(first.headerFits && !second.headerFits);
  return ambiguous ? { delimiter: first.delimiter, ambiguous, evidence, alternative: second.delimiter } : { delimiter: first.delimiter, ambiguous, evidence };
}

export interface HeaderRowGuess {
  /** 0-based index among non-blank records of the most likely header. */
  readonly headerRow: number;
  /** True when a title row seems to sit above the header (the user should confirm). */
  readonly unsure: boolean;
  readonly evidence: string;
}

const nonEmpty = (fields: readonly string[]): number => fields.reduce((n, f) => (f.trim() ? n + 1 : n), 0);
const looksLikeValue = (f: string): boolean => /^[\d\s.,:/+-]+$/.test(f.trim()) && /\d/.test(f);

/**
 * Finds the header among the first records: a first record with a single filled field (or far
 * fewer fields than the rest) followed by a fully filled, value-free record is a title row.
 */
export function sniffHeaderRow(records: readonly (readonly string[])[]): HeaderRowGuess {
  if (records.length < 3) return { headerRow: 0, unsure: false, evidence: 'first line' };
  const [a, b] = records;
  const width = b.length;
  const titleLike = nonEmpty(a) <= 1 && width > 1 && (a.length < width || nonEmpty(a) < a.length);
  const headerLike = nonEmpty(b) === width && !b.some(looksLikeValue);
  const restFits = records.slice(2).every((r) => r.length === width);
  if (titleLike && headerLike && restFits) {
    return { headerRow: 1, unsure: true, evidence: `line 1 ("${a.find((f) => f.trim()) ?? ''}") looks like a title; line 2 looks like the header` };
  }
  return { headerRow: 0, unsure: false, evidence: 'first line' };
}
