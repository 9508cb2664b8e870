import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_RETENTION_CONTROLS,
  DEFAULT_SETTINGS,
  StorageError,
  commitImport,
  createWorkspace,
  deleteWorkspace,
  getWorkspace,
  listWorkspaces,
  rememberMapping,
  renameWorkspace,
  settingsOf,
  updateWorkspaceSettings,
} from '../../../src/storage/index.ts';
import { db } from '../../../src/storage/db.ts';
import { DIALECT, META, ordersFile } from './fixtures.ts';
import { countsOf, resetDb } from './reset.ts';

beforeEach(resetDb);

describe('workspaces', () => {
  it('creates with defaults, trims the name, and lists oldest first', async () => {
    const a = await createWorkspace('  Bakery  ');
    const b = await createWorkspace('Shop', { currency: 'BGN', windowDays: 60 });
    expect(a.name).toBe('Bakery');
    // W is left to the data (null = the suggested W) until the user chooses one.
    expect(a.settings).toEqual({ currency: 'EUR', grossMargin: 1, windowDays: null, locale: 'en', retention: DEFAULT_RETENTION_CONTROLS });
    expect(DEFAULT_SETTINGS.windowDays).toBeNull();
    expect(b.settings).toEqual({ currency: 'BGN', grossMargin: 1, windowDays: 60, locale: 'en', retention: DEFAULT_RETENTION_CONTROLS });
    expect((await listWorkspaces()).map((w) => w.name)).toEqual(['Bakery', 'Shop']);
    expect(await getWorkspace(a.id)).toEqual(a);
  });

  it('refuses empty and too long names with a typed error', async () => {
    await expect(createWorkspace('   ')).rejects.toMatchObject({ code: 'invalid-name', message: 'A workspace needs a name.' });
    await expect(createWorkspace('x'.repeat(81))).rejects.toBeInstanceOf(StorageError);
    expect((await createWorkspace('x'.repeat(80))).name).toHaveLength(80);
    await expect(createWorkspace('ok', { grossMargin: 1.5 })).rejects.toMatchObject({ code: 'invalid-setting' });
  });

  it('renames and updates settings', async () => {
    const w = await createWorkspace('Old');
    expect((await renameWorkspace(w.id, ' New ')).name).toBe('New');
    const u = await updateWorkspaceSettings(w.id, { grossMargin: 0.4, locale: 'sl' });
    expect(u.settings).toEqual({ currency: 'EUR', grossMargin: 0.4, windowDays: null, locale: 'sl', retention: DEFAULT_RETENTION_CONTROLS });
    expect(await getWorkspace(w.id)).toMatchObject({ name: 'New', settings: { grossMargin: 0.4, locale: 'sl' } });
    await expect(renameWorkspace('nope', 'x')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('stores the chosen W and the retention controls, and refuses values the page cannot use', async () => {
    const w = await createWorkspace('Shop');
    const u = await updateWorkspaceSettings(w.id, { windowDays: 30, retention: { source: 'orders', period: 'quarter' } });
    expect(u.settings.windowDays).toBe(30);
    expect(u.settings.retention).toEqual({ source: 'orders', period: 'quarter', from: '', to: '', definition: 'A' });
    // A partial patch keeps the other controls; null W = back to the suggestion.
    const v = await updateWorkspaceSettings(w.id, { windowDays: null, retention: { from: '2024-01-01', definition: 'B' } });
    expect((await getWorkspace(w.id))!.settings).toEqual(v.settings);
    expect(v.settings).toMatchObject({ windowDays: null, retention: { source: 'orders', period: 'quarter', from: '2024-01-01', to: '', definition: 'B' } });
    await expect(updateWorkspaceSettings(w.id, { windowDays: 0 })).rejects.toMatchObject({ code: 'invalid-setting' });
    await expect(updateWorkspaceSettings(w.id, { windowDays: 3651 })).rejects.toMatchObject({ code: 'invalid-setting' });
    await expect(updateWorkspaceSettings(w.id, { windowDays: 7.5 })).rejects.toMatchObject({ code: 'invalid-setting' });
    await expect(updateWorkspaceSettings(w.id, { retention: { period: 'week' as never } })).rejects.toMatchObject({ code: 'invalid-setting' });
    await expect(updateWorkspaceSettings(w.id, { retention: { from: '1.1.2024' } })).rejects.toMatchObject({ code: 'invalid-setting' });
    await expect(updateWorkspaceSettings(w.id, { retention: { definition: 'F' as never } })).rejects.toMatchObject({ code: 'invalid-setting' });
    await expect(updateWorkspaceSettings(w.id, { retention: { source: 'crm' as never } })).rejects.toMatchObject({ code: 'invalid-setting' });
    expect((await getWorkspace(w.id))!.settings).toEqual(v.settings);
  });

  it('reads a workspace stored before issue #8: its untouched W of 90 becomes the suggestion, another W is kept', async () => {
    const legacy = (id: string, windowDays: number) => ({ id, name: id, createdAt: 1, settings: { currency: 'EUR', grossMargin: 1, windowDays, locale: 'sl' } });
    await db.workspaces.add(legacy('old90', 90));
    await db.workspaces.add(legacy('old45', 45));
    const raw90 = (await getWorkspace('old90'))!;
    expect(raw90.settings.retention).toBeUndefined();
    expect(settingsOf(raw90.settings)).toEqual({ currency: 'EUR', grossMargin: 1, windowDays: null, locale: 'sl', retention: DEFAULT_RETENTION_CONTROLS });
    expect(settingsOf((await getWorkspace('old45'))!.settings).windowDays).toBe(45);
    // The first write stores the read settings: the record is then of the new shape.
    const u = await updateWorkspaceSettings('old90', { currency: 'USD' });
    expect((await getWorkspace('old90'))!.settings).toEqual({ currency: 'USD', grossMargin: 1, windowDays: null, locale: 'sl', retention: DEFAULT_RETENTION_CONTROLS });
    expect(u.settings.windowDays).toBeNull();
    expect((await updateWorkspaceSettings('old45', { locale: 'en' })).settings.windowDays).toBe(45);
    // After that, a chosen 90 stays 90.
    expect(settingsOf((await updateWorkspaceSettings('old90', { windowDays: 90 })).settings).windowDays).toBe(90);
  });

  it('delete erases every record of the workspace and keeps the others', async () => {
    const a = await createWorkspace('A');
    const b = await createWorkspace('B');
    for (const w of [a, b]) {
      await commitImport(w.id, ordersFile([['o1', 'c1', '2024-01-02', 10], ['o2', 'c2', '2024-01-03', 5]]), META);
      await rememberMapping(w.id, 'orders', META.headers, META.mapping, DIALECT);
    }
    expect(await countsOf(a.id)).toEqual({ workspaces: 1, imports: 1, chunks: 1, mappings: 1 });
    await deleteWorkspace(a.id);
    expect(await countsOf(a.id)).toEqual({ workspaces: 0, imports: 0, chunks: 0, mappings: 0 });
    expect(await countsOf(b.id)).toEqual({ workspaces: 1, imports: 1, chunks: 1, mappings: 1 });
    expect(await getWorkspace(a.id)).toBeUndefined();
  });
});
