import erfc from '@stdlib/math-base-special-erfc';

/** Result of {@link twoProportionZTest}. */
export interface TwoProportionZTest {
  /** x1/n1 − x2/n2: how much higher the group's rate is than the rest's. */
  diff: number;
  /** The standardised difference under the pooled null variance. */
  z: number;
  /** Two-sided p-value, P(|Z| ≥ |z|) for a standard normal Z. */
  p: number;
}

/**
 * Two-proportion z-test (pooled, two-sided): is the churn rate of one group (x1 churned out of
 * n1) different from that of the rest (x2 out of n2)? DESIGN.md section 4 runs it for every
 * value of a customer attribute against all other customers, before the Benjamini-Hochberg
 * correction across the tests.
 *
 * Under H0: π1 = π2 both samples share the pooled rate p̄ = (x1 + x2) / (n1 + n2), so
 *
 *   z = (x1/n1 − x2/n2) / √(p̄ (1 − p̄) (1/n1 + 1/n2)),   p = 2 (1 − Φ(|z|)) = erfc(|z| / √2)
 *
 * (Fleiss, Levin & Paik, "Statistical Methods for Rates and Proportions", 3rd ed. 2003;
 * Wikipedia, "Two-proportion Z-test"). z² equals Pearson's chi-square of the 2 × 2 table without
 * continuity correction (R: `prop.test(c(x1, x2), c(n1, n2), correct = FALSE)`). The p-value is
 * taken from erfc (@stdlib/math-base-special-erfc) rather than 1 − Φ, so small p-values keep
 * their digits instead of cancelling to 0 (z = 10 gives 1.5e-23, not 0).
 *
 * The normal approximation wants a few expected successes and failures in each group; small
 * groups (n < 30) are flagged by the caller (DESIGN.md section 4), not refused here.
 *
 * Complexity: O(1).
 *
 * Bad-input policy: `null` when either n is 0 or the pooled rate is 0 or 1 (nobody or everybody
 * churned: the variance is 0 and there is nothing to test). Counts must be whole numbers with
 * 0 ≤ x ≤ n; anything else (NaN included) throws a RangeError of the form
 * `twoProportionZTest requires …, got x1 = …, n1 = …, x2 = …, n2 = …`.
 *
 * @throws RangeError for non-whole or out-of-range counts
 * @example twoProportionZTest(30, 100, 20, 100) // { diff: 0.1, z: 1.63299…, p: 0.10247… }
 * @example twoProportionZTest(0, 10, 0, 50) // null (pooled rate 0)
 */
export function twoProportionZTest(x1: number, n1: number, x2: number, n2: number): TwoProportionZTest | null {
  if (!(isCount(x1, n1) && isCount(x2, n2))) {
    throw new RangeError(
      `twoProportionZTest requires whole counts with 0 ≤ x ≤ n, got x1 = ${x1}, n1 = ${n1}, x2 = ${x2}, n2 = ${n2}`,
    );
  }
  if (n1 === 0 || n2 === 0) return null;
  const pooled = (x1 + x2) / (n1 + n2);
  if (pooled === 0 || pooled === 1) return null;
  const diff = x1 / n1 - x2 / n2;
  const z = diff / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  return { diff, z, p: erfc(Math.abs(z) / Math.SQRT2) };
}

function isCount(x: number, n: number): boolean {
  return Number.isInteger(n) && n >= 0 && Number.isInteger(x) && x >= 0 && x <= n;
}
