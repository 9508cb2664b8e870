/**
 * What a retention report is computed over: its parameters (checked), its source (orders or
 * subscriptions, one discriminated union with the source's per-customer index), its day range,
 * and the filters every receipt lists. O(1) apart from building the index.
 */
import { KeepwiseError, MAX_PERIODS } from '../errors.ts';
import { dayToIso, isoToDay } from '../parse/date.ts';
import { MISSING_DAY, type Table } from '../table.ts';
import { buildOrderIndex, buildSubscriptionIndex, type OrderIndex, type SubscriptionIndex } from './customer-index.ts';
import { periodLabel, periodOf, type PeriodUnit } from './periods.ts';
import type { ChurnDefinition, ReportFilter, RetentionParams } from './report-types.ts';

const UNITS: readonly PeriodUnit[] = ['month', 'quarter', 'year'];
const DEFINITIONS: readonly ChurnDefinition[] = ['A', 'B', 'C', 'D', 'E'];

/** Tables the report reads (storage's loadWorkspaceTables gives them by kind). */
export interface RetentionTables {
  readonly orders?: Table;
  readonly subscriptions?: Table;
  readonly customers?: Table;
  /** Cancellations (kind 'churn': customer_id, date); enables churn definitions D and E. */
  readonly churn?: Table;
}

/** The report's source with its per-customer index: orders or subscriptions, never mixed. */
export type SourceIndex =
  | { readonly source: 'orders'; readonly table: Table; readonly index: OrderIndex }
  | { readonly source: 'subscriptions'; readonly table: Table; readonly index: SubscriptionIndex };

/** @throws RangeError for a bad period unit, window, date or definition. */
export function checkParams(params: RetentionParams): void {
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
 * The index of a whole table (no mask), per table object: a recompute with other parameters
 * (period, W, definition, range) over the same tables reuses it. Tables are never changed in
 * place (an import builds new ones), and the indexes are read-only to every analysis; the entry
 * goes with its table.
 */
const wholeOrderIndexes = new WeakMap<Table, OrderIndex>();
const wholeSubscriptionIndexes = new WeakMap<Table, SubscriptionIndex>();

function memo<I>(cache: WeakMap<Table, I>, table: Table, build: (t: Table) => I): I {
  let index = cache.get(table);
  if (index === undefined) cache.set(table, (index = build(table)));
  return index;
}

/**
 * The source's index, built with `keep(row)` deciding which rows count (a customer mask, see
 * core/customers). O(rows); O(1) for a table already indexed without a mask.
 */
export function sourceIndex(tables: RetentionTables, params: Pick<RetentionParams, 'source'>, keep?: (table: Table) => ((row: number) => boolean) | undefined): SourceIndex {
  const { source, table } = resolveSource(tables, params);
  const mask = keep?.(table);
  if (mask === undefined) {
    return source === 'orders'
      ? { source, table, index: memo(wholeOrderIndexes, table, buildOrderIndex) }
      : { source, table, index: memo(wholeSubscriptionIndexes, table, buildSubscriptionIndex) };
  }
  return source === 'orders'
    ? { source, table, index: buildOrderIndex(table, mask) }
    : { source, table, index: buildSubscriptionIndex(table, mask) };
}

/**
 * The filters every receipt lists (periods, "now", the activity rule, rows left out), as codes
 * and numbers (report-phrases.ts `ReportFilter`); `periods` is null when the report has none.
 */
export function filtersOf(source: 'orders' | 'subscriptions', unit: PeriodUnit, periods: { from: number; to: number } | null, window: number, skipped: number, asOf: number): ReportFilter[] {
  const out: ReportFilter[] = [];
  if (periods) out.push({ code: 'periods', params: { unit, from: dayToIso(periods.from), to: dayToIso(periods.to) } });
  out.push({ code: 'now', params: { asOf: dayToIso(asOf) } });
  if (source === 'orders') out.push({ code: 'orders-active', params: { window } }, { code: 'orders-refunds', params: {} });
  else out.push({ code: 'subscriptions-active', params: {} });
  if (skipped > 0) out.push({ code: 'rows-skipped', params: { rows: skipped, source } });
  return out;
}

/**
 * Every analysis is bounded (issue #9): a report over more than MAX_PERIODS periods is refused
 * with a message the user can act on, before anything the size of periods x customers is built.
 *
 * @throws KeepwiseError 'too-many-periods' { periods, max, first, last, unit }
 */
export function checkPeriodCount(from: number, to: number, unit: PeriodUnit): void {
  if (to < from) return;
  const first = periodOf(from, unit);
  const last = periodOf(to, unit);
  const periods = last - first + 1;
  if (periods <= MAX_PERIODS) return;
  throw new KeepwiseError(
    'too-many-periods',
    `the data span ${periods} ${unit}s (${periodLabel(first, unit)} to ${periodLabel(last, unit)}), more than the ${MAX_PERIODS} one report can show: choose a date range or a longer period (a date far from the others may be a typo)`,
    { periods, max: MAX_PERIODS, first: periodLabel(first, unit), last: periodLabel(last, unit), unit },
  );
}
