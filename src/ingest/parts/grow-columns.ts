/**
 * The growing columns of a read in parts (combine-parts.ts, issue #13): typed arrays sized for
 * the whole file, each part's column appended at its row offset. Dictionary columns are merged
 * (one code per distinct string, a Map from string to code); the unique key column, one string
 * per row, is appended without a Map. A column a part lacks is missing in its rows.
 * O(rows of the part) per append.
 */
import { MISSING_CODE, MISSING_DAY, type Column } from '../../core/table.ts';

export type Grow =
  | { type: 'num'; data: Float64Array }
  | { type: 'day'; data: Int32Array; time?: Int32Array }
  | { type: 'dict'; codes: Uint32Array; dict: string[]; index?: Map<string, number> };

/** A column of `cap` rows whose first `base` rows are missing; `unique`: the unique key column (no Map). */
export function newGrow(col: Column | undefined, cap: number, base: number, unique: boolean): Grow {
  const type = col?.type ?? 'num';
  return type === 'num' ? { type, data: new Float64Array(cap).fill(NaN, 0, base) }
    : type === 'day' ? { type, data: new Int32Array(cap).fill(MISSING_DAY, 0, base) }
    : { type, codes: new Uint32Array(cap).fill(MISSING_CODE, 0, base), dict: [], ...(unique ? {} : { index: new Map<string, number>() }) };
}

/** `a` with room for `cap` rows (its first `n` kept); `a` itself when it has the room. */
export function growTo<T extends Float64Array | Int32Array | Uint32Array | Uint8Array>(a: T, cap: number, n: number, make: (len: number) => T): T {
  if (a.length >= cap) return a;
  const b = make(cap);
  b.set(a.subarray(0, n));
  return b;
}

/** Every array of `g` with room for `cap` rows. */
export function growColumn(g: Grow, cap: number, n: number): void {
  if (g.type === 'num') g.data = growTo(g.data, cap, n, (l) => new Float64Array(l));
  else if (g.type === 'day') {
    g.data = growTo(g.data, cap, n, (l) => new Int32Array(l));
    if (g.time) g.time = growTo(g.time, cap, n, (l) => new Int32Array(l));
  } else g.codes = growTo(g.codes, cap, n, (l) => new Uint32Array(l));
}

/** Appends the first `len` rows of a part's column `col` (missing when the part lacks it) at row `base` of `g` (`cap` rows). */
export function appendColumn(g: Grow, col: Column | undefined, base: number, len: number, cap: number): void {
  if (g.type === 'num') {
    if (col?.type === 'num') g.data.set(col.data.subarray(0, len), base);
    else g.data.fill(NaN, base, base + len);
  } else if (g.type === 'day') {
    if (col?.type === 'day') {
      g.data.set(col.data.subarray(0, len), base);
      if (col.time && !g.time) g.time = new Int32Array(cap).fill(-1, 0, base);
      if (g.time) {
        if (col.time) g.time.set(col.time.subarray(0, len), base);
        else g.time.fill(-1, base, base + len);
      }
    } else {
      g.data.fill(MISSING_DAY, base, base + len);
      g.time?.fill(-1, base, base + len);
    }
  } else if (col?.type !== 'dict') g.codes.fill(MISSING_CODE, base, base + len);
  else if (!g.index) {
    // The unique key column: one string per row, appended as they are.
    const offset = g.dict.length;
    for (let i = 0; i < col.dict.length; i++) g.dict.push(col.dict[i]);
    for (let i = 0; i < len; i++) {
      const c = col.codes[i];
      g.codes[base + i] = c === MISSING_CODE ? MISSING_CODE : c + offset;
    }
  } else {
    const remap = new Uint32Array(col.dict.length).fill(MISSING_CODE);
    for (let i = 0; i < len; i++) {
      const c = col.codes[i];
      if (c >= col.dict.length) {
        g.codes[base + i] = MISSING_CODE;
        continue;
      }
      let m = remap[c];
      if (m === MISSING_CODE) {
        const s = col.dict[c];
        const known = g.index.get(s);
        if (known === undefined) {
          m = g.dict.length;
          g.index.set(s, m);
          g.dict.push(s);
        } else m = known;
        remap[c] = m;
      }
      g.codes[base + i] = m;
    }
  }
}
