/**
 * The workspace feature of the worker: summary, create, rename, settings, delete, remove an
 * import. Every change drops the cached tables it affects.
 */
import { createWorkspace, deleteWorkspace, exportWorkspace, removeImport, renameWorkspace, restoreWorkspace, updateWorkspaceSettings, workspaceSummary } from '../storage/index.ts';
import type { WorkspaceSummary } from './contract.ts';
import type { WorkerContext } from './worker-context.ts';

/** The workspace handlers over a worker context. */
export function workspaceApi(ctx: WorkerContext) {
  return {
    async summary(workspaceId: string): Promise<WorkspaceSummary> {
      return workspaceSummary(workspaceId);
    },

    createWorkspace,
    renameWorkspace,
    updateWorkspaceSettings,
    /** The workspace as one backup file (JSON text, storage/backup.ts). */
    exportWorkspace,
    /** A backup restored as a new workspace; a file is read here, off the page's thread. */
    async restoreWorkspace(file: Blob | string) {
      return restoreWorkspace(typeof file === 'string' ? file : await file.text());
    },

    async deleteWorkspace(id: string): Promise<void> {
      ctx.tables.invalidate(id);
      await deleteWorkspace(id);
      ctx.tables.invalidate(id);
    },

    async removeImport(importId: string): Promise<void> {
      // The import's workspace is not known here without another read: drop every cached workspace.
      ctx.tables.invalidate();
      await removeImport(importId);
      ctx.tables.invalidate();
    },
  };
}

export type WorkspaceApi = ReturnType<typeof workspaceApi>;
