/**
 * CSAT and the other "satisfied share" (top-box) figures (issue #12 item 1; DESIGN.md section 7).
 *
 * CSAT = % of answers scoring 4 or 5 on the 1-5 scale (the "top two boxes"; ACSI and most survey
 * tools report it so). For the other scales the same top-box share is shown: 6-7 on 1-7, 9-10 on
 * 1-10, and on 0-10 the promoters' share. The interval is the 95 % Wilson score interval
 * (core/stats/wilson-interval.ts: Wilson 1927; Newcombe 1998, method 3), which stays inside
 * [0, 100] and is not empty at 0 or 100 %.
 *
 * Complexity: O(1). Bad input: 0 answers give null; counts that are not whole numbers with
 * 0 <= satisfied <= answers throw wilsonInterval's RangeError.
 */
import { wilsonInterval } from '../stats/wilson-interval.ts';
import type { ScoreScale } from './score-scale.ts';

/** The lowest score that counts as satisfied, per scale (top two boxes). */
export const SATISFIED_FROM: Readonly<Record<ScoreScale, number>> = Object.freeze({ nps: 9, csat: 4, scale7: 6, scale10: 9 });

/** A share with its Wilson interval, in percent. */
export interface ShareFigure {
  readonly answers: number;
  readonly satisfied: number;
  readonly share: number;
  readonly low: number;
  readonly high: number;
}

/**
 * The share of satisfied answers with its Wilson interval (percent).
 *
 * @throws RangeError for counts that are not whole numbers with 0 <= satisfied <= answers
 * @example satisfiedShare(81, 263) // { share: 30.798..., low: 25.529..., high: 36.621... } (Newcombe 1998)
 * @example satisfiedShare(0, 0) // null
 */
export function satisfiedShare(satisfied: number, answers: number): ShareFigure | null {
  const ci = wilsonInterval(satisfied, answers);
  if (!ci) return null;
  return { answers, satisfied, share: (satisfied / answers) * 100, low: ci.low * 100, high: ci.high * 100 };
}
