/**
 * The first rows of a parsed file exactly as they will be stored: ids and text as strings, dates
 * as ISO (`YYYY-MM-DD`, plus `THH:MM:SS` when the file gave a time), amounts as numbers, missing
 * values as null.
 */
import { cellValue } from '../core/table-diff.ts';
import type { ParsedFile } from './types.ts';

/**
 * The first `n` rows. When line items were rolled up, a last column `lines` says how many rows of
 * the file each order came from (its amount is the rolled-up amount).
 */
export function previewRows(parsed: ParsedFile, n = 20): { columns: string[]; rows: (string | number | null)[][] } {
  const { table } = parsed;
  const columns = Object.keys(table.columns);
  const lines = parsed.lineItemsRolledUp > 0 ? parsed.linesPerOrder : undefined;
  const rows: (string | number | null)[][] = [];
  for (let r = 0; r < Math.min(n, table.length); r++) {
    const row = columns.map((k) => cellValue(table.columns[k], r));
    if (lines) row.push(lines[r]);
    rows.push(row);
  }
  return { columns: lines ? [...columns, 'lines'] : columns, rows };
}
