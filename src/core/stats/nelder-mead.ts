/** Options for {@link nelderMead}; every field has a default. */
export interface NelderMeadOptions {
  /** Initial simplex edge along each axis (default 0.5; suits parameters on a log scale). */
  step?: number;
  /** Stop after this many iterations (default 2000 · dimension). */
  maxIterations?: number;
  /** Converged when the spread of f over the simplex is ≤ fTolerance · (|f_best| + fTolerance) (default 1e-13). */
  fTolerance?: number;
  /** …and every vertex is within xTolerance of the best one in every coordinate (default 1e-10). */
  xTolerance?: number;
}

/** Result of {@link nelderMead}. */
export interface NelderMeadResult {
  /** The best point found. */
  x: number[];
  /** f(x). */
  fx: number;
  /** Iterations used (reflections, expansions, contractions or shrinks). */
  iterations: number;
  /** True when both tolerances were met before maxIterations. */
  converged: boolean;
}

/**
 * Minimises a function of a few real variables by the Nelder-Mead downhill simplex method.
 *
 * A simplex of n + 1 points walks downhill by reflecting its worst vertex through the centroid
 * of the others, expanding when that helps a lot, contracting when it does not, and shrinking
 * toward the best point when nothing helps. It needs no derivatives, which makes it a robust
 * choice for the small smooth likelihoods of this app (sBG: two parameters). Standard
 * coefficients: reflection 1, expansion 2, contraction 1/2, shrink 1/2 (Nelder & Mead 1965,
 * The Computer Journal 7(4), 308–313; Lagarias et al. 1998 for the variant with inside and
 * outside contraction used here).
 *
 * Complexity: O(maxIterations · (n + 1)) evaluations of f in the worst case, O(n²) work per
 * iteration besides.
 *
 * Bad-input policy: f may return NaN or ±Infinity (e.g. outside its domain); NaN is treated as
 * +Infinity so the simplex walks away from it. An empty or non-finite x0 throws.
 *
 * It finds a local minimum: callers that need the global one run it from several starts and
 * compare (see fitSbg).
 *
 * @throws RangeError "nelderMead requires a non-empty finite starting point"
 * @example nelderMead(([x, y]) => (x - 1) ** 2 + (y + 2) ** 2, [0, 0]).x // ≈ [1, -2]
 */
export function nelderMead(
  f: (x: number[]) => number,
  x0: readonly number[],
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const n = x0.length;
  if (n === 0 || !x0.every(Number.isFinite)) throw new RangeError('nelderMead requires a non-empty finite starting point');
  const step = options.step ?? 0.5;
  const maxIterations = options.maxIterations ?? 2000 * n;
  const fTol = options.fTolerance ?? 1e-13;
  const xTol = options.xTolerance ?? 1e-10;
  const evaluate = (x: number[]): number => {
    const v = f(x);
    return Number.isNaN(v) ? Infinity : v;
  };

  const pts: number[][] = [x0.slice()];
  for (let i = 0; i < n; i++) {
    const p = x0.slice();
    p[i] += step;
    pts.push(p);
  }
  const vals = pts.map(evaluate);
  const order = pts.map((_, i) => i);
  const sortSimplex = (): void => {
    order.sort((a, b) => vals[a] - vals[b]);
  };
  const along = (centroid: number[], worst: number[], coef: number): number[] =>
    centroid.map((c, j) => c + coef * (c - worst[j]));

  let iterations = 0;
  let converged = false;
  sortSimplex();
  while (iterations < maxIterations) {
    const best = order[0];
    const worst = order[n];
    const second = order[n - 1];
    const fBest = vals[best];
    // Convergence: small spread in f and a small simplex.
    let spread = vals[worst] - fBest;
    if (!Number.isFinite(spread)) spread = Infinity;
    let size = 0;
    for (const i of order) for (let j = 0; j < n; j++) size = Math.max(size, Math.abs(pts[i][j] - pts[best][j]));
    if (spread <= fTol * (Math.abs(fBest) + fTol) && size <= xTol) {
      converged = true;
      break;
    }
    iterations++;

    const centroid = new Array<number>(n).fill(0);
    for (let k = 0; k < n; k++) for (let j = 0; j < n; j++) centroid[j] += pts[order[k]][j] / n;

    const xr = along(centroid, pts[worst], 1);
    const fr = evaluate(xr);
    if (fr < vals[best]) {
      const xe = along(centroid, pts[worst], 2);
      const fe = evaluate(xe);
      if (fe < fr) [pts[worst], vals[worst]] = [xe, fe];
      else [pts[worst], vals[worst]] = [xr, fr];
    } else if (fr < vals[second]) {
      [pts[worst], vals[worst]] = [xr, fr];
    } else {
      // Outside contraction when the reflected point beats the worst, inside otherwise.
      const outside = fr < vals[worst];
      const xc = along(centroid, pts[worst], outside ? 0.5 : -0.5);
      const fc = evaluate(xc);
      if (fc < (outside ? fr : vals[worst])) {
        [pts[worst], vals[worst]] = [xc, fc];
      } else {
        for (let k = 1; k <= n; k++) {
          const i = order[k];
          pts[i] = pts[i].map((v, j) => pts[best][j] + 0.5 * (v - pts[best][j]));
          vals[i] = evaluate(pts[i]);
        }
      }
    }
    sortSimplex();
  }
  return { x: pts[order[0]].slice(), fx: vals[order[0]], iterations, converged };
}
