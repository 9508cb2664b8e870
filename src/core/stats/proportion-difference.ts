import { wilsonInterval } from './wilson-interval.ts';

/** Result of {@link proportionDifference}. */
export interface ProportionDifference {
  /** x1/n1 − x2/n2. */
  diff: number;
  /** Lower end of the 95 % interval of the difference, in [−1, 1]. */
  low: number;
  /** Upper end. */
  high: number;
}

/**
 * The difference of two independent proportions with Newcombe's hybrid score interval: how many
 * points more often do detractors churn than promoters, and how sure is that? The two-proportion
 * z-test (two-proportion-z-test.ts) says whether they differ; this says by how much.
 *
 * With the Wilson intervals [l₁, u₁] of p₁ = x₁/n₁ and [l₂, u₂] of p₂ = x₂/n₂ (wilson-interval.ts),
 *
 *   low  = (p₁ − p₂) − √((p₁ − l₁)² + (u₂ − p₂)²),
 *   high = (p₁ − p₂) + √((u₁ − p₁)² + (p₂ − l₂)²)
 *
 * (Newcombe 1998, "Interval estimation for the difference between independent proportions:
 * comparison of eleven methods", Statistics in Medicine 17, method 10). Like the Wilson
 * interval it stays inside [−1, 1] and is not degenerate at 0/n or n/n, where the Wald interval
 * p₁ − p₂ ± z √(p₁q₁/n₁ + p₂q₂/n₂) collapses; Newcombe found its coverage close to nominal.
 *
 * Complexity: O(1).
 *
 * Bad-input policy: `null` when either n is 0. Counts must be whole numbers with 0 ≤ x ≤ n;
 * anything else throws wilsonInterval's RangeError.
 *
 * @throws RangeError for non-whole or out-of-range counts
 * @example proportionDifference(56, 70, 48, 80) // { diff: 0.2, low: 0.0524…, high: 0.3339… } (Newcombe 1998, example a)
 * @example proportionDifference(0, 10, 0, 20) // { diff: 0, low: −0.1611…, high: 0.2775… } (example e)
 */
export function proportionDifference(x1: number, n1: number, x2: number, n2: number, z = 1.959963984540054): ProportionDifference | null {
  const a = wilsonInterval(x1, n1, z);
  const b = wilsonInterval(x2, n2, z);
  if (!a || !b) return null;
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const diff = p1 - p2;
  return {
    diff,
    low: Math.max(-1, diff - Math.sqrt((p1 - a.low) ** 2 + (b.high - p2) ** 2)),
    high: Math.min(1, diff + Math.sqrt((a.high - p1) ** 2 + (p2 - b.low) ** 2)),
  };
}
