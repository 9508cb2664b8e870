/**
 * The CLV feature of the worker (issue #11): the CLV report of a workspace (core/clv/report.ts)
 * with the margin from the workspace settings (`grossMargin`), superseded requests dropped, and
 * the customers behind a list, an RFM group or a segment bar of the latest report.
 *
 * The report's per-customer typed arrays go to the page transferred, not structured-cloned
 * (issue #13 item 3): copies in buffers of their own, so the page's thread does not copy them
 * again while the worker keeps the originals (clvMembers reads them, and an array of the report
 * may share its buffer with the cached tables, which must never be detached). The customer ids
 * stay here: the page asks for the ones a list, an export or a receipt shows (clvIds).
 */
import { transfer } from 'comlink';
import { clvReport, type ClvReport } from '../core/clv/report.ts';
import { RFM_GROUPS } from '../core/clv/rfm.ts';
import { customerGroups } from '../core/customers/customer-groups.ts';
import { getWorkspace } from '../storage/index.ts';
import type { ClvFigures, ClvIdsRequest, ClvMembersRequest, ClvRequest } from './contract.ts';
import type { WorkerContext } from './worker-context.ts';
import { LatestJob, yieldToMessages } from './workspace-cache.ts';

type Typed = Uint8Array | Uint16Array | Int32Array | Uint32Array | Float64Array;

/** The report without the customer ids, its typed arrays copied into buffers of their own and marked for transfer. */
function shipped(report: ClvReport, request: ClvRequest): ClvFigures {
  const buffers: ArrayBuffer[] = [];
  const move = <T extends Typed>(a: T): T => {
    buffers.push(a.buffer as ArrayBuffer);
    return a;
  };
  const own = <T extends Typed>(a: T): T => move(a.slice() as T);
  const { ids: _ids, ...arrays } = report.perCustomer;
  const perCustomer = Object.fromEntries(Object.entries(arrays).map(([k, v]) => [k, own(v as Typed)])) as unknown as ClvFigures['perCustomer'];
  const a = report.lists.anniversaries;
  const anniversaries = {
    customer: move(Uint32Array.from(a, (x) => x.customer)),
    day: move(Int32Array.from(a, (x) => x.day)),
    years: move(Uint16Array.from(a, (x) => x.years)),
  };
  const lists = { ...report.lists, reorder: own(report.lists.reorder), slipping: own(report.lists.slipping), anniversaries };
  return transfer({ ...report, request, perCustomer, lists }, buffers);
}

export function clvApi(ctx: WorkerContext) {
  const jobs = new LatestJob();
  /** The latest report per workspace, with the request it answered (for the members behind it). */
  const last = new Map<string, { key: string; report: ClvReport }>();
  const keyOf = (req: ClvRequest): string => JSON.stringify({ ...req, jobId: 0 });

  const run = async (req: ClvRequest): Promise<ClvReport> => {
    const { tables, customers } = await ctx.tables.withCustomers(req.workspaceId);
    const margin = (await getWorkspace(req.workspaceId))?.settings.grossMargin ?? 1;
    const report = clvReport(
      tables,
      {
        margin,
        ...(req.horizonMonths !== undefined ? { horizonMonths: req.horizonMonths } : {}),
        ...(req.discountYearly !== undefined ? { discountYearly: req.discountYearly } : {}),
        ...(req.calibrationEnd !== undefined ? { calibrationEnd: req.calibrationEnd } : {}),
        ...(req.trailingMonths !== undefined ? { trailingMonths: req.trailingMonths } : {}),
      },
      customers,
    );
    last.set(req.workspaceId, { key: keyOf(req), report });
    return report;
  };

  /** The kept report for the request, or the report computed again. */
  const latest = async (req: ClvRequest): Promise<ClvReport> => {
    const entry = last.get(req.workspaceId);
    return entry && entry.key === keyOf(req) ? entry.report : run(req);
  };

  return {
    /** The CLV report of a workspace; null when a request with a larger jobId arrived meanwhile. */
    async clvReport(req: ClvRequest): Promise<ClvFigures | null> {
      jobs.start(req.jobId);
      await ctx.tables.get(req.workspaceId);
      await yieldToMessages();
      if (jobs.superseded(req.jobId)) return null;
      return shipped(await run(req), req);
    },

    /**
     * The customer ids behind a list (most valuable first), an RFM group or one value of a
     * segment attribute, of the report for the same request (recomputed when it is not the latest).
     */
    async clvMembers({ report: req, query }: ClvMembersRequest): Promise<string[]> {
      const r = await latest(req);
      const ids = r.perCustomer.ids;
      if ('list' in query) {
        if (query.list === 'anniversaries') return r.lists.anniversaries.map((a) => ids[a.customer]);
        return Array.from(r.lists[query.list], (k) => ids[k]);
      }
      if ('rfmGroup' in query) {
        const g = RFM_GROUPS.indexOf(query.rfmGroup);
        if (g < 0) throw new Error(`clvMembers: no RFM group ${query.rfmGroup}`);
        return ids.filter((_, k) => r.perCustomer.rfmGroup[k] === g);
      }
      const { tables, customers } = await ctx.tables.withCustomers(req.workspaceId);
      const group = customerGroups(tables, customers).groups.find((x) => x.key === query.key);
      if (!group) throw new Error(`clvMembers: no attribute ${query.key}`);
      return ids.filter((id) => {
        const c = customers.numberOf(id);
        return c >= 0 && group.codes[c] === query.value;
      });
    },

    /** The ids of customer numbers of the report for the same request (a list's first rows, an export, a receipt). */
    async clvIds({ report: req, customers }: ClvIdsRequest): Promise<string[]> {
      const ids = (await latest(req)).perCustomer.ids;
      return customers.map((k) => ids[k] ?? String(k));
    },
  };
}

export type ClvApi = ReturnType<typeof clvApi>;
