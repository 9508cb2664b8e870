import { describe, expect, it } from 'vitest';
import { decodeColumn, decodeColumns, encodeColumn, encodeColumns } from '../../../src/storage/column-codec.ts';
import type { Column } from '../../../src/core/table.ts';

describe('column codec', () => {
  it('packs a dictionary into one string and unpacks it exactly, empty strings and Unicode included', () => {
    const dict: Column = { type: 'dict', dict: ['00123', '', 'Čebelar', 'Иван', 'a,b;"c"'], codes: Uint32Array.of(0, 1, 2, 3, 4) };
    const stored = encodeColumn(dict);
    expect(stored).toEqual({ type: 'dictPacked', packed: '00123\u0000\u0000Čebelar\u0000Иван\u0000a,b;"c"', size: 5, codes: dict.codes });
    expect(decodeColumn(stored)).toEqual(dict);
  });
  it('keeps an empty dictionary apart from a dictionary holding one empty string', () => {
    const none: Column = { type: 'dict', dict: [], codes: new Uint32Array(0) };
    const oneEmpty: Column = { type: 'dict', dict: [''], codes: Uint32Array.of(0) };
    expect(decodeColumn(encodeColumn(none))).toEqual(none);
    expect(decodeColumn(encodeColumn(oneEmpty))).toEqual(oneEmpty);
  });
  it('stores typed-array columns as they are and decodes only the columns asked for', () => {
    const num: Column = { type: 'num', data: Float64Array.of(1.5, NaN) };
    const stored = encodeColumns({ amount: num, order_id: { type: 'dict', dict: ['o1', 'o2'], codes: Uint32Array.of(0, 1) } });
    expect(stored.amount).toBe(num);
    expect(Object.keys(decodeColumns(stored, (name) => name !== 'order_id'))).toEqual(['amount']);
  });
  it('refuses a damaged record whose string count does not match', () => {
    expect(() => decodeColumn({ type: 'dictPacked', packed: 'a\u0000b', size: 3, codes: Uint32Array.of(0) })).toThrow(
      'a stored dictionary holds 2 strings, expected 3',
    );
  });
});
