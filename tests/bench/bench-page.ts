/**
 * The benchmark page (built by run.ts into a throw-away directory, served like the app).
 * Floors run in bench-worker.ts; the full import runs through the app's own analytics worker
 * (src/worker/analytics.worker.ts, the same module the app ships), called the way the UI calls
 * it: inspect, then prepareImport, then commitImport, each into a fresh workspace. After the
 * imports, the retention report of the last imported workspace runs in a fresh instance of the
 * same worker, to time opening the workspace (its tables read into the worker) and recomputing.
 */
import { wrap, type Remote } from 'comlink';
import type { AnalyticsApi } from '../../src/worker/analytics.worker.ts';
import type { FloorApi, FloorTimes } from './bench-worker.ts';
import type { OpenApi, OpenTimes } from './open-worker.ts';
import type { DuckdbPeer, PeerParams, RetentionFigures } from './duckdb-peer.ts';

/** The retention parameters the benchmark passes (src/core/retention/report-types.ts RetentionParams). */
export interface BenchRetentionParams {
  period: 'month' | 'quarter' | 'year';
  windowDays: number;
}

/** Where an import's time went, as the app's worker reports it (PreparedImport.timings, CommittedImport.timings). */
export interface ImportStages {
  readFile: number;
  parse: { decode: number; records: number; table: number; facts: number };
  checks: number;
  commit: { plan: number; encode: number; write: number };
}

/**
 * The worker's API as the app's page sees it (src/worker/analytics.worker.ts), the methods the
 * benchmark calls: a change of the contract is a type error here, not a failure at run time.
 */
type AppApi = Pick<AnalyticsApi, 'createWorkspace' | 'deleteWorkspace' | 'inspect' | 'prepareImport' | 'commitImport' | 'discardImport' | 'removeImport' | 'retention' | 'churnAudit' | 'segmentComparison' | 'clvReport'>;

/** The parts of the app's retention figures (RetentionFigures, src/worker/retention-figures.ts) the bench reads. */
interface BenchRetentionReport {
  customerCount: number;
  periods: {
    period: string;
    start: string;
    end: string;
    S: number;
    E: number;
    N: number;
    lost: number;
    retained: number;
    reactivated: number;
    newLost: number;
    crr: number | null;
    exact: number | null;
    revenue: number | null;
  }[];
  cohorts: {
    labels: string[];
    sizes: number[];
    logo: { counts: number[][] };
    unbounded: { counts: number[][] };
    revenue: { counts: number[][] } | null;
  };
}

/** The app's report as the figures the DuckDB-WASM peer computes (as scripts/retention-json.ts maps them). */
function figuresOf(r: BenchRetentionReport): RetentionFigures {
  return {
    periods: r.periods.map((p) => ({
      period: p.period, start: p.start, end: p.end, S: p.S, E: p.E, N: p.N, lost: p.lost, retained: p.retained,
      reactivated: p.reactivated, newLost: p.newLost, crr: p.crr, exact: p.exact, revenue: p.revenue,
    })),
    cohorts: r.cohorts.labels.map((cohort, c) => ({
      cohort,
      size: r.cohorts.sizes[c],
      active: r.cohorts.logo.counts[c],
      activeOrLater: r.cohorts.unbounded.counts[c],
      revenue: r.cohorts.revenue ? r.cohorts.revenue.counts[c] : null,
    })),
  };
}

/** Money keys: sums of the same amounts in another order may differ in the last bits. */
const MONEY = /(^|\.)revenue(\[|$)/;

/**
 * Where two sets of figures differ (at most `limit` paths), with the policy of
 * tests/unit/cli/duckdb-engine.test.ts: counts, rates, labels and dates exactly; money to 1e-9
 * relative.
 */
export function figureDifferences(ours: RetentionFigures, peer: RetentionFigures, limit = 20): string[] {
  const out: string[] = [];
  const walk = (a: unknown, b: unknown, path: string): void => {
    if (out.length >= limit) return;
    if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length) out.push(`${path}.length: Keepwise ${a.length}, DuckDB ${b.length}`);
      for (let i = 0; i < Math.min(a.length, b.length); i++) walk(a[i], b[i], `${path}[${i}]`);
      return;
    }
    if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
      for (const k of Object.keys(a)) walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
      return;
    }
    if (typeof a === 'number' && typeof b === 'number' && MONEY.test(path)) {
      if (Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a))) return;
    } else if (a === b) return;
    out.push(`${path}: Keepwise ${String(a)}, DuckDB ${String(b)}`);
  };
  walk(ours, peer, 'figures');
  return out;
}

/** What `checkPeer` compared, and where the engines differ (empty: equal). */
export interface PeerCheck {
  rows: number;
  /** Per parameter set: periods and cohort cells compared. */
  checked: { params: PeerParams; periods: number; cells: number }[];
  differences: string[];
}

