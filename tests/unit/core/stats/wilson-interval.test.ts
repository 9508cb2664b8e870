import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../../../src/core/stats/wilson-interval.ts';

// Published values: Newcombe (1998), "Two-sided confidence intervals for the single proportion:
// comparison of seven methods", Statistics in Medicine 17, 857–872, the worked examples for
// method 3 (Wilson score interval without continuity correction), quoted there to 4 decimals.
const NEWCOMBE_1998 = Object.freeze([
  Object.freeze({ x: 81, n: 263, low: 0.2553, high: 0.3662 }),
  Object.freeze({ x: 15, n: 148, low: 0.0624, high: 0.1605 }),
  Object.freeze({ x: 0, n: 20, low: 0, high: 0.1611 }),
  Object.freeze({ x: 1, n: 29, low: 0.0061, high: 0.1718 }),
]);

describe('wilsonInterval', () => {
  for (const { x, n, low, high } of NEWCOMBE_1998) {
    it(`wilsonInterval(${x}, ${n}) is ${low}–${high} to 4 decimals (Newcombe 1998)`, () => {
      const ci = wilsonInterval(x, n);
      expect(ci).not.toBeNull();
      expect(Math.abs(ci!.low - low)).toBeLessThanOrEqual(0.00005);
      expect(Math.abs(ci!.high - high)).toBeLessThanOrEqual(0.00005);
    });
  }

  it('wilsonInterval(81, 263) matches the closed form to full precision', () => {
    // (81 + z²/2 ± z √(81 · 182 / 263 + z²/4)) / (263 + z²), z = 1.959963984540054, evaluated
    // independently (scipy 1.17 / numpy float64): 0.2552885198782742, 0.36620957698280004.
    const ci = wilsonInterval(81, 263)!;
    expect(ci.low).toBeCloseTo(0.2552885198782742, 14);
    expect(ci.high).toBeCloseTo(0.36620957698280004, 14);
  });

  it('is exactly 0 at the low end for 0/n and exactly 1 at the high end for n/n', () => {
    expect(wilsonInterval(0, 20)!.low).toBe(0);
    expect(wilsonInterval(20, 20)!.high).toBe(1);
    // Symmetry: the interval for n/n mirrors the one for 0/n.
    expect(wilsonInterval(20, 20)!.low).toBeCloseTo(1 - wilsonInterval(0, 20)!.high, 15);
  });

  it('narrows with a smaller z (z = 1.644853626951472 gives a 90 % interval inside the 95 % one)', () => {
    const ci95 = wilsonInterval(15, 148)!;
    const ci90 = wilsonInterval(15, 148, 1.644853626951472)!;
    expect(ci90.low).toBeGreaterThan(ci95.low);
    expect(ci90.high).toBeLessThan(ci95.high);
  });

  it('returns null for n = 0 (no customers, no rate)', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it('throws for successes outside [0, n], non-whole counts, NaN and a bad z', () => {
    expect(() => wilsonInterval(5, 4)).toThrow('wilsonInterval requires whole counts with 0 ≤ successes ≤ n, got successes = 5, n = 4');
    expect(() => wilsonInterval(-1, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 4.5)).toThrow(RangeError);
    expect(() => wilsonInterval(NaN, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(1, NaN)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 4, 0)).toThrow('wilsonInterval requires a finite z > 0, got z = 0');
    expect(() => wilsonInterval(1, 4, NaN)).toThrow(RangeError);
  });
});
