/**
 * Worker-side helpers for analyses: the workspace's tables loaded once and kept until an import
 * or a deletion changes them, and job ids so a recomputation that a newer request superseded
 * returns null instead of a stale result (STYLE.md practice 8).
 */
import { buildCustomerTable, type CustomerTable } from '../core/customers/customer-table.ts';
import type { DataKind } from '../core/schema/kinds.ts';
import type { Table } from '../core/table.ts';

export type WorkspaceTables = Partial<Record<DataKind, Table>>;

/**
 * One load per workspace, shared by concurrent callers (the promise is cached, so two analyses
 * started together read IndexedDB once). A failed load is not cached.
 */
export class WorkspaceTableCache {
  readonly #load: (workspaceId: string) => Promise<WorkspaceTables>;
  readonly #entries = new Map<string, Promise<WorkspaceTables>>();
  /** The customer table of each cached entry, built on first use (keyed by the tables object, so it dies with it). */
  readonly #customers = new WeakMap<WorkspaceTables, CustomerTable>();

  constructor(load: (workspaceId: string) => Promise<WorkspaceTables>) {
    this.#load = load;
  }

  get(workspaceId: string): Promise<WorkspaceTables> {
    let entry = this.#entries.get(workspaceId);
    if (!entry) {
      entry = this.#load(workspaceId);
      this.#entries.set(workspaceId, entry);
      entry.catch(() => {
        if (this.#entries.get(workspaceId) === entry) this.#entries.delete(workspaceId);
      });
    }
    return entry;
  }

  /**
   * The workspace's tables and its customer table (core/customers), built once per load and
   * shared by every analysis.
   */
  async withCustomers(workspaceId: string): Promise<{ tables: WorkspaceTables; customers: CustomerTable }> {
    const tables = await this.get(workspaceId);
    let customers = this.#customers.get(tables);
    if (!customers) {
      customers = buildCustomerTable(tables);
      this.#customers.set(tables, customers);
    }
    return { tables, customers };
  }

  /**
   * Keeps `tables` as the workspace's tables, as if they had been loaded (the caller vouches that
   * a load would give the same: see storage/load.ts tablesOfFirstImport).
   */
  seed(workspaceId: string, tables: WorkspaceTables): void {
    this.#entries.set(workspaceId, Promise.resolve(tables));
  }

  /** Forgets one workspace, or all of them (e.g. after removing an import whose workspace is not known here). */
  invalidate(workspaceId?: string): void {
    if (workspaceId === undefined) this.#entries.clear();
    else this.#entries.delete(workspaceId);
  }

  has(workspaceId: string): boolean {
    return this.#entries.has(workspaceId);
  }
}

/**
 * Tracks the newest job id of one kind of computation. `start(id)` records it; `superseded(id)`
 * is true once a newer id has started. Ids only need to increase per client.
 */
export class LatestJob {
  #latest = -Infinity;

  start(jobId: number): void {
    if (jobId > this.#latest) this.#latest = jobId;
  }

  superseded(jobId: number): boolean {
    return jobId < this.#latest;
  }
}

/**
 * Lets queued messages run (a newer job's call records its id) before a long synchronous
 * computation starts: one macrotask turn.
 */
export function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
