import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { combineApis } from '../../../src/worker/app.ts';
import { importApi } from '../../../src/worker/import-api.ts';
import { retentionApi } from '../../../src/worker/retention-api.ts';
import { createWorkerContext } from '../../../src/worker/worker-context.ts';
import { workspaceApi } from '../../../src/worker/workspace-api.ts';
import { SHARED_DATA } from '../../support/shared-data.ts';
import { resetDb } from '../storage/reset.ts';

beforeEach(resetDb);

const api = () => {
  const ctx = createWorkerContext();
  return { ctx, api: combineApis(importApi(ctx), workspaceApi(ctx), retentionApi(ctx)) };
};
const blob = (text: string): Blob => new Blob([text]);

describe('worker feature modules, in Node with fake-indexeddb', () => {
  it('combineApis refuses a method defined by two features', () => {
    expect(() => combineApis({ a: () => 1 }, { b: () => 2 }, { a: () => 3 })).toThrow("worker method 'a' is defined twice (features 1 and 3)");
  });

  it('inspect -> prepare (staged, plausibility report) -> commit: the summary and the retention report follow', async () => {
    const { api: w, ctx } = api();
    const ws = await w.createWorkspace({ name: 'Shop' });
    const bytes = readFileSync(`${SHARED_DATA}real-exports/shopify_orders_export_devstore.csv`);
    const file = new Blob([bytes]);
    const i = await w.inspect({ file, fileName: 'orders_export.csv', workspaceId: ws.id });
    expect(i.preset?.id).toBe('shopify-orders');
    const p = await w.prepareImport({ workspaceId: ws.id, file, fileName: 'orders_export.csv', dialect: i.dialect, kind: i.kind, mapping: i.mapping, inspected: { sha256: i.sha256, headers: i.headers } });
    expect(p.plausibility).toMatchObject({ rows: 19, customers: 3, revenue: 14089.04 });
    expect(p.preview.columns.at(-1)).toBe('lines');
    expect(ctx.staged.size).toBe(1);
    expect((await w.summary({ workspaceId: ws.id })).byKind.orders).toBeUndefined();
    const record = await w.commitImport({ token: p.token, skipInvalid: false });
    expect(record.rows).toBe(19);
    expect(ctx.staged.size).toBe(0);
    const s = await w.summary({ workspaceId: ws.id });
    expect(s.byKind.orders).toMatchObject({ rows: 19, revenue: 14089.04, amountRows: 19 });
    expect(s.customers).toBe(3);
    const report = await w.retention({ workspaceId: ws.id, params: { period: 'month', windowDays: 30 }, jobId: 1 });
    expect(report?.customerCount).toBe(3);
    // The mapping is remembered: the same headers are recognised again.
    expect((await w.inspect({ file, fileName: 'again.csv', workspaceId: ws.id })).remembered).toBe(true);
  });

  it('a file with invalid rows is not committed without skipInvalid; discard frees the staged rows', async () => {
    const { api: w, ctx } = api();
    const ws = await w.createWorkspace({ name: 'Bad' });
    const file = blob('customer_id,date,amount\nC1,2024-01-01,10\nC2,2024-02-30,5\n');
    const i = await w.inspect({ file, fileName: 'bad.csv', workspaceId: ws.id });
    const p = await w.prepareImport({ workspaceId: ws.id, file, fileName: 'bad.csv', dialect: i.dialect, kind: i.kind, mapping: i.mapping });
    expect(p.plausibility.skippedByReason).toEqual([expect.objectContaining({ code: 'invalid-date', column: 'date', count: 1, lines: [3] })]);
    await expect(w.commitImport({ token: p.token, skipInvalid: false })).rejects.toThrow('1 rows are invalid');
    await w.discardImport({ token: p.token });
    expect(ctx.staged.size).toBe(0);
    await expect(w.commitImport({ token: p.token, skipInvalid: true })).rejects.toThrow('no longer prepared');
  });

  it('an orders file without a customer column imports only with withoutCustomers', async () => {
    const { api: w } = api();
    const ws = await w.createWorkspace({ name: 'Ledger' });
    const file = blob('booking date,amount\n2024-01-02,10.50\n2024-01-03,-4.00\n');
    const i = await w.inspect({ file, fileName: 'ledger.csv', workspaceId: ws.id, overrides: { kind: 'orders' } });
    expect(i.warnings.map((x) => x.code)).toContain('no-customer-column');
    const refused = await w.prepareImport({ workspaceId: ws.id, file, fileName: 'ledger.csv', dialect: i.dialect, kind: 'orders', mapping: i.mapping });
    expect(refused.fatal?.code).toBe('missing-column');
    const ok = await w.prepareImport({ workspaceId: ws.id, file, fileName: 'ledger.csv', dialect: i.dialect, kind: 'orders', mapping: i.mapping, withoutCustomers: true });
    expect(ok.plausibility).toMatchObject({ rows: 2, customers: 0, revenue: 6.5 });
    await w.commitImport({ token: ok.token, skipInvalid: false });
    expect((await w.summary({ workspaceId: ws.id })).byKind.orders).toMatchObject({ rows: 2, revenue: 6.5 });
  });
});
