/**
 * The shifted-beta-geometric (sBG) model of contractual retention (Fader & Hardie 2007, "How to
 * project customer retention", Journal of Interactive Marketing 21(1), 76–90; DESIGN.md
 * section 3).
 *
 * Story: each customer renews every period (month, year) with their own fixed churn
 * probability θ, so their lifetime is geometric; θ varies across customers as a Beta(α, β)
 * distribution. Mixing gives, for the period T in which a customer churns (T = 1, 2, …):
 *
 *   P(T = t) = B(α + 1, β + t − 1) / B(α, β),    S(t) = P(T > t) = B(α, β + t) / B(α, β),
 *
 * and the recursions P(1) = α / (α + β), P(t) = P(t − 1) · (β + t − 2) / (α + β + t − 1),
 * S(t) = S(t − 1) − P(t). The cohort's retention rate r(t) = S(t) / S(t − 1) =
 * (β + t − 1) / (α + β + t − 1) *rises* with t even though no customer's own churn risk
 * changes: the churn-prone leave early and the loyal remain ("sorting", not growing loyalty).
 * Tell users so; it surprises people, and it is why a constant-retention projection
 * underestimates the survivors of later years.
 *
 * Time convention: t counts periods since the cohort started; S(0) = 1; a cohort's survival
 * counts n_0, n_1, … are the customers still active at the start of period 0, 1, …
 */
import { logBeta } from '../stats/log-beta.ts';
import { nelderMead } from '../stats/nelder-mead.ts';

/** Result of {@link fitSbg}. */
export interface SbgFit {
  /** Maximum-likelihood α (the Beta mixing distribution's first shape). */
  alpha: number;
  /** Maximum-likelihood β (second shape). */
  beta: number;
  /** The log-likelihood at (α, β). */
  logLikelihood: number;
  /**
   * True only when every start of the optimiser converged, all of them agree on α and β to a
   * relative 1e-6, and the estimates are interior (1e-6 < α, β < 1e6). False means the data do
   * not pin the model down (for instance nobody churned, or everyone churned at once): do not
   * project from it.
   */
  converged: boolean;
  /** Number of optimiser starts. */
  starts: number;
  /** Calibration periods used: survivalCounts.length − 1. */
  periods: number;
  /** Cohort size n_0. */
  cohortSize: number;
}

/** A projection of sBG survival over t = fromT … toT, one entry per period. */
export interface SbgProjection {
  /** Periods fromT, fromT + 1, …, toT. */
  t: Float64Array;
  /** S(t), share of the cohort still active at t. */
  survival: Float64Array;
  /** P(T = t), share of the cohort lost in period t (0 at t = 0). */
  churnProbability: Float64Array;
  /** r(t) = S(t) / S(t − 1) (NaN at t = 0, where it is undefined). */
  retentionRate: Float64Array;
  /** cohortSize · S(t), expected customers still active at t. */
  survivors: Float64Array;
}

function checkShape(fn: string, alpha: number, beta: number): void {
  if (!(alpha > 0 && beta > 0 && alpha < Infinity && beta < Infinity)) {
    throw new RangeError(`${fn} requires finite alpha > 0 and beta > 0`);
  }
}

function checkPeriod(fn: string, t: number, min: number): void {
  if (!Number.isInteger(t) || t < min) throw new RangeError(`${fn} requires an integer t >= ${min}`);
}

/**
 * sBG survival S(t) = B(α, β + t) / B(α, β): the expected share of a cohort still active t
 * periods after it started.
 *
 * Computed in closed form through ln B (see logBeta), so any t is O(1) and no overflow occurs.
 *
 * @throws RangeError "sbgSurvival requires finite alpha > 0 and beta > 0"
 * @throws RangeError "sbgSurvival requires an integer t >= 0"
 * @example sbgSurvival(1, 1, 3) // 0.25 (S(t) = 1 / (t + 1) when α = β = 1)
 */
export function sbgSurvival(alpha: number, beta: number, t: number): number {
  checkShape('sbgSurvival', alpha, beta);
  checkPeriod('sbgSurvival', t, 0);
  if (t === 0) return 1;
  return Math.exp(logBeta(alpha, beta + t) - logBeta(alpha, beta));
}

/**
 * sBG churn probability P(T = t) = B(α + 1, β + t − 1) / B(α, β): the expected share of the
 * original cohort lost in period t. O(1).
 *
 * @throws RangeError "sbgChurnProbability requires finite alpha > 0 and beta > 0"
 * @throws RangeError "sbgChurnProbability requires an integer t >= 1"
 * @example sbgChurnProbability(1, 1, 1) // 0.5 (= α / (α + β))
 */
