import { describe, expect, it } from 'vitest';
import { RunningMoments } from '../../../../src/core/stats/running-moments.ts';

describe('RunningMoments', () => {
  it('mean 5 and sample variance 32/7 of 2, 4, 4, 4, 5, 5, 7, 9 (Wikipedia, "Standard deviation", the textbook example)', () => {
    const m = new RunningMoments();
    for (const x of [2, 4, 4, 4, 5, 5, NaN, 7, 9]) m.add(x);
    expect(m.n).toBe(8);
    expect(m.mean).toBe(5);
    expect(m.variance).toBeCloseTo(32 / 7, 12);
    expect(m.summary()).toEqual({ mean: 5, variance: m.variance, n: 8 });
  });
  it('keeps its digits on a large mean: 1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16 -> variance 30 (Welford; naive sums lose it)', () => {
    const m = new RunningMoments();
    for (const x of [4, 7, 13, 16]) m.add(1e9 + x);
    expect(m.variance).toBe(30);
  });
  it('no values: mean NaN, variance NaN, summary n 0; one value: variance NaN', () => {
    const m = new RunningMoments();
    expect([m.mean, m.variance, m.summary().n]).toEqual([NaN, NaN, 0]);
    m.add(3);
    expect([m.mean, m.variance]).toEqual([3, NaN]);
  });
});
