import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/storage/db.ts';
import {
  QUOTA_MESSAGE,
  commitImport,
  commitTestHooks,
  createWorkspace,
  findImportBySha,
  listImports,
  loadWorkspaceTables,
  removeImport,
  decodeColumn,
  ChunkDecoder,
  chunkKeys,
  joinKeys,
} from '../../../src/storage/index.ts';
import { META, day, ordersFile } from './fixtures.ts';
import { countsOf, resetDb } from './reset.ts';

beforeEach(resetDb);
afterEach(() => {
  commitTestHooks.afterChunks = undefined;
});

const ROWS: Array<[string, string, string, number]> = [
  ['o1', 'c1', '2024-01-02', 10],
  ['o2', 'c2', '2024-01-03', 5.5],
  ['o3', 'c1', '2024-02-01', 7],
];

describe('commitImport', () => {
  it('writes one chunk and a ledger record', async () => {
    const w = await createWorkspace('W');
    const rec = await commitImport(w.id, ordersFile(ROWS), META);
    expect(rec).toMatchObject({
      workspaceId: w.id, kind: 'orders', fileName: 'orders.csv', status: 'committed',
      rows: 3, duplicates: 0, skippedInvalid: 1, recordsRead: 4, lineItemsRolledUp: 0,
      firstDay: day('2024-01-02'), lastDay: day('2024-02-01'), customers: 2, headers: META.headers, mapping: META.mapping,
    });
    const chunks = await db.chunks.toArray();
    expect(chunks).toHaveLength(1);
    // The keys are the order ids: the chunk names its order_id column instead of storing them twice.
    expect(chunks[0]).toMatchObject({ importId: rec.id, seq: 0, length: 3, keys: '', keysColumn: 'order_id' });
    expect(chunkKeys(chunks[0])).toEqual(['o1', 'o2', 'o3']);
  });

  it('stores the keys themselves when they are not the order ids (an order id shared by two customers)', async () => {
    const w = await createWorkspace('W');
    const file = ordersFile(ROWS);
    await commitImport(w.id, { ...file, keys: ['o1', 'o2\u001fc1', 'o3'] }, META);
    const [chunk] = await db.chunks.toArray();
    expect(chunk.keysColumn).toBeUndefined();
    expect(chunk.keys).toBe(joinKeys(['o1', 'o2\u001fc1', 'o3']));
    expect(chunkKeys(chunk)).toEqual(['o1', 'o2\u001fc1', 'o3']);
  });

  it('reads chunks saved before keysColumn existed (keys joined in the record): same tables, same dedupe', async () => {
    const w = await createWorkspace('W');
    await commitImport(w.id, ordersFile(ROWS), META);
    const before = await loadWorkspaceTables(w.id);
    // Rewrite the chunk as the previous version stored it.
    const [chunk] = await db.chunks.toArray();
    const { keysColumn: _named, ...old } = chunk;
    await db.chunks.put({ ...old, keys: joinKeys(['o1', 'o2', 'o3']) });
    expect((await db.chunks.toArray())[0]).not.toHaveProperty('keysColumn');
    expect(await loadWorkspaceTables(w.id)).toEqual(before);
    expect(await commitImport(w.id, ordersFile(ROWS), META)).toMatchObject({ rows: 0, duplicates: 3 });
    const overlap = await commitImport(w.id, ordersFile([ROWS[2], ['o4', 'c3', '2024-03-01', 1]]), { ...META, sha256: 'cd'.repeat(32) });
    expect(overlap).toMatchObject({ rows: 1, duplicates: 1 });
  });

  it('re-importing the same rows adds nothing; new rows in an overlapping file are added', async () => {
    const w = await createWorkspace('W');
    await commitImport(w.id, ordersFile(ROWS), META);
    const again = await commitImport(w.id, ordersFile(ROWS), META);
    expect(again).toMatchObject({ rows: 0, duplicates: 3 });
    expect(await countsOf(w.id)).toMatchObject({ imports: 2, chunks: 1 });
    const overlap = await commitImport(w.id, ordersFile([ROWS[2], ['o4', 'c3', '2024-03-01', 1]]), { ...META, sha256: 'cd'.repeat(32) });
    expect(overlap).toMatchObject({ rows: 1, duplicates: 1 });
    const t = (await loadWorkspaceTables(w.id)).orders!;
    expect(t.length).toBe(4);
    const ids = t.columns.order_id;
    expect(ids.type === 'dict' && Array.from(ids.codes, (c) => ids.dict[c])).toEqual(['o1', 'o2', 'o3', 'o4']);
  });

  it('keeps dedupe per workspace: the same rows go into another workspace', async () => {
    const a = await createWorkspace('A');
    const b = await createWorkspace('B');
    await commitImport(a.id, ordersFile(ROWS), META);
    expect((await commitImport(b.id, ordersFile(ROWS), META)).rows).toBe(3);
  });

  it('splits more than 65,536 rows into chunks', async () => {
    const w = await createWorkspace('W');
    const rows = Array.from({ length: 65_540 }, (_, i): [string, string, string, number] => [`o${i}`, `c${i % 7}`, '2024-05-01', i]);
    const rec = await commitImport(w.id, ordersFile(rows), META);
    expect(rec.rows).toBe(65_540);
    const chunks = await db.chunks.orderBy('id').toArray();
    const decoder = new ChunkDecoder(chunks);
    expect(chunks.map((c) => [c.seq, c.length, chunkKeys(c, decoder).length])).toEqual([[0, 65_536, 65_536], [1, 4, 4]]);
    expect(chunkKeys(chunks[1], decoder)).toEqual(['o65536', 'o65537', 'o65538', 'o65539']);
    // The chunks share the import's dictionaries: chunk 0 holds the customer ids packed into one
    // string, chunk 1 only its codes into them (rows 65536..65539: c2..c5, as 65536 = 7 x 9362 + 2).
    expect(chunks[0].columns.customer_id).toMatchObject({ type: 'dictPacked', packed: 'c0\u0000c1\u0000c2\u0000c3\u0000c4\u0000c5\u0000c6', size: 7 });
    expect(chunks[1].columns.customer_id).toEqual({ type: 'dictShared', codes: Uint32Array.of(2, 3, 4, 5) });
    const cust = decoder.columns(chunks[1]).customer_id;
    expect(cust.type === 'dict' && Array.from(cust.codes, (c) => cust.dict[c])).toEqual(['c2', 'c3', 'c4', 'c5']);
    // Both chunks decode to the one dictionary array, so opening the workspace merges it once.
    expect(cust.type === 'dict' && cust.dict).toBe((decoder.columns(chunks[0]).customer_id as { dict: string[] }).dict);
    // A chunk that refers to a first chunk nobody read is a damaged record, not a silent gap.
    expect(() => decodeColumn(chunks[1].columns.customer_id)).toThrow('missing');
  });

  it('a failure after the chunk writes leaves no chunk and no import (rollback)', async () => {
    const w = await createWorkspace('W');
    commitTestHooks.afterChunks = () => {
      throw new Error('boom');
    };
    await expect(commitImport(w.id, ordersFile(ROWS), META)).rejects.toMatchObject({ code: 'internal', message: 'Internal storage error: boom' });
    expect(await db.chunks.count()).toBe(0);
    expect(await db.imports.count()).toBe(0);
  });

  it('a failed import leaves the earlier imports as they were', async () => {
    const w = await createWorkspace('W');
    const first = await commitImport(w.id, ordersFile(ROWS.slice(0, 1)), META);
    commitTestHooks.afterChunks = () => {
      throw new Error('boom');
    };
    await expect(commitImport(w.id, ordersFile(ROWS), { ...META, sha256: '99'.repeat(32) })).rejects.toMatchObject({ code: 'internal' });
    expect((await db.imports.toArray()).map((i) => i.id)).toEqual([first.id]);
    expect((await db.chunks.toArray()).map((c) => chunkKeys(c))).toEqual([['o1']]);
  });

  it('a quota error inside the transaction rolls back and gives the quota message', async () => {
    const w = await createWorkspace('W');
    commitTestHooks.afterChunks = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    await expect(commitImport(w.id, ordersFile(ROWS), META)).rejects.toMatchObject({ code: 'quota', message: QUOTA_MESSAGE });
    expect(await db.chunks.count()).toBe(0);
  });

  it('refuses unknown workspaces and files with a fatal problem, writing nothing', async () => {
    await expect(commitImport('missing', ordersFile(ROWS), META)).rejects.toMatchObject({ code: 'not-found' });
    const w = await createWorkspace('W');
    const fatal = { ...ordersFile(ROWS), fatal: { severity: 'fatal' as const, code: 'empty-file', message: 'The file is empty.' } };
    await expect(commitImport(w.id, fatal, META)).rejects.toMatchObject({ code: 'invalid-file', message: 'The file is empty.' });
    expect(await db.chunks.count()).toBe(0);
    expect(await db.imports.count()).toBe(0);
  });
});

describe('ledger', () => {
  it('finds by sha, lists newest first, removes an import with its chunks', async () => {
    const w = await createWorkspace('W');
    const first = await commitImport(w.id, ordersFile(ROWS), META);
    const second = await commitImport(w.id, ordersFile([['o9', 'c9', '2024-06-01', 3]]), { ...META, fileName: 'june.csv', sha256: 'ef'.repeat(32) });
    expect((await findImportBySha(w.id, 'ef'.repeat(32)))?.id).toBe(second.id);
    expect(await findImportBySha(w.id, '00'.repeat(32))).toBeUndefined();
    expect((await listImports(w.id)).map((i) => i.fileName)).toEqual(['june.csv', 'orders.csv']);
    await removeImport(first.id);
    expect((await listImports(w.id)).map((i) => i.id)).toEqual([second.id]);
    expect((await db.chunks.toArray()).map((c) => c.importId)).toEqual([second.id]);
    // The removed rows are no longer duplicates: importing them again adds them.
    expect((await commitImport(w.id, ordersFile(ROWS), META)).rows).toBe(3);
  });
});