export function sbgChurnProbability(alpha: number, beta: number, t: number): number {
  checkShape('sbgChurnProbability', alpha, beta);
  checkPeriod('sbgChurnProbability', t, 1);
  return Math.exp(logBeta(alpha + 1, beta + t - 1) - logBeta(alpha, beta));
}

/**
 * sBG retention rate r(t) = S(t) / S(t − 1) = (β + t − 1) / (α + β + t − 1): the share of the
 * customers active at t − 1 who are still active at t. It rises
 * with t toward 1 (see the file comment). O(1).
 *
 * @throws RangeError "sbgRetentionRate requires finite alpha > 0 and beta > 0"
 * @throws RangeError "sbgRetentionRate requires an integer t >= 1"
 * @example sbgRetentionRate(1, 1, 1) // 0.5; sbgRetentionRate(1, 1, 4) // 0.8
 */
export function sbgRetentionRate(alpha: number, beta: number, t: number): number {
  checkShape('sbgRetentionRate', alpha, beta);
  checkPeriod('sbgRetentionRate', t, 1);
  return (beta + t - 1) / (alpha + beta + t - 1);
}

/**
 * sBG projection for periods fromT … toT: survival, churn probability, retention rate and the
 * expected survivors of a cohort of `cohortSize` customers. Typical use: fit on the periods
 * observed so far, then project the next ones (Fader & Hardie fit years 0–7 and project 8–12).
 *
 * Complexity: O(toT − fromT).
 *
 * @param cohortSize customers at t = 0 (default 1: survivors equals survival)
 * @throws RangeError "sbgProjection requires finite alpha > 0 and beta > 0"
 * @throws RangeError "sbgProjection requires integers 0 <= fromT <= toT"
 * @throws RangeError "sbgProjection requires a finite cohortSize >= 0"
 * @example sbgProjection(1, 1, 0, 2, 100).survivors // [100, 50, 33.33…]
 */
export function sbgProjection(alpha: number, beta: number, fromT: number, toT: number, cohortSize = 1): SbgProjection {
  checkShape('sbgProjection', alpha, beta);
  if (!Number.isInteger(fromT) || !Number.isInteger(toT) || fromT < 0 || toT < fromT) {
    throw new RangeError('sbgProjection requires integers 0 <= fromT <= toT');
  }
  if (!(cohortSize >= 0 && cohortSize < Infinity)) throw new RangeError('sbgProjection requires a finite cohortSize >= 0');
  const len = toT - fromT + 1;
  const out: SbgProjection = {
    t: new Float64Array(len),
    survival: new Float64Array(len),
    churnProbability: new Float64Array(len),
    retentionRate: new Float64Array(len),
    survivors: new Float64Array(len),
  };
  // Start from the closed form at fromT, then step with the exact multiplicative recursion.
  let s = sbgSurvival(alpha, beta, fromT);
  for (let k = 0; k < len; k++) {
    const t = fromT + k;
    if (k > 0) s *= (beta + t - 1) / (alpha + beta + t - 1);
    out.t[k] = t;
    out.survival[k] = s;
    out.survivors[k] = cohortSize * s;
    if (t === 0) {
      out.churnProbability[k] = 0;
      out.retentionRate[k] = NaN;
    } else {
      const r = (beta + t - 1) / (alpha + beta + t - 1);
      out.retentionRate[k] = r;
      // P(T = t) = S(t − 1) − S(t) = S(t) · α / (β + t − 1), without a cancelling subtraction.
      out.churnProbability[k] = (s * alpha) / (beta + t - 1);
    }
  }
  return out;
}

/**
 * Expected lifetime capped at a horizon: E[min(T, H)] = Σ_{t=0}^{H−1} S(t), the expected number
 * of periods a new customer pays for within the first H periods (the first one included).
 *
 * Why a cap: the uncapped mean lifetime of the sBG is E[1/θ] = (α + β − 1) / (α − 1), finite
 * only when α > 1. Fitted α is often below 1 (0.70 and 0.67 in Fader & Hardie's data), and then
 * the expected lifetime is infinite — a small share of near-immortal customers dominates the
 * mean. A horizon (e.g. 5 years) makes the figure finite and honest; for valuations prefer the
 * discounted {@link sbgDerl}.
 *
 * Complexity: O(H).
 *
 * @throws RangeError "sbgExpectedLifetime requires finite alpha > 0 and beta > 0"
 * @throws RangeError "sbgExpectedLifetime requires an integer horizon >= 1"
 * @example sbgExpectedLifetime(1, 1, 3) // 1 + 1/2 + 1/3 = 1.8333…
 */
