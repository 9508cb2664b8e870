import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  StorageError,
  commitImport,
  createWorkspace,
  deleteWorkspace,
  getWorkspace,
  listWorkspaces,
  rememberMapping,
  renameWorkspace,
  updateWorkspaceSettings,
} from '../../../src/storage/index.ts';
import { DIALECT, META, ordersFile } from './fixtures.ts';
import { countsOf, resetDb } from './reset.ts';

beforeEach(resetDb);

describe('workspaces', () => {
  it('creates with defaults, trims the name, and lists oldest first', async () => {
    const a = await createWorkspace('  Bakery  ');
    const b = await createWorkspace('Shop', { currency: 'BGN', windowDays: 60 });
    expect(a.name).toBe('Bakery');
    expect(a.settings).toEqual({ currency: 'EUR', grossMargin: 1, windowDays: 90, locale: 'en' });
    expect(DEFAULT_SETTINGS.windowDays).toBe(90);
    expect(b.settings).toEqual({ currency: 'BGN', grossMargin: 1, windowDays: 60, locale: 'en' });
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
    expect(u.settings).toEqual({ currency: 'EUR', grossMargin: 0.4, windowDays: 90, locale: 'sl' });
    expect(await getWorkspace(w.id)).toMatchObject({ name: 'New', settings: { grossMargin: 0.4, locale: 'sl' } });
    await expect(renameWorkspace('nope', 'x')).rejects.toMatchObject({ code: 'not-found' });
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
