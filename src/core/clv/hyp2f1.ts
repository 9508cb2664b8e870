/**
 * The Gauss hypergeometric function ₂F₁(a, b; c; z) for real parameters and real z < 1.
 *
 *   ₂F₁(a, b; c; z) = Σ_{k≥0} (a)_k (b)_k / ((c)_k k!) z^k,   (q)_k = q (q + 1) … (q + k − 1).
 *
 * The BG/NBD model needs it for the expected number of purchases in the next t weeks, new or
 * conditional on a customer's history (Fader, Hardie & Lee 2005, eqs. 7 and 10): there a = r + x,
 * b = b + x, c = a + b + x − 1 and z = t / (α + T + t) ∈ [0, 1). For a frequent buyer c − a − b
 * is very negative and ₂F₁ grows like (1 − z)^(c − a − b): CDNOW's customer 1516 over 52 weeks
 * needs ₂F₁ ≈ 2.4e10. No npm package provides it (@stdlib has none), so it is written here.
 *
 * Method (Abramowitz & Stegun 1964, chapter 15; DLMF §15.8):
 * - z < 0: Pfaff's transformation ₂F₁(a, b; c; z) = (1 − z)^(−a) ₂F₁(a, c − b; c; z / (z − 1))
 *   (A&S 15.3.4) moves the argument into [0, 1).
 * - 0 ≤ z ≤ 0.9: the power series, term by term with the exact ratio
 *   t_{k+1} / t_k = (a + k)(b + k) z / ((c + k)(k + 1)). Summation stops when the geometric bound
 *   on the tail, |t_k| ρ / (1 − ρ), is below 1e-16 of the sum, ρ a bound on every later ratio
 *   (tailRatio: z · max(1, (a+k)/(c+k)) · max(1, (b+k)/(1+k)), valid once every factor is
 *   positive), so a series whose terms first grow (the frequent buyers' case) is never cut
 *   short. With positive a, b, c every term is positive and the sum loses no digits to
 *   cancellation.
 * - 0.9 < z < 1: the series needs ~ln(1e-16) / ln(z) terms (3,600 at z = 0.99), so when c − a − b
 *   is not within 1e-3 of an integer the linear transformation to 1 − z (A&S 15.3.6) is used:
 *   ₂F₁ = Γ(c)Γ(c−a−b) / (Γ(c−a)Γ(c−b)) ₂F₁(a, b; a+b−c+1; 1−z)
 *       + (1−z)^(c−a−b) Γ(c)Γ(a+b−c) / (Γ(a)Γ(b)) ₂F₁(c−a, c−b; c−a−b+1; 1−z),
 *   two fast series in 1 − z < 0.1, with the gamma ratios in log space and their signs kept.
 *   Near an integer c − a − b the two terms cancel catastrophically (A&S 15.3.10-12 hold the
 *   limits); there the direct series is summed instead, up to 10^7 terms, which is slow but exact.
 *
 * Accuracy: within ~1e-14 relative of mpmath 1.3 `hyp2f1` at every argument of the tests (the
 * CDNOW per-customer and hold-out arguments, the classical closed forms). Complexity: O(terms),
 * usually tens to hundreds.
 *
 * Bad-input policy (no throw; NaN like Math functions): z ≥ 1, NaN arguments, c a non-positive
 * integer (a pole; unless the series terminates first), or a series that does not settle within
 * 10^7 terms give NaN. a or b a non-positive integer gives the terminating polynomial.
 *
 * @see Wikipedia, "Hypergeometric function"; DLMF chapter 15 (dlmf.nist.gov is not loaded: cited)
 * @example hyp2f1(1, 1, 2, 0.5) // 2 ln 2 = 1.3862943611198906 (₂F₁(1, 1; 2; z) = −ln(1 − z) / z)
 */
import gammaln from '@stdlib/math-base-special-gammaln';

const EPS = 1e-16;
const MAX_TERMS = 10_000_000;
/** Above this z the series is slow: use the 1 − z transformation when it is safe. */
const Z_SERIES_MAX = 0.9;

