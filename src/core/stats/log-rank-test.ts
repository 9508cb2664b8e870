import gammainc from '@stdlib/math-base-special-gammainc';
import { KahanSums } from './kahan-sum.ts';

/** One group's line in a {@link logRankTest} result. */
export interface LogRankGroup {
  /** Subjects in the group. */
  n: number;
  /** Events (churns) observed in the group. */
  observed: number;
  /** Events expected in the group if every group had the same hazard. */
  expected: number;
}

/** Result of {@link logRankTest}. */
export interface LogRankTest {
  /** The log-rank statistic (O − E)ᵀ V⁻¹ (O − E), chi-square on `df` under H0. */
  chi2: number;
  /** Groups that enter the test (expected > 0) minus one. */
  df: number;
  /** Upper-tail probability P(χ²_df ≥ chi2). */
  p: number;
  /** Per group index 0 … k − 1, including groups that did not enter the test. */
  groups: LogRankGroup[];
}

/**
 * Log-rank (Mantel-Cox) test that k survival curves are the same, for right-censored data:
 * do customers of different segments churn at different rates over their lifetime, not just by
 * a fixed date? DESIGN.md section 5 draws a survival curve per segment; this is the test that
 * goes with them.
 *
 * At each distinct time t with d events among the n subjects still at risk (nₕ of them in group
 * h), each group's expected events are d nₕ / n, as if the d events fell on the subjects at
 * risk regardless of group. Summed over t that gives Eₕ beside the observed Oₕ, and the
 * hypergeometric variance-covariance of the observed counts,
 *
 *   Vₕₗ = Σₜ d (n − d) / (n − 1) · (nₕ / n) (δₕₗ − nₗ / n),
 *
 * gives the statistic X² = (O − E)ᵀ V⁻¹ (O − E) with one group left out (O − E sums to 0 and V
 * is singular), chi-square on k′ − 1 degrees of freedom (Mantel 1966; Peto & Peto 1972; Klein &
 * Moeschberger, "Survival Analysis", 2nd ed. 2003, §7.3; R: `survival::survdiff`). For two groups
 * this is the familiar (O₁ − E₁)² / V₁₁ (Kleinbaum & Klein, "Survival Analysis: A Self-Learning
 * Text", ch. 2). The p-value is the regularized upper incomplete gamma Q(df/2, X²/2) from
 * @stdlib/math-base-special-gammainc, accurate for tiny p.
 *
 * Conventions: subjects censored at the same time as an event are still at risk at that time;
 * every subject is at risk from the start (no late entry). As in `survdiff`, a group with no
 * expected events (empty, or all censored before the first event) is reported but left out of
 * the test, and df counts only the k′ groups that enter it.
 *
 * Complexity: O(N log N) for the sort by time plus O(T k²) for the T distinct event times;
 * O(N + k²) memory. The k′ − 1 linear system is solved by Cholesky in O(k³).
 *
 * Bad-input policy: `null` when fewer than two groups have expected events (no subjects, no
 * events, one group) or when V is singular (every event time removes everyone still at risk).
 * The three arrays must have one length; times must be finite, events 0 or 1 and group indices
 * whole numbers in [0, groupCount); anything else (NaN included) throws a RangeError of the form
 * `logRankTest requires …`.
 *
 * @param time time to churn or to censoring, per subject (e.g. days since first order)
 * @param event 1 = churned at that time, 0 = censored (still active when last seen), per subject
 * @param group group index per subject, 0 … k − 1 (e.g. a segment's position)
 * @param groupCount k; defaults to the largest index + 1 (pass it to report trailing empty groups)
 * @throws RangeError for mismatched lengths, a non-finite time, an event other than 0 or 1, or
 *   a group index that is not a whole number in [0, groupCount)
 * @example
 * // Freireich et al. (1963) remission times, 6-MP (group 0) vs placebo (group 1):
 * logRankTest(times, events, groups)
 * // { chi2: 16.7929…, df: 1, p: 4.17e-5, groups: [{ n: 21, observed: 9, expected: 19.25… },
 * //   { n: 21, observed: 21, expected: 10.75… }] }
 */
