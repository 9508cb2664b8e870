/**
 * RFM scores and named groups (issue #11 item 4; DESIGN.md section 6).
 *
 * Recency = days from the last purchase day to the as-of day (fewer is better), frequency =
 * purchase days, monetary = revenue to date. Each is scored 1-5 by quintile among the customers
 * with a purchase (5 = best: most recent, most frequent, most revenue): a value's score is 1 +
 * the number of the 20/40/60/80 % quantiles (stats/quantile-sorted.ts) it beats, so equal
 * values always share a score (many one-time buyers share frequency 1).
 *
 * Named groups on the grid of R against FM = round((F + M) / 2), the common "RFM segments" map
 * (after Putler's segment table), written out here so it can be read and tested:
 *
 *   R \ FM   1              2                3                4           5
 *   5        new            potential        potential        champions   champions
 *   4        promising      potential        potential        loyal       champions
 *   3        promising      need attention   need attention   loyal       loyal
 *   2        hibernating    hibernating      at risk          at risk     can't lose
 *   1        lost           lost             at risk          can't lose  can't lose
 *
 * Complexity: O(n log n) (three sorts).
 */
import { quantileSorted } from '../stats/quantile-sorted.ts';

export const RFM_GROUPS = ['champions', 'loyal', 'potential loyalists', 'new', 'promising', 'need attention', 'at risk', "can't lose", 'hibernating', 'lost'] as const;
export type RfmGroup = (typeof RFM_GROUPS)[number];

const C = 0, L = 1, P = 2, N = 3, PR = 4, NA = 5, AR = 6, CL = 7, H = 8, LO = 9;
/** GRID[R - 1][FM - 1] -> index into RFM_GROUPS. */
const GRID: readonly (readonly number[])[] = [
  [LO, LO, AR, CL, CL],
  [H, H, AR, AR, CL],
  [PR, NA, NA, L, L],
  [PR, P, P, L, C],
  [N, P, P, C, C],
];

export interface RfmScores {
  /** Scores 1-5 per customer (0: no purchase, not scored). */
  readonly r: Uint8Array;
  readonly f: Uint8Array;
  readonly m: Uint8Array;
  /** Index into RFM_GROUPS (255: not scored). */
  readonly group: Uint8Array;
  /** Customers per group and their revenue, in RFM_GROUPS order. */
  readonly sizes: Uint32Array;
  readonly revenue: Float64Array;
}

/** Quintile scores of `values` over `keep`; `higherIsBetter` false for recency. */
function quintiles(values: ArrayLike<number>, keep: Uint8Array, higherIsBetter: boolean): Uint8Array {
  const kept: number[] = [];
  for (let i = 0; i < values.length; i++) if (keep[i]) kept.push(values[i]);
  const out = new Uint8Array(values.length);
  if (kept.length === 0) return out;
  const sorted = Float64Array.from(kept).sort();
  const cuts = [0.2, 0.4, 0.6, 0.8].map((q) => quantileSorted(sorted, q));
  for (let i = 0; i < values.length; i++) {
    if (!keep[i]) continue;
    let s = 1;
    for (const c of cuts) if (higherIsBetter ? values[i] > c : values[i] < c) s++;
    out[i] = s; // recency: beating a cut means fewer days
  }
  return out;
}

/**
 * RFM scores and groups of customers. Customers with `recencyDays` NaN are not scored.
 *
 * @example rfmScores([3, 200], [5, 1], [900, 20]).group // [0 (champions) …]
 */
export function rfmScores(recencyDays: ArrayLike<number>, frequency: ArrayLike<number>, monetary: ArrayLike<number>): RfmScores {
  const n = recencyDays.length;
  const keep = new Uint8Array(n);
  for (let i = 0; i < n; i++) keep[i] = Number.isFinite(recencyDays[i]) ? 1 : 0;
  const money = Float64Array.from({ length: n }, (_, i) => (Number.isFinite(monetary[i]) ? monetary[i] : 0));
  const r = quintiles(recencyDays, keep, false);
  const f = quintiles(frequency, keep, true);
  const m = quintiles(money, keep, true);
  const group = new Uint8Array(n).fill(255);
  const sizes = new Uint32Array(RFM_GROUPS.length);
  const revenue = new Float64Array(RFM_GROUPS.length);
  for (let i = 0; i < n; i++) {
    if (!keep[i]) continue;
    const fm = Math.round((f[i] + m[i]) / 2);
    const g = GRID[r[i] - 1][fm - 1];
    group[i] = g;
    sizes[g]++;
    revenue[g] += money[i];
  }
  return { r, f, m, group, sizes, revenue };
}

/** The group of one (R, F, M) score triple (1-5 each). */
export function rfmGroupOf(r: number, f: number, m: number): RfmGroup {
  return RFM_GROUPS[GRID[r - 1][Math.round((f + m) / 2) - 1]];
}
