/** Options for {@link bfgs}; every field has a default. */
export interface BfgsOptions {
  /** Stop when every |∂f/∂x_i| ≤ gTolerance · (1 + |f|) (default 1e-9). */
  gTolerance?: number;
  /** …or when three iterations in a row lower f by at most fTolerance · |f| (default 1e-14: f's own rounding). */
  fTolerance?: number;
  /** Stop after this many iterations (default 300). */
  maxIterations?: number;
  /** Largest change of any coordinate in one step (default 2; on a log scale a factor e² ≈ 7.4). */
  maxStep?: number;
}

/** Result of {@link bfgs}. */
export interface BfgsResult {
  x: number[];
  fx: number;
  iterations: number;
  /** Evaluations of f and its gradient. */
  evaluations: number;
  /** True when the gradient or the f test was met (false: iterations ran out, or the line search stalled). */
  converged: boolean;
}

/**
 * Minimises a smooth function of a few variables by the BFGS quasi-Newton method, given its
 * gradient.
 *
 * Each iteration steps along −H g, H the running approximation of the inverse Hessian, with a
 * backtracking (Armijo) line search, and updates H from the step s and the change of gradient y
 * by the BFGS formula H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, ρ = 1 / (yᵀ s), skipped when
 * yᵀ s ≤ 0 (no curvature information). The first H is the identity scaled by yᵀ s / yᵀ y after the
 * first step (Nocedal & Wright 2006, "Numerical Optimization", 2nd ed., algorithm 6.1 and eq.
 * 6.20). Far fewer evaluations than Nelder-Mead on the CLV likelihoods (about 30-60 against
 * 300-800), which is what lets a BG/NBD fit of 100,000 customers finish within a second.
 *
 * Stops when the gradient is small relative to f, when the quasi-Newton step promises a decrease
 * below 1e-14 of |f| (the rounding of a sum over 100,000 customers), when f stops falling (three
 * iterations within that), or when no step lowers f.
 *
 * Complexity: O(iterations · (n² + cost of f and its gradient)).
 *
 * Bad-input policy: f may return +Infinity or NaN outside its domain (the line search backs off);
 * an empty or non-finite start throws.
 *
 * @param fg f and its gradient at x (the gradient written into `grad`), returning f
 * @throws RangeError "bfgs requires a non-empty finite starting point"
 * @example bfgs((x, g) => { g[0] = 2 * (x[0] - 3); return (x[0] - 3) ** 2; }, [0]).x // ≈ [3]
 */
export function bfgs(fg: (x: number[], grad: number[]) => number, x0: readonly number[], options: BfgsOptions = {}): BfgsResult {
  const n = x0.length;
  if (n === 0 || !x0.every(Number.isFinite)) throw new RangeError('bfgs requires a non-empty finite starting point');
  const gTol = options.gTolerance ?? 1e-9;
  const fTol = options.fTolerance ?? 1e-14;
  const maxIterations = options.maxIterations ?? 300;
  const maxStep = options.maxStep ?? 2;
  let evaluations = 0;
  const evaluate = (x: number[], g: number[]): number => {
    evaluations++;
    const v = fg(x, g);
    return v === v && g.every(Number.isFinite) ? v : Infinity;
  };
  let x = x0.slice();
  let g = new Array<number>(n).fill(0);
  let fx = evaluate(x, g);
  if (!Number.isFinite(fx)) return { x, fx, iterations: 0, evaluations, converged: false };
  // H as a dense row-major n x n matrix.
  const H = new Float64Array(n * n);
  for (let i = 0; i < n; i++) H[i * n + i] = 1;
  let scaled = false;
  const d = new Array<number>(n);
  const xNew = new Array<number>(n);
  const gNew = new Array<number>(n).fill(0);
  let iterations = 0;
  let converged = false;
  let stalls = 0;
  let flat = 0;
  while (iterations < maxIterations) {
    let gMax = 0;
    for (let i = 0; i < n; i++) gMax = Math.max(gMax, Math.abs(g[i]));
    if (gMax <= gTol * (1 + Math.abs(fx))) {
      converged = true;
      break;
    }
    iterations++;
    // d = −H g; a direction that does not descend falls back to steepest descent (and resets H).
    let slope = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s -= H[i * n + j] * g[j];
      d[i] = s;
      slope += s * g[i];
    }
    if (!(slope < 0)) {
      H.fill(0);
      for (let i = 0; i < n; i++) H[i * n + i] = 1;
      scaled = false;
      slope = 0;
      for (let i = 0; i < n; i++) {
        d[i] = -g[i];
        slope -= g[i] * g[i];
      }
    }
    // The step promises a decrease of about −slope / 2: below f's rounding there is nothing to gain.
    if (-slope <= fTol * Math.abs(fx)) {
      converged = true;
      break;
    }
    let longest = 0;
    for (let i = 0; i < n; i++) longest = Math.max(longest, Math.abs(d[i]));
    let t = longest > maxStep ? maxStep / longest : 1;
    let fNew = Infinity;
    for (let k = 0; k < 20; k++) {
      for (let i = 0; i < n; i++) xNew[i] = x[i] + t * d[i];
      fNew = evaluate(xNew, gNew);
      if (fNew <= fx + 1e-4 * t * slope) break;
      t *= 0.5;
    }
    if (!(fNew <= fx)) {
      // No decrease even for a tiny step: at the optimum to machine precision (or stuck).
      if (++stalls >= 2) break;
      H.fill(0);
      for (let i = 0; i < n; i++) H[i * n + i] = 1;
      scaled = false;
      continue;
    }
    stalls = 0;
    const s = new Array<number>(n);
    const y = new Array<number>(n);
    let sy = 0;
    let yy = 0;
    for (let i = 0; i < n; i++) {
      s[i] = xNew[i] - x[i];
      y[i] = gNew[i] - g[i];
      sy += s[i] * y[i];
      yy += y[i] * y[i];
    }
    const fOld = fx;
    x = xNew.slice();
    g = gNew.slice();
    fx = fNew;
    if (sy > 1e-300) {
      if (!scaled) {
        const c = sy / yy;
        for (let i = 0; i < n; i++) H[i * n + i] = c;
        scaled = true;
      }
      const rho = 1 / sy;
      const Hy = new Array<number>(n).fill(0);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) Hy[i] += H[i * n + j] * y[j];
      let yHy = 0;
      for (let i = 0; i < n; i++) yHy += y[i] * Hy[i];
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          H[i * n + j] += -rho * (Hy[i] * s[j] + s[i] * Hy[j]) + (rho * rho * yHy + rho) * s[i] * s[j];
        }
      }
    }
    if (fOld - fx <= fTol * Math.abs(fx)) {
      if (++flat >= 3) {
        converged = true;
        break;
      }
    } else flat = 0;
  }
  return { x, fx, iterations, evaluations, converged };
}
