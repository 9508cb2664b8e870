import { describe, expect, it } from 'vitest';
import { hasInvisibleChars, looksLikeScientificNotation, normaliseId } from '../../../../src/core/parse/id.ts';
import { column } from './fixtures.ts';

describe('normaliseId', () => {
  it('keeps ids as written strings: leading zeros, case and inner spaces stay', () => {
    expect(normaliseId('00123')).toBe('00123');
    expect(normaliseId(' 0123 ')).toBe('0123');
    expect(normaliseId('Ab 12')).toBe('Ab 12');
    expect(normaliseId('\u00a0C001\uFEFF')).toBe('C001');
  });
  it('hostile-inputs/leading-zero-ids.csv: ids differing only by leading zeros stay distinct', () => {
    const ids = column('hostile-inputs/leading-zero-ids.csv', 'customer_id').map(normaliseId);
    expect(new Set(ids).size).toBe(3);
  });
  it('applies NFC: a combining diaeresis equals the precomposed letter', () => {
    expect(normaliseId('Zoe\u0308')).toBe('Zo\u00eb');
    expect(normaliseId('Zoe\u0308')).toBe(normaliseId('Zo\u00eb'));
  });
  it('does not remove invisible characters (they are flagged instead)', () => {
    expect(normaliseId('C001\u200b')).toBe('C001\u200b');
  });
});

describe('hasInvisibleChars', () => {
  it('flags zero-width characters, BOM, soft hyphen, bidi controls and control characters', () => {
    for (const c of ['\u200b', '\u200c', '\u200d', '\u2060', '\uFEFF', '\u00ad', '\u202e', '\u2066', '\u200f', '\u0000', '\t'])
      expect(hasInvisibleChars(`C0${c}01`)).toBe(true);
  });
  it('does not flag ordinary text, accents, Cyrillic, Armenian or emoji', () => {
    for (const t of ['C001', 'Zoë', 'Клиент-7', 'Հաճախորդ', '😀 Ltd', 'a b', 'O\u2019Brien'])
      expect(hasInvisibleChars(t)).toBe(false);
  });
  it('hostile-inputs/unicode-tricks.csv: the id on line 2 (U+200B) is flagged, the others are not', () => {
    const ids = column('hostile-inputs/unicode-tricks.csv', 'customer_id');
    expect(ids.map(hasInvisibleChars)).toEqual([true, false, false, false]);
    const names = column('hostile-inputs/unicode-tricks.csv', 'name');
    expect(hasInvisibleChars(names[0])).toBe(true); // RTL override U+202E
  });
});

describe('looksLikeScientificNotation', () => {
  it('hostile-inputs/excel-mangled-ids.csv: both ids (lines 2 and 3) are flagged', () => {
    const ids = column('hostile-inputs/excel-mangled-ids.csv', 'customer_id');
    expect(ids).toEqual(['1.23457E+11', '1.23457E+11']);
    expect(ids.map(looksLikeScientificNotation)).toEqual([true, true]);
  });
  it('flags Excel forms, including decimal-comma locales, and spares real codes', () => {
    for (const t of ['1.23457E+11', '1,23457E+11', '1E+05', '4.5e-07', ' 9.87654E+15 ']) expect(looksLikeScientificNotation(t)).toBe(true);
    for (const t of ['2E10', 'E+11', '1.2E+1', 'C1E+11', '123', '00123', '1.5']) expect(looksLikeScientificNotation(t)).toBe(false);
  });
});
