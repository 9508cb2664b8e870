/** The workspace registry: one workspace per business or client (DESIGN.md section 1). */
import { db } from './db.ts';
import type { ReasonEdits } from '../core/churn/reason-taxonomy.ts';
import type { RetentionControls, Workspace, WorkspaceSettings } from './entities.ts';
import { StorageError, toStorageError } from './errors.ts';

export const DEFAULT_RETENTION_CONTROLS: Readonly<RetentionControls> = Object.freeze({
  source: null,
  period: 'month',
  from: '',
  to: '',
  definition: 'A',
});

export const DEFAULT_SETTINGS: Readonly<WorkspaceSettings> = Object.freeze({
  currency: 'EUR',
  grossMargin: 1,
  /** null = the W suggested from the data (issue #8). */
  windowDays: null,
  locale: 'en',
  retention: DEFAULT_RETENTION_CONTROLS,
});

export const MAX_NAME_LENGTH = 80;
/** The longest activity window W the app accepts, in days. */
export const MAX_WINDOW_DAYS = 3650;
/** The W every workspace stored before issue #8 carries unless the user typed another. */
const LEGACY_DEFAULT_WINDOW = 90;

function cleanName(name: string): string {
  const n = String(name ?? '').normalize('NFC').trim();
  if (n.length === 0) throw new StorageError('invalid-name', 'A workspace needs a name.');
  if (n.length > MAX_NAME_LENGTH) throw new StorageError('invalid-name', `A workspace name can have at most ${MAX_NAME_LENGTH} characters.`);
  return n;
}

/**
 * The settings of a stored workspace with every field present. Workspaces stored before issue
 * #8 have no `retention` record and always carry W = 90, the old default, which the user did
 * not choose (the page offered no way to leave W to the data): that 90 reads as null, "the
 * suggested W"; any other W of theirs is kept. Pure; the page reads raw records through it too.
 *
 * @example settingsOf({ currency: 'EUR', grossMargin: 1, windowDays: 90, locale: 'en' }).windowDays // null
 */
export function settingsOf(s: WorkspaceSettings): WorkspaceSettings & { retention: RetentionControls } {
  if (s.retention) return { ...s, windowDays: s.windowDays ?? null, retention: { ...DEFAULT_RETENTION_CONTROLS, ...s.retention } };
  const windowDays = s.windowDays === LEGACY_DEFAULT_WINDOW ? null : (s.windowDays ?? null);
  return { ...s, windowDays, retention: { ...DEFAULT_RETENTION_CONTROLS } };
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const PERIODS: readonly string[] = ['month', 'quarter', 'year'];
const DEFINITIONS: readonly string[] = ['A', 'B', 'C', 'D', 'E'];

function cleanControls(c: RetentionControls): RetentionControls {
  const bad = (what: string) => new StorageError('invalid-setting', `The retention page's ${what} cannot be stored.`);
  if (!(c.source === null || c.source === 'orders' || c.source === 'subscriptions')) throw bad('data source');
  if (!PERIODS.includes(c.period)) throw bad('period');
  if (!(c.from === '' || ISO_DAY.test(c.from)) || !(c.to === '' || ISO_DAY.test(c.to))) throw bad('date range');
  if (!DEFINITIONS.includes(c.definition)) throw bad('churn definition');
  return { source: c.source, period: c.period, from: c.from, to: c.to, definition: c.definition };
}

/** Fills defaults and refuses values the analysis cannot use. */
function cleanSettings(s: WorkspaceSettings): WorkspaceSettings {
  const out = { ...s };
  if (!(out.grossMargin >= 0 && out.grossMargin <= 1)) throw new StorageError('invalid-setting', 'Gross margin must be between 0 and 1.');
  if (out.windowDays === undefined) out.windowDays = null;
  if (!(out.windowDays === null || (Number.isInteger(out.windowDays) && out.windowDays >= 1 && out.windowDays <= MAX_WINDOW_DAYS))) {
    throw new StorageError('invalid-setting', `The activity window must be a whole number of days from 1 to ${MAX_WINDOW_DAYS}, or the suggested one.`);
  }
  out.retention = cleanControls({ ...DEFAULT_RETENTION_CONTROLS, ...out.retention });
  if (out.reasonEdits !== undefined && !isReasonEdits(out.reasonEdits)) throw new StorageError('invalid-setting', 'The churn-reason categories cannot be stored.');
  if (out.churnedValues !== undefined && !(Array.isArray(out.churnedValues) && out.churnedValues.every((v) => typeof v === 'string'))) {
    throw new StorageError('invalid-setting', 'The churn-flag values cannot be stored.');
  }
  return out;
}

const isStringRecord = (x: unknown, value: 'string' | 'boolean'): boolean =>
  typeof x === 'object' && x !== null && !Array.isArray(x) && Object.values(x).every((v) => typeof v === value);

/** The shape of saved taxonomy edits (a backup may carry anything). */
function isReasonEdits(e: ReasonEdits): boolean {
  return Number.isInteger(e.version) && e.version >= 0 && isStringRecord(e.assign, 'string') && isStringRecord(e.renames, 'string') && isStringRecord(e.avoidable, 'boolean') && Array.isArray(e.log);
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

/**
 * Changes some settings of a workspace (a workspace stored before issue #8 is read through
 * `settingsOf` first). `patch.retention` may carry only the controls that changed.
 */
export async function updateWorkspaceSettings(id: string, patch: Partial<Omit<WorkspaceSettings, 'retention'>> & { retention?: Partial<RetentionControls> }): Promise<Workspace> {
  const ws = await mustGet(id);
  const base = settingsOf(ws.settings);
  const settings = cleanSettings({ ...base, ...patch, retention: { ...base.retention, ...patch.retention } });
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

/**
 * The workspace's pseudonym key, made (random, 32 bytes) and stored on first use, in one
 * transaction so two imports never make two keys.
 *
 * @throws StorageError 'not-found' when the workspace does not exist.
 */
export async function workspacePseudonymKey(id: string, make: () => string): Promise<string> {
  try {
    return await db.transaction('rw', db.workspaces, async () => {
      const ws = await db.workspaces.get(id);
      if (!ws) throw new StorageError('not-found', 'This workspace no longer exists.');
      if (ws.pseudonymKey) return ws.pseudonymKey;
      const key = make();
      await db.workspaces.update(id, { pseudonymKey: key });
      return key;
    });
  } catch (e) {
    throw toStorageError(e);
  }
}
