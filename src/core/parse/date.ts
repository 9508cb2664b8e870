/**
 * Calendar dates as written in CSV exports: ISO `2024-01-15`, `15.01.2024` (also `15.01.2024.`),
 * `15/01/2024`, `01/15/2024`, `15-01-2024`, `2024/01/15`, with an optional time of day
 * (DESIGN.md sections 1 and 2; RELIABILITY.md section 4, hostile-inputs/date-*.csv).
 *
 * A date is stored as a day number: days since 1970-01-01 in the proleptic Gregorian calendar,
 * for the calendar day *as written* (no time zones: `2024-01-15T23:30:00-05:00` is day
 * 2024-01-15). A time of day adds a fraction of a day. Calendar arithmetic is Howard Hinnant's
 * days_from_civil / civil_from_days (https://howardhinnant.github.io/date_algorithms.html), never
 * `Date` parsing, which rolls 2024-02-30 over to 1 March.
 *
 * Bad-input policy: the parsers never throw; they return NaN for wrong shapes and impossible
 * dates or times, and {@link explainDate} says why.
 *
 * Two-digit years (`15/01/24`) are accepted: 00-69 are 2000-2069, 70-99 are 1970-1999 (the
 * POSIX strptime pivot, moved by one year). Excel's US exports write `1/15/24`, and refusing them
 * would block common files; the detected reading is shown to the user before import.
 */
import { isDigitCode, isSpaceCode } from './chars.ts';
import type { DateOrder } from './formats.ts';
import { isNullToken } from './null-token.ts';

const SECONDS_PER_DAY = 86400;

/** Is `y` a Gregorian leap year? */
export function isLeapYear(y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

/** Days in month m (1-12) of year y. */
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * Days from civil: the day number (days since 1970-01-01) of a valid y-m-d.
 * Hinnant's `days_from_civil`; exact integer arithmetic, O(1), valid for any year.
 *
 * @example daysFromCivil(2024, 1, 15) // 19737
 */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400; // [0, 399]
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1; // [0, 365]
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy; // [0, 146096]
  return era * 146097 + doe - 719468;
}

/**
 * Converts a day number (fractions ignored) to `yyyy-mm-dd`. Hinnant's `civil_from_days`.
 * Returns '' for a non-finite day (NaN = missing or invalid). O(1).
 *
 * @example dayToIso(19737) // '2024-01-15'
 */