export function sbgExpectedLifetime(alpha: number, beta: number, horizon: number): number {
  checkShape('sbgExpectedLifetime', alpha, beta);
  if (!Number.isInteger(horizon) || horizon < 1) throw new RangeError('sbgExpectedLifetime requires an integer horizon >= 1');
  let s = 1;
  let sum = 1;
  for (let t = 1; t < horizon; t++) {
    s *= (beta + t - 1) / (alpha + beta + t - 1);
    sum += s;
  }
  return sum;
}

/**
 * Discounted expected residual lifetime (DERL) of a customer who has made `renewals` renewals
 * (Fader & Hardie 2010, "Customer-base valuation in a contractual setting: the perils of
 * ignoring heterogeneity", Marketing Science 29(1), 85–93): the expected number of
 * *future* payments, each discounted by (1 + d) per period, the next one undiscounted.
 * Multiply by the margin per period to get the customer's residual value.
 *
 * With n = renewals + 1:
 *   DERL = Σ_{t ≥ n} [S(t) / S(n − 1)] (1 + d)^−(t − n)
 *        = (β + n − 1) / (α + β + n − 1) · ₂F₁(1, β + n; α + β + n; 1 / (1 + d)).
 * The hypergeometric series is summed term by term; its terms fall at least as fast as
 * (1 + d)^−k, and summation stops when the geometric bound on the tail is below 1e-15 of the
 * sum. DERL rises with renewals: a customer who has renewed often is likely a low-θ one.
 *
 * Complexity: O(log(1e-15) / log(1 / (1 + d))) terms: ~350 at d = 0.1, ~350 000 at d = 1e-4.
 *
 * Bad-input policy: d must be ≥ 1e-4 per period (use sbgExpectedLifetime with a horizon for
 * undiscounted figures, which are infinite when α ≤ 1); renewals a non-negative integer.
 *
 * @throws RangeError "sbgDerl requires finite alpha > 0 and beta > 0"
 * @throws RangeError "sbgDerl requires a discount rate between 1e-4 and 1e3 per period"
 * @throws RangeError "sbgDerl requires an integer renewals >= 0"
 * @example sbgDerl(1, 1, 1) // 4 (ln 2 − 1/2) = 0.7725887…
 */
export function sbgDerl(alpha: number, beta: number, discountRate: number, renewals = 0): number {
  checkShape('sbgDerl', alpha, beta);
  if (!(discountRate >= 1e-4 && discountRate <= 1e3)) throw new RangeError('sbgDerl requires a discount rate between 1e-4 and 1e3 per period');
  if (!Number.isInteger(renewals) || renewals < 0) throw new RangeError('sbgDerl requires an integer renewals >= 0');
  const n = renewals + 1;
  const z = 1 / (1 + discountRate);
  const b = beta + n;
  const c = alpha + beta + n;
  let term = 1;
  let sum = 1;
  for (let k = 0; ; k++) {
    term *= ((b + k) / (c + k)) * z;
    sum += term;
    if ((term * z) / (1 - z) <= 1e-15 * sum) break;
  }
  return ((beta + n - 1) / (alpha + beta + n - 1)) * sum;
}

/**
 * sBG log-likelihood of a cohort's survival counts n_0, n_1, …, n_T (Fader & Hardie
 * 2007): LL = Σ_{t=1}^{T} (n_{t−1} − n_t) ln P(T = t) + n_T ln S(T).
 * The n_{t−1} − n_t customers lost in period t contribute P(T = t) each; the n_T still active
 * are right-censored and contribute S(T).
 *
 * Evaluated with the multiplicative recursions ln S(t) = ln S(t − 1) + ln(β + t − 1) −
 * ln(α + β + t − 1) and ln P(t) = ln S(t − 1) + ln α − ln(α + β + t − 1), which are exact and
 * never subtract nearly equal numbers (S(t − 1) − P(t) would, far out in the tail).
 *
 * Complexity: O(T).
 *
 * Bad-input policy: returns NaN for α or β not finite and positive; the counts are not
 * validated here (fitSbg does that once).
 *
 * @example sbgLogLikelihood(1, 1, [2, 1]) // ln(1/2) + ln(1/2) = −1.386…
 */
