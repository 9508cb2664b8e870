/**
 * The customers behind one cohort cell, for receipts and CSV export: the report carries the
 * counts of every cell (report.cohorts), and the members of the one cell a user opens are
 * listed on demand, on the same grid as the report.
 */
import { checkPeriodCount, dayRange, sourceIndex } from './report-source.ts';
import type { Table } from '../table.ts';
import { orderCohortMembers, subscriptionCohortMembers } from './cohorts.ts';
import { periodsBetween } from './periods.ts';
import type { RetentionParams } from './report-types.ts';

export interface CohortMembersQuery {
  /** 'size' = the whole cohort; 'logo' = active in period c + k; 'unbounded' = in c + k or later. */
  readonly view: 'size' | 'logo' | 'unbounded';
  /** Cohort index (into report.cohorts.labels) and periods since the cohort's start. */
  readonly cohort: number;
  readonly k: number;
}

/**
 * Customer ids (as written in the file, ascending customer number) behind cell (c, k).
 *
 * O(n) for the scan, plus O(n) for the index unless the report already built it (sourceIndex). The revenue view has no member list of its own:
 * its customers are the 'logo' ones (revenue comes from customers with orders in c + k) plus
 * any with only refunds there.
 *
 * @throws RangeError when the cell is outside the cohort triangle.
 */
export function cohortMembersOf(tables: { readonly orders?: Table; readonly subscriptions?: Table }, params: RetentionParams, query: CohortMembersQuery): string[] {
  const src = sourceIndex(tables, params);
  const index = src.index;
  const [from, to] = dayRange(index, params);
  checkPeriodCount(from, to, params.period);
  const grid = periodsBetween(from, to, params.period);
  const { cohort: c, k } = query;
  if (!Number.isInteger(c) || !Number.isInteger(k) || c < 0 || k < 0 || c + k >= grid.count) {
    throw new RangeError(`cohortMembersOf: no cell (${c}, ${k}) in ${grid.count} periods`);
  }
  const kind = query.view === 'logo' ? 'on' : query.view;
  const members = src.source === 'orders' ? orderCohortMembers(src.index, grid, c, k, kind) : subscriptionCohortMembers(src.index, grid, c, k, kind);
  return Array.from(members, (m) => index.customerIds[m]);
}
