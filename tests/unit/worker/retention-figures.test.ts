/**
 * The retention report at the worker boundary (issue #13 item 3): the page gets the figures, and
 * their size does not grow with the number of customers (no customer ids, bitsets or member
 * lists); the customers behind a count come from `receiptMembers`, the same ones the full report
 * lists; the page's receipts list exactly the groups whose inputs carry members in the full report.
 */
import { readFileSync } from 'node:fs';
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { inspectFile, parseFile } from '../../../src/ingest/index.ts';
import { MRR_MOVEMENTS } from '../../../src/core/retention/mrr.ts';
import { countReceipt, crrReceipt, mrrReceipt, periodChurnReceipt, periodMembers, type PeriodSet } from '../../../src/core/retention/report-receipts.ts';
import type { Receipt, RetentionParams, RetentionReport } from '../../../src/core/retention/report-types.ts';
import { toReceipt } from '../../../src/lib/retention-receipts.ts';
import { retentionApi } from '../../../src/worker/retention-api.ts';
import { createWorkerContext } from '../../../src/worker/worker-context.ts';
import { WorkspaceTableCache, type WorkspaceTables } from '../../../src/worker/workspace-cache.ts';
import type { RetentionFigures } from '../../../src/worker/contract.ts';

async function tablesOf(files: readonly { name: string; text: string }[]): Promise<WorkspaceTables> {
  const out: WorkspaceTables = {};
  for (const f of files) {
    const bytes = new TextEncoder().encode(f.text);
    const i = await inspectFile(bytes, f.name);
    out[i.kind] = (await parseFile(bytes, { dialect: i.dialect, kind: i.kind, mapping: i.mapping })).table;
  }
  return out;
}

const apiOver = (tables: WorkspaceTables) => retentionApi(createWorkerContext(new WorkspaceTableCache(async () => tables)));

/** `customers` customers with 1-5 orders each, 2023-2024, deterministic (a linear congruential generator). */
function ordersCsv(customers: number): string {
  let seed = 12345;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const lines = ['order_id,customer_id,order_date,amount'];
  let n = 0;
  for (let c = 1; c <= customers; c++) {
    const orders = 1 + Math.floor(next() * 5);
    for (let o = 0; o < orders; o++) {
      const day = new Date(Date.UTC(2023, 0, 1) + Math.floor(next() * 730) * 86_400_000).toISOString().slice(0, 10);
      lines.push(`O${++n},C${c},${day},${(5 + next() * 100).toFixed(2)}`);
    }
  }
  return lines.join('\n') + '\n';
}

/** The longest array (or typed array) anywhere in a value. */
function longestArray(x: unknown): number {
  if (ArrayBuffer.isView(x)) return (x as unknown as { length: number }).length;
  if (Array.isArray(x)) return x.reduce((m: number, v) => Math.max(m, longestArray(v)), x.length);
  if (x !== null && typeof x === 'object') return Object.values(x).reduce((m: number, v) => Math.max(m, longestArray(v)), 0);
  return 0;
}

const MONTH: RetentionParams = { period: 'month', windowDays: 90 };

describe('the retention response to the page', () => {
  it('does not grow with the number of customers: the same report for 1k and 20k customers', async () => {
    const sizes: number[] = [];
    for (const customers of [1_000, 20_000]) {
      const figures = await apiOver(await tablesOf([{ name: 'orders.csv', text: ordersCsv(customers) }])).retention({ workspaceId: 'w', params: MONTH, jobId: 1 });
      expect(figures?.customerCount).toBe(customers);
      // No list with one entry per customer (ids, bitsets, member lists, each customer's cohort):
      // the longest are the survival and repurchase curves, at most one point per day of 2023-2024.
      expect(longestArray(figures)).toBeLessThanOrEqual(731);
      sizes.push(serialize(figures).length);
    }
    // 20x the customers; the figures differ only in the survival and repurchase curves' points.
    expect(sizes[1] / sizes[0]).toBeLessThan(1.5);
  });

  it('lists the same customers as the full report, for every count a receipt shows', async () => {
    const sample = (name: string) => ({ name, text: readFileSync(`public/sample/${name}`, 'utf8') });
    const api = apiOver(await tablesOf([sample('orders.csv'), sample('subscriptions.csv'), sample('churn.csv')]));
    for (const source of ['orders', 'subscriptions'] as const) {
      const params: RetentionParams = { ...MONTH, source };
      const figures = (await api.retention({ workspaceId: 'w', params, jobId: 1 }))!;
      const full = await api.retentionExport({ workspaceId: 'w', params });
      const ids = (members: readonly number[]) => members.map((m) => full.customers[m]);
      const ask = (query: Parameters<typeof api.receiptMembers>[0]['query']) => api.receiptMembers({ ...figures.request, query });
      expect(figures.customerCount).toBe(full.customers.length);
      const sets: PeriodSet[] = ['start', 'end', 'retained', 'lost', 'reactivated', 'new', 'newLost'];
      for (const j of [0, Math.floor(full.periods.length / 2), full.periods.length - 1]) {
        for (const set of sets) expect(await ask({ period: j, set })).toEqual(ids(periodMembers(full, j, set)));
      }
      expect(await ask({ now: true })).toEqual(ids(full.kpis.customersNow.receipt.inputs[0].members!));
      if (source === 'subscriptions') {
        expect(full.mrr?.length).toBeGreaterThan(0);
        const j = full.mrr!.length - 1;
        for (const movement of MRR_MOVEMENTS) expect(await ask({ mrr: j, movement })).toEqual(ids(full.mrr![j].members[movement]));
      }
      expectSameGroups(full, figures);
    }
  });
});

/**
 * Every receipt the page opens lists, on demand, exactly the inputs that carry members in the
 * full report, with their counts (the KPIs, the definitions, and the period table's receipts
 * built on the page from the figures).
 */
function expectSameGroups(full: RetentionReport, figures: RetentionFigures): void {
  const pairs: [Receipt, Receipt | Parameters<typeof toReceipt>[0]][] = [];
  for (const key of ['customersNow', 'crr', 'exact', 'churnRate', 'nrr', 'grr', 'medianLifetime'] as const) {
    const k = full.kpis[key];
    if (k) pairs.push([k.receipt, figures.kpis[key]!.receipt]);
  }
  full.definitions?.rows.forEach((row, i) => pairs.push([row.receipt, figures.definitions!.rows[i].receipt]));
  const j = full.periods.length - 2;
  pairs.push([crrReceipt(full, j), crrReceipt(figures, j)]);
  pairs.push([periodChurnReceipt(full, j, 'B')!, periodChurnReceipt(figures, j, 'B')!]);
  for (const set of ['N', 'lost', 'reactivated', 'newLost', 'S'] as const) pairs.push([countReceipt(full, j, set), countReceipt(figures, j, set)]);
  if (full.mrr?.length) pairs.push([mrrReceipt(full, full.mrr.length - 1, 'nrr')!, mrrReceipt(figures, full.mrr.length - 1, 'nrr')!]);
  expect(pairs.length).toBeGreaterThan(8);
  for (const [f, p] of pairs) {
    const withMembers = f.inputs.filter((i) => i.members !== undefined);
    const groups = toReceipt(p, figures, { key: 'k', title: 't', locale: 'en', currency: 'EUR' }).groups;
    expect(groups.map((g) => g.code), f.figure).toEqual(withMembers.map((i) => i.symbol));
    expect(groups.map((g) => g.count)).toEqual(withMembers.map((i) => i.members!.length));
    // The figures' receipts carry no customer numbers.
    expect(p.inputs.some((i) => 'members' in i)).toBe(false);
  }
}
