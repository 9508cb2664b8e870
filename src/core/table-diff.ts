/**
 * Comparing rows of two tables (issue #9: a corrected export updates what it corrects). Used by
 * storage (a re-imported row whose key exists: unchanged, or an update that replaces the stored
 * row) and by the command line (the same rule across the files it is given), so both say the
 * same. O(columns) per pair of rows.
 */
import { dayToIso } from './parse/date.ts';
import { MISSING_CODE, MISSING_DAY, type Column, type Table } from './table.ts';

/** A value as shown to the user: ISO day (with time), number, string, or null = missing. */
export type CellValue = string | number | null;

/** One field that differs between two versions of a row. */
export interface FieldChange {
  readonly field: string;
  readonly from: CellValue;
  readonly to: CellValue;
  /** The field is a date: `from` and `to` are ISO strings (`YYYY-MM-DD`, `THH:MM:SS` with a time). */
  readonly date?: true;
}

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** The value of row `r` of a column, for comparison and display. */
export function cellValue(c: Column | undefined, r: number): CellValue {
  if (!c) return null;
  if (c.type === 'num') return Number.isNaN(c.data[r]) ? null : c.data[r];
  if (c.type === 'day') {
    const d = c.data[r];
    if (d === MISSING_DAY) return null;
    const t = c.time ? c.time[r] : -1;
    return t < 0 ? dayToIso(d) : `${dayToIso(d)}T${pad(Math.floor(t / 3600))}:${pad(Math.floor(t / 60) % 60)}:${pad(t % 60)}`;
  }
  const code = c.codes[r];
  return code === MISSING_CODE || code >= c.dict.length ? null : c.dict[code];
}

/**
 * The fields whose values differ between row `ra` of `a` and row `rb` of `b`, over the columns
 * of either table (a column only one of them has counts as missing in the other), in key order.
 *
 * @example rowChanges(stored, 4, corrected, 0) // [{ field: 'status', from: 'paid', to: 'refunded' }]
 */
export function rowChanges(a: Table, ra: number, b: Table, rb: number): FieldChange[] {
  const fields = [...new Set([...Object.keys(a.columns), ...Object.keys(b.columns)])].sort();
  const out: FieldChange[] = [];
  for (const field of fields) {
    const from = cellValue(a.columns[field], ra);
    const to = cellValue(b.columns[field], rb);
    if (from === to) continue;
    const date = a.columns[field]?.type === 'day' || b.columns[field]?.type === 'day';
    out.push(date ? { field, from, to, date } : { field, from, to });
  }
  return out;
}

/** "O1: status paid -> refunded, amount 12.5 -> 0" — one change in words. */
export function describeChange(key: string, changes: readonly FieldChange[]): string {
  const shown = (v: CellValue): string => (v === null ? '(empty)' : String(v));
  return `${key}: ${changes.map((c) => `${c.field} ${shown(c.from)} -> ${shown(c.to)}`).join(', ')}`;
}
