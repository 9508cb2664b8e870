import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { combineApis } from '../../../src/worker/app.ts';
import { importApi } from '../../../src/worker/import-api.ts';
import { satisfactionApi } from '../../../src/worker/satisfaction-api.ts';
import { createWorkerContext } from '../../../src/worker/worker-context.ts';
import { workspaceApi } from '../../../src/worker/workspace-api.ts';
import { day } from '../core/retention/fixtures.ts';
import { resetDb } from '../storage/reset.ts';

beforeEach(resetDb);

const make = () => {
  const ctx = createWorkerContext();
  return combineApis(importApi(ctx), workspaceApi(ctx), satisfactionApi(ctx));
};
// The hand-computed files of tests/unit/cli/satisfaction.test.ts (tests/unit/core/referrals/fixtures.ts as CSV).
const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../cli/fixtures/${name}`, import.meta.url)), 'utf8');

async function importText(w: ReturnType<typeof make>, workspaceId: string, name: string) {
  const file = new Blob([fixture(name)]);
  const i = await w.inspect({ file, fileName: name, workspaceId });
  const p = await w.prepareImport({ workspaceId, file, fileName: name, dialect: i.dialect, kind: i.kind, mapping: i.mapping });
  expect(p.fatal, `${name}: ${p.fatal?.message}`).toBeUndefined();
  await w.commitImport({ token: p.token, skipInvalid: false });
}

async function shop(w: ReturnType<typeof make>) {
  const ws = await w.createWorkspace({ name: 'Shop' });
  for (const f of ['referral-orders.csv', 'referrals.csv', 'feedback.csv']) await importText(w, ws.id, f);
  return ws.id;
}

const asOf = day('2024-06-30');

describe('satisfaction feature module, in Node with fake-indexeddb', () => {
  it('reports NPS, referrals and returning vs new from the stored workspace', async () => {
    const w = make();
    const id = await shop(w);
    expect(await w.satisfactionData({ workspaceId: id })).toEqual({ feedback: true, referrals: true, orderAmounts: true });
    const s = (await w.satisfactionReport({ workspaceId: id, windowDays: 30, asOf, jobId: 1 }))!;
    expect(s.overall.nps).toMatchObject({ promoters: 3, detractors: 1, nps: 50 });
    expect(s.recentDetractors.rows.map((r) => [r.id, r.score, r.comment])).toEqual([['A2', 6, 'Trop cher']]);
    const r = (await w.referralReport({ workspaceId: id, windowDays: 30, asOf, jobId: 1 }))!;
    expect(r.rate).toMatchObject({ active: 5, referrers: 2, rate: 40, band: 3 });
    expect(r.conversion.days.median).toBe(11.5);
    const t = (await w.returningReport({ workspaceId: id, period: 'month', jobId: 1 }))!;
    expect(t.periods.map((p) => p.period)).toEqual(['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06']);
  });

  it('lists with customer ids: recent detractors, the comment search, promoters to ask, top referrers; the ids of a list', async () => {
    const w = make();
    const id = await shop(w);
    const req = { workspaceId: id, windowDays: 30, asOf, jobId: 1 };
    const comments = (await w.satisfactionList({ ...req, query: { list: 'comments', filter: { text: 'TRES' } } }))!;
    expect(comments.list).toBe('comments');
    expect(comments.rows.map((row) => row.id)).toEqual(['A1']);
    const promoters = (await w.satisfactionList({ ...req, jobId: 2, query: { list: 'promoters-to-ask' } }))!;
    expect(promoters.rows.map((row) => [row.id, 'active' in row ? row.active : undefined])).toEqual([['A1', true], ['A3', true]]);
    const top = (await w.satisfactionList({ ...req, jobId: 3, query: { list: 'top-referrers', top: 2 } }))!;
    expect(top.rows.map((row) => row.id)).toEqual(['R1', 'R2']);
    expect(await w.satisfactionListIds({ ...req, query: { list: 'recent-detractors', days: 365 } })).toEqual(['A2']);
    expect(await w.satisfactionListIds({ ...req, query: { list: 'comments', filter: { maxScore: 10 } } })).toEqual(['A2', 'A1']);
  });

  it('a superseded request returns null', async () => {
    const w = make();
    const id = await shop(w);
    const [older, newer] = await Promise.all([
      w.satisfactionReport({ workspaceId: id, windowDays: 30, jobId: 1 }),
      w.satisfactionReport({ workspaceId: id, windowDays: 30, jobId: 2 }),
    ]);
    expect(older).toBeNull();
    expect(newer?.overall.answers).toBe(4);
    const [a, b] = await Promise.all([w.referralReport({ workspaceId: id, windowDays: 30, jobId: 5 }), w.referralReport({ workspaceId: id, windowDays: 30, jobId: 6 })]);
    expect([a, b?.referrals]).toEqual([null, 5]);
  });

  it('a workspace without the data says so with a code', async () => {
    const w = make();
    const ws = await w.createWorkspace({ name: 'Orders only' });
    await importText(w, ws.id, 'returning-orders.csv');
    expect(await w.satisfactionData({ workspaceId: ws.id })).toEqual({ feedback: false, referrals: false, orderAmounts: true });
    await expect(w.satisfactionReport({ workspaceId: ws.id, windowDays: 30, jobId: 1 })).rejects.toMatchObject({ code: 'no-feedback' });
    await expect(w.referralReport({ workspaceId: ws.id, windowDays: 30, jobId: 1 })).rejects.toMatchObject({ code: 'no-referrals' });
    const t = (await w.returningReport({ workspaceId: ws.id, period: 'month', jobId: 1 }))!;
    expect(t.uplift.spendPerCustomer.percentMore).toBeCloseTo(-58.6207, 3);
  });
});
