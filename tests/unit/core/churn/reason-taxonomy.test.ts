import { describe, expect, it } from 'vitest';
import { builtInCategory, classifyReasons, editReasons, isAvoidable, normaliseReason, NO_EDITS, STRIPE_FEEDBACK } from '../../../../src/core/churn/reason-taxonomy.ts';

const seen = (spellings: Record<string, number>, categories: Record<string, number> = {}) =>
  Object.freeze({ spellings: new Map(Object.entries(spellings)), categories: new Map(Object.entries(categories)) });

describe('normaliseReason', () => {
  it('folds case, whitespace and surrounding punctuation; keeps accents', () => {
    expect(normaliseReason('  Too   expensive! ')).toBe('too expensive');
    expect(normaliseReason('too expensive ')).toBe('too expensive');
    expect(normaliseReason('Too expensive!')).toBe('too expensive');
    expect(normaliseReason('Preveč DRAGO')).toBe('preveč drago');
    expect(normaliseReason('"Switched to competitor."')).toBe('switched to competitor');
  });
  it('reads empty cells and null tokens as "no reason recorded"', () => {
    for (const t of ['', '   ', 'n/a', 'N/A', '-', 'none', 'NULL', null, undefined]) expect(normaliseReason(t)).toBeNull();
  });
});

describe('builtInCategory', () => {
  it('maps every Stripe cancellation-feedback code', () => {
    expect(Object.keys(STRIPE_FEEDBACK)).toEqual(['too_expensive', 'missing_features', 'switched_service', 'unused', 'customer_service', 'too_complex', 'low_quality', 'other']);
    expect(builtInCategory('too_expensive')).toBe('Price');
    expect(builtInCategory('switched_service')).toBe('Competitor');
    expect(builtInCategory('unused')).toBe('No longer needed');
    expect(builtInCategory('low_quality')).toBe('Quality');
  });
  it('groups the obvious duplicates of price, competitor, features', () => {
    expect(builtInCategory('price too high')).toBe('Price');
    expect(builtInCategory('found a cheaper alternative')).toBe('Price');
    expect(builtInCategory('went with another vendor')).toBe('Competitor');
    expect(builtInCategory('missing integrations')).toBe('Missing features');
    expect(builtInCategory('hard to use')).toBe('Too complex');
    expect(builtInCategory('business closed')).toBe('No longer needed');
    expect(builtInCategory('my cat sat on the keyboard')).toBeNull();
  });
});

describe('classifyReasons', () => {
  it('prefers the file`s own majority category, then the built-in rule, then the reason itself', () => {
    const out = classifyReasons(
      new Map([
        ['budget cuts', seen({ 'Budget cuts': 3 }, { Price: 2, Other: 1 })],
        ['price too high', seen({ 'Price too high': 1, 'price too high': 2 })],
        ['moved abroad', seen({ 'Moved abroad': 4 })],
      ]),
      NO_EDITS,
    );
    expect(out.get('budget cuts')).toMatchObject({ category: 'Price', by: 'file' });
    expect(out.get('price too high')).toMatchObject({ category: 'Price', by: 'built-in', label: 'price too high' });
    expect(out.get('moved abroad')).toMatchObject({ category: 'Moved abroad', by: 'itself' });
  });
});

describe('editReasons', () => {
  const originals = Object.freeze(['Price', 'Cost', 'Support']);
  it('merge: both categories show as one, the version rises and the log says what happened', () => {
    const e = editReasons(NO_EDITS, { op: 'merge', from: ['Price', 'Cost'], to: 'Price' }, originals);
    expect(e.version).toBe(1);
    expect(e.renames).toEqual({ Cost: 'Price' });
    expect(e.log).toEqual([{ op: 'merge', from: ['Price', 'Cost'], to: 'Price' }]);
    const out = classifyReasons(new Map([['cost', seen({ cost: 1 }, { Cost: 1 })], ['price', seen({ price: 1 }, { Price: 1 })]]), e);
    expect(out.get('cost')!.category).toBe('Price');
    expect(out.get('cost')!.original).toBe('Cost');
  });
  it('rename of a merged category renames every original behind it (no chains)', () => {
    const merged = editReasons(NO_EDITS, { op: 'merge', from: ['Price', 'Cost'], to: 'Price' }, originals);
    const renamed = editReasons(merged, { op: 'rename', from: 'Price', to: 'Too expensive' }, originals);
    expect(renamed.renames).toEqual({ Price: 'Too expensive', Cost: 'Too expensive' });
    expect(renamed.version).toBe(2);
  });
  it('split: moves named reasons into a new category; a rename onto itself changes nothing', () => {
    const split = editReasons(NO_EDITS, { op: 'split', reasons: ['budget cuts'], to: 'Budget' }, originals);
    expect(split.assign).toEqual({ 'budget cuts': 'Budget' });
    const out = classifyReasons(new Map([['budget cuts', seen({ 'Budget cuts': 1 }, { Price: 1 })]]), split);
    expect(out.get('budget cuts')).toMatchObject({ category: 'Budget', by: 'user' });
    expect(editReasons(split, { op: 'rename', from: 'Budget', to: 'Budget' }, originals)).toBe(split);
  });
  it('avoidable flags are user-editable and follow a merge', () => {
    expect(isAvoidable(NO_EDITS, 'Price')).toBe(true);
    expect(isAvoidable(NO_EDITS, 'No longer needed')).toBe(false);
    expect(isAvoidable(NO_EDITS, 'Moved abroad')).toBeNull();
    const e = editReasons(NO_EDITS, { op: 'avoidable', category: 'Moved abroad', avoidable: false }, originals);
    expect(isAvoidable(e, 'Moved abroad')).toBe(false);
  });
  it('refuses an empty category name', () => {
    expect(() => editReasons(NO_EDITS, { op: 'rename', from: 'Price', to: '  ' }, originals)).toThrow('editReasons requires a category name');
  });
});

describe('editReasons keeps the avoidable flag with a renamed category', () => {
  it('a built-in category renamed keeps its built-in flag (Price -> Pricing stays avoidable)', () => {
    const e = editReasons(NO_EDITS, { op: 'rename', from: 'Price', to: 'Pricing' }, ['Price']);
    expect(isAvoidable(e, 'Pricing')).toBe(true);
    const m = editReasons(NO_EDITS, { op: 'merge', from: ['No longer needed', 'Moved abroad'], to: 'Gone' }, ['No longer needed', 'Moved abroad']);
    expect(isAvoidable(m, 'Gone')).toBe(false);
  });
});
