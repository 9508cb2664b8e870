/**
 * The BG/NBD model of repeat purchasing (Fader, Hardie & Lee 2005, "'Counting your customers'
 * the easy way: an alternative to the Pareto/NBD model", Marketing Science 24(2), 275–284;
 * DESIGN.md section 6).
 *
 * Story: while alive, a customer buys at a steady rate λ (a Poisson process; λ ~ Gamma(r, α)
 * across customers); after every purchase they drop out for good with probability p
 * (p ~ Beta(a, b)). Time is in weeks. From a customer's x repeat purchases, the last at t_x, and
 * T weeks of observation, the model gives the chance they are still alive and the purchases to
 * expect in the next t weeks.
 *
 * Likelihood (FHL 2005 eq. 6) and its gradient: bgnbd-likelihood.ts.
 *
 * Fit: on the distinct (x, t_x, T) rows with weights (purchase-summary.ts), the likelihood and its
 * gradient prepared once (bgnbd-likelihood.ts). The gradient is analytic
 * (bgnbdLogLikelihoodGradient), so the optimiser is BFGS. Several starts, log parameters,
 * agreement and boundary checks: multi-start-fit.ts.
 *
 * On the CDNOW sample (2,357 customers, 39-week calibration) the fit gives r = 0.2426,
 * α = 4.4136, a = 0.7929, b = 2.4259, LL = −9582.4292: the published 0.243, 4.414, 0.793, 2.426.
 */
import gammaln from '@stdlib/math-base-special-gammaln';
import { hyp2f1, tailRatio } from './hyp2f1.ts';
import { prepareBgnbdLikelihood, type BgnbdParams } from './bgnbd-likelihood.ts';
import { fitMultiStart } from './multi-start-fit.ts';
import type { UniqueRows } from './purchase-summary.ts';

export { bgnbdLogLikelihood, bgnbdLogLikelihoodGradient, bgnbdLogLikelihoodOne } from './bgnbd-likelihood.ts';
export type { BgnbdParams } from './bgnbd-likelihood.ts';

export interface BgnbdFit extends BgnbdParams {
  readonly logLik: number;
  /** True only when a majority of the starts, at least two, agreed (multi-start-fit.ts). */
  readonly converged: boolean;
  /** Parameters at the edge of their space, e.g. ['a'] when the data show no dropout. */
  readonly atBoundary: string[];
  readonly starts: number;
  readonly agreeing: number;
  readonly evaluations: number;
}

/** Starting points (r, α, a, b): α scaled to the data's mean T per purchase, as BTYD and lifetimes start near 1. */
function startsFor(rows: UniqueRows): number[][] {
  let w = 0;
  let sx = 0;
  let sT = 0;
  for (let i = 0; i < rows.length; i++) {
    w += rows.weight[i];
    sx += rows.weight[i] * rows.x[i];
    sT += rows.weight[i] * rows.T[i];
  }
  const scale = w > 0 ? Math.max(1e-3, sT / Math.max(1, sx + w)) : 1;
  // Three starts far apart: the usual (1, 1, 1, 1), one scaled to the data, one with heavy
  // dropout and slow buyers. With BFGS each costs ~30-100 evaluations.
  return [
    [1, 1, 1, 1],
    [0.5, scale, 1, 3],
    [2, 10 * scale, 2, 8],
  ];
}

/**
 * Fits the BG/NBD model to weighted distinct (x, t_x, T) rows by maximum likelihood.
 *
 * Complexity: 3 starts x 1-2 BFGS runs (~30-100 evaluations each) of the prepared likelihood
 * and its gradient (see bgnbdLogLikelihoodGradient).
 *
 * Bad-input policy: no rows, or no repeat purchases at all, throws (the model is not
 * identified; the report's guard rails say "not enough data" before calling this).
 *
 * @throws RangeError "fitBgnbd requires customers with repeat purchases"
 * @example fitBgnbd(purchaseSummary(index, { calibrationEnd }).unique).r
 */
export function fitBgnbd(rows: UniqueRows): BgnbdFit {
  let repeat = 0;
  for (let i = 0; i < rows.length; i++) if (rows.x[i] > 0) repeat += rows.weight[i];
  if (repeat === 0) throw new RangeError('fitBgnbd requires customers with repeat purchases');
  const { ll, llGrad } = prepareBgnbdLikelihood(rows);
  const fit = fitMultiStart((q) => ll({ r: q[0], alpha: q[1], a: q[2], b: q[3] }), startsFor(rows), ['r', 'alpha', 'a', 'b'], {
    gradient: (q, g) => llGrad({ r: q[0], alpha: q[1], a: q[2], b: q[3] }, g),
  });
  const [r, alpha, a, b] = fit.params;
  return { r, alpha, a, b, logLik: fit.logLik, converged: fit.converged, atBoundary: fit.atBoundary, starts: fit.starts, agreeing: fit.agreeing, evaluations: fit.evaluations };
}

