/**
 * The retention report: every figure of the retention dashboard and of `npm run analyze --json`
 * from one pure function over the workspace's tables (issue 3; DESIGN.md sections 2 and 3;
 * definitions and readings in docs/metrics.md). This file only assembles; each step is a module
 * of this folder:
 *
 *   source and its per-customer index (report-source.ts, customer-index.ts)
 *   -> S, E, N, lost, retained, reactivated, CRR, exact, churn per period (retention-periods.ts,
 *      period-rows.ts; cancellations for definitions D and E: cancellations.ts)
 *   -> revenue new vs returning (revenue-by-period.ts) -> cohort matrices and views (cohorts.ts)
 *   -> lifetimes, Kaplan-Meier and an sBG fit on one cohort (lifetimes.ts, survival-report.ts)
 *   -> MRR movements, NRR and GRR (mrr.ts) -> the window suggestion (window-report.ts)
 *   -> KPIs with receipts (kpis.ts) -> churn definitions side by side (churn-definitions.ts).
 *
 * A segment is "the same analysis on a mask" (core/customers): `options.keep` leaves the other
 * customers' rows out of the source table before anything is counted.
 *
 * Complexity: O(n + customers x periods / 32 + periods^2) plus O(n log n) for the sorts of the
 * window suggestion and Kaplan-Meier; about 0.5 s for 1M orders / 100k customers in Node.
 *
 * Bad-input policy: throws a TypeError when the source table is missing or lacks its required
 * columns, a RangeError for a bad period unit, window, date or definition; rows with a missing
 * customer id or date are skipped and counted (`skippedRows`).
 */
import { dayToIso } from '../parse/date.ts';
import { MISSING_DAY, type Table } from '../table.ts';
import { toNumbers } from '../table-ops.ts';
import { activeOrderCustomers, activeSubscriptionCustomers } from './activity.ts';
import { cancellationChurn, cancellationIndex } from './cancellations.ts';
import { definitionsFor } from './churn-definitions.ts';
import { cohortReport, orderCohorts, subscriptionCohorts, subscriptionMrrCohorts } from './cohorts.ts';
import { buildSubscriptionIndex } from './customer-index.ts';
import { kpisOf, lastCompletePeriod } from './kpis.ts';
import { orderLifetimes, orderPurchaseLifetimes, subscriptionLifetimes, type Lifetimes } from './lifetimes.ts';
import { mrrRows } from './mrr.ts';
import { periodRows } from './period-rows.ts';
import { checkParams, checkPeriodCount, dayRange, filtersOf, sourceIndex, type RetentionTables } from './report-source.ts';
import type { RetentionParams, RetentionReport } from './report-types.ts';
import { firstPeriods, orderRetention, subscriptionRetention } from './retention-periods.ts';
import { revenueByPeriod } from './revenue-by-period.ts';
import { repurchaseReport, startingFrom, survivalReport } from './survival-report.ts';
import { windowReport } from './window-report.ts';

export type * from './report-types.ts';
export type { RetentionTables, SourceIndex } from './report-source.ts';
export { resolveSource, dayRange } from './report-source.ts';
export { evaluateReceipt } from './receipts.ts';
export { CHURN_DEFINITIONS, churnRates, definitionsFor } from './churn-definitions.ts';
export { cohortReceipt, countReceipt, crrReceipt, exactReceipt, mrrReceipt, periodChurnReceipt, periodMembers } from './report-receipts.ts';

/** How the report is run (not what it shows: that is RetentionParams). */
export interface RetentionOptions {
  /** Called with (done, total) after each of the pipeline's steps. */
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * A customer mask as a row filter of a table (core/customers: maskRows): rows it rejects are
   * left out of the source table, as if those customers were not in it.
   */
  readonly keep?: (table: Table) => ((row: number) => boolean) | undefined;
  /**
   * The unmasked source's first and last day: with a mask, the report still covers the whole
   * workspace's periods and judges "now" on the workspace's last day, so segments compare period
   * by period (a segment whose last row is earlier is not "incomplete").
   */
  readonly span?: { readonly minDay: number; readonly maxDay: number };
}

/**
 * Builds the whole retention report (see the file comment and report-types.ts).
 *
 * @param tables the workspace's tables by kind; the source is `params.source`, else
 *   subscriptions when there are any, else orders.
 * @param options progress callback (or the callback itself, as before), and a customer mask.
 * @throws TypeError "retentionReport requires an orders or subscriptions table" (or a missing column)
 * @throws RangeError for bad params (period, windowDays, from/to, definition)
 * @throws KeepwiseError 'too-many-periods' when the range spans more than MAX_PERIODS periods
 * @example retentionReport({ orders }, { period: 'month', windowDays: 90 }).kpis.crr?.value
 */
