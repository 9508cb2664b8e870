import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { combineApis } from '../../../src/worker/app.ts';
import { churnApi } from '../../../src/worker/churn-api.ts';
import { importApi } from '../../../src/worker/import-api.ts';
import { createWorkerContext } from '../../../src/worker/worker-context.ts';
import { workspaceApi } from '../../../src/worker/workspace-api.ts';
import { exportWorkspace, restoreWorkspace } from '../../../src/storage/index.ts';
import { resetDb } from '../storage/reset.ts';

beforeEach(resetDb);

const make = () => {
  const ctx = createWorkerContext();
  return combineApis(importApi(ctx), workspaceApi(ctx), churnApi(ctx));
};

async function importText(w: ReturnType<typeof make>, workspaceId: string, name: string, text: string) {
  const file = new Blob([text]);
  const i = await w.inspect({ file, fileName: name, workspaceId });
  const p = await w.prepareImport({ workspaceId, file, fileName: name, dialect: i.dialect, kind: i.kind, mapping: i.mapping });
  expect(p.fatal, `${name}: ${p.fatal?.message}`).toBeUndefined();
  await w.commitImport({ token: p.token, skipInvalid: false });
}

// Four subscribers, three gone: A and B for price ("Too expensive", "price too high"), C "Moved abroad".
const SUBS = 'subscription_id,customer_id,start_date,end_date,mrr,plan\nS1,A,2024-01-01,2024-02-01,10,Basic\nS2,B,2024-01-01,2024-03-01,20,Basic\nS3,C,2024-01-05,2024-03-10,30,Pro\nS4,D,2024-01-05,,40,Pro\nS5,E,2024-04-01,,50,Pro\n';
const CHURN = 'customer_id,cancel_date,reason\nA,2024-01-20,Too expensive\nB,2024-02-10,price too high\nC,2024-03-01,Moved abroad\n';

describe('churn feature module, in Node with fake-indexeddb', () => {
  it('audits a workspace, saves a merge with it (versioned), and lists the customers behind a bar', async () => {
    const w = make();
    const ws = await w.createWorkspace({ name: 'Shop' });
    await importText(w, ws.id, 'subs.csv', SUBS);
    await importText(w, ws.id, 'churn.csv', CHURN);
    expect(await w.hasChurnData({ workspaceId: ws.id })).toBe(true);
    const req = { workspaceId: ws.id, windowDays: 90, jobId: 1 };
    const first = (await w.churnAudit(req))!;
    expect(first.audit).toMatchObject({ source: 'subscriptions', customers: 5, churned: 3, taxonomyVersion: 0 });
    expect(first.audit.reasons.map((r) => [r.category, r.count])).toEqual([['Price', 2], ['Moved abroad', 1]]);
    expect(first.headers.plan).toBe('plan');
    const edits = await w.editReasons({ workspaceId: ws.id, edit: { op: 'merge', from: ['Price', 'Moved abroad'], to: 'Price' }, originals: first.audit.originals });
    expect(edits.version).toBe(1);
    const second = (await w.churnAudit({ ...req, jobId: 2 }))!;
    expect(second.audit.taxonomyVersion).toBe(1);
    expect(second.audit.reasons.map((r) => [r.category, r.count])).toEqual([['Price', 3]]);
    expect((await w.churnMembers({ audit: { ...req, jobId: 2 }, query: { category: 0 } })).sort()).toEqual(['A', 'B', 'C']);
    // The edits live in the workspace: a fresh worker (a reload) reads them, and a backup carries them.
    const again = make();
    expect((await again.churnAudit({ ...req, jobId: 1 }))!.audit.reasons.map((r) => r.category)).toEqual(['Price']);
    const restored = await restoreWorkspace(await exportWorkspace(ws.id));
    expect(restored.settings.reasonEdits?.version).toBe(1);
    const reset = await w.resetReasons({ workspaceId: ws.id });
    expect(reset).toMatchObject({ version: 2, renames: {} });
  });

  it('a superseded audit returns null', async () => {
    const w = make();
    const ws = await w.createWorkspace({ name: 'Shop' });
    await importText(w, ws.id, 'subs.csv', SUBS);
    const [older, newer] = await Promise.all([w.churnAudit({ workspaceId: ws.id, windowDays: 90, jobId: 1 }), w.churnAudit({ workspaceId: ws.id, windowDays: 90, jobId: 2 })]);
    expect(older).toBeNull();
    expect(newer?.audit.churned).toBe(3);
  });

  it('segments by plan run the retention report on each customer mask', async () => {
    const w = make();
    const ws = await w.createWorkspace({ name: 'Shop' });
    await importText(w, ws.id, 'subs.csv', SUBS);
    await importText(w, ws.id, 'customers.csv', 'customer_id,plan\nA,Basic\nB,Basic\nC,Pro\nD,Pro\nE,Pro\n');
    const s = (await w.segmentComparison({ workspaceId: ws.id, key: 'plan', params: { period: 'month', windowDays: 90 }, jobId: 1 }))!;
    expect(s.segments.map((g) => [g.value.label, g.customers, g.churned])).toEqual([['Pro', 3, 1], ['Basic', 2, 2]]);
    await expect(w.segmentComparison({ workspaceId: ws.id, key: 'shoe', params: { period: 'month', windowDays: 90 }, jobId: 2 })).rejects.toThrow('segmentComparison: no attribute shoe');
  });

  it('refuses taxonomy edits a backup could smuggle in with a bad shape', async () => {
    const w = make();
    const ws = await w.createWorkspace({ name: 'Shop' });
    await expect(w.updateWorkspaceSettings({ workspaceId: ws.id, patch: { reasonEdits: { version: -1, assign: {}, renames: {}, avoidable: {}, log: [] } } })).rejects.toThrow('The churn-reason categories cannot be stored.');
  });
});
