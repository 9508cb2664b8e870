/**
 * Retention and churn per period (DESIGN.md section 3).
 *
 * For period P with first day p0 and last day p1:
 * - S = customers active on p0 - 1; E = customers active on p1;
 * - N = customers whose first order (amount > 0) / first subscription start falls in P;
 * - lost = S \ E; retained = S ∩ E; reactivated = active on p1, not in S, not new.
 * - CRR (the seed formula) = (|E| - |N|) / |S| x 100;
 * - exact retention = |S ∩ E| / |S| x 100; churn rate = |lost| / |S| x 100.
 * All three rates are null when S = 0 ("n/a", never 0 or 100 %).
 *
 * Every customer in E is exactly one of retained, reactivated or new (a new customer cannot be
 * in S: their first activity is after p0 - 1), so |E| = retained + reactivated + |N ∩ E| and
 *
 *     CRR - exact = (reactivated - newInactiveAtEnd) / |S| x 100,
 *
 * where newInactiveAtEnd = |N \ E|: the seed formula counts reactivated customers as retained
 * and subtracts new customers that are no longer active at p1. {@link explainDifference}
 * returns these numbers for the UI's sentence.
 *
 * Only the two boundary days matter: a customer in S who lapses mid-period and is active again
 * by p1 is retained, not lost and reactivated (the seed formula's reading). Customers whose first
 * activity predates the grid are existing customers: active on p1 but not on p0 - 1 makes them
 * reactivated, never new.
 *
 * The last period of a grid may end after the data does; its E then counts customers whose
 * window or subscription merely runs past the data. Such periods are flagged `complete: false`.
 */
import { MISSING_DAY } from '../table.ts';
import { bitsToList, orderActivityAt, popcount32, subscriptionActivityAt, type ActivityGrid } from './activity.ts';
import type { OrderIndex, SubscriptionIndex } from './customer-index.ts';
import { boundaryDays, periodIndexIn, periodsBetween, type PeriodGrid, type PeriodUnit } from './periods.ts';

/** Retention figures of one period, with the customers behind the small sets. */
export interface PeriodRetention {
  /** Index j in the grid and the period's label, first and last day. */
  readonly index: number;
  readonly period: string;
  readonly start: number;
  readonly end: number;
  /** False when the period ends after the last day of data. */
  readonly complete: boolean;
  /** |S|, |E|, |N| and the set sizes defined in the file comment. */
  readonly startActive: number;
  readonly endActive: number;
  readonly new: number;
  readonly lost: number;
  readonly retained: number;
  readonly reactivated: number;
  /** New in P but no longer active on p1 (|N \ E|). */
  readonly newInactiveAtEnd: number;
  /** Percentages; null when S = 0. */
  readonly crr: number | null;
  readonly exact: number | null;
  readonly churnRate: number | null;
  /** Customer numbers (index into customerIds) behind the counts, ascending. */
  readonly members: {
    readonly lost: Uint32Array;
    readonly reactivated: Uint32Array;
    readonly new: Uint32Array;
    readonly newInactiveAtEnd: Uint32Array;
  };
}

/** Retention over a run of periods, with what is needed to list any set on demand. */
export interface RetentionSeries {
  readonly grid: PeriodGrid;
  /** Activity on the boundary days: row j = p0 - 1 of period j, row j + 1 = p1 of period j. */
  readonly activity: ActivityGrid;
  /** Grid index of each customer's first period (-1 when it is outside the grid or there is none). */
  readonly firstPeriod: Int32Array;
  /** The activity window W in days (orders), or null for subscriptions. */
  readonly window: number | null;
  readonly periods: readonly PeriodRetention[];
}

const pct = (num: number, den: number): number | null => (den === 0 ? null : (num / den) * 100);

/**
 * Seed-formula customer retention rate: (E - N) / S x 100, null when S = 0.
 *
 * O(1). @example customerRetentionRate(1100, 200, 1000) // 90
 */
export function customerRetentionRate(endActive: number, newCustomers: number, startActive: number): number | null {
  return pct(endActive - newCustomers, startActive);
}

