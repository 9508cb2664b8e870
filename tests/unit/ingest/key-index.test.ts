/**
 * The unique-key index of a read in parts (src/ingest/parts/key-index.ts): a key repeated in a
 * later part is found exactly, on the index's own copy of the keys (the parts' strings may be
 * gone: the command line lets the order ids go), on the ordered fast path and after it ends.
 * Expected repeats come from a Map of the same keys.
 */
import { describe, expect, it } from 'vitest';
import { MISSING_CODE } from '../../../src/core/table.ts';
import { KeyIndex } from '../../../src/ingest/parts/key-index.ts';

/** A part's key column: distinct strings in first-seen order, codes per row. */
function column(keys: readonly (string | null)[]): { codes: Uint32Array; dict: string[] } {
  const dict: string[] = [];
  const at = new Map<string, number>();
  const codes = new Uint32Array(keys.length);
  keys.forEach((k, i) => {
    if (k === null) {
      codes[i] = MISSING_CODE;
      return;
    }
    let c = at.get(k);
    if (c === undefined) {
      c = dict.length;
      at.set(k, c);
      dict.push(k);
    }
    codes[i] = c;
  });
  return { codes, dict };
}

/**
 * Scans the parts in order; every dictionary is overwritten once scanned (so a match can only
 * come from the index's own copy). Returns [first, row, key] per repeat.
 */
function scanAll(parts: readonly (readonly (string | null)[])[]): [number, number, string][] {
  const index = new KeyIndex();
  const found: [number, number, string][] = [];
  let base = 0;
  for (const keys of parts) {
    const { codes, dict } = column(keys);
    index.scan(codes, dict, base, keys.length, (f, r, k) => found.push([f, r, k]));
    dict.fill('gone');
    base += keys.length;
  }
  return found;
}

/** The repeats a Map of every key finds: each row whose key an earlier part's row has. */
function expected(parts: readonly (readonly (string | null)[])[]): [number, number, string][] {
  const first = new Map<string, number>();
  const out: [number, number, string][] = [];
  let base = 0;
  for (const keys of parts) {
    keys.forEach((k, i) => {
      if (k === null) return;
      const f = first.get(k);
      if (f === undefined) first.set(k, base + i);
      else if (f < base) out.push([f, base + i, k]);
    });
    base += keys.length;
  }
  return out;
}

describe('KeyIndex', () => {
  it('finds nothing in ascending ids across parts (the ordered path)', () => {
    const parts = [['ORD1', 'ORD2', 'ORD3'], ['ORD4', 'ORD5'], ['ORD10', 'ORD11']];
    expect(scanAll(parts)).toEqual([]);
  });

  it('finds a key of an ordered part repeated in a later part out of order', () => {
    const parts = [['ORD1', 'ORD2', 'ORD3'], ['ORD4', 'ORD5'], ['ORD9', 'ORD2', 'ORD6']];
    expect(scanAll(parts)).toEqual([[1, 6, 'ORD2']]);
  });

  it('finds a key that repeats the last key of the part before (equal, not after)', () => {
    expect(scanAll([['a', 'b'], ['b', 'c']])).toEqual([[1, 2, 'b']]);
  });

  it('leaves repeats within one part to the part, and skips rows without a key', () => {
    const parts = [['x', null, 'y'], ['z', 'z', null, 'x', 'x']];
    expect(scanAll(parts)).toEqual([[0, 6, 'x'], [0, 7, 'x']]);
  });

  it('compares keys with characters past U+00FF exactly (two bytes per character in the pool)', () => {
    const parts = [['Čaj-1', 'čaj-1', '😀'], ['Caj-1', '😀', 'Čaj-1']];
    expect(scanAll(parts)).toEqual([[2, 4, '😀'], [0, 5, 'Čaj-1']]);
  });

  it('agrees with a Map over 40 parts of random ids (the table grows past its first size)', () => {
    let seed = 7;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const parts = Array.from({ length: 40 }, () => Array.from({ length: 500 }, () => (next() < 0.02 ? null : `id-${Math.floor(next() * 60_000)}`)));
    const want = expected(parts);
    expect(want.length).toBeGreaterThan(100);
    expect(scanAll(parts)).toEqual(want);
  });
});
