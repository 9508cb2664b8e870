/**
 * Views of the CLV report for the page's charts and exports, computed from its per-customer
 * arrays (pure, so Node tests run them): the value histogram, predicted CLV per acquisition
 * cohort, cohort LTV curves grouped by quarter or year, the RFM grid (R x F), and customer
 * lists as CSV rows with the columns the user picked.
 *
 * First and last purchase days come from the model's summary: f = E − 7·T and last = f + 7·t_x
 * (purchase-summary.ts measures T and t_x in weeks from the first purchase day to the
 * calibration end E), so they exist for the customers in the calibration only.
 */
import { dayToIso } from '../core/parse/date.ts';
import { quantileSorted } from '../core/stats/quantile-sorted.ts';
import type { CsvCell, CsvRow } from './csv-export.ts';
import type { ClvReport, CohortValue } from './types.ts';

const finite = (x: number): boolean => x === x && x !== Infinity && x !== -Infinity;

export interface Histogram {
  /** Bin edges, bins + 1 of them; the last bin is open-ended when `openEnded`. */
  readonly edges: number[];
  readonly counts: number[];
  /** True when values above the last edge were put in the last bin (a long tail cut at the 99th percentile). */
  readonly openEnded: boolean;
  readonly total: number;
}

/** A round step (1, 2 or 5 x 10^k) of about `raw`. */
export function niceStep(raw: number): number {
  if (!(raw > 0)) return 1;
  const p = Math.pow(10, Math.floor(Math.log10(raw)));
  const m = raw / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

/**
 * A histogram of the finite `values` with about `bins` round-width bins from min(0, lowest)
 * to the 99th percentile (a few very large customers would otherwise squeeze everyone else into
 * the first bar); values above it go into the last bin, which is then open-ended.
 */
export function histogram(values: readonly number[], bins = 20): Histogram {
  const sorted = values.filter(finite).sort((a, b) => a - b);
  if (sorted.length === 0) return { edges: [], counts: [], openEnded: false, total: 0 };
  const low = Math.min(0, sorted[0]);
  const high = sorted.length >= 100 ? quantileSorted(Float64Array.from(sorted), 0.99) : sorted[sorted.length - 1];
  const step = niceStep((high - low) / bins || 1);
  const start = Math.floor(low / step) * step;
  const n = Math.max(1, Math.ceil((high - start) / step));
  const edges = Array.from({ length: n + 1 }, (_, i) => start + i * step);
  const counts = new Array<number>(n).fill(0);
  let openEnded = false;
  for (const v of sorted) {
    let i = Math.floor((v - start) / step);
    if (i >= n) {
      i = n - 1;
      if (v > edges[n]) openEnded = true;
    }
    counts[i]++;
  }
  return { edges, counts, openEnded, total: sorted.length };
}

/** Predicted CLV and historical value of every customer with one, for the histogram. */
export function clvValues(report: ClvReport, measure: 'clv' | 'historical'): number[] {
  const p = report.perCustomer;
  const source = measure === 'clv' ? p.clv : p.historical;
  const out: number[] = [];
  for (let k = 0; k < source.length; k++) if ((measure === 'historical' || p.modelled[k]) && finite(source[k])) out.push(source[k]);
  return out;
}

/** The first purchase day of customer k in the calibration (null outside it). */
export function firstDayOf(report: ClvReport, k: number): number | null {
  if (!report.perCustomer.modelled[k]) return null;
  return report.params.calibrationEnd - Math.round(7 * report.perCustomer.T[k]);
}

/** The last purchase day up to the calibration end of customer k (null outside the calibration). */
export function lastDayOf(report: ClvReport, k: number): number | null {
  const f = firstDayOf(report, k);
  return f === null ? null : f + Math.round(7 * report.perCustomer.tx[k]);
}

/** Mean predicted CLV per acquisition month (`yyyy-mm`), over the calibration's customers with a CLV. */
export function predictedByCohort(report: ClvReport): Map<string, { customers: number; mean: number }> {
  const sums = new Map<string, { customers: number; sum: number }>();
  const p = report.perCustomer;
  for (let k = 0; k < p.clv.length; k++) {
    if (!p.modelled[k] || !finite(p.clv[k])) continue;
    const month = dayToIso(firstDayOf(report, k)!).slice(0, 7);
    const e = sums.get(month) ?? { customers: 0, sum: 0 };
    e.customers++;
    e.sum += p.clv[k];
    sums.set(month, e);
  }
  return new Map([...sums].map(([m, e]) => [m, { customers: e.customers, mean: e.sum / e.customers }]));
}

export type CohortGrouping = 'month' | 'quarter' | 'year';

export interface CohortCurve {
  /** `2024-03`, `2024-Q1` or `2024`. */
  readonly label: string;
  readonly customers: number;
  /** Cumulative value per customer at months 0, 1, … since the first order, as far as every cohort of the group was observed. */
  readonly curve: number[];
}

/** The group label of a `yyyy-mm` cohort. */
export function cohortGroupOf(cohort: string, grouping: CohortGrouping): string {
  if (grouping === 'month') return cohort;
  const year = cohort.slice(0, 4);
  return grouping === 'year' ? year : `${year}-Q${Math.floor((Number(cohort.slice(5, 7)) - 1) / 3) + 1}`;
}

/**
 * Cohort LTV curves grouped by quarter or year: per month since the first order, the
 * customer-weighted mean of the monthly cohorts' curves, up to the shortest curve of the group
 * (so a point never mixes observed and unobserved cohorts).
 */
export function groupCohortCurves(cohorts: readonly CohortValue[], grouping: CohortGrouping): CohortCurve[] {
  const groups = new Map<string, CohortValue[]>();
  for (const c of cohorts) {
    const g = cohortGroupOf(c.cohort, grouping);
    groups.set(g, [...(groups.get(g) ?? []), c]);
  }
  return [...groups].map(([label, list]) => {
    const customers = list.reduce((s, c) => s + c.customers, 0);
    const length = Math.min(...list.map((c) => c.curve.length));
    const curve = Array.from({ length }, (_, j) => (customers > 0 ? list.reduce((s, c) => s + c.customers * c.curve[j], 0) / customers : 0));
    return { label, customers, curve };
  });
}

/** Grouping that keeps the chart readable: months up to 12 cohorts, quarters up to 12 quarters, else years. */
export function defaultGrouping(cohorts: readonly CohortValue[]): CohortGrouping {
  if (cohorts.length <= 12) return 'month';
  return new Set(cohorts.map((c) => cohortGroupOf(c.cohort, 'quarter'))).size <= 12 ? 'quarter' : 'year';
}

export interface RfmCell {
  readonly r: number;
  readonly f: number;
  readonly customers: number;
  readonly revenue: number;
}

/** Customers and revenue per (R, F) score pair: grid[r - 1][f - 1]. */
export function rfmGrid(report: ClvReport): RfmCell[][] {
  const p = report.perCustomer;
  const grid = Array.from({ length: 5 }, (_, i) => Array.from({ length: 5 }, (_, j) => ({ r: i + 1, f: j + 1, customers: 0, revenue: 0 })));
  for (let k = 0; k < p.rfmR.length; k++) {
    const r = p.rfmR[k];
    const f = p.rfmF[k];
    if (r < 1 || f < 1) continue;
    const cell = grid[r - 1][f - 1];
    cell.customers++;
    if (finite(p.revenue[k])) cell.revenue += p.revenue[k];
  }
  return grid;
}

/** Customer numbers of an RFM group (index into RFM_GROUPS), most revenue first. */
export function rfmMembers(report: ClvReport, group: number): number[] {
  const p = report.perCustomer;
  const out: number[] = [];
  for (let k = 0; k < p.rfmGroup.length; k++) if (p.rfmGroup[k] === group) out.push(k);
  const rev = (k: number) => (finite(p.revenue[k]) ? p.revenue[k] : -Infinity);
  return out.sort((a, b) => rev(b) - rev(a) || a - b);
}

/** The columns a customer list can carry besides the customer id. */
export const MEMBER_COLUMNS = ['revenue', 'historical', 'clv', 'pAlive', 'expectedPurchases', 'expectedSpend', 'repeatPurchases', 'firstPurchase', 'lastPurchase', 'rfmScores', 'rfmGroup'] as const;
export type MemberColumn = (typeof MEMBER_COLUMNS)[number];
export const DEFAULT_COLUMNS: readonly MemberColumn[] = ['revenue', 'clv', 'pAlive', 'lastPurchase', 'rfmGroup'];

export interface MemberRowsText {
  /** Column headers, by column (and `id` for the customer id). */
  readonly headers: Readonly<Record<MemberColumn | 'id', string>>;
  /** What an unjudgeable P(alive) reads as ("cannot judge"). */
  readonly cannotJudge: string;
  /** RFM group names by index into RFM_GROUPS. */
  readonly groupNames: readonly string[];
}

const round = (x: number, digits: number): CsvCell => (finite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : null);

/** One cell of customer k. */
function cell(report: ClvReport, k: number, column: MemberColumn, text: MemberRowsText): CsvCell {
  const p = report.perCustomer;
  switch (column) {
    case 'revenue':
      return round(p.revenue[k], 2);
    case 'historical':
      return round(p.historical[k], 2);
    case 'clv':
      return p.modelled[k] ? round(p.clv[k], 2) : null;
    case 'pAlive':
      if (!p.modelled[k]) return null;
      return finite(p.pAlive[k]) ? round(p.pAlive[k], 4) : text.cannotJudge;
    case 'expectedPurchases':
      return p.modelled[k] ? round(p.expectedPurchases[k], 3) : null;
    case 'expectedSpend':
      return p.modelled[k] ? round(p.expectedSpend[k], 2) : null;
    case 'repeatPurchases':
      return p.modelled[k] ? p.x[k] : null;
    case 'firstPurchase': {
      const d = firstDayOf(report, k);
      return d === null ? null : dayToIso(d);
    }
    case 'lastPurchase': {
      const d = lastDayOf(report, k);
      return d === null ? null : dayToIso(d);
    }
    case 'rfmScores':
      return p.rfmR[k] > 0 ? `${p.rfmR[k]}-${p.rfmF[k]}-${p.rfmM[k]}` : null;
    case 'rfmGroup':
      return p.rfmGroup[k] < text.groupNames.length ? text.groupNames[p.rfmGroup[k]] : null;
  }
}

/**
 * A customer list as CSV rows: a header, then one row per customer number with the id (`ids`,
 * one per customer, from the worker) and the chosen columns (in MEMBER_COLUMNS order), plus any
 * extra columns (the anniversary's date).
 */
export function memberRows(
  report: ClvReport,
  customers: readonly number[],
  ids: readonly string[],
  columns: readonly MemberColumn[],
  text: MemberRowsText,
  extra?: { readonly headers: readonly string[]; readonly cells: (i: number) => readonly CsvCell[] },
): CsvRow[] {
  const chosen = MEMBER_COLUMNS.filter((c) => columns.includes(c));
  const rows: CsvRow[] = [[text.headers.id, ...chosen.map((c) => text.headers[c]), ...(extra?.headers ?? [])]];
  customers.forEach((k, i) => rows.push([ids[i], ...chosen.map((c) => cell(report, k, c, text)), ...(extra?.cells(i) ?? [])]));
  return rows;
}
