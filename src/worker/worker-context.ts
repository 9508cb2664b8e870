/**
 * What the worker's feature modules share: the workspace tables cache (with its customer
 * table) and the staged imports. Created once by analytics.worker.ts; tests create their own.
 */
import type { Dialect, ParsedFile } from '../ingest/types.ts';
import type { Mapping } from '../core/schema/kinds.ts';
import { ANALYSIS_OMIT_COLUMNS, loadWorkspaceTables } from '../storage/load.ts';
import { WorkspaceTableCache } from './workspace-cache.ts';

/** An import read and checked, waiting for the user's commit. */
export interface Staged {
  workspaceId: string;
  fileName: string;
  sha256: string;
  headers: string[];
  dialect: Dialect;
  mapping: Mapping;
  parsed: ParsedFile;
}

export interface WorkerContext {
  /** The workspace's tables, read once and kept until an import or deletion changes them. */
  readonly tables: WorkspaceTableCache;
  /** Imports prepared and not yet committed or discarded, by token. */
  readonly staged: Map<string, Staged>;
}

export function createWorkerContext(tables = new WorkspaceTableCache((id) => loadWorkspaceTables(id, { omitColumns: ANALYSIS_OMIT_COLUMNS }))): WorkerContext {
  return { tables, staged: new Map() };
}
