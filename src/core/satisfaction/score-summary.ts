/**
 * The satisfaction figures of a set of answers (issue #12 item 1): NPS of the 0-10 answers
 * (nps.ts), CSAT of the 1-5 answers (csat.ts), and per scale present the distribution of scores,
 * the mean score and the top-box share. One pass over the rows fills a count per (group, scale,
 * score); trends, touchpoints and attributes are the same summary over other groupings
 * (`scoreSummaries` with a group per row).
 *
 * Answers are the rows with a score on a known scale (feedback-answers.ts); every answer counts
 * once (a customer who answered twice counts twice: these are figures of answers, the
 * per-customer figures use each customer's latest answer, latest-answers.ts).
 *
 * Complexity: O(rows + groups x 40). Bad input: a group index outside [0, groups) throws a
 * RangeError "scoreSummaries: group index out of range"; rows with group -1 are left out.
 */
import { netPromoterScore, type NpsFigure } from './nps.ts';
import { SATISFIED_FROM, satisfiedShare, type ShareFigure } from './csat.ts';
import { SCALE_RANGE, SCALES, type ScoreScale } from './score-scale.ts';
import type { FeedbackAnswers } from './feedback-answers.ts';

/** One scale's answers in a summary. */
export interface ScaleSummary {
  readonly scale: ScoreScale;
  readonly answers: number;
  /** Mean score. */
  readonly mean: number;
  /** Answers per score: counts[i] = answers scoring SCALE_RANGE[scale].min + i. */
  readonly counts: readonly number[];
  /** Top-box share (csat.ts SATISFIED_FROM) with its Wilson interval, percent. */
  readonly satisfied: ShareFigure;
}

export interface ScoreSummary {
  /** Answers with a score on a known scale. */
  readonly answers: number;
  /** NPS of the 0-10 answers (null without any). */
  readonly nps: NpsFigure | null;
  /** CSAT of the 1-5 answers (null without any). */
  readonly csat: ShareFigure | null;
  /** Every scale present, in SCALES order. */
  readonly scales: readonly ScaleSummary[];
}

const WIDTH = 11;
const SLOTS = SCALES.length * WIDTH;

/**
 * The summary of each group: `groupOf(row)` gives the row's group in [0, groups), or -1 to leave
 * it out.
 *
 * @throws RangeError "scoreSummaries: group index out of range"
 * @example scoreSummaries(answers, (r) => (answers.day[r] === MISSING_DAY ? 1 : 0), 2)[1].nps
 */
export function scoreSummaries(answers: FeedbackAnswers, groupOf: (row: number) => number, groups: number): ScoreSummary[] {
  const counts = new Float64Array(groups * SLOTS);
  const codes = answers.scales.codes;
  for (let r = 0; r < answers.rows; r++) {
    const c = codes[r];
    if (c === 0) continue;
    const g = groupOf(r);
    if (g === -1) continue;
    if (!(g >= 0 && g < groups)) throw new RangeError('scoreSummaries: group index out of range');
    const scale = SCALES[c - 1];
    counts[g * SLOTS + (c - 1) * WIDTH + (answers.score[r] - SCALE_RANGE[scale].min)]++;
  }
  return Array.from({ length: groups }, (_, g) => summaryOf(counts.subarray(g * SLOTS, (g + 1) * SLOTS)));
}

/** The summary of the rows `keep` accepts (all rows without it). O(rows). */
export function scoreSummary(answers: FeedbackAnswers, keep?: (row: number) => boolean): ScoreSummary {
  return scoreSummaries(answers, keep ? (r) => (keep(r) ? 0 : -1) : () => 0, 1)[0];
}

function summaryOf(counts: Float64Array): ScoreSummary {
  const scales: ScaleSummary[] = [];
  let total = 0;
  let nps: NpsFigure | null = null;
  let csat: ShareFigure | null = null;
  SCALES.forEach((scale, s) => {
    const { min, max } = SCALE_RANGE[scale];
    const row = Array.from(counts.subarray(s * WIDTH, s * WIDTH + (max - min + 1)));
    const n = row.reduce((a, b) => a + b, 0);
    if (n === 0) return;
    total += n;
    let sum = 0;
    let top = 0;
    row.forEach((x, i) => {
      sum += x * (min + i);
      if (min + i >= SATISFIED_FROM[scale]) top += x;
    });
    const satisfied = satisfiedShare(top, n)!;
    scales.push({ scale, answers: n, mean: sum / n, counts: row, satisfied });
    if (scale === 'nps') {
      const detractors = row.slice(0, 7).reduce((a, b) => a + b, 0);
      const passives = row[7] + row[8];
      nps = netPromoterScore(top, passives, detractors);
    }
    if (scale === 'csat') csat = satisfied;
  });
  return { answers: total, nps, csat, scales };
}
