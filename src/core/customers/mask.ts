/**
 * Customer masks (issue #7): a segment is "the same analysis on a mask". A mask is one byte per
 * customer of the workspace's customer table (1 = in the segment); `maskRows` turns it into the
 * row filter that retentionReport (and every later analysis) takes, for any table of the
 * workspace. O(customers) to build a mask, O(1) per row to filter.
 */
import type { DataKind } from '../schema/kinds.ts';
import { MISSING_CODE, type Table } from '../table.ts';
import type { CustomerTable } from './customer-table.ts';

/** 1 = the customer is in the segment. Indexed by customer number. */
export type CustomerMask = Uint8Array;

/** A mask of the customers for whom `test(k)` holds. */
export function maskWhere(table: CustomerTable, test: (k: number) => boolean): CustomerMask {
  const mask = new Uint8Array(table.count);
  for (let k = 0; k < table.count; k++) if (test(k)) mask[k] = 1;
  return mask;
}

/** A mask of the customers whose attribute `key` (a dict column) has the value `value`. */
export function maskByAttribute(table: CustomerTable, key: string, value: string): CustomerMask {
  const col = table.attributes[key];
  if (col?.type !== 'dict') return new Uint8Array(table.count);
  const code = col.dict.indexOf(value);
  return maskWhere(table, (k) => code >= 0 && col.codes[k] === code);
}

/** Customers in the mask. */
export function maskSize(mask: CustomerMask): number {
  let n = 0;
  for (let k = 0; k < mask.length; k++) n += mask[k];
  return n;
}

/**
 * The row filter of a mask for the workspace's tables: `keep(table)` gives, for a table of the
 * workspace (by identity), `(row) => boolean` — rows without a customer are left out too. For a
 * table the customer table does not know, undefined (nothing filtered).
 */
export function maskRows(customers: CustomerTable, tables: Readonly<Partial<Record<DataKind, Table>>>, mask: CustomerMask): (table: Table) => ((row: number) => boolean) | undefined {
  return (table) => {
    const kind = (Object.keys(tables) as DataKind[]).find((k) => tables[k] === table);
    const rows = kind ? customers.rowCustomer[kind] : undefined;
    if (!rows) return undefined;
    return (row) => {
      const k = rows[row];
      return k !== MISSING_CODE && mask[k] === 1;
    };
  };
}
