/**
 * Guard rails of the predictive CLV model, as data (codes and parameters; the app and the CLI
 * word them): the top complaints of the lifetimes library's users, answered before a number is
 * shown (issue #11; DESIGN.md section 6).
 *
 * - `too-few-repeat-customers` {repeatCustomers, needed}: fewer than 30 customers bought twice;
 *   the model has nothing to learn dropout and purchase rates from. Blocks the model.
 * - `history-too-short` {weeks, needed}: the longest customer history is under 13 weeks.
 *   Blocks the model.
 * - `no-dropout-evidence` {parameters}: the BG/NBD optimum lies on the edge of the parameter
 *   space (a → 0: nobody seems to drop out within the data); P(alive) cannot be judged and is not
 *   shown. Pareto/NBD is the second opinion there.
 * - `not-converged` {model}: the optimiser's starts disagree.
 * - `spend-frequency-correlated` {correlation, threshold}: Gamma-Gamma assumes spend per
 *   purchase is independent of how often a customer buys; |Pearson r| of (x, mean spend) above
 *   0.3 warns (CDNOW: 0.11).
 * - `non-purchase-days-excluded` {days}: days that net to 0 or below are no purchase and stay out
 *   of the spend model; `no-amount-days-excluded` {days}: purchase days without an amount.
 * - `no-spend-model` {repeatCustomers}: fewer than 2 repeat buyers with amounts (no Gamma-Gamma;
 *   CLV is not computed).
 * - `one-time-buyers` {customers}: customers with one purchase day; their P(alive) is "cannot
 *   judge" (null), never 100 %.
 */

export const MIN_REPEAT_CUSTOMERS = 30;
export const MIN_HISTORY_WEEKS = 13;
export const CORRELATION_WARNING = 0.3;

export type ClvGuard =
  | { readonly code: 'too-few-repeat-customers'; readonly params: { readonly repeatCustomers: number; readonly needed: number } }
  | { readonly code: 'history-too-short'; readonly params: { readonly weeks: number; readonly needed: number } }
  | { readonly code: 'no-dropout-evidence'; readonly params: { readonly parameters: string } }
  | { readonly code: 'not-converged'; readonly params: { readonly model: 'bgnbd' | 'gammaGamma' } }
  | { readonly code: 'spend-frequency-correlated'; readonly params: { readonly correlation: number; readonly threshold: number } }
  | { readonly code: 'non-purchase-days-excluded'; readonly params: { readonly days: number } }
  | { readonly code: 'no-amount-days-excluded'; readonly params: { readonly days: number } }
  | { readonly code: 'no-spend-model'; readonly params: { readonly repeatCustomers: number } }
  | { readonly code: 'one-time-buyers'; readonly params: { readonly customers: number } };

/**
 * Why there is not enough data for a predictive model, or [] when there is.
 *
 * @example notEnoughData(12, 40) // [{ code: 'too-few-repeat-customers', params: { repeatCustomers: 12, needed: 30 } }]
 */
export function notEnoughData(repeatCustomers: number, longestWeeks: number): ClvGuard[] {
  const out: ClvGuard[] = [];
  if (repeatCustomers < MIN_REPEAT_CUSTOMERS) out.push({ code: 'too-few-repeat-customers', params: { repeatCustomers, needed: MIN_REPEAT_CUSTOMERS } });
  if (!(longestWeeks >= MIN_HISTORY_WEEKS)) out.push({ code: 'history-too-short', params: { weeks: Math.round(longestWeeks * 100) / 100, needed: MIN_HISTORY_WEEKS } });
  return out;
}

/**
 * Pearson correlation of two columns over the entries where both are finite; null with fewer
 * than 3 such pairs or no spread. O(n), two passes.
 *
 * @example pearson([1, 2, 3], [2, 4, 7]) // 0.993
 */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>, keep: (i: number) => boolean = () => true): number | null {
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < x.length; i++) {
    if (!keep(i) || !Number.isFinite(x[i]) || !Number.isFinite(y[i])) continue;
    n++;
    sx += x[i];
    sy += y[i];
  }
  if (n < 3) return null;
  const mx = sx / n;
  const my = sy / n;
  let cxy = 0;
  let cxx = 0;
  let cyy = 0;
  for (let i = 0; i < x.length; i++) {
    if (!keep(i) || !Number.isFinite(x[i]) || !Number.isFinite(y[i])) continue;
    const dx = x[i] - mx;
    const dy = y[i] - my;
    cxy += dx * dy;
    cxx += dx * dx;
    cyy += dy * dy;
  }
  return cxx > 0 && cyy > 0 ? cxy / Math.sqrt(cxx * cyy) : null;
}
