/**
 * Step 2 of `parseFile`: per-type record validation. Converts one raw cell by its field type
 * (core/schema/kinds.ts) into the builder's scratch value, or reports why it cannot.
 *
 * Rules:
 * - Missing = empty or a null token (core/parse/null-token.ts); in a date column also `0` and
 *   `0000-00-00` (WooCommerce writes 0 for "no date"). Whether missing is an error is the
 *   caller's decision (required fields, inherited line-item values).
 * - Ids stay strings (normaliseId: trimmed, NFC). Ids in Excel's scientific notation are errors;
 *   invisible characters in ids are remembered for one warning.
 * - Dates are read with the column's order (decided from the whole column at inspection). One
 *   column may mix written styles (`21-07-2015` and `5/1/2015` after a spreadsheet round trip):
 *   every value is read with the same day/month order and the styles are counted for a note.
 * - Numbers use the file's decimal and thousands marks; currency marks are allowed on money.
 * O(length of the cell); no allocation on the hot path apart from the interned string.
 */
import { implausibleNumberText, type ImplausibleNumberParams, type ImportIssue } from '../../core/issues.ts';
import { isNullToken } from '../../core/parse/null-token.ts';
import { explainNumber, parseLocaleNumber } from '../../core/parse/number.ts';
import { parseDate } from '../../core/parse/date.ts';
import { explainDate } from '../../core/parse/date-detect.ts';
import { hasInvisibleChars, looksLikeScientificNotation, normaliseId } from '../../core/parse/id.ts';
import type { DateOrder, DecimalMark, ThousandsMark } from '../../core/parse/formats.ts';
import type { Builder } from './column-builder.ts';
import { SENTINEL_FROM } from './plausible-dates.ts';

export interface CellContext {
  readonly decimal: DecimalMark;
  readonly thousands: ThousandsMark;
  readonly dateOrder: DateOrder;
}

/** `0`, `0000-00-00` and `00.00.0000` (with or without a time) mean "no date". */
const RE_ZERO_DATE = /^\s*0+(?:[-./]0+[-./]0+(?:[ T][\d:.]+)?)?\s*$/;

/** Is the raw cell missing for this builder (null token, or a zero date in a date column)? */
export function isMissingCell(b: Builder, raw: string): boolean {
  if (isNullToken(raw)) {
    if (raw.length > 0 && raw.trim() !== '') (b.nullTokens ??= new Set()).add(raw.trim());
    return true;
  }
  if (b.type === 'date' && startsWithZero(raw) && RE_ZERO_DATE.test(raw)) {
    (b.nullTokens ??= new Set()).add(raw.trim());
    return true;
  }
  return false;
}

/**
 * A written style of a date as one integer (no allocation): digit runs (1-2 digits or more) and
 * separators up to a space or `T`, e.g. `21-07-2015` and `5/1/2015` differ, `5/1/2015` and
 * `12/11/2015` do not.
 */
function dateStyle(raw: string): number {
  let key = 0;
  let run = 0;
  let i = 0;
  while (i < raw.length && raw.charCodeAt(i) === 32) i++;
  for (let k = 0; i < raw.length && k < 12; i++, k++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      run++;
      continue;
    }
    if (c === 32 || c === 84) break;
    if (run) key = key * 7 + (run > 2 ? 2 : 1);
    run = 0;
    key = key * 7 + (c === 45 ? 3 : c === 47 ? 4 : c === 46 ? 5 : 6);
  }
  if (run) key = key * 7 + (run > 2 ? 2 : 1);
  return key;
}

/** Does the trimmed cell start with `0`? (Cheap pre-check before the zero-date pattern.) */
function startsWithZero(raw: string): boolean {
  let i = 0;
  while (i < raw.length && raw.charCodeAt(i) === 32) i++;
  return raw.charCodeAt(i) === 48;
}

/** Money above this (in any currency unit) is a typo or a mangled export, not an order. */
export const MAX_MONEY = 1e12;

