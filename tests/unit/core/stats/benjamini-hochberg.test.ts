import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from '../../../../src/core/stats/benjamini-hochberg.ts';

// Benjamini & Hochberg (1995), "Controlling the false discovery rate", JRSS B 57(1): the worked
// example of the paper, 15 p-values from a trial of thrombolytic treatment (Neuhaus et al.
// 1992), already sorted. At q = 0.05 the step-up procedure compares p₍ᵢ₎ with 0.05 i / 15 and
// rejects the first four hypotheses: p₍₄₎ = 0.0095 ≤ 0.0133 but p₍₅₎ = 0.0201 > 0.0167, and
// every later p₍ᵢ₎ exceeds 0.05 i / 15 as well.
const BH_1995 = Object.freeze([
  0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1.0,
]);

// R's p.adjust(BH_1995, method = "BH"), worked by hand: m / i · p₍ᵢ₎, then the running minimum
// from i = 15 down.
//   i   p₍ᵢ₎     15/i · p₍ᵢ₎                    q₍ᵢ₎
//   1   0.0001   15    · 0.0001 = 0.0015          0.0015
//   2   0.0004   7.5   · 0.0004 = 0.003           0.003
//   3   0.0019   5     · 0.0019 = 0.0095          0.0095
//   4   0.0095   3.75  · 0.0095 = 0.035625        0.035625
//   5   0.0201   3     · 0.0201 = 0.0603          0.0603
//   6   0.0278   2.5   · 0.0278 = 0.0695          0.0638571  (min with i = 7)
//   7   0.0298   15/7  · 0.0298 = 0.0638571…      0.0638571
//   8   0.0344   1.875 · 0.0344 = 0.0645          0.0645
//   9   0.0459   15/9  · 0.0459 = 0.0765          0.0765
//  10   0.3240   1.5   · 0.324  = 0.486           0.486
//  11   0.4262   15/11 · 0.4262 = 0.5811818…      0.5811818
//  12   0.5719   1.25  · 0.5719 = 0.714875        0.714875
//  13   0.6528   15/13 · 0.6528 = 0.7532308…      0.7532308
//  14   0.7590   15/14 · 0.759  = 0.8132143…      0.8132143
//  15   1.0000   1     · 1      = 1               1
const BH_1995_Q = Object.freeze([
  0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.447 / 7, 0.447 / 7, 0.0645, 0.0765, 0.486, 6.393 / 11, 0.714875,
  9.792 / 13, 11.385 / 14, 1,
]);

describe('benjaminiHochberg', () => {
  it('reproduces R p.adjust(method = "BH") on the Benjamini & Hochberg (1995) example', () => {
    const q = benjaminiHochberg(BH_1995);
    expect(q).toBeInstanceOf(Float64Array);
    expect(q.length).toBe(15);
    for (let i = 0; i < 15; i++) expect(q[i]).toBeCloseTo(BH_1995_Q[i], 12);
  });

  it('rejects exactly the first four hypotheses at q = 0.05, as in the paper', () => {
    const rejected = Array.from(benjaminiHochberg(BH_1995), (q) => q <= 0.05);
    expect(rejected).toEqual([true, true, true, true, false, false, false, false, false, false, false, false, false, false, false]);
  });

  it('returns q-values in the input order, whatever that order is', () => {
    const shuffled = Object.freeze([0.0459, 1.0, 0.0001, 0.0298, 0.6528, 0.0095]);
    // m = 6; sorted 0.0001, 0.0095, 0.0298, 0.0459, 0.6528, 1 → 6/i · p: 0.0006, 0.0285,
    // 0.0596, 0.06885, 0.78336, 1 → running minimum from the top leaves them unchanged.
    const q = benjaminiHochberg(shuffled);
    const expected = [0.06885, 1, 0.0006, 0.0596, 0.78336, 0.0285];
    for (let i = 0; i < expected.length; i++) expect(q[i]).toBeCloseTo(expected[i], 12);
  });

  it('is monotone in p, never below p, never above 1, and ties share a q-value', () => {
    const p = Object.freeze([0.02, 0.5, 0.02, 0.001, 0.9, 0.04, 0.03]);
    const q = benjaminiHochberg(p);
    const byP = [...p.keys()].sort((a, b) => p[a] - p[b]);
    for (let k = 1; k < byP.length; k++) expect(q[byP[k]]).toBeGreaterThanOrEqual(q[byP[k - 1]]);
    for (let i = 0; i < p.length; i++) {
      expect(q[i]).toBeGreaterThanOrEqual(p[i]);
      expect(q[i]).toBeLessThanOrEqual(1);
    }
    expect(q[0]).toBe(q[2]);
  });

  it('keeps NaN as NaN and leaves it out of m', () => {
    // m = 3 (NaN not counted): sorted 0.01, 0.03, 0.04 → 3 · 0.01 = 0.03, 3/2 · 0.03 = 0.045,
    // 1 · 0.04 = 0.04 → running minimum 0.03, 0.04, 0.04.
    const q = benjaminiHochberg(Object.freeze([0.01, NaN, 0.04, 0.03]));
    expect(q[0]).toBeCloseTo(0.03, 15);
    expect(q[1]).toBeNaN();
    expect(q[2]).toBeCloseTo(0.04, 15);
    expect(q[3]).toBeCloseTo(0.04, 15);
    expect(Array.from(benjaminiHochberg(Object.freeze([NaN, NaN])))).toEqual([NaN, NaN]);
  });

  it('gives an empty array for no p-values and the p-value itself for one', () => {
    expect(benjaminiHochberg(Object.freeze([]))).toEqual(new Float64Array(0));
    expect(Array.from(benjaminiHochberg(Float64Array.of(0.2)))).toEqual([0.2]);
  });

  it('throws for p-values outside [0, 1]', () => {
    expect(() => benjaminiHochberg(Object.freeze([0.1, 1.5]))).toThrow(
      'benjaminiHochberg requires p-values in [0, 1] or NaN, got 1.5 at index 1',
    );
    expect(() => benjaminiHochberg(Object.freeze([-0.01]))).toThrow(RangeError);
    expect(() => benjaminiHochberg(Object.freeze([Infinity]))).toThrow(RangeError);
  });
});
