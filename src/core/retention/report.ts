/**
 * The retention report: every figure of the retention dashboard and of `npm run analyze --json`
 * from one pure function over the workspace's tables (issue 3; DESIGN.md sections 2 and 3;
 * definitions and readings in docs/metrics.md).
 *
 * Pipeline (each step is a module of this folder):
 *   per-customer index (customer-index.ts) -> activity on the period boundaries (activity.ts)
 *   -> S, E, N, lost, retained, reactivated, CRR, exact, churn per period (retention-periods.ts)
 *   -> revenue new vs returning (revenue-by-period.ts) -> cohort matrices (cohorts.ts)
 *   -> lifetimes, Kaplan-Meier and an sBG fit on one cohort (lifetimes.ts, survival-km.ts, sbg.ts)
 *   -> MRR movements, NRR and GRR (mrr.ts) -> churn definitions side by side (churn-definitions.ts)
 *   -> receipts (report-receipts.ts).
 *
 * Complexity: O(n + customers x periods / 32 + periods^2) plus O(n log n) for the sorts of the
 * window suggestion and Kaplan-Meier; about 0.5 s for 1M orders / 100k customers in Node.
 *
 * Bad-input policy: throws a TypeError when the source table is missing or lacks its required
 * columns, a RangeError for a bad period unit, window, date or definition; rows with a missing
 * customer id or date are skipped and counted (`skippedRows`).
 */
import { isoToDay, dayToIso } from '../parse/date.ts';
import { MISSING_CODE, MISSING_DAY, type Table } from '../table.ts';
import { activeOrderCustomers, activeSubscriptionCustomers, subscriptionActivityAt } from './activity.ts';
import { churnRates, definitionsFor } from './churn-definitions.ts';
import { cohortShares, orderCohorts, revenueRetention, subscriptionCohorts, type CohortMatrix } from './cohorts.ts';
import { buildOrderIndex, buildSubscriptionIndex, OPEN_END, type OrderIndex, type SubscriptionIndex } from './customer-index.ts';
import { orderLifetimes, subscriptionLifetimes, type Lifetimes } from './lifetimes.ts';
import { mrrByPeriod } from './mrr.ts';
import { boundaryDays, periodLookup, type PeriodGrid, type PeriodUnit } from './periods.ts';
import { crrReceipt, exactReceipt, mrrReceipt, periodChurnReceipt } from './report-receipts.ts';
import type {
  CancellationChurn,
  ChurnDefinition,
  CohortReport,
  CohortView,
  Kpi,
  Kpis,
  MrrRow,
  PeriodRow,
  RetentionParams,
  RetentionReport,
  SbgReport,
  SurvivalReport,
  WindowReport,
} from './report-types.ts';
import { receiptNumber, type Receipt } from './receipts.ts';
import { orderRetention, retentionByPeriod, subscriptionRetention, firstPeriods, type RetentionSeries } from './retention-periods.ts';
import { revenueByPeriod } from './revenue-by-period.ts';
import { fitSbg, sbgExpectedLifetime, sbgProjection } from './sbg.ts';
import { suggestWindow } from './suggest-window.ts';
import { kaplanMeier } from './survival-km.ts';

export type * from './report-types.ts';
export { evaluateReceipt } from './receipts.ts';
export { CHURN_DEFINITIONS, churnRates, definitionsFor } from './churn-definitions.ts';
export { cohortReceipt, countReceipt, crrReceipt, exactReceipt, mrrReceipt, periodChurnReceipt, periodMembers } from './report-receipts.ts';

const UNITS: readonly PeriodUnit[] = ['month', 'quarter', 'year'];
const DEFINITIONS: readonly ChurnDefinition[] = ['A', 'B', 'C', 'D', 'E'];
/** sBG: projection horizon in periods beyond the calibration periods, per unit. */
const SBG_HORIZON: Readonly<Record<PeriodUnit, number>> = { month: 12, quarter: 4, year: 5 };
/** sBG: fewest complete periods after the cohort's start for a default cohort (n_0 .. n_3). */
const SBG_MIN_PERIODS = 3;

