import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

/** A sample reduced to what the test needs. */
export interface MeanSummary {
  /** Sample mean. */
  mean: number;
  /** Sample variance with the n − 1 denominator (the unbiased estimate), ≥ 0. */
  variance: number;
  /** Sample size, a whole number. */
  n: number;
}

/** Result of {@link welchTTest}. */
export interface WelchTTest {
  /** a.mean − b.mean. */
  diff: number;
  /** Lower end of the confidence interval for the difference of the true means. */
  low: number;
  /** Upper end of that interval. */
  high: number;
  /** Welch-Satterthwaite degrees of freedom (not a whole number in general). */
  df: number;
  /** Two-sided p-value for H0: equal means. */
  p: number;
}

/**
 * Welch's t-test and confidence interval for the difference of two means, without assuming equal
 * variances: is the average order value (or revenue per customer, or purchase frequency) of one
 * segment different from another's, and by how much? DESIGN.md section 5 shows such differences
 * with 95 % intervals. Segments differ in size and spread, which is exactly when Student's pooled
 * test misleads and Welch's does not (Welch 1947, "The generalization of 'Student's' problem when
 * several different population variances are involved", Biometrika 34; Satterthwaite 1946).
 *
 * With sᵢ² the sample variances and nᵢ the sizes,
 *
 *   SE = √(s₁²/n₁ + s₂²/n₂),   t = (x̄₁ − x̄₂) / SE,
 *   df = SE⁴ / [ (s₁²/n₁)² / (n₁ − 1) + (s₂²/n₂)² / (n₂ − 1) ],
 *   p = 2 P(T_df ≤ −|t|),   interval = x̄₁ − x̄₂ ± t_{df, 1 − α/2} · SE
 *
 * (Wikipedia, "Welch's t-test"; R: `t.test(x, y)`, whose default is this test). The Student t
 * cdf and quantile come from @stdlib/stats-base-dists-t-cdf and -t-quantile; the cdf is taken at
 * −|t| so a small p-value is computed directly, not as 1 minus something close to 1.
 *
 * The t distribution is exact for normal data and a good approximation for means of a few dozen
 * skewed values (order values are skewed: prefer a bootstrap for medians or tiny segments).
 *
 * Complexity: O(1): a few special-function evaluations (the t quantile inverts the incomplete
 * beta function by a bounded iteration).
 *
 * Bad-input policy: `null` when either n < 2 (no variance estimate) or both variances are 0
 * (SE = 0: R's `t.test` stops with "data are essentially constant"). Means must be finite,
 * variances finite and ≥ 0, sizes whole numbers ≥ 0 and `level` in (0, 1); anything else (NaN
 * included) throws a RangeError of the form `welchTTest requires …`.
 *
 * @param a the first sample's summary
 * @param b the second sample's summary; `diff` is a.mean − b.mean
 * @param level confidence level of the interval, default 0.95
 * @throws RangeError for a non-finite mean, a negative or non-finite variance, a non-whole size
 *   or a level outside (0, 1)
 * @example
 * // R's sleep data (Cushny & Peebles; `t.test(extra ~ group, data = sleep)`):
 * welchTTest({ mean: 0.75, variance: 3.2005556, n: 10 }, { mean: 2.33, variance: 4.009, n: 10 })
 * // { diff: -1.58, low: -3.3654832, high: 0.2054832, df: 17.776474, p: 0.07939414 }
 */
export function welchTTest(a: MeanSummary, b: MeanSummary, level = 0.95): WelchTTest | null {
  if (!(isSummary(a) && isSummary(b))) {
    throw new RangeError(
      `welchTTest requires finite means, finite variances ≥ 0 and whole sizes ≥ 0, got (${a.mean}, ${a.variance}, ${a.n}) and (${b.mean}, ${b.variance}, ${b.n})`,
    );
  }
  if (!(level > 0 && level < 1)) throw new RangeError(`welchTTest requires a level in (0, 1), got ${level}`);
  if (a.n < 2 || b.n < 2) return null;
  const va = a.variance / a.n;
  const vb = b.variance / b.n;
  const se2 = va + vb;
  if (se2 === 0) return null;
  const se = Math.sqrt(se2);
  const df = (se2 * se2) / ((va * va) / (a.n - 1) + (vb * vb) / (b.n - 1));
  const diff = a.mean - b.mean;
  const t = diff / se;
  const p = Math.min(1, 2 * tCdf(-Math.abs(t), df));
  const half = tQuantile(1 - (1 - level) / 2, df) * se;
  return { diff, low: diff - half, high: diff + half, df, p };
}

function isSummary(s: MeanSummary): boolean {
  return Number.isFinite(s.mean) && Number.isFinite(s.variance) && s.variance >= 0 && Number.isInteger(s.n) && s.n >= 0;
}
