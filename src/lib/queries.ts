/** Read-only Dexie queries the page watches live (writes always go through the worker). */
import { db } from '../storage/db.ts';
import type { ImportRecord } from './types.ts';

/** The import ledger of one workspace, newest first. */
export function importsOf(workspaceId: string): () => Promise<ImportRecord[]> {
  return async () => {
    const rows = await db.imports.where('workspaceId').equals(workspaceId).toArray();
    return rows.sort((a, b) => b.importedAt - a.importedAt);
  };
}
