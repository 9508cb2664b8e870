/** The workspace registry: one workspace per business or client (DESIGN.md section 1). */
import { db } from './db.ts';
import type { Workspace, WorkspaceSettings } from './entities.ts';
import { StorageError, toStorageError } from './errors.ts';

export const DEFAULT_SETTINGS: Readonly<WorkspaceSettings> = Object.freeze({
  currency: 'EUR',
  grossMargin: 1,
  windowDays: 90,
  locale: 'en',
});

export const MAX_NAME_LENGTH = 80;

function cleanName(name: string): string {
  const n = String(name ?? '').normalize('NFC').trim();
  if (n.length === 0) throw new StorageError('invalid-name', 'A workspace needs a name.');
  if (n.length > MAX_NAME_LENGTH) throw new StorageError('invalid-name', `A workspace name can have at most ${MAX_NAME_LENGTH} characters.`);
  return n;
}

/** Fills defaults and refuses values the analysis cannot use. */
function cleanSettings(s: WorkspaceSettings): WorkspaceSettings {
  const out = { ...s };
  if (!(out.grossMargin >= 0 && out.grossMargin <= 1)) throw new StorageError('invalid-setting', 'Gross margin must be between 0 and 1.');
  if (!(Number.isInteger(out.windowDays) && out.windowDays >= 1)) throw new StorageError('invalid-setting', 'The activity window must be a whole number of days, at least 1.');
  return out;
}

async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    throw toStorageError(e);
  }
}

/** All workspaces, oldest first. */
export function listWorkspaces(): Promise<Workspace[]> {
  return guard(() => db.workspaces.orderBy('createdAt').toArray());
}

export function getWorkspace(id: string): Promise<Workspace | undefined> {
  return guard(() => db.workspaces.get(id));
}

export async function createWorkspace(name: string, settings: Partial<WorkspaceSettings> = {}): Promise<Workspace> {
  const ws: Workspace = {
    id: crypto.randomUUID(),
    name: cleanName(name),
    createdAt: Date.now(),
    settings: cleanSettings({ ...DEFAULT_SETTINGS, ...settings }),
  };
  await guard(() => db.workspaces.add(ws));
  return ws;
}

async function mustGet(id: string): Promise<Workspace> {
  const ws = await getWorkspace(id);
  if (!ws) throw new StorageError('not-found', 'This workspace no longer exists.');
  return ws;
}

export async function renameWorkspace(id: string, name: string): Promise<Workspace> {
  const clean = cleanName(name);
  const ws = await mustGet(id);
  await guard(() => db.workspaces.update(id, { name: clean }));
  return { ...ws, name: clean };
}

export async function updateWorkspaceSettings(id: string, patch: Partial<WorkspaceSettings>): Promise<Workspace> {
  const ws = await mustGet(id);
  const settings = cleanSettings({ ...ws.settings, ...patch });
  await guard(() => db.workspaces.update(id, { settings }));
  return { ...ws, settings };
}

/** Erases the workspace and every import, chunk and mapping of it, in one rw transaction. */
export function deleteWorkspace(id: string): Promise<void> {
  return guard(() =>
    db.transaction('rw', [db.workspaces, db.imports, db.chunks, db.mappings], async () => {
      await db.chunks.where('workspaceId').equals(id).delete();
      await db.imports.where('workspaceId').equals(id).delete();
      await db.mappings.where('workspaceId').equals(id).delete();
      await db.workspaces.delete(id);
    }),
  );
}
