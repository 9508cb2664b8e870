/**
 * Referred customers against the others (issue #12 item 4; DESIGN.md section 7: "retention and
 * CLV of referred vs other customers"): the segment comparison of the derived attribute
 * `derived:referred` (core/customers/customer-groups.ts: named as referred in the referrals file
 * or by a `referred_by` column; core/segments/segment-compare.ts) — per group churn rate with its
 * Wilson interval, CRR and exact retention, Kaplan-Meier survival and median lifetime, revenue per
 * customer, order value and purchase frequency with Welch intervals of the difference, and the
 * log-rank test — plus the referred customers' churn rate minus the others', in points, with
 * Newcombe's interval (core/churn/churn-rate-difference.ts).
 *
 * Read with care: referred customers differ in more than the referral (they came through a
 * friend who was a customer); the comparison shows association, not cause.
 *
 * Complexity: that of segmentComparison (two retention reports). Bad input: no churn source gives
 * reason 'no-churn-data'; nobody (or everybody) referred gives 'one-group'; the retention
 * report's errors pass through.
 */
import type { DataKind } from '../schema/kinds.ts';
import type { Table } from '../table.ts';
import type { CustomerTable } from '../customers/customer-table.ts';
import { churnSourceOf, churnStatus, type ChurnStatusParams } from '../churn/churn-status.ts';
import { churnRateDifference, type ChurnRateDifference } from '../churn/churn-rate-difference.ts';
import type { RetentionParams } from '../retention/report-types.ts';
import { segmentComparison, type SegmentComparison } from '../segments/segment-compare.ts';
import type { ReferralPairs } from './referral-pairs.ts';

type Tables = Readonly<Partial<Record<DataKind, Table>>>;

export interface ReferredComparison {
  readonly comparison: SegmentComparison | null;
  readonly reason: 'no-churn-data' | 'one-group' | null;
  /** Referred customers' churn rate minus the others' (null when either group is empty). */
  readonly referredVsOther: ChurnRateDifference | null;
}

/**
 * Referred vs other customers (see the file comment).
 *
 * @example referredComparison(tables, customers, pairs, { period: 'month', windowDays: 90 }, {}).referredVsOther?.diff
 */
export function referredComparison(tables: Tables, customers: CustomerTable, pairs: ReferralPairs, params: RetentionParams, churnParams: ChurnStatusParams): ReferredComparison {
  if (churnSourceOf(tables, customers) === null) return { comparison: null, reason: 'no-churn-data', referredVsOther: null };
  let comparison: SegmentComparison;
  try {
    comparison = segmentComparison(tables, customers, 'derived:referred', params, churnParams);
  } catch (e) {
    if (e instanceof RangeError && e.message === 'segmentComparison: no attribute derived:referred') return { comparison: null, reason: 'one-group', referredVsOther: null };
    throw e;
  }
  const status = churnStatus(tables, customers, { ...churnParams, windowDays: churnParams.windowDays ?? params.windowDays });
  return { comparison, reason: null, referredVsOther: churnRateDifference(status, (k) => (pairs.wasReferred[k] ? 0 : 1)) };
}
