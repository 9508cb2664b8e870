import { describe, expect, it } from 'vitest';
import { filterAnswers, foldText } from '../../../../src/core/satisfaction/comment-search.ts';

const rows = Object.freeze([
  { id: 'A', score: 2, comment: 'Il y a très peu de caisses ouvertes' },
  { id: 'B', score: 9, comment: 'Odlično, hvala!' },
  { id: 'C', score: 10, comment: 'Sehr zufrieden — Straße gut erreichbar' },
  { id: 'D', score: 5, comment: null },
  { id: 'E', score: 6, comment: 'Łatwo, ale drogo' },
]);

describe('foldText', () => {
  it('drops accents and case, collapses white space', () => {
    expect(foldText('  Très  PEU ')).toBe('tres peu');
    expect(foldText('Odlično')).toBe('odlicno');
    expect(foldText('STRASSE Straße')).toBe('strasse strasse');
    expect(foldText('Łódź Ærø')).toBe('lodz aero');
  });
});

describe('filterAnswers', () => {
  it('text: contains, case- and accent-insensitive, either way round', () => {
    expect(filterAnswers(rows, { text: 'TRES peu' }).map((r) => r.id)).toEqual(['A']);
    expect(filterAnswers(rows, { text: 'odlicno' }).map((r) => r.id)).toEqual(['B']);
    expect(filterAnswers(rows, { text: 'strasse' }).map((r) => r.id)).toEqual(['C']);
    expect(filterAnswers(rows, { text: 'latwo' }).map((r) => r.id)).toEqual(['E']);
  });
  it('score range, inclusive; combined with text; an empty query keeps rows without a comment', () => {
    expect(filterAnswers(rows, { maxScore: 6 }).map((r) => r.id)).toEqual(['A', 'D', 'E']);
    expect(filterAnswers(rows, { minScore: 9, maxScore: 10, text: 'zufrieden' }).map((r) => r.id)).toEqual(['C']);
    expect(filterAnswers(rows, { text: '  ' }).map((r) => r.id)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(filterAnswers(rows, { text: 'x' })).toEqual([]);
  });
  it('min above max matches nothing; NaN bounds are ignored', () => {
    expect(filterAnswers(rows, { minScore: 8, maxScore: 3 })).toEqual([]);
    expect(filterAnswers(rows, { minScore: NaN })).toHaveLength(5);
  });
});
