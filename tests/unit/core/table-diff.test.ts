import { describe, expect, it } from 'vitest';
import { cellValue, describeChange, rowChanges } from '../../../src/core/table-diff.ts';
import { MISSING_CODE, MISSING_DAY, type Table } from '../../../src/core/table.ts';

// Day 19000 is 2022-01-08 (19000 = 52 years x 365 + 13 leap days (1972..2020) + 7); 3600 s is 01:00:00.
const older: Table = {
  length: 2,
  columns: {
    customer_id: { type: 'dict', dict: ['a', 'b'], codes: Uint32Array.of(0, 1) },
    amount: { type: 'num', data: Float64Array.of(10, NaN) },
    date: { type: 'day', data: Int32Array.of(19000, MISSING_DAY), time: Int32Array.of(-1, 3600) },
  },
};
const newer: Table = {
  length: 1,
  columns: {
    customer_id: { type: 'dict', dict: ['a'], codes: Uint32Array.of(MISSING_CODE) },
    amount: { type: 'num', data: Float64Array.of(10) },
    date: { type: 'day', data: Int32Array.of(19001), time: Int32Array.of(3600) },
    status: { type: 'dict', dict: ['refunded'], codes: Uint32Array.of(0) },
  },
};

describe('cellValue', () => {
  it('reads ids as strings, amounts as numbers, dates as ISO with the time when given, missing as null', () => {
    expect(cellValue(older.columns.customer_id, 1)).toBe('b');
    expect(cellValue(older.columns.amount, 0)).toBe(10);
    expect(cellValue(older.columns.amount, 1)).toBeNull();
    expect(cellValue(older.columns.date, 0)).toBe('2022-01-08');
    expect(cellValue(older.columns.date, 1)).toBeNull();
    expect(cellValue(newer.columns.date, 0)).toBe('2022-01-09T01:00:00');
    expect(cellValue(undefined, 0)).toBeNull();
  });
});

describe('rowChanges', () => {
  it('lists the differing fields in key order, marks dates, and counts a column only one side has as missing', () => {
    expect(rowChanges(older, 0, newer, 0)).toEqual([
      { field: 'customer_id', from: 'a', to: null },
      { field: 'date', from: '2022-01-08', to: '2022-01-09T01:00:00', date: true },
      { field: 'status', from: null, to: 'refunded' },
    ]);
    expect(rowChanges(older, 0, older, 0)).toEqual([]);
  });
  it('describes a change for the CLI', () => {
    expect(describeChange('O1', rowChanges(older, 0, newer, 0))).toBe(
      'O1: customer_id a -> (empty), date 2022-01-08 -> 2022-01-09T01:00:00, status (empty) -> refunded',
    );
  });
});