/** One drop-to-figures run of the app (see `keepwiseDrop`), in ms. */
export interface KeepwiseDropTimes {
  /** A new app worker: spawned, module loaded, first call answered. */
  start: number;
  /** In that fresh worker (cold JIT), then again in the same worker (warm). */
  cold: KeepwiseDrop;
  warm: KeepwiseDrop;
  /** Reports with the tables cached, after the cold drop. */
  recompute: number[];
}
export interface KeepwiseDrop {
  inspect: number;
  prepare: number;
  commit: number;
  /** First retention report after the commit, same worker (reads the new workspace, computes). */
  first: number;
}

/** One drop-to-figures run of DuckDB-WASM (see `duckdbDrop`), in ms. */
export interface DuckdbDropTimes {
  /** Worker, .wasm fetch + compile, open, connect. */
  start: number;
  /** In the fresh engine, then again in the same engine (warm). */
  cold: DuckdbDrop;
  warm: DuckdbDrop;
  /** retention-periods.sql + cohorts.sql again on the loaded table, after the cold drop. */
  recompute: number[];
  rows: number;
}
export interface DuckdbDrop {
  /** registerFileHandle + CREATE TABLE orders AS SELECT * FROM read_csv(...). */
  load: number;
  /** retention_params, order-grid.sql's views, retention-periods.sql + cohorts.sql, figures read. */
  first: number;
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
/** The peer module, loaded on first use (it pulls in DuckDB-WASM's JS and Apache Arrow). */
const peerModule = (): Promise<{ DuckdbPeer: typeof DuckdbPeer }> => import('./duckdb-peer.ts');
/** The parameters both engines are timed with; `checkPeer` also compares quarters. */
const PEER_PARAMS: PeerParams = { period: 'month', windowDays: 90 };

async function load(url: string): Promise<ArrayBuffer> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.arrayBuffer();
}

