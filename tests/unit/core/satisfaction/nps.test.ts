import { describe, expect, it } from 'vitest';
import { netPromoterScore, npsGroupOf } from '../../../../src/core/satisfaction/nps.ts';

// Expected intervals computed by hand from Var = (p_P + p_D - (p_P - p_D)^2) / n (Rocks 2016,
// section 2), z = 1.959964; adjusted Wald: 3/4 added to promoters and detractors, 3 to n.
describe('netPromoterScore', () => {
  it('is % promoters - % detractors: the Botanic survey (8,465 / 3,953 / 1,194) gives 53.42', () => {
    const f = netPromoterScore(8465, 3953, 1194)!;
    expect(f.nps).toBeCloseTo(53.42, 2);
    expect(f.answers).toBe(13612);
    expect(f.promoterShare - f.detractorShare).toBeCloseTo(f.nps, 10);
    // n' = 13615, p_P' = 8465.75 / n', p_D' = 1194.75 / n': 53.4176 ± 1.0942.
    expect(f.low).toBeCloseTo(52.3101, 3);
    expect(f.high).toBeCloseTo(54.4985, 3);
  });
  it('plain Wald: 60 / 25 / 15 of 100 -> 45 ± 1.96 x sqrt((0.75 - 0.2025) / 100) = [30.50, 59.50]', () => {
    const f = netPromoterScore(60, 25, 15, { method: 'wald' })!;
    expect(f.nps).toBe(45);
    expect(f.low).toBeCloseTo(30.4976, 3);
    expect(f.high).toBeCloseTo(59.5024, 3);
    expect(f.method).toBe('wald');
  });
  it('adjusted Wald: 60 / 25 / 15 -> centre 60.75/103 - 15.75/103 = 43.69, interval [29.34, 58.04]', () => {
    const f = netPromoterScore(60, 25, 15)!;
    expect(f.nps).toBe(45);
    expect(f.low).toBeCloseTo(29.3431, 3);
    expect(f.high).toBeCloseTo(58.0355, 3);
  });
  it('ten promoters of ten: Wald collapses to [100, 100], the adjusted interval does not', () => {
    expect(netPromoterScore(10, 0, 0, { method: 'wald' })).toMatchObject({ nps: 100, low: 100, high: 100 });
    const f = netPromoterScore(10, 0, 0)!;
    expect(f.high).toBe(100);
    expect(f.low).toBeCloseTo(47.5036, 3);
  });
  it('no answers give null; bad counts throw', () => {
    expect(netPromoterScore(0, 0, 0)).toBeNull();
    expect(() => netPromoterScore(1.5, 0, 0)).toThrow(RangeError);
    expect(() => netPromoterScore(NaN, 0, 0)).toThrow('netPromoterScore requires whole counts >= 0');
    expect(() => netPromoterScore(-1, 0, 0)).toThrow(RangeError);
  });
});

describe('npsGroupOf', () => {
  it('9-10 promoter, 7-8 passive, 0-6 detractor', () => {
    expect([0, 6, 7, 8, 9, 10].map(npsGroupOf)).toEqual(['detractor', 'detractor', 'passive', 'passive', 'promoter', 'promoter']);
  });
});
