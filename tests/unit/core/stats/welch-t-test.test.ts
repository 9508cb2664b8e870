import { describe, expect, it } from 'vitest';
import { welchTTest, type MeanSummary } from '../../../../src/core/stats/welch-t-test.ts';

/** Mean and n − 1 variance by two passes (plain sums are exact enough for ten values). */
const summarise = (xs: readonly number[]): MeanSummary => {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1);
  return Object.freeze({ mean, variance, n: xs.length });
};

// Student (1908), "The probable error of a mean", Biometrika 6: extra hours of sleep with two
// drugs (Cushny & Peebles 1905), R's `sleep` data set. R's documented example
// t.test(extra ~ group, data = sleep) prints: t = -1.8608, df = 17.776, p-value = 0.07939,
// 95 percent confidence interval -3.3654832 0.2054832, means 0.75 and 2.33.
// By hand: Σx = 7.5, Σx² = 34.43 → s₁² = (34.43 − 5.625)/9 = 28.805/9; Σy = 23.3, Σy² = 90.37 →
// s₂² = (90.37 − 54.289)/9 = 36.081/9.
const SLEEP_1 = Object.freeze([0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0]);
const SLEEP_2 = Object.freeze([1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4]);

// Wikipedia, "Welch's t-test", Examples, second pair (unequal sizes and variances): Welch's
// t = −1.57, ν = 9.9, p = 0.149 (scipy 1.17 ttest_ind(equal_var=False): t = −1.5654335,
// df = 9.9047412, p = 0.1488417).
const WIKI_A1 = Object.freeze([17.2, 20.9, 22.6, 18.1, 21.7, 21.4, 23.5, 24.2, 14.7, 21.8]);
const WIKI_A2 = Object.freeze([
  21.5, 22.8, 21.0, 23.0, 21.6, 23.6, 22.5, 20.7, 23.4, 21.8, 20.7, 21.7, 21.5, 22.5, 23.6, 21.5, 22.5, 23.5, 21.5, 21.8,
]);

