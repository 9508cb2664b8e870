import { describe, expect, it } from 'vitest';
import { KahanSums, kahanSum } from '../../../../src/core/stats/kahan-sum.ts';

describe('kahanSum', () => {
  it('keeps the small term that plain summation loses', () => {
    // Plain: (1e100 + 1) - 1e100 = 0, because 1 is below 1e100's last bit; Neumaier keeps it.
    expect([1e100, 1, -1e100].reduce((a, b) => a + b, 0)).toBe(0);
    expect(kahanSum([1e100, 1, -1e100])).toBe(1);
  });
  it('sums ten 0.1s to exactly 1 (plain gives 0.9999999999999999)', () => {
    const tenths = new Float64Array(10).fill(0.1);
    expect(tenths.reduce((a, b) => a + b, 0)).toBe(0.9999999999999999);
    expect(kahanSum(tenths)).toBe(1);
  });
  it('skips NaN (missing) and sums an empty input to 0', () => {
    expect(kahanSum([2, NaN, 3])).toBe(5);
    expect(kahanSum([])).toBe(0);
  });
});

describe('KahanSums', () => {
  it('keeps independent compensated slots', () => {
    const s = new KahanSums(2);
    for (let i = 0; i < 10; i++) s.add(0, 0.1);
    s.add(1, -5);
    s.add(1, NaN);
    expect(s.value(0)).toBe(1);
    expect(Array.from(s.values())).toEqual([1, -5]);
  });
});
