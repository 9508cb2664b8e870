import { describe, expect, it } from 'vitest';
import { quantileSorted } from '../../../../src/core/stats/quantile-sorted.ts';

describe('quantileSorted (Hyndman-Fan type 7)', () => {
  it('interpolates between order statistics', () => {
    // h = (4 - 1) x 0.8 = 2.4 -> x[2] + 0.4 (x[3] - x[2]) = 3 + 0.4 = 3.4 (R: quantile(1:4, 0.8) = 3.4)
    expect(quantileSorted([1, 2, 3, 4], 0.8)).toBeCloseTo(3.4, 12);
    // Median of an even sample: h = 1.5 -> 2 + 0.5 (10 - 2) = 6
    expect(quantileSorted([1, 2, 10, 11], 0.5)).toBe(6);
  });
  it('returns the extremes at p = 0 and p = 1, and the only value of a single sample', () => {
    expect(quantileSorted([3, 5, 9], 0)).toBe(3);
    expect(quantileSorted([3, 5, 9], 1)).toBe(9);
    expect(quantileSorted([7], 0.8)).toBe(7);
  });
  it('refuses an empty sample and p outside [0, 1]', () => {
    expect(() => quantileSorted([], 0.5)).toThrow(RangeError);
    expect(() => quantileSorted([1], 1.5)).toThrow(/p in \[0, 1\]/);
    expect(() => quantileSorted([1], NaN)).toThrow(RangeError);
  });
});
