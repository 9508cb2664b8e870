/**
 * A string dictionary for the column builders of parseFile (ingest) and for merging chunk
 * dictionaries in concatTables (table-ops.ts): maps each distinct string to a dense code 0, 1,
 * 2 ... in first-seen order (`strings[code]` gives it back).
 *
 * Why not a Map: with a million distinct order ids, `Map.set` costs ~2 s on the 2-core test
 * machine (rehashing a large OrderedHashMap and fresh strings' hashes computed in the runtime),
 * while this open-addressing table on typed arrays takes ~0.6 s; lookups of 100k customer ids
 * over 1M rows are ~2x faster too. Hash: FNV-1a over UTF-16 code units with murmur3's
 * finaliser, linear probing, load factor at most 0.6, the hash of each entry kept so that
 * growing never rehashes a string and probes compare strings only when hashes match.
 * Cost: O(length) per lookup, amortised O(1) probes.
 *
 * Ordered fast path: while every new string sorts after the previous one (shorter first, then by
 * code unit: `ORD0000001`, `ORD0000002` ... or `9`, `10` ...), as the order ids of most exports
 * do, strings are only appended (no hash, no table: interning a million distinct order ids was
 * ~0.8 s of a 1M-row import) and `find` is a binary search. The first string out of order builds
 * the hash table once, O(size), and the dictionary goes on as above. Codes are the same either way.
 */
/** Does `s` sort after `last` (shorter first, then by UTF-16 code unit)? The order of the ordered fast path. */
export function sortsAfter(s: string, last: string): boolean {
  return s.length > last.length || (s.length === last.length && s > last);
}

/** FNV-1a's offset basis and one step over a UTF-16 code unit. */
export const FNV_BASIS = 2166136261;
export const fnvStep = (h: number, unit: number): number => Math.imul(h ^ unit, 16777619);

