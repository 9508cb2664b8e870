/**
 * The satisfaction report (issue #12 items 1-3 and 6; DESIGN.md section 7; definitions in
 * docs/metrics.md section 13): every figure of the satisfaction view and of the command line's
 * `nps` section from one pure function over the workspace's tables. This file only assembles;
 * each step is a module of this folder:
 *
 *   answers, their scales and counts (feedback-answers.ts, score-scale.ts)
 *   -> NPS / CSAT / per-scale figures of all answers (score-summary.ts, nps.ts, csat.ts)
 *   -> trend per period, answers without a date apart (satisfaction-trend.ts)
 *   -> by touchpoint and by customer attribute (satisfaction-by.ts, on customer-groups.ts)
 *   -> response rate (response-rate.ts)
 *   -> churn and retention by NPS group (nps-retention.ts, on segment-compare.ts)
 *   -> recent detractors (recent-detractors.ts, answer-rows.ts).
 *
 * Plain data: numbers, codes and params (`notes`), ISO dates, ids only in the lists; never an
 * English sentence (the page writes them in the user's language, the command line in English).
 *
 * Complexity: O(rows x attributes) plus one retention report per NPS group (segmentComparison).
 * Bad input: throws TypeError "satisfactionReport requires a feedback table with a score
 * column"; KeepwiseError 'too-many-periods' from the trend; RangeError for a bad `recentDays`.
 */
import type { DataKind } from '../schema/kinds.ts';
import type { Table } from '../table.ts';
import { buildCustomerTable, type CustomerTable } from '../customers/customer-table.ts';
import { customerGroups } from '../customers/customer-groups.ts';
import type { PeriodUnit } from '../retention/periods.ts';
import type { RetentionParams } from '../retention/report-types.ts';
import { feedbackAnswers, type FeedbackAnswers } from './feedback-answers.ts';
import { scoreSummary, type ScoreSummary } from './score-summary.ts';
import { satisfactionTrend, type SatisfactionTrend } from './satisfaction-trend.ts';
import { satisfactionByAttribute, satisfactionByTouchpoint, type AttributeSatisfaction, type TouchpointRow } from './satisfaction-by.ts';
import { responseRate, type ResponseRate } from './response-rate.ts';
import { npsGroupRetention, type NpsGroupRetention } from './nps-retention.ts';
import { recentDetractors, type RecentDetractors } from './recent-detractors.ts';
import type { ScaleReading } from './score-scale.ts';

type Tables = Readonly<Partial<Record<DataKind, Table>>>;

export interface SatisfactionParams {
  /** Trend periods (default month). */
  readonly period?: PeriodUnit;
  /** Activity window W in days for orders (churn and retention by NPS group; default 90). */
  readonly windowDays?: number;
  /** Judge churn on this day, and end the recent-detractors window on it (day number). */
  readonly asOf?: number;
  /** The recent-detractors window in days (default 90). */
  readonly recentDays?: number;
  /** Retention source and range of the NPS-group comparison (default: as the retention report). */
  readonly source?: 'orders' | 'subscriptions';
  readonly from?: string;
  readonly to?: string;
  /** Churn-flag values that mean churned (a customers table with a flag the user explained). */
  readonly churnedValues?: readonly string[];
}

/** Something the reader should know, as a code and its params (no sentence). */
export interface SatisfactionNote {
  readonly code: 'no-dates' | 'some-undated' | 'without-score' | 'out-of-scale' | 'several-scales' | 'no-response-base' | 'no-churn-data' | 'no-nps-answers' | 'without-customer';
  readonly params: Readonly<Record<string, number | string>>;
}

export interface SatisfactionReport {
  readonly version: 1;
  readonly counts: FeedbackAnswers['counts'];
  readonly scales: Omit<ScaleReading, 'codes'>;
  /** The figures of all answers. */
  readonly overall: ScoreSummary;
  readonly trend: SatisfactionTrend;
  readonly touchpoints: readonly TouchpointRow[] | null;
  readonly attributes: readonly AttributeSatisfaction[];
  readonly responseRate: ResponseRate | null;
  readonly npsGroups: NpsGroupRetention;
  readonly recentDetractors: RecentDetractors;
  readonly notes: readonly SatisfactionNote[];
}

/**
 * Builds the satisfaction report (see the file comment).
 *
 * @param customers the workspace's customer table (built from `tables` when not given).
 * @throws TypeError "satisfactionReport requires a feedback table with a score column"
 * @example satisfactionReport({ feedback }, {}).overall.nps?.nps
 */
export function satisfactionReport(tables: Tables, params: SatisfactionParams = {}, customers: CustomerTable = buildCustomerTable(tables)): SatisfactionReport {
  const feedback = tables.feedback;
  if (feedback?.columns.score?.type !== 'num') throw new TypeError('satisfactionReport requires a feedback table with a score column');
  const answers = feedbackAnswers(feedback, customers);
  const c = answers.counts;
  const windowDays = params.windowDays ?? 90;
  const retention: RetentionParams = {
    period: params.period ?? 'month',
    windowDays,
    ...(params.source ? { source: params.source } : {}),
    ...(params.from ? { from: params.from } : {}),
    ...(params.to ? { to: params.to } : {}),
  };
  const churnParams = { windowDays, ...(params.asOf !== undefined ? { asOf: params.asOf } : {}), ...(params.churnedValues?.length ? { churnedValues: params.churnedValues } : {}) };
  const npsGroups = npsGroupRetention(tables, customers, answers, retention, churnParams);
  const rate = responseRate(answers, customers);
  const { codes: _codes, ...scales } = answers.scales;
  const notes: SatisfactionNote[] = [];
  if (c.rows > 0 && c.undated === c.rows) notes.push({ code: 'no-dates', params: { rows: c.rows } });
  else if (c.undated > 0) notes.push({ code: 'some-undated', params: { rows: c.undated } });
  if (c.withoutScore > 0) notes.push({ code: 'without-score', params: { rows: c.withoutScore } });
  if (c.outOfScale > 0) notes.push({ code: 'out-of-scale', params: { rows: c.outOfScale } });
  const present = Object.entries(scales.answers).filter(([, n]) => n > 0);
  if (present.length > 1) notes.push({ code: 'several-scales', params: { scales: present.map(([s]) => s).join(',') } });
  if (c.withoutCustomer > 0) notes.push({ code: 'without-customer', params: { rows: c.withoutCustomer } });
  if (!rate) notes.push({ code: 'no-response-base', params: {} });
  if (npsGroups.reason) notes.push({ code: npsGroups.reason, params: {} });
  return {
    version: 1,
    counts: c,
    scales,
    overall: scoreSummary(answers),
    trend: satisfactionTrend(answers, params.period ?? 'month'),
    touchpoints: satisfactionByTouchpoint(answers),
    attributes: satisfactionByAttribute(answers, customerGroups(tables, customers).groups, customers.count),
    responseRate: rate,
    npsGroups,
    recentDetractors: recentDetractors(answers, customers, { ...(params.recentDays !== undefined ? { days: params.recentDays } : {}), ...(params.asOf !== undefined ? { asOf: params.asOf } : {}) }),
    notes,
  };
}
