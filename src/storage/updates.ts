/**
 * Re-imported rows (issue #9: "a corrected export updates instead of vanishing"). Every stored row
 * has a dedupe key: the order, subscription or customer id where the file has one, else a hash of
 * the row's content. A new row whose key is already stored is
 * - unchanged when its content equals the stored row (not stored again: idempotent imports);
 * - an **update** when the key is an id and the content differs: the new row is stored and the old
 *   one is superseded — hidden from every analysis while the newer import exists. Removing the
 *   newer import from the history brings the old row back (undo).
 * Rows without an id cannot be matched to a changed version (their key is their content): a
 * changed row of such a file is a new row, and the plausibility report of the CLI says so.
 *
 * Supersessions are kept on the newer import's ledger row (`ImportRecord.supersedes`: row
 * positions within an older import, in its chunk order), so an import's rows are never rewritten.
 */
import { rowChanges, type FieldChange } from '../core/table-diff.ts';
import type { Table } from '../core/table.ts';
import { isContentKey } from '../ingest/steps/dedupe-keys.ts';
import { StringDict } from '../ingest/string-dict.ts';
import type { ParsedFile } from '../ingest/types.ts';
import { ChunkDecoder } from './column-codec.ts';
import { db } from './db.ts';
import type { ChunkRecord, ImportRecord } from './entities.ts';
import { chunkKeys } from './keys.ts';


/** Per older import: the positions of its rows that a newer committed import superseded. */
export function supersededRows(imports: readonly ImportRecord[]): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const i of imports) {
    if (i.status !== 'committed') continue;
    for (const s of i.supersedes ?? []) {
      const set = out.get(s.importId) ?? new Set<number>();
      for (const r of s.rows) set.add(r);
      out.set(s.importId, set);
    }
  }
  return out;
}

/** A changed row: its key and the fields that differ (stored -> new). */
export interface RowUpdate {
  readonly key: string;
  readonly fields: readonly FieldChange[];
}

/** What committing a parsed file would do to the workspace. */
export interface CommitPlan {
  /** 1 = store this row of the parsed table (new or an update). */
  readonly keep: Uint8Array;
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Older rows replaced by updates, per import (positions in that import's chunk order). */
  readonly supersedes: { importId: string; rows: number[] }[];
  /** The updates (the first 1,000). */
  readonly changes: RowUpdate[];
}

/**
 * Plans the commit of `parsed` against what the workspace stores (call inside a transaction over
 * imports and chunks). O(stored rows of the kind + new rows); stored chunks holding a changed key
 * are decoded once.
 */
export async function planCommit(workspaceId: string, parsed: ParsedFile): Promise<CommitPlan> {
  const imports = (await db.imports.where('workspaceId').equals(workspaceId).toArray()).filter((i) => i.status === 'committed');
  const order = new Map(imports.map((i) => [i.id, i.importedAt] as const));
  const hidden = supersededRows(imports);
  const chunks = (await db.chunks.where('[workspaceId+kind]').equals([workspaceId, parsed.kind]).toArray())
    .filter((c) => order.has(c.importId))
    .sort((a, b) => order.get(a.importId)! - order.get(b.importId)! || a.seq - b.seq);
  // key -> where the visible stored row is (a later row with the same key wins): chunk index and
  // row in chunk, by the key's code in `stored` (typed arrays: no object per stored row).
  let total = 0;
  for (const c of chunks) total += c.length;
  const stored = new StringDict(total);
  const whereChunk = new Int32Array(total);
  const whereRow = new Int32Array(total);
  const bases: number[] = [];
  const offsets = new Map<string, number>();
  const decoder = new ChunkDecoder(chunks);
  chunks.forEach((c, ci) => {
    const base = offsets.get(c.importId) ?? 0;
    bases.push(base);
    offsets.set(c.importId, base + c.length);
    const gone = hidden.get(c.importId);
    const keys = chunkKeys(c, decoder);
    for (let r = 0; r < keys.length; r++) {
      if (gone?.has(base + r)) continue;
      const code = stored.intern(keys[r]); // < total: at most one code per stored row
      whereChunk[code] = ci;
      whereRow[code] = r;
    }
  });
  const decoded = new Map<number, Table>();
  const tableOf = (ci: number): Table => {
    let t = decoded.get(ci);
    if (!t) {
      const c: ChunkRecord = chunks[ci];
      t = { length: c.length, columns: decoder.columns(c) };
      decoded.set(ci, t);
    }
    return t;
  };
  const n = parsed.table.length;
  const keep = new Uint8Array(n);
  // A typed-array dictionary, not a Set: a million keys (in ascending order: its fast path) cost
  // next to nothing instead of ~0.6 s.
  const seenInFile = new StringDict(n);
  const supersedes = new Map<string, number[]>();
  const changes: RowUpdate[] = [];
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (let i = 0; i < n; i++) {
    const key = parsed.keys[i];
    const before = seenInFile.size;
    if (seenInFile.intern(key) < before) {
      unchanged++; // a key repeated within the file is kept once
      continue;
    }
    const code = stored.size === 0 ? -1 : stored.find(key);
    if (code < 0) {
      keep[i] = 1;
      added++;
      continue;
    }
    if (isContentKey(key)) {
      unchanged++;
      continue;
    }
    const ci = whereChunk[code];
    const fields = rowChanges(tableOf(ci), whereRow[code], parsed.table, i);
    if (fields.length === 0) {
      unchanged++;
      continue;
    }
    keep[i] = 1;
    updated++;
    const importId = chunks[ci].importId;
    const list = supersedes.get(importId) ?? [];
    list.push(bases[ci] + whereRow[code]);
    supersedes.set(importId, list);
    if (changes.length < 1000) changes.push({ key, fields });
  }
  return { keep, added, updated, unchanged, supersedes: [...supersedes].map(([importId, rows]) => ({ importId, rows })), changes };
}

/** The keep-mask of a chunk's rows: rows superseded by a newer import are hidden (undefined: all visible). */
export function visibleRows(chunk: ChunkRecord, base: number, hidden: ReadonlySet<number> | undefined): Uint8Array | undefined {
  if (!hidden || hidden.size === 0) return undefined;
  let any = false;
  const mask = new Uint8Array(chunk.length).fill(1);
  for (let r = 0; r < chunk.length; r++) {
    if (hidden.has(base + r)) {
      mask[r] = 0;
      any = true;
    }
  }
  return any ? mask : undefined;
}

/**
 * What committing `parsed` would do, read-only (the wizard shows it before the commit): new rows,
 * updates with their changed fields (the first 20), unchanged rows.
 */
export async function previewCommit(workspaceId: string, parsed: ParsedFile): Promise<{ added: number; updated: number; unchanged: number; changes: RowUpdate[] }> {
  const plan = await db.transaction('r', [db.imports, db.chunks], () => planCommit(workspaceId, parsed));
  return { added: plan.added, updated: plan.updated, unchanged: plan.unchanged, changes: plan.changes.slice(0, 20) };
}
