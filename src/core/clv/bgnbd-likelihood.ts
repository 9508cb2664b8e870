/**
 * The BG/NBD log-likelihood and its gradient (Fader, Hardie & Lee 2005, eq. 6; DESIGN.md
 * section 6), prepared once over weighted distinct (x, t_x, T) rows for the many evaluations of
 * a fit (bgnbd.ts fits and predicts with it).
 *
 * Per customer:
 *   L = B(a, b + x) / B(a, b) · Γ(r + x) α^r / (Γ(r) (α + T)^(r + x))
 *     + δ_{x>0} B(a + 1, b + x − 1) / B(a, b) · Γ(r + x) α^r / (Γ(r) (α + t_x)^(r + x)),
 * evaluated in log space as the first term times 1 + e^u, u = ln(a / (b + x − 1)) +
 * (r + x) ln((α + T) / (α + t_x)), with a stable softplus: no overflow for heavy buyers (Fader &
 * Hardie's note 027 on Excel's #NUM!). ln Γ and ln B are @stdlib/math-base-special-gammaln.
 *
 * The terms that depend on x only are summed once per distinct x, those on T (or t_x) once per
 * distinct T (t_x), so an evaluation costs one exp and one log1p per distinct row with x > 0.
 */
import digamma from '@stdlib/math-base-special-digamma';
import gammaln from '@stdlib/math-base-special-gammaln';
import type { UniqueRows } from './purchase-summary.ts';

export interface BgnbdParams {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

const softplus = (u: number): number => (u > 0 ? u + Math.log1p(Math.exp(-u)) : Math.log1p(Math.exp(u)));

/** ln of one customer's BG/NBD likelihood (FHL 2005 eq. 6); NaN outside positive parameters. */
export function bgnbdLogLikelihoodOne(p: BgnbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, a, b } = p;
  if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) return NaN;
  const common = gammaln(r + x) - gammaln(r) + r * Math.log(alpha) + gammaln(b + x) - gammaln(a + b + x) - gammaln(b) + gammaln(a + b);
  const first = -(r + x) * Math.log(alpha + T);
  if (x === 0) return common + first;
  const u = Math.log(a / (b + x - 1)) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return common + first + softplus(u);
}

/**
 * The BG/NBD log-likelihood of weighted distinct rows, prepared once for many evaluations
 * (see the file comment). Returns (params) => LL.
 *
 * Complexity: O(rows) to prepare; per evaluation O(distinct x + distinct T + distinct t_x) logs
 * plus one exp and one log1p per row with x > 0.
 */
export function bgnbdLogLikelihood(rows: UniqueRows): (p: BgnbdParams) => number {
  return prepareBgnbdLikelihood(rows).ll;
}

/**
 * The BG/NBD log-likelihood with its gradient in (r, α, a, b), prepared like
 * {@link bgnbdLogLikelihood}: (params, grad) => LL, the gradient written into grad. The
 * derivatives are those of each term of eq. 6 (ψ = digamma, @stdlib/math-base-special-digamma;
 * σ(u) = the logistic function, the derivative of the softplus):
 *   ∂r: ψ(r+x) − ψ(r) + ln α − ln(α+T) + σ(u) ln((α+T)/(α+t_x)),
 *   ∂α: r/α − (r+x)/(α+T) + σ(u) (r+x) (1/(α+T) − 1/(α+t_x)),
 *   ∂a: ψ(a+b) − ψ(a+b+x) + σ(u)/a,   ∂b: ψ(b+x) − ψ(a+b+x) − ψ(b) + ψ(a+b) − σ(u)/(b+x−1).
 * The cost of an evaluation is that of the likelihood plus a few multiplications per row.
 */
export function bgnbdLogLikelihoodGradient(rows: UniqueRows): (p: BgnbdParams, grad: Float64Array) => number {
  return prepareBgnbdLikelihood(rows).llGrad;
}

