/**
 * The first rows of a parsed file exactly as they will be stored: ids and text as strings, dates
 * as ISO (`YYYY-MM-DD`, plus `THH:MM:SS` when the file gave a time), amounts as numbers, missing
 * values as null.
 */
import { MISSING_CODE, MISSING_DAY, type Column } from '../core/table.ts';
import { dayToIso } from '../core/parse/date.ts';
import type { ParsedFile } from './types.ts';

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));

function cell(c: Column, r: number): string | number | null {
  if (c.type === 'num') return Number.isNaN(c.data[r]) ? null : c.data[r];
  if (c.type === 'day') {
    const d = c.data[r];
    if (d === MISSING_DAY) return null;
    const t = c.time ? c.time[r] : -1;
    if (t < 0) return dayToIso(d);
    return `${dayToIso(d)}T${pad(Math.floor(t / 3600))}:${pad(Math.floor(t / 60) % 60)}:${pad(t % 60)}`;
  }
  const code = c.codes[r];
  return code === MISSING_CODE ? null : c.dict[code];
}

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
    const row = columns.map((k) => cell(table.columns[k], r));
    if (lines) row.push(lines[r]);
    rows.push(row);
  }
  return { columns: lines ? [...columns, 'lines'] : columns, rows };
}
