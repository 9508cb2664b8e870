/**
 * Benjamini-Hochberg adjusted p-values (q-values) controlling the false discovery rate.
 *
 * The churn audit (DESIGN.md section 4) tests every value of every customer attribute; at
 * 5 % per test, one in twenty differences would be flagged by chance alone. Benjamini &
 * Hochberg's step-up procedure keeps the expected share of false discoveries among the flagged
 * ones at most q: flagging every test whose adjusted value is ≤ q is exactly the procedure at
 * level q (Benjamini & Hochberg 1995, "Controlling the false discovery rate: a practical and
 * powerful approach to multiple testing", JRSS B 57(1), 289–300; valid for independent or
 * positively dependent tests).
 *
 * With the m p-values sorted ascending, p₍₁₎ ≤ … ≤ p₍ₘ₎, the adjusted value of rank i is
 *
 *   q₍ᵢ₎ = min(1, min_{j ≥ i} m p₍ⱼ₎ / j)
 *
 * — the running minimum from the largest p down makes the q-values monotone in p. This is R's
 * `p.adjust(p, method = "BH")`, computed in the same order (m / j · p) so the values agree to
 * the last bit. Tied p-values get the same q-value. The cap at 1 is R's `pmin(1, …)`; for
 * p-values in [0, 1] it never binds, since q₍ₘ₎ = p₍ₘ₎.
 *
 * Complexity: O(m log m) time for the sort, O(m) memory.
 *
 * Bad-input policy: NaN marks a test that could not be run (e.g. a null z-test); it stays NaN
 * in the output and does not count in m, like R's `p.adjust` with `n = sum(!is.na(p))`. An
 * empty input gives an empty array. A p-value outside [0, 1] (±Infinity included) throws a
 * RangeError of the form `benjaminiHochberg requires p-values in [0, 1] or NaN, got … at index …`.
 *
 * @param p the p-values, in any order
 * @returns the adjusted values, in the order of `p`
 * @throws RangeError for a p-value outside [0, 1]
 * @example benjaminiHochberg([0.01, 0.04, 0.03]) // Float64Array [0.03, 0.04, 0.04]
 * @example benjaminiHochberg([0.01, NaN]) // Float64Array [0.01, NaN]
 */
export function benjaminiHochberg(p: ArrayLike<number>): Float64Array {
  const q = new Float64Array(p.length).fill(NaN);
  let m = 0;
  for (let i = 0; i < p.length; i++) {
    const x = p[i];
    if (Number.isNaN(x)) continue;
    if (!(x >= 0 && x <= 1)) throw new RangeError(`benjaminiHochberg requires p-values in [0, 1] or NaN, got ${x} at index ${i}`);
    m++;
  }
  const order = new Uint32Array(m);
  for (let i = 0, k = 0; i < p.length; i++) if (!Number.isNaN(p[i])) order[k++] = i;
  order.sort((a, b) => p[a] - p[b]);

  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const i = order[rank - 1];
    running = Math.min(running, (m / rank) * p[i]);
    q[i] = running;
  }
  return q;
}