/** The likelihood and the likelihood with its gradient over `rows`, sharing one preparation (used by fitBgnbd). */
export function prepareBgnbdLikelihood(rows: UniqueRows): { ll: (p: BgnbdParams) => number; llGrad: (p: BgnbdParams, grad: Float64Array) => number } {
  const xs = new Map<number, number>();
  const Ts = new Map<number, number>();
  const txs = new Map<number, number>();
  const index = (m: Map<number, number>, v: number): number => {
    let i = m.get(v);
    if (i === undefined) m.set(v, (i = m.size));
    return i;
  };
  const n = rows.length;
  const xi = new Uint32Array(n);
  const Ti = new Uint32Array(n);
  const ti = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    xi[i] = index(xs, rows.x[i]);
    Ti[i] = index(Ts, rows.T[i]);
    ti[i] = index(txs, rows.tx[i]);
  }
  const xVal = Float64Array.from(xs.keys());
  const TVal = Float64Array.from(Ts.keys());
  const tVal = Float64Array.from(txs.keys());
  // Weights per distinct x, and Σ w and Σ w·x per distinct T (the −(r + x) ln(α + T) term).
  const wX = new Float64Array(xVal.length);
  const wT = new Float64Array(TVal.length);
  const wxT = new Float64Array(TVal.length);
  let total = 0;
  let repeat = 0;
  for (let i = 0; i < n; i++) {
    const w = rows.weight[i];
    wX[xi[i]] += w;
    wT[Ti[i]] += w;
    wxT[Ti[i]] += w * rows.x[i];
    total += w;
    if (rows.x[i] > 0) repeat++;
  }
  // Rows with x > 0, packed.
  const rw = new Float64Array(repeat);
  const rx_ = new Uint32Array(repeat);
  const rT = new Uint32Array(repeat);
  const rt = new Uint32Array(repeat);
  const rxv = new Float64Array(repeat);
  for (let i = 0, j = 0; i < n; i++) {
    if (rows.x[i] === 0) continue;
    rw[j] = rows.weight[i];
    rx_[j] = xi[i];
    rT[j] = Ti[i];
    rt[j] = ti[i];
    rxv[j++] = rows.x[i];
  }
  const lT = new Float64Array(TVal.length);
  const lt = new Float64Array(tVal.length);
  const iT = new Float64Array(TVal.length);
  const it = new Float64Array(tVal.length);
  const lnAOverB = new Float64Array(xVal.length);
  const sigmaX = new Float64Array(xVal.length);
  const llGrad = (p: BgnbdParams, grad: Float64Array): number => {
    const { r, alpha, a, b } = p;
    if (!(r > 0 && alpha > 0 && a > 0 && b > 0 && r < Infinity && alpha < Infinity && a < Infinity && b < Infinity)) return NaN;
    const lnAlpha = Math.log(alpha);
    let ll = total * (r * lnAlpha - gammaln(r) - gammaln(b) + gammaln(a + b));
    const psiAB = digamma(a + b);
    let gr = total * (lnAlpha - digamma(r));
    let ga = total * psiAB;
    let gb = total * (psiAB - digamma(b));
    let gAlpha = (total * r) / alpha;
    for (let k = 0; k < xVal.length; k++) {
      const x = xVal[k];
      ll += wX[k] * (gammaln(r + x) + gammaln(b + x) - gammaln(a + b + x));
      const psiABX = digamma(a + b + x);
      gr += wX[k] * digamma(r + x);
      ga -= wX[k] * psiABX;
      gb += wX[k] * (digamma(b + x) - psiABX);
      lnAOverB[k] = x > 0 ? Math.log(a / (b + x - 1)) : 0;
      sigmaX[k] = 0;
    }
    for (let k = 0; k < TVal.length; k++) {
      lT[k] = Math.log(alpha + TVal[k]);
      iT[k] = 1 / (alpha + TVal[k]);
      ll -= (r * wT[k] + wxT[k]) * lT[k];
      gr -= wT[k] * lT[k];
      gAlpha -= (r * wT[k] + wxT[k]) * iT[k];
    }
    for (let k = 0; k < tVal.length; k++) {
      lt[k] = Math.log(alpha + tVal[k]);
      it[k] = 1 / (alpha + tVal[k]);
    }
    let extra = 0;
    let comp = 0; // Neumaier: the optimiser compares values that differ in the 12th digit
    for (let j = 0; j < repeat; j++) {
      const d = lT[rT[j]] - lt[rt[j]];
      const rx = r + rxv[j];
      const u = lnAOverB[rx_[j]] + rx * d;
      const w = rw[j];
      // softplus(u) and σ(u); beyond |u| = 37, log1p(e) = e and 1 + e = 1 in doubles.
      let sp: number;
      let sigma: number;
      if (u > 0) {
        const e = Math.exp(-u);
        sp = u > 37 ? u + e : u + Math.log1p(e);
        sigma = 1 / (1 + e);
      } else {
        const e = Math.exp(u);
        sp = u < -37 ? e : Math.log1p(e);
        sigma = e / (1 + e);
      }
      const term = w * sp;
      const t = extra + term;
      comp += Math.abs(extra) >= Math.abs(term) ? extra - t + term : term - t + extra;
      extra = t;
      const ws = w * sigma;
      gr += ws * d;
      gAlpha += ws * rx * (iT[rT[j]] - it[rt[j]]);
      sigmaX[rx_[j]] += ws;
    }
    for (let k = 0; k < xVal.length; k++) {
      if (sigmaX[k] === 0) continue;
      ga += sigmaX[k] / a;
      gb -= sigmaX[k] / (b + xVal[k] - 1);
    }
    grad[0] = gr;
    grad[1] = gAlpha;
    grad[2] = ga;
    grad[3] = gb;
    return ll + (extra + comp);
  };
  const ll = (p: BgnbdParams): number => {
    const { r, alpha, a, b } = p;
    if (!(r > 0 && alpha > 0 && a > 0 && b > 0 && r < Infinity && alpha < Infinity && a < Infinity && b < Infinity)) return NaN;
    let ll = total * (r * Math.log(alpha) - gammaln(r) - gammaln(b) + gammaln(a + b));
    for (let k = 0; k < xVal.length; k++) {
      const x = xVal[k];
      ll += wX[k] * (gammaln(r + x) + gammaln(b + x) - gammaln(a + b + x));
      lnAOverB[k] = x > 0 ? Math.log(a / (b + x - 1)) : 0;
    }
    for (let k = 0; k < TVal.length; k++) {
      lT[k] = Math.log(alpha + TVal[k]);
      ll -= (r * wT[k] + wxT[k]) * lT[k];
    }
    for (let k = 0; k < tVal.length; k++) lt[k] = Math.log(alpha + tVal[k]);
    let extra = 0;
    let comp = 0;
    for (let j = 0; j < repeat; j++) {
      const u = lnAOverB[rx_[j]] + (r + rxv[j]) * (lT[rT[j]] - lt[rt[j]]);
      const term = rw[j] * (u > 0 ? u + Math.log1p(Math.exp(-u)) : Math.log1p(Math.exp(u)));
      const t = extra + term;
      comp += Math.abs(extra) >= Math.abs(term) ? extra - t + term : term - t + extra;
      extra = t;
    }
    return ll + (extra + comp);
  };
  return { ll, llGrad };
}
