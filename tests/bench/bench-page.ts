/**
 * The benchmark page (built by run.ts into a throw-away directory, served like the app).
 * Floors run in bench-worker.ts; the full import runs through the app's own analytics worker
 * (src/worker/analytics.worker.ts, the same module the app ships), called the way the UI calls
 * it: inspect, then prepareImport, then commitImport, each into a fresh workspace.
 */
import { wrap, type Remote } from 'comlink';
import type { FloorApi, FloorTimes } from './bench-worker.ts';

/** The slice of the worker contract (src/worker/contract.ts) the benchmark uses. */
interface ImportApi {
  createWorkspace(name: string): Promise<{ id: string }>;
  deleteWorkspace(id: string): Promise<void>;
  inspect(file: Blob, fileName: string, workspaceId: string): Promise<{ dialect: unknown; kind: string; mapping: unknown[]; fatal?: { message: string } }>;
  prepareImport(
    workspaceId: string,
    file: Blob,
    fileName: string,
    options: { dialect: unknown; kind: string; mapping: unknown[] },
  ): Promise<{ token: string; validRows: number; errorCount: number; fatal?: { message: string } }>;
  commitImport(token: string, options: { skipInvalid: boolean }): Promise<{ rows: number }>;
}

export interface ImportTimes {
  rows: number;
  inspect: number[];
  prepare: number[];
  commit: number[];
}

const floorWorker: Remote<FloorApi> = wrap<FloorApi>(new Worker(new URL('./bench-worker.ts', import.meta.url), { type: 'module' }));
const appWorker: Remote<ImportApi> = wrap<ImportApi>(
  new Worker(new URL('../../src/worker/analytics.worker.ts', import.meta.url), { type: 'module', name: 'analytics' }),
);

async function load(url: string): Promise<ArrayBuffer> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.arrayBuffer();
}

const bench = {
  async floors(url: string, runs: number): Promise<FloorTimes> {
    return floorWorker.floors(await load(url), runs);
  },

  /** One full import through the app's worker, into a fresh workspace that is deleted afterwards. */
  async importOnce(url: string, fileName: string): Promise<{ rows: number; inspect: number; prepare: number; commit: number }> {
    const file = new Blob([await load(url)], { type: 'text/csv' });
    const ws = await appWorker.createWorkspace(`bench ${fileName}`);
    try {
      const t0 = performance.now();
      const insp = await appWorker.inspect(file, fileName, ws.id);
      if (insp.fatal) throw new Error(insp.fatal.message);
      const t1 = performance.now();
      const prepared = await appWorker.prepareImport(ws.id, file, fileName, { dialect: insp.dialect, kind: insp.kind, mapping: insp.mapping });
      if (prepared.fatal) throw new Error(prepared.fatal.message);
      if (prepared.errorCount > 0) throw new Error(`${prepared.errorCount} invalid rows in the benchmark file`);
      const t2 = performance.now();
      const record = await appWorker.commitImport(prepared.token, { skipInvalid: false });
      const t3 = performance.now();
      return { rows: record.rows, inspect: t1 - t0, prepare: t2 - t1, commit: t3 - t2 };
    } finally {
      await appWorker.deleteWorkspace(ws.id);
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
