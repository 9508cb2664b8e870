/**
 * The satisfaction, referral and returning-vs-new feature of the worker (issue #12): the three
 * reports of a workspace (core/satisfaction, core/referrals, core/returning) with superseded
 * requests dropped (null), and the lists behind them — recent detractors, the comment search,
 * promoters who have not referred, top referrers — as rows with customer ids, plus the bare ids of
 * a list for an export. A workspace without the data a report needs gets a KeepwiseError with a
 * code ('no-feedback', 'no-referrals', 'no-order-amounts') the page translates.
 */
import { KeepwiseError } from '../core/errors.ts';
import { satisfactionReport, type SatisfactionReport } from '../core/satisfaction/satisfaction-report.ts';
import { feedbackAnswers, textAt } from '../core/satisfaction/feedback-answers.ts';
import { recentDetractors } from '../core/satisfaction/recent-detractors.ts';
import { answerRows } from '../core/satisfaction/answer-rows.ts';
import { filterAnswers } from '../core/satisfaction/comment-search.ts';
import { referralReport, type ReferralReport } from '../core/referrals/referral-report.ts';
import { referralPairs } from '../core/referrals/referral-pairs.ts';
import { promotersToAsk } from '../core/referrals/promoters-to-ask.ts';
import { topReferrers } from '../core/referrals/top-referrers.ts';
import { activeCustomersOn } from '../core/customers/active-on.ts';
import { returningReport, type ReturningReport } from '../core/returning/returning-report.ts';
import { MISSING_DAY } from '../core/table.ts';
import { getWorkspace } from '../storage/index.ts';
import type { ReferralRequest, ReturningRequest, SatisfactionData, SatisfactionListRequest, SatisfactionListResult, SatisfactionRequest, WorkspaceRequest } from './contract.ts';
import type { WorkerContext } from './worker-context.ts';
import { LatestJob, yieldToMessages, type WorkspaceTables } from './workspace-cache.ts';

const hasFeedback = (t: WorkspaceTables) => t.feedback?.columns.score?.type === 'num' && t.feedback.length > 0;
const hasOrderAmounts = (t: WorkspaceTables) => t.orders?.columns.amount?.type === 'num' && t.orders.length > 0;