/**
 * Grid index of each customer's first period from their first activity day (MISSING_DAY or a
 * day outside the grid -> -1). O(customers).
 */
export function firstPeriods(grid: PeriodGrid, firstDay: Int32Array): Int32Array {
  const out = new Int32Array(firstDay.length);
  for (let k = 0; k < firstDay.length; k++) out[k] = firstDay[k] === MISSING_DAY ? -1 : periodIndexIn(grid, firstDay[k]);
  return out;
}

/**
 * Retention figures for every period of `grid`, from activity on the boundary days
 * (`boundaryDays(grid)`) and each customer's first-period index.
 *
 * O(periods x customers / 32 + customers + listed members): sets are combined 32 customers at
 * a time with bitwise operations.
 *
 * @param lastDataDay the last day of data, to flag incomplete periods.
 */
export function retentionByPeriod(grid: PeriodGrid, activity: ActivityGrid, firstPeriod: Int32Array, lastDataDay: number): PeriodRetention[] {
  if (grid.count > 0 && activity.days.length !== grid.count + 1) throw new RangeError('retentionByPeriod needs activity on the grid boundary days');
  const stride = activity.stride;
  // Customers bucketed by first period (counting sort), so N is a list per period.
  const newOffsets = new Uint32Array(grid.count + 1);
  for (let k = 0; k < firstPeriod.length; k++) if (firstPeriod[k] >= 0) newOffsets[firstPeriod[k] + 1]++;
  for (let j = 0; j < grid.count; j++) newOffsets[j + 1] += newOffsets[j];
  const newList = new Uint32Array(newOffsets[grid.count]);
  const next = newOffsets.slice(0, grid.count);
  for (let k = 0; k < firstPeriod.length; k++) if (firstPeriod[k] >= 0) newList[next[firstPeriod[k]]++] = k;

  const newBits = new Uint32Array(stride);
  const lostW = new Uint32Array(stride);
  const reactW = new Uint32Array(stride);
  const out: PeriodRetention[] = [];
  for (let j = 0; j < grid.count; j++) {
    const newMembers = newList.slice(newOffsets[j], newOffsets[j + 1]);
    for (let i = 0; i < newMembers.length; i++) newBits[newMembers[i] >>> 5] |= 1 << (newMembers[i] & 31);
    const s0 = j * stride;
    const e0 = (j + 1) * stride;
    let S = 0;
    let E = 0;
    let retained = 0;
    for (let w = 0; w < stride; w++) {
      const s = activity.bits[s0 + w];
      const e = activity.bits[e0 + w];
      S += popcount32(s);
      E += popcount32(e);
      retained += popcount32(s & e);
      lostW[w] = s & ~e;
      reactW[w] = e & ~s & ~newBits[w];
    }
    const lostMembers = bitsToList(lostW);
    const reactivatedMembers = bitsToList(reactW);
    let inactive = 0;
    for (let i = 0; i < newMembers.length; i++) {
      const k = newMembers[i];
      if ((activity.bits[e0 + (k >>> 5)] & (1 << (k & 31))) === 0) inactive++;
    }
    const newInactive = new Uint32Array(inactive);
    for (let i = 0, at = 0; i < newMembers.length; i++) {
      const k = newMembers[i];
      if ((activity.bits[e0 + (k >>> 5)] & (1 << (k & 31))) === 0) newInactive[at++] = k;
    }
    for (let i = 0; i < newMembers.length; i++) newBits[newMembers[i] >>> 5] = 0;
    out.push({
      index: j,
      period: grid.labels[j],
      start: grid.starts[j],
      end: grid.ends[j],
      complete: grid.ends[j] <= lastDataDay,
      startActive: S,
      endActive: E,
      new: newMembers.length,
      lost: lostMembers.length,
      retained,
      reactivated: reactivatedMembers.length,
      newInactiveAtEnd: inactive,
      crr: customerRetentionRate(E, newMembers.length, S),
      exact: pct(retained, S),
      churnRate: pct(lostMembers.length, S),
      members: { lost: lostMembers, reactivated: reactivatedMembers, new: newMembers, newInactiveAtEnd: newInactive },
    });
  }
  return out;
}

