/**
 * Step 1 of `parseFile`: column builders. One builder per mapped CSV column collects the
 * converted values of valid rows into a growing typed array (numbers and days) or a string
 * dictionary (ids, categories, text), then hands out the finished column.
 *
 * Cost: amortised O(1) per cell (arrays double when full); strings are interned once per
 * distinct value (string-dict.ts).
 */
import type { FieldType } from '../../core/schema/kinds.ts';
import { MISSING_CODE, MISSING_DAY, type Column } from '../../core/table.ts';
import { StringDict } from '../string-dict.ts';

/** Typed-array growth by doubling (returns the same array while `n` fits). */
export const grow = {
  f64(a: Float64Array, n: number): Float64Array {
    if (n < a.length) return a;
    const b = new Float64Array(a.length * 2);
    b.set(a);
    return b;
  },
  i32(a: Int32Array, n: number): Int32Array {
    if (n < a.length) return a;
    const b = new Int32Array(a.length * 2);
    b.set(a);
    return b;
  },
  u32(a: Uint32Array, n: number): Uint32Array {
    if (n < a.length) return a;
    const b = new Uint32Array(a.length * 2);
    b.set(a);
    return b;
  },
};

/** One mapped column being built. */
export interface Builder {
  /** Index of the CSV column. */
  readonly source: number;
  /** Header as written (or `column N` for an unnamed / headerless column). */
  readonly header: string;
  /** Field key (or `attr:<name>`). */
  readonly key: string;
  readonly type: FieldType;
  readonly required: boolean;
  num: Float64Array;
  day: Int32Array;
  time: Int32Array | undefined;
  codes: Uint32Array;
  /** Dictionary of the id/category/text values (`dict` is `index.strings`). */
  readonly dict: string[];
  readonly index: StringDict;
  /** Per-row scratch of the row being validated: NaN / undefined = missing. */
  sNum: number;
  sStr: string | undefined;
  /** Null tokens seen (`NA`, `-`, ...), for one warning per column. */
  nullTokens: Set<string> | undefined;
  /** Lines with invisible characters in ids. */
  invisibleLines: number[] | undefined;
  /** Date columns: how many values of each written style (see dateStyle), for the mixed-styles note. */
  styles: Map<number, { count: number; example: string }> | undefined;
  /** Date columns other than the kind's main date: a far-future sentinel (year >= 2900) is "no date". */
  sentinel: boolean;
  /** Sentinel values seen (for one note). */
  sentinels: number;
  /** The last row's style and its counter (most columns use one style: no Map lookup per cell). */
  lastStyle: number;
  lastStyleCount: { count: number; example: string } | undefined;
}

/** Creates a builder with room for `capacity` rows; `expectedKeys` pre-sizes the dictionary. */
export function createBuilder(source: number, header: string, key: string, type: FieldType, required: boolean, capacity: number, expectedKeys = 0): Builder {
  const index = new StringDict(expectedKeys);
  return {
    source, header, key, type, required,
    num: type === 'money' || type === 'number' ? new Float64Array(capacity) : new Float64Array(0),
    day: type === 'date' ? new Int32Array(capacity) : new Int32Array(0),
    time: undefined,
    codes: type === 'id' || type === 'category' || type === 'text' ? new Uint32Array(capacity) : new Uint32Array(0),
    dict: index.strings, index, sNum: NaN, sStr: undefined, nullTokens: undefined, invisibleLines: undefined, styles: undefined, lastStyle: -1, lastStyleCount: undefined, sentinel: false, sentinels: 0,
  };
}

/** Appends the scratch value of `b` as row `n` (the row passed validation). */
export function commitCell(b: Builder, n: number): void {
  switch (b.type) {
    case 'date': {
      b.day = grow.i32(b.day, n);
      if (Number.isNaN(b.sNum)) {
        b.day[n] = MISSING_DAY;
        if (b.time) {
          b.time = grow.i32(b.time, n);
          b.time[n] = -1;
        }
        return;
      }
      const day = Math.floor(b.sNum);
      b.day[n] = day;
      if (day !== b.sNum) {
        if (!b.time) b.time = new Int32Array(b.day.length).fill(-1);
        b.time = grow.i32(b.time, n);
        b.time[n] = Math.round((b.sNum - day) * 86400);
      } else if (b.time) {
        b.time = grow.i32(b.time, n);
        b.time[n] = -1;
      }
      return;
    }
    case 'money':
    case 'number':
      b.num = grow.f64(b.num, n);
      b.num[n] = b.sNum;
      return;
    default:
      b.codes = grow.u32(b.codes, n);
      b.codes[n] = b.sStr === undefined ? MISSING_CODE : b.index.intern(b.sStr);
  }
}

/** Is row `r` of the builder missing? */
export function isMissingAt(b: Builder, r: number): boolean {
  return b.type === 'date' ? b.day[r] === MISSING_DAY : b.type === 'money' || b.type === 'number' ? Number.isNaN(b.num[r]) : b.codes[r] === MISSING_CODE;
}

/** The finished column of `n` rows (copied to exact length). */
export function finishColumn(b: Builder, n: number): Column {
  if (b.type === 'date') return b.time ? { type: 'day', data: b.day.slice(0, n), time: b.time.slice(0, n) } : { type: 'day', data: b.day.slice(0, n) };
  if (b.type === 'money' || b.type === 'number') return { type: 'num', data: b.num.slice(0, n) };
  return { type: 'dict', dict: b.dict, codes: b.codes.slice(0, n) };
}

/** One value per group: the row `pick[g]` of the builder, for rolled-up orders. */
export function pickedColumn(b: Builder, pick: Int32Array): Column {
  if (b.type === 'date') {
    const data = Int32Array.from(pick, (r) => b.day[r]);
    return b.time ? { type: 'day', data, time: Int32Array.from(pick, (r) => (b.time as Int32Array)[r]) } : { type: 'day', data };
  }
  if (b.type === 'money' || b.type === 'number') return { type: 'num', data: Float64Array.from(pick, (r) => b.num[r]) };
  return { type: 'dict', dict: b.dict, codes: Uint32Array.from(pick, (r) => b.codes[r]) };
}

/** Drops the rows with `reject[r] = 1` from every builder (and from `lines`); returns the new row count. O(rows x columns). */
export function dropRows(builders: readonly Builder[], n: number, reject: Uint8Array, lines: Int32Array): number {
  let m = 0;
  for (let r = 0; r < n; r++) {
    if (reject[r]) continue;
    if (m !== r) {
      for (const b of builders) {
        if (b.type === 'date') {
          b.day[m] = b.day[r];
          if (b.time) b.time[m] = b.time[r];
        } else if (b.type === 'money' || b.type === 'number') b.num[m] = b.num[r];
        else b.codes[m] = b.codes[r];
      }
      lines[m] = lines[r];
    }
    m++;
  }
  return m;
}
