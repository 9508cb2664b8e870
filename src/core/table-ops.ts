/**
 * Row-level operations on columnar tables (see core/table.ts): slicing into chunks, keeping rows
 * by a mask, and concatenating tables whose dictionary columns have different dictionaries.
 *
 * Storage writes a table as chunk records of at most CHUNK_ROWS rows (DESIGN.md section 8:
 * typed-array columns in 64k-row chunks, never one record per row) and reads them back by
 * concatenation; the importer drops already-stored rows with a keep-mask. All three operations
 * are pure: they never modify their inputs and always return fresh typed arrays.
 *
 * Dictionary policy: every output dictionary column is *compacted* — its `dict` holds exactly the
 * strings its `codes` use, in order of first use — so a chunk never carries strings of rows
 * that are not in it, and two tables holding the same rows produce identical columns.
 */
import type { Column, DayColumn, DictColumn, NumColumn, Table } from './table.ts';
import { MISSING_CODE, MISSING_DAY } from './table.ts';
import { StringDict } from './string-dict.ts';

/** Largest number of rows stored in one chunk record (2^16; PERF.md "64k-row chunks"). */
export const CHUNK_ROWS = 65_536;

/**
 * Splits `length` rows into consecutive half-open ranges [start, end) of at most `size` rows.
 *
 * O(length / size). `length` 0 gives no ranges.
 *
 * @throws RangeError when `length` is negative or not an integer, or `size` is not a positive integer.
 * @example chunkRanges(5, 2) // [[0, 2], [2, 4], [4, 5]]
 */
export function chunkRanges(length: number, size: number = CHUNK_ROWS): Array<[number, number]> {
  if (!Number.isInteger(length) || length < 0) throw new RangeError(`chunkRanges requires a non-negative integer length, got ${length}`);
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`chunkRanges requires a positive integer size, got ${size}`);
  const out: Array<[number, number]> = [];
  for (let start = 0; start < length; start += size) out.push([start, Math.min(length, start + size)]);
  return out;
}

/**
 * Rewrites dictionary codes to a compact dictionary: `pick(i)` gives the source row of output
 * row i. Shared by slice, filter and gather so the three agree on first-use order.
 */
function compactDict(col: DictColumn, n: number, pick: (i: number) => number): DictColumn {
  // Old code -> new code; MISSING_CODE means "not seen yet".
  const remap = new Uint32Array(col.dict.length).fill(MISSING_CODE);
  const dict: string[] = [];
  const codes = new Uint32Array(n);
  const src = col.codes;
  const size = col.dict.length;
  for (let i = 0; i < n; i++) {
    const c = src[pick(i)];
    if (c >= size) {
      codes[i] = MISSING_CODE; // MISSING_CODE itself, or a code past the dictionary
      continue;
    }
    let m = remap[c];
    if (m === MISSING_CODE) {
      m = dict.length;
      remap[c] = m;
      dict.push(col.dict[c]);
    }
    codes[i] = m;
  }
  return { type: 'dict', dict, codes };
}

/**
 * Copies rows `index[0], index[1], ...` of a column into a new column (the general gather that
 * filter is built on). Dictionary columns are compacted (see the file comment).
 *
 * O(index.length) plus O(dictionary size) for dictionaries.
 */
function gatherColumn(col: Column, index: Uint32Array): Column {
  const n = index.length;
  if (col.type === 'num') {
    const data = new Float64Array(n);
    for (let i = 0; i < n; i++) data[i] = col.data[index[i]];
    return { type: 'num', data } satisfies NumColumn;
  }
  if (col.type === 'day') {
    const data = new Int32Array(n);
    for (let i = 0; i < n; i++) data[i] = col.data[index[i]];
    if (!col.time) return { type: 'day', data } satisfies DayColumn;
    const time = new Int32Array(n);
    for (let i = 0; i < n; i++) time[i] = col.time[index[i]];
    return { type: 'day', data, time } satisfies DayColumn;
  }
  return compactDict(col, n, (i) => index[i]);
}

