/**
 * The Gamma-Gamma model of spend per purchase (Colombo & Jiang 1999; Fader, Hardie & Lee 2005,
 * "RFM and CLV: using iso-value curves for customer base analysis", JMR 42(4), 415–430; Fader &
 * Hardie 2013, "The Gamma-Gamma model of monetary value", note 025; DESIGN.md section 6).
 *
 * Story: each purchase's amount is Gamma(p, ν) around a customer's own mean p / ν; ν varies
 * across customers as Gamma(q, γ). A customer's mean repeat spend m over x purchases then has
 *   f(m | p, q, γ, x) = Γ(px + q) / (Γ(px) Γ(q)) · γ^q m^(px−1) x^(px) / (γ + m x)^(px+q),
 * and the expected spend of their next purchases is the weighted mean
 *   E[M | x, m] = (q − 1) / (px + q − 1) · γp / (q − 1) + px / (px + q − 1) · m,
 * between the population mean γp / (q − 1) (when q > 1) and their own m.
 *
 * Input: customers with at least one repeat purchase day of known positive amount
 * (purchase-summary.ts: x = spendDays, m = spendMean); first purchases are left out, as in the
 * papers. The model assumes spend is independent of purchase frequency: check the correlation
 * (guard-rails.ts warns above 0.3).
 *
 * On CDNOW's 946 repeat buyers this gives p = 6.2496, q = 3.7442, γ = 15.4434,
 * LL = −4055.9177 (published 6.25, 3.74, 15.44).
 */
import digamma from '@stdlib/math-base-special-digamma';
import gammaln from '@stdlib/math-base-special-gammaln';
import { fitMultiStart } from './multi-start-fit.ts';

export interface GammaGammaParams {
  readonly p: number;
  readonly q: number;
  readonly gamma: number;
}

export interface GammaGammaFit extends GammaGammaParams {
  readonly logLik: number;
  readonly converged: boolean;
  readonly atBoundary: string[];
  /** Customers in the fit. */
  readonly customers: number;
}

/**
 * The Gamma-Gamma log-likelihood of (x, m) pairs (x > 0, m > 0; others skipped), prepared for
 * many evaluations: the terms in x alone are summed once per distinct x. Per evaluation: one
 * log per customer. Returns (params) => LL.
 */
export function gammaGammaLogLikelihood(x: ArrayLike<number>, m: ArrayLike<number>): (p: GammaGammaParams) => number {
  return prepare(x, m).ll;
}

/**
 * The Gamma-Gamma log-likelihood with its gradient in (p, q, γ) (ψ = digamma):
 *   ∂p: Σ x [ψ(px + q) − ψ(px) + ln(m x) − ln(γ + m x)],
 *   ∂q: Σ [ln γ − ψ(q) + ψ(px + q) − ln(γ + m x)],   ∂γ: Σ [q / γ − (px + q) / (γ + m x)].
 * Prepared like {@link gammaGammaLogLikelihood}; (params, grad) => LL.
 */
export function gammaGammaLogLikelihoodGradient(x: ArrayLike<number>, m: ArrayLike<number>): (p: GammaGammaParams, grad: Float64Array) => number {
  return prepare(x, m).llGrad;
}

