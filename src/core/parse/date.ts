/**
 * Calendar dates as written in CSV exports: ISO `2024-01-15`, `15.01.2024` (also `15.01.2024.`),
 * `15/01/2024`, `01/15/2024`, `15-01-2024`, `2024/01/15`, with an optional time of day
 * (DESIGN.md sections 1 and 2; RELIABILITY.md section 4, hostile-inputs/date-*.csv).
 *
 * A date is stored as a day number: days since 1970-01-01 in the proleptic Gregorian calendar,
 * for the calendar day *as written* (no time zones: `2024-01-15T23:30:00-05:00` is day
 * 2024-01-15). A time of day adds a fraction of a day. Calendar arithmetic is Howard Hinnant's
 * days_from_civil / civil_from_days ("chrono-Compatible Low-Level Date Algorithms"), never
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

/**
 * The month of a day number as one integer, `year * 12 + (month - 1)`, without allocating
 * (Hinnant's civil_from_days without the day of month). `Math.floor(i / 12)` is the year.
 *
 * @example monthIndexOfDay(0) // 1970 * 12 (January 1970)
 */
export function monthIndexOfDay(day: number): number {
  const z = Math.floor(day) + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const m = mp < 10 ? mp + 3 : mp - 9;
  return (yoe + era * 400 + (m <= 2 ? 1 : 0)) * 12 + m - 1;
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

/** Index after the run of at most `max` digits starting at i (pure: no shared state). */
export function runEnd(text: string, i: number, end: number, max: number): number {
  const limit = Math.min(end, i + max);
  while (i < limit && isDigitCode(text.charCodeAt(i))) i++;
  return i;
}

/** Value of the digits text[i, j). */
export function runValue(text: string, i: number, j: number): number {
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
export function expandYear(y: number, len: number): number {
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
