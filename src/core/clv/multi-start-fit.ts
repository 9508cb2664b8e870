/**
 * Maximum likelihood from several starting points, for the CLV models (BG/NBD, Gamma-Gamma;
 * DESIGN.md section 6: "from several starting points, and call it converged only when the
 * starts agree (some optimisers report success at a worse optimum)").
 *
 * The parameters are positive, so the optimiser walks on their logarithms: unconstrained, and a
 * step of 0.5 is a factor of 1.65 whatever the scale. With the log-likelihood's gradient the
 * optimiser is BFGS (stats/bfgs.ts; ~30-60 evaluations a start); without it Nelder-Mead
 * (stats/nelder-mead.ts). Each start runs once and then once more from where it stopped (BFGS
 * only when its gradient test was not met; for Nelder-Mead the restart rebuilds a simplex that
 * collapsed early, the standard remedy;
 * Lagarias et al. 1998 discuss the failure). The best end point is kept.
 *
 * Convergence is claimed only when a majority of the starts, and at least two, end within 1e-6
 * (relative, plus 1e-6 absolute) of the best log-likelihood and agree with the best on every
 * interior parameter to 1e-3 relative (a start that wandered off to a worse point at the edge of
 * the search box, as (1, 1, 1, 1) does on data whose α is near 1,000 weeks, is reported in
 * `agreeing` < `starts` but does not contradict two that agree); a single run's own "converged" flag is not trusted (issue #11 reports a single
 * Nelder-Mead run from the usual start claiming success at a worse optimum on CDNOW with another
 * library's settings; with this file's optimisers all 3 starts reach the optimum there).
 *
 * Boundary optima. The search is confined to 1e-7 .. 1e7 per parameter (the objective is
 * +Infinity outside). A parameter is reported `atBoundary` when it ends below 1e-5 or above 1e5,
 * or when the log-likelihood changes by less than 1e-3 when it alone is moved 100 times closer
 * to 0 or to infinity (the data do not tell it from the edge): the likelihood keeps rising, or
 * stays flat, toward the edge of the parameter space (BG/NBD's dropout shape a → 0 on data
 * without evidence of dropout), so its value is not an estimate and the starts need not agree
 * on it; they must still agree on the log-likelihood.
 *
 * Complexity: starts x 1-2 optimiser runs, each O(iterations) evaluations of the objective (and,
 * for BFGS, its gradient).
 */
import { bfgs } from '../stats/bfgs.ts';
import { nelderMead } from '../stats/nelder-mead.ts';

/** A log-parameter beyond ±LOG_LIMIT (1e-7 .. 1e7) makes the objective +Infinity: a walk to a boundary stops there. */
const LOG_LIMIT = 16.1;
const LOW = 1e-5;
const HIGH = 1e5;
const LL_AGREEMENT = 1e-6;
const PARAM_AGREEMENT = 1e-3;

export interface MultiStartFit {
  /** The best parameters (natural scale), in the order of `names`. */
  readonly params: Float64Array;
  /** The log-likelihood there. */
  readonly logLik: number;
  /** True when a majority of the starts (at least two) agree with the best (see the file comment). */
  readonly converged: boolean;
  /** Names of the parameters at the edge of their space (below 1e-5 or above 1e5). */
  readonly atBoundary: string[];
  /** Starts run, and how many ended at the best optimum. */
  readonly starts: number;
  readonly agreeing: number;
  /** Objective evaluations, all starts together. */
  readonly evaluations: number;
}

export interface MultiStartOptions {
  /** Nelder-Mead tolerances (defaults: f 1e-12 relative, x 1e-7 on the log scale). */
  readonly fTolerance?: number;
  readonly xTolerance?: number;
  /**
   * The log-likelihood and its gradient in the natural parameters (written into `grad`): the
   * fit then uses BFGS.
   */
  readonly gradient?: (params: Float64Array, grad: Float64Array) => number;
}

