/** Reading a workspace back as one columnar table per kind (for the worker's analyses). */
import { ChunkDecoder } from './column-codec.ts';
import { MAIN_DATE, type DataKind } from '../core/schema/kinds.ts';
import { MISSING_CODE, MISSING_DAY, type Table } from '../core/table.ts';
import { concatTables, filterTable } from '../core/table-ops.ts';
import { KahanSums } from '../core/stats/kahan-sum.ts';
import { db } from './db.ts';
import type { ChunkRecord } from './entities.ts';
import { toStorageError } from './errors.ts';
import { supersededRows, visibleRows } from './updates.ts';

/** The date field that places a row of each kind in time (first/last day of the summary). */

export interface LoadOptions {
  /**
   * Columns to leave out. Analyses never use order or subscription ids, and merging a million
   * distinct ids across chunks is most of the cost of opening a large workspace.
   */
  readonly omitColumns?: readonly string[];
}

/** The columns the analyses do not read (ids of orders and subscriptions). */
export const ANALYSIS_OMIT_COLUMNS: readonly string[] = Object.freeze(['order_id', 'subscription_id']);

/**
 * All committed chunks of the workspace, grouped by kind and concatenated in import order
 * (oldest import first, chunks in sequence), with dictionaries merged. Kinds without rows are absent.
 */
export async function loadWorkspaceTables(workspaceId: string, options: LoadOptions = {}): Promise<Partial<Record<DataKind, Table>>> {
  const omit = new Set(options.omitColumns ?? []);
  const keep = (name: string): boolean => !omit.has(name);
  let chunks: ChunkRecord[];
  let order: Map<string, number>;
  let hidden: Map<string, Set<number>>;
  try {
    [chunks, order, hidden] = await db.transaction('r', [db.imports, db.chunks], async () => {
      const imports = await db.imports.where('workspaceId').equals(workspaceId).toArray();
      const rank = new Map(imports.filter((i) => i.status === 'committed').map((i) => [i.id, i.importedAt] as const));
      return [await db.chunks.where('workspaceId').equals(workspaceId).toArray(), rank, supersededRows(imports)] as const;
    });
  } catch (e) {
    throw toStorageError(e);
  }
  const byKind = new Map<DataKind, ChunkRecord[]>();
  for (const c of chunks) {
    if (!order.has(c.importId)) continue; // only rows of committed imports are visible
    const list = byKind.get(c.kind) ?? [];
    list.push(c);
    byKind.set(c.kind, list);
  }
  const out: Partial<Record<DataKind, Table>> = {};
  const decoder = new ChunkDecoder(chunks);
  for (const [kind, list] of byKind) {
    list.sort((a, b) => order.get(a.importId)! - order.get(b.importId)! || a.importId.localeCompare(b.importId) || a.seq - b.seq);
    const base = new Map<string, number>();
    out[kind] = concatTables(
      list.map((c) => {
        const from = base.get(c.importId) ?? 0;
        base.set(c.importId, from + c.length);
        const table = { length: c.length, columns: decoder.columns(c, keep) };
        // Rows a newer import updated are hidden (storage/updates.ts).
        const visible = visibleRows(c, from, hidden.get(c.importId));
        return visible ? filterTable(table, visible) : table;
      }),
    );
  }
  return out;
}

/**
 * What loadWorkspaceTables(…, options) reads back right after a workspace's first import stored
 * all the rows of `table` (kind `kind`): the same table, less the omitted columns, its dictionaries
 * compacted in first-use order as concatTables leaves them. The worker keeps this after a first
 * import instead of reading the rows it has just written (drop to figures without the open).
 * Columns are shared with `table`, not copied, where they already are as a load leaves them (every
 * number and day column; a dictionary whose codes first use its strings in order, as parseFile
 * builds them), so keeping them costs no memory beyond the parsed file's.
 */
export function tablesOfFirstImport(kind: DataKind, table: Table, options: LoadOptions = {}): Partial<Record<DataKind, Table>> {
  const omit = new Set(options.omitColumns ?? []);
  const columns: Table['columns'] = {};
  for (const [name, column] of Object.entries(table.columns)) {
    if (omit.has(name)) continue;
    columns[name] = column.type !== 'dict' || inFirstUseOrder(column.codes, column.dict.length, table.length)
      ? column
      : concatTables([{ length: table.length, columns: { [name]: column } }]).columns[name];
  }
  return { [kind]: { length: table.length, columns } };
}