/** Significant digits in the number's text: from the first to the last non-zero digit (marks and currency aside). */
function digitCount(raw: string): number {
  let first = -1;
  let last = -1;
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c < 48 || c > 57) continue;
    if (c !== 48) {
      if (first < 0) first = n;
      last = n;
    }
    n++;
  }
  return first < 0 ? 0 : last - first + 1;
}

/** Why a parsed number cannot be stored as written, or undefined. */
function implausibleNumber(b: Builder, raw: string, v: number): ImplausibleNumberParams | undefined {
  if (digitCount(raw) > 15) return { reason: 'too-many-digits', digits: 15 };
  if (b.type === 'money' && Math.abs(v) >= MAX_MONEY) return { reason: Math.abs(v) >= 1e15 ? 'amount-far-too-large' : 'amount-too-large', limit: MAX_MONEY };
  return undefined;
}

/**
 * One pass over an id cell: 0 = printable ASCII without spaces and without `e`/`E`, 1 = the same
 * with an `e`/`E` (maybe scientific notation), 2 = anything else (spaces, controls, non-ASCII).
 */
function asciiIdShape(raw: string): number {
  let e = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f) return 2;
    if ((c | 0x20) === 0x65) e = 1;
  }
  return e;
}

/**
 * Converts `raw` (not missing) into `b.sNum` / `b.sStr`. Returns undefined when it is valid,
 * else the error to report (the row is then invalid).
 */
export function convertCell(b: Builder, raw: string, line: number, record: number, ctx: CellContext): ImportIssue | undefined {
  b.sNum = NaN;
  b.sStr = undefined;
  switch (b.type) {
    case 'id': {
      // Printable ASCII (the common case): already trimmed and NFC, nothing invisible.
      const shape = asciiIdShape(raw);
      if (shape === 0 || (shape === 1 && !looksLikeScientificNotation(raw))) {
        b.sStr = raw;
        return undefined;
      }
      const v = normaliseId(raw);
      if (looksLikeScientificNotation(v)) {
        return { severity: 'error', code: 'ids-look-like-scientific-notation', line, record, column: b.header, value: raw, message: `line ${line}, column ${b.header}: '${raw}': IDs look like scientific notation: format the column as Text and re-export` };
      }
      if (hasInvisibleChars(raw)) (b.invisibleLines ??= []).push(line);
      b.sStr = v;
      return undefined;
    }
    case 'date': {
      const d = parseDate(raw, ctx.dateOrder);
      if (Number.isNaN(d)) {
        return { severity: 'error', code: 'invalid-date', line, record, column: b.header, value: raw, message: `line ${line}, column ${b.header}: ${explainDate(raw, ctx.dateOrder)}` };
      }
      if (b.sentinel && d >= SENTINEL_FROM) {
        b.sentinels++;
        return undefined;
      }
      const style = dateStyle(raw);
      if (style === b.lastStyle && b.lastStyleCount) b.lastStyleCount.count++;
      else {
        const styles = (b.styles ??= new Map());
        let seen = styles.get(style);
        if (seen) seen.count++;
        else if (styles.size < 8) styles.set(style, (seen = { count: 1, example: raw.trim() }));
        b.lastStyle = style;
        b.lastStyleCount = seen;
      }
      b.sNum = d;
      return undefined;
    }
    case 'money':
    case 'number': {
      const v = parseLocaleNumber(raw, ctx.decimal, ctx.thousands);
      if (Number.isNaN(v)) {
        return { severity: 'error', code: 'unparseable-number', line, record, column: b.header, value: raw, message: `line ${line}, column ${b.header}: ${explainNumber(raw, ctx.decimal, ctx.thousands)}` };
      }
      const problem = implausibleNumber(b, raw, v);
      if (problem) return { severity: 'error', code: 'implausible-number', line, record, column: b.header, value: raw, message: `line ${line}, column ${b.header}: '${raw.trim()}' ${implausibleNumberText(problem)}`, params: problem };
      b.sNum = v === 0 ? 0 : v;
      return undefined;
    }
    default:
      b.sStr = raw.trim();
      return undefined;
  }
}
