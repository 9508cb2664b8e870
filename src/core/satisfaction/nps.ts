/**
 * Net Promoter Score with its 95 % interval (issue #12 item 1; DESIGN.md section 7).
 *
 * NPS = % promoters (9-10) - % detractors (0-6) of the answers on the 0-10 scale (Reichheld 2003,
 * "The One Number You Need to Grow", Harvard Business Review 81(12)), between -100 and 100.
 *
 * The interval: code every answer +1 (promoter), 0 (passive), -1 (detractor); NPS is the mean of
 * that score, and with the multinomial shares p_P and p_D
 *
 *   Var(p_P - p_D) = (Var p_P + Var p_D - 2 Cov(p_P, p_D)) = (p_P + p_D - (p_P - p_D)²) / n
 *
 * (Var p = p (1 - p) / n and Cov(p_P, p_D) = -p_P p_D / n for multinomial shares; Rocks 2016,
 * "Interval Estimation for the 'Net Promoter Score'", The American Statistician 70(4), section 2).
 * The interval is the estimate ± z √Var. By default it is Rocks's **adjusted Wald** interval:
 * the same formula after adding 3/4 of an answer to the promoters and to the detractors (3 to n,
 * the passives get the other 1.5) — his study over thousands of real companies' surveys found it
 * keeps its 95 % coverage where the plain Wald interval does not (small n, shares near 0 or 1:
 * ten promoters out of ten give the Wald interval [100, 100], the adjusted one [47.5, 100]).
 * `method: 'wald'` gives the plain interval. Both ends are clamped to [-100, 100]; the point
 * estimate is always the plain NPS.
 *
 * Complexity: O(1). Bad input: 0 answers give null; counts that are not whole numbers >= 0 (NaN
 * included) throw a RangeError "netPromoterScore requires whole counts >= 0, got ...".
 *
 * @example netPromoterScore(60, 25, 15).nps // 45
 */

/** NPS of a set of 0-10 answers; shares and bounds in percent. */
export interface NpsFigure {
  readonly answers: number;
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
  /** % promoters - % detractors, -100 to 100. */
  readonly nps: number;
  readonly low: number;
  readonly high: number;
  readonly promoterShare: number;
  readonly passiveShare: number;
  readonly detractorShare: number;
  readonly method: 'adjusted-wald' | 'wald';
}

/** The NPS group of a 0-10 score: 9-10 promoter, 7-8 passive, 0-6 detractor. */
export type NpsGroup = 'promoter' | 'passive' | 'detractor';

/** The NPS group of a score on the 0-10 scale (the caller checks the scale). O(1). */
export function npsGroupOf(score: number): NpsGroup {
  return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}

const Z95 = 1.959963984540054;

/**
 * The NPS of promoters / passives / detractors counts with its interval (see the file comment).
 *
 * @throws RangeError for counts that are not whole numbers >= 0
 * @example netPromoterScore(8465, 3953, 1194).nps // 53.4161... (the Botanic survey)
 * @example netPromoterScore(10, 0, 0) // { nps: 100, low: 47.50..., high: 100, ... }
 * @example netPromoterScore(0, 0, 0) // null
 */
export function netPromoterScore(promoters: number, passives: number, detractors: number, options: { method?: 'adjusted-wald' | 'wald'; z?: number } = {}): NpsFigure | null {
  for (const x of [promoters, passives, detractors]) {
    if (!(Number.isInteger(x) && x >= 0)) throw new RangeError(`netPromoterScore requires whole counts >= 0, got ${promoters}, ${passives}, ${detractors}`);
  }
  const n = promoters + passives + detractors;
  if (n === 0) return null;
  const method = options.method ?? 'adjusted-wald';
  const z = options.z ?? Z95;
  const add = method === 'adjusted-wald' ? 0.75 : 0;
  const m = n + 4 * add;
  const pP = (promoters + add) / m;
  const pD = (detractors + add) / m;
  const centre = pP - pD;
  const half = z * Math.sqrt(Math.max(0, pP + pD - centre * centre) / m);
  return {
    answers: n,
    promoters,
    passives,
    detractors,
    nps: ((promoters - detractors) / n) * 100,
    low: Math.max(-1, centre - half) * 100,
    high: Math.min(1, centre + half) * 100,
    promoterShare: (promoters / n) * 100,
    passiveShare: (passives / n) * 100,
    detractorShare: (detractors / n) * 100,
    method,
  };
}