export function logRankTest(
  time: ArrayLike<number>,
  event: ArrayLike<number>,
  group: ArrayLike<number>,
  groupCount?: number,
): LogRankTest | null {
  const size = time.length;
  if (event.length !== size || group.length !== size) {
    throw new RangeError(
      `logRankTest requires time, event and group of one length, got ${size}, ${event.length} and ${group.length}`,
    );
  }
  let k = groupCount ?? 0;
  if (groupCount === undefined) {
    for (let i = 0; i < size; i++) {
      const g = group[i];
      if (Number.isInteger(g) && g >= k) k = g + 1;
    }
  } else if (!(Number.isInteger(groupCount) && groupCount >= 0)) {
    throw new RangeError(`logRankTest requires a whole groupCount ≥ 0, got ${groupCount}`);
  }
  const atRisk = new Float64Array(k);
  const observed = new Float64Array(k);
  for (let i = 0; i < size; i++) {
    const g = group[i];
    const e = event[i];
    if (!Number.isFinite(time[i]) || (e !== 0 && e !== 1) || !(Number.isInteger(g) && g >= 0 && g < k)) {
      throw new RangeError(
        `logRankTest requires finite times, events of 0 or 1 and whole group indices in [0, ${k}), got time ${time[i]}, event ${e}, group ${g} for subject ${i}`,
      );
    }
    atRisk[g]++;
    observed[g] += e;
  }
  const groups: LogRankGroup[] = Array.from({ length: k }, (_, g) => ({ n: atRisk[g], observed: observed[g], expected: 0 }));

  const order = new Uint32Array(size);
  for (let i = 0; i < size; i++) order[i] = i;
  order.sort((a, b) => time[a] - time[b]);

  const expected = new KahanSums(k);
  const variance = new KahanSums(k * k);
  let n = size;
  for (let start = 0; start < size; ) {
    const t = time[order[start]];
    let end = start;
    let d = 0;
    for (; end < size && time[order[end]] === t; end++) {
      d += event[order[end]];
    }
    if (d > 0) {
      // d (n − d) / (n − 1) is 0 when n = 1 (then d = n): that time adds nothing to V.
      const w = n > 1 ? (d * (n - d)) / (n - 1) : 0;
      for (let h = 0; h < k; h++) {
        const nh = atRisk[h];
        if (nh === 0) continue;
        expected.add(h, (d * nh) / n);
        if (w === 0) continue;
        const sh = nh / n;
        for (let l = h; l < k; l++) {
          const nl = atRisk[l];
          if (nl === 0) continue;
          variance.add(h * k + l, w * sh * ((h === l ? 1 : 0) - nl / n));
        }
      }
    }
    for (let j = start; j < end; j++) atRisk[group[order[j]]]--;
    n -= end - start;
    start = end;
  }

  // Groups with expected events enter the test; the last of them is left out of the system.
  const kept: number[] = [];
  for (let g = 0; g < k; g++) {
    groups[g].expected = expected.value(g);
    if (groups[g].expected > 0) kept.push(g);
  }
  const m = kept.length - 1;
  if (m < 1) return null;
  const u = new Float64Array(m);
  const a = new Float64Array(m * m);
  for (let r = 0; r < m; r++) {
    const gr = kept[r];
    u[r] = groups[gr].observed - groups[gr].expected;
    for (let c = 0; c < m; c++) {
      const gc = kept[c];
      a[r * m + c] = gr <= gc ? variance.value(gr * k + gc) : variance.value(gc * k + gr);
    }
  }
  const x = solveCholesky(a, u, m);
  if (x === null) return null;
  let chi2 = 0;
  for (let r = 0; r < m; r++) chi2 += u[r] * x[r];
  chi2 = Math.max(0, chi2);
  return { chi2, df: m, p: gammainc(chi2 / 2, m / 2, true, true), groups };
}

/**
 * Solves A x = b for a symmetric positive definite m × m matrix A (row-major) by Cholesky
 * decomposition (Golub & Van Loan, "Matrix Computations", §4.2). Returns null when a pivot is
 * not clearly positive (A singular to working precision). A and b are not modified.
 */
function solveCholesky(a: Float64Array, b: Float64Array, m: number): Float64Array | null {
  let scale = 0;
  for (let i = 0; i < m; i++) scale = Math.max(scale, a[i * m + i]);
  const tolerance = 1e-12 * scale;
  const l = new Float64Array(m * m);
  for (let j = 0; j < m; j++) {
    let diag = a[j * m + j];
    for (let s = 0; s < j; s++) diag -= l[j * m + s] * l[j * m + s];
    if (!(diag > tolerance)) return null;
    const ljj = Math.sqrt(diag);
    l[j * m + j] = ljj;
    for (let i = j + 1; i < m; i++) {
      let v = a[i * m + j];
      for (let s = 0; s < j; s++) v -= l[i * m + s] * l[j * m + s];
      l[i * m + j] = v / ljj;
    }
  }
  // Forward (L y = b), then back substitution (Lᵀ x = y).
  const x = Float64Array.from(b);
  for (let i = 0; i < m; i++) {
    for (let s = 0; s < i; s++) x[i] -= l[i * m + s] * x[s];
    x[i] /= l[i * m + i];
  }
  for (let i = m - 1; i >= 0; i--) {
    for (let s = i + 1; s < m; s++) x[i] -= l[s * m + i] * x[s];
    x[i] /= l[i * m + i];
  }
  return x;
}