/** Tables the report reads (storage's loadWorkspaceTables gives them by kind). */
export interface RetentionTables {
  readonly orders?: Table;
  readonly subscriptions?: Table;
  readonly customers?: Table;
  /** Cancellations (kind 'churn': customer_id, date); enables churn definitions D and E. */
  readonly churn?: Table;
}

function checkParams(params: RetentionParams): void {
  if (!UNITS.includes(params.period)) throw new RangeError(`retentionReport requires period month, quarter or year, got ${String(params.period)}`);
  if (!Number.isInteger(params.windowDays) || params.windowDays < 1) {
    throw new RangeError(`retentionReport requires a whole windowDays >= 1, got ${params.windowDays}`);
  }
  if (params.definition !== undefined && !DEFINITIONS.includes(params.definition)) {
    throw new RangeError(`retentionReport requires definition A, B, C, D or E, got ${String(params.definition)}`);
  }
  if (params.source !== undefined && params.source !== 'orders' && params.source !== 'subscriptions') {
    throw new RangeError(`retentionReport requires source orders or subscriptions, got ${String(params.source)}`);
  }
  for (const key of ['from', 'to'] as const) {
    const v = params[key];
    if (v !== undefined && Number.isNaN(isoToDay(v))) throw new RangeError(`retentionReport requires ${key} as yyyy-mm-dd, got '${v}'`);
  }
}

/** Typed array -> plain array with an indexed loop (Array.from walks the iterator: several times slower). */
function toNumbers(a: ArrayLike<number>): number[] {
  const n = a.length;
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = a[i];
  return out;
}

function windowReport(index: OrderIndex, used: number): WindowReport {
  const s = suggestWindow(index);
  const explanation =
    s.basis === 'default'
      ? `No customer bought on two different days, so the default of ${s.window} days is suggested.`
      : `${Math.round(s.percentile * 100)} % of repeat purchases came within ${receiptNumber(s.percentileDays)} days of the previous one ` +
        `(${s.gaps} gaps between purchase days of ${s.customers} customers; median ${receiptNumber(s.medianDays)} days)` +
        (s.clamped ? `, clamped to ${s.window} days (7 to 730).` : `, so W = ${s.window} days.`);
  return {
    used,
    suggested: s.window,
    basis: s.basis,
    gaps: s.gaps,
    customers: s.customers,
    percentile: s.percentile,
    percentileDays: s.percentileDays,
    medianDays: s.medianDays,
    clamped: s.clamped,
    explanation,
  };
}

/**
 * Cancellation-adjusted activity (churn definition D): each subscription spell ends on the latest
 * cancellation dated inside it, when there is one. O(spells + cancellations).
 */
function cancellationIndex(index: SubscriptionIndex, churn: Table): SubscriptionIndex | null {
  const ids = churn.columns.customer_id;
  const date = churn.columns.date;
  if (ids?.type !== 'dict' || date?.type !== 'day') return null;
  const numberOf = new Map<string, number>();
  index.customerIds.forEach((id, k) => numberOf.set(id, k));
  // Cancellations per customer, as CSR sorted by day.
  const K = index.customerIds.length;
  const count = new Uint32Array(K + 1);
  const cust = new Int32Array(churn.length).fill(-1);
  for (let i = 0; i < churn.length; i++) {
    const c = ids.codes[i];
    if (c === MISSING_CODE || c >= ids.dict.length || date.data[i] === MISSING_DAY) continue;
    const k = numberOf.get(ids.dict[c]);
    if (k === undefined) continue;
    cust[i] = k;
    count[k + 1]++;
  }
  for (let k = 0; k < K; k++) count[k + 1] += count[k];
  const days = new Int32Array(count[K]);
  const next = count.slice(0, K);
  for (let i = 0; i < churn.length; i++) if (cust[i] >= 0) days[next[cust[i]]++] = date.data[i];
  for (let k = 0; k < K; k++) days.subarray(count[k], count[k + 1]).sort();
  if (days.length === 0) return null;
  const ends = index.intervalEnds.slice();
  for (let k = 0; k < K; k++) {
    for (let i = index.intervalOffsets[k]; i < index.intervalOffsets[k + 1]; i++) {
      const s = index.intervalStarts[i];
      const e = index.intervalEnds[i];
      // Latest cancellation in [s, e] (a cancellation on the paid end day is the same churn).
      let best = MISSING_DAY;
      for (let t = count[k]; t < count[k + 1]; t++) if (days[t] >= s && (days[t] <= e || e === OPEN_END)) best = days[t];
      if (best !== MISSING_DAY && best < e) ends[i] = Math.max(best, s + 1);
    }
  }
  return { ...index, intervalEnds: ends };
}

