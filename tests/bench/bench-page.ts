/**
 * The benchmark page (built by run.ts into a throw-away directory, served like the app).
 * Floors run in bench-worker.ts; the full import runs through the app's own analytics worker
 * (src/worker/analytics.worker.ts, the same module the app ships), called the way the UI calls
 * it: inspect, then prepareImport, then commitImport, each into a fresh workspace. After the
 * imports, the retention report of the last imported workspace runs in a fresh instance of the
 * same worker, to time opening the workspace (its tables read into the worker) and recomputing.
 */
import { wrap, type Remote } from 'comlink';
import type { FloorApi, FloorTimes } from './bench-worker.ts';
import type { OpenApi, OpenTimes } from './open-worker.ts';

/** The retention parameters the benchmark passes (src/core/retention/report-types.ts RetentionParams). */
export interface BenchRetentionParams {
  period: 'month' | 'quarter';
  windowDays: number;
}

/** The slice of the worker contract (src/worker/analytics.worker.ts AnalyticsApi) the benchmark uses. */
interface AppApi {
  createWorkspace(name: string): Promise<{ id: string }>;
  deleteWorkspace(id: string): Promise<void>;
  inspect(file: Blob, fileName: string, workspaceId: string): Promise<{ dialect: unknown; kind: string; mapping: unknown[]; sha256: string; headers: readonly string[]; fatal?: { message: string } }>;
  prepareImport(
    workspaceId: string,
    file: Blob,
    fileName: string,
    options: { dialect: unknown; kind: string; mapping: unknown[]; inspected?: { sha256: string; headers: readonly string[] } },
  ): Promise<{ token: string; validRows: number; errorCount: number; fatal?: { message: string } }>;
  commitImport(token: string, options: { skipInvalid: boolean }): Promise<{ rows: number }>;
  discardImport(token: string): Promise<void>;
  /** Drops every cached workspace before removing; an unknown id removes nothing. */
  removeImport(importId: string): Promise<void>;
  retention(workspaceId: string, params: BenchRetentionParams, jobId: number): Promise<{ customers: string[]; periods: unknown[] } | null>;
  churnAudit(request: { workspaceId: string; windowDays: number; jobId: number }): Promise<{ audit: { customers: number; churned: number; attributes: unknown[] } } | null>;
  segmentComparison(request: { workspaceId: string; key: string; params: BenchRetentionParams; jobId: number }): Promise<{ segments: unknown[] } | null>;
  clvReport(request: { workspaceId: string; jobId: number }): Promise<{
    summary: { customers: number; uniqueRows: number };
    bgnbd: { converged: boolean; atBoundary: string[]; evaluations: number } | null;
    gammaGamma: { converged: boolean; customers: number } | null;
    timings: { fit: number; score: number };
  } | null>;
}

/** Times of the CLV report on one workspace, in ms (see `clv`). */
export interface ClvTimes {
  /** Whole clvReport calls through the app worker (tables cached), timed from the page. */
  report: number[];
  /** Inside the worker: BG/NBD + Gamma-Gamma fits, and the per-customer scoring (12 months, P(alive), spend). */
  fit: number[];
  score: number[];
  /** Retention reports, month, W 90, same worker, same tables. */
  retention: number[];
  customers: number;
  uniqueRows: number;
  evaluations: number;
  converged: boolean;
  atBoundary: string[];
}

/** Times of the churn audit and a segment comparison on one workspace, in ms (see `churnAndSegments`). */
export interface ChurnTimes {
  /** Importing the customers file (prepare + commit). */
  customersImport: number;
  /** First audit after the import: tables read again, customer table built, audit. */
  firstAudit: number;
  /** Audits with the tables and customer table cached. */
  audit: number[];
  /** Segment comparisons of one 5-value attribute (5 retention reports on masks + the rest). */
  segments: number[];
  /** Retention reports, month, W 90, same worker, same tables (the peer of the same run). */
  retention: number[];
  customers: number;
  attributes: number;
  segmentCount: number;
}

/** Times of one workspace's retention reports in a fresh worker, in ms (see `openAndRetention`). */
export interface RetentionTimes {
  /** First report on a fresh worker: workspace read into the worker + compute, cold JIT. */
  firstMonth: number;
  /** Reports with the tables cached (period month). */
  month: number[];
  /** One report with the tables cached (period quarter). */
  quarter: number;
  /** Reports after the worker's cache was dropped (removeImport): open + compute, warm JIT. */
  reopenMonth: number[];
  /** structuredClone of the month report on the page: about what moving the result costs. */
  cloneMonth: number;
  customers: number;
  monthPeriods: number;
  quarterPeriods: number;
}

export interface ImportTimes {
  rows: number;
  inspect: number[];
  prepare: number[];
  commit: number[];
}

