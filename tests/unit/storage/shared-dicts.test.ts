/**
 * The chunks of one import share each column's dictionary (column-codec.ts): chunk 0 stores it,
 * later chunks store codes into it. Everything that reads chunks back must give the same rows as
 * before: opening the workspace, its summary, re-import planning (unchanged rows and updates in a
 * later chunk), removing an import, a backup, and chunks stored in the older layout (a dictionary
 * in every chunk).
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Table } from '../../../src/core/table.ts';
import { db } from '../../../src/storage/db.ts';
import {
  commitImport, createWorkspace, encodeColumns, exportWorkspace, listWorkspaces, loadWorkspaceTables, previewCommit, removeImport, restoreWorkspace, workspaceSummary,
} from '../../../src/storage/index.ts';
import type { ChunkRecord } from '../../../src/storage/entities.ts';
import { META, ordersFile } from './fixtures.ts';
import { resetDb } from './reset.ts';

beforeEach(resetDb);

/** 70,000 orders of customers c0..c999 (two chunks), amounts = row number; `shift` renumbers the orders. */
function bigFile(shift = 0, amount = (i: number) => i): ReturnType<typeof ordersFile> {
  return ordersFile(Array.from({ length: 70_000 }, (_, i): [string, string, string, number] => [`o${i + shift}`, `c${(i * 7919) % 1000}`, `2024-0${1 + (i % 9)}-15`, amount(i)]));
}

/** The rows of a table as [order_id?, customer_id, amount] strings, sorted. */
function rowsOf(t: Table | undefined, withIds = true): string[] {
  if (!t) return [];
  const cust = t.columns.customer_id as { dict: string[]; codes: Uint32Array };
  const ids = t.columns.order_id as { dict: string[]; codes: Uint32Array } | undefined;
  const amount = t.columns.amount as { data: Float64Array };
  return Array.from({ length: t.length }, (_, r) => `${withIds && ids ? ids.dict[ids.codes[r]] : ''}|${cust.dict[cust.codes[r]]}|${amount.data[r]}`).sort();
}

describe('shared dictionaries across the chunks of an import', () => {
  it('stores each dictionary once (chunk 0) and reads every row back', async () => {
    const w = await createWorkspace('W');
    await commitImport(w.id, bigFile(), META);
    const chunks = (await db.chunks.toArray()).sort((a, b) => a.seq - b.seq);
    expect(chunks.map((c) => [c.seq, c.columns.customer_id.type, c.columns.order_id.type])).toEqual([[0, 'dictPacked', 'dictPacked'], [1, 'dictShared', 'dictShared']]);
    expect(chunks[0].columns.customer_id).toMatchObject({ size: 1000 });
    const t = (await loadWorkspaceTables(w.id)).orders!;
    expect(rowsOf(t)).toEqual(rowsOf(bigFile().table));
    // The merged dictionary holds each customer once.
    expect((t.columns.customer_id as { dict: string[] }).dict.length).toBe(1000);
    const s = await workspaceSummary(w.id);
    expect([s.customers, s.byKind.orders?.rows]).toEqual([1000, 70_000]);
  });

  it('plans a re-import against a later chunk: unchanged rows are dropped, a changed amount is an update', async () => {
    const w = await createWorkspace('W');
    await commitImport(w.id, bigFile(), META);
    expect(await previewCommit(w.id, bigFile())).toMatchObject({ added: 0, updated: 0, unchanged: 70_000 });
    // Rows 69,990.. sit in chunk 1 (a shared-dictionary chunk): their amounts change.
    const changed = bigFile(0, (i) => (i >= 69_990 ? i + 0.5 : i));
    const plan = await previewCommit(w.id, changed);
    expect(plan).toMatchObject({ added: 0, updated: 10, unchanged: 69_990 });
    expect(plan.changes[0]).toMatchObject({ key: 'o69990', fields: [{ field: 'amount' }] });
    await commitImport(w.id, changed, { ...META, sha256: 'cd'.repeat(32) });
    const t = (await loadWorkspaceTables(w.id)).orders!;
    expect(rowsOf(t)).toEqual(rowsOf(changed.table));
  });

  it('merges two imports (different customers and orders) and removes one again', async () => {
    const w = await createWorkspace('W');
    await commitImport(w.id, bigFile(), META);
    const other = ordersFile(Array.from({ length: 66_000 }, (_, i): [string, string, string, number] => [`x${i}`, `d${i % 50}`, '2024-03-01', -i]));
    const second = await commitImport(w.id, other, { ...META, sha256: 'ef'.repeat(32) });
    const both = (await loadWorkspaceTables(w.id)).orders!;
    expect(rowsOf(both)).toEqual([...rowsOf(bigFile().table), ...rowsOf(other.table)].sort());
    expect((await workspaceSummary(w.id)).customers).toBe(1050);
    await removeImport(second.id);
    expect(rowsOf((await loadWorkspaceTables(w.id)).orders)).toEqual(rowsOf(bigFile().table));
  });

  it('survives a backup and restore', async () => {
    const w = await createWorkspace('W');
    await commitImport(w.id, bigFile(), META);
    const file = await exportWorkspace(w.id);
    await resetDb();
    await restoreWorkspace(file);
    const [restored] = await listWorkspaces();
    expect(rowsOf((await loadWorkspaceTables(restored.id)).orders)).toEqual(rowsOf(bigFile().table));
  });

  it('reads chunks of the older layout (a dictionary of their own in every chunk) beside new ones', async () => {
    const w = await createWorkspace('W');
    await commitImport(w.id, bigFile(), META);
    // Rewrite the import's chunks as the older code stored them: each chunk's own compact dictionaries.
    const whole = bigFile().table;
    const own = (a: number, b: number): Table['columns'] => {
      const out: Table['columns'] = {};
      for (const [name, c] of Object.entries(whole.columns)) {
        if (c.type !== 'dict') out[name] = c.type === 'num' ? { type: 'num', data: c.data.slice(a, b) } : { type: 'day', data: c.data.slice(a, b) };
        else {
          const dict: string[] = [];
          const at = new Map<string, number>();
          const codes = Uint32Array.from(c.codes.subarray(a, b), (code) => {
            const s = c.dict[code];
            if (!at.has(s)) at.set(s, dict.push(s) - 1);
            return at.get(s)!;
          });
          out[name] = { type: 'dict', dict, codes };
        }
      }
      return out;
    };
    const stored = (await db.chunks.toArray()) as (ChunkRecord & { id: number })[];
    for (const c of stored) {
      const [a, b] = c.seq === 0 ? [0, 65_536] : [65_536, 70_000];
      await db.chunks.put({ ...c, columns: encodeColumns(own(a, b)) });
    }
    expect((await db.chunks.toArray()).map((c) => c.columns.customer_id.type)).toEqual(['dictPacked', 'dictPacked']);
    expect(rowsOf((await loadWorkspaceTables(w.id)).orders)).toEqual(rowsOf(whole));
    expect(await previewCommit(w.id, bigFile())).toMatchObject({ added: 0, unchanged: 70_000 });
    expect((await workspaceSummary(w.id)).customers).toBe(1000);
  });
});