/**
 * P(alive | x, t_x, T) = 1 / (1 + δ_{x>0} a / (b + x − 1) · ((α + T) / (α + t_x))^(r + x))
 * (FHL 2005 eq. 11 as corrected in Fader, Hardie & Lee 2008, note 021). For x = 0 the model says
 * 1 (a BG/NBD customer can only drop out right after a purchase); the report shows "cannot
 * judge" there instead (DESIGN.md section 6). O(1).
 *
 * @example bgnbdPAlive(fit, 26, 30.857143, 31) // 0.9689 (CDNOW customer 1516)
 */
export function bgnbdPAlive(p: BgnbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const u = Math.log(p.a / (p.b + x - 1)) + (p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + tx));
  return u > 0 ? Math.exp(-u) / (1 + Math.exp(-u)) : 1 / (1 + Math.exp(u));
}

/**
 * E[X(t)], the expected purchases of a new customer in their first t weeks (FHL 2005 eq. 7):
 *   (a + b − 1) / (a − 1) · [1 − (α / (α + t))^r ₂F₁(r, b; a + b − 1; t / (α + t))].
 * At a = 1 exactly the formula is 0/0; a is nudged by 1e-9 there. O(₂F₁).
 *
 * @example bgnbdExpected(fit, 52) // 1.444 on CDNOW
 */
export function bgnbdExpected(p: BgnbdParams, t: number): number {
  if (!(t > 0)) return 0;
  const a = p.a === 1 ? 1 + 1e-9 : p.a;
  const z = t / (p.alpha + t);
  const f = hyp2f1(p.r, p.b, a + p.b - 1, z);
  return ((a + p.b - 1) / (a - 1)) * (1 - Math.exp(p.r * Math.log(p.alpha / (p.alpha + t))) * f);
}

/**
 * E[Y(t) | x, t_x, T], the expected purchases in the next t weeks of a customer with history
 * (x, t_x, T) (FHL 2005 eq. 10):
 *   (a + b + x − 1) / (a − 1) · [1 − ((α + T) / (α + T + t))^(r + x) ₂F₁(r + x, b + x; a + b + x − 1; t / (α + T + t))]
 *   / (1 + δ_{x>0} a / (b + x − 1) · ((α + T) / (α + t_x))^(r + x)).
 * The power and ₂F₁ are multiplied in log space; when ₂F₁ itself overflows (thousands of
 * purchases) Euler's transformation (A&S 15.3.3) gives the product directly:
 * (1 − z)^(r+x) ₂F₁(r+x, b+x; c; z) = (1 − z)^(a−1) ₂F₁(a+b−1−r, a−1; c; z). O(₂F₁).
 *
 * @example bgnbdConditionalExpected(fit, 2, 30.43, 38.86, 39) // 1.226 on CDNOW (customer 1)
 */
export function bgnbdConditionalExpected(p: BgnbdParams, x: number, tx: number, T: number, t: number): number {
  if (!(t > 0)) return 0;
  const { r, alpha, b } = p;
  const a = p.a === 1 ? 1 + 1e-9 : p.a;
  const c = a + b + x - 1;
  const z = t / (alpha + T + t);
  const logW = Math.log((alpha + T) / (alpha + T + t));
  const f = hyp2f1(r + x, b + x, c, z);
  const product = Number.isFinite(f) ? Math.exp((r + x) * logW + Math.log(f)) : Math.exp((a - 1) * logW) * hyp2f1(a + b - 1 - r, a - 1, c, z);
  const numerator = (c / (a - 1)) * (1 - product);
  if (x === 0) return numerator;
  return numerator * bgnbdPAlive(p, x, tx, T);
}

/** Reused buffers of bgnbdExpectedCurve (called once per distinct row: no allocation per call). */
let scratch = new Float64Array(36);

