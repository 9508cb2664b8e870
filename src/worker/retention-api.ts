/**
 * The retention feature of the worker: the report of a workspace (core/retention/report.ts) with
 * superseded requests dropped, and the customers behind a count or a cohort cell.
 *
 * The page gets the figures only (retention-figures.ts); the last few full reports stay here,
 * keyed by workspace and params, so a receipt lists its customers without a recompute. A report
 * evicted from the cache, or computed on tables an import has replaced since, is computed again.
 */
import { retentionReport, type RetentionReport } from '../core/retention/report.ts';
import { cohortMembersOf } from '../core/retention/cohort-members.ts';
import type { RetentionParams } from '../core/retention/report-types.ts';
import type { CohortMembersRequest, ReceiptMembersRequest, RetentionExportRequest, RetentionFigures, RetentionRequest } from './contract.ts';
import { retentionFigures, retentionMembersOf } from './retention-figures.ts';
import type { WorkerContext } from './worker-context.ts';
import { LatestJob, yieldToMessages, type WorkspaceTables } from './workspace-cache.ts';

/** Full reports kept for their member lists: the dashboard's, a suggestion's and another page's (about 8 MiB each at 1M rows). */
const KEPT_REPORTS = 3;

/** The retention handlers over a worker context. */
export function retentionApi(ctx: WorkerContext) {
  const jobs = new LatestJob();
  /** Most recently used last. */
  const kept = new Map<string, { tables: WorkspaceTables; report: RetentionReport }>();

  const compute = (t: WorkspaceTables, params: RetentionParams, onProgress?: (done: number, total: number) => void): RetentionReport =>
    retentionReport({ orders: t.orders, subscriptions: t.subscriptions, customers: t.customers, churn: t.churn }, params, onProgress);

  const keep = (key: string, tables: WorkspaceTables, report: RetentionReport): void => {
    kept.delete(key);
    kept.set(key, { tables, report });
    while (kept.size > KEPT_REPORTS) kept.delete(kept.keys().next().value!);
  };

  /** The full report for a request: the kept one while its tables are current, else computed again. */
  const fullReport = async (workspaceId: string, params: RetentionParams): Promise<RetentionReport> => {
    const key = JSON.stringify([workspaceId, params]);
    const tables = await ctx.tables.get(workspaceId);
    const entry = kept.get(key);
    if (entry && entry.tables === tables) {
      keep(key, tables, entry.report);
      return entry.report;
    }
    const report = compute(tables, params);
    keep(key, tables, report);
    return report;
  };

  return {
    /**
     * The figures of a workspace's retention report (core/retention/report.ts, without the
     * per-customer lists: retention-figures.ts). Returns null when a call with a larger jobId
     * arrived meanwhile: the page shows only the newest request's result. `onProgress` is a
     * second argument: Comlink proxies only top-level callbacks.
     */
    async retention({ workspaceId, params, jobId }: RetentionRequest, onProgress?: (done: number, total: number) => void): Promise<RetentionFigures | null> {
      jobs.start(jobId);
      const t = await ctx.tables.get(workspaceId);
      await yieldToMessages();
      if (jobs.superseded(jobId)) return null;
      const report = compute(t, params, onProgress);
      keep(JSON.stringify([workspaceId, params]), t, report);
      return retentionFigures(report, { workspaceId, params });
    },

    /**
     * The customer ids behind one count of the report for the same request (`report.request`):
     * a period's S, E, retained, lost, reactivated, new or new-and-gone, the customers now, or
     * an MRR movement. In ascending customer number, as the full report lists them.
     */
    async receiptMembers({ workspaceId, params, query }: ReceiptMembersRequest): Promise<string[]> {
      const report = await fullReport(workspaceId, params);
      return Array.from(retentionMembersOf(report, query), (m) => report.customers[m] ?? String(m));
    },

    /** The full report (member lists and customer ids included), for the JSON download. */
    async retentionExport({ workspaceId, params }: RetentionExportRequest): Promise<RetentionReport> {
      return fullReport(workspaceId, params);
    },

    /**
     * The customer ids behind one cohort cell (the report carries the counts; the members of a
     * cell are listed on demand). Same params as the report the cell came from.
     */
    async cohortMembers({ workspaceId, params, query }: CohortMembersRequest): Promise<string[]> {
      const t = await ctx.tables.get(workspaceId);
      return cohortMembersOf({ orders: t.orders, subscriptions: t.subscriptions }, params, query);
    },
  };
}

export type RetentionApi = ReturnType<typeof retentionApi>;
