import { describe, expect, it } from 'vitest';
import { NULL_TOKENS, isNullToken } from '../../../../src/core/parse/null-token.ts';
import { column } from './fixtures.ts';

describe('isNullToken', () => {
  it('is true for empty and whitespace-only cells', () => {
    for (const t of ['', ' ', '\t', '\u00a0', '  \u202f ', '\uFEFF']) expect(isNullToken(t)).toBe(true);
  });
  it('is true for every listed token, trimmed and in any case', () => {
    for (const t of NULL_TOKENS) {
      expect(isNullToken(t)).toBe(true);
      expect(isNullToken(` ${t.toLowerCase()} `)).toBe(true);
      expect(isNullToken(t.toUpperCase())).toBe(true);
    }
    expect(isNullToken('Null')).toBe(true);
    expect(isNullToken('n/a')).toBe(true);
    expect(isNullToken('#n/a')).toBe(true);
  });
  it('is false for values, including zero and look-alikes', () => {
    for (const t of ['0', '-0', 'NAN', 'NaN', 'nan', 'Namibia', 'NULLS', 'nonE1', '--', '..', 'N/A2', 'x', 'C001'])
      expect(isNullToken(t)).toBe(false);
  });
  it('reads every mrr value of hostile-inputs/null-tokens.csv as missing (manifest: explicit policy)', () => {
    const mrr = column('hostile-inputs/null-tokens.csv', 'mrr');
    expect(mrr).toEqual(['NULL', 'N/A', '', 'NA', 'none']);
    expect(mrr.map(isNullToken)).toEqual([true, true, true, true, true]);
  });
  it('the policy list is frozen and shows csvkit-style tokens', () => {
    expect(Object.isFrozen(NULL_TOKENS)).toBe(true);
    expect(NULL_TOKENS).toContain('N/A');
    expect(NULL_TOKENS).toContain('#N/A');
  });
});
