/**
 * The workspace feature of the worker: summary, create, rename, settings, delete, remove an
 * import. Every change drops the cached tables it affects.
 */
import { createWorkspace, deleteWorkspace, exportWorkspace, removeImport, renameWorkspace, restoreWorkspace, updateWorkspaceSettings, workspaceSummary } from '../storage/index.ts';
import type { Workspace } from '../storage/entities.ts';
import type { CreateWorkspaceRequest, RemoveImportRequest, RenameWorkspaceRequest, RestoreWorkspaceRequest, UpdateSettingsRequest, WorkspaceRequest, WorkspaceSummary } from './contract.ts';
import type { WorkerContext } from './worker-context.ts';

/** The workspace handlers over a worker context. */
export function workspaceApi(ctx: WorkerContext) {
  return {
    async summary({ workspaceId }: WorkspaceRequest): Promise<WorkspaceSummary> {
      return workspaceSummary(workspaceId);
    },

    async createWorkspace({ name, settings }: CreateWorkspaceRequest): Promise<Workspace> {
      return createWorkspace(name, settings);
    },

    async renameWorkspace({ workspaceId, name }: RenameWorkspaceRequest): Promise<Workspace> {
      return renameWorkspace(workspaceId, name);
    },

    async updateWorkspaceSettings({ workspaceId, patch }: UpdateSettingsRequest): Promise<Workspace> {
      return updateWorkspaceSettings(workspaceId, patch);
    },

    /** The workspace as one backup file (JSON text, storage/backup.ts). */
    async exportWorkspace({ workspaceId }: WorkspaceRequest): Promise<string> {
      return exportWorkspace(workspaceId);
    },

    /** A backup restored as a new workspace; a file is read here, off the page's thread. */
    async restoreWorkspace({ file }: RestoreWorkspaceRequest): Promise<Workspace> {
      return restoreWorkspace(typeof file === 'string' ? file : await file.text());
    },

    async deleteWorkspace({ workspaceId }: WorkspaceRequest): Promise<void> {
      ctx.tables.invalidate(workspaceId);
      await deleteWorkspace(workspaceId);
      ctx.tables.invalidate(workspaceId);
    },

    async removeImport({ importId }: RemoveImportRequest): Promise<void> {
      // The import's workspace is not known here without another read: drop every cached workspace.
      ctx.tables.invalidate();
      await removeImport(importId);
      ctx.tables.invalidate();
    },
  };
}

export type WorkspaceApi = ReturnType<typeof workspaceApi>;
