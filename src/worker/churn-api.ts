/**
 * The churn-audit and segment feature of the worker (issue #10): the audit of a workspace with
 * the user's saved reason taxonomy, edits to that taxonomy (saved with the workspace settings),
 * the customers behind one bar, and segment comparisons. Superseded requests return null.
 */
import { churnAuditWithState, churnMembers, type ChurnAuditState } from '../core/churn/audit.ts';
import { churnSourceOf } from '../core/churn/churn-status.ts';
import { editReasons, NO_EDITS, type ReasonEdits } from '../core/churn/reason-taxonomy.ts';
import { segmentComparison, type SegmentComparison } from '../core/segments/segment-compare.ts';
import type { RetentionParams } from '../core/retention/report-types.ts';
import { getWorkspace, listImports, updateWorkspaceSettings } from '../storage/index.ts';
import type { ChurnAuditRequest, ChurnAuditResult, ChurnedValuesRequest, ChurnMembersRequest, EditReasonsRequest, SegmentRequest, WorkspaceRequest } from './contract.ts';
import type { WorkerContext } from './worker-context.ts';
import { LatestJob, yieldToMessages } from './workspace-cache.ts';

export function churnApi(ctx: WorkerContext) {
  const jobs = new LatestJob();
  const segmentJobs = new LatestJob();
  /** The state of the latest audit per workspace (for the customers behind a bar). */
  const last = new Map<string, { key: string; state: ChurnAuditState }>();

  const editsOf = async (workspaceId: string): Promise<ReasonEdits> => (await getWorkspace(workspaceId))?.settings.reasonEdits ?? NO_EDITS;
  const headersOf = async (workspaceId: string): Promise<Record<string, string>> => {
    const out = Object.create(null) as Record<string, string>;
    const imports = (await listImports(workspaceId)).sort((a, b) => Number(b.kind === 'customers') - Number(a.kind === 'customers'));
    for (const imp of imports) imp.mapping.forEach((key, i) => key && imp.headers[i] !== undefined && !Object.hasOwn(out, key) && (out[key] = imp.headers[i]));
    return out;
  };
  const run = async (req: ChurnAuditRequest) => {
    const { tables, customers } = await ctx.tables.withCustomers(req.workspaceId);
    const [edits, settings] = [await editsOf(req.workspaceId), (await getWorkspace(req.workspaceId))?.settings];
    const churnedValues = settings?.churnedValues;
    const { audit, state } = churnAuditWithState(
      tables,
      { windowDays: req.windowDays, edits, ...(req.asOf !== undefined ? { asOf: req.asOf } : {}), ...(req.period ? { period: req.period } : {}), ...(churnedValues?.length ? { churnedValues } : {}) },
      customers,
    );
    last.set(req.workspaceId, { key: JSON.stringify(req), state });
    return { audit, edits };
  };

  return {
    /** Whether the workspace has churn data at all (the page shows an empty state otherwise). */
    async hasChurnData({ workspaceId }: WorkspaceRequest): Promise<boolean> {
      const { tables, customers } = await ctx.tables.withCustomers(workspaceId);
      return customers.count > 0 && churnSourceOf(tables, customers) !== null;
    },

    /** The churn audit of a workspace (core/churn/audit.ts); null when a newer request arrived meanwhile. */
    async churnAudit(req: ChurnAuditRequest): Promise<ChurnAuditResult | null> {
      jobs.start(req.jobId);
      await ctx.tables.get(req.workspaceId);
      await yieldToMessages();
      if (jobs.superseded(req.jobId)) return null;
      const { audit, edits } = await run(req);
      return { audit, edits, headers: await headersOf(req.workspaceId) };
    },

    /** The customer ids behind one bar of the latest audit of the workspace (same request). */
    async churnMembers({ audit: req, query }: ChurnMembersRequest): Promise<string[]> {
      let entry = last.get(req.workspaceId);
      if (!entry || entry.key !== JSON.stringify(req)) {
        await run(req);
        entry = last.get(req.workspaceId)!;
      }
      const { customers } = await ctx.tables.withCustomers(req.workspaceId);
      return churnMembers(entry.state, customers, query);
    },

    /** Applies one taxonomy edit, saves it with the workspace and returns the new edits. */
    async editReasons({ workspaceId, edit, originals }: EditReasonsRequest): Promise<ReasonEdits> {
      const next = editReasons(await editsOf(workspaceId), edit, originals);
      await updateWorkspaceSettings(workspaceId, { reasonEdits: next });
      return next;
    },

    /** Forgets every taxonomy edit of the workspace (back to the built-in taxonomy, version 0). */
    async resetReasons({ workspaceId }: WorkspaceRequest): Promise<ReasonEdits> {
      const now = await editsOf(workspaceId);
      const next: ReasonEdits = { ...NO_EDITS, version: now.version + 1 };
      await updateWorkspaceSettings(workspaceId, { reasonEdits: next });
      return next;
    },

    /** Which flag values mean churned (a customers table with a churn flag the audit did not recognise). */
    async setChurnedValues({ workspaceId, values }: ChurnedValuesRequest): Promise<void> {
      await updateWorkspaceSettings(workspaceId, { churnedValues: [...values] });
    },

    /** Segments of one attribute side by side (core/segments); null when superseded. */
    async segmentComparison(req: SegmentRequest): Promise<SegmentComparison | null> {
      segmentJobs.start(req.jobId);
      const { tables, customers } = await ctx.tables.withCustomers(req.workspaceId);
      await yieldToMessages();
      if (segmentJobs.superseded(req.jobId)) return null;
      const params: RetentionParams = req.params;
      const churnedValues = (await getWorkspace(req.workspaceId))?.settings.churnedValues;
      return segmentComparison(tables, customers, req.filter?.length ? { filter: req.filter } : req.key, params, { windowDays: params.windowDays, ...(churnedValues?.length ? { churnedValues } : {}) });
    },
  };
}

export type ChurnApi = ReturnType<typeof churnApi>;