/** inspect, prepareImport, commitImport of `file` into a workspace, as the UI calls them; times in ms. */
async function importInto(workspaceId: string, file: Blob, fileName: string, api: Remote<AppApi> = appWorker): Promise<{ inspect: number; prepare: number; commit: number; rows: number; stages: ImportStages }> {
  const t0 = performance.now();
  const insp = await api.inspect({ file, fileName, workspaceId });
  if (insp.fatal) throw new Error(insp.fatal.message);
  const t1 = performance.now();
  const prepared = await api.prepareImport({
    workspaceId,
    file,
    fileName,
    dialect: insp.dialect,
    kind: insp.kind,
    mapping: insp.mapping,
    inspected: { sha256: insp.sha256, headers: insp.headers },
  });
  if (prepared.fatal) throw new Error(prepared.fatal.message);
  if (prepared.errorCount > 0) throw new Error(`${prepared.errorCount} invalid rows in the benchmark file`);
  const t2 = performance.now();
  const record = await api.commitImport({ token: prepared.token, skipInvalid: false });
  const t3 = performance.now();
  if (!prepared.timings.parse) throw new Error('prepareImport reported no parse timings');
  const stages: ImportStages = { readFile: prepared.timings.readFile, parse: prepared.timings.parse, checks: prepared.timings.checks, commit: record.timings };
  return { inspect: t1 - t0, prepare: t2 - t1, commit: t3 - t2, rows: record.rows, stages };
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
  ): Promise<{ rows: number; inspect: number; prepare: number; commit: number; stages: ImportStages; workspaceId: string | null }> {
    const file = new Blob([await load(url)], { type: 'text/csv' });
    const ws = await appWorker.createWorkspace({ name: `bench ${fileName}` });
    let failed = true;
    try {
      const t = await importInto(ws.id, file, fileName);
      failed = false;
      return { ...t, workspaceId: keep ? ws.id : null };
    } finally {
      if (failed || !keep) await appWorker.deleteWorkspace({ workspaceId: ws.id });
    }
  },

  /**
   * Issue #13: the app and the DuckDB-WASM peer on the same file, untimed: the app's report
   * (inspect, prepare, commit, retention) and the peer's figures (read_csv, docs/sql/) for the
   * same parameters, compared period by period and cell by cell. The bench stops when they differ.
   */
  async checkPeer(url: string, fileName: string): Promise<PeerCheck> {
    const file = new Blob([await load(url)], { type: 'text/csv' });
    const ws = await appWorker.createWorkspace({ name: `bench check ${fileName}` });
    const { DuckdbPeer } = await peerModule();
    let peer: DuckdbPeer | undefined;
    try {
      await importInto(ws.id, file, fileName);
      peer = await DuckdbPeer.start();
      const rows = await peer.load(file);
      const out: PeerCheck = { rows, checked: [], differences: [] };
      for (const params of [PEER_PARAMS, { ...PEER_PARAMS, period: 'quarter' } satisfies PeerParams]) {
        const report = await appWorker.retention({ workspaceId: ws.id, params, jobId: ++churnJobs });
        if (!report) throw new Error('superseded (no other job runs)');
        await peer.prepare(params);
        const ours = figuresOf(report);
        const theirs = await peer.figures(params.period);
        out.checked.push({ params, periods: ours.periods.length, cells: ours.cohorts.reduce((n, c) => n + c.active.length, 0) });
        out.differences.push(...figureDifferences(ours, theirs).map((d) => `${params.period}, W ${params.windowDays}: ${d}`));
      }
      return out;
    } finally {
      await peer?.close();
      await appWorker.deleteWorkspace({ workspaceId: ws.id });
    }
  },

  /**
   * Drop to figures in the app, in a fresh instance of its worker (its start timed apart, cold
   * JIT as in a page just opened): inspect, prepare, commit into a new workspace, the first
   * retention report (month, W 90), then `recomputes` reports with the tables cached; then the
   * same drop again in the same worker (warm JIT) into another workspace. Workspaces deleted,
   * the worker terminated afterwards.
   */
  async keepwiseDrop(url: string, fileName: string, recomputes: number): Promise<KeepwiseDropTimes> {
    const file = new Blob([await load(url)], { type: 'text/csv' });
    const t0 = performance.now();
    const worker = spawnAppWorker();
    const api = wrap<AppApi>(worker);
    await api.discardImport({ token: 'keepwise-bench-ping' }); // the module is loaded and answers
    const start = performance.now() - t0;
    let jobId = 0;
    const drop = async (): Promise<{ inspect: number; prepare: number; commit: number; first: number; workspaceId: string }> => {
      const ws = await api.createWorkspace({ name: `bench drop ${fileName}` });
      const t = await importInto(ws.id, file, fileName, api);
      return { ...t, first: await report(ws.id), workspaceId: ws.id };
    };
    const report = async (workspaceId: string): Promise<number> => {
      const t = performance.now();
      const r = await api.retention({ workspaceId, params: PEER_PARAMS, jobId: ++jobId });
      if (!r) throw new Error('superseded (no other job runs)');
      return performance.now() - t;
    };
    const made: string[] = [];
    try {
      const cold = await drop();
      made.push(cold.workspaceId);
      const recompute: number[] = [];
      for (let i = 0; i < recomputes; i++) recompute.push(await report(cold.workspaceId));
      await api.deleteWorkspace({ workspaceId: made.pop()! });
      const warm = await drop();
      made.push(warm.workspaceId);
      return {
        start,
        cold: { inspect: cold.inspect, prepare: cold.prepare, commit: cold.commit, first: cold.first },
        warm: { inspect: warm.inspect, prepare: warm.prepare, commit: warm.commit, first: warm.first },
        recompute,
      };
    } finally {
      for (const id of made) await api.deleteWorkspace({ workspaceId: id });
      worker.terminate();
    }
  },

  /**
   * Drop to figures in DuckDB-WASM, the same steps: a fresh engine (its start timed apart),
   * read_csv of the same bytes into a table, the first report (parameters, views, the two SQL
   * files, figures read into JS), `recomputes` runs of the two SQL files, then the same drop
   * again in the same engine (warm). The engine is ended afterwards.
   */
  async duckdbDrop(url: string, recomputes: number): Promise<DuckdbDropTimes> {
    const file = new Blob([await load(url)], { type: 'text/csv' });
    const { DuckdbPeer } = await peerModule();
    const t0 = performance.now();
    const peer = await DuckdbPeer.start();
    const start = performance.now() - t0;
    let rows = 0;
    const drop = async (): Promise<{ load: number; first: number }> => {
      const t1 = performance.now();
      rows = await peer.load(file);
      const t2 = performance.now();
      await peer.prepare(PEER_PARAMS);
      await peer.figures(PEER_PARAMS.period);
      return { load: t2 - t1, first: performance.now() - t2 };
    };
    try {
      const cold = await drop();
      const recompute: number[] = [];
      for (let i = 0; i < recomputes; i++) {
        const t = performance.now();
        await peer.figures(PEER_PARAMS.period);
        recompute.push(performance.now() - t);
      }
      const warm = await drop();
      return { start, cold, warm, recompute, rows };
    } finally {
      await peer.close();
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
    await appWorker.deleteWorkspace({ workspaceId: id });
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
    const insp = await appWorker.inspect({ file, fileName: 'customers.csv', workspaceId });
    if (insp.fatal) throw new Error(insp.fatal.message);
    const prepared = await appWorker.prepareImport({ workspaceId, file, fileName: 'customers.csv', dialect: insp.dialect, kind: insp.kind, mapping: insp.mapping, inspected: { sha256: insp.sha256, headers: insp.headers } });
    if (prepared.fatal) throw new Error(prepared.fatal.message);
    await appWorker.commitImport({ token: prepared.token, skipInvalid: false });
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
    for (let r = 0; r < runs; r++) retention.push((await timed(() => appWorker.retention({ workspaceId, params: { period: 'month', windowDays: 90 }, jobId: ++jobId }))).ms);
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
      await appWorker.retention({ workspaceId, params: { period: 'month', windowDays: 90 }, jobId: ++jobId });
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
    await retentionWorker.api.discardImport({ token: 'keepwise-bench-ping' }); // the module is loaded and running
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
      const timed = async (params: BenchRetentionParams): Promise<{ ms: number; report: BenchRetentionReport }> => {
        const t0 = performance.now();
        const report = await api.retention({ workspaceId, params, jobId: ++jobId });
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
        await api.removeImport({ importId: 'keepwise-bench-no-such-import' });
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
        customers: first.report.customerCount,
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
