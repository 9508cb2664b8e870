/**
 * Cohort matrices (DESIGN.md section 3, "Cohort matrix").
 *
 * Cohort c = the period of a customer's first order with amount > 0 (orders) or first
 * subscription start (subscriptions). Cell (c, k) looks at period c + k:
 * - orders, "on": customers of cohort c with at least one order of amount > 0 in period c + k;
 * - subscriptions, "on": customers of cohort c active on the last day of period c + k;
 * - "unbounded": customers active in period c + k *or any later period* (in the same sense as
 *   the view), so a customer who skips a period still counts as retained there;
 * - revenue (orders): cohort c's revenue in c + k (all amounts, refunds included) over its
 *   revenue in c.
 * Shares are against the cohort size ("% of cohort start") or against cell (c, k - 1) ("% of
 * previous period"). The average row weights each cohort by its size: sum of counts over sum of
 * sizes, over the cohorts that have reached c + k.
 *
 * Matrices are triangular: row c has count - c cells (periods c .. last of the grid). Customers
 * whose cohort lies outside the grid are left out; build the grid over the whole data range.
 */
import { MISSING_DAY } from '../table.ts';
import { KahanSums } from '../stats/kahan-sum.ts';
import { toNumbers } from '../table-ops.ts';
import type { OrderIndex, SubscriptionIndex } from './customer-index.ts';
import type { CohortReport, CohortView } from './report-types.ts';
import { periodIndexIn, periodLookup, type PeriodGrid } from './periods.ts';

/** Counts behind a cohort heatmap. */
export interface CohortMatrix {
  readonly grid: PeriodGrid;
  readonly view: 'orders' | 'subscriptions';
  /** Customers in cohort c (grid index). */
  readonly sizes: Uint32Array;
  /** on[c][k]: active in period c + k (in the view's sense). */
  readonly on: readonly Uint32Array[];
  /** unbounded[c][k]: active in period c + k or later. */
  readonly unbounded: readonly Uint32Array[];
  /** Orders only: revenue[c][k] = cohort c's revenue in period c + k. Empty for subscriptions. */
  readonly revenue: readonly Float64Array[];
}

/** A row of shares in percent; null where the base is 0. */
export type ShareRow = (number | null)[];

function cohortOf(grid: PeriodGrid, first: Int32Array): Int32Array {
  const out = new Int32Array(first.length);
  for (let k = 0; k < first.length; k++) out[k] = first[k] === MISSING_DAY ? -1 : periodIndexIn(grid, first[k]);
  return out;
}

function triangle<T>(P: number, make: (n: number) => T): T[] {
  const rows: T[] = [];
  for (let c = 0; c < P; c++) rows.push(make(P - c));
  return rows;
}

/** In place: row[k] = sum of row[k..]. Turns "last period reached" tallies into unbounded counts. */
function suffixSums(row: Uint32Array): void {
  for (let k = row.length - 2; k >= 0; k--) row[k] += row[k + 1];
}

/**
 * Orders cohort matrix: "on" and unbounded counts and cohort revenue.
 *
 * O(n + periods^2): one pass over each customer's activity days and orders.
 */
export function orderCohorts(index: OrderIndex, grid: PeriodGrid): CohortMatrix {
  const P = grid.count;
  const cohort = cohortOf(grid, index.firstActiveDay);
  const sizes = new Uint32Array(P);
  const on = triangle(P, (n) => new Uint32Array(n));
  const unbounded = triangle(P, (n) => new Uint32Array(n));
  const rev = new KahanSums(P * P);
  const periodAt = periodLookup(grid);
  for (let k = 0; k < cohort.length; k++) {
    const c = cohort[k];
    if (c < 0) continue;
    sizes[c]++;
    let last = -1;
    for (let i = index.activeOffsets[k]; i < index.activeOffsets[k + 1]; i++) {
      const j = periodAt(index.activeDays[i]);
      if (j < 0) {
        // Past the grid's end (days ascend): still "active in a later period" for unbounded.
        last = P;
        break;
      }
      if (j !== last) {
        on[c][j - c]++;
        last = j;
      }
    }
    unbounded[c][Math.min(last, P - 1) - c]++;
    for (let i = index.offsets[k]; i < index.offsets[k + 1]; i++) {
      const j = periodAt(index.days[i]);
      if (j >= c) rev.add(c * P + (j - c), index.amounts[i]);
    }
  }
  for (const row of unbounded) suffixSums(row);
  const revenue = triangle(P, (n) => new Float64Array(n));
  for (let c = 0; c < P; c++) for (let k = 0; k < P - c; k++) revenue[c][k] = rev.value(c * P + k);
  return { grid, view: 'orders', sizes, on, unbounded, revenue };
}

