/**
 * Calendar periods over day numbers (days since 1970-01-01, see core/table.ts): months,
 * quarters (Jan-Mar, Apr-Jun, ...) and years (DESIGN.md section 2: "Periods are calendar
 * months, quarters or years").
 *
 * A period is named by an integer *period number* so periods can index arrays and be compared:
 * month = year x 12 + (month - 1), quarter = year x 4 + (quarter - 1), year = year. Consecutive
 * periods have consecutive numbers, so "period c + k" is plain addition.
 *
 * Calendar arithmetic is Hinnant's civil_from_days / days_from_civil (exact integers, O(1)).
 */
import { daysFromCivil, monthIndexOfDay } from '../parse/date.ts';

export type PeriodUnit = 'month' | 'quarter' | 'year';

/** Year and month (1-12) of a day number. */
function yearMonth(day: number): { y: number; m: number } {
  const i = monthIndexOfDay(day);
  const y = Math.floor(i / 12);
  return { y, m: i - y * 12 + 1 };
}

/** Floor division that also works for negative periods (years before 0). */
function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

/**
 * The period number containing `day`.
 *
 * O(1). @example periodOf(15048, 'month') // 24134 = 2011 x 12 + 2 (day 15048 is 2011-03-15)
 */
export function periodOf(day: number, unit: PeriodUnit): number {
  const { y, m } = yearMonth(day);
  if (unit === 'month') return y * 12 + (m - 1);
  if (unit === 'quarter') return y * 4 + floorDiv(m - 1, 3);
  return y;
}

/** First day (day number) of period `period`. O(1). */
export function periodStart(period: number, unit: PeriodUnit): number {
  if (unit === 'month') {
    const y = floorDiv(period, 12);
    return daysFromCivil(y, period - y * 12 + 1, 1);
  }
  if (unit === 'quarter') {
    const y = floorDiv(period, 4);
    return daysFromCivil(y, (period - y * 4) * 3 + 1, 1);
  }
  return daysFromCivil(period, 1, 1);
}

/** Last day (day number, inclusive) of period `period`. O(1). */
export function periodEnd(period: number, unit: PeriodUnit): number {
  return periodStart(period + 1, unit) - 1;
}

/**
 * The label of a period as the command line and the UI print it: `2011-03`, `2011-Q1`, `2011`.
 * O(1).
 */
export function periodLabel(period: number, unit: PeriodUnit): string {
  const pad = (y: number) => (y < 0 ? `-${String(-y).padStart(4, '0')}` : String(y).padStart(4, '0'));
  if (unit === 'month') {
    const y = floorDiv(period, 12);
    const m = period - y * 12 + 1;
    return `${pad(y)}-${m < 10 ? '0' : ''}${m}`;
  }
  if (unit === 'quarter') {
    const y = floorDiv(period, 4);
    return `${pad(y)}-Q${period - y * 4 + 1}`;
  }
  return pad(period);
}

/**
 * A run of consecutive periods: `count` periods starting at period number `first`, with their
 * first and last days and labels. Index j in every per-period array of the retention core means
 * period `first + j`.
 */
export interface PeriodGrid {
  readonly unit: PeriodUnit;
  readonly first: number;
  readonly count: number;
  /** First day of period j. */
  readonly starts: Int32Array;
  /** Last day (inclusive) of period j. */
  readonly ends: Int32Array;
  readonly labels: readonly string[];
}

/**
 * All periods from the one containing `firstDay` to the one containing `lastDay`, inclusive.
 *
 * O(number of periods). `lastDay < firstDay` gives an empty grid.
 *
 * @example periodsBetween(15034, 15125, 'quarter').labels // ['2011-Q1', '2011-Q2'] (2011-03-01..2011-05-31)
 */
export function periodsBetween(firstDay: number, lastDay: number, unit: PeriodUnit): PeriodGrid {
  const first = periodOf(firstDay, unit);
  const count = lastDay < firstDay ? 0 : periodOf(lastDay, unit) - first + 1;
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  const labels: string[] = [];
  for (let j = 0; j < count; j++) {
    starts[j] = periodStart(first + j, unit);
    ends[j] = periodEnd(first + j, unit);
    labels.push(periodLabel(first + j, unit));
  }
  return { unit, first, count, starts, ends, labels };
}

/**
 * The index j in `grid` of the period containing `day`, or -1 when the day is outside the grid.
 * O(1).
 */
export function periodIndexIn(grid: PeriodGrid, day: number): number {
  if (grid.count === 0 || day < grid.starts[0] || day > grid.ends[grid.count - 1]) return -1;
  return periodOf(day, grid.unit) - grid.first;
}

/**
 * The grid's period boundaries as sample days: t_0 = the day before the first period starts,
 * t_{j+1} = the last day of period j. Period j's S is measured on t_j (p0 - 1) and its E on
 * t_{j+1} (p1) (DESIGN.md section 3), so one activity pass over these count + 1 days serves
 * every period. O(count).
 */
export function boundaryDays(grid: PeriodGrid): Int32Array {
  const out = new Int32Array(grid.count + 1);
  if (grid.count === 0) return out.subarray(0, 0);
  out[0] = grid.starts[0] - 1;
  out.set(grid.ends, 1);
  return out;
}

/**
 * A day -> grid index lookup table for hot loops over many orders: `indexOf(day)` equals
 * {@link periodIndexIn} but costs one array read instead of the calendar arithmetic.
 *
 * O(days covered by the grid) to build (about 365 per year of grid), O(1) per lookup.
 */
export function periodLookup(grid: PeriodGrid): (day: number) => number {
  if (grid.count === 0) return () => -1;
  const first = grid.starts[0];
  const last = grid.ends[grid.count - 1];
  const table = new Int32Array(last - first + 1);
  for (let j = 0; j < grid.count; j++) table.fill(j, grid.starts[j] - first, grid.ends[j] - first + 1);
  return (day: number) => (day < first || day > last ? -1 : table[day - first]);
}
