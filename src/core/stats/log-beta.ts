import { logGamma } from './log-gamma.ts';

/**
 * Natural logarithm of the beta function, ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b).
 *
 * B(a, b) = ∫₀¹ θ^(a−1) (1 − θ)^(b−1) dθ is the normalising constant of the beta distribution;
 * the shifted-beta-geometric model writes its survival as a ratio of two of them,
 * S(t) = B(α, β + t) / B(α, β) (Fader & Hardie 2007, eq. 4), which overflows or underflows as a
 * plain ratio long before the logarithms do.
 *
 * Accuracy: that of {@link logGamma} (~1e-14) on each term; the subtraction loses about
 * log10(max(a, b)) further digits when both arguments are large (1e6 → ~1e-9 relative), which
 * is far below anything a retention model can resolve.
 *
 * Complexity: O(1).
 *
 * Bad-input policy (no throw): defined for a > 0 and b > 0; anything else (≤ 0, NaN) gives NaN.
 *
 * @see Wikipedia, "Beta function"
 * @example logBeta(1, 1) // 0 (B(1, 1) = 1)
 * @example logBeta(0.5, 0.5) // 1.1447298858494002 = ln π
 */
export function logBeta(a: number, b: number): number {
  if (!(a > 0) || !(b > 0)) return NaN;
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}
