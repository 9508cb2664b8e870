/**
 * Score scales of survey answers (issue #12 item 1; DESIGN.md sections 1 and 7): which scale an
 * answer's score is on, so that NPS is computed only from 0-10 answers and CSAT only from 1-5
 * answers, never from a mix.
 *
 * Scales:
 * - `nps` 0-10, "how likely are you to recommend us" (Reichheld 2003, "The One Number You Need to
 *   Grow", Harvard Business Review 81(12)): promoters 9-10, passives 7-8, detractors 0-6;
 * - `csat` 1-5, "how satisfied were you" (the American Customer Satisfaction Index's short form;
 *   CSAT = share of 4 and 5 answers);
 * - `scale7` 1-7 and `scale10` 1-10: other rating scales, only when the file's `scale` column
 *   says so (a 1-10 answer is otherwise indistinguishable from a 0-10 one that nobody scored 0).
 *
 * How a scale is decided, per distinct value of the `scale` column (or for the whole file when
 * there is none): a recognised text wins (`NPS`, `0-10`, `CSAT`, `1-5`, `5 stars`, `1-7`,
 * `1-10` ...; scaleFromText); otherwise the scores decide (detectScale): whole numbers within
 * 1-5 -> csat, whole numbers within 0-10 with a highest score above 5 -> nps, anything else
 * (scores above 10, negative, fractional, or 0-5) -> not decided, and those answers are counted
 * apart (`outOfScale`), never dropped silently. A score outside its decided scale's range
 * (a 7 in a CSAT row) is out of scale too.
 *
 * Complexity: O(rows) plus O(distinct scale texts). Bad input: missing scores (NaN) have no
 * scale (code 0) and are counted by the caller; nothing throws.
 */
import { MISSING_CODE, type Table } from '../table.ts';

export type ScoreScale = 'nps' | 'csat' | 'scale7' | 'scale10';

/** The scales in code order: the scale of code c (1-based) is SCALES[c - 1]; code 0 = none. */
export const SCALES: readonly ScoreScale[] = Object.freeze(['nps', 'csat', 'scale7', 'scale10']);

/** Lowest and highest score of each scale. */
export const SCALE_RANGE: Readonly<Record<ScoreScale, { readonly min: number; readonly max: number }>> = Object.freeze({
  nps: Object.freeze({ min: 0, max: 10 }),
  csat: Object.freeze({ min: 1, max: 5 }),
  scale7: Object.freeze({ min: 1, max: 7 }),
  scale10: Object.freeze({ min: 1, max: 10 }),
});

/** The code of a scale in a per-row scale array (1-based; 0 = no scale). */
export const scaleCode = (scale: ScoreScale): number => SCALES.indexOf(scale) + 1;

const TEXT_SCALES: readonly (readonly [RegExp, ScoreScale])[] = [
  [/^(e?nps|net ?promoter( score)?|likelihood to recommend|ltr|recommend|0 ?(-|–|to|bis|do|до) ?10|11 ?(point|pt|stufen?)s?)$/u, 'nps'],
  [/^(csat|1 ?(-|–|to|bis|do|до) ?5|5|5 ?(point|pt|stars?|sterne|zvezdic)s?|stars?)$/u, 'csat'],
  [/^(1 ?(-|–|to|bis|do|до) ?7|7|7 ?(point|pt)s?)$/u, 'scale7'],
  [/^(1 ?(-|–|to|bis|do|до) ?10|10|10 ?(point|pt)s?)$/u, 'scale10'],
];

/**
 * The scale a `scale` column value names, or null when the text is not recognised (then the
 * scores decide). Case, surrounding space and a trailing "scale" are ignored.
 *
 * O(length of the text). @example scaleFromText('NPS') // 'nps'
 * @example scaleFromText('1 - 5') // 'csat'
 * @example scaleFromText('Q3 wave') // null
 */
export function scaleFromText(text: string): ScoreScale | null {
  const t = text.normalize('NFC').trim().toLowerCase().replace(/\s+/gu, ' ').replace(/ ?(scale|skala|lestvica)$/u, '').replace(/ ?- ?/gu, '-').trim();
  for (const [re, scale] of TEXT_SCALES) if (re.test(t)) return scale;
  return null;
}

/** What the scores of a set of answers say about their scale. */
export interface ScaleDetection {
  /** The decided scale, or null when the scores fit none (see the file comment). */
  readonly scale: ScoreScale | null;
  /** Answers with a score that were looked at. */
  readonly answers: number;
  /** Lowest and highest score (null without answers). */
  readonly min: number | null;
  readonly max: number | null;
  /** Scores that are not whole numbers. */
  readonly fractional: number;
}

