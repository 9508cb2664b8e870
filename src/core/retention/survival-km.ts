/**
 * Kaplan-Meier survival of customer lifetimes with right-censoring (DESIGN.md section 3).
 *
 * A customer's lifetime runs from their start to their churn day. Customers still active on the
 * data's last day have not churned *yet*: their lifetime is only known to be at least as long
 * as what we have seen, so they are right-censored — they count in the risk set up to their
 * last observed day and then leave it without counting as a churn. Treating them as churned
 * (or dropping them) biases lifetimes downward; Kaplan-Meier is the standard fix.
 */

/**
 * Slack when comparing Ŝ with 0.5 for the median: the product of many (1 − d/n) factors carries
 * rounding noise (24 customers churning one a day give Ŝ = 0.5000000000000001 after 12), and
 * an exact 0.5 must count as reached. R's survfit uses a tolerance for the same reason.
 */
const HALF_TOLERANCE = 1e-10;

/** Two-sided 95 % standard normal quantile, Φ⁻¹(0.975). */
const Z_95 = 1.959963984540054;

/** A Kaplan-Meier curve: one row per distinct observed duration (event or censoring). */
export interface KaplanMeierCurve {
  /** Number of subjects (customers) in the input. */
  subjects: number;
  /** Number of observed events (churns) in the input. */
  totalEvents: number;
  /** Distinct durations, ascending: every time at which someone churned or was censored. */
  time: Float64Array;
  /** n_i: subjects with duration ≥ time[i] (still at risk just before time[i]). */
  atRisk: Uint32Array;
  /** d_i: churns at exactly time[i]. */
  events: Uint32Array;
  /** c_i: subjects censored at exactly time[i] (counted at risk at time[i], gone after it). */
  censored: Uint32Array;
  /** Ŝ(time[i]) = Π_{j ≤ i} (1 − d_j / n_j); a right-continuous step function. */
  survival: Float64Array;
  /** Greenwood variance Ŝ² · Σ_{j ≤ i} d_j / (n_j (n_j − d_j)); NaN once Ŝ = 0. */
  variance: Float64Array;
  /** Greenwood standard error √variance; NaN once Ŝ = 0. */
  stdError: Float64Array;
  /** Lower end of the pointwise 95 % log-log confidence band. */
  lower: Float64Array;
  /** Upper end of the pointwise 95 % log-log confidence band. */
  upper: Float64Array;
  /** Median lifetime: the first time with Ŝ ≤ 0.5, or null when the curve never gets there. */
  median: number | null;
  /** Lower 95 % limit of the median: the first time the lower band is ≤ 0.5 (null if never). */
  medianLower: number | null;
  /** Upper 95 % limit of the median: the first time the upper band is ≤ 0.5 (null if never: "not reached"). */
  medianUpper: number | null;
}

/**
 * Kaplan-Meier (product-limit) estimate of the survival function S(t) = P(lifetime > t), with
 * Greenwood's variance, a pointwise 95 % confidence band and the median lifetime.
 *
 * At each distinct time t_i with n_i subjects at risk and d_i churns,
 * Ŝ(t) = Π_{t_i ≤ t} (1 − d_i / n_i) (Kaplan & Meier 1958, JASA 53(282), 457–481), and
 * Var Ŝ(t) = Ŝ(t)² Σ_{t_i ≤ t} d_i / (n_i (n_i − d_i)) (Greenwood 1926).
 *
 * Band: the log-log ("complementary log-log") transformed band of Kalbfleisch & Prentice
 * (1980), which R's survfit gives with conf.type = "log-log": with V = Σ d_i / (n_i (n_i − d_i))
 * and s = √V / |ln Ŝ|, lower = Ŝ^exp(+1.96 s) and upper = Ŝ^exp(−1.96 s). Unlike the plain
 * Greenwood band Ŝ ± 1.96 SE it always stays inside [0, 1] without clipping and has better
 * coverage in the tails and in small samples, which is where retention curves of small
 * businesses live. Where Ŝ = 1 (no churn yet) the band is [1, 1]; where Ŝ = 0 (the last
 * subject at risk churned) it is [0, 0] and variance/stdError are NaN (Greenwood's sum divides
 * by n − d = 0).
 *
 * Rows: one per distinct duration, including durations where only censoring happened
 * (d_i = 0, the curve is flat there), as R's survfit does; they carry the censoring marks a
 * chart draws. No t = 0 row with Ŝ = 1 is added: a chart should start the step at (0, 1).
 *
 * Ties: churns and censorings at the same duration are handled the usual way — churns happen
 * first, so the censored subjects still count in n_i at that time.
 *
 * Median: the first time with Ŝ(t) ≤ 0.5, up to 1e-10 of rounding noise (null when it never falls that far, i.e. more than
 * half the customers outlive the data). R's survfit instead takes the midpoint of a flat
 * stretch at exactly 0.5; we follow the textbook definition. Its 95 % limits come from the band
 * (Brookmeyer & Crowley 1982 in the form survfit uses): the first times at which the lower and
 * the upper band reach 0.5. An upper limit of null means "not reached", which is common.
 *
 * Complexity: O(n log n) for two typed-array sorts, then O(n).
 *
 * Bad-input policy:
 * - empty input returns an empty curve (zero rows, median null): a filter can legitimately
 *   select no customers, and the UI shows "no customers" rather than an error;
 * - all censored returns a flat curve at 1 (median null);
 * - a length mismatch, or a duration that is negative, NaN or infinite, throws.
 *
 * @param durations days (or any unit) from start to churn or censoring, one per customer
 * @param observed 1/true = churned at that duration, 0/false = censored (still active at the end)
 * @throws RangeError "kaplanMeier requires durations and observed of the same length"
 * @throws RangeError "kaplanMeier requires finite non-negative durations (index i: value)"
 * @example
 * // Lifetimes 2, 3+, 5, 5, 8+ (+ = censored):
 * kaplanMeier([2, 3, 5, 5, 8], [1, 0, 1, 1, 0]).survival // [0.8, 0.8, 0.2667, 0.2667]
 */
