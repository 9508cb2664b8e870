/**
 * The returning-vs-new report (issue #12 items 5 and 6; DESIGN.md section 7; definitions in
 * docs/metrics.md section 13): per period the average spend per customer and the average order
 * value of new and returning customers (returning-periods.ts), and the workspace's own
 * "returning customers spend x % more" with its interval (returning-uplift.ts). Orders only: a
 * subscription's spend is its MRR, which the retention report's MRR movements already show.
 *
 * The periods are the calendar periods of the orders' days, from the data's first to its last
 * day, or whole periods from `from` to `to`.
 *
 * Complexity: O(orders + customers + periods). Bad input: throws TypeError "returningReport
 * requires an orders table with amounts" (no orders, or no amount column); KeepwiseError
 * 'too-many-periods' for a span over MAX_PERIODS periods; RangeError for a bad from/to date.
 */
import type { DataKind } from '../schema/kinds.ts';
import { MISSING_DAY, type Table } from '../table.ts';
import { dayToIso, isoToDay } from '../parse/date.ts';
import { buildOrderIndex } from '../retention/customer-index.ts';
import { periodsBetween, type PeriodUnit } from '../retention/periods.ts';
import { checkPeriodCount } from '../retention/report-source.ts';
import { returningByPeriod, type ReturningPeriodRow } from './returning-periods.ts';
import { returningUplift, type ReturningUplift } from './returning-uplift.ts';

export interface ReturningParams {
  readonly period: PeriodUnit;
  /** First and last day (ISO) to cover; whole periods are used. Default: the data's range. */
  readonly from?: string;
  readonly to?: string;
}

export interface ReturningReport {
  readonly version: 1;
  readonly period: PeriodUnit;
  readonly from: string | null;
  readonly to: string | null;
  readonly periods: readonly ReturningPeriodRow[];
  readonly uplift: ReturningUplift;
}

const dayOf = (iso: string, name: string): number => {
  const d = isoToDay(iso);
  if (!Number.isFinite(d)) throw new RangeError(`returningReport requires ${name} as yyyy-mm-dd, got ${iso}`);
  return d;
};

/**
 * Builds the returning-vs-new report (see the file comment).
 *
 * @throws TypeError "returningReport requires an orders table with amounts"
 * @example returningReport({ orders }, { period: 'month' }).uplift.spendPerCustomer.percentMore
 */
export function returningReport(tables: Readonly<Partial<Record<DataKind, Table>>>, params: ReturningParams): ReturningReport {
  const orders = tables.orders;
  if (!orders || orders.columns.amount?.type !== 'num') throw new TypeError('returningReport requires an orders table with amounts');
  const index = buildOrderIndex(orders);
  const empty = index.minDay === MISSING_DAY;
  const from = params.from ? dayOf(params.from, 'from') : index.minDay;
  const to = params.to ? dayOf(params.to, 'to') : index.maxDay;
  if (!empty) checkPeriodCount(from, to, params.period);
  const grid = empty ? periodsBetween(1, 0, params.period) : periodsBetween(from, to, params.period);
  return {
    version: 1,
    period: params.period,
    from: grid.count > 0 ? dayToIso(grid.starts[0]) : null,
    to: grid.count > 0 ? dayToIso(grid.ends[grid.count - 1]) : null,
    periods: returningByPeriod(index, grid),
    uplift: returningUplift(index, grid),
  };
}
