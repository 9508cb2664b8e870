import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { MISSING_CODE, MISSING_DAY, type Table } from '../../../src/core/table.ts';
import type { ParsedFile } from '../../../src/ingest/types.ts';
import { ANALYSIS_OMIT_COLUMNS, commitImport, createWorkspace, loadWorkspaceTables, workspaceSummary } from '../../../src/storage/index.ts';
import { META, day, ordersFile } from './fixtures.ts';
import { resetDb } from './reset.ts';

beforeEach(resetDb);

function customersFile(ids: string[], plans: Array<string | null>): ParsedFile {
  const dict = [...new Set(plans.filter((p): p is string => p !== null))];
  const table: Table = {
    length: ids.length,
    columns: {
      customer_id: { type: 'dict', dict: ids, codes: Uint32Array.from(ids.map((_, i) => i)) },
      signup_date: { type: 'day', data: Int32Array.from(ids.map((_, i) => (i === 0 ? MISSING_DAY : day('2023-12-01') + i))) },
      plan: { type: 'dict', dict, codes: Uint32Array.from(plans.map((p) => (p === null ? MISSING_CODE : dict.indexOf(p)))) },
    },
  };
  return { ...ordersFile([]), kind: 'customers', table, keys: ids, customers: ids.length, firstDay: null, lastDay: null };
}

describe('loadWorkspaceTables', () => {
  it('round-trips typed arrays and dictionaries exactly, merging dictionaries across imports', async () => {
    const w = await createWorkspace('W');
    const f1 = ordersFile([['o1', '00123', '2024-01-02', 10.1], ['o2', 'Čebelar', '2024-01-03', NaN]]);
    await commitImport(w.id, f1, META);
    await commitImport(w.id, ordersFile([['o3', 'Čebelar', '2024-02-29', -3.25]]), { ...META, sha256: '11'.repeat(32) });
    const { orders, customers } = await loadWorkspaceTables(w.id);
    expect(customers).toBeUndefined();
    expect(orders!.length).toBe(3);
    const c = orders!.columns;
    expect(c.customer_id).toEqual({ type: 'dict', dict: ['00123', 'Čebelar'], codes: Uint32Array.of(0, 1, 1) });
    expect(c.date).toEqual({ type: 'day', data: Int32Array.of(19724, 19725, 19782), time: Int32Array.of(-1, -1, -1) });
    expect(c.amount.type).toBe('num');
    expect(c.amount.type === 'num' && c.amount.data).toBeInstanceOf(Float64Array);
    expect(c.amount.type === 'num' && Array.from(c.amount.data)).toEqual([10.1, NaN, -3.25]);
  });

  it('leaves out the columns analyses do not read (order ids) when asked', async () => {
    const w = await createWorkspace('W');
    await commitImport(w.id, ordersFile([['o1', 'a', '2024-01-02', 1], ['o2', 'b', '2024-01-03', 2]]), META);
    const all = (await loadWorkspaceTables(w.id)).orders!;
    const lean = (await loadWorkspaceTables(w.id, { omitColumns: ANALYSIS_OMIT_COLUMNS })).orders!;
    expect(Object.keys(all.columns).sort()).toEqual(['amount', 'customer_id', 'date', 'order_id']);
    expect(Object.keys(lean.columns).sort()).toEqual(['amount', 'customer_id', 'date']);
    expect(lean.columns.customer_id).toEqual(all.columns.customer_id);
  });

  it('keeps missing codes and days, and kinds apart', async () => {
    const w = await createWorkspace('W');
    await commitImport(w.id, customersFile(['a', 'b', 'c'], ['pro', null, 'pro']), { ...META, sha256: '22'.repeat(32) });
    await commitImport(w.id, ordersFile([['o1', 'a', '2024-01-02', 1]]), META);
    const t = await loadWorkspaceTables(w.id);
    expect(Object.keys(t).sort()).toEqual(['customers', 'orders']);
    expect(t.customers!.columns.plan).toEqual({ type: 'dict', dict: ['pro'], codes: Uint32Array.of(0, MISSING_CODE, 0) });
    expect(t.customers!.columns.signup_date).toEqual({ type: 'day', data: Int32Array.of(MISSING_DAY, 19693, 19694) });
  });

  it('gives an empty object for an empty workspace', async () => {
    const w = await createWorkspace('W');
    expect(await loadWorkspaceTables(w.id)).toEqual({});
  });
});

describe('workspaceSummary', () => {
  it('counts distinct customers across kinds, rows, span and revenue', async () => {
    const w = await createWorkspace('W');
    await commitImport(w.id, ordersFile([['o1', 'a', '2024-01-02', 0.1], ['o2', 'x', '2024-03-05', 0.2], ['o3', 'a', '2023-12-31', -0.05]]), META);
    await commitImport(w.id, customersFile(['a', 'b', 'c'], ['pro', null, 'pro']), { ...META, sha256: '22'.repeat(32) });
    const s = await workspaceSummary(w.id);
    // Customers: a, x (orders) + b, c (customers file) = 4.
    expect(s.customers).toBe(4);
    expect(s.imports).toBe(2);
    expect(s.byKind.orders).toEqual({ rows: 3, firstDay: day('2023-12-31'), lastDay: day('2024-03-05'), revenue: 0.25, amountRows: 3 });
    // Signup days: missing, 2023-12-02, 2023-12-03.
    expect(s.byKind.customers).toEqual({ rows: 3, firstDay: day('2023-12-02'), lastDay: day('2023-12-03') });
  });

  it('sums amounts with compensation (1 + 1e100 + 1 - 1e100 = 2)', async () => {
    const w = await createWorkspace('W');
    // Naive left-to-right summation gives 0 here; the true sum is 2.
    await commitImport(w.id, ordersFile([['o1', 'a', '2024-01-01', 1], ['o2', 'a', '2024-01-01', 1e100], ['o3', 'a', '2024-01-01', 1], ['o4', 'a', '2024-01-01', -1e100]]), META);
    expect((await workspaceSummary(w.id)).byKind.orders?.revenue).toBe(2);
  });
});