/**
 * E[Y(t) | x, t_x, T] at several horizons at once (the months of a CLV horizon), into `out`.
 *
 * By Euler's transformation (A&S 15.3.3) the product in eq. 10 is
 * ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; c; z) = (1 − z)^(a−1) ₂F₁(a+b−1−r, a−1; c; z),
 * c = a + b + x − 1, z = t / (α + T + t): the series' coefficients no longer depend on t, so one
 * pass over k serves every horizon (the coefficient times z_m^k per horizon). Summation stops
 * with the tail bound of hyp2f1.ts at the largest z; above z = 0.9 each horizon falls back to
 * {@link bgnbdConditionalExpected}. Agrees with it to ~1e-13 relative (a test). O(terms x horizons).
 */
export function bgnbdExpectedCurve(p: BgnbdParams, x: number, tx: number, T: number, times: ArrayLike<number>, out: Float64Array): Float64Array {
  const { r, alpha, b } = p;
  const a = p.a === 1 ? 1 + 1e-9 : p.a;
  const m = times.length;
  const c = a + b + x - 1;
  let zMax = 0;
  for (let i = 0; i < m; i++) zMax = Math.max(zMax, times[i] / (alpha + T + times[i]));
  if (zMax > 0.9) {
    for (let i = 0; i < m; i++) out[i] = bgnbdConditionalExpected(p, x, tx, T, times[i]);
    return out;
  }
  const A = a + b - 1 - r;
  const B = a - 1;
  if (scratch.length < 3 * m) scratch = new Float64Array(3 * m);
  const z = scratch.subarray(0, m);
  const zp = scratch.subarray(m, 2 * m);
  const sum = scratch.subarray(2 * m, 3 * m);
  for (let i = 0; i < m; i++) {
    z[i] = times[i] / (alpha + T + times[i]);
    zp[i] = 1;
    sum[i] = 1;
  }
  const settled = Math.max(0, -A, -B, -c);
  let coef = 1;
  let zk = 1;
  for (let k = 0; k < 100_000; k++) {
    coef *= ((A + k) * (B + k)) / ((c + k) * (k + 1));
    if (coef === 0) break;
    zk *= zMax;
    for (let i = 0; i < m; i++) {
      zp[i] *= z[i];
      sum[i] += coef * zp[i];
    }
    if (k + 1 > settled) {
      const rho = tailRatio(A, B, c, zMax, k + 1);
      if (rho < 1 && (Math.abs(coef * zk) * rho) / (1 - rho) <= 1e-17) break;
    }
  }
  const alive = x > 0 ? bgnbdPAlive(p, x, tx, T) : 1;
  const lead = c / (a - 1);
  for (let i = 0; i < m; i++) {
    if (!(times[i] > 0)) {
      out[i] = 0;
      continue;
    }
    out[i] = lead * (1 - Math.exp((a - 1) * Math.log1p(-z[i])) * sum[i]) * alive;
  }
  return out;
}

/**
 * P(X(t) = n), the chance a new customer makes exactly n purchases in their first t weeks
 * (FHL 2005 eq. 8). O(n).
 *
 * @example bgnbdPmf(published, 0, 39) // 0.5738
 */
export function bgnbdPmf(p: BgnbdParams, n: number, t: number): number {
  const { r, alpha, a, b } = p;
  const lnBab = gammaln(a) + gammaln(b) - gammaln(a + b);
  const lnW = Math.log(alpha / (alpha + t));
  const lnZ = Math.log(t / (alpha + t));
  const lnTerm = (j: number) => gammaln(r + j) - gammaln(r) - gammaln(j + 1) + r * lnW + j * lnZ;
  const first = Math.exp(gammaln(a) + gammaln(b + n) - gammaln(a + b + n) - lnBab + lnTerm(n));
  if (n === 0) return first;
  let sum = 0;
  for (let j = 0; j < n; j++) sum += Math.exp(lnTerm(j));
  const second = Math.exp(gammaln(a + 1) + gammaln(b + n - 1) - gammaln(a + b + n) - lnBab) * (1 - sum);
  return first + second;
}

/**
 * Whether a BG/NBD fit found no evidence of dropout: the dropout probability p ~ Beta(a, b) has
 * its mass at 0, which the optimiser reports as a at its lower boundary (a -> 0) or b at its upper
 * one (b -> infinity, b > a). P(alive) is then 1 for everyone by construction and cannot be
 * judged (issue #11: "Boundary optima are real").
 *
 * @example noDropoutEvidence({ ...fit, atBoundary: ['a'] }) // true
 */
export function noDropoutEvidence(fit: { readonly a: number; readonly b: number; readonly atBoundary: readonly string[] }): boolean {
  return fit.atBoundary.includes('a') || (fit.atBoundary.includes('b') && fit.b > fit.a);
}
