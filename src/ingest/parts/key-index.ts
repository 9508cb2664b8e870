/**
 * A hash index of the unique key column of a read in parts (combine-parts.ts, issue #13): finds
 * the rows whose key an earlier row already has, exactly, without a Map of a million strings and
 * without keeping the parts' strings (the command line lets the order ids go, see
 * CombineOptions.keepOrderIds).
 *
 * - Each part's keys are copied into the index's own pool: one byte per character (two when the
 *   part has a character above U+00FF) plus a 4-byte offset per row, in one array per part (no
 *   growing copies). At 10M order ids of 10 characters that is ~140 MB, where the strings
 *   themselves are ~400 MB of V8 heap.
 * - Ordered fast path: while every part's keys are strictly ascending (shorter first, then by
 *   code unit, the order of core/string-dict.ts) and the part's first key sorts after the last
 *   key so far, no key can repeat, and no hash table is built (the common export with ids
 *   `ORD0000001`, `ORD0000002` ...; the table was 512 MB at 10M rows).
 * - The first part out of order builds the table over the pool, once: open addressing on typed
 *   arrays, [row + 1 (0 = empty), hash] per slot, linear probing, load factor at most 0.7; a
 *   probe compares the pooled characters only when the hashes match.
 * O(length of the key) per row, amortised; the table is O(rows) when built.
 */
import { MISSING_CODE } from '../../core/table.ts';
import { FNV_BASIS, finishHash, fnvStep, hashString, sortsAfter } from '../../core/string-dict.ts';

/** One part's keys: characters `chars[starts[i] .. starts[i + 1])` for row `base + i`. */
interface PooledPart {
  readonly base: number;
  readonly len: number;
  readonly chars: Uint8Array | Uint16Array;
  readonly starts: Uint32Array;
  /** Rows without a key (allocated only when the part has one). */
  readonly missing?: Uint8Array;
}

/** The hash of pooled characters: equal to hashString of the same string (core/string-dict.ts). */
function hashChars(chars: Uint8Array | Uint16Array, start: number, end: number): number {
  let h = FNV_BASIS;
  for (let i = start; i < end; i++) h = fnvStep(h, chars[i]);
  return finishHash(h);
}

export class KeyIndex {
  private readonly parts: PooledPart[] = [];
  /** True while every part was ascending and after the ones before (see the module doc). */
  private ordered = true;
  /** The greatest key so far (ordered path). */
  private last: string | undefined;
  /** Pairs per slot: [row + 1 (0 = empty), hash]; empty until the ordered path ends. */
  private table = new Int32Array(0);
  private used = 0;

  /**
   * Indexes the `len` rows of a part's key column (`codes` into `dict`, rows numbered from
   * `base`, after every earlier part's) and calls `repeated(first, row, key)` for each row
   * whose key a row of an earlier part has (`first`: the first such row). Rows whose key
   * repeats one of their own part are left to the part (its roll-up has seen them).
   */
  scan(codes: Uint32Array, dict: readonly string[], base: number, len: number, repeated: (first: number, row: number, key: string) => void): void {
    const part = this.pool(codes, dict, base, len);
    if (this.ordered) {
      const first = part.ascending ? firstKey(codes, dict, len) : undefined;
      if (part.ascending && (first === undefined || this.last === undefined || sortsAfter(first, this.last))) {
        if (part.lastKey !== undefined) this.last = part.lastKey;
        this.parts.push(part.pooled);
        return;
      }
      this.buildTable(len);
    }
    this.parts.push(part.pooled);
    if (this.used + len > this.table.length * 0.35) this.grow(this.used + len);
    const table = this.table;
    const mask = table.length - 2;
    for (let i = 0; i < len; i++) {
      const c = codes[i];
      if (c === MISSING_CODE || c >= dict.length) continue;
      const s = dict[c];
      const h = hashString(s);
      let at = (h << 1) & mask;
      let found = -1;
      for (; table[at] !== 0; at = (at + 2) & mask) {
        const f = table[at] - 1;
        if (table[at + 1] === h && this.equals(f, s)) {
          found = f;
          break;
        }
      }
      if (found < 0) {
        table[at] = base + i + 1;
        table[at + 1] = h;
        this.used++;
      } else if (found < base) repeated(found, base + i, s);
    }
  }