/**
 * Maximises `logLik` (a function of the natural-scale parameters) from each start.
 *
 * @param logLik log-likelihood; NaN or -Infinity where undefined
 * @param starts starting points on the natural scale (all positive)
 * @param names parameter names, for `atBoundary`
 * @throws RangeError "fitMultiStart requires positive finite starts"
 * @example fitMultiStart(([m]) => -((m - 2) ** 2), [[1], [5]], ['m']).params[0] // ≈ 2
 */
export function fitMultiStart(
  logLik: (params: Float64Array) => number,
  starts: readonly (readonly number[])[],
  names: readonly string[],
  options: MultiStartOptions = {},
): MultiStartFit {
  if (starts.length === 0 || starts.some((s) => s.length !== names.length || !s.every((v) => v > 0 && v < Infinity))) {
    throw new RangeError('fitMultiStart requires positive finite starts');
  }
  const n = names.length;
  const p = new Float64Array(n);
  let evaluations = 0;
  const objective = (u: number[]): number => {
    evaluations++;
    for (let i = 0; i < n; i++) {
      if (!(Math.abs(u[i]) <= LOG_LIMIT)) return Infinity;
      p[i] = Math.exp(u[i]);
    }
    const ll = logLik(p);
    return ll === ll ? -ll : Infinity;
  };
  // 250 iterations per parameter: interior optima need ~100 (CDNOW: ~290 evaluations a run);
  // a walk toward a boundary is cut short there instead of crawling to e^-25.
  const nm = { fTolerance: options.fTolerance ?? 1e-12, xTolerance: options.xTolerance ?? 1e-7, step: 0.5, maxIterations: 250 * n };
  const withGradient = options.gradient;
  const grad = new Float64Array(n);
  const objectiveGrad = (u: number[], g: number[]): number => {
    evaluations++;
    for (let i = 0; i < n; i++) {
      if (!(Math.abs(u[i]) <= LOG_LIMIT)) return Infinity;
      p[i] = Math.exp(u[i]);
    }
    const ll = withGradient!(p, grad);
    for (let i = 0; i < n; i++) g[i] = -grad[i] * p[i];
    return ll === ll ? -ll : Infinity;
  };
  const ends = starts.map((s) => {
    if (withGradient) {
      const first = bfgs(objectiveGrad, s.map(Math.log));
      // A run that ended converged, or at a boundary (where a restart walks the same flat edge), is kept.
      if (first.converged || first.x.some((u) => u < Math.log(LOW) || u > Math.log(HIGH))) return first;
      const again = bfgs(objectiveGrad, first.x);
      return again.fx <= first.fx ? again : first;
    }
    const first = nelderMead(objective, s.map(Math.log), nm);
    const again = nelderMead(objective, first.x, { ...nm, step: 0.1 });
    return again.fx <= first.fx ? again : first;
  });
  let best = ends[0];
  for (const e of ends) if (e.fx < best.fx) best = e;
  const params = Float64Array.from(best.x, Math.exp);
  const flat = (i: number): boolean =>
    [0.01, 100].some((factor) => {
      const q = Float64Array.from(params);
      q[i] *= factor;
      const ll = logLik(q);
      return ll === ll && ll >= -best.fx - 1e-3;
    });
  const atBoundary = names.filter((_, i) => params[i] < LOW || params[i] > HIGH || flat(i));
  const interior = names.map((nm2) => !atBoundary.includes(nm2));
  const agrees = (x: number[], fx: number): boolean =>
    Math.abs(fx - best.fx) <= LL_AGREEMENT * (1 + Math.abs(best.fx)) &&
    x.every((u, i) => !interior[i] || Math.abs(Math.exp(u) - params[i]) <= PARAM_AGREEMENT * params[i]);
  const agreeing = ends.filter((e) => agrees(e.x, e.fx)).length;
  return {
    params,
    logLik: -best.fx,
    converged: Number.isFinite(best.fx) && (agreeing >= Math.max(2, Math.ceil(ends.length / 2)) || ends.length === 1),
    atBoundary,
    starts: ends.length,
    agreeing,
    evaluations,
  };
}
