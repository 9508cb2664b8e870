/**
 * A hash index of the unique key column of a read in parts (combine-parts.ts, issue #13): finds
 * the rows whose key an earlier row already has, without a Map of a million strings. Open
 * addressing on typed arrays: row + 1 per slot (0 = empty) and the key's FNV-1a hash, linear
 * probing, load factor at most 0.5. O(length of the key) per row, amortised.
 */
import { MISSING_CODE } from '../../core/table.ts';

/** FNV-1a, 32 bits. */
function fnv(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

export class KeyIndex {
  private slots = new Int32Array(0);
  private hashes = new Uint32Array(0);

  /**
   * Indexes rows `base` to `n - 1` of the key column (`codes` into `dict`) and calls `repeated`
   * for each whose key a row before `base` has (`first`: that row).
   */
  scan(codes: Uint32Array, dict: readonly string[], base: number, n: number, repeated: (first: number, row: number, key: string) => void): void {
    if (this.slots.length < 2 * n) this.rehash(Math.max(1024, 4 * n));
    const mask = this.slots.length - 1;
    for (let r = base; r < n; r++) {
      const c = codes[r];
      if (c === MISSING_CODE) continue;
      const s = dict[c];
      const h = fnv(s);
      let slot = h & mask;
      let found = -1;
      while (this.slots[slot] !== 0) {
        const f = this.slots[slot] - 1;
        if (this.hashes[slot] === h && dict[codes[f]] === s) {
          found = f;
          break;
        }
        slot = (slot + 1) & mask;
      }
      if (found < 0) {
        this.slots[slot] = r + 1;
        this.hashes[slot] = h;
      } else if (found < base) repeated(found, r, s);
    }
  }

  /** Frees the index. */
  clear(): void {
    this.slots = new Int32Array(0);
    this.hashes = new Uint32Array(0);
  }

  private rehash(size: number): void {
    let cap = 1024;
    while (cap < size) cap *= 2;
    const slots = new Int32Array(cap);
    const hashes = new Uint32Array(cap);
    const mask = cap - 1;
    for (let i = 0; i < this.slots.length; i++) {
      if (this.slots[i] === 0) continue;
      let slot = this.hashes[i] & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = this.slots[i];
      hashes[slot] = this.hashes[i];
    }
    this.slots = slots;
    this.hashes = hashes;
  }
}
