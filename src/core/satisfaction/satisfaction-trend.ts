/**
 * The satisfaction trend: NPS, CSAT and the other scales' figures per calendar period of the
 * answer day (issue #12 item 1; DESIGN.md sections 2 and 7: months, quarters, years). Every
 * period from the first to the last dated answer is listed, empty ones included (answers 0,
 * figures null), so a chart's axis has no gaps. Answers without a date are counted apart in
 * `undated` (real survey exports often have none, or a wave number instead: the Botanic survey
 * has no date at all) and never dropped silently.
 *
 * Complexity: O(rows + periods). Bad input: throws KeepwiseError 'too-many-periods' when the
 * dated answers span more than MAX_PERIODS periods (a typo in a date, usually).
 */
import { dayToIso } from '../parse/date.ts';
import { MISSING_DAY } from '../table.ts';
import { periodLookup, periodsBetween, type PeriodUnit } from '../retention/periods.ts';
import { checkPeriodCount } from '../retention/report-source.ts';
import type { FeedbackAnswers } from './feedback-answers.ts';
import { scoreSummaries, type ScoreSummary } from './score-summary.ts';

export interface TrendRow {
  /** Period label (`2024-03`, `2024-Q1`, `2024`). */
  readonly period: string;
  readonly start: string;
  readonly end: string;
  readonly summary: ScoreSummary;
}

export interface SatisfactionTrend {
  readonly unit: PeriodUnit;
  readonly periods: readonly TrendRow[];
  /** The answers without a date (null when every answer has one). */
  readonly undated: ScoreSummary | null;
}

/**
 * Figures per period of the answer day (see the file comment).
 *
 * @throws KeepwiseError 'too-many-periods'
 * @example satisfactionTrend(answers, 'quarter').periods.map((p) => p.summary.nps?.nps)
 */
export function satisfactionTrend(answers: FeedbackAnswers, unit: PeriodUnit): SatisfactionTrend {
  const dated = answers.firstDay !== MISSING_DAY;
  if (dated) checkPeriodCount(answers.firstDay, answers.lastDay, unit);
  const grid = dated ? periodsBetween(answers.firstDay, answers.lastDay, unit) : periodsBetween(1, 0, unit);
  const at = periodLookup(grid);
  const undatedGroup = grid.count;
  const summaries = scoreSummaries(answers, (r) => (answers.day[r] === MISSING_DAY ? undatedGroup : at(answers.day[r])), grid.count + 1);
  const undated = summaries[undatedGroup];
  return {
    unit,
    periods: grid.labels.map((period, j) => ({ period, start: dayToIso(grid.starts[j]), end: dayToIso(grid.ends[j]), summary: summaries[j] })),
    undated: undated.answers > 0 ? undated : null,
  };
}