const floorWorker: Remote<FloorApi> = wrap<FloorApi>(new Worker(new URL('./bench-worker.ts', import.meta.url), { type: 'module' }));
/** A new instance of the app's analytics worker (one bundled module, however many instances). */
function spawnAppWorker(): Worker {
  return new Worker(new URL('../../src/worker/analytics.worker.ts', import.meta.url), { type: 'module', name: 'analytics' });
}
const appWorker: Remote<AppApi> = wrap<AppApi>(spawnAppWorker());
/**
 * The fresh worker of `openAndRetention`. Wrapped once and the proxy kept: when a Comlink proxy
 * is garbage-collected it releases the endpoint, and the worker stops answering.
 */
let retentionWorker: { worker: Worker; api: Remote<AppApi> } | undefined;
/** Job ids of `churnAndSegments` only grow across calls (the app worker drops a job older than its newest). */
let churnJobs = 1_000_000;

async function load(url: string): Promise<ArrayBuffer> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.arrayBuffer();
}

const bench = {
  async floors(url: string, runs: number): Promise<FloorTimes> {
    return floorWorker.floors(await load(url), runs);
  },

  /**
   * One full import through the app's worker, into a fresh workspace that is deleted afterwards,
   * or, with `keep`, kept (the caller deletes it with `deleteWorkspace`; its id is returned).
   */
  async importOnce(
    url: string,
    fileName: string,
    keep = false,
  ): Promise<{ rows: number; inspect: number; prepare: number; commit: number; workspaceId: string | null }> {
    const file = new Blob([await load(url)], { type: 'text/csv' });
    const ws = await appWorker.createWorkspace(`bench ${fileName}`);
    let failed = true;
    try {
      const t0 = performance.now();
      const insp = await appWorker.inspect(file, fileName, ws.id);
      if (insp.fatal) throw new Error(insp.fatal.message);
      const t1 = performance.now();
      const prepared = await appWorker.prepareImport(ws.id, file, fileName, {
        dialect: insp.dialect,
        kind: insp.kind,
        mapping: insp.mapping,
        inspected: { sha256: insp.sha256, headers: insp.headers },
      });
      if (prepared.fatal) throw new Error(prepared.fatal.message);
      if (prepared.errorCount > 0) throw new Error(`${prepared.errorCount} invalid rows in the benchmark file`);
      const t2 = performance.now();
      const record = await appWorker.commitImport(prepared.token, { skipInvalid: false });
      const t3 = performance.now();
      failed = false;
      return { rows: record.rows, inspect: t1 - t0, prepare: t2 - t1, commit: t3 - t2, workspaceId: keep ? ws.id : null };
    } finally {
      if (failed || !keep) await appWorker.deleteWorkspace(ws.id);
    }
  },

  /** loadWorkspaceTables timed in a new worker (open-worker.ts), terminated afterwards. */
  async openDirect(workspaceId: string): Promise<OpenTimes> {
    const worker = new Worker(new URL('./open-worker.ts', import.meta.url), { type: 'module' });
    try {
      return await wrap<OpenApi>(worker).open(workspaceId);
    } finally {
      worker.terminate();
    }
  },

  async deleteWorkspace(id: string): Promise<void> {
    await appWorker.deleteWorkspace(id);
  },

  /**
   * Issue #10 item 8: imports the customers file (100k customers x 20 attributes) into the
   * workspace of the orders, then times the churn audit (orders: lost under W 90) and a
   * segment comparison by the 5-value attribute `tier`, against retention reports on the same
   * tables in the same worker.
   */
  async churnAndSegments(workspaceId: string, customersUrl: string, runs: number): Promise<ChurnTimes> {
    const file = new Blob([await load(customersUrl)], { type: 'text/csv' });
    const t0 = performance.now();
    const insp = await appWorker.inspect(file, 'customers.csv', workspaceId);
    if (insp.fatal) throw new Error(insp.fatal.message);
    const prepared = await appWorker.prepareImport(workspaceId, file, 'customers.csv', { dialect: insp.dialect, kind: insp.kind, mapping: insp.mapping, inspected: { sha256: insp.sha256, headers: insp.headers } });
    if (prepared.fatal) throw new Error(prepared.fatal.message);
    await appWorker.commitImport(prepared.token, { skipInvalid: false });
    const customersImport = performance.now() - t0;
    let jobId = churnJobs;
    const timed = async <T>(work: () => Promise<T | null>): Promise<{ ms: number; value: T }> => {
      const t = performance.now();
      const value = await work();
      const ms = performance.now() - t;
      if (value === null) throw new Error('superseded (no other job runs)');
      return { ms, value };
    };
    const audit = () => appWorker.churnAudit({ workspaceId, windowDays: 90, jobId: ++jobId });
    const first = await timed(audit);
    const audits: number[] = [];
    for (let r = 0; r < runs; r++) audits.push((await timed(audit)).ms);
    const segments: number[] = [];
    let segmentCount = 0;
    for (let r = 0; r < Math.max(1, runs - 1); r++) {
      const s = await timed(() => appWorker.segmentComparison({ workspaceId, key: 'attr:tier', params: { period: 'month', windowDays: 90 }, jobId: ++jobId }));
      segments.push(s.ms);
      segmentCount = s.value.segments.length;
    }
    const retention: number[] = [];
    for (let r = 0; r < runs; r++) retention.push((await timed(() => appWorker.retention(workspaceId, { period: 'month', windowDays: 90 }, ++jobId))).ms);
    churnJobs = jobId;
    return { customersImport, firstAudit: first.ms, audit: audits, segments, retention, customers: first.value.audit.customers, attributes: first.value.audit.attributes.length, segmentCount };
  },

  /**
   * Issue #11 item 8: the CLV report (BG/NBD + Gamma-Gamma fit on every customer of the orders,
   * then P(alive), expected purchases, spend and discounted CLV per customer, RFM and the lists)
   * through the app worker, against retention reports on the same cached tables.
   */
  async clv(workspaceId: string, runs: number): Promise<ClvTimes> {
    let jobId = churnJobs;
    const out: ClvTimes = { report: [], fit: [], score: [], retention: [], customers: 0, uniqueRows: 0, evaluations: 0, converged: false, atBoundary: [] };
    for (let r = 0; r < runs; r++) {
      const t = performance.now();
      const rep = await appWorker.clvReport({ workspaceId, jobId: ++jobId });
      out.report.push(performance.now() - t);
      if (!rep) throw new Error('superseded (no other job runs)');
      out.fit.push(rep.timings.fit);
      out.score.push(rep.timings.score);
      out.customers = rep.summary.customers;
      out.uniqueRows = rep.summary.uniqueRows;
      out.evaluations = rep.bgnbd?.evaluations ?? 0;
      out.converged = (rep.bgnbd?.converged ?? false) && (rep.gammaGamma?.converged ?? false);
      out.atBoundary = rep.bgnbd?.atBoundary ?? [];
    }
    for (let r = 0; r < runs; r++) {
      const t = performance.now();
      await appWorker.retention(workspaceId, { period: 'month', windowDays: 90 }, ++jobId);
      out.retention.push(performance.now() - t);
    }
    churnJobs = jobId;
    return out;
  },

  /** A fresh analytics worker for `openAndRetention`, started first so the heap sampler can attach to it. */
  async startRetentionWorker(): Promise<void> {
    retentionWorker?.worker.terminate();
    const worker = spawnAppWorker();
    retentionWorker = { worker, api: wrap<AppApi>(worker) };
    await retentionWorker.api.discardImport('keepwise-bench-ping'); // the module is loaded and running
  },

  /**
   * Retention reports of one workspace in the fresh worker of `startRetentionWorker` (its table
   * cache empty; terminated here), timed from the page, so each time includes moving the report
   * back (structured clone). The worker has no hook to time the read alone: open = first report
   * - a cached report, and again after removeImport of an unknown id (which drops the worker's
   * cache and removes nothing).
   */
  async openAndRetention(workspaceId: string, runs: number): Promise<RetentionTimes> {
    if (!retentionWorker) throw new Error('call startRetentionWorker first');
    const { worker, api } = retentionWorker;
    try {
      let jobId = 0;
      const timed = async (params: BenchRetentionParams): Promise<{ ms: number; report: { customers: string[]; periods: unknown[] } }> => {
        const t0 = performance.now();
        const report = await api.retention(workspaceId, params, ++jobId);
        const ms = performance.now() - t0;
        if (!report) throw new Error('the retention report was superseded (no other job runs)');
        return { ms, report };
      };
      const month: BenchRetentionParams = { period: 'month', windowDays: 90 };
      const first = await timed(month);
      const times: number[] = [];
      for (let r = 0; r < runs; r++) times.push((await timed(month)).ms);
      const quarter = await timed({ period: 'quarter', windowDays: 90 });
      const reopen: number[] = [];
      for (let r = 0; r < runs; r++) {
        await api.removeImport('keepwise-bench-no-such-import');
        reopen.push((await timed(month)).ms);
      }
      const t0 = performance.now();
      structuredClone(first.report);
      const cloneMonth = performance.now() - t0;
      return {
        firstMonth: first.ms,
        month: times,
        quarter: quarter.ms,
        reopenMonth: reopen,
        cloneMonth,
        customers: first.report.customers.length,
        monthPeriods: first.report.periods.length,
        quarterPeriods: quarter.report.periods.length,
      };
    } finally {
      worker.terminate();
      retentionWorker = undefined;
    }
  },
};

declare global {
  interface Window {
    keepwiseBench?: typeof bench;
  }
}

window.keepwiseBench = bench;
document.title = 'ready';
