/**
 * StringDict: the dictionary behind parseFile's id/category columns. Codes are dense, in
 * first-seen order, and survive the table growing (many strings, colliding-looking ids).
 */
import { describe, expect, it } from 'vitest';
import { StringDict } from '../../../src/ingest/string-dict.ts';

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
});
