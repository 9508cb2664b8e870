/**
 * Churn and retention by NPS group (issue #12 item 2; DESIGN.md section 7: "churn rate by NPS
 * group"): does satisfaction predict who stays?
 *
 * Each customer's NPS group is the group of their latest 0-10 answer (promoter 9-10, passive 7-8,
 * detractor 0-6, or "no answer"): the derived attribute `derived:nps` of
 * core/customers/customer-groups.ts. The comparison is the segment comparison of that attribute
 * (core/segments/segment-compare.ts): per group the churn rate of churn-status.ts (who churned,
 * from the workspace's best source) with its Wilson interval, CRR and exact retention, the
 * Kaplan-Meier survival curve and median lifetime of the retention report on the group's
 * customers, revenue per customer and order value with Welch intervals; the log-rank test across
 * the groups. On top: detractors' churn rate minus promoters', in points, with Newcombe's hybrid
 * score interval and the two-proportion z-test (core/churn/churn-rate-difference.ts).
 *
 * Read with care: the latest answer may come after the churn signs (a customer unhappy because
 * they are leaving); the comparison shows association, not cause.
 *
 * Complexity: that of segmentComparison (a retention report per group). Bad input: no churn
 * source gives reason 'no-churn-data'; no 0-10 answers, or fewer than two NPS groups among the
 * customers churn is judged on (segment-compare.ts groups over the churn base), gives
 * 'no-nps-answers'; other errors of the retention report pass through.
 */
import type { DataKind } from '../schema/kinds.ts';
import type { Table } from '../table.ts';
import type { CustomerTable } from '../customers/customer-table.ts';
import { churnSourceOf, churnStatus, type ChurnStatusParams } from '../churn/churn-status.ts';
import { churnRateDifference, type ChurnRateDifference } from '../churn/churn-rate-difference.ts';
import type { RetentionParams } from '../retention/report-types.ts';
import { segmentComparison, type SegmentComparison } from '../segments/segment-compare.ts';
import type { FeedbackAnswers } from './feedback-answers.ts';
import { latestAnswerRows } from './latest-answers.ts';
import { npsGroupOf } from './nps.ts';

type Tables = Readonly<Partial<Record<DataKind, Table>>>;

export interface NpsGroupRetention {
  readonly comparison: SegmentComparison | null;
  /** Why there is no comparison. */
  readonly reason: 'no-churn-data' | 'no-nps-answers' | null;
  /** Detractors' churn rate minus promoters' (null without both groups in the base). */
  readonly detractorsVsPromoters: ChurnRateDifference | null;
}

/**
 * Churn and retention per NPS group (see the file comment).
 *
 * @example npsGroupRetention(tables, customers, answers, { period: 'month', windowDays: 90 }, {}).comparison?.segments
 */
export function npsGroupRetention(tables: Tables, customers: CustomerTable, answers: FeedbackAnswers, params: RetentionParams, churnParams: ChurnStatusParams): NpsGroupRetention {
  if (churnSourceOf(tables, customers) === null) return { comparison: null, reason: 'no-churn-data', detractorsVsPromoters: null };
  let comparison: SegmentComparison;
  try {
    comparison = segmentComparison(tables, customers, 'derived:nps', params, churnParams);
  } catch (e) {
    if (e instanceof RangeError && e.message === 'segmentComparison: no attribute derived:nps') return { comparison: null, reason: 'no-nps-answers', detractorsVsPromoters: null };
    throw e;
  }
  // The same status and the same latest-answer rule as the comparison (segmentComparison passes W on).
  const status = churnStatus(tables, customers, { ...churnParams, windowDays: churnParams.windowDays ?? params.windowDays });
  const latest = latestAnswerRows(answers, customers.count, 'nps');
  const groupOf = (k: number) => {
    if (latest[k] < 0) return -1;
    const g = npsGroupOf(answers.score[latest[k]]);
    return g === 'detractor' ? 0 : g === 'promoter' ? 1 : -1;
  };
  return { comparison, reason: null, detractorsVsPromoters: churnRateDifference(status, groupOf) };
}