export function retentionReport(tables: RetentionTables, params: RetentionParams, options?: RetentionOptions | ((done: number, total: number) => void)): RetentionReport {
  checkParams(params);
  const { onProgress, keep, span } = typeof options === 'function' ? { onProgress: options, keep: undefined, span: undefined } : (options ?? {});
  const TOTAL = 7;
  let done = 0;
  const step = () => onProgress?.(++done, TOTAL);
  const unit = params.period;
  const W = params.windowDays;
  const definition = params.definition ?? 'A';

  const src = sourceIndex(tables, params, keep);
  const { source, table, index } = src;
  const orderIndex = src.source === 'orders' ? src.index : null;
  const hasMrrSubs = (tables.subscriptions?.length ?? 0) > 0 && tables.subscriptions!.columns.mrr !== undefined;
  const subIndex = src.source === 'subscriptions' ? src.index : hasMrrSubs ? buildSubscriptionIndex(tables.subscriptions!, keep?.(tables.subscriptions!)) : null;
  step();

  const empty = index.minDay === MISSING_DAY;
  const range = span && span.minDay !== MISSING_DAY && !empty ? span : index;
  const [from, toRaw] = dayRange(range, params);
  checkPeriodCount(from, toRaw, unit);
  const series = src.source === 'orders' ? orderRetention(src.index, { unit, window: W, from, to: toRaw }) : subscriptionRetention(src.index, { unit, from, to: toRaw });
  const grid = series.grid;
  const gridEnd = grid.count > 0 ? grid.ends[grid.count - 1] : toRaw;
  const asOf = empty ? toRaw : Math.min(range.maxDay, gridEnd);
  step();

  // D / E: subscriptions with a cancellations table.
  const adjusted = src.source === 'subscriptions' && tables.churn && tables.churn.length > 0 ? cancellationIndex(src.index, tables.churn) : null;
  const cancellations = adjusted ? cancellationChurn(series, adjusted, range.maxDay) : null;
  const periods = periodRows(series, cancellations, orderIndex ? revenueByPeriod(orderIndex, grid) : null, asOf, definition);
  const activityRows: number[][] = [];
  for (let t = 0; t < series.activity.days.length; t++) {
    activityRows.push(toNumbers(series.activity.bits.subarray(t * series.activity.stride, (t + 1) * series.activity.stride)));
  }
  step();

  const matrix = src.source === 'orders' ? orderCohorts(src.index, grid) : subscriptionCohorts(src.index, grid);
  const firstDay = src.source === 'orders' ? src.index.firstActiveDay : src.index.firstStart;
  const customerCohort = firstPeriods(grid, firstDay);
  const mrrCohorts = src.source === 'subscriptions' && table.columns.mrr ? subscriptionMrrCohorts(src.index, grid, customerCohort) : null;
  const cohorts = cohortReport(matrix, customerCohort, mrrCohorts);
  step();

  // Survival: lifetimes of customers who started in the covered range, censored at asOf. Orders:
  // first -> last purchase for the curve and the median, the first W-spell for the sBG counts.
  const none: Lifetimes = { durations: new Float64Array(0), observed: new Uint8Array(0), customers: new Uint32Array(0) };
  const inRange = (lt: Lifetimes): Lifetimes => (params.from === undefined ? lt : startingFrom(lt, firstDay, from));
  const spells = inRange(empty ? none : src.source === 'orders' ? orderLifetimes(src.index, W, asOf) : subscriptionLifetimes(src.index, asOf));
  const purchases = src.source === 'orders' && !empty ? orderPurchaseLifetimes(src.index, W, asOf, params.from === undefined ? -Infinity : from) : null;
  const { survival, km } = survivalReport(grid, firstDay, purchases ?? spells, spells, asOf, params.sbgCohort, purchases ?? (src.source === 'orders' ? { oneTimeBuyers: 0, oneTimeActive: 0 } : undefined));
  const repurchase = src.source === 'orders' ? repurchaseReport(src.index, asOf) : null;
  step();

  const mrr = subIndex && (source === 'subscriptions' ? table.columns.mrr : true) ? mrrRows(subIndex, grid, asOf) : null;
  step();

  const window = orderIndex ? windowReport(orderIndex, W) : null;
  const filters = filtersOf(source, unit, grid.count > 0 ? { from: grid.starts[0], to: gridEnd } : null, W, index.skippedRows, asOf);
  const draft = {
    version: 1 as const,
    source,
    params: {
      period: unit,
      windowDays: W,
      from: grid.count > 0 ? dayToIso(grid.starts[0]) : (params.from ?? ''),
      to: grid.count > 0 ? dayToIso(gridEnd) : (params.to ?? ''),
      definition,
      source,
      sbgCohort: params.sbgCohort ?? null,
    },
    dataFirst: empty ? null : dayToIso(index.minDay),
    dataLast: empty ? null : dayToIso(index.maxDay),
    customers: [...index.customerIds],
    skippedRows: index.skippedRows,
    window,
    periods,
    activity: { stride: series.activity.stride, rows: activityRows },
    cohorts,
    survival,
    repurchase,
    mrr,
    filters,
  };
  const kpiPeriod = lastCompletePeriod(periods);
  const now = empty ? new Uint32Array(0) : src.source === 'orders' ? activeOrderCustomers(src.index, asOf, W) : activeSubscriptionCustomers(src.index, asOf);
  const kpis = kpisOf(draft, kpiPeriod, definition, now, km, asOf, source === 'orders' ? W : null);
  step();
  return {
    ...draft,
    kpis,
    availableDefinitions: cancellations ? ['A', 'B', 'C', 'D', 'E'] : ['A', 'B', 'C'],
    definitions: kpiPeriod >= 0 ? definitionsFor(periods[kpiPeriod], { window: source === 'orders' ? W : null, filters }) : null,
  };
}
