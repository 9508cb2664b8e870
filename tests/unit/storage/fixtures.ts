import type { Table } from '../../../src/core/table.ts';
import type { Dialect, ParsedFile } from '../../../src/ingest/types.ts';
import type { CommitMeta } from '../../../src/storage/imports.ts';

export const DIALECT: Dialect = { encoding: 'utf-8', delimiter: ';', headerRow: 0, decimal: ',', thousands: '', dateOrder: 'DMY' };

/** Days since 1970-01-01 of a UTC calendar date. */
export const day = (iso: string): number => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;

/** A parsed orders file built by hand: rows are [order_id, customer_id, date, amount]. */
export function ordersFile(rows: Array<[string, string, string, number]>): ParsedFile {
  const ids = [...new Set(rows.map((r) => r[1]))];
  const table: Table = {
    length: rows.length,
    columns: {
      order_id: { type: 'dict', dict: rows.map((r) => r[0]), codes: Uint32Array.from(rows.map((_, i) => i)) },
      customer_id: { type: 'dict', dict: ids, codes: Uint32Array.from(rows.map((r) => ids.indexOf(r[1]))) },
      date: { type: 'day', data: Int32Array.from(rows.map((r) => day(r[2]))), time: Int32Array.from(rows.map(() => -1)) },
      amount: { type: 'num', data: Float64Array.from(rows.map((r) => r[3])) },
    },
  };
  const days = rows.map((r) => day(r[2]));
  return {
    kind: 'orders',
    table,
    keys: rows.map((r) => r[0]),
    headerLine: 1,
    recordsRead: rows.length + 1,
    invalidRecords: 1,
    errors: [],
    errorCount: 1,
    errorGroups: [],
    hasAmounts: true,
    ordersWithoutCustomer: 0,
    warnings: [],
    lineItemsRolledUp: 0,
    firstDay: days.length ? Math.min(...days) : null,
    lastDay: days.length ? Math.max(...days) : null,
    customers: ids.length,
  };
}

export const META: CommitMeta = {
  fileName: 'orders.csv',
  sha256: 'ab'.repeat(32),
  dialect: DIALECT,
  mapping: ['order_id', 'customer_id', 'date', 'amount', null],
  headers: ['Order', 'Customer', 'Date', 'Amount', 'Note'],
};
