import { describe, expect, it } from 'vitest';
import { churnRateDifference } from '../../../../src/core/churn/churn-rate-difference.ts';
import type { ChurnStatus } from '../../../../src/core/churn/churn-status.ts';

const status = (base: number[], churned: number[]) => ({ base: Uint8Array.from(base), churned: Uint8Array.from(churned) }) as unknown as ChurnStatus;

describe('churnRateDifference', () => {
  it('2 of 2 vs 1 of 3 -> 66.7 points, Newcombe [-13.53, 93.85], z = 1.4907, p = 0.1360 (by hand)', () => {
    // Customers 0-4; customer 5 is outside the base and never counts.
    const s = status([1, 1, 1, 1, 1, 0], [1, 1, 1, 0, 0, 0]);
    const d = churnRateDifference(s, (k) => (k < 2 ? 0 : k < 6 ? 1 : -1))!;
    expect(d).toMatchObject({ customers: 2, churned: 2, otherCustomers: 3, otherChurned: 1, rate: 100 });
    expect(d.otherRate).toBeCloseTo(100 / 3, 10);
    expect(d.diff).toBeCloseTo(66.6667, 3);
    expect(d.low).toBeCloseTo(-13.53, 2);
    expect(d.high).toBeCloseTo(93.851, 2);
    expect(d.p!).toBeCloseTo(0.136037, 5);
  });
  it('null when a group has nobody in the base', () => {
    expect(churnRateDifference(status([1, 1], [1, 0]), () => 0)).toBeNull();
  });
});
