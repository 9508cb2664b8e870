/**
 * After a workspace's first import the worker keeps the rows it has just parsed as the
 * workspace's tables instead of reading them back from IndexedDB (drop to figures without the
 * open). They must be exactly what a load gives: the same columns, values, dictionaries in the
 * same order, for every kind of file, and the figures computed from them must be the same.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { ANALYSIS_OMIT_COLUMNS, commitImport, createWorkspace, loadWorkspaceTables, tablesOfFirstImport } from '../../../src/storage/index.ts';
import { META, ordersFile } from '../storage/fixtures.ts';
import { combineApis } from '../../../src/worker/app.ts';
import { importApi } from '../../../src/worker/import-api.ts';
import { retentionApi } from '../../../src/worker/retention-api.ts';
import { createWorkerContext } from '../../../src/worker/worker-context.ts';
import { workspaceApi } from '../../../src/worker/workspace-api.ts';
import { SHARED_DATA } from '../../support/shared-data.ts';
import { resetDb } from '../storage/reset.ts';

beforeEach(resetDb);

const sample = (name: string): string => fileURLToPath(new URL(`../../../public/sample/${name}`, import.meta.url));

function app() {
  const ctx = createWorkerContext();
  return { ctx, w: combineApis(importApi(ctx), workspaceApi(ctx), retentionApi(ctx)) };
}

async function importFile(w: ReturnType<typeof app>['w'], workspaceId: string, path: string, kind?: 'orders' | 'customers' | 'subscriptions' | 'feedback') {
  const file = new Blob([readFileSync(path)]);
  const name = path.split('/').pop()!;
  const i = await w.inspect({ file, fileName: name, workspaceId, ...(kind ? { overrides: { kind } } : {}) });
  if (i.fatal) throw new Error(i.fatal.message);
  const p = await w.prepareImport({ workspaceId, file, fileName: name, dialect: i.dialect, kind: i.kind, mapping: i.mapping, inspected: { sha256: i.sha256, headers: i.headers } });
  if (p.fatal) throw new Error(p.fatal.message);
  return w.commitImport({ token: p.token, skipInvalid: true });
}

describe('the tables kept after a first import', () => {
  const files = [
    sample('orders.csv'),
    `${SHARED_DATA}real-exports/shopify_orders_export_devstore.csv`,
    `${SHARED_DATA}real-exports/woocommerce_orders_webtoffee_sample.csv`,
    `${SHARED_DATA}real-exports/stripe_payments_export_sample.csv`,
    `${SHARED_DATA}real-exports/woocommerce_subscriptions_import_export_sample.csv`,
    sample('customers.csv'),
  ];
  for (const path of files) {
    it(`equal what a load reads back: ${path.split('/').pop()}`, async () => {
      const { ctx, w } = app();
      const ws = await w.createWorkspace({ name: 'W' });
      await importFile(w, ws.id, path);
      expect(ctx.tables.has(ws.id)).toBe(true);
      const kept = await ctx.tables.get(ws.id);
      const loaded = await loadWorkspaceTables(ws.id, { omitColumns: ANALYSIS_OMIT_COLUMNS });
      expect(Object.keys(kept)).toEqual(Object.keys(loaded));
      for (const kind of Object.keys(loaded) as (keyof typeof loaded)[]) {
        expect(Object.keys(kept[kind]!.columns).sort()).toEqual(Object.keys(loaded[kind]!.columns).sort());
        expect(kept[kind]).toEqual(loaded[kind]);
      }
    });
  }

  it('gives the same retention figures as the tables read back, and a second import reads them back', async () => {
    const { ctx, w } = app();
    const ws = await w.createWorkspace({ name: 'W' });
    await importFile(w, ws.id, sample('orders.csv'));
    const params = { period: 'month' as const, windowDays: 90 };
    const kept = await w.retention({ workspaceId: ws.id, params, jobId: 1 });
    ctx.tables.invalidate(ws.id);
    const read = await w.retention({ workspaceId: ws.id, params, jobId: 2 });
    expect(kept).toEqual(read);
    // A second import is not the first: the workspace is read back, both files in it.
    await importFile(w, ws.id, sample('customers.csv'));
    expect(ctx.tables.has(ws.id)).toBe(false);
    expect(Object.keys(await ctx.tables.get(ws.id)).sort()).toEqual(['customers', 'orders']);
  });

  it('shares the parsed columns where a load leaves them alike, and compacts a dictionary that is not in first-use order', async () => {
    const parsed = ordersFile([['o1', 'c1', '2024-01-05', 10], ['o2', 'c2', '2024-02-05', 20], ['o3', 'c1', '2024-03-05', 30]]);
    const ws = await createWorkspace('W');
    await commitImport(ws.id, parsed, META);
    const loaded = await loadWorkspaceTables(ws.id, { omitColumns: ANALYSIS_OMIT_COLUMNS });
    const kept = tablesOfFirstImport('orders', parsed.table, { omitColumns: ANALYSIS_OMIT_COLUMNS });
    expect(kept).toEqual(loaded);
    expect(kept.orders!.columns.customer_id).toBe(parsed.table.columns.customer_id);
    expect(kept.orders!.columns.amount).toBe(parsed.table.columns.amount);
    expect(kept.orders!.columns.order_id).toBeUndefined();
    // A dictionary with an unused string and codes out of first-use order is compacted, as a load does.
    const odd = ordersFile([['o1', 'c1', '2024-01-05', 10], ['o2', 'c2', '2024-02-05', 20]]);
    const columns = { ...odd.table.columns, customer_id: { type: 'dict' as const, dict: ['x', 'c2', 'c1'], codes: Uint32Array.of(2, 1) } };
    const oddFile = { ...odd, table: { length: 2, columns } };
    const ws2 = await createWorkspace('W2');
    await commitImport(ws2.id, oddFile, { ...META, sha256: 'cd'.repeat(32) });
    const oddKept = tablesOfFirstImport('orders', oddFile.table, { omitColumns: ANALYSIS_OMIT_COLUMNS });
    expect(oddKept).toEqual(await loadWorkspaceTables(ws2.id, { omitColumns: ANALYSIS_OMIT_COLUMNS }));
    expect(oddKept.orders!.columns.customer_id).toEqual({ type: 'dict', dict: ['c1', 'c2'], codes: Uint32Array.of(0, 1) });
  });
});