/** Do the codes use every code 0 .. size-1, each first after the one before (concatTables' first-use order)? */
function inFirstUseOrder(codes: Uint32Array, size: number, length: number): boolean {
  let next = 0;
  for (let r = 0; r < length; r++) {
    const c = codes[r];
    if (c === MISSING_CODE || c < next) continue;
    if (c !== next) return false;
    next++;
  }
  return next === size && codes.length === length;
}

export interface KindSummary {
  rows: number;
  firstDay: number | null;
  lastDay: number | null;
  /** Orders only: sum of amounts (refunds included, DESIGN.md section 2), compensated. */
  revenue?: number;
  /** Orders only: rows with an amount (0: the files have no amounts, revenue is "n/a"). */
  amountRows?: number;
}

export interface WorkspaceSummary {
  /** Distinct values of the `customer_id` columns across all kinds. */
  customers: number;
  imports: number;
  byKind: Partial<Record<DataKind, KindSummary>>;
}

/**
 * Counts for the workspace header: rows, date span and revenue per kind, distinct customers.
 * Works chunk by chunk (no concatenation): O(rows) time, O(distinct customers) extra memory.
 */
export async function workspaceSummary(workspaceId: string): Promise<WorkspaceSummary> {
  let chunks: ChunkRecord[];
  let committed: Set<string>;
  let hidden: Map<string, Set<number>>;
  try {
    [chunks, committed, hidden] = await db.transaction('r', [db.imports, db.chunks], async () => {
      const imports = await db.imports.where('workspaceId').equals(workspaceId).toArray();
      const ids = new Set(imports.filter((i) => i.status === 'committed').map((i) => i.id));
      return [await db.chunks.where('workspaceId').equals(workspaceId).toArray(), ids, supersededRows(imports)] as const;
    });
  } catch (e) {
    throw toStorageError(e);
  }
  chunks.sort((a, b) => a.importId.localeCompare(b.importId) || a.seq - b.seq);
  const base = new Map<string, number>();
  const ids = new Set<string>();
  const byKind: Partial<Record<DataKind, KindSummary>> = {};
  const revenue = new KahanSums(1); // compensated across chunks; NaN (missing) skipped
  const decoder = new ChunkDecoder(chunks);
  for (const chunk of chunks) {
    if (!committed.has(chunk.importId)) continue;
    const from = base.get(chunk.importId) ?? 0;
    base.set(chunk.importId, from + chunk.length);
    const visible = visibleRows(chunk, from, hidden.get(chunk.importId));
    const shown = (i: number): boolean => !visible || visible[i] === 1;
    const s = (byKind[chunk.kind] ??= { rows: 0, firstDay: null, lastDay: null, ...(chunk.kind === 'orders' ? { revenue: 0, amountRows: 0 } : {}) });
    s.rows += visible ? visible.reduce((a, v) => a + v, 0) : chunk.length;
    const d = chunk.columns[MAIN_DATE[chunk.kind]];
    if (d?.type === 'day') {
      for (let i = 0; i < chunk.length; i++) {
        const v = d.data[i];
        if (v === MISSING_DAY || !shown(i)) continue;
        if (s.firstDay === null || v < s.firstDay) s.firstDay = v;
        if (s.lastDay === null || v > s.lastDay) s.lastDay = v;
      }
    }
    const a = chunk.columns.amount;
    if (chunk.kind === 'orders' && a?.type === 'num') {
      for (let i = 0; i < chunk.length; i++) {
        if (!shown(i)) continue;
        revenue.add(0, a.data[i]);
        if (!Number.isNaN(a.data[i])) s.amountRows = (s.amountRows ?? 0) + 1;
      }
    }
    const c = chunk.columns.customer_id ? decoder.columns(chunk, (name) => name === 'customer_id').customer_id : undefined;
    if (c?.type === 'dict') {
      for (let i = 0; i < chunk.length; i++) {
        const code = c.codes[i];
        if (shown(i) && code !== MISSING_CODE && code < c.dict.length) ids.add(c.dict[code]);
      }
    }
  }
  if (byKind.orders) byKind.orders.revenue = revenue.value(0);
  return { customers: ids.size, imports: committed.size, byKind };
}