/**
 * Grid indexes [lo, hi] of the periods whose last day lies in [s, e) (hi < lo when none).
 * O(1).
 */
function periodEndsWithin(grid: PeriodGrid, s: number, e: number): [number, number] {
  const P = grid.count;
  const firstDay = grid.starts[0];
  const lastDay = grid.ends[P - 1];
  if (e - 1 < firstDay || s > lastDay) return [0, -1];
  const lo = s < firstDay ? 0 : periodIndexIn(grid, s);
  let hi: number;
  if (e - 1 > lastDay) hi = P - 1;
  else {
    hi = periodIndexIn(grid, e - 1);
    if (grid.ends[hi] > e - 1) hi--; // e - 1 is not that period's last day
  }
  return [lo, hi];
}

/**
 * Subscriptions cohort matrix: active on the last day of each period, and unbounded.
 *
 * O(intervals + periods^2), with a difference array per cohort row.
 */
export function subscriptionCohorts(index: SubscriptionIndex, grid: PeriodGrid): CohortMatrix {
  const P = grid.count;
  const cohort = cohortOf(grid, index.firstStart);
  const sizes = new Uint32Array(P);
  // diff[c][k] with one spare slot, prefix-summed into on[c].
  const diff = triangle(P, (n) => new Int32Array(n + 1));
  const unbounded = triangle(P, (n) => new Uint32Array(n));
  for (let k = 0; k < cohort.length; k++) {
    const c = cohort[k];
    if (c < 0) continue;
    sizes[c]++;
    let last = -1;
    for (let i = index.intervalOffsets[k]; i < index.intervalOffsets[k + 1]; i++) {
      const [lo, hi] = periodEndsWithin(grid, index.intervalStarts[i], index.intervalEnds[i]);
      if (hi < lo) continue;
      diff[c][lo - c]++;
      diff[c][hi - c + 1]--;
      last = hi;
    }
    if (last >= c) unbounded[c][last - c]++;
  }
  const on = triangle(P, (n) => new Uint32Array(n));
  for (let c = 0; c < P; c++) {
    let run = 0;
    for (let k = 0; k < P - c; k++) {
      run += diff[c][k];
      on[c][k] = run;
    }
    suffixSums(unbounded[c]);
  }
  return { grid, view: 'subscriptions', sizes, on, unbounded, revenue: [] };
}

/**
 * Shares in percent of a count matrix: basis 'cohort' divides cell (c, k) by the cohort size;
 * basis 'previous' divides by cell (c, k - 1) (and k = 0 by the cohort size). null where the
 * base is 0. O(cells).
 */
export function cohortShares(rows: readonly Uint32Array[], sizes: Uint32Array, basis: 'cohort' | 'previous' = 'cohort'): ShareRow[] {
  return rows.map((row, c) =>
    Array.from(row, (v, k) => {
      const base = basis === 'previous' && k > 0 ? row[k - 1] : sizes[c];
      return base === 0 ? null : (v / base) * 100;
    }),
  );
}

/**
 * Revenue retention in percent: cohort revenue in c + k over its revenue in c; null when the
 * cohort's first-period revenue is not positive (refunds can make it 0 or less). O(cells).
 */
export function revenueRetention(revenue: readonly Float64Array[]): ShareRow[] {
  return revenue.map((row) => Array.from(row, (v) => (row[0] > 0 ? (v / row[0]) * 100 : null)));
}

/** The size-weighted average row under a cohort matrix, with its numerators and denominators. */
export interface AverageRow {
  /** share[k] = active[k] / base[k] x 100, null when base[k] = 0. */
  readonly share: ShareRow;
  readonly active: number[];
  readonly base: number[];
  /** How many cohorts reached period c + k (contribute to column k). */
  readonly cohorts: number[];
}

