/**
 * The messages of a part read as the file's (combine-parts.ts, issue #13): line and record numbers
 * shifted to the file's own, and the warnings that count rows or list lines merged as parseFile
 * would have written them for the whole file.
 */
import type { ImportIssue } from '../../core/issues.ts';
import type { ParsedFile } from '../types.ts';

/** `line N`, `lines N, M` and `lines N-M` in a message, moved by `d` (the value quoted in it is left alone). */
export function shiftLines(message: string, d: number, value?: string): string {
  if (d === 0) return message;
  const shift = (text: string) => text.replace(/\blines? (\d+(?:(?:, | and |-)\d+)*)/g, (m) => m.replace(/\d+/g, (x) => String(Number(x) + d)));
  const at = value ? message.indexOf(value) : -1;
  if (!value || at < 0) return shift(message);
  return shift(message.slice(0, at)) + value + shift(message.slice(at + value.length));
}

export function shiftIssue(issue: ImportIssue, lines: number, records: number): ImportIssue {
  if (lines === 0 && records === 0) return issue;
  const out: { -readonly [K in keyof ImportIssue]: ImportIssue[K] } = { ...issue, message: shiftLines(issue.message, lines, issue.value) };
  if (issue.line !== undefined) out.line = issue.line + lines;
  if (issue.record !== undefined) out.record = issue.record + records;
  const listed = issue.params?.lines;
  if (typeof listed === 'string' && /^\d+(,\d+)*$/.test(listed)) out.params = { ...issue.params, lines: listed.split(',').map((x) => Number(x) + lines).join(',') };
  return out;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** The lines a listLines text names ("line 3", "lines 3, 4 and 6", "... and 5 more"), the "more" apart. */
function listedLines(message: string): { lines: number[]; at: number } | undefined {
  const m = /\((lines? [\d, ]+(?: and \d+)?)(?: and \d+ more)?\)$/.exec(message);
  if (!m) return undefined;
  return { lines: (m[1].match(/\d+/g) ?? []).map(Number), at: m.index };
}

/** Two parts' warnings of one listed kind as the whole file's: counts added, lines listed as listLines does. */
function mergeListed(a: ImportIssue, b: ImportIssue): ImportIssue {
  const la = listedLines(a.message);
  const lb = listedLines(b.message);
  const count = Number(a.params?.count ?? la?.lines.length ?? 0) + Number(b.params?.count ?? lb?.lines.length ?? 0);
  if (!la || !lb) return a;
  const lines = [...la.lines, ...lb.lines].slice(0, 10);
  const text = lines.length === 1 ? `line ${lines[0]}` : `lines ${lines.slice(0, -1).join(', ')} and ${lines[lines.length - 1]}`;
  const list = `(${count > lines.length ? `${text} and ${count - lines.length} more` : text})`;
  let head = a.message.slice(0, la.at);
  if (a.code === 'blank-lines') head = `skipped ${plural(count, 'empty line', 'empty lines')} `;
  const params: Record<string, string | number> = { ...a.params, count };
  if (typeof a.params?.lines === 'string' && typeof b.params?.lines === 'string') params.lines = `${a.params.lines},${b.params.lines}`.split(',').slice(0, 20).join(',');
  return { ...a, message: head + list, params };
}

/** Values listed in a warning's param, once each, in order. */
const union = (a: unknown, b: unknown, sep: string): string[] => [...new Set([...String(a ?? '').split(sep), ...String(b ?? '').split(sep)].filter((x) => x !== ''))];

/**
 * Warnings whose counts or lists add up across parts, merged as parseFile would have written them
 * for the whole file (the wording is parse-file.ts's and read-records.ts's; the corpus test in
 * tests/unit/cli/parse-in-parts.test.ts fails when one changes). Other warnings keep the first
 * part's wording.
 */
export const MERGED: Readonly<Record<string, (a: ImportIssue, b: ImportIssue) => ImportIssue>> = {
  'blank-lines': mergeListed,
  'bare-quote': mergeListed,
  'mrr-from-billing-period': (a, b) => {
    const rows = Number(a.params?.rows ?? 0) + Number(b.params?.rows ?? 0);
    return { ...a, params: { ...a.params, rows }, message: `${rows} prices converted to monthly amounts (MRR) from their billing period and interval` };
  },
  'unknown-billing-period': (a, b) => {
    const periods = union(a.params?.periods, b.params?.periods, ', ');
    return { ...a, params: { ...a.params, periods: periods.join(', ') }, message: `billing periods ${periods.map((u) => `'${u}'`).join(', ')} are not understood; those prices are kept as monthly amounts` };
  },
  'null-tokens': (a, b) => {
    const tokens = union(a.params?.tokens, b.params?.tokens, ',');
    return { ...a, params: { ...a.params, tokens: tokens.join(',') }, message: `column ${a.column}: ${tokens.map((t) => `'${t}'`).join(', ')} read as missing (null-token policy)` };
  },
};

/** A part's fatal problem as the file's: lines shifted, and where in the file when it names none. */
export function fatalOfPart(p: ParsedFile, lineShift: number, firstLine: number): ParsedFile {
  const f = p.fatal as ImportIssue;
  const fatal = f.line !== undefined ? shiftIssue(f, lineShift, 0) : { ...f, message: `${f.message} (in the part of the file from line ${firstLine})` };
  return { ...p, fatal, warnings: p.warnings.map((w) => shiftIssue(w, lineShift, 0)) };
}