export function kaplanMeier(
  durations: Float64Array | readonly number[],
  observed: Uint8Array | readonly boolean[] | readonly number[],
): KaplanMeierCurve {
  const n = durations.length;
  if (observed.length !== n) throw new RangeError('kaplanMeier requires durations and observed of the same length');

  // Two sorted copies — all durations and the event durations — instead of sorting an index
  // with a comparator: native numeric typed-array sorts are several times faster at 1M rows.
  const all = new Float64Array(n);
  let eventCount = 0;
  for (let i = 0; i < n; i++) {
    const t = durations[i];
    if (!(t >= 0) || t === Infinity) throw new RangeError(`kaplanMeier requires finite non-negative durations (index ${i}: ${t})`);
    all[i] = t;
    if (observed[i]) eventCount++;
  }
  const ev = new Float64Array(eventCount);
  for (let i = 0, k = 0; i < n; i++) if (observed[i]) ev[k++] = all[i];
  all.sort();
  ev.sort();

  const time = new Float64Array(n);
  const atRisk = new Uint32Array(n);
  const events = new Uint32Array(n);
  const censored = new Uint32Array(n);
  const survival = new Float64Array(n);
  const variance = new Float64Array(n);
  const stdError = new Float64Array(n);
  const lower = new Float64Array(n);
  const upper = new Float64Array(n);

  let rows = 0;
  let s = 1;
  // Greenwood sum, Neumaier-compensated (many small positive terms at 1M customers).
  let gw = 0;
  let gwComp = 0;
  let j = 0;
  for (let i = 0; i < n; ) {
    const t = all[i];
    let total = 0;
    while (i + total < n && all[i + total] === t) total++;
    let d = 0;
    while (j < eventCount && ev[j] === t) {
      d++;
      j++;
    }
    const atRiskNow = n - i;
    if (d > 0) {
      s *= 1 - d / atRiskNow;
      if (atRiskNow > d) {
        const term = d / (atRiskNow * (atRiskNow - d));
        const sum = gw + term;
        gwComp += Math.abs(gw) >= term ? gw - sum + term : term - sum + gw;
        gw = sum;
      } else {
        s = 0;
      }
    }
    time[rows] = t;
    atRisk[rows] = atRiskNow;
    events[rows] = d;
    censored[rows] = total - d;
    survival[rows] = s;
    const v = gw + gwComp;
    if (s === 0) {
      variance[rows] = NaN;
      stdError[rows] = NaN;
      lower[rows] = 0;
      upper[rows] = 0;
    } else {
      variance[rows] = s * s * v;
      stdError[rows] = s * Math.sqrt(v);
      if (s === 1) {
        lower[rows] = 1;
        upper[rows] = 1;
      } else {
        const spread = (Z_95 * Math.sqrt(v)) / Math.abs(Math.log(s));
        lower[rows] = Math.pow(s, Math.exp(spread));
        upper[rows] = Math.pow(s, Math.exp(-spread));
      }
    }
    rows++;
    i += total;
  }

  const firstAtOrBelowHalf = (curve: Float64Array): number | null => {
    for (let r = 0; r < rows; r++) if (curve[r] <= 0.5 + HALF_TOLERANCE) return time[r];
    return null;
  };
  return {
    subjects: n,
    totalEvents: eventCount,
    time: time.slice(0, rows),
    atRisk: atRisk.slice(0, rows),
    events: events.slice(0, rows),
    censored: censored.slice(0, rows),
    survival: survival.slice(0, rows),
    variance: variance.slice(0, rows),
    stdError: stdError.slice(0, rows),
    lower: lower.slice(0, rows),
    upper: upper.slice(0, rows),
    median: firstAtOrBelowHalf(survival),
    medianLower: firstAtOrBelowHalf(lower),
    medianUpper: firstAtOrBelowHalf(upper),
  };
}

/**
 * Reads a Kaplan-Meier curve at time t: Ŝ(t) is a right-continuous step function, so this is
 * the survival of the last row with time ≤ t, and 1 before the first row.
 *
 * Complexity: O(log rows) (binary search).
 *
 * Bad-input policy: NaN t gives NaN; an empty curve gives 1 for every t (nobody has churned).
 *
 * @example kaplanMeierAt(kaplanMeier([2, 3, 5, 5, 8], [1, 0, 1, 1, 0]), 4) // 0.8
 */
export function kaplanMeierAt(curve: Pick<KaplanMeierCurve, 'time' | 'survival'>, t: number): number {
  if (Number.isNaN(t)) return NaN;
  let lo = 0;
  let hi = curve.time.length; // first index with time > t
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (curve.time[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 1 : curve.survival[lo - 1];
}
