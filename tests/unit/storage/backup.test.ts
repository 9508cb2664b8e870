/**
 * Backup and restore (issue #9): a workspace exported to one file and restored into an empty
 * database (another browser) gives byte-equal figures: the summary and the retention report.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { exportWorkspace, listImports, listWorkspaces, restoreWorkspace } from '../../../src/storage/index.ts';
import { combineApis } from '../../../src/worker/app.ts';
import { importApi } from '../../../src/worker/import-api.ts';
import { retentionApi } from '../../../src/worker/retention-api.ts';
import { createWorkerContext } from '../../../src/worker/worker-context.ts';
import { workspaceApi } from '../../../src/worker/workspace-api.ts';
import { resetDb } from './reset.ts';

beforeEach(resetDb);
const sample = (name: string): string => fileURLToPath(new URL(`../../../public/sample/${name}.csv`, import.meta.url));
const updates = (name: string): string => fileURLToPath(new URL(`../../fixtures/csv/updates/${name}`, import.meta.url));
const app = () => {
  const ctx = createWorkerContext();
  return combineApis(importApi(ctx), workspaceApi(ctx), retentionApi(ctx));
};
async function importPath(w: ReturnType<typeof app>, workspaceId: string, path: string) {
  const file = new Blob([readFileSync(path)]);
  const i = await w.inspect({ file, fileName: path, workspaceId });
  const p = await w.prepareImport({ workspaceId, file, fileName: path, dialect: i.dialect, kind: i.kind, mapping: i.mapping });
  await w.commitImport({ token: p.token, skipInvalid: false });
}

describe('workspace backup', () => {
  it('round-trips into an empty database with byte-equal summary and retention figures', async () => {
    const w = app();
    const ws = await w.createWorkspace({ name: 'Sample shop' });
    await w.updateWorkspaceSettings({ workspaceId: ws.id, patch: { currency: 'USD' } });
    for (const name of ['orders', 'customers', 'subscriptions', 'churn']) await importPath(w, ws.id, sample(name));
    const params = { period: 'quarter' as const, windowDays: 60 };
    const before = { summary: await w.summary({ workspaceId: ws.id }), report: await w.retentionExport({ workspaceId: ws.id, params }) };
    const file = await exportWorkspace(ws.id);
    expect(JSON.parse(file)).toMatchObject({ format: 'keepwise-backup', version: 1 });

    await resetDb(); // another browser
    const restored = await restoreWorkspace(file);
    expect(restored.name).toBe('Sample shop');
    expect(restored.settings.currency).toBe('USD');
    const w2 = app();
    expect(await w2.summary({ workspaceId: restored.id })).toEqual(before.summary);
    expect(JSON.stringify(await w2.retentionExport({ workspaceId: restored.id, params }))).toBe(JSON.stringify(before.report));
    expect((await listImports(restored.id)).length).toBe(4);
    // The mapping memory came along: the same file is recognised.
    expect((await w2.inspect({ file: new Blob([readFileSync(sample('orders'))]), fileName: 'orders.csv', workspaceId: restored.id })).remembered).toBe(true);
  }, 60_000);

  it('keeps updates (superseded rows) and restores beside the original with a new id and name', async () => {
    const w = app();
    const ws = await w.createWorkspace({ name: 'Shop' });
    await importPath(w, ws.id, updates('orders-v1.csv'));
    await importPath(w, ws.id, updates('orders-v2.csv'));
    const restored = await restoreWorkspace(await exportWorkspace(ws.id));
    expect(restored.id).not.toBe(ws.id);
    expect(restored.name).toBe('Shop (restored)');
    expect((await w.summary({ workspaceId: restored.id })).byKind.orders).toMatchObject({ rows: 5, revenue: 49 });
    expect((await listWorkspaces()).length).toBe(2);
  });

  it('refuses a file that is not a backup, and writes nothing', async () => {
    await expect(restoreWorkspace('{"hello": 1}')).rejects.toMatchObject({ code: 'invalid-file' });
    await expect(restoreWorkspace('not json')).rejects.toMatchObject({ code: 'invalid-file' });
    expect(await listWorkspaces()).toEqual([]);
  });
});