function cancellationChurn(series: RetentionSeries, adjusted: SubscriptionIndex, lastDay: number): (CancellationChurn | null)[] {
  const grid = series.grid;
  const activity = subscriptionActivityAt(adjusted, boundaryDays(grid));
  const periods = retentionByPeriod(grid, activity, series.firstPeriod, lastDay);
  return periods.map((p, j) => {
    const lostE = new Set(series.periods[j].members.lost);
    const lostD = new Set(p.members.lost);
    return {
      startActive: p.startActive,
      lost: p.lost,
      cancelledPaidLater: Array.from(p.members.lost).filter((k) => !lostE.has(k)),
      endedCancelledEarlier: Array.from(series.periods[j].members.lost).filter((k) => !lostD.has(k)),
    };
  });
}

function explanationOf(p: { S: number; reactivated: number; newLost: number; crr: number | null; exact: number | null }): string {
  if (p.S === 0 || (p.reactivated === 0 && p.newLost === 0)) return '';
  const parts: string[] = [];
  if (p.reactivated > 0) parts.push(`${p.reactivated} ${p.reactivated === 1 ? 'customer came' : 'customers came'} back after a pause (CRR counts them as retained)`);
  if (p.newLost > 0) parts.push(`${p.newLost} new ${p.newLost === 1 ? 'customer was' : 'customers were'} no longer active at the period's end (CRR subtracts all new customers, exact retention ignores them)`);
  return `CRR (${receiptNumber(p.crr)} %) and exact retention (${receiptNumber(p.exact)} %) differ because ${parts.join(' and ')}.`;
}

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
function subscriptionMrrCohorts(index: SubscriptionIndex, grid: PeriodGrid, cohort: Int32Array): Float64Array[] {
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

function cohortReport(m: CohortMatrix, customerCohort: Int32Array, mrrRows: Float64Array[] | null): CohortReport {
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

/**
 * sBG survival counts of each cohort: n_0 = customers of the cohort with a lifetime, n_t =
 * those still in their first spell on the last day of period c + t - 1, for the complete
 * periods only (last day <= lastDay). O(lifetimes + periods^2).
 */
function cohortSurvivalCounts(grid: PeriodGrid, startDay: Int32Array, lt: Lifetimes, lastDay: number): number[][] {
  const P = grid.count;
  const complete = new Int32Array(P); // complete periods from c on: max T with ends[c + T - 1] <= lastDay
  for (let c = 0; c < P; c++) {
    let T = 0;
    while (c + T < P && grid.ends[c + T] <= lastDay) T++;
    complete[c] = T;
  }
  const hist: Uint32Array[] = Array.from({ length: P }, (_, c) => new Uint32Array(complete[c] + 1));
  const periodAt = periodLookup(grid); // one array read per day instead of calendar arithmetic
  for (let i = 0; i < lt.customers.length; i++) {
    const start = startDay[lt.customers[i]];
    const c = periodAt(start);
    if (c < 0) continue;
    const T = complete[c];
    let m = T;
    if (lt.observed[i]) {
      const lastActive = start + lt.durations[i] - 1; // churn day - 1
      const j = periodAt(lastActive);
      if (j >= 0) m = Math.min(T, j - c + (lastActive === grid.ends[j] ? 1 : 0));
    }
    hist[c][Math.max(0, m)]++;
  }
  return hist.map((h) => {
    const out = new Array<number>(h.length).fill(0);
    let run = 0;
    for (let t = h.length - 1; t >= 0; t--) {
      run += h[t];
      out[t] = run;
    }
    return out;
  });
}

function sbgReport(grid: PeriodGrid, counts: number[][], wanted: string | undefined): SbgReport | null {
  let pick = -1;
  if (wanted !== undefined) {
    const c = grid.labels.indexOf(wanted);
    if (c >= 0 && counts[c].length >= 3 && counts[c][0] > 0) pick = c;
  }
  if (pick < 0) {
    for (let c = 0; c < counts.length; c++) {
      if (counts[c].length < SBG_MIN_PERIODS + 1 || counts[c][0] === 0) continue;
      // Most customer-periods of evidence: size x observed periods (ties: the earlier cohort).
      const score = counts[c][0] * (counts[c].length - 1);
      if (pick < 0 || score > counts[pick][0] * (counts[pick].length - 1)) pick = c;
    }
  }
  if (pick < 0) return null;
  const n = counts[pick];
  const fit = fitSbg(n);
  const horizon = SBG_HORIZON[grid.unit];
  const T = n.length - 1;
  // An optimiser that ran off to the boundary (converged = false) can leave non-finite shapes,
  // which the projection refuses: report the fit without a projection then.
  const usable = fit.alpha > 0 && fit.beta > 0 && Number.isFinite(fit.alpha) && Number.isFinite(fit.beta);
  const proj = usable ? sbgProjection(fit.alpha, fit.beta, 0, T + horizon, n[0]) : null;
  const points = !proj ? [] : Array.from(proj.t, (t, i) => ({
    t,
    observed: t <= T ? n[t] : null,
    projected: proj.survivors[i],
    survival: proj.survival[i],
    retentionRate: t === 0 ? null : proj.retentionRate[i],
    calibration: t <= T,
  }));
  return {
    cohort: grid.labels[pick],
    unit: grid.unit,
    counts: n,
    alpha: fit.alpha,
    beta: fit.beta,
    logLikelihood: fit.logLikelihood,
    converged: fit.converged,
    points,
    horizon,
    expectedLifetime: usable ? sbgExpectedLifetime(fit.alpha, fit.beta, T + horizon) : null,
    note:
      'The projected retention rate (beta + t - 1) / (alpha + beta + t - 1) rises with t although no customer becomes more loyal: ' +
      'the customers likely to leave leave early, and those who remain are the loyal ones.',
  };
}

/** The lifetimes of customers whose start is on or after `from`. O(lifetimes). */
function startingFrom(lt: Lifetimes, firstDay: Int32Array, from: number): Lifetimes {
  let n = 0;
  for (let i = 0; i < lt.customers.length; i++) if (firstDay[lt.customers[i]] >= from) n++;
  const out = { durations: new Float64Array(n), observed: new Uint8Array(n), customers: new Uint32Array(n) };
  for (let i = 0, j = 0; i < lt.customers.length; i++) {
    if (firstDay[lt.customers[i]] < from) continue;
    out.durations[j] = lt.durations[i];
    out.observed[j] = lt.observed[i];
    out.customers[j++] = lt.customers[i];
  }
  return out;
}

function filtersOf(source: 'orders' | 'subscriptions', unit: PeriodUnit, from: number, to: number, window: number, skipped: number, asOf: number): string[] {
  const out = [`periods: calendar ${unit}s from ${dayToIso(from)} to ${dayToIso(to)}`, `now = ${dayToIso(asOf)} (the data's last day)`];
  if (source === 'orders') {
    out.push(
      `active on day d = an order with amount > 0 dated d - ${window - 1} .. d (W = ${window} days)`,
      'orders with amount <= 0 (refunds, corrections) never make a customer active; they count in revenue',
    );
  } else {
    out.push('active on day d = a subscription with start <= d < end (no end = still running); touching or overlapping subscriptions are one spell');
  }
  if (skipped > 0) out.push(`${skipped} rows left out (missing customer id or date${source === 'subscriptions' ? ', or end on or before start' : ''})`);
  return out;
}

/**
 * The source the report uses: params.source, else subscriptions when there are any, else
 * orders; with its table. O(1).
 *
 * @throws TypeError "retentionReport requires an orders or subscriptions table"
 */
export function resolveSource(tables: RetentionTables, params: Pick<RetentionParams, 'source'>): { source: 'orders' | 'subscriptions'; table: Table } {
  const hasSubs = (tables.subscriptions?.length ?? 0) > 0;
  const source = params.source ?? (hasSubs ? 'subscriptions' : 'orders');
  const table = source === 'subscriptions' ? tables.subscriptions : tables.orders;
  if (!table) throw new TypeError('retentionReport requires an orders or subscriptions table');
  return { source, table };
}

/**
 * The first and last day the report covers: params.from / params.to, else the data's range
 * (an empty index gives the empty range 0 .. -1). The period grid is built over whole periods
 * of this range. O(1).
 */
export function dayRange(index: { readonly minDay: number; readonly maxDay: number }, params: Pick<RetentionParams, 'from' | 'to'>): [number, number] {
  const empty = index.minDay === MISSING_DAY;
  const from = params.from !== undefined ? isoToDay(params.from) : empty ? 0 : index.minDay;
  const to = params.to !== undefined ? isoToDay(params.to) : empty ? -1 : index.maxDay;
  return [from, to];
}

/**
 * Builds the whole retention report (see the file comment and report-types.ts).
 *
 * @param tables the workspace's tables by kind; the source is `params.source`, else
 *   subscriptions when there are any, else orders.
 * @param onProgress called with (done, total) after each of the pipeline's steps.
 * @throws TypeError "retentionReport requires an orders or subscriptions table" (or a missing column)
 * @throws RangeError for bad params (period, windowDays, from/to, definition)
 * @example retentionReport({ orders }, { period: 'month', windowDays: 90 }).kpis.crr?.value
 */
export function retentionReport(tables: RetentionTables, params: RetentionParams, onProgress?: (done: number, total: number) => void): RetentionReport {
  checkParams(params);
  const TOTAL = 7;
  let done = 0;
  const step = () => onProgress?.(++done, TOTAL);
  const hasSubs = (tables.subscriptions?.length ?? 0) > 0;
  const { source, table } = resolveSource(tables, params);
  const unit = params.period;
  const W = params.windowDays;
  const definition = params.definition ?? 'A';

  const orderIndex = source === 'orders' ? buildOrderIndex(table) : null;
  const subIndex = source === 'subscriptions' ? buildSubscriptionIndex(table) : hasSubs && tables.subscriptions!.columns.mrr ? buildSubscriptionIndex(tables.subscriptions!) : null;
  const index = (orderIndex ?? subIndex)!;
  step();

  const empty = index.minDay === MISSING_DAY;
  const [from, toRaw] = dayRange(index, params);
  const series =
    orderIndex !== null
      ? orderRetention(orderIndex, { unit, window: W, from, to: toRaw })
      : subscriptionRetention(index as SubscriptionIndex, { unit, from, to: toRaw });
  const grid = series.grid;
  const gridEnd = grid.count > 0 ? grid.ends[grid.count - 1] : toRaw;
  const asOf = empty ? toRaw : Math.min(index.maxDay, gridEnd);
  step();

  // D / E: subscriptions with a cancellations table.
  const adjusted = source === 'subscriptions' && tables.churn && tables.churn.length > 0 ? cancellationIndex(index as SubscriptionIndex, tables.churn) : null;
  const cancellations = adjusted ? cancellationChurn(series, adjusted, index.maxDay) : null;
  const revenue = orderIndex ? revenueByPeriod(orderIndex, grid) : null;
  const periods: PeriodRow[] = series.periods.map((p, j) => {
    const base = { S: p.startActive, N: p.new, lost: p.lost, newLost: p.newInactiveAtEnd };
    const cancellation = cancellations ? cancellations[j] : null;
    const churn = churnRates(base, cancellation);
    return {
      period: p.period,
      start: dayToIso(p.start),
      end: dayToIso(p.end),
      complete: p.end <= asOf,
      S: p.startActive,
      E: p.endActive,
      N: p.new,
      lost: p.lost,
      retained: p.retained,
      reactivated: p.reactivated,
      newLost: p.newInactiveAtEnd,
      crr: p.crr,
      exact: p.exact,
      churnRate: churn[definition],
      churn,
      cancellation,
      revenue: revenue ? revenue.total[j] : null,
      revenueNew: revenue ? revenue.fromNew[j] : null,
      revenueReturning: revenue ? revenue.fromReturning[j] : null,
      members: {
        lost: toNumbers(p.members.lost),
        reactivated: toNumbers(p.members.reactivated),
        new: toNumbers(p.members.new),
        newLost: toNumbers(p.members.newInactiveAtEnd),
      },
      explanation: explanationOf({ S: p.startActive, reactivated: p.reactivated, newLost: p.newInactiveAtEnd, crr: p.crr, exact: p.exact }),
    };
  });
  const activityRows: number[][] = [];
  for (let t = 0; t < series.activity.days.length; t++) {
    activityRows.push(toNumbers(series.activity.bits.subarray(t * series.activity.stride, (t + 1) * series.activity.stride)));
  }
  step();

  const matrix = orderIndex ? orderCohorts(orderIndex, grid) : subscriptionCohorts(index as SubscriptionIndex, grid);
  const firstDay = orderIndex ? orderIndex.firstActiveDay : (index as SubscriptionIndex).firstStart;
  const customerCohort = firstPeriods(grid, firstDay);
  const mrrCohorts = orderIndex === null && table.columns.mrr ? subscriptionMrrCohorts(index as SubscriptionIndex, grid, customerCohort) : null;
  const cohorts = cohortReport(matrix, customerCohort, mrrCohorts);
  step();

  // Survival: lifetimes of customers who started in the covered range, censored at asOf.
  const allLifetimes = empty
    ? { durations: new Float64Array(0), observed: new Uint8Array(0), customers: new Uint32Array(0) }
    : orderIndex
      ? orderLifetimes(orderIndex, W, asOf)
      : subscriptionLifetimes(index as SubscriptionIndex, asOf);
  const lifetimes = params.from === undefined ? allLifetimes : startingFrom(allLifetimes, firstDay, from);
  const km = kaplanMeier(lifetimes.durations, lifetimes.observed);
  const survivalCounts = cohortSurvivalCounts(grid, firstDay, lifetimes, asOf);
  const sbg = sbgReport(grid, survivalCounts, params.sbgCohort);
  const survival: SurvivalReport = {
    unit: 'days',
    censoredOn: dayToIso(asOf),
    subjects: km.subjects,
    events: km.totalEvents,
    censored: km.subjects - km.totalEvents,
    points: Array.from(km.time, (t, i) => ({
      t,
      atRisk: km.atRisk[i],
      events: km.events[i],
      censored: km.censored[i],
      survival: km.survival[i],
      lower: km.lower[i],
      upper: km.upper[i],
    })),
    median: km.median,
    medianLower: km.medianLower,
    medianUpper: km.medianUpper,
    sbg,
  };
  step();

  let mrr: MrrRow[] | null = null;
  if (subIndex && (source === 'subscriptions' ? table.columns.mrr : true)) {
    mrr = mrrByPeriod(subIndex, grid).map((m) => ({
      period: m.period,
      start: dayToIso(m.start),
      end: dayToIso(m.end),
      complete: m.end <= asOf,
      mrrStart: m.mrrStart,
      mrrEnd: m.mrrEnd,
      new: m.movements.new,
      expansion: m.movements.expansion,
      contraction: m.movements.contraction,
      churn: m.movements.churn,
      reactivation: m.movements.reactivation,
      nrr: m.nrr,
      grr: m.grr,
      members: {
        new: toNumbers(m.members.new),
        expansion: toNumbers(m.members.expansion),
        contraction: toNumbers(m.members.contraction),
        churn: toNumbers(m.members.churn),
        reactivation: toNumbers(m.members.reactivation),
      },
    }));
  }
  step();

  const window = orderIndex ? windowReport(orderIndex, W) : null;
  const filters = filtersOf(source, unit, grid.count > 0 ? grid.starts[0] : from, gridEnd, W, index.skippedRows, asOf);
  const resolved = {
    period: unit,
    windowDays: W,
    from: grid.count > 0 ? dayToIso(grid.starts[0]) : (params.from ?? ''),
    to: grid.count > 0 ? dayToIso(gridEnd) : (params.to ?? ''),
    definition,
    source,
    sbgCohort: params.sbgCohort ?? null,
  };
  const partial = {
    version: 1 as const,
    source,
    params: resolved,
    dataFirst: empty ? null : dayToIso(index.minDay),
    dataLast: empty ? null : dayToIso(index.maxDay),
    customers: [...index.customerIds],
    skippedRows: index.skippedRows,
    window,
    periods,
    activity: { stride: series.activity.stride, rows: activityRows },
    cohorts,
    survival,
    mrr,
    filters,
  };

  let kpiPeriod = -1;
  for (let j = periods.length - 1; j >= 0; j--) {
    if (periods[j].complete) {
      kpiPeriod = j;
      break;
    }
  }
  const now = empty ? new Uint32Array(0) : orderIndex ? activeOrderCustomers(orderIndex, asOf, W) : activeSubscriptionCustomers(index as SubscriptionIndex, asOf);
  const nowReceipt: Receipt = {
    figure: 'customers now',
    value: now.length,
    unit: 'customers',
    formula: 'count of customers active on the last day of data',
    substituted: `${now.length} customers active on ${dayToIso(asOf)}`,
    inputs: [{ symbol: 'active', name: `customers active on ${dayToIso(asOf)}`, value: now.length, members: toNumbers(now) }],
    kind: 'count',
    numerator: [{ symbol: 'active', sign: 1 }],
    denominator: [],
    scale: 1,
    window: source === 'orders' ? W : null,
    filters,
    source: 'DESIGN.md section 2',
  };
  const medianReceipt: Receipt = {
    figure: 'median lifetime',
    value: km.median,
    unit: 'days',
    formula: 'first t with Kaplan-Meier S(t) <= 0.5; S(t) = product over t_i <= t of (1 - d_i / n_i)',
    substituted:
      km.median === null
        ? `not reached: S(t) stays above 0.5 up to the last observed lifetime (${km.subjects} customers, ${km.totalEvents} churned, ${km.subjects - km.totalEvents} censored)`
        : `S(${km.median}) = ${receiptNumber(survival.points.find((p) => p.t === km.median)?.survival ?? NaN)} <= 0.5 (${km.subjects} customers, ${km.totalEvents} churned, ${km.subjects - km.totalEvents} censored); 95 % CI ${km.medianLower ?? 'n/a'} .. ${km.medianUpper ?? 'not reached'} days`,
    inputs: [
      { symbol: 'customers', name: 'customers with a lifetime (start in range)', value: km.subjects },
      { symbol: 'churned', name: 'lifetimes ending in churn', value: km.totalEvents },
      { symbol: 'censored', name: `still active on ${dayToIso(asOf)} (censored)`, value: km.subjects - km.totalEvents },
    ],
    kind: 'lookup',
    numerator: [],
    denominator: [],
    scale: 1,
    window: source === 'orders' ? W : null,
    filters,
    source: 'DESIGN.md section 3 (survival); docs/metrics.md "Survival"',
  };
  const kpiOf = (receipt: Receipt | null): Kpi | null => (receipt ? { value: receipt.value, unit: receipt.unit, receipt } : null);
  const draft = { ...partial, kpis: null as unknown as Kpis, definitions: null, availableDefinitions: [] };
  const mrrRow = kpiPeriod >= 0 && mrr ? kpiPeriod : -1;
  const kpis: Kpis = {
    asOf: dayToIso(asOf),
    period: kpiPeriod >= 0 ? periods[kpiPeriod].period : null,
    customersNow: kpiOf(nowReceipt)!,
    crr: kpiPeriod >= 0 ? kpiOf(crrReceipt(draft, kpiPeriod)) : null,
    exact: kpiPeriod >= 0 ? kpiOf(exactReceipt(draft, kpiPeriod)) : null,
    churnRate: kpiPeriod >= 0 ? kpiOf(periodChurnReceipt(draft, kpiPeriod, definition)) : null,
    nrr: mrrRow >= 0 ? kpiOf(mrrReceipt(draft, mrrRow, 'nrr')) : null,
    grr: mrrRow >= 0 ? kpiOf(mrrReceipt(draft, mrrRow, 'grr')) : null,
    medianLifetime: kpiOf(medianReceipt)!,
  };
  step();
  return {
    ...partial,
    kpis,
    availableDefinitions: cancellations ? ['A', 'B', 'C', 'D', 'E'] : ['A', 'B', 'C'],
    definitions: kpiPeriod >= 0 ? definitionsFor(periods[kpiPeriod], { window: source === 'orders' ? W : null, filters }) : null,
  };
}
