import { describe, expect, it } from 'vitest';
import { CHUNK_ROWS, chunkRanges, concatTables, filterTable, sliceRows, sliceTable } from '../../../src/core/table-ops.ts';
import { MISSING_CODE, MISSING_DAY, type Column, type Table } from '../../../src/core/table.ts';

// A hand-made 4-row orders table; codes index the dictionaries as written below.
const t4: Table = Object.freeze({
  length: 4,
  columns: Object.freeze<Record<string, Column>>({
    customer_id: { type: 'dict', dict: ['a', 'b', 'c'], codes: Uint32Array.of(0, 1, 0, 2) },
    amount: { type: 'num', data: Float64Array.of(10, 20.5, NaN, 40) },
    date: { type: 'day', data: Int32Array.of(19000, 19001, MISSING_DAY, 19003), time: Int32Array.of(-1, 3600, -1, 60) },
    status: { type: 'dict', dict: ['paid', 'refund'], codes: Uint32Array.of(0, MISSING_CODE, 1, 0) },
  }),
});

describe('chunkRanges', () => {
  it('splits into ranges of at most size rows', () => {
    expect(chunkRanges(5, 2)).toEqual([[0, 2], [2, 4], [4, 5]]);
    expect(chunkRanges(4, 2)).toEqual([[0, 2], [2, 4]]);
    expect(chunkRanges(0, 2)).toEqual([]);
  });
  it('defaults to 65,536-row chunks', () => {
    expect(CHUNK_ROWS).toBe(65536);
    expect(chunkRanges(65537)).toEqual([[0, 65536], [65536, 65537]]);
  });
  it('refuses bad sizes', () => {
    expect(() => chunkRanges(-1, 2)).toThrow(RangeError);
    expect(() => chunkRanges(3, 0)).toThrow(/positive integer size/);
  });
});

describe('sliceRows', () => {
  it('copies the rows of the range and keeps each dictionary whole (the same array)', () => {
    const s = sliceRows(t4, 1, 3);
    expect(s.length).toBe(2);
    const cust = s.columns.customer_id as { dict: string[]; codes: Uint32Array };
    expect(cust.dict).toBe((t4.columns.customer_id as { dict: string[] }).dict);
    expect(cust.codes).toEqual(Uint32Array.of(1, 0));
    expect(Array.from((s.columns.amount as { data: Float64Array }).data)).toEqual([20.5, NaN]);
    expect(s.columns.date).toEqual({ type: 'day', data: Int32Array.of(19001, MISSING_DAY), time: Int32Array.of(3600, -1) });
    expect((s.columns.status as { codes: Uint32Array }).codes).toEqual(Uint32Array.of(MISSING_CODE, 1));
    expect(sliceRows(t4, 3, 10).length).toBe(1);
    expect(sliceRows(t4, 3, 1).length).toBe(0);
  });
});

describe('sliceTable', () => {
  it('copies the rows of the range and compacts dictionaries', () => {
    const s = sliceTable(t4, 1, 3);
    expect(s.length).toBe(2);
    expect(s.columns.customer_id).toEqual({ type: 'dict', dict: ['b', 'a'], codes: Uint32Array.of(0, 1) });
    expect(Array.from((s.columns.amount as { data: Float64Array }).data)).toEqual([20.5, NaN]);
    expect(s.columns.date).toEqual({ type: 'day', data: Int32Array.of(19001, MISSING_DAY), time: Int32Array.of(3600, -1) });
    expect(s.columns.status).toEqual({ type: 'dict', dict: ['refund'], codes: Uint32Array.of(MISSING_CODE, 0) });
  });
  it('gives the same compacted column when every row has its own value in dictionary order (order ids)', () => {
    const ids: Table = Object.freeze({ length: 5, columns: Object.freeze<Record<string, Column>>({ order_id: { type: 'dict', dict: ['o1', 'o2', 'o3', 'o4', 'o5', 'o6'], codes: Uint32Array.of(1, 2, 3, 4, 5) } }) });
    expect(sliceTable(ids, 1, 4).columns.order_id).toEqual({ type: 'dict', dict: ['o3', 'o4', 'o5'], codes: Uint32Array.of(0, 1, 2) });
    expect(sliceTable(ids, 0, 5).columns.order_id).toEqual(filterTable(ids, [1, 1, 1, 1, 1]).columns.order_id);
    const gap: Table = Object.freeze({ length: 3, columns: Object.freeze<Record<string, Column>>({ order_id: { type: 'dict', dict: ['o1', 'o2', 'o3'], codes: Uint32Array.of(0, 2, MISSING_CODE) } }) });
    expect(sliceTable(gap, 0, 3).columns.order_id).toEqual({ type: 'dict', dict: ['o1', 'o3'], codes: Uint32Array.of(0, 1, MISSING_CODE) });
  });

  it('clamps the end and gives an empty table for an empty range', () => {
    expect(sliceTable(t4, 3, 99).length).toBe(1);
    expect(sliceTable(t4, 9, 12).length).toBe(0);
    expect(sliceTable(t4, 3, 1).length).toBe(0);
    const e = sliceTable(t4, 2, 2);
    expect(e.length).toBe(0);
    expect(e.columns.customer_id).toEqual({ type: 'dict', dict: [], codes: new Uint32Array(0) });
  });
  it('does not share memory with the input', () => {
    const s = sliceTable(t4, 0, 2);
    (s.columns.amount as { data: Float64Array }).data[0] = 99;
    expect((t4.columns.amount as { data: Float64Array }).data[0]).toBe(10);
  });
});