/**
 * Size-weighted average of each column k over the cohorts that have reached it: sum over c of
 * rows[c][k] / sum over the same c of sizes[c]. Weighting by size (not averaging the shares)
 * keeps a 3-customer cohort from moving the average as much as a 3,000-customer one.
 * Cohorts of size 0 contribute nothing. O(cells).
 */
export function weightedAverageRow(rows: readonly Uint32Array[], sizes: Uint32Array): AverageRow {
  const P = rows.length;
  const active = new Array<number>(P).fill(0);
  const base = new Array<number>(P).fill(0);
  const cohorts = new Array<number>(P).fill(0);
  for (let c = 0; c < P; c++) {
    if (sizes[c] === 0) continue;
    for (let k = 0; k < rows[c].length; k++) {
      active[k] += rows[c][k];
      base[k] += sizes[c];
      cohorts[k]++;
    }
  }
  return { share: active.map((a, k) => (base[k] === 0 ? null : (a / base[k]) * 100)), active, base, cohorts };
}

/**
 * Revenue-weighted average row of the revenue view: sum over c of revenue[c][k] / sum over the
 * same c of revenue[c][0], over cohorts with positive first-period revenue. O(cells).
 */
export function weightedRevenueRow(revenue: readonly Float64Array[]): AverageRow {
  const P = revenue.length;
  const active = new Array<number>(P).fill(0);
  const base = new Array<number>(P).fill(0);
  const cohorts = new Array<number>(P).fill(0);
  for (let c = 0; c < P; c++) {
    if (!(revenue[c][0] > 0)) continue;
    for (let k = 0; k < revenue[c].length; k++) {
      active[k] += revenue[c][k];
      base[k] += revenue[c][0];
      cohorts[k]++;
    }
  }
  return { share: active.map((a, k) => (base[k] === 0 ? null : (a / base[k]) * 100)), active, base, cohorts };
}

/**
 * The customers behind cell (c, k) of an orders cohort matrix ('size' = the whole cohort),
 * ascending customer numbers. O(n) — a receipt lists one cell at a time.
 */
export function orderCohortMembers(index: OrderIndex, grid: PeriodGrid, c: number, k: number, kind: 'size' | 'on' | 'unbounded'): Uint32Array {
  const out: number[] = [];
  const target = c + k;
  for (let cu = 0; cu < index.customerIds.length; cu++) {
    const first = index.firstActiveDay[cu];
    if (first === MISSING_DAY || periodIndexIn(grid, first) !== c) continue;
    if (kind === 'size') {
      out.push(cu);
      continue;
    }
    let hit = false;
    for (let i = index.activeOffsets[cu]; i < index.activeOffsets[cu + 1] && !hit; i++) {
      const j = periodIndexIn(grid, index.activeDays[i]);
      hit = kind === 'on' ? j === target : j >= target || (j < 0 && index.activeDays[i] > grid.ends[grid.count - 1]);
    }
    if (hit) out.push(cu);
  }
  return Uint32Array.from(out);
}

/**
 * The customers behind cell (c, k) of a subscriptions cohort matrix ('size' = the whole
 * cohort), ascending customer numbers. O(intervals) — a receipt lists one cell at a time.
 */
export function subscriptionCohortMembers(index: SubscriptionIndex, grid: PeriodGrid, c: number, k: number, kind: 'size' | 'on' | 'unbounded'): Uint32Array {
  const out: number[] = [];
  const target = c + k;
  for (let cu = 0; cu < index.customerIds.length; cu++) {
    const first = index.firstStart[cu];
    if (first === MISSING_DAY || periodIndexIn(grid, first) !== c) continue;
    let hit = kind === 'size';
    for (let i = index.intervalOffsets[cu]; i < index.intervalOffsets[cu + 1] && !hit; i++) {
      const [lo, hi] = periodEndsWithin(grid, index.intervalStarts[i], index.intervalEnds[i]);
      if (hi < lo) continue;
      hit = kind === 'on' ? lo <= target && target <= hi : hi >= target;
    }
    if (hit) out.push(cu);
  }
  return Uint32Array.from(out);
}

// Report views of the matrices (shares of the start and of the previous period, size-weighted averages).