/**
 * Decides the scale from the scores alone (see the file comment). NaN scores are skipped.
 *
 * O(n). @example detectScale([9, 10, 3, 7]).scale // 'nps'
 * @example detectScale([1, 4, 5]).scale // 'csat'
 * @example detectScale([12, 40]).scale // null
 */
export function detectScale(scores: ArrayLike<number>, rows?: ArrayLike<number>): ScaleDetection {
  let n = 0;
  let min = Infinity;
  let max = -Infinity;
  let fractional = 0;
  const m = rows ? rows.length : scores.length;
  for (let i = 0; i < m; i++) {
    const x = scores[rows ? rows[i] : i];
    if (!Number.isFinite(x)) continue;
    n++;
    if (x < min) min = x;
    if (x > max) max = x;
    if (!Number.isInteger(x)) fractional++;
  }
  let scale: ScoreScale | null = null;
  if (n > 0 && fractional === 0) {
    if (min >= 1 && max <= 5) scale = 'csat';
    else if (min >= 0 && max <= 10 && max > 5) scale = 'nps';
  }
  return { scale, answers: n, min: n === 0 ? null : min, max: n === 0 ? null : max, fractional };
}

/** How one value of the `scale` column (or the whole file, text null) was read. */
export interface ScaleSource {
  /** The `scale` column's value as written; null = rows without one (or no such column). */
  readonly text: string | null;
  readonly scale: ScoreScale | null;
  /** 'text' = recognised from the text; 'scores' = decided by the scores (detectScale). */
  readonly by: 'text' | 'scores';
  /** Answers with a score under this value. */
  readonly answers: number;
}

/** The scale of every feedback row. */
export interface ScaleReading {
  /** Scale code per row (SCALES[code - 1]; 0 = no score, or out of scale). */
  readonly codes: Uint8Array;
  readonly sources: readonly ScaleSource[];
  /** Rows with a score that fits no scale (undecided, or outside the decided scale's range). */
  readonly outOfScale: number;
  /** Answers with a score per scale (in SCALES order). */
  readonly answers: Readonly<Record<ScoreScale, number>>;
}

/**
 * The scale of every row of a feedback table (its `score` column, and its `scale` column when
 * mapped), see the file comment.
 *
 * O(rows + distinct scale texts). A table without a numeric `score` column gives no answers.
 * @example answerScales(feedback).codes[0] // 1 = nps
 */
export function answerScales(feedback: Table): ScaleReading {
  const n = feedback.length;
  const codes = new Uint8Array(n);
  const answers = { nps: 0, csat: 0, scale7: 0, scale10: 0 };
  const scoreCol = feedback.columns.score;
  if (scoreCol?.type !== 'num') return { codes, sources: [], outOfScale: 0, answers };
  const score = scoreCol.data;
  const scaleCol = feedback.columns.scale?.type === 'dict' ? feedback.columns.scale : null;
  // Rows grouped by the scale column's value: dict code, or -1 for none / no column.
  const groupOf = (r: number): number => {
    if (!scaleCol) return -1;
    const c = scaleCol.codes[r];
    return c === MISSING_CODE || c >= scaleCol.dict.length || scaleCol.dict[c].trim() === '' ? -1 : c;
  };
  const byGroup = new Map<number, number[]>();
  for (let r = 0; r < n; r++) {
    if (!Number.isFinite(score[r])) continue;
    const g = groupOf(r);
    let list = byGroup.get(g);
    if (!list) byGroup.set(g, (list = []));
    list.push(r);
  }
  const sources: ScaleSource[] = [];
  let outOfScale = 0;
  for (const [g, rows] of [...byGroup].sort((a, b) => b[1].length - a[1].length || a[0] - b[0])) {
    const text = g < 0 ? null : scaleCol!.dict[g];
    const named = text === null ? null : scaleFromText(text);
    const scale = named ?? detectScale(score, rows).scale;
    sources.push({ text, scale, by: named ? 'text' : 'scores', answers: rows.length });
    if (scale === null) {
      outOfScale += rows.length;
      continue;
    }
    const { min, max } = SCALE_RANGE[scale];
    const code = scaleCode(scale);
    for (const r of rows) {
      const x = score[r];
      if (x >= min && x <= max && Number.isInteger(x)) {
        codes[r] = code;
        answers[scale]++;
      } else outOfScale++;
    }
  }
  return { codes, sources, outOfScale, answers };
}