/** murmur3's finaliser over an FNV-1a sum (spreads the low bits the table's mask keeps). */
export function finishHash(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The hash of a string: FNV-1a over its UTF-16 code units, finished with murmur3's finaliser. */
export function hashString(s: string): number {
  let h = FNV_BASIS;
  for (let i = 0; i < s.length; i++) h = fnvStep(h, s.charCodeAt(i));
  return finishHash(h);
}

/**
 * The key words of the last {@link hashKey} call (module scratch: no allocation per lookup). A short
 * string is held in the table slot itself, so a lookup compares two integers instead of loading
 * the stored string (two cache misses of a 1M-row import's random customer ids):
 * - up to 7 code units below 256: `w0` = units 0-3, `w1` = units 4-6 | length << 24 | 1 << 29;
 * - 8 to 15 ASCII digits: `w0` = the value's low 32 bits, `w1` = its high bits | length << 24 | 2 << 29;
 * - anything else: `w1` = 0 (the slot is compared by string).
 * Two strings of the same kind are equal exactly when their words are.
 */
let W0 = 0;
let W1 = 0;
/** The hash of the last {@link hashKey} call. */
let LAST_HASH = 0;

/** The hash of `s` (as {@link hashString}) and its key words in W0 / W1, in one pass. */
function hashKey(s: string): number {
  const len = s.length;
  let h = FNV_BASIS;
  let w0 = 0;
  let w1 = 0;
  let wide = 0;
  let digits = len >= 8 && len <= 15;
  let v = 0;
  for (let i = 0; i < len; i++) {
    const c = s.charCodeAt(i);
    h = Math.imul(h ^ c, 16777619);
    wide |= c;
    if (i < 4) w0 |= c << (i << 3);
    else if (i < 7) w1 |= c << ((i - 4) << 3);
    if (digits) {
      if (c < 48 || c > 57) digits = false;
      else v = v * 10 + (c - 48);
    }
  }
  if (len <= 7 && wide < 256) {
    W0 = w0;
    W1 = w1 | (len << 24) | (1 << 29);
  } else if (digits) {
    W0 = v % 4294967296 | 0;
    W1 = Math.floor(v / 4294967296) | (len << 24) | (2 << 29);
  } else {
    W0 = 0;
    W1 = 0;
  }
  LAST_HASH = finishHash(h);
  return LAST_HASH;
}

/** Ints per table slot: code + 1 (0 = empty), hash, and the key words W0, W1. */
const SLOT = 4;

export class StringDict {
  /** The distinct strings, by code. */
  readonly strings: string[] = [];
  /**
   * Slots of SLOT ints: [code + 1 (0 = empty), hash, W0, W1] (see hashKey). The hash beside the code
   * saves a cache miss per probe; the key words let a short string match without loading it.
   */
  private table = new Int32Array(0);
  /** True while the strings are in ascending order (see the class doc) and the table is not built. */
  private ordered = true;
  private readonly expected: number;

  /** `expected`: how many distinct strings to size for (a hint: the table grows by doubling). */
  constructor(expected = 0) {
    this.expected = expected;
  }

  /** Leaves the ordered fast path: builds the hash table over the strings so far. */
  private buildTable(): void {
    this.ordered = false;
    const n = this.strings.length;
    let slots = 128;
    while (slots * 0.6 < Math.max(this.expected, n + 1)) slots *= 2;
    const table = new Int32Array(slots * SLOT);
    const mask = slots - 1;
    for (let c = 0; c < n; c++) {
      const h = hashKey(this.strings[c]);
      let i = h & mask;
      while (table[i * SLOT] !== 0) i = (i + 1) & mask;
      const k = i * SLOT;
      table[k] = c + 1;
      table[k + 1] = h;
      table[k + 2] = W0;
      table[k + 3] = W1;
    }
    this.table = table;
  }

  /** Binary search of the ordered strings. */
  private findOrdered(s: string): number {
    const strings = this.strings;
    let lo = 0;
    let hi = strings.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const t = strings[mid];
      if (t === s) return mid;
      if (sortsAfter(s, t)) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  get size(): number {
    return this.strings.length;
  }

  /**
   * The slot of `s` in the table: where it is (table[slot] > 0) or where it would go (0). Leaves its
   * hash and key words in W0 / W1 (and returns the slot index times SLOT).
   */
  private probe(s: string): number {
    const h = hashKey(s);
    const w0 = W0;
    const w1 = W1;
    const table = this.table;
    const mask = table.length / SLOT - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const k = i * SLOT;
      const c = table[k] - 1;
      if (c < 0) return k;
      if (table[k + 1] === h && table[k + 3] === w1 && (w1 !== 0 ? table[k + 2] === w0 : this.strings[c] === s)) return k;
    }
  }

  /** The code of `s`, or -1 when it is not in the dictionary. */
  find(s: string): number {
    if (this.ordered) return this.findOrdered(s);
    return this.table[this.probe(s)] - 1;
  }

  /** The code of `s`, adding it (with the next code) when new. */
  intern(s: string): number {
    if (this.ordered) {
      const n = this.strings.length;
      if (n === 0 || sortsAfter(s, this.strings[n - 1])) {
        this.strings.push(s);
        return n;
      }
      if (s === this.strings[n - 1]) return n - 1;
      this.buildTable();
    }
    const k = this.probe(s);
    const table = this.table;
    const found = table[k] - 1;
    if (found >= 0) return found;
    const code = this.strings.length;
    this.strings.push(s);
    table[k] = code + 1;
    table[k + 1] = LAST_HASH;
    table[k + 2] = W0;
    table[k + 3] = W1;
    // Load factor at most 0.6: a short probe run on average.
    if ((code + 1) * 10 > (table.length / SLOT) * 6) this.grow();
    return code;
  }

  private grow(): void {
    const old = this.table;
    const table = new Int32Array(old.length * 2);
    const mask = table.length / SLOT - 1;
    for (let k = 0; k < old.length; k += SLOT) {
      if (old[k] === 0) continue;
      let i = old[k + 1] & mask;
      while (table[i * SLOT] !== 0) i = (i + 1) & mask;
      const j = i * SLOT;
      table[j] = old[k];
      table[j + 1] = old[k + 1];
      table[j + 2] = old[k + 2];
      table[j + 3] = old[k + 3];
    }
    this.table = table;
  }
}
