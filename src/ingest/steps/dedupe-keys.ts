/**
 * Step 4 of `parseFile`: dedupe keys. One key per stored row (ParsedFile.keys), so re-importing
 * the same rows adds nothing while genuine repeated rows within one file are kept.
 */
import { MISSING_CODE, type Column } from '../../core/table.ts';

/** Is `key` a content-hash key (U+0001 first, see {@link dedupeKeys})? Equal such keys mean equal rows. */
export const isContentKey = (key: string): boolean => key.charCodeAt(0) === 1;

/** FNV-1a of a string, 32 bits, from `seed`. */
function fnvString(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

const hex = (h: number, shift: number): number => {
  const d = (h >>> shift) & 15;
  return d < 10 ? 48 + d : 87 + d;
};

/** U+0001 + 16 hex digits + `:` + occurrence, built in one allocation in the common case k = 1. */
function hashKey(h1: number, h2: number, k: number): string {
  const head = String.fromCharCode(
    1, hex(h1, 28), hex(h1, 24), hex(h1, 20), hex(h1, 16), hex(h1, 12), hex(h1, 8), hex(h1, 4), hex(h1, 0),
    hex(h2, 28), hex(h2, 24), hex(h2, 20), hex(h2, 16), hex(h2, 12), hex(h2, 8), hex(h2, 4), hex(h2, 0), 58, k === 1 ? 49 : 48,
  );
  return k === 1 ? head : head.slice(0, -1) + String(k);
}

/** Mixes a 32-bit word into a hash (murmur3's finaliser on the XOR: every input bit reaches every output bit). */
function mix(h: number, v: number): number {
  h = Math.imul(h ^ v, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * One dedupe key per row (ParsedFile.keys): the row's id as written when `keyColumn` has one,
 * else U+0001 (never in a real id: ids with control characters are flagged) + a 64-bit content hash of the row + `:` + its occurrence number among rows with the
 * same content. The hash covers every column in key order (so column order in the file does not
 * matter): dictionary strings by content (hashed once per entry), numbers by their bits, days
 * and times as integers. No per-row allocation apart from the key string itself.
 */
export function dedupeKeys(columns: Record<string, Column>, length: number, keyColumn: { dict: string[]; codes: Uint32Array } | undefined): string[] {
  // Filled in order with push: `new Array(1e6)` would start in slow dictionary mode.
  const keys: string[] = [];
  const cols = Object.keys(columns).sort().map((k) => columns[k]);
  // Dictionary hashes are computed on the first row that needs a content hash (never when
  // every row has its id: hashing a million order ids for nothing cost ~0.7 s).
  let dictHashes: (Uint32Array[] | undefined)[] | undefined;
  const f64 = new Float64Array(1);
  const u32 = new Uint32Array(f64.buffer);
  // Occurrence counts in an open-addressing table on typed arrays (a Map with a million
  // number keys costs seconds in GC).
  let cap = 16;
  while (cap < length * 2) cap *= 2;
  const mask = cap - 1;
  let slotH1 = new Uint32Array(0);
  let slotH2 = slotH1;
  let slotCount = slotH1;
  // Every row has its own id, in row order (a unique key column): the keys are the dictionary.
  if (keyColumn && keyColumn.dict.length >= length) {
    let identity = true;
    for (let r = 0; r < length && identity; r++) identity = keyColumn.codes[r] === r;
    if (identity) return keyColumn.dict.slice(0, length);
  }
  for (let r = 0; r < length; r++) {
    if (keyColumn) {
      const code = keyColumn.codes[r];
      if (code !== MISSING_CODE) {
        keys.push(keyColumn.dict[code]);
        continue;
      }
    }
    if (!dictHashes) {
      slotH1 = new Uint32Array(cap);
      slotH2 = new Uint32Array(cap);
      slotCount = new Uint32Array(cap);
      dictHashes = cols.map((c) => (c.type === 'dict' ? [Uint32Array.from(c.dict, (t) => fnvString(t, 2166136261)), Uint32Array.from(c.dict, (t) => fnvString(t, 0x9747b28c))] : undefined));
    }
    let h1 = 2166136261;
    let h2 = 0x9747b28c;
    for (let j = 0; j < cols.length; j++) {
      const c = cols[j];
      if (c.type === 'num') {
        f64[0] = c.data[r];
        h1 = mix(mix(h1, u32[0]), u32[1]);
        h2 = mix(mix(h2, u32[1]), u32[0]);
      } else if (c.type === 'day') {
        const t = c.time ? c.time[r] : -1;
        h1 = mix(mix(h1, c.data[r]), t);
        h2 = mix(mix(h2, t), c.data[r]);
      } else {
        const code = c.codes[r];
        const dh = dictHashes[j] as Uint32Array[];
        h1 = mix(h1, code === MISSING_CODE ? 0x5bd1e995 : dh[0][code]);
        h2 = mix(h2, code === MISSING_CODE ? 0x1b873593 : dh[1][code]);
      }
    }
    h1 >>>= 0;
    h2 >>>= 0;
    let slot = h1 & mask;
    while (slotCount[slot] !== 0 && (slotH1[slot] !== h1 || slotH2[slot] !== h2)) slot = (slot + 1) & mask;
    slotH1[slot] = h1;
    slotH2[slot] = h2;
    const k = ++slotCount[slot];
    keys.push(hashKey(h1, h2, k));
  }
  return keys;
}

