/**
 * A corrected export updates what it corrects (issue #9), the same in the app (the worker's
 * import flow over fake-indexeddb) and the command line (the same two files in order).
 *
 * v1: O1 C1 10 paid, O2 C2 20, O3 C3 5, O9 C9 7. v2 (corrected): O1 refunded (a refunded order
 * brings 0), O2 25, O3 now C4, O9 unchanged, O4 new (C5, 12).
 * After v2: orders O1 0, O2 25, O3 5, O9 7, O4 12 = 5 orders, revenue 49; customers C1, C2, C4,
 * C9, C5 = 5 (C3 has no order left).
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { analyzeFiles } from '../../../scripts/analyze-lib.ts';
import { combineApis } from '../../../src/worker/app.ts';
import { importApi } from '../../../src/worker/import-api.ts';
import { retentionApi } from '../../../src/worker/retention-api.ts';
import { createWorkerContext } from '../../../src/worker/worker-context.ts';
import { workspaceApi } from '../../../src/worker/workspace-api.ts';
import { listImports } from '../../../src/storage/index.ts';
import { resetDb } from '../storage/reset.ts';

beforeEach(resetDb);
const path = (name: string): string => fileURLToPath(new URL(`../../fixtures/csv/updates/${name}`, import.meta.url));

async function importFile(w: ReturnType<typeof appApi>, workspaceId: string, name: string) {
  const file = new Blob([readFileSync(path(name))]);
  const i = await w.inspect({ file, fileName: name, workspaceId });
  const p = await w.prepareImport({ workspaceId, file, fileName: name, dialect: i.dialect, kind: i.kind, mapping: i.mapping });
  const record = await w.commitImport({ token: p.token, skipInvalid: false });
  return { prepared: p, record };
}
const appApi = () => {
  const ctx = createWorkerContext();
  return combineApis(importApi(ctx), workspaceApi(ctx), retentionApi(ctx));
};

describe('a corrected export', () => {
  it('shows its changes before the commit, applies them, and the import history undoes them', async () => {
    const w = appApi();
    const ws = await w.createWorkspace({ name: 'Shop' });
    await importFile(w, ws.id, 'orders-v1.csv');
    expect((await w.summary({ workspaceId: ws.id })).byKind.orders).toMatchObject({ rows: 4, revenue: 42 });
    const { prepared, record } = await importFile(w, ws.id, 'orders-v2.csv');
    expect(prepared.updates).toMatchObject({ added: 1, updated: 3, unchanged: 1 });
    expect(prepared.updates.changes).toEqual([
      { key: 'O1', fields: [{ field: 'amount', from: 10, to: 0 }, { field: 'status', from: 'paid', to: 'refunded' }] },
      { key: 'O2', fields: [{ field: 'amount', from: 20, to: 25 }] },
      { key: 'O3', fields: [{ field: 'customer_id', from: 'C3', to: 'C4' }] },
    ]);
    expect(record).toMatchObject({ rows: 4, updated: 3, duplicates: 1 });
    const s = await w.summary({ workspaceId: ws.id });
    expect(s.byKind.orders).toMatchObject({ rows: 5, revenue: 49 });
    expect(s.customers).toBe(5);
    // Importing v2 again changes nothing.
    const again = await importFile(w, ws.id, 'orders-v2.csv');
    expect(again.prepared.updates).toMatchObject({ added: 0, updated: 0, unchanged: 5 });
    expect((await w.summary({ workspaceId: ws.id })).byKind.orders).toMatchObject({ rows: 5, revenue: 49 });
    // Undo: remove the v2 imports from the history -> v1's rows are back.
    for (const imp of (await listImports(ws.id)).filter((x) => x.fileName === 'orders-v2.csv')) await w.removeImport({ importId: imp.id });
    expect((await w.summary({ workspaceId: ws.id })).byKind.orders).toMatchObject({ rows: 4, revenue: 42 });
  });

  it('the command line gives the same figures for the same two files, and lists the changes', async () => {
    const out = await analyzeFiles([path('orders-v1.csv'), path('orders-v2.csv')]);
    expect(out.exitCode).toBe(0);
    expect(out.report).toMatchObject({ orders: 5, revenue: 49, customers: 5 });
    expect(out.messages).toContain(`${path('orders-v2.csv')}: 1 new, 3 updated, 1 unchanged (already in an earlier file)`);
    expect(out.messages).toContain(`${path('orders-v2.csv')}: updated O1: amount 10 -> 0, status paid -> refunded`);
    // The app's retention figures equal the command line's.
    const w = appApi();
    const ws = await w.createWorkspace({ name: 'Shop' });
    await importFile(w, ws.id, 'orders-v1.csv');
    await importFile(w, ws.id, 'orders-v2.csv');
    const app = await w.retention({ workspaceId: ws.id, params: { period: 'month', windowDays: out.report!.retention!.window! }, jobId: 1 });
    expect(app?.kpis.customersNow.value).toBe(out.report!.retention!.kpis.customersNow);
    expect(app?.periods.map((p) => [p.period, p.S, p.E, p.N, p.revenue])).toEqual(out.report!.retention!.periods.map((p) => [p.period, p.S, p.E, p.new, p.revenue]));
  });
});

describe('keyed pseudonyms for e-mail keys', () => {
  it('stores pseudonyms instead of the e-mails; the same customer gets the same pseudonym in every import; figures are unchanged', async () => {
    const w = appApi();
    const ws = await w.createWorkspace({ name: 'Private' });
    const text = 'Email,Order Date,Amount\nana@example.com,05.01.2024,"120,00 €"\nBen@Example.com,07.01.2024,"35,50 €"\nben@example.com,11.02.2024,"80,00 €"\n';
    const file = new Blob([text]);
    const i = await w.inspect({ file, fileName: 'a.csv', workspaceId: ws.id });
    expect(i.keyFallback).toBe('email');
    const p = await w.prepareImport({ workspaceId: ws.id, file, fileName: 'a.csv', dialect: i.dialect, kind: i.kind, mapping: i.mapping, pseudonymise: true });
    expect(p.plausibility).toMatchObject({ customers: 2, revenue: 235.5 });
    const ids = p.preview.rows.map((r) => r[p.preview.columns.indexOf('customer_id')]);
    expect(ids.every((id) => typeof id === 'string' && /^~[0-9a-f]{20}$/.test(id))).toBe(true);
    expect(ids[1]).toBe(ids[2]);
    expect(JSON.stringify(p.preview)).not.toContain('example.com');
    await w.commitImport({ token: p.token, skipInvalid: false });
    // A second file with one known and one new customer: the known one keeps its pseudonym.
    const more = new Blob(['Email,Order Date,Amount\nana@example.com,01.03.2024,"10,00 €"\ncleo@example.com,02.03.2024,"5,00 €"\n']);
    const i2 = await w.inspect({ file: more, fileName: 'b.csv', workspaceId: ws.id });
    const p2 = await w.prepareImport({ workspaceId: ws.id, file: more, fileName: 'b.csv', dialect: i2.dialect, kind: i2.kind, mapping: i2.mapping, pseudonymise: true });
    expect(p2.preview.rows[0][p2.preview.columns.indexOf('customer_id')]).toBe(ids[0]);
    await w.commitImport({ token: p2.token, skipInvalid: false });
    expect((await w.summary({ workspaceId: ws.id })).customers).toBe(3);
    // Another workspace has another key: other pseudonyms.
    const other = await w.createWorkspace({ name: 'Other' });
    const p3 = await w.prepareImport({ workspaceId: other.id, file, fileName: 'a.csv', dialect: i.dialect, kind: i.kind, mapping: i.mapping, pseudonymise: true });
    expect(p3.preview.rows[0][p3.preview.columns.indexOf('customer_id')]).not.toBe(ids[0]);
  });
});
