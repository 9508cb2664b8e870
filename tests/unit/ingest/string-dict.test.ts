/**
 * StringDict: the dictionary behind parseFile's id/category columns. Codes are dense, in
 * first-seen order, and survive the table growing (many strings, colliding-looking ids).
 */
import { describe, expect, it } from 'vitest';
import { StringDict } from '../../../src/ingest/string-dict.ts';
import { hashString } from '../../../src/core/string-dict.ts';

describe('StringDict', () => {
  it('gives dense codes in first-seen order and finds them again', () => {
    const d = new StringDict();
    expect([d.intern('web'), d.intern('app'), d.intern('web'), d.intern(''), d.intern('app')]).toEqual([0, 1, 0, 2, 1]);
    expect(d.strings).toEqual(['web', 'app', '']);
    expect(d.size).toBe(3);
    expect(d.find('app')).toBe(1);
    expect(d.find('App')).toBe(-1);
    expect(d.find('web ')).toBe(-1);
  });

  it('keeps every code through growth (100,000 ids, with and without a size hint)', () => {
    for (const hint of [0, 100_000]) {
      const d = new StringDict(hint);
      for (let i = 0; i < 100_000; i++) expect(d.intern(`O${String(i).padStart(8, '0')}`)).toBe(i);
      expect(d.size).toBe(100_000);
      expect(d.intern('O00000000')).toBe(0);
      expect(d.find('O00099999')).toBe(99_999);
      expect(d.find('O00100000')).toBe(-1);
      expect(d.strings[12_345]).toBe('O00012345');
    }
  });

  it('tells apart strings that differ only in composition or invisible characters', () => {
    const d = new StringDict();
    const composed = 'Zo\u00eb';
    const decomposed = 'Zoe\u0308';
    expect(d.intern(composed)).toBe(0);
    expect(d.intern(decomposed)).toBe(1);
    expect(d.intern('C001\u200b')).toBe(2);
    expect(d.find('C001')).toBe(-1);
  });

  it('gives the same codes on the ordered fast path (ascending ids) and after leaving it', () => {
    const d = new StringDict(8);
    // Ascending (shorter first, then by code unit), with a repeat of the previous id: appended only.
    expect(['9', '10', '10', '11', 'A0', 'A1'].map((s) => d.intern(s))).toEqual([0, 1, 1, 2, 3, 4]);
    expect([d.find('10'), d.find('A1'), d.find('9'), d.find('12'), d.find('')]).toEqual([1, 4, 0, -1, -1]);
    // An earlier id again, then one out of order: the table is built and every code stays.
    expect(d.intern('9')).toBe(0);
    expect(d.intern('1')).toBe(5);
    expect(['9', '10', '11', 'A0', 'A1', '1', 'B'].map((s) => d.intern(s))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(d.strings).toEqual(['9', '10', '11', 'A0', 'A1', '1', 'B']);
    expect([d.find('A0'), d.find('1'), d.find('12')]).toEqual([3, 5, -1]);
    for (let i = 0; i < 1000; i++) d.intern(`X${i}`);
    expect(d.find('X999')).toBe(1006);
    expect(d.intern('10')).toBe(1);
  });

  it('tells apart short strings and digit ids held in the table slot (lengths, leading zeros, Latin-1, wide characters)', () => {
    // Strings up to 7 units below 256 and ids of 8-15 digits are compared by the words in their slot:
    // pairs that share those words but for the length (or a trailing NUL) must stay apart.
    const tricky = [
      '', '\u0000', 'a', 'a\u0000', 'ab', 'ab\u0000', 'abcdefg', 'abcdefg\u0000', 'abcdefgh', 'ÿÿÿÿÿÿÿ', 'ÿÿÿÿÿÿÿÿ', 'Čč', 'Иван', 'Zoë',
      '12345678', '012345678', '0012345678', '00000000', '000000000', '123456789012345', '0123456789012345', '999999999999999', '1000000000000000',
      '4294967296', '04294967296', '4294967295', '8589934592', '12345678x', 'x12345678', '1234567', '01234567',
    ];
    for (const hint of [0, 64]) {
      const d = new StringDict(hint);
      d.intern('z'); // out of the ordered path at once: every lookup goes through the table
      d.intern('a');
      const codes = tricky.map((s) => d.intern(s));
      expect(new Set(codes).size).toBe(new Set(tricky).size);
      tricky.forEach((s, i) => {
        expect(d.find(s)).toBe(codes[i]);
        expect(d.strings[codes[i]]).toBe(s);
      });
    }
  });

  it('gives the codes a Map gives, on random strings from a small alphabet (many near-collisions, through growth)', () => {
    let seed = 7;
    const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
    const alphabet = ['0', '1', '9', 'a', 'é', 'Ž', '\u0000'];
    const d = new StringDict();
    const ref = new Map<string, number>();
    for (let i = 0; i < 50_000; i++) {
      const len = Math.floor(next() * 17);
      let s = '';
      const digitsOnly = next() < 0.5;
      for (let k = 0; k < len; k++) s += digitsOnly ? String(Math.floor(next() * 10)) : alphabet[Math.floor(next() * alphabet.length)];
      if (!ref.has(s)) ref.set(s, ref.size);
      expect(d.intern(s)).toBe(ref.get(s));
    }
    expect(d.size).toBe(ref.size);
    for (const [s, code] of ref) expect(d.find(s)).toBe(code);
  });

  it('keeps apart strings whose 32-bit hashes collide, in each kind of slot (short, digits, long)', () => {
    // Pairs found by a birthday search over hashString: equal hashes, different strings.
    const pairs = [['C449599', 'C612382'], ['10036466995', '10045589683'], ['user449599@example.com', 'user612382@example.com']];
    for (const [a, b] of pairs) {
      expect(hashString(a)).toBe(hashString(b));
      const d = new StringDict();
      d.intern('z');
      expect([d.intern(a), d.intern(b), d.intern(a), d.intern(b)]).toEqual([1, 2, 1, 2]);
      expect([d.find(a), d.find(b)]).toEqual([1, 2]);
    }
  });
});