export function dayToIso(day: number): string {
  if (!Number.isFinite(day)) return '';
  const z = Math.floor(day) + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097; // [0, 146096]
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100)); // [0, 365]
  const mp = Math.floor((5 * doy + 2) / 153); // [0, 11]
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const ys = y < 0 ? `-${String(-y).padStart(4, '0')}` : String(y).padStart(4, '0');
  return `${ys}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** Milliseconds per day. */
const MS_PER_DAY = 86_400_000;

/**
 * The UTC instant (ms since 1970-01-01T00:00Z) of a day number's midnight, for `Date` and
 * `Intl.DateTimeFormat` with `timeZone: 'UTC'`. The one day <-> Date conversion of the code base.
 *
 * @example dayToUtcMs(1) // 86400000
 */
export function dayToUtcMs(day: number): number {
  return day * MS_PER_DAY;
}

/**
 * The day number of a UTC instant (ms); fractions of a day are cut (floor).
 *
 * @example utcMsToDay(Date.UTC(2024, 0, 15, 13)) // 19737
 */
export function utcMsToDay(ms: number): number {
  return Math.floor(ms / MS_PER_DAY);
}

const RE_ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Strict `yyyy-mm-dd` to day number; NaN for any other text or an impossible date.
 *
 * @example isoToDay('2024-02-29') // 19782
 * @example isoToDay('2023-02-29') // NaN
 */
export function isoToDay(iso: string): number {
  const m = RE_ISO_DAY.exec(iso);
  if (m === null) return NaN;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return NaN;
  return daysFromCivil(y, mo, d);
}

/**
 * Excel serial day (1900 date system, as Windows Excel writes it) to day number.
 * Serial 25569 is 1970-01-01; serials from 61 on are exact (Excel's fake 1900-02-29 is serial 60).
 * NaN for serials below 61 or non-finite input. A fractional part is the time of day.
 *
 * @example excelSerialToDay(45306) // 19737 (2024-01-15)
 */
export function excelSerialToDay(serial: number): number {
  if (!Number.isFinite(serial) || serial < 61) return NaN;
  return serial - 25569;
}

// Parts of the last scanDateParts call: used only by the slow paths (dateShape, explainDate).
let p1 = 0;
let p2 = 0;
let p3 = 0;
let len1 = 0;
let len3 = 0;
let sep = 0;

/** Scans `n sep n sep n` at the start of text; fills p1..p3, len1, len3, sep. False if not that shape. */
function scanDateParts(text: string): boolean {
  const e = text.length;
  const j1 = runEnd(text, 0, e, 9);
  len1 = j1;
  if (len1 === 0 || j1 >= e) return false;
  sep = text.charCodeAt(j1);
  if (sep !== 0x2d && sep !== 0x2f && sep !== 0x2e) return false;
  const j2 = runEnd(text, j1 + 1, e, 3);
  if (j2 === j1 + 1 || j2 - j1 - 1 > 2 || j2 >= e || text.charCodeAt(j2) !== sep) return false;
  const j3 = runEnd(text, j2 + 1, e, 9);
  len3 = j3 - j2 - 1;
  p1 = runValue(text, 0, j1);
  p2 = runValue(text, j1 + 1, j2);
  p3 = runValue(text, j2 + 1, j3);
  return len3 > 0;
}

/** Index after the run of at most `max` digits starting at i (pure: no shared state). */
function runEnd(text: string, i: number, end: number, max: number): number {
  const limit = Math.min(end, i + max);
  while (i < limit && isDigitCode(text.charCodeAt(i))) i++;
  return i;
}

/** Value of the digits text[i, j). */
function runValue(text: string, i: number, j: number): number {
  let v = 0;
  for (; i < j; i++) v = v * 10 + (text.charCodeAt(i) - 0x30);
  return v;
}

/**
 * Parses an optional time of day in text[start, end): `[T| |, ]h:mm[:ss[.fff]][ ][AM|PM][ ][Z|UTC|GMT|±hh[:mm]]`.
 * Returns the fraction of a day, or NaN for a malformed or impossible time. Offsets are read and
 * ignored: the day and time are kept as written.
 */
function parseTimeTail(text: string, start: number, end: number): number {
  let i = start;
  if (i === end) return 0;
  let c = text.charCodeAt(i);
  if (c === 0x54 || c === 0x74) i++; // T
  else if (isSpaceCode(c) || c === 0x2c) {
    if (c === 0x2c) i++; // "15.01.2024, 08:00"
    while (i < end && isSpaceCode(text.charCodeAt(i))) i++;
  } else return NaN;
  let j = runEnd(text, i, end, 3);
  if (j === i || j - i > 2 || j >= end || text.charCodeAt(j) !== 0x3a) return NaN;
  const h = runValue(text, i, j);
  i = j + 1;
  j = runEnd(text, i, end, 3);
  if (j - i !== 2) return NaN;
  const mi = runValue(text, i, j);
  i = j;
  let sec = 0;
  if (i < end && text.charCodeAt(i) === 0x3a) {
    j = runEnd(text, i + 1, end, 3);
    if (j - i - 1 !== 2) return NaN;
    sec = runValue(text, i + 1, j);
    i = j;
    c = i < end ? text.charCodeAt(i) : 0;
    if (c === 0x2e || c === 0x2c) {
      j = runEnd(text, i + 1, end, 9);
      if (j === i + 1) return NaN;
      sec += runValue(text, i + 1, j) / 10 ** (j - i - 1);
      i = runEnd(text, j, end, end); // ignore digits beyond nanoseconds
    }
  }
  while (i < end && isSpaceCode(text.charCodeAt(i))) i++;
  let hour = h;
  // AM / PM / a.m. / p.m.
  c = i < end ? text.charCodeAt(i) | 0x20 : 0;
  if (c === 0x61 || c === 0x70) {
    const pm = c === 0x70;
    let k = i + 1;
    if (k < end && text.charCodeAt(k) === 0x2e) k++;
    if (k >= end || (text.charCodeAt(k) | 0x20) !== 0x6d) return NaN;
    k++;
    if (k < end && text.charCodeAt(k) === 0x2e) k++;
    if (h < 1 || h > 12) return NaN;
    hour = (h % 12) + (pm ? 12 : 0);
    i = k;
    while (i < end && isSpaceCode(text.charCodeAt(i))) i++;
  }
  if (hour > 23 || mi > 59 || sec >= 60) return NaN;
  if (i < end && !isZone(text, i, end)) return NaN;
  return (hour * 3600 + mi * 60 + sec) / SECONDS_PER_DAY;
}

/** Is text[i, end) exactly `Z`, `UTC`, `GMT`, `±hh`, `±hhmm` or `±hh:mm` (optionally after UTC/GMT)? */
function isZone(text: string, i: number, end: number): boolean {
  let c = text.charCodeAt(i);
  if ((c === 0x5a || c === 0x7a) && i + 1 === end) return true;
  if (end - i >= 3) {
    const w = text.slice(i, i + 3).toUpperCase();
    if (w === 'UTC' || w === 'GMT') {
      i += 3;
      if (i === end) return true;
      c = text.charCodeAt(i);
    }
  }
  if (c !== 0x2b && c !== 0x2d && c !== 0x2212) return false;
  i++;
  let j = runEnd(text, i, end, 5);
  if (j - i === 4) return j === end && runValue(text, i, i + 2) <= 23 && runValue(text, i + 2, j) <= 59;
  if (j - i !== 2 || runValue(text, i, j) > 23) return false;
  if (j === end) return true;
  if (text.charCodeAt(j) !== 0x3a) return false;
  i = j + 1;
  j = runEnd(text, i, end, 3);
  return j - i === 2 && runValue(text, i, j) <= 59 && j === end;
}

/** Two-digit year pivot: 00-69 -> 2000s, 70-99 -> 1900s. */
function expandYear(y: number, len: number): number {
  if (len === 4) return y;
  if (len === 2) return y < 70 ? 2000 + y : 1900 + y;
  return NaN;
}

/** Value of the `len` ASCII digits at text[i...], or -1 when one of them is not a digit. */
function isoDigits(text: string, i: number, len: number): number {
  let v = 0;
  for (const end = i + len; i < end; i++) {
    const c = text.charCodeAt(i) - 0x30;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

function dayOrNaN(y: number, m: number, d: number): number {
  if (!(y >= 1) || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return NaN;
  return daysFromCivil(y, m, d);
}

/**
 * Parses a date (and optional time) to a day number plus fraction of a day.
 *
 * Shapes (after trimming):
 * - `yyyy-mm-dd`, `yyyy/mm/dd`, `yyyy.mm.dd` (optional trailing dot): year first, always, whatever `order`.
 * - `d.m.yyyy` / `dd.mm.yy`, optional trailing dot (`15.01.2024.` as Slovenes write): always day
 *   first, whatever `order` (nobody writes mm.dd.yyyy).
 * - `d/m/yyyy`, `d-m-yyyy` (and 2-digit years): day first when `order` is 'DMY', month first when
 *   'MDY'; NaN when `order` is 'YMD' (the column's order is unknown, so the caller must ask).
 * - then optionally a time: ` 13:45`, `T13:45:10Z`, ` 1:45 PM`, `13:45:10.250+01:00`, ` 08:00 UTC`.
 *   Zone offsets are ignored (the calendar day as written).
 * - compact `yymmdd` (`930101`, two-digit years 00-69 are 20xx, 70-99 19xx) and `yyyymmdd`
 *   (`20240115`, years 1900-2099), year first whatever `order`; only ever applied to a column
 *   mapped as a date (value-based mapping never takes a compact column for a date).
 * Month names (`March 10, 2024`) and times without a date are NaN.
 *
 * Hot path: no regex, no allocation (unless a `UTC`/`GMT` suffix is checked). O(n).
 *
 * @example parseDate('15.01.2024 08:00', 'MDY') // 19737 + 1/3
 * @example parseDate('2024-02-30', 'YMD') // NaN
 */
export function parseDate(text: string, order: DateOrder): number {
  let s = 0;
  let e = text.length;
  while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
  while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
  // Fast path for the common ISO `yyyy-mm-dd` (the general scan below gives the same result).
  if (e - s === 10 && text.charCodeAt(s + 4) === 0x2d && text.charCodeAt(s + 7) === 0x2d) {
    const y = isoDigits(text, s, 4);
    const m = isoDigits(text, s + 5, 2);
    const d = isoDigits(text, s + 8, 2);
    if (y >= 0 && m >= 0 && d >= 0) return dayOrNaN(y, m, d);
  }
  // Compact year-first dates: yymmdd (930101) and yyyymmdd (20240115), whatever `order`.
  if ((e - s === 6 || e - s === 8) && runEnd(text, s, e, 8) === e) {
    const yl = e - s - 4;
    const y = expandYear(runValue(text, s, s + yl), yl);
    const cd = dayOrNaN(y, runValue(text, s + yl, s + yl + 2), runValue(text, s + yl + 2, e));
    return yl === 4 && (y < 1900 || y > 2099) ? NaN : cd;
  }
  // n1 sep n2 sep n3, all with locals (this runs once per cell).
  const j1 = runEnd(text, s, e, 5);
  const l1 = j1 - s;
  if (l1 === 0 || j1 >= e) return NaN;
  const sp = text.charCodeAt(j1);
  if (sp !== 0x2d && sp !== 0x2f && sp !== 0x2e) return NaN;
  const j2 = runEnd(text, j1 + 1, e, 3);
  const l2 = j2 - j1 - 1;
  if (l2 === 0 || l2 > 2 || j2 >= e || text.charCodeAt(j2) !== sp) return NaN;
  const j3 = runEnd(text, j2 + 1, e, 5);
  const l3 = j3 - j2 - 1;
  if (l3 === 0) return NaN;
  const a = runValue(text, s, j1);
  const b = runValue(text, j1 + 1, j2);
  const c = runValue(text, j2 + 1, j3);
  let day: number;
  if (l1 === 4) {
    if (l3 > 2) return NaN;
    day = dayOrNaN(a, b, c);
  } else {
    if (l1 > 2) return NaN;
    const y = expandYear(c, l3);
    if (sp === 0x2e || order === 'DMY') day = dayOrNaN(y, b, a);
    else if (order === 'MDY') day = dayOrNaN(y, a, b);
    else return NaN;
  }
  if (Number.isNaN(day)) return NaN;
  let i = j3;
  // "15.01.2024." — the Slovene/Hungarian trailing dot.
  if (sp === 0x2e && i < e && text.charCodeAt(i) === 0x2e) i++;
  if (i === e) return day;
  return day + parseTimeTail(text, i, e);
}

/** How a date value is written, for consistency checks across a column. */
export type DateShape = 'ymd' | 'dotted' | 'slash' | 'dash' | 'serial' | 'compact' | 'other';

const RE_SERIAL = /^\d{5}(?:[.,]\d+)?$/;
const RE_COMPACT = /^(?:\d{6}|\d{8})$/;

/** Classifies a (non-null) date cell by shape; fills p1/p2 for slash/dash dates. Slow-ish: trims. */
export function dateShape(text: string): DateShape {
  const t = text.trim();
  if (RE_SERIAL.test(t)) return 'serial';
  if (RE_COMPACT.test(t)) return 'compact';
  if (!scanDateParts(t)) return 'other';
  if (len1 === 4 && len3 <= 2) return 'ymd';
  if (len1 > 2 || (len3 !== 2 && len3 !== 4)) return 'other';
  if (sep === 0x2e) return 'dotted';
  return sep === 0x2f ? 'slash' : 'dash';
}

/**
 * Explains in English why {@link parseDate} returned NaN (slow path, for the issue list).
 *
 * @example explainDate('2024-02-30', 'YMD') // "'2024-02-30' is not a real date: February 2024 has 29 days"
 */
export function explainDate(text: string, order: DateOrder): string {
  const t = text.trim();
  const q = `'${t}'`;
  if (!Number.isNaN(parseDate(text, order))) return `${q} is a valid date`;
  if (t === '') return 'the value is empty';
  const shape = dateShape(t);
  if (shape === 'serial')
    return `${q} looks like an Excel serial day number (${t.split(/[.,]/)[0]} = ${dayToIso(excelSerialToDay(Number.parseInt(t, 10)))}), not a date`;
  if (shape === 'compact') return `${q} is not a real date read as ${t.length === 6 ? 'yymmdd' : 'yyyymmdd'}`;
  if (shape === 'other') {
    if (/^\d+$/.test(t)) return `${q} is a number without separators; write dates as yyyy-mm-dd`;
    if (/[a-z]{3}/i.test(t) && /\d/.test(t))
      return `${q} spells the month as a word; only numeric dates (2024-01-15, 15.01.2024, 15/01/2024) are accepted`;
    return `${q} is not a date in a known format (2024-01-15, 15.01.2024, 15/01/2024, 01/15/2024)`;
  }
  scanDateParts(t);
  let y: number;
  let m: number;
  let d: number;
  if (shape === 'ymd') [y, m, d] = [p1, p2, p3];
  else {
    y = expandYear(p3, len3);
    if (shape === 'dotted' || order === 'DMY') [m, d] = [p2, p1];
    else if (order === 'MDY') [m, d] = [p1, p2];
    else return `${q} could be day-first or month-first; choose the date order for this column`;
  }
  if (m < 1 || m > 12) {
    const hint =
      shape === 'slash' || shape === 'dash'
        ? ` (read as ${order === 'DMY' ? 'day/month' : 'month/day'}; is the order right?)`
        : '';
    return `${q} has month ${m}, but months run from 1 to 12${hint}`;
  }
  if (d < 1 || d > daysInMonth(y, m)) {
    const monthName = MONTHS[m - 1];
    return `${q} is not a real date: ${monthName} ${y} has ${daysInMonth(y, m)} days`;
  }
  return `${q} has a date but the time after it is not understood (use 13:45, 13:45:10 or 1:45 PM)`;
}

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** The date order of a column, decided from its values. */
export interface DateOrderGuess {
  readonly order: DateOrder;
  /** Only day/month-ambiguous slash or dash dates (or contradicting proofs): ask the user. */
  readonly ambiguous: boolean;
  /** All values are whole or fractional numbers in 20000..80000: Excel serial days (ask the user). */
  readonly excelSerial: boolean;
  /** More than one date shape (ISO and dd.mm.yyyy, say) in one column. */
  readonly mixed: boolean;
  /** An English sentence saying what decided it, for the preview. */
  readonly evidence: string;
}

/**
 * Decides a date column's day/month order from all of its sample values (DESIGN.md section 1:
 * "a value > 12 settles it").
 *
 * Per value: year-first is YMD; dotted is DMY; for slash/dash dates a first part > 12 proves
 * DMY and a second part > 12 proves MDY, otherwise the value proves nothing. The column is
 * ambiguous when slash/dash dates exist and none proves the order (the caller asks the user
 * and never guesses; the order returned is then DMY, the European default), or when proofs
 * contradict. Plain numbers 20000..80000 throughout are Excel serial days. Null tokens are
 * skipped. Complexity O(total length).
 *
 * @example detectDateOrder(['01/02/2024', '13/02/2024']) // { order: 'DMY', ambiguous: false, ... }
 */
export function detectDateOrder(samples: readonly string[]): DateOrderGuess {
  const shapes = new Set<DateShape>();
  let dmy = 0;
  let mdy = 0;
  let undecided = 0;
  let serials = 0;
  let values = 0;
  let dmyExample = '';
  let mdyExample = '';
  let undecidedExample = '';
  for (const raw of samples) {
    const t = raw.trim();
    if (t === '' || isNullToken(t)) continue;
    values++;
    const shape = dateShape(t);
    shapes.add(shape);
    if (shape === 'serial') {
      const v = Number(t.replace(',', '.'));
      if (v >= 20000 && v <= 80000) serials++;
      continue;
    }
    if (shape === 'slash' || shape === 'dash') {
      if (p1 > 12 && p2 <= 12) {
        dmy++;
        dmyExample ||= t;
      } else if (p2 > 12 && p1 <= 12) {
        mdy++;
        mdyExample ||= t;
      } else if (p1 <= 12 && p2 <= 12) {
        undecided++;
        undecidedExample ||= t;
      }
    } else if (shape === 'dotted') {
      dmy++;
      dmyExample ||= t;
    }
  }
  const recognised = [...shapes].filter((x) => x !== 'other');
  const mixed = recognised.length > 1 || (recognised.length === 1 && shapes.has('other'));
  if (values > 0 && serials === values) {
    return {
      order: 'YMD',
      ambiguous: false,
      excelSerial: true,
      mixed: false,
      evidence: `All ${values} value(s) are numbers between 20000 and 80000, which look like Excel serial day numbers (45306 = 2024-01-15).`,
    };
  }
  const mixedNote = mixed ? ` The column mixes date formats (${[...shapes].join(', ')}).` : '';
  if (dmy > 0 && mdy > 0) {
    return {
      order: dmy >= mdy ? 'DMY' : 'MDY',
      ambiguous: true,
      excelSerial: false,
      mixed,
      evidence: `Some values prove day-first ('${dmyExample}') and others month-first ('${mdyExample}'); the column is inconsistent.${mixedNote}`,
    };
  }
  if (dmy > 0)
    return {
      order: 'DMY',
      ambiguous: false,
      excelSerial: false,
      mixed,
      evidence: `Day first: '${dmyExample}' can only be read day first.${mixedNote}`,
    };
  if (mdy > 0)
    return {
      order: 'MDY',
      ambiguous: false,
      excelSerial: false,
      mixed,
      evidence: `Month first: '${mdyExample}' can only be read month first.${mixedNote}`,
    };
  if (undecided > 0)
    return {
      order: 'DMY',
      ambiguous: true,
      excelSerial: false,
      mixed,
      evidence: `All ${undecided} slash date(s) such as '${undecidedExample}' fit both day/month and month/day; choose the order.${mixedNote}`,
    };
  if (shapes.has('compact') && !shapes.has('ymd'))
    return {
      order: 'YMD',
      ambiguous: false,
      excelSerial: false,
      mixed,
      evidence: `Dates are written without separators, year first (yymmdd or yyyymmdd: 930101 = 1993-01-01).${mixedNote}`,
    };
  if (shapes.has('ymd'))
    return {
      order: 'YMD',
      ambiguous: false,
      excelSerial: false,
      mixed,
      evidence: `Dates are written year first (ISO 8601).${mixedNote}`,
    };
  return {
    order: 'YMD',
    ambiguous: false,
    excelSerial: false,
    mixed,
    evidence: values === 0 ? 'The column has no values.' : 'No value is a date in a known format.',
  };
}
