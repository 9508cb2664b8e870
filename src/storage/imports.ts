/**
 * Committing parsed files to the workspace: all-or-nothing and idempotent (STYLE.md practice 11,
 * RELIABILITY.md 2.3).
 *
 * commitImport runs ONE rw transaction over imports + chunks. Inside it there are only Dexie
 * calls and synchronous work (no other awaits, no .catch), so any failure — a thrown error, a
 * constraint error, a full disk — rolls back every chunk and the ledger row together.
 *
 * Idempotence and updates (updates.ts): every row carries a dedupe key (ParsedFile.keys). A row
 * whose key is already stored with the same content is dropped and counted as a duplicate, so
 * importing the same file twice adds nothing; a row whose id is stored with other content is an
 * update: stored, and the old row superseded (hidden while this import exists). When nothing new
 * remains the import is still recorded (rows 0, no chunk records) so the ledger tells the user
 * "0 new rows" and findImportBySha finds it.
 */
import { CHUNK_ROWS, chunkRanges, filterTable, sliceRows } from '../core/table-ops.ts';
import type { ParsedFile } from '../ingest/types.ts';
import { encodeSharedColumns } from './column-codec.ts';
import { db } from './db.ts';
import type { ChunkRecord, ImportRecord } from './entities.ts';
import { StorageError, toStorageError } from './errors.ts';
import { joinKeys, keysColumnOf } from './keys.ts';
import { UNIQUE_KEY } from '../core/schema/kinds.ts';
import { planCommit, type CommitPlan } from './updates.ts';

/** Where a commit's time went (ms): planning against the stored rows, slicing + encoding the chunks, the IndexedDB write. */
export interface CommitTimings {
  plan: number;
  encode: number;
  write: number;
}

export interface CommitMeta {
  fileName: string;
  sha256: string;
  dialect: ImportRecord['dialect'];
  mapping: ImportRecord['mapping'];
  headers: string[];
}

/**
 * Test-only fault injection: called synchronously inside the commit transaction after the chunks
 * are written and before the ledger row. A throw here must leave nothing behind.
 */
export const commitTestHooks: { afterChunks?: () => void } = {};

let lastImportedAt = 0;
/** Strictly increasing timestamps, so "newest first" is well defined within one session. */
function nextImportedAt(): number {
  lastImportedAt = Math.max(Date.now(), lastImportedAt + 1);
  return lastImportedAt;
}

export { chunkKeys, joinKeys, splitKeys } from './keys.ts';

/**
 * Stores the valid rows of a parsed file that are not stored yet, plus its ledger row.
 *
 * @throws StorageError 'not-found' when the workspace does not exist, 'invalid-file' when the file
 *   had a fatal problem or its keys do not match its rows, 'quota' when the disk is full; nothing
 *   is written in any of these cases.
 */
export async function commitImport(workspaceId: string, parsed: ParsedFile, meta: CommitMeta, timings?: CommitTimings): Promise<ImportRecord> {
  if (parsed.fatal) throw new StorageError('invalid-file', parsed.fatal.message);
  if (parsed.keys.length !== parsed.table.length) {
    throw new StorageError('invalid-file', `Internal error: ${parsed.keys.length} keys for ${parsed.table.length} rows.`);
  }
  const id = crypto.randomUUID();
  try {
    return await db.transaction('rw', [db.workspaces, db.imports, db.chunks], async () => {
      if (!(await db.workspaces.get(workspaceId))) throw new StorageError('not-found', 'This workspace no longer exists.');
      let t = performance.now();
      const plan: CommitPlan = await planCommit(workspaceId, parsed);
      if (timings) timings.plan = performance.now() - t;
      t = performance.now();
      const n = parsed.table.length;
      const { keep } = plan;
      const keys: string[] = [];
      for (let i = 0; i < n; i++) if (keep[i]) keys.push(parsed.keys[i]);
      const fresh = keys.length === n ? parsed.table : filterTable(parsed.table, keep);
      const idColumn = parsed.kind === 'orders' ? 'order_id' : UNIQUE_KEY[parsed.kind];
      const chunks: ChunkRecord[] = chunkRanges(fresh.length, CHUNK_ROWS).map(([a, b], seq) => {
        // The chunks share the import's dictionaries (chunk 0 stores them, column-codec.ts).
        const columns = sliceRows(fresh, a, b).columns;
        const keysColumn = keysColumnOf(columns, idColumn, keys, a, b - a);
        return {
          workspaceId, importId: id, kind: parsed.kind, seq, length: b - a, columns: encodeSharedColumns(columns, seq),
          ...(keysColumn ? { keys: '', keysColumn } : { keys: joinKeys(keys.slice(a, b)) }),
        };
      });
      if (timings) timings.encode = performance.now() - t;
      t = performance.now();
      if (chunks.length > 0) await db.chunks.bulkAdd(chunks);
      commitTestHooks.afterChunks?.();
      const record: ImportRecord = {
        id,
        workspaceId,
        kind: parsed.kind,
        fileName: meta.fileName,
        sha256: meta.sha256,
        importedAt: nextImportedAt(),
        status: 'committed',
        rows: fresh.length,
        duplicates: plan.unchanged,
        updated: plan.updated,
        ...(plan.supersedes.length ? { supersedes: plan.supersedes } : {}),
        ...(plan.changes.length ? { changes: plan.changes.slice(0, 20).map((c) => ({ key: c.key, fields: c.fields.map((f) => ({ ...f })) })) } : {}),
        skippedInvalid: parsed.invalidRecords,
        recordsRead: parsed.recordsRead,
        lineItemsRolledUp: parsed.lineItemsRolledUp,
        firstDay: parsed.firstDay,
        lastDay: parsed.lastDay,
        customers: parsed.customers,
        dialect: { ...meta.dialect },
        mapping: [...meta.mapping],
        headers: [...meta.headers],
      };
      await db.imports.add(record);
      if (timings) timings.write = performance.now() - t;
      return record;
    });
  } catch (e) {
    throw toStorageError(e);
  }
}

/** The import of this exact file (same SHA-256) in the workspace, if any. */
export async function findImportBySha(workspaceId: string, sha256: string): Promise<ImportRecord | undefined> {
  try {
    return await db.imports.where('[workspaceId+sha256]').equals([workspaceId, sha256]).first();
  } catch (e) {
    throw toStorageError(e);
  }
}

/** The workspace's imports, newest first. */
export async function listImports(workspaceId: string): Promise<ImportRecord[]> {
  try {
    const list = await db.imports.where('workspaceId').equals(workspaceId).sortBy('importedAt');
    return list.reverse();
  } catch (e) {
    throw toStorageError(e);
  }
}

/** Removes one import and all its rows, in one transaction. Unknown ids are a no-op. */
export async function removeImport(importId: string): Promise<void> {
  try {
    await db.transaction('rw', [db.imports, db.chunks], async () => {
      await db.chunks.where('importId').equals(importId).delete();
      await db.imports.delete(importId);
    });
  } catch (e) {
    throw toStorageError(e);
  }
}
