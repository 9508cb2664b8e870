import { db } from '../../../src/storage/db.ts';

/** Empties every table of the shared fake-indexeddb database between tests. */
export async function resetDb(): Promise<void> {
  await Promise.all(db.tables.map((t) => t.clear()));
}

/** Record counts of every table that belong to one workspace. */
export async function countsOf(workspaceId: string): Promise<Record<string, number>> {
  return {
    workspaces: await db.workspaces.where('id').equals(workspaceId).count(),
    imports: await db.imports.where('workspaceId').equals(workspaceId).count(),
    chunks: await db.chunks.where('workspaceId').equals(workspaceId).count(),
    mappings: await db.mappings.where('workspaceId').equals(workspaceId).count(),
  };
}
