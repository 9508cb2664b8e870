/**
 * Opening a workspace measured directly: the function the analytics worker's table cache calls
 * on a miss (`loadWorkspaceTables(id, { omitColumns: ANALYSIS_OMIT_COLUMNS })` in src/worker/analytics.worker.ts),
 * timed inside a fresh dedicated worker, so neither a cache nor a warm JIT helps it and no
 * retention compute is mixed in (the app worker has no hook to time the read alone).
 */
import { expose } from 'comlink';
import { ANALYSIS_OMIT_COLUMNS, loadWorkspaceTables } from '../../src/storage/load.ts';

export interface OpenTimes {
  /** ms from the call to every table concatenated. */
  ms: number;
  /** Rows of the orders table read back. */
  orders: number;
}

const api = {
  async open(workspaceId: string): Promise<OpenTimes> {
    const t0 = performance.now();
    const tables = await loadWorkspaceTables(workspaceId, { omitColumns: ANALYSIS_OMIT_COLUMNS });
    const ms = performance.now() - t0;
    return { ms, orders: tables.orders?.length ?? 0 };
  },
};

export type OpenApi = typeof api;
expose(api);
