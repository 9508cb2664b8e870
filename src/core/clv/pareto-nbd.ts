/**
 * The Pareto/NBD model (Schmittlein, Morrison & Colombo 1987, "Counting your customers: who are
 * they and what will they do next?", Management Science 33(1); likelihood and expectations as
 * written by Fader & Hardie 2005, "A note on deriving the Pareto/NBD model and related
 * expressions"): the second opinion to BG/NBD (issue #11), above all where BG/NBD's dropout
 * parameter sits on its boundary — Pareto/NBD lets customers drop out at any time, not only
 * right after a purchase.
 *
 * Story: while alive a customer buys at rate λ ~ Gamma(r, α); their lifetime is exponential
 * with rate μ ~ Gamma(s, β). Per customer (x, t_x, T), with ρ = r + s + x,
 *   L = Γ(r+x) α^r β^s / Γ(r) · [ 1 / ((α+T)^(r+x) (β+T)^s) + s/ρ · A₀ ],
 *   A₀ = ₂F₁(ρ, s+1; ρ+1; (α−β)/(α+t_x)) / (α+t_x)^ρ − ₂F₁(ρ, s+1; ρ+1; (α−β)/(α+T)) / (α+T)^ρ  (α ≥ β),
 *   A₀ = ₂F₁(ρ, r+x; ρ+1; (β−α)/(β+t_x)) / (β+t_x)^ρ − ₂F₁(ρ, r+x; ρ+1; (β−α)/(β+T)) / (β+T)^ρ  (α < β),
 * every power in log space (hyp2f1.ts for ₂F₁). P(alive) = 1 / (1 + s/ρ (α+T)^(r+x) (β+T)^s A₀);
 * E[Y(t) | x, t_x, T] = (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)] · P(alive).
 *
 * On CDNOW: r = 0.5533, α = 10.5777, s = 0.6062, β = 11.6688, LL = −9594.9762 (published 0.553,
 * 10.578, 0.606, 11.669).
 *
 * Complexity: two ₂F₁ per distinct (x, t_x, T) row per evaluation; fitted with Nelder-Mead
 * (no gradient), so the report fits it only on up to 20,000 distinct rows.
 */
import gammaln from '@stdlib/math-base-special-gammaln';
import { hyp2f1 } from './hyp2f1.ts';
import { fitMultiStart } from './multi-start-fit.ts';
import type { UniqueRows } from './purchase-summary.ts';

export interface ParetoNbdParams {
  readonly r: number;
  readonly alpha: number;
  readonly s: number;
  readonly beta: number;
}

export interface ParetoNbdFit extends ParetoNbdParams {
  readonly logLik: number;
  readonly converged: boolean;
  readonly atBoundary: string[];
}

/** ln of the bracket's second part, s/ρ · A₀ scaled: returns ln A₀ (NaN when A₀ ≤ 0 by rounding). */
function logA0(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = p;
  const rho = r + s + x;
  const big = alpha >= beta;
  const m = big ? alpha : beta;
  const diff = Math.abs(alpha - beta);
  const b2 = big ? s + 1 : r + x;
  const term = (t: number): number => Math.log(hyp2f1(rho, b2, rho + 1, diff / (m + t))) - rho * Math.log(m + t);
  const l1 = term(tx);
  const l2 = term(T);
  // A₀ = e^l1 − e^l2 with l1 ≥ l2 (t_x ≤ T); ln A₀ = l1 + ln(1 − e^(l2 − l1)).
  return l1 + Math.log(-Math.expm1(l2 - l1));
}

/** ln of one customer's Pareto/NBD likelihood; NaN outside positive parameters. */
export function paretoNbdLogLikelihoodOne(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = p;
  if (!(r > 0 && alpha > 0 && s > 0 && beta > 0)) return NaN;
  const head = gammaln(r + x) - gammaln(r) + r * Math.log(alpha) + s * Math.log(beta);
  const first = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  if (tx >= T) return head + first;
  const second = Math.log(s / (r + s + x)) + logA0(p, x, tx, T);
  const hi = Math.max(first, second);
  return head + hi + Math.log(Math.exp(first - hi) + Math.exp(second - hi));
}

/** The Pareto/NBD log-likelihood of weighted distinct rows: (params) => LL. */
export function paretoNbdLogLikelihood(rows: UniqueRows): (p: ParetoNbdParams) => number {
  return (p) => {
    let sum = 0;
    let comp = 0;
    for (let i = 0; i < rows.length; i++) {
      const term = rows.weight[i] * paretoNbdLogLikelihoodOne(p, rows.x[i], rows.tx[i], rows.T[i]);
      const t = sum + term;
      comp += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
      sum = t;
    }
    return sum + comp;
  };
}

/**
 * Fits Pareto/NBD by maximum likelihood from 3 starts (Nelder-Mead on the log-parameters,
 * multi-start-fit.ts).
 *
 * @throws RangeError "fitParetoNbd requires customers with repeat purchases"
 * @example fitParetoNbd(summary.unique).s
 */
export function fitParetoNbd(rows: UniqueRows): ParetoNbdFit {
  let repeat = 0;
  for (let i = 0; i < rows.length; i++) if (rows.x[i] > 0) repeat += rows.weight[i];
  if (repeat === 0) throw new RangeError('fitParetoNbd requires customers with repeat purchases');
  const ll = paretoNbdLogLikelihood(rows);
  const fit = fitMultiStart((q) => ll({ r: q[0], alpha: q[1], s: q[2], beta: q[3] }), [[1, 1, 1, 1], [0.5, 10, 0.5, 10], [2, 5, 2, 20]], ['r', 'alpha', 's', 'beta']);
  const [r, alpha, s, beta] = fit.params;
  return { r, alpha, s, beta, logLik: fit.logLik, converged: fit.converged, atBoundary: fit.atBoundary };
}

/** P(alive | x, t_x, T) under Pareto/NBD (see the file comment). O(₂F₁). */
export function paretoNbdPAlive(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = p;
  if (tx >= T) return 1;
  const u = Math.log(s / (r + s + x)) + (r + x) * Math.log(alpha + T) + s * Math.log(beta + T) + logA0(p, x, tx, T);
  return u > 0 ? Math.exp(-u) / (1 + Math.exp(-u)) : 1 / (1 + Math.exp(u));
}

/** E[X(t)] of a new customer: rβ / (α(s − 1)) · [1 − (β / (β + t))^(s−1)]. O(1). */
export function paretoNbdExpected(p: ParetoNbdParams, t: number): number {
  const { r, alpha, s, beta } = p;
  const s1 = s === 1 ? 1 + 1e-9 : s;
  return ((r * beta) / (alpha * (s1 - 1))) * -Math.expm1((s1 - 1) * Math.log(beta / (beta + t)));
}

/** E[Y(t) | x, t_x, T] under Pareto/NBD (see the file comment). O(₂F₁). */
export function paretoNbdConditionalExpected(p: ParetoNbdParams, x: number, tx: number, T: number, t: number): number {
  const { r, alpha, s, beta } = p;
  const s1 = s === 1 ? 1 + 1e-9 : s;
  const lead = ((r + x) * (beta + T)) / ((alpha + T) * (s1 - 1));
  return lead * -Math.expm1((s1 - 1) * Math.log((beta + T) / (beta + T + t))) * paretoNbdPAlive(p, x, tx, T);
}