export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (Number.isNaN(a) || Number.isNaN(b) || Number.isNaN(c) || Number.isNaN(z) || !(z < 1)) return NaN;
  if (z === 0 || a === 0 || b === 0) return 1;
  if (z < 0) {
    // Pfaff: the new argument z / (z − 1) is in (0, 1).
    return Math.pow(1 - z, -a) * hyp2f1(a, c - b, c, z / (z - 1));
  }
  const s = c - a - b;
  if (z > Z_SERIES_MAX && Math.abs(s - Math.round(s)) > 1e-3) return oneMinusZ(a, b, c, z);
  return series(a, b, c, z);
}

/** The power series with a rigorous stopping rule (see the file comment); NaN if it never settles. */
function series(a: number, b: number, c: number, z: number): number {
  // From k > settled every factor a + j, b + j, c + j is positive (j > k).
  const settled = Math.max(0, -a, -b, -c);
  let term = 1;
  let sum = 1;
  let comp = 0; // Neumaier compensation: long series keep their last digits
  for (let k = 0; k < MAX_TERMS; k++) {
    if (c + k === 0) return NaN; // a pole reached before the series terminated
    const ratio = ((a + k) * (b + k) * z) / ((c + k) * (k + 1));
    term *= ratio;
    if (term === 0) return sum + comp; // a terminating (polynomial) series
    const t = sum + term;
    comp += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
    sum = t;
    if (!Number.isFinite(sum)) return sum;
    if (k + 1 > settled) {
      const rho = tailRatio(a, b, c, z, k + 1);
      if (rho < 1 && (Math.abs(term) * rho) / (1 - rho) <= EPS * Math.abs(sum + comp)) return sum + comp;
    }
  }
  return NaN;
}

/**
 * A bound on every later term ratio (a+j)(b+j)z / ((c+j)(j+1)), j ≥ k, when a+j, b+j, c+j > 0:
 * (a+j)/(c+j) and (b+j)/(1+j) are monotone in j and tend to 1, so each is at most
 * max(1, its value at j = k). Exported for the BG/NBD curve, which sums the same kind of series.
 */
export function tailRatio(a: number, b: number, c: number, z: number, k: number): number {
  return z * Math.max(1, (a + k) / (c + k)) * Math.max(1, (b + k) / (1 + k));
}

/** ln |Γ(x)| and the sign of Γ(x); sign 0 at the poles (1/Γ = 0 there). */
function signedLogGamma(x: number): [number, number] {
  if (x <= 0 && Number.isInteger(x)) return [Infinity, 0];
  const sign = x > 0 || Math.floor(x) % 2 === 0 ? 1 : -1;
  return [gammaln(x), sign];
}

/** Γ(p)Γ(q) / (Γ(u)Γ(v)) · e^logScale, signed, from logs (no intermediate overflow); 0 when u or v is a pole. */
function gammaRatio(p: number, q: number, u: number, v: number, logScale = 0): number {
  const [lp, sp] = signedLogGamma(p);
  const [lq, sq] = signedLogGamma(q);
  const [lu, su] = signedLogGamma(u);
  const [lv, sv] = signedLogGamma(v);
  if (su === 0 || sv === 0) return 0;
  return sp * sq * su * sv * Math.exp(lp + lq - lu - lv + logScale);
}

/** A&S 15.3.6, for 0.9 < z < 1 and c − a − b not an integer. */
function oneMinusZ(a: number, b: number, c: number, z: number): number {
  const w = 1 - z;
  const s = c - a - b;
  const first = gammaRatio(c, s, c - a, c - b);
  const second = gammaRatio(c, -s, a, b, s * Math.log(w));
  const f1 = first === 0 ? 0 : first * series(a, b, 1 - s, w);
  const f2 = second === 0 ? 0 : second * series(c - a, c - b, 1 + s, w);
  return f1 + f2;
}