function prepare(x: ArrayLike<number>, m: ArrayLike<number>): { ll: (p: GammaGammaParams) => number; llGrad: (p: GammaGammaParams, grad: Float64Array) => number } {
  const idx: number[] = [];
  for (let i = 0; i < x.length; i++) if (x[i] > 0 && m[i] > 0) idx.push(i);
  const n = idx.length;
  const xs = Float64Array.from(idx, (i) => x[i]);
  const mx = Float64Array.from(idx, (i) => m[i] * x[i]);
  const distinct = new Map<number, number>();
  let sumLnM = 0;
  let sumXLnMx = 0;
  for (let j = 0; j < n; j++) {
    const i = idx[j];
    distinct.set(xs[j], (distinct.get(xs[j]) ?? 0) + 1);
    sumLnM += Math.log(m[i]);
    sumXLnMx += xs[j] * Math.log(mx[j]); // px ln m + px ln x = p · x ln(m x)
  }
  const dx = Float64Array.from(distinct.keys());
  const dw = Float64Array.from(distinct.values());
  const llGrad = ({ p, q, gamma }: GammaGammaParams, grad: Float64Array): number => {
    if (!(p > 0 && q > 0 && gamma > 0 && p < Infinity && q < Infinity && gamma < Infinity)) return NaN;
    const lnGamma = Math.log(gamma);
    let ll = n * (q * lnGamma - gammaln(q)) + p * sumXLnMx - sumLnM;
    let gp = sumXLnMx;
    let gq = n * (lnGamma - digamma(q));
    let gg = (n * q) / gamma;
    for (let k = 0; k < dx.length; k++) {
      const px = p * dx[k];
      ll += dw[k] * (gammaln(px + q) - gammaln(px));
      const psi = digamma(px + q);
      gp += dw[k] * dx[k] * (psi - digamma(px));
      gq += dw[k] * psi;
    }
    // Compensated (Neumaier) sum of the per-customer terms: the optimiser compares values that
    // differ in the 12th digit, and a plain sum of 100,000 terms is noisier than that.
    let sxl = 0;
    let sl = 0;
    let sum = 0;
    let comp = 0;
    for (let j = 0; j < n; j++) {
      const d = gamma + mx[j];
      const l = Math.log(d);
      const c = p * xs[j] + q;
      const term = -c * l;
      const t = sum + term;
      comp += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
      sum = t;
      sxl += xs[j] * l;
      sl += l;
      gg -= c / d;
    }
    ll += sum + comp;
    grad[0] = gp - sxl;
    grad[1] = gq - sl;
    grad[2] = gg;
    return ll;
  };
  const ll = ({ p, q, gamma }: GammaGammaParams): number => {
    if (!(p > 0 && q > 0 && gamma > 0 && p < Infinity && q < Infinity && gamma < Infinity)) return NaN;
    let ll = n * (q * Math.log(gamma) - gammaln(q)) + p * sumXLnMx - sumLnM;
    for (let k = 0; k < dx.length; k++) ll += dw[k] * (gammaln(p * dx[k] + q) - gammaln(p * dx[k]));
    let sum = 0;
    let comp = 0;
    for (let j = 0; j < n; j++) {
      const term = -(p * xs[j] + q) * Math.log(gamma + mx[j]);
      const t = sum + term;
      comp += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
      sum = t;
    }
    return ll + sum + comp;
  };
  return { ll, llGrad };
}

/**
 * Fits Gamma-Gamma by maximum likelihood from 3 starts, BFGS with the analytic gradient
 * (multi-start-fit.ts).
 *
 * Bad-input policy: fewer than 2 usable customers throws (no spread to fit).
 *
 * @throws RangeError "fitGammaGamma requires at least two customers with repeat spend"
 * @example fitGammaGamma(summary.spendDays, summary.spendMean).p
 */
export function fitGammaGamma(x: ArrayLike<number>, m: ArrayLike<number>): GammaGammaFit {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    if (x[i] > 0 && m[i] > 0) {
      n++;
      sum += m[i];
    }
  }
  if (n < 2) throw new RangeError('fitGammaGamma requires at least two customers with repeat spend');
  const mean = sum / n;
  const { ll, llGrad } = prepare(x, m);
  // E[M] of a population start = γp / (q − 1): the last two start at the data's mean spend.
  const starts = [
    [1, 1, 1],
    [6, 4, (3 * mean) / 6],
    [0.5, 10, (9 * mean) / 0.5],
  ];
  const fit = fitMultiStart((v) => ll({ p: v[0], q: v[1], gamma: v[2] }), starts, ['p', 'q', 'gamma'], {
    gradient: (v, g) => llGrad({ p: v[0], q: v[1], gamma: v[2] }, g),
  });
  const [p, q, gamma] = fit.params;
  return { p, q, gamma, logLik: fit.logLik, converged: fit.converged, atBoundary: fit.atBoundary, customers: n };
}

/**
 * E[M | x, m]: the expected spend per future purchase of a customer whose x repeat purchases
 * averaged m (see the file comment); x = 0 (or m unknown) gives the population mean
 * γp / (q − 1). NaN when q ≤ 1 (the population mean is infinite). O(1).
 *
 * @example gammaGammaExpectedSpend(fit, 0, NaN) // 35.17 on CDNOW
 */
export function gammaGammaExpectedSpend(g: GammaGammaParams, x: number, m: number): number {
  if (!(g.q > 1)) return NaN;
  const population = (g.gamma * g.p) / (g.q - 1);
  if (!(x > 0 && m > 0)) return population;
  const weight = (g.p * x) / (g.p * x + g.q - 1);
  return (1 - weight) * population + weight * m;
}
