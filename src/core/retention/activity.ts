/**
 * Activity: who is a customer on day d (DESIGN.md section 2).
 *
 * - Orders (non-contractual): active on d iff the customer has an order with amount > 0 dated
 *   in [d - W + 1, d], W = the activity window in days. So an order on d - W + 1 still counts
 *   and one on d - W does not; a customer churns on the day after last order + W - 1.
 * - Subscriptions (contractual): active on d iff start <= d and (no end, or d < end).
 *
 * Retention needs activity on many days (every period boundary), for every customer. Asking
 * "active on d?" per customer x day x order would be cubic; instead each customer's sorted
 * activity days (or intervals) are walked once against the ascending sample days with two
 * pointers: O(events + customers x sample days) in total. The answer is an {@link ActivityGrid},
 * one bitset of customers per sample day (100k customers x 121 monthly boundaries = 1.5 MB).
 */
import type { OrderIndex, SubscriptionIndex } from './customer-index.ts';

/** Activity of every customer on a few sample days, one bitset row per day. */
export interface ActivityGrid {
  readonly customers: number;
  /** The sample days, ascending. Row t of the bitset is day days[t]. */
  readonly days: Int32Array;
  /** Uint32 words per row: ceil(customers / 32). */
  readonly stride: number;
  /** Bit k of row t set = customer k active on days[t]. */
  readonly bits: Uint32Array;
}

function emptyGrid(customers: number, days: Int32Array): ActivityGrid {
  for (let t = 1; t < days.length; t++) {
    if (days[t] < days[t - 1]) throw new RangeError('activity sample days must be ascending');
  }
  const stride = (customers + 31) >>> 5;
  return { customers, days, stride, bits: new Uint32Array(stride * days.length) };
}

function checkWindow(window: number): void {
  if (!Number.isInteger(window) || window < 1) throw new RangeError(`activity window W must be a positive whole number of days, got ${window}`);
}

/**
 * Order activity of every customer on each of the ascending `days`, with window W.
 *
 * O(activity days + customers x days.length).
 *
 * @throws RangeError when W is not a positive integer or `days` is not ascending.
 */
export function orderActivityAt(index: OrderIndex, days: Int32Array, window: number): ActivityGrid {
  checkWindow(window);
  const grid = emptyGrid(index.customerIds.length, days);
  const { activeOffsets, activeDays } = index;
  const T = days.length;
  for (let k = 0; k < grid.customers; k++) {
    const end = activeOffsets[k + 1];
    let i = activeOffsets[k];
    const word = k >>> 5;
    const bit = 1 << (k & 31);
    for (let t = 0; t < T; t++) {
      const d = days[t];
      while (i < end && activeDays[i] <= d) i++;
      // activeDays[i - 1] is the last activity day on or before d.
      if (i > activeOffsets[k] && activeDays[i - 1] >= d - window + 1) grid.bits[t * grid.stride + word] |= bit;
    }
  }
  return grid;
}

/**
 * Subscription activity of every customer on each of the ascending `days`.
 *
 * O(intervals + customers x days.length).
 *
 * @throws RangeError when `days` is not ascending.
 */
export function subscriptionActivityAt(index: SubscriptionIndex, days: Int32Array): ActivityGrid {
  const grid = emptyGrid(index.customerIds.length, days);
  const { intervalOffsets, intervalStarts, intervalEnds } = index;
  const T = days.length;
  for (let k = 0; k < grid.customers; k++) {
    const end = intervalOffsets[k + 1];
    let i = intervalOffsets[k];
    const word = k >>> 5;
    const bit = 1 << (k & 31);
    for (let t = 0; t < T; t++) {
      const d = days[t];
      while (i < end && intervalEnds[i] <= d) i++;
      if (i < end && intervalStarts[i] <= d) grid.bits[t * grid.stride + word] |= bit;
    }
  }
  return grid;
}

/** Is customer k active on sample day row t of the grid? O(1). */
export function isActiveAt(grid: ActivityGrid, t: number, k: number): boolean {
  return (grid.bits[t * grid.stride + (k >>> 5)] & (1 << (k & 31))) !== 0;
}

/** Number of set bits of a 32-bit word (SWAR popcount). */
export function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** How many customers are active on sample row t. O(customers / 32). */
export function countAt(grid: ActivityGrid, t: number): number {
  let n = 0;
  const base = t * grid.stride;
  for (let w = 0; w < grid.stride; w++) n += popcount32(grid.bits[base + w]);
  return n;
}

/** The customers active on sample row t, ascending. O(customers / 32 + result). */
export function membersAt(grid: ActivityGrid, t: number): Uint32Array {
  return bitsToList(grid.bits.subarray(t * grid.stride, (t + 1) * grid.stride));
}

/** Ascending list of the set bits of a bitset. O(words + result). */
export function bitsToList(words: Uint32Array): Uint32Array {
  let n = 0;
  for (let w = 0; w < words.length; w++) n += popcount32(words[w]);
  const out = new Uint32Array(n);
  let at = 0;
  for (let w = 0; w < words.length; w++) {
    let x = words[w];
    while (x !== 0) {
      const low = x & -x;
      out[at++] = (w << 5) + (31 - Math.clz32(low));
      x ^= low;
    }
  }
  return out;
}

/**
 * The customers active on one day with orders and window W (e.g. "customers now" on the data's
 * last day). O(activity days + customers).
 */
export function activeOrderCustomers(index: OrderIndex, day: number, window: number): Uint32Array {
  return membersAt(orderActivityAt(index, Int32Array.of(day), window), 0);
}

/** The customers with a subscription running on `day`. O(intervals + customers). */
export function activeSubscriptionCustomers(index: SubscriptionIndex, day: number): Uint32Array {
  return membersAt(subscriptionActivityAt(index, Int32Array.of(day)), 0);
}
