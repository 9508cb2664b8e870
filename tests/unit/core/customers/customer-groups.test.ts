import { describe, expect, it } from 'vitest';
import { binGroups, binLabel, categoryGroups, customerGroups, MAX_GROUPS, niceEdge, numericDict } from '../../../../src/core/customers/customer-groups.ts';
import { buildCustomerTable } from '../../../../src/core/customers/customer-table.ts';
import { MISSING_CODE, type Table } from '../../../../src/core/table.ts';

const all = (n: number) => new Uint8Array(n).fill(1);

describe('binGroups', () => {
  it('cuts at the quartiles rounded to two significant digits; the last bin is open; missing values get their own group', () => {
    // 1..100: quartiles 25.75, 50.5, 75.25 -> 26, 51, 75.
    const data = Float64Array.from({ length: 101 }, (_, i) => (i === 100 ? NaN : i + 1));
    const g = binGroups('budget', 'number', data, all(101), 4)!;
    expect(g.values.map((v) => v.label)).toEqual(['under 26', '26 to under 51', '51 to under 75', '75 or more', '(no value)']);
    expect(g.values[1]).toMatchObject({ kind: 'bin', low: 26, high: 51 });
    expect([g.codes[0], g.codes[24], g.codes[25], g.codes[99], g.codes[100]]).toEqual([0, 0, 1, 3, 4]);
  });
  it('merges repeated edges: a column of mostly one value gives fewer bins', () => {
    const data = Float64Array.from([1, 1, 1, 1, 1, 1, 1, 1, 2, 3]);
    expect(binGroups('x', 'number', data, all(10), 4)!.values.map((v) => v.label)).toEqual(['all']);
  });
  it('niceEdge and binLabel', () => {
    expect([niceEdge(1234), niceEdge(0.01234), niceEdge(-567), niceEdge(0)]).toEqual([1200, 0.012, -570, 0]);
    expect(binLabel(null, 500)).toBe('under 500');
    expect(binLabel(500, 1000)).toBe('500 to under 1000');
    expect(binLabel(1000, null)).toBe('1000 or more');
  });
});

describe('categoryGroups', () => {
  it('keeps the most common values, folds the rest into "other values", and shows missing values', () => {
    const dict = Array.from({ length: 15 }, (_, i) => `v${i}`);
    // v0 x 15, v1 x 14, ... v14 x 1, plus two customers without a value.
    const codes: number[] = [];
    dict.forEach((_, i) => codes.push(...new Array<number>(15 - i).fill(i)));
    codes.push(MISSING_CODE, MISSING_CODE);
    const g = categoryGroups('industry', 'category', dict, Uint32Array.from(codes), all(codes.length));
    if (g === 'id-like') throw new Error('not id-like');
    expect(g.values).toHaveLength(MAX_GROUPS + 1);
    expect(g.values[0].label).toBe('v0');
    expect(g.values.slice(-2).map((v) => v.kind)).toEqual(['other', 'none']);
  });
  it('an id-like column (over 50 values, over half the customers distinct) is not an attribute', () => {
    const dict = Array.from({ length: 60 }, (_, i) => `id${i}`);
    expect(categoryGroups('email', 'category', dict, Uint32Array.from(dict, (_, i) => i), all(60))).toBe('id-like');
  });
});

describe('numericDict', () => {
  it('reads custom text attributes that are all numbers (decimal point or comma) as numbers', () => {
    const point = Array.from({ length: 20 }, (_, i) => `${i}.5`);
    expect(Array.from(numericDict([...point, ''])!.slice(0, 2))).toEqual([0.5, 1.5]);
    const comma = Array.from({ length: 20 }, (_, i) => `${i},25`);
    expect(numericDict(comma)![3]).toBe(3.25);
    expect(numericDict([...point, 'n/a'])).toBeNull();
    // A 1/0 flag or a short rating stays categorical.
    expect(numericDict(['0', '1'])).toBeNull();
  });
});

describe('customerGroups', () => {
  it('every customers column but the churn fields, plus the derived cohort; text numbers are binned', () => {
    const n = 40;
    const ids = Array.from({ length: n }, (_, i) => `C${i}`);
    const charges = Array.from({ length: n }, (_, i) => `${20 + i}.50`);
    const customers: Table = {
      length: n,
      columns: {
        customer_id: { type: 'dict', dict: ids, codes: Uint32Array.from(ids, (_, i) => i) },
        plan: { type: 'dict', dict: ['A', 'B'], codes: Uint32Array.from(ids, (_, i) => i % 2) },
        churned: { type: 'dict', dict: ['Yes', 'No'], codes: Uint32Array.from(ids, (_, i) => (i < 10 ? 0 : 1)) },
        'attr:MonthlyCharges': { type: 'dict', dict: charges, codes: Uint32Array.from(ids, (_, i) => i) },
      },
    };
    const { groups, skipped } = customerGroups({ customers }, buildCustomerTable({ customers }));
    expect(groups.map((g) => [g.key, g.type])).toEqual([['plan', 'category'], ['attr:MonthlyCharges', 'number']]);
    expect(skipped).toEqual([]);
  });
});