describe('welchTTest', () => {
  it("reproduces R's t.test(extra ~ group, data = sleep): df 17.776, p 0.07939, CI −3.3654832 … 0.2054832", () => {
    const a = summarise(SLEEP_1);
    const b = summarise(SLEEP_2);
    expect(a.variance).toBeCloseTo(28.805 / 9, 12);
    expect(b.variance).toBeCloseTo(36.081 / 9, 12);
    const r = welchTTest(a, b)!;
    expect(r.diff).toBeCloseTo(-1.58, 12);
    expect(r.df).toBeCloseTo(17.776, 3);
    expect(r.p).toBeCloseTo(0.07939, 5);
    expect(r.low).toBeCloseTo(-3.3654832, 7);
    expect(r.high).toBeCloseTo(0.2054832, 7);
    // t = diff / SE = −1.8608 (R), with SE = √((s₁² + s₂²)/10).
    expect(r.diff / Math.sqrt((a.variance + b.variance) / 10)).toBeCloseTo(-1.8608, 4);
    // Full precision: scipy 1.17 ttest_ind(equal_var=False).
    expect(r.df).toBeCloseTo(17.776473516178488, 10);
    expect(r.p).toBeCloseTo(0.0793941401873583, 12);
    expect(r.low).toBeCloseTo(-3.3654832307117104, 10);
  });

  it('reproduces the Wikipedia example with unequal sizes: ν = 9.9, p = 0.149', () => {
    const r = welchTTest(summarise(WIKI_A1), summarise(WIKI_A2))!;
    expect(r.df).toBeCloseTo(9.9, 1);
    expect(r.p).toBeCloseTo(0.149, 3);
    expect(r.df).toBeCloseTo(9.904741248650831, 9);
    expect(r.p).toBeCloseTo(0.14884169660532817, 9);
  });

  it('has df = n₂ − 1 when the first variance is 0 (hand-computed with a t table)', () => {
    // a: 10 ± 0 (n 5), b: 8, s² = 4, n 9 → SE² = 4/9, df = (4/9)² / ((4/9)²/8) = 8, t = 2/(2/3) = 3.
    // t table: t(0.975; 8) = 2.306 → interval 2 ± 2.306 · 2/3 = 0.463 … 3.537;
    // p = 2 P(T₈ ≥ 3) = 0.01707 (scipy 1.17: 0.01707168123378265).
    const r = welchTTest(Object.freeze({ mean: 10, variance: 0, n: 5 }), Object.freeze({ mean: 8, variance: 4, n: 9 }))!;
    expect(r.df).toBeCloseTo(8, 12);
    expect(r.low).toBeCloseTo(2 - (2.306004135204166 * 2) / 3, 10);
    expect(r.high).toBeCloseTo(3.537, 3);
    expect(r.p).toBeCloseTo(0.01707168123378265, 10);
  });

  it('is antisymmetric in its arguments, and gives p = 1 for equal means', () => {
    const a = summarise(SLEEP_1);
    const b = summarise(SLEEP_2);
    const ab = welchTTest(a, b)!;
    const ba = welchTTest(b, a)!;
    expect(ba.diff).toBeCloseTo(-ab.diff, 15);
    expect(ba.low).toBeCloseTo(-ab.high, 12);
    expect(ba.p).toBeCloseTo(ab.p, 15);
    expect(welchTTest(Object.freeze({ mean: 3, variance: 1, n: 4 }), Object.freeze({ mean: 3, variance: 2, n: 7 }))!.p).toBe(1);
  });

  it('widens the interval for a higher level and keeps tiny p-values above 0', () => {
    const a = summarise(SLEEP_1);
    const b = summarise(SLEEP_2);
    const r99 = welchTTest(a, b, 0.99)!;
    expect(r99.low).toBeCloseTo(-4.027632919919039, 9); // scipy 1.17 confidence_interval(0.99)
    expect(r99.high).toBeCloseTo(0.86763291991904, 9);
    // 10 vs 0 with s² = 1, n = 50 each: SE = 0.2, t = 50, df = 98; p = 1.466e-71 (scipy 1.17).
    const far = welchTTest(Object.freeze({ mean: 10, variance: 1, n: 50 }), Object.freeze({ mean: 0, variance: 1, n: 50 }))!;
    expect(far.df).toBeCloseTo(98, 10);
    expect(far.p / 1.4660816425902473e-71).toBeCloseTo(1, 6);
  });

  it('returns null when either n < 2 or both variances are 0', () => {
    const b = Object.freeze({ mean: 2, variance: 1, n: 10 });
    expect(welchTTest(Object.freeze({ mean: 1, variance: 0, n: 1 }), b)).toBeNull();
    expect(welchTTest(b, Object.freeze({ mean: 1, variance: 0, n: 0 }))).toBeNull();
    expect(welchTTest(Object.freeze({ mean: 1, variance: 0, n: 5 }), Object.freeze({ mean: 2, variance: 0, n: 5 }))).toBeNull();
  });

  it('throws for NaN or infinite means, negative variances, non-whole sizes and a bad level', () => {
    const ok = Object.freeze({ mean: 2, variance: 1, n: 10 });
    expect(() => welchTTest(Object.freeze({ mean: NaN, variance: 1, n: 10 }), ok)).toThrow(
      'welchTTest requires finite means, finite variances ≥ 0 and whole sizes ≥ 0, got (NaN, 1, 10) and (2, 1, 10)',
    );
    expect(() => welchTTest(ok, Object.freeze({ mean: Infinity, variance: 1, n: 10 }))).toThrow(RangeError);
    expect(() => welchTTest(ok, Object.freeze({ mean: 1, variance: -1, n: 10 }))).toThrow(RangeError);
    expect(() => welchTTest(ok, Object.freeze({ mean: 1, variance: NaN, n: 10 }))).toThrow(RangeError);
    expect(() => welchTTest(ok, Object.freeze({ mean: 1, variance: 1, n: 2.5 }))).toThrow(RangeError);
    expect(() => welchTTest(ok, ok, 1)).toThrow('welchTTest requires a level in (0, 1), got 1');
    expect(() => welchTTest(ok, ok, NaN)).toThrow(RangeError);
  });
});
