/** A confidence interval for a proportion, both ends in [0, 1]. */
export interface ProportionInterval {
  low: number;
  high: number;
}

/**
 * Wilson score interval for a binomial proportion: the range of true proportions π for which
 * the observed `successes` out of `n` would not be rejected by a two-sided score test at the
 * level that `z` stands for (1.96 → 95 %).
 *
 * Why Wilson and not the textbook p ± z √(p(1 − p)/n) (the Wald interval): churn rates of small
 * segments sit near 0 or 1, where the Wald interval collapses to zero width at 0/n, overshoots
 * [0, 1] and covers the true rate far less often than it claims. The Wilson interval stays inside
 * [0, 1], is never empty, and keeps close to its nominal coverage down to a handful of customers
 * (Newcombe 1998; Brown, Cai & DasGupta 2001). DESIGN.md sections 4 and 5 use it for every
 * churn rate shown with an interval.
 *
 * Formula (Wilson 1927, "Probable inference, the law of succession, and statistical inference",
 * JASA 22; Newcombe 1998, "Two-sided confidence intervals for the single proportion: comparison
 * of seven methods", Statistics in Medicine 17, method 3), with x = successes:
 *
 *   (x + z²/2 ± z √(x (n − x) / n + z²/4)) / (n + z²)
 *
 * written in counts rather than p̂ = x/n so that x = 0 and x = n give exactly 0 and 1.
 *
 * Complexity: O(1).
 *
 * Bad-input policy: n = 0 gives `null` (no customers, no rate). Counts must be whole numbers with
 * 0 ≤ successes ≤ n, and z finite and > 0; anything else (NaN included) throws a RangeError of the
 * form `wilsonInterval requires …, got successes = …, n = …`.
 *
 * @param successes customers with the outcome (e.g. churned), a whole number in [0, n]
 * @param n customers in the group, a whole number ≥ 0
 * @param z standard normal quantile for the confidence level; default Φ⁻¹(0.975) for 95 %
 * @throws RangeError for non-whole or out-of-range counts, or z not finite and > 0
 * @example wilsonInterval(81, 263) // { low: 0.2552885…, high: 0.3662095… } (Newcombe 1998, worked examples)
 * @example wilsonInterval(0, 20) // { low: 0, high: 0.1611251… }
 * @example wilsonInterval(0, 0) // null
 */
export function wilsonInterval(successes: number, n: number, z = 1.959963984540054): ProportionInterval | null {
  if (!(Number.isInteger(n) && n >= 0 && Number.isInteger(successes) && successes >= 0 && successes <= n)) {
    throw new RangeError(`wilsonInterval requires whole counts with 0 ≤ successes ≤ n, got successes = ${successes}, n = ${n}`);
  }
  if (!(Number.isFinite(z) && z > 0)) throw new RangeError(`wilsonInterval requires a finite z > 0, got z = ${z}`);
  if (n === 0) return null;
  const z2 = z * z;
  const centre = successes + z2 / 2;
  const half = z * Math.sqrt((successes * (n - successes)) / n + z2 / 4);
  const denominator = n + z2;
  // At x = 0 (or x = n) centre and half are equal in exact arithmetic; pin the end exactly.
  const low = successes === 0 ? 0 : Math.max(0, (centre - half) / denominator);
  const high = successes === n ? 1 : Math.min(1, (centre + half) / denominator);
  return { low, high };
}