describe('filterTable', () => {
  it('keeps the masked rows in order', () => {
    const f = filterTable(t4, Uint8Array.of(0, 1, 0, 1));
    expect(f.length).toBe(2);
    expect(f.columns.customer_id).toEqual({ type: 'dict', dict: ['b', 'c'], codes: Uint32Array.of(0, 1) });
    expect(f.columns.amount).toEqual({ type: 'num', data: Float64Array.of(20.5, 40) });
    expect(f.columns.date).toEqual({ type: 'day', data: Int32Array.of(19001, 19003), time: Int32Array.of(3600, 60) });
  });
  it('accepts boolean arrays and refuses a mask of the wrong length', () => {
    expect(filterTable(t4, [true, false, false, false]).length).toBe(1);
    expect(() => filterTable(t4, [true])).toThrow('filterTable requires a mask of 4 entries, got 1');
  });
});

describe('concatTables', () => {
  it('round-trips a table cut into chunks', () => {
    const parts = chunkRanges(t4.length, 3).map(([a, b]) => sliceTable(t4, a, b));
    expect(parts.map((p) => p.length)).toEqual([3, 1]);
    const back = concatTables(parts);
    expect(back.length).toBe(4);
    expect(back.columns.customer_id).toEqual(t4.columns.customer_id);
    expect(back.columns.status).toEqual(t4.columns.status);
    expect(back.columns.date).toEqual(t4.columns.date);
    expect(Array.from((back.columns.amount as { data: Float64Array }).data)).toEqual([10, 20.5, NaN, 40]);
  });
  it('merges different dictionaries into one', () => {
    const a: Table = { length: 2, columns: { id: { type: 'dict', dict: ['x', 'y'], codes: Uint32Array.of(1, 0) } } };
    const b: Table = { length: 3, columns: { id: { type: 'dict', dict: ['z', 'x'], codes: Uint32Array.of(0, 1, MISSING_CODE) } } };
    const c = concatTables([a, b]);
    // First use order: y (a row 0), x (a row 1), z (b row 0).
    expect(c.columns.id).toEqual({ type: 'dict', dict: ['y', 'x', 'z'], codes: Uint32Array.of(0, 1, 2, 1, MISSING_CODE) });
  });
  it('fills a column one table lacks with missing values', () => {
    const a: Table = { length: 1, columns: { d: { type: 'day', data: Int32Array.of(5) }, n: { type: 'num', data: Float64Array.of(1) } } };
    const b: Table = { length: 2, columns: { d: { type: 'day', data: Int32Array.of(6, 7), time: Int32Array.of(10, 20) }, s: { type: 'dict', dict: ['q'], codes: Uint32Array.of(0, 0) } } };
    const c = concatTables([a, b]);
    expect(c.length).toBe(3);
    expect(c.columns.d).toEqual({ type: 'day', data: Int32Array.of(5, 6, 7), time: Int32Array.of(-1, 10, 20) });
    expect(Array.from((c.columns.n as { data: Float64Array }).data)).toEqual([1, NaN, NaN]);
    expect(c.columns.s).toEqual({ type: 'dict', dict: ['q'], codes: Uint32Array.of(MISSING_CODE, 0, 0) });
  });
  it('gives an empty table for no input and refuses mixed column types', () => {
    expect(concatTables([])).toEqual({ length: 0, columns: {} });
    const a: Table = { length: 1, columns: { x: { type: 'num', data: Float64Array.of(1) } } };
    const b: Table = { length: 1, columns: { x: { type: 'day', data: Int32Array.of(1) } } };
    expect(() => concatTables([a, b])).toThrow("concatTables: column 'x' is num in one table and day in another");
  });
});
