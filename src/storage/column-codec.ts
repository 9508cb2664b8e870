/**
 * How columns are laid out inside an IndexedDB chunk record. Typed arrays are stored as they are;
 * a dictionary column's strings are packed into ONE string joined by NUL, because IndexedDB
 * clones one long string far faster than 64k short ones (a 1M-row import stores millions of ids).
 * No stored string contains NUL: the importer rejects fields with one (a row error).
 */
import type { Column, DictColumn, NumColumn, DayColumn } from '../core/table.ts';

export type PackedDictColumn = { readonly type: 'dictPacked'; readonly packed: string; readonly size: number; readonly codes: Uint32Array };
export type StoredColumn = NumColumn | DayColumn | PackedDictColumn;

const SEPARATOR = '\u0000';

export function encodeColumn(column: Column): StoredColumn {
  if (column.type !== 'dict') return column;
  return { type: 'dictPacked', packed: column.dict.join(SEPARATOR), size: column.dict.length, codes: column.codes };
}

/** @throws Error when a packed dictionary does not hold the number of strings it says (a damaged record). */
export function decodeColumn(column: StoredColumn | DictColumn): Column {
  if (column.type !== 'dictPacked') return column;
  const dict = column.size === 0 ? [] : column.packed.split(SEPARATOR);
  if (dict.length !== column.size) throw new Error(`a stored dictionary holds ${dict.length} strings, expected ${column.size}`);
  return { type: 'dict', dict, codes: column.codes };
}

export function encodeColumns(columns: Readonly<Record<string, Column>>): Record<string, StoredColumn> {
  const out: Record<string, StoredColumn> = {};
  for (const [name, column] of Object.entries(columns)) out[name] = encodeColumn(column);
  return out;
}

/** Decodes the named columns (all when `names` is omitted). */
export function decodeColumns(columns: Readonly<Record<string, StoredColumn>>, keep: (name: string) => boolean = () => true): Record<string, Column> {
  const out: Record<string, Column> = {};
  for (const [name, column] of Object.entries(columns)) if (keep(name)) out[name] = decodeColumn(column);
  return out;
}