/** Rows [start, end) of a column: typed-array slice (a memory copy) for numbers and days. */
function sliceColumn(col: Column, start: number, end: number): Column {
  if (col.type === 'num') return { type: 'num', data: col.data.slice(start, end) };
  if (col.type === 'day') {
    const data = col.data.slice(start, end);
    return col.time ? { type: 'day', data, time: col.time.slice(start, end) } : { type: 'day', data };
  }
  return sequentialDict(col, start, end) ?? compactDict(col, end - start, (i) => start + i);
}

/**
 * The compacted slice when the rows' codes run c, c + 1, c + 2, ... (every row its own value, in
 * dictionary order, as order ids are): the dictionary's own slice, and codes 0, 1, 2 ... — what
 * compactDict gives, without its remap over the whole dictionary (a million entries, per chunk).
 */
function sequentialDict(col: DictColumn, start: number, end: number): DictColumn | undefined {
  const n = end - start;
  if (n === 0) return undefined;
  const first = col.codes[start];
  if (first + n > col.dict.length) return undefined;
  for (let i = 1; i < n; i++) if (col.codes[start + i] !== first + i) return undefined;
  const codes = new Uint32Array(n);
  for (let i = 0; i < n; i++) codes[i] = i;
  return { type: 'dict', dict: col.dict.slice(first, first + n), codes };
}

function gatherTable(table: Table, index: Uint32Array): Table {
  const columns: Record<string, Column> = {};
  for (const key of Object.keys(table.columns)) columns[key] = gatherColumn(table.columns[key], index);
  return { length: index.length, columns };
}

/**
 * Rows [start, end) of a table as a new table (like Array.prototype.slice: `end` is clamped to
 * the length, a range with end <= start gives an empty table).
 *
 * O((end - start) x columns). Dictionary columns are compacted.
 *
 * @throws RangeError when start or end is negative or not an integer.
 * @example sliceTable(t, 0, 65536) // the first chunk of t
 */
export function sliceTable(table: Table, start: number, end: number = table.length): Table {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < 0) {
    throw new RangeError(`sliceTable requires non-negative integer bounds, got ${start}..${end}`);
  }
  const lo = Math.min(start, table.length);
  const hi = Math.max(lo, Math.min(end, table.length));
  const columns: Record<string, Column> = {};
  for (const key of Object.keys(table.columns)) columns[key] = sliceColumn(table.columns[key], lo, hi);
  return { length: hi - lo, columns };
}

/**
 * Rows [start, end) of a table, its dictionary columns keeping the whole dictionary (codes
 * sliced, not compacted): the chunks of one stored import share their dictionaries
 * (storage/column-codec.ts). Bounds as sliceTable.
 *
 * O((end - start) x columns).
 */
export function sliceRows(table: Table, start: number, end: number = table.length): Table {
  const lo = Math.max(0, Math.min(start, table.length));
  const hi = Math.max(lo, Math.min(end, table.length));
  const columns: Record<string, Column> = {};
  for (const [key, col] of Object.entries(table.columns)) {
    columns[key] = col.type === 'dict' ? { type: 'dict', dict: col.dict, codes: col.codes.slice(lo, hi) } : sliceColumn(col, lo, hi);
  }
  return { length: hi - lo, columns };
}

/**
 * The rows of a table whose entry in `keep` is truthy, in their original order.
 *
 * O(length x columns). Dictionary columns are compacted.
 *
 * @throws RangeError when `keep.length` differs from `table.length`.
 * @example filterTable(t, Uint8Array.of(1, 0, 1)) // rows 0 and 2
 */
export function filterTable(table: Table, keep: ArrayLike<boolean | number>): Table {
  if (keep.length !== table.length) {
    throw new RangeError(`filterTable requires a mask of ${table.length} entries, got ${keep.length}`);
  }
  let n = 0;
  for (let i = 0; i < keep.length; i++) if (keep[i]) n++;
  const index = new Uint32Array(n);
  for (let i = 0, j = 0; i < keep.length; i++) if (keep[i]) index[j++] = i;
  return gatherTable(table, index);
}