  /** Frees the index. */
  clear(): void {
    this.parts.length = 0;
    this.table = new Int32Array(0);
    this.used = 0;
    this.ordered = true;
    this.last = undefined;
  }

  /** Copies a part's keys into the pool, and tells whether they are strictly ascending. */
  private pool(codes: Uint32Array, dict: readonly string[], base: number, len: number): { pooled: PooledPart; ascending: boolean; lastKey?: string } {
    let total = 0;
    let missing: Uint8Array | undefined;
    let ascending = true;
    let prev: string | undefined;
    for (let i = 0; i < len; i++) {
      const c = codes[i];
      if (c === MISSING_CODE || c >= dict.length) {
        (missing ??= new Uint8Array(len))[i] = 1;
        continue;
      }
      const s = dict[c];
      total += s.length;
      if (ascending && prev !== undefined && !sortsAfter(s, prev)) ascending = false;
      prev = s;
    }
    let chars: Uint8Array | Uint16Array = new Uint8Array(total);
    const starts = new Uint32Array(len + 1);
    let o = 0;
    for (let i = 0; i < len; i++) {
      starts[i] = o;
      if (missing?.[i]) continue;
      const s = dict[codes[i]];
      for (let j = 0; j < s.length; j++) {
        const u = s.charCodeAt(j);
        if (u > 0xff && chars instanceof Uint8Array) {
          const wide = new Uint16Array(total);
          wide.set(chars.subarray(0, o));
          chars = wide;
        }
        chars[o++] = u;
      }
    }
    starts[len] = o;
    const pooled: PooledPart = { base, len, chars, starts, ...(missing ? { missing } : {}) };
    return { pooled, ascending, ...(prev !== undefined ? { lastKey: prev } : {}) };
  }

  /** The pooled part that holds row `row` (binary search by base). */
  private partOf(row: number): PooledPart {
    const parts = this.parts;
    let lo = 0;
    let hi = parts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (parts[mid].base <= row) lo = mid;
      else hi = mid - 1;
    }
    return parts[lo];
  }

  /** Is the pooled key of row `row` equal to `s`? */
  private equals(row: number, s: string): boolean {
    const p = this.partOf(row);
    const i = row - p.base;
    const start = p.starts[i];
    if (p.starts[i + 1] - start !== s.length) return false;
    const chars = p.chars;
    for (let j = s.length - 1; j >= 0; j--) if (chars[start + j] !== s.charCodeAt(j)) return false;
    return true;
  }

  /** Leaves the ordered path: the table over every pooled row, with room for `more` rows. */
  private buildTable(more: number): void {
    this.ordered = false;
    let rows = more;
    for (const p of this.parts) rows += p.len;
    this.grow(rows);
    const table = this.table;
    const mask = table.length - 2;
    for (const p of this.parts) {
      for (let i = 0; i < p.len; i++) {
        if (p.missing?.[i]) continue;
        const h = hashChars(p.chars, p.starts[i], p.starts[i + 1]);
        let at = (h << 1) & mask;
        while (table[at] !== 0) at = (at + 2) & mask;
        table[at] = p.base + i + 1;
        table[at + 1] = h;
        this.used++;
      }
    }
  }

  /** A table (twice the slots while more than 70 % would be used) with room for `rows` keys. */
  private grow(rows: number): void {
    let slots = Math.max(1024, this.table.length / 2);
    while (rows > slots * 0.7) slots *= 2;
    if (slots * 2 === this.table.length) return;
    const table = new Int32Array(slots * 2);
    const mask = table.length - 2;
    const old = this.table;
    for (let i = 0; i < old.length; i += 2) {
      if (old[i] === 0) continue;
      let at = (old[i + 1] << 1) & mask;
      while (table[at] !== 0) at = (at + 2) & mask;
      table[at] = old[i];
      table[at + 1] = old[i + 1];
    }
    this.table = table;
  }
}

/** The part's first key, or undefined when it has none. */
function firstKey(codes: Uint32Array, dict: readonly string[], len: number): string | undefined {
  for (let i = 0; i < len; i++) {
    const c = codes[i];
    if (c !== MISSING_CODE && c < dict.length) return dict[c];
  }
  return undefined;
}
