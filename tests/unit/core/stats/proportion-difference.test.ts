import { describe, expect, it } from 'vitest';
import { proportionDifference } from '../../../../src/core/stats/proportion-difference.ts';

// Newcombe 1998, "Interval estimation for the difference between independent proportions:
// comparison of eleven methods", Statistics in Medicine 17, Table II, method 10 (hybrid score).
describe('proportionDifference', () => {
  it.each([
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [6, 7, 2, 7, 0.0582, 0.8062],
    [5, 56, 0, 29, -0.0381, 0.1926],
    [0, 10, 0, 20, -0.1611, 0.2775],
    [0, 10, 0, 10, -0.2775, 0.2775],
  ])('%i/%i vs %i/%i -> [%f, %f] (Newcombe 1998)', (x1, n1, x2, n2, low, high) => {
    const d = proportionDifference(x1, n1, x2, n2)!;
    expect(d.diff).toBeCloseTo(x1 / n1 - x2 / n2, 12);
    expect(d.low).toBeCloseTo(low, 4);
    expect(d.high).toBeCloseTo(high, 4);
  });
  it('an empty group gives null; bad counts throw', () => {
    expect(proportionDifference(0, 0, 1, 2)).toBeNull();
    expect(() => proportionDifference(3, 2, 1, 2)).toThrow(RangeError);
  });
});
