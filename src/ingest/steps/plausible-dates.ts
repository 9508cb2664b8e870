/**
 * Plausible dates (issue #9): one typo date (1900-01-01, 2205-12-31) must not silently stretch
 * every analysis over centuries. Rows whose main date is implausible are left out by default and
 * reported (the user can keep them); a report over too many periods is refused anyway
 * (core/errors.ts MAX_PERIODS).
 *
 * A main date is implausible when it is
 * - before 1970-01-01, or more than a year after today, or
 * - an isolated outlier: outside [q10 - m, q90 + m] with q10, q90 the 10th and 90th percentile
 *   years of the other dates (those not already implausible by the first rule) and
 *   m = max(2, 2 x (q90 - q10)) years (a 2023-2025 shop: 2019..2029, and never past today + 1 year).
 * Other date columns (an end date) written with a far-future sentinel (year 2900 or later:
 * `9999-12-31`, `2999-12-31` = "no end") are read as missing. O(rows): a histogram of years.
 */
import { dayToIso, daysFromCivil, monthIndexOfDay } from '../../core/parse/date.ts';
import { MISSING_DAY } from '../../core/table.ts';

const EPOCH = 0; // 1970-01-01
const MIN_YEAR = 1;
const MAX_YEAR = 9999;

/** The first day of year `y` (proleptic Gregorian). */
const yearStart = (y: number): number => daysFromCivil(y, 1, 1);

/** Sentinel "no date" values of end-date columns: year 2900 or later. */
export const SENTINEL_FROM = daysFromCivil(2900, 1, 1);

export interface DateOutliers {
  /** 1 = the row's main date is implausible. */
  readonly reject: Uint8Array;
  readonly count: number;
  /** The plausible range used (ISO days). */
  readonly from: string;
  readonly to: string;
}

/**
 * Flags the implausible main dates among `n` rows (`days[r]`, MISSING_DAY = none). `today` is
 * a day number. Returns undefined when every date is plausible.
 */
export function findDateOutliers(days: Int32Array, n: number, today: number): DateOutliers | undefined {
  const hist = new Uint32Array(MAX_YEAR + 2);
  let total = 0;
  const hardHi = today + 366;
  const yearOf = (d: number): number => Math.min(MAX_YEAR + 1, Math.max(MIN_YEAR, Math.floor(monthIndexOfDay(d) / 12)));
  if (hardHi >= EPOCH && hardHi - EPOCH < 1 << 20) {
    // Counted per day first, then per year: one calendar conversion per distinct day, not per row.
    const perDay = new Uint32Array(hardHi - EPOCH + 1);
    for (let r = 0; r < n; r++) {
      const d = days[r];
      if (d === MISSING_DAY || d < EPOCH || d > hardHi) continue;
      perDay[d - EPOCH]++;
    }
    for (let i = 0; i < perDay.length; i++) {
      if (perDay[i] === 0) continue;
      hist[yearOf(i + EPOCH)] += perDay[i];
      total += perDay[i];
    }
  } else {
    for (let r = 0; r < n; r++) {
      const d = days[r];
      if (d === MISSING_DAY || d < EPOCH || d > hardHi) continue;
      hist[yearOf(d)]++;
      total++;
    }
  }
  if (total === 0) {
    // Every date is implausible by the first rule: flag them all (the user decides).
    const reject = new Uint8Array(n);
    let count = 0;
    for (let r = 0; r < n; r++) {
      if (days[r] === MISSING_DAY) continue;
      reject[r] = 1;
      count++;
    }
    return count === 0 ? undefined : { reject, count, from: dayToIso(EPOCH), to: dayToIso(hardHi) };
  }
  const quantileYear = (q: number): number => {
    const target = Math.max(1, Math.ceil(q * total));
    let run = 0;
    for (let y = 0; y < hist.length; y++) {
      run += hist[y];
      if (run >= target) return y;
    }
    return MAX_YEAR;
  };
  const q10 = quantileYear(0.1);
  const q90 = quantileYear(0.9);
  const margin = Math.max(2, 2 * (q90 - q10));
  const lo = Math.max(EPOCH, yearStart(Math.max(MIN_YEAR, q10 - margin)));
  const hi = Math.min(hardHi, yearStart(Math.min(MAX_YEAR, q90 + margin + 1)) - 1);
  const reject = new Uint8Array(n);
  let count = 0;
  for (let r = 0; r < n; r++) {
    const d = days[r];
    if (d !== MISSING_DAY && (d < lo || d > hi)) {
      reject[r] = 1;
      count++;
    }
  }
  return count === 0 ? undefined : { reject, count, from: dayToIso(lo), to: dayToIso(hi) };
}