/** Options of the retention convenience functions. */
export interface RetentionOptions {
  readonly unit: PeriodUnit;
  /** First and last day to cover (default: the data's range). Whole periods are always used. */
  readonly from?: number;
  readonly to?: number;
}

/**
 * Order retention per period with activity window W over the data's range (or from..to).
 *
 * O(n + customers x periods) for the activity pass, see {@link retentionByPeriod} for the rest.
 */
export function orderRetention(index: OrderIndex, options: RetentionOptions & { readonly window: number }): RetentionSeries {
  const from = options.from ?? index.minDay;
  const to = options.to ?? index.maxDay;
  const grid = from === MISSING_DAY ? periodsBetween(0, -1, options.unit) : periodsBetween(from, to, options.unit);
  const activity = orderActivityAt(index, boundaryDays(grid), options.window);
  const firstPeriod = firstPeriods(grid, index.firstActiveDay);
  return { grid, activity, firstPeriod, window: options.window, periods: retentionByPeriod(grid, activity, firstPeriod, index.maxDay) };
}

/**
 * Subscription retention per period over the data's range (or from..to). The data's last day
 * is the latest start or end date in the file.
 */
export function subscriptionRetention(index: SubscriptionIndex, options: RetentionOptions): RetentionSeries {
  const from = options.from ?? index.minDay;
  const to = options.to ?? index.maxDay;
  const grid = from === MISSING_DAY ? periodsBetween(0, -1, options.unit) : periodsBetween(from, to, options.unit);
  const activity = subscriptionActivityAt(index, boundaryDays(grid));
  const firstPeriod = firstPeriods(grid, index.firstStart);
  return { grid, activity, firstPeriod, window: null, periods: retentionByPeriod(grid, activity, firstPeriod, index.maxDay) };
}

/** The sets of a period that can be listed on demand. */
export type RetentionSet = 'start' | 'end' | 'retained' | 'lost' | 'reactivated' | 'new' | 'newInactiveAtEnd';

/**
 * The customers behind one count of period j, ascending (for receipts and CSV export).
 * O(customers / 32 + result).
 */
export function periodMembers(series: RetentionSeries, j: number, set: RetentionSet): Uint32Array {
  const p = series.periods[j];
  if (set === 'lost' || set === 'reactivated' || set === 'new' || set === 'newInactiveAtEnd') return p.members[set];
  const { bits, stride } = series.activity;
  if (set === 'start') return bitsToList(bits.subarray(j * stride, (j + 1) * stride));
  if (set === 'end') return bitsToList(bits.subarray((j + 1) * stride, (j + 2) * stride));
  const both = new Uint32Array(stride);
  for (let w = 0; w < stride; w++) both[w] = bits[j * stride + w] & bits[(j + 1) * stride + w];
  return bitsToList(both);
}

/**
 * Why CRR and exact retention differ, as numbers for the UI's sentence ("CRR and exact retention
 * differ because {reactivated} customers came back after a pause and {newInactiveAtEnd} new
 * customers were no longer active at period end").
 *
 * `differencePoints` = crr - exact = (reactivated - newInactiveAtEnd) / S x 100 (see the file
 * comment); null when S = 0. `differs` is false when both counts are 0 (the rates agree).
 */
export function explainDifference(p: PeriodRetention): {
  readonly differs: boolean;
  readonly reactivated: number;
  readonly newInactiveAtEnd: number;
  readonly startActive: number;
  readonly differencePoints: number | null;
} {
  return {
    differs: p.reactivated !== 0 || p.newInactiveAtEnd !== 0,
    reactivated: p.reactivated,
    newInactiveAtEnd: p.newInactiveAtEnd,
    startActive: p.startActive,
    differencePoints: pct(p.reactivated - p.newInactiveAtEnd, p.startActive),
  };
}
