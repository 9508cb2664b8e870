import { describe, expect, it } from 'vitest';
import { chiSquareIndependence } from '../../../../src/core/stats/chi-square-independence.ts';

const freezeTable = (rows: number[][]): readonly (readonly number[])[] => Object.freeze(rows.map((r) => Object.freeze(r)));

// Agresti, "An Introduction to Categorical Data Analysis", 2nd ed. (2007), §2.4: party
// identification (Democrat, Independent, Republican) by gender, 2000 General Social Survey.
// Agresti reports X² = 30.1 on df = 2 (P < 0.001) and expected counts 703.7 for female
// Democrats. Full precision from scipy 1.17 chi2_contingency(correction=False):
// X² = 30.070149095754672, p = 2.9535891832117595e-07.
const PARTY_BY_GENDER = freezeTable([
  [762, 327, 468], // females
  [484, 239, 477], // males
]);

// Upper-tail critical values of the chi-square distribution from a printed table (NIST/SEMATECH
// e-Handbook of Statistical Methods, §1.3.6.7.4): χ²(0.05; 1) = 3.841, χ²(0.05; 4) = 9.488.
// A table with all counts scaled by s has X² scaled by s, so diagonal tables hit these exactly:
// [[a, 0], [0, a]] has E = a/2 in every cell and X² = 4 · (a/2)² / (a/2) = 2a (df 1);
// the 3 × 3 diagonal with m on the diagonal has E = m/3, X² = 3 · (2m/3)²/(m/3) + 6 · (m/3) = 6m (df 4).
const diagonal2 = (chi2: number) => freezeTable([[chi2 / 2, 0], [0, chi2 / 2]]);
const diagonal3 = (chi2: number) => {
  const m = chi2 / 6;
  return freezeTable([[m, 0, 0], [0, m, 0], [0, 0, m]]);
};

describe('chiSquareIndependence', () => {
  it('reproduces Agresti (2007): X² = 30.1 on 2 df for party identification by gender', () => {
    const r = chiSquareIndependence(PARTY_BY_GENDER)!;
    expect(r.df).toBe(2);
    expect(r.chi2).toBeCloseTo(30.1, 1);
    expect(r.chi2).toBeCloseTo(30.070149095754672, 10);
    expect(r.p).toBeLessThan(0.001);
    expect(r.p / 2.9535891832117595e-7).toBeCloseTo(1, 10);
    // On 2 df the survival function is exp(−x/2) in closed form.
    expect(r.p / Math.exp(-r.chi2 / 2)).toBeCloseTo(1, 12);
  });

  it('gives p = 0.05 at the tabled critical values 3.841 (df 1) and 9.488 (df 4)', () => {
    const one = chiSquareIndependence(diagonal2(3.841))!;
    expect(one.df).toBe(1);
    expect(one.chi2).toBeCloseTo(3.841, 12);
    expect(one.p).toBeCloseTo(0.05, 4); // scipy 1.17: chi2.sf(3.841, 1) = 0.0500137
    const four = chiSquareIndependence(diagonal3(9.488))!;
    expect(four.df).toBe(4);
    expect(four.chi2).toBeCloseTo(9.488, 12);
    expect(four.p).toBeCloseTo(0.05, 4); // scipy 1.17: chi2.sf(9.488, 4) = 0.0499944
  });

  it('keeps a tiny p-value: X² = 100 on 1 df gives 1.52e-23, not 0', () => {
    // [[50, 0], [0, 50]]: X² = 2 · 50 = 100. On 1 df, P(χ² ≥ x) = erfc(√(x/2)) = erfc(√50)
    // = 1.5239706048320995e-23 (scipy 1.17: chi2.sf(100, 1)); 1 − cdf would round to 0.
    const r = chiSquareIndependence(freezeTable([[50, 0], [0, 50]]))!;
    expect(r.chi2).toBeCloseTo(100, 12);
    expect(r.df).toBe(1);
    expect(r.p).toBeGreaterThan(0);
    expect(r.p / 1.5239706048320995e-23).toBeCloseTo(1, 10);
  });

  it('drops rows and columns with a zero total before counting df', () => {
    // Same as [[10, 20, 5], [30, 15, 8]]: scipy 1.17 chi2_contingency(correction=False) gives
    // X² = 8.062083469091554, df = 2, p = 0.01775582346121854.
    const withEmpty = chiSquareIndependence(freezeTable([[10, 20, 0, 5], [0, 0, 0, 0], [30, 15, 0, 8]]))!;
    const without = chiSquareIndependence(freezeTable([[10, 20, 5], [30, 15, 8]]))!;
    expect(withEmpty).toEqual(without);
    expect(without.df).toBe(2);
    expect(without.chi2).toBeCloseTo(8.062083469091554, 12);
    expect(without.p).toBeCloseTo(0.01775582346121854, 12);
  });

  it('accepts typed-array rows and gives X² = 0, p = 1 for a table with exact independence', () => {
    const rows = Object.freeze([Float64Array.of(10, 20), Float64Array.of(30, 60)]);
    expect(chiSquareIndependence(rows)).toEqual({ chi2: 0, df: 1, p: 1 });
  });

  it('returns null when fewer than two rows or columns have a non-zero total (df 0)', () => {
    expect(chiSquareIndependence(freezeTable([]))).toBeNull();
    expect(chiSquareIndependence(freezeTable([[], []]))).toBeNull();
    expect(chiSquareIndependence(freezeTable([[1, 2, 3]]))).toBeNull();
    expect(chiSquareIndependence(freezeTable([[5, 0], [3, 0]]))).toBeNull();
    expect(chiSquareIndependence(freezeTable([[0, 0], [0, 0]]))).toBeNull();
  });

  it('throws for ragged rows and for NaN, negative or infinite cells', () => {
    expect(() => chiSquareIndependence(freezeTable([[1, 2], [3]]))).toThrow(
      'chiSquareIndependence requires rows of equal length, got 1 in row 1 and 2 in row 0',
    );
    expect(() => chiSquareIndependence(freezeTable([[1, NaN], [3, 4]]))).toThrow(
      'chiSquareIndependence requires finite counts ≥ 0, got NaN at row 0, column 1',
    );
    expect(() => chiSquareIndependence(freezeTable([[1, 2], [-3, 4]]))).toThrow(RangeError);
    expect(() => chiSquareIndependence(freezeTable([[1, 2], [Infinity, 4]]))).toThrow(RangeError);
  });
});
