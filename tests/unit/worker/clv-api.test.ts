import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import * as Comlink from 'comlink';
import { beforeEach, describe, expect, it } from 'vitest';
import { combineApis } from '../../../src/worker/app.ts';
import { clvApi } from '../../../src/worker/clv-api.ts';
import { importApi } from '../../../src/worker/import-api.ts';
import { createWorkerContext } from '../../../src/worker/worker-context.ts';
import { workspaceApi } from '../../../src/worker/workspace-api.ts';
import { resetDb } from '../storage/reset.ts';
import { isoToDay } from '../../../src/core/parse/date.ts';

beforeEach(resetDb);

const make = () => {
  const ctx = createWorkerContext();
  return combineApis(importApi(ctx), workspaceApi(ctx), clvApi(ctx));
};

async function importText(w: ReturnType<typeof make>, workspaceId: string, name: string, text: string) {
  const file = new Blob([text]);
  const i = await w.inspect({ file, fileName: name, workspaceId });
  const p = await w.prepareImport({ workspaceId, file, fileName: name, dialect: i.dialect, kind: i.kind, mapping: i.mapping });
  expect(p.fatal, `${name}: ${p.fatal?.message}`).toBeUndefined();
  await w.commitImport({ token: p.token, skipInvalid: false });
}

// The CDNOW sample as a CSV (tests/unit/cli/fixtures/cdnow-sample.csv; Fader & Hardie's data,
// published values in /work/shared/data/cdnow/reference_values.json).
const CDNOW = readFileSync(new URL('../cli/fixtures/cdnow-sample.csv', import.meta.url), 'utf8');

describe('clv feature module, in Node with fake-indexeddb', () => {
  it('reports CLV with the workspace margin, the hold-out check, and the customers behind a list and an RFM group', async () => {
    const w = make();
    const ws = await w.createWorkspace({ name: 'CDNOW' });
    await importText(w, ws.id, 'cdnow.csv', CDNOW);
    await w.updateWorkspaceSettings({ workspaceId: ws.id, patch: { grossMargin: 0.3 } });
    const req = { workspaceId: ws.id, calibrationEnd: isoToDay('1997-09-30'), jobId: 1 };
    const r = (await w.clvReport(req))!;
    expect(r.params).toMatchObject({ margin: 0.3, horizonMonths: 12, discountYearly: 0.1 });
    expect(Math.abs(r.bgnbd!.r / 0.243 - 1)).toBeLessThan(0.01);
    expect(r.bgnbd!.converged).toBe(true);
    expect(r.holdout!.forecastError!).toBeCloseTo(-0.121, 2);
    const slipping = await w.clvMembers({ report: req, query: { list: 'slipping' } });
    expect(slipping.length).toBe(r.lists.slipping.length);
    expect(slipping[0]).toBe((await w.clvIds({ report: req, customers: [r.lists.slipping[0]] }))[0]);
    const champions = await w.clvMembers({ report: req, query: { rfmGroup: 'champions' } });
    expect(champions.length).toBe(r.rfm.groups.find((g) => g.group === 'champions')!.customers);
    // A fresh worker (a reload) recomputes for the members of a request it has not seen.
    expect((await make().clvMembers({ report: req, query: { list: 'reorder' } })).length).toBe(r.lists.reorder.length);
  }, 60_000);

  it('transfers the per-customer arrays to the page (copies) without the ids, and keeps its own for the members and ids', async () => {
    const w = make();
    const ws = await w.createWorkspace({ name: 'CDNOW' });
    await importText(w, ws.id, 'cdnow.csv', CDNOW);
    // The worker's side of Comlink over a real MessageChannel: what it posts, and what it transfers.
    const { port1, port2 } = new MessageChannel();
    const transferred: number[] = [];
    const post = port1.postMessage.bind(port1);
    port1.postMessage = ((message: unknown, transfer?: Transferable[]) => {
      transferred.push(transfer?.length ?? 0);
      post(message, transfer ?? []);
    }) as typeof port1.postMessage;
    Comlink.expose(w, port1);
    const page = Comlink.wrap<typeof w>(port2);
    try {
      const req = { workspaceId: ws.id, calibrationEnd: isoToDay('1997-09-30'), jobId: 1 };
      const r = (await page.clvReport(req))!;
      // 14 per-customer arrays, 2 lists and the anniversaries' 3 columns moved, not copied by the structured clone; no customer ids.
      expect(transferred.at(-1)).toBe(19);
      const anniversaries = await page.clvMembers({ report: req, query: { list: 'anniversaries' } });
      expect(await page.clvIds({ report: req, customers: Array.from(r.lists.anniversaries.customer) })).toEqual(anniversaries);
      expect([r.lists.anniversaries.day.length, r.lists.anniversaries.years.length]).toEqual([anniversaries.length, anniversaries.length]);
      expect(r.perCustomer.revenue).toBeInstanceOf(Float64Array);
      expect(r.perCustomer.revenue.length).toBe(r.perCustomer.rfmGroup.length);
      expect('ids' in r.perCustomer).toBe(false);
      // The ids of the customers a list shows come from the worker.
      const top = await page.clvIds({ report: req, customers: Array.from(r.lists.slipping.slice(0, 3)) });
      expect(top).toEqual((await page.clvMembers({ report: req, query: { list: 'slipping' } })).slice(0, 3));
      // The worker's own arrays are intact: the customers of a group and a list still come out.
      const champions = r.rfm.groups.find((g) => g.group === 'champions')!.customers;
      expect((await page.clvMembers({ report: req, query: { rfmGroup: 'champions' } })).length).toBe(champions);
      expect((await page.clvMembers({ report: req, query: { list: 'slipping' } })).length).toBe(r.lists.slipping.length);
    } finally {
      port1.close();
      port2.close();
    }
  }, 60_000);

  it('a superseded report returns null', async () => {
    const w = make();
    const ws = await w.createWorkspace({ name: 'Shop' });
    await importText(w, ws.id, 'orders.csv', 'order_id,customer_id,order_date,amount\n1,A,2024-01-01,10\n2,A,2024-02-01,12\n3,B,2024-01-15,30\n');
    const [older, newer] = await Promise.all([w.clvReport({ workspaceId: ws.id, jobId: 1 }), w.clvReport({ workspaceId: ws.id, jobId: 2 })]);
    expect(older).toBeNull();
    expect(newer!.enoughData).toBe(false);
    expect(newer!.guards.map((g) => g.code)).toContain('too-few-repeat-customers');
    await expect(w.clvMembers({ report: { workspaceId: ws.id, jobId: 3 }, query: { key: 'plan', value: 0 } })).rejects.toThrow('clvMembers: no attribute plan');
  });
});
