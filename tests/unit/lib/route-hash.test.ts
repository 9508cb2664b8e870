/**
 * The URL hash of a page and its options (src/lib/route-hash.ts): the routes that existed before
 * options keep working (#/import, an unknown page is the overview), and #/segments?key=plan
 * carries the Retention page's "Split by segment…" choice to the Segments page.
 */
import { describe, expect, it } from 'vitest';
import { hashOf, parseHash } from '../../../src/lib/route-hash.ts';

describe('parseHash', () => {
  it('reads the plain routes as before', () => {
    expect(parseHash('#/import')).toEqual({ page: 'import', query: {} });
    expect(parseHash('#import')).toEqual({ page: 'import', query: {} });
    expect(parseHash('')).toEqual({ page: 'overview', query: {} });
    expect(parseHash('#/')).toEqual({ page: 'overview', query: {} });
    expect(parseHash('#/nowhere')).toEqual({ page: 'overview', query: {} });
  });

  it('reads a page’s options, decoded; an unknown page drops them', () => {
    expect(parseHash('#/segments?key=plan')).toEqual({ page: 'segments', query: { key: 'plan' } });
    expect(parseHash('#/segments?key=attr%3AContract%20Type')).toEqual({ page: 'segments', query: { key: 'attr:Contract Type' } });
    expect(parseHash('#/segments?key=plan&key=region')).toEqual({ page: 'segments', query: { key: 'plan' } });
    expect(parseHash('#/nowhere?key=plan')).toEqual({ page: 'overview', query: {} });
  });
});

describe('hashOf', () => {
  it('writes a page, with its options encoded and in a fixed order, and reads back the same', () => {
    expect(hashOf('retention')).toBe('#/retention');
    expect(hashOf('segments', {})).toBe('#/segments');
    expect(hashOf('segments', { key: '' })).toBe('#/segments');
    expect(hashOf('segments', { key: 'attr:Contract Type' })).toBe('#/segments?key=attr%3AContract+Type');
    expect(hashOf('segments', { mode: 'x', key: 'plan' })).toBe('#/segments?key=plan&mode=x');
    expect(parseHash(hashOf('segments', { key: 'derived:cohort' }))).toEqual({ page: 'segments', query: { key: 'derived:cohort' } });
  });
});