export function satisfactionApi(ctx: WorkerContext) {
  const jobs = { satisfaction: new LatestJob(), referrals: new LatestJob(), returning: new LatestJob(), list: new LatestJob() };
  const churnedValuesOf = async (workspaceId: string) => (await getWorkspace(workspaceId))?.settings.churnedValues;

  /** Waits for the tables and a turn of the message queue; true when a newer job superseded this one. */
  const superseded = async (job: LatestJob, workspaceId: string, jobId: number): Promise<boolean> => {
    job.start(jobId);
    await ctx.tables.get(workspaceId);
    await yieldToMessages();
    return job.superseded(jobId);
  };

  const list = async (req: SatisfactionListRequest): Promise<SatisfactionListResult> => {
    const { tables, customers } = await ctx.tables.withCustomers(req.workspaceId);
    const q = req.query;
    if (q.list === 'recent-detractors' || q.list === 'comments') {
      if (!hasFeedback(tables)) throw new KeepwiseError('no-feedback', 'the workspace has no survey answers with a score');
      const answers = feedbackAnswers(tables.feedback!, customers);
      const rows =
        q.list === 'recent-detractors'
          ? recentDetractors(answers, customers, { ...(q.days !== undefined ? { days: q.days } : {}), ...(req.asOf !== undefined ? { asOf: req.asOf } : {}) }).rows
          : answerRows(answers, customers, (r) => textAt(answers.comment, r) !== null);
      return { list: q.list, rows: q.filter ? filterAnswers(rows, q.filter) : rows };
    }
    const pairs = referralPairs(tables, customers);
    const asOf = req.asOf ?? customers.lastDay;
    if (q.list === 'top-referrers') {
      if (!pairs) throw new KeepwiseError('no-referrals', 'the workspace has no referrals');
      return { list: q.list, rows: topReferrers(pairs, customers, asOf === MISSING_DAY ? Infinity : asOf, q.top ?? 20) };
    }
    if (!hasFeedback(tables)) throw new KeepwiseError('no-feedback', 'the workspace has no survey answers with a score');
    const hasActivity = (tables.orders?.length ?? 0) > 0 || (tables.subscriptions?.length ?? 0) > 0;
    const active = hasActivity && asOf !== MISSING_DAY ? activeCustomersOn(tables, customers, asOf, req.windowDays).active : null;
    const rows = promotersToAsk(feedbackAnswers(tables.feedback!, customers), customers, pairs?.hasReferred ?? null, active);
    return { list: q.list, rows: q.activeOnly ? rows.filter((r) => r.active !== false) : rows };
  };

  return {
    /** Which of the three reports the workspace has data for. */
    async satisfactionData({ workspaceId }: WorkspaceRequest): Promise<SatisfactionData> {
      const { tables, customers } = await ctx.tables.withCustomers(workspaceId);
      return { feedback: hasFeedback(tables), referrals: referralPairs(tables, customers) !== null, orderAmounts: hasOrderAmounts(tables) };
    },

    /** The satisfaction report (core/satisfaction/satisfaction-report.ts); null when superseded. */
    async satisfactionReport(req: SatisfactionRequest): Promise<SatisfactionReport | null> {
      if (await superseded(jobs.satisfaction, req.workspaceId, req.jobId)) return null;
      const { tables, customers } = await ctx.tables.withCustomers(req.workspaceId);
      if (!hasFeedback(tables)) throw new KeepwiseError('no-feedback', 'the workspace has no survey answers with a score');
      const churnedValues = await churnedValuesOf(req.workspaceId);
      return satisfactionReport(
        tables,
        {
          windowDays: req.windowDays,
          ...(req.period ? { period: req.period } : {}),
          ...(req.asOf !== undefined ? { asOf: req.asOf } : {}),
          ...(req.recentDays !== undefined ? { recentDays: req.recentDays } : {}),
          ...(churnedValues?.length ? { churnedValues } : {}),
        },
        customers,
      );
    },

    /** The referral report (core/referrals/referral-report.ts); null when superseded. */
    async referralReport(req: ReferralRequest): Promise<ReferralReport | null> {
      if (await superseded(jobs.referrals, req.workspaceId, req.jobId)) return null;
      const { tables, customers } = await ctx.tables.withCustomers(req.workspaceId);
      const churnedValues = await churnedValuesOf(req.workspaceId);
      const report = referralReport(
        tables,
        {
          windowDays: req.windowDays,
          ...(req.period ? { period: req.period } : {}),
          ...(req.asOf !== undefined ? { asOf: req.asOf } : {}),
          ...(req.top !== undefined ? { top: req.top } : {}),
          ...(churnedValues?.length ? { churnedValues } : {}),
        },
        customers,
      );
      if (!report) throw new KeepwiseError('no-referrals', 'the workspace has no referrals (a referrals file or a referred-by column)');
      return report;
    },

    /** Returning vs new customers (core/returning/returning-report.ts); null when superseded. */
    async returningReport(req: ReturningRequest): Promise<ReturningReport | null> {
      if (await superseded(jobs.returning, req.workspaceId, req.jobId)) return null;
      const tables = await ctx.tables.get(req.workspaceId);
      if (!hasOrderAmounts(tables)) throw new KeepwiseError('no-order-amounts', 'the workspace has no orders with amounts');
      return returningReport(tables, { period: req.period, ...(req.from ? { from: req.from } : {}), ...(req.to ? { to: req.to } : {}) });
    },

    /** The rows of one list (recent detractors, comments, promoters to ask, top referrers); null when superseded. */
    async satisfactionList(req: SatisfactionListRequest): Promise<SatisfactionListResult | null> {
      if (await superseded(jobs.list, req.workspaceId, req.jobId)) return null;
      return list(req);
    },

    /** The customer ids of one list, distinct, in the list's order (for an export or a campaign). */
    async satisfactionListIds(req: SatisfactionListRequest): Promise<string[]> {
      const { rows } = await list(req);
      const ids: string[] = [];
      const seen = new Set<string>();
      for (const row of rows) {
        const id = row.id;
        if (id === null || seen.has(id)) continue;
        seen.add(id);
        ids.push(id);
      }
      return ids;
    },
  };
}

export type SatisfactionApi = ReturnType<typeof satisfactionApi>;