export function sbgLogLikelihood(alpha: number, beta: number, survivalCounts: readonly number[] | Float64Array): number {
  if (!(alpha > 0 && beta > 0 && alpha < Infinity && beta < Infinity)) return NaN;
  const lnAlpha = Math.log(alpha);
  let lnS = 0;
  let ll = 0;
  const last = survivalCounts.length - 1;
  for (let t = 1; t <= last; t++) {
    const lnDen = Math.log(alpha + beta + t - 1);
    const lost = survivalCounts[t - 1] - survivalCounts[t];
    if (lost !== 0) ll += lost * (lnS + lnAlpha - lnDen);
    lnS += Math.log(beta + t - 1) - lnDen;
  }
  if (survivalCounts[last] !== 0) ll += survivalCounts[last] * lnS;
  return ll;
}

// Starts on a 3 × 3 grid of α, β ∈ {0.25, 1, 4}: covers churn probabilities from 6 % to 94 %
// and both U-shaped (α, β < 1) and bell-shaped mixing distributions.
const START_GRID = [0.25, 1, 4];
const AGREEMENT = 1e-6;

/**
 * Fits the sBG model to one cohort's survival counts by maximum likelihood.
 *
 * The optimiser (Nelder-Mead, see stats/nelder-mead.ts) works on ln α and ln β, so the search
 * is unconstrained and the parameters stay positive; it is run from 9 starting points and the
 * fit is reported as converged only when all of them reach the same optimum (see
 * SbgFit.converged). Fit on the periods you have observed completely; project the rest with
 * sbgProjection.
 *
 * On Fader & Hardie's data (years 0–7) this gives α = 0.7041, β = 1.1820 for the "regular"
 * cohort and α = 0.6681, β = 3.8061 for the "high end" one, as published (0.704 / 1.182 and
 * 0.668 / 3.806).
 *
 * Complexity: O(9 · iterations · T); a few thousand evaluations of an O(T) function.
 *
 * Bad-input policy: throws for fewer than two counts, a non-positive cohort size, negative or
 * non-finite counts, or counts that increase. Cohorts the data cannot pin down return
 * converged = false: nobody churned or everybody churned in period 1 (no finite optimum), and a
 * single period (it fixes only the mean churn α / (α + β), not α and β apart — at least two
 * periods are needed).
 *
 * @param survivalCounts customers still active at t = 0, 1, …, T; the first is the cohort size
 * @throws RangeError "fitSbg requires at least two survival counts (t = 0 and t = 1)"
 * @throws RangeError "fitSbg requires finite non-negative survival counts"
 * @throws RangeError "fitSbg requires a positive cohort size (survivalCounts[0])"
 * @throws RangeError "fitSbg requires non-increasing survival counts"
 * @example fitSbg([1000, 631, 468, 382, 326, 289, 262, 241]) // { alpha: 0.704…, beta: 1.182…, … }
 */
export function fitSbg(survivalCounts: readonly number[] | Float64Array): SbgFit {
  const m = survivalCounts.length;
  if (m < 2) throw new RangeError('fitSbg requires at least two survival counts (t = 0 and t = 1)');
  for (let i = 0; i < m; i++) {
    const v = survivalCounts[i];
    if (!(v >= 0 && v < Infinity)) throw new RangeError('fitSbg requires finite non-negative survival counts');
    if (i > 0 && v > survivalCounts[i - 1]) throw new RangeError('fitSbg requires non-increasing survival counts');
  }
  if (!(survivalCounts[0] > 0)) throw new RangeError('fitSbg requires a positive cohort size (survivalCounts[0])');

  const counts = Array.from(survivalCounts);
  const negLL = ([u, v]: number[]): number => -sbgLogLikelihood(Math.exp(u), Math.exp(v), counts);
  const results = [];
  for (const a of START_GRID) {
    for (const b of START_GRID) results.push(nelderMead(negLL, [Math.log(a), Math.log(b)], { step: 0.5 }));
  }
  let best = results[0];
  for (const r of results) if (r.fx < best.fx) best = r;
  const alpha = Math.exp(best.x[0]);
  const beta = Math.exp(best.x[1]);
  const agree = results.every(
    (r) =>
      r.converged &&
      Math.abs(Math.exp(r.x[0]) - alpha) <= AGREEMENT * alpha &&
      Math.abs(Math.exp(r.x[1]) - beta) <= AGREEMENT * beta,
  );
  const interior = alpha > 1e-6 && alpha < 1e6 && beta > 1e-6 && beta < 1e6;
  return {
    alpha,
    beta,
    logLikelihood: -best.fx,
    converged: agree && interior,
    starts: results.length,
    periods: m - 1,
    cohortSize: counts[0],
  };
}
