import { describe, expect, it } from 'vitest';
import { isPiiHeader, normaliseHeader, suggestMapping } from '../../../../src/core/parse/header-match.ts';
import { FIELD_SYNONYMS, PII_PHRASES, PII_WORDS } from '../../../../src/core/parse/synonyms.ts';
import { DATA_KINDS, KIND_FIELDS } from '../../../../src/core/schema/kinds.ts';

describe('FIELD_SYNONYMS', () => {
  it('has names for every field of every kind in kinds.ts', () => {
    for (const kind of DATA_KINDS)
      for (const def of KIND_FIELDS[kind]) expect(FIELD_SYNONYMS[kind][def.key]?.length ?? 0).toBeGreaterThan(0);
  });
  it('no normalised name points at two different fields of one kind', () => {
    const conflicts: string[] = [];
    for (const kind of DATA_KINDS) {
      const seen = new Map<string, string>();
      for (const def of KIND_FIELDS[kind])
        for (const name of FIELD_SYNONYMS[kind][def.key]) {
          const n = normaliseHeader(name);
          const prev = seen.get(n);
          if (prev !== undefined && prev !== def.key) conflicts.push(`${kind}: ${n} (${prev}, ${def.key})`);
          seen.set(n, def.key);
        }
    }
    expect(conflicts).toEqual([]);
  });
});

describe('PII_WORDS and PII_PHRASES', () => {
  it('every listed word and phrase is itself recognised as PII', () => {
    for (const w of [...PII_WORDS, ...PII_PHRASES]) expect(isPiiHeader(w)).toBe(true);
  });
});

describe('every synonym maps to its field', () => {
  it('a one-column file named after any synonym maps that column to the field (PII-looking names too, e.g. plan name)', () => {
    const wrong: string[] = [];
    for (const kind of DATA_KINDS)
      for (const def of KIND_FIELDS[kind])
        for (const name of FIELD_SYNONYMS[kind][def.key]) {
          const got = suggestMapping(kind, [name], [])[0];
          if (got !== def.key) wrong.push(`${kind}.${def.key}: '${name}' -> ${got}`);
        }
    expect(wrong).toEqual([]);
  });
});
