/**
 * The retention feature of the worker: the report of a workspace (core/retention/report.ts) with
 * superseded requests dropped, and the customers behind a cohort cell.
 */
import { retentionReport, type RetentionReport } from '../core/retention/report.ts';
import { cohortMembersOf } from '../core/retention/cohort-members.ts';
import type { CohortMembersRequest, RetentionRequest } from './contract.ts';
import type { WorkerContext } from './worker-context.ts';
import { LatestJob, yieldToMessages } from './workspace-cache.ts';

/** The retention handlers over a worker context. */
export function retentionApi(ctx: WorkerContext) {
  const jobs = new LatestJob();
  return {
    /**
     * The retention report of a workspace (core/retention/report.ts). Returns null when a call
     * with a larger jobId arrived meanwhile: the page shows only the newest request's result.
     * `onProgress` is a second argument: Comlink proxies only top-level callbacks.
     */
    async retention({ workspaceId, params, jobId }: RetentionRequest, onProgress?: (done: number, total: number) => void): Promise<RetentionReport | null> {
      jobs.start(jobId);
      const t = await ctx.tables.get(workspaceId);
      await yieldToMessages();
      if (jobs.superseded(jobId)) return null;
      return retentionReport(
        { orders: t.orders, subscriptions: t.subscriptions, customers: t.customers, churn: t.churn },
        params,
        onProgress,
      );
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