/** One cohort view: counts, shares of the start and of the previous period, and the size-weighted average row. */
function cohortView(rows: readonly ArrayLike<number>[], base: readonly number[], ofStart: (number | null)[][], positiveBase: boolean): CohortView {
  const counts = rows.map((r) => Array.from(r));
  const ofPrevious = counts.map((r, c) =>
    r.map((v, k) => {
      const b = k === 0 ? base[c] : r[k - 1];
      return (positiveBase ? b > 0 : b !== 0) ? (v / b) * 100 : null;
    }),
  );
  const P = counts.length;
  const num = new Array<number>(P).fill(0);
  const den = new Array<number>(P).fill(0);
  const prevDen = new Array<number>(P).fill(0);
  const prevNum = new Array<number>(P).fill(0);
  const cohorts = new Array<number>(P).fill(0);
  for (let c = 0; c < P; c++) {
    if (!(positiveBase ? base[c] > 0 : base[c] !== 0)) continue;
    for (let k = 0; k < counts[c].length; k++) {
      num[k] += counts[c][k];
      den[k] += base[c];
      cohorts[k]++;
      prevNum[k] += counts[c][k];
      prevDen[k] += k === 0 ? base[c] : counts[c][k - 1];
    }
  }
  const share = (a: number, b: number) => (b === 0 || (positiveBase && !(b > 0)) ? null : (a / b) * 100);
  return {
    counts,
    base: [...base],
    ofStart,
    ofPrevious,
    average: {
      ofStart: num.map((a, k) => share(a, den[k])),
      ofPrevious: prevNum.map((a, k) => share(a, prevDen[k])),
      counts: num,
      base: den,
      cohorts,
    },
  };
}

/**
 * Subscriptions revenue view: cohort c's MRR on the last day of period c + k (the sum of `mrr`
 * of its customers' subscriptions running that day; missing MRR counts 0). One difference array
 * per cohort row: O(subscriptions + periods^2).
 */
export function subscriptionMrrCohorts(index: SubscriptionIndex, grid: PeriodGrid, cohort: Int32Array): Float64Array[] {
  const P = grid.count;
  const diff = Array.from({ length: P }, (_, c) => new Float64Array(P - c + 1));
  if (P === 0) return [];
  const firstDay = grid.starts[0];
  const lastDay = grid.ends[P - 1];
  const periodAt = periodLookup(grid);
  for (let k = 0; k < cohort.length; k++) {
    const c = cohort[k];
    if (c < 0) continue;
    for (let i = index.offsets[k]; i < index.offsets[k + 1]; i++) {
      const m = index.mrr[i];
      if (!(m === m) || m === 0) continue; // NaN or 0 adds nothing
      const s = index.starts[i];
      const e = index.ends[i]; // exclusive; OPEN_END = still running
      if (e - 1 < firstDay || s > lastDay) continue;
      // Periods whose last day lies in [s, e - 1]: from the one containing s to the last one ending by e - 1.
      const lo = s < firstDay ? 0 : periodAt(s);
      let hi = e - 1 > lastDay ? P - 1 : periodAt(e - 1);
      if (e - 1 <= lastDay && grid.ends[hi] > e - 1) hi--;
      const from = Math.max(lo, c);
      if (hi < from) continue;
      diff[c][from - c] += m;
      diff[c][hi - c + 1] -= m;
    }
  }
  return diff.map((row) => {
    const out = new Float64Array(row.length - 1);
    let run = 0;
    for (let k = 0; k < out.length; k++) {
      run += row[k];
      out[k] = Math.abs(run) < 1e-9 ? 0 : run;
    }
    return out;
  });
}

/** The report's cohort section: logo, unbounded and revenue views of a cohort matrix. */
export function cohortReport(m: CohortMatrix, customerCohort: Int32Array, mrrRows: Float64Array[] | null): CohortReport {
  const sizes = toNumbers(m.sizes);
  const logo = cohortView(m.on, sizes, cohortShares(m.on, m.sizes, 'cohort'), false);
  const unbounded = cohortView(m.unbounded, sizes, cohortShares(m.unbounded, m.sizes, 'cohort'), false);
  const money = m.view === 'orders' ? m.revenue : mrrRows;
  const revenue = money
    ? cohortView(
        money,
        money.map((r) => r[0]),
        revenueRetention(money),
        true,
      )
    : null;
  return { view: m.view, labels: [...m.grid.labels], sizes, logo, unbounded, revenue, customerCohort: toNumbers(customerCohort) };
}