/**
 * Stacks tables vertically: the rows of `tables[0]`, then `tables[1]`, ...
 *
 * Columns are matched by key. A column missing from one of the tables is filled with the
 * missing value for its rows (NaN, MISSING_DAY, MISSING_CODE; time -1). Dictionaries are merged:
 * the output dictionary holds each distinct string once, in order of first use, and codes are
 * rewritten to it. A `day` column gets a `time` array when any input has one (-1 elsewhere).
 *
 * O(total rows x columns) with one hash lookup (string-dict.ts) per distinct string per input table.
 *
 * @throws TypeError when one key has columns of different types in different tables.
 * @example concatTables([chunk0, chunk1]) // the whole import again
 */
export function concatTables(tables: readonly Table[]): Table {
  let length = 0;
  const types = new Map<string, Column['type']>();
  const hasTime = new Set<string>();
  for (const t of tables) {
    length += t.length;
    for (const key of Object.keys(t.columns)) {
      const col = t.columns[key];
      const seen = types.get(key);
      if (seen && seen !== col.type) throw new TypeError(`concatTables: column '${key}' is ${seen} in one table and ${col.type} in another`);
      types.set(key, col.type);
      if (col.type === 'day' && col.time) hasTime.add(key);
    }
  }
  const columns: Record<string, Column> = {};
  for (const [key, type] of types) {
    if (type === 'num') {
      const data = new Float64Array(length);
      let at = 0;
      for (const t of tables) {
        const col = t.columns[key];
        if (col && col.type === 'num') data.set(col.data.subarray(0, t.length), at);
        else data.fill(NaN, at, at + t.length);
        at += t.length;
      }
      columns[key] = { type: 'num', data };
    } else if (type === 'day') {
      const data = new Int32Array(length);
      const time = hasTime.has(key) ? new Int32Array(length) : undefined;
      let at = 0;
      for (const t of tables) {
        const col = t.columns[key];
        if (col && col.type === 'day') {
          data.set(col.data.subarray(0, t.length), at);
          if (time) {
            if (col.time) time.set(col.time.subarray(0, t.length), at);
            else time.fill(-1, at, at + t.length);
          }
        } else {
          data.fill(MISSING_DAY, at, at + t.length);
          time?.fill(-1, at, at + t.length);
        }
        at += t.length;
      }
      columns[key] = time ? { type: 'day', data, time } : { type: 'day', data };
    } else {
      // One pass: each input code is mapped to a merged code the first time a row uses it, so
      // the merged dictionary is compact and in first-use order without a second pass.
      // Typed-array hashing (string-dict.ts), not a Map: opening a 1M-row workspace merges ~16
      // chunk dictionaries of ~50k customer ids each.
      const merged = new StringDict();
      const codes = new Uint32Array(length);
      let at = 0;
      // Tables that share one dictionary array (the chunks of one import, storage/column-codec.ts)
      // share its mapping too: each of its strings is merged once, not once per table.
      let lastDict: readonly string[] | undefined;
      let remap = new Uint32Array(0);
      for (const t of tables) {
        const col = t.columns[key];
        if (!col || col.type !== 'dict') {
          codes.fill(MISSING_CODE, at, at + t.length);
          at += t.length;
          continue;
        }
        const size = col.dict.length;
        if (col.dict !== lastDict) {
          lastDict = col.dict;
          remap = new Uint32Array(size).fill(MISSING_CODE);
        }
        for (let i = 0; i < t.length; i++) {
          const c = col.codes[i];
          if (c >= size) {
            codes[at + i] = MISSING_CODE;
            continue;
          }
          let m = remap[c];
          if (m === MISSING_CODE) {
            m = merged.intern(col.dict[c]);
            remap[c] = m;
          }
          codes[at + i] = m;
        }
        at += t.length;
      }
      columns[key] = { type: 'dict', dict: merged.strings, codes };
    }
  }
  return { length, columns };
}

/** Typed array -> plain array with an indexed loop (Array.from walks the iterator: several times slower). */
export function toNumbers(a: ArrayLike<number>): number[] {
  const n = a.length;
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = a[i];
  return out;
}
