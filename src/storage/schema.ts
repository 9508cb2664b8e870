/**
 * The Keepwise IndexedDB schema (STYLE.md practice 10: one schema module, typed tables,
 * append-only versions).
 *
 * Decision: ONE database, `keepwise`, holds every workspace, and every table carries an indexed
 * `workspaceId`. Why not one database per workspace plus a registry database:
 * - deleting a workspace is then a single rw transaction over four tables (atomic; RELIABILITY.md
 *   2.3), instead of a `deleteDatabase` that another tab's open connection can block (2.6);
 * - one connection, one `versionchange` handler and one upgrade path to test, instead of N
 *   databases that can sit at different schema versions after an update;
 * - "Erase all data" (3.7) is one `Dexie.delete('keepwise')`;
 * - data is stored as 64k-row column chunks (DESIGN.md section 8), so the extra index costs one
 *   entry per chunk, not one per CSV row.
 *
 * Tables and indexes:
 * - workspaces: primary key id.
 * - imports: ledger of committed imports; by workspace, by (workspace, kind), by (workspace,
 *   sha256) to recognise the same file, by importedAt for listing.
 * - chunks: auto-increment id; by workspace, by import, by (workspace, kind) for loading and
 *   for the dedupe keys of an import. Column data and keys are NOT indexed.
 * - mappings: primary key = workspaceId + kind + header signature; by workspace.
 *
 * Versions only grow. Any change to the meaning of stored data adds version(n + 1) with an
 * upgrade() and keeps every older declaration (RELIABILITY.md 2.4).
 */
import Dexie, { type EntityTable } from 'dexie';
import type { ChunkRecord, ImportRecord, MappingMemory, Workspace } from './entities.ts';

export const DB_NAME = 'keepwise';

export class KeepwiseDB extends Dexie {
  workspaces!: EntityTable<Workspace, 'id'>;
  imports!: EntityTable<ImportRecord, 'id'>;
  chunks!: EntityTable<ChunkRecord, 'id'>;
  mappings!: EntityTable<MappingMemory, 'id'>;

  constructor(name: string = DB_NAME) {
    super(name);
    this.version(1).stores({
      workspaces: 'id, createdAt',
      imports: 'id, workspaceId, [workspaceId+kind], [workspaceId+sha256], importedAt',
      chunks: '++id, workspaceId, importId, [workspaceId+kind]',
      mappings: 'id, workspaceId',
    });
  }
}
