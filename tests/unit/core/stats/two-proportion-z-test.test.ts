import { describe, expect, it } from 'vitest';
import { twoProportionZTest } from '../../../../src/core/stats/two-proportion-z-test.ts';

describe('twoProportionZTest', () => {
  it('twoProportionZTest(30, 100, 20, 100) gives z = 1.63299 and p = 0.10247 (hand-computed)', () => {
    // By hand: p1 = 0.3, p2 = 0.2, pooled p̄ = 50/200 = 0.25,
    // SE = √(0.25 · 0.75 · (1/100 + 1/100)) = √0.00375 = 0.0612372,
    // z = 0.1 / 0.0612372 = 1.6329932 (= √(8/3): z² = 0.01 / 0.00375 = 8/3),
    // p = 2 (1 − Φ(1.6329932)) = 0.1024704 (normal table: Φ(1.63) = 0.9484, so p ≈ 0.103).
    // R: prop.test(c(30, 20), c(100, 100), correct = FALSE) reports X-squared = 2.6667,
    // p-value = 0.1025 — the same test, as z² is Pearson's chi-square of the 2 × 2 table.
    const r = twoProportionZTest(30, 100, 20, 100)!;
    expect(r.diff).toBeCloseTo(0.1, 15);
    expect(r.z).toBeCloseTo(Math.sqrt(8 / 3), 13);
    expect(r.z ** 2).toBeCloseTo(2.6667, 4);
    expect(r.p).toBeCloseTo(0.10247043485974938, 12); // scipy 1.17: 2 * norm.sf(sqrt(8/3))
  });

  it('is antisymmetric: swapping the groups flips the sign of z and keeps p', () => {
    const a = twoProportionZTest(30, 100, 20, 100)!;
    const b = twoProportionZTest(20, 100, 30, 100)!;
    expect(b.z).toBeCloseTo(-a.z, 14);
    expect(b.diff).toBeCloseTo(-a.diff, 15);
    expect(b.p).toBe(a.p);
  });

  it('gives p = 1 for equal rates and keeps tiny p-values above 0', () => {
    expect(twoProportionZTest(10, 50, 40, 200)!.p).toBe(1);
    // 50/50 vs 0/50: p̄ = 0.5, SE = √(0.25 · 0.04) = 0.1, z = 1 / 0.1 = 10,
    // p = erfc(10 / √2) = 1.5239706e-23 (scipy 1.17: 2 * norm.sf(10)); 1 − Φ(10) would be 0.
    const r = twoProportionZTest(50, 50, 0, 50)!;
    expect(r.z).toBeCloseTo(10, 12);
    expect(r.p / 1.5239706048320995e-23).toBeCloseTo(1, 10);
  });

  it('returns null when either n is 0 or the pooled rate is 0 or 1', () => {
    expect(twoProportionZTest(0, 0, 3, 10)).toBeNull();
    expect(twoProportionZTest(3, 10, 0, 0)).toBeNull();
    expect(twoProportionZTest(0, 10, 0, 50)).toBeNull();
    expect(twoProportionZTest(10, 10, 50, 50)).toBeNull();
  });

  it('throws for counts outside [0, n], non-whole counts and NaN', () => {
    expect(() => twoProportionZTest(11, 10, 3, 10)).toThrow(
      'twoProportionZTest requires whole counts with 0 ≤ x ≤ n, got x1 = 11, n1 = 10, x2 = 3, n2 = 10',
    );
    expect(() => twoProportionZTest(1, 10, -1, 10)).toThrow(RangeError);
    expect(() => twoProportionZTest(1.5, 10, 1, 10)).toThrow(RangeError);
    expect(() => twoProportionZTest(NaN, 10, 1, 10)).toThrow(RangeError);
    expect(() => twoProportionZTest(1, 10, 1, NaN)).toThrow(RangeError);
  });
});
