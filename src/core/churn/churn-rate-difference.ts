/**
 * Two groups' churn rates side by side (issue #12: do detractors churn more than promoters, do
 * referred customers churn less than the others?): the rate of each group over its customers in
 * the churn base of churn-status.ts, the difference in percentage points with Newcombe's hybrid
 * score interval (core/stats/proportion-difference.ts: Newcombe 1998, method 10) and the
 * two-sided p of the pooled two-proportion z-test (core/stats/two-proportion-z-test.ts).
 *
 * Complexity: O(customers). Bad input: null when either group has nobody in the base.
 */
import type { ChurnStatus } from './churn-status.ts';
import { proportionDifference } from '../stats/proportion-difference.ts';
import { twoProportionZTest } from '../stats/two-proportion-z-test.ts';

/** Group A's churn rate against group B's, in percent and points. */
export interface ChurnRateDifference {
  /** Customers of each group in the churn base, and how many of them churned. */
  readonly customers: number;
  readonly churned: number;
  readonly otherCustomers: number;
  readonly otherChurned: number;
  /** Churn rates in percent. */
  readonly rate: number;
  readonly otherRate: number;
  /** rate - otherRate in percentage points, with the Newcombe 95 % interval. */
  readonly diff: number;
  readonly low: number;
  readonly high: number;
  /** Two-sided p of the two-proportion z-test (null when nobody or everybody churned). */
  readonly p: number | null;
}

/**
 * Churn rate of group A minus group B: `groupOf(k)` is 0 for A, 1 for B, -1 for neither.
 *
 * @example churnRateDifference(status, (k) => (detractor[k] ? 0 : promoter[k] ? 1 : -1))?.diff
 */
export function churnRateDifference(status: ChurnStatus, groupOf: (k: number) => number): ChurnRateDifference | null {
  let na = 0;
  let xa = 0;
  let nb = 0;
  let xb = 0;
  for (let k = 0; k < status.base.length; k++) {
    if (!status.base[k]) continue;
    const g = groupOf(k);
    if (g === 0) {
      na++;
      xa += status.churned[k];
    } else if (g === 1) {
      nb++;
      xb += status.churned[k];
    }
  }
  const d = proportionDifference(xa, na, xb, nb);
  if (!d) return null;
  return {
    customers: na, churned: xa, otherCustomers: nb, otherChurned: xb,
    rate: (xa / na) * 100, otherRate: (xb / nb) * 100,
    diff: d.diff * 100, low: d.low * 100, high: d.high * 100,
    p: twoProportionZTest(xa, na, xb, nb)?.p ?? null,
  };
}
