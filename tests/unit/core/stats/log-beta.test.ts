import { describe, expect, it } from 'vitest';
import { logBeta } from '../../../../src/core/stats/log-beta.ts';

describe('logBeta', () => {
  it('logBeta(1, 1) = 0 and logBeta(0.5, 0.5) = ln π', () => {
    expect(Math.abs(logBeta(1, 1))).toBeLessThan(1e-15);
    expect(logBeta(0.5, 0.5)).toBeCloseTo(Math.log(Math.PI), 14);
  });
  it('logBeta(2.5, 3.5) = ln(3π / 256) (Γ(2.5) Γ(3.5) / Γ(6) = (3√π/4)(15√π/8)/120)', () => {
    expect(logBeta(2.5, 3.5)).toBeCloseTo(Math.log((3 * Math.PI) / 256), 13);
  });
  it('logBeta(a, 1) = −ln a, and is symmetric', () => {
    expect(logBeta(0.7, 1)).toBeCloseTo(-Math.log(0.7), 14);
    expect(logBeta(0.7, 1.2)).toBe(logBeta(1.2, 0.7));
    expect(logBeta(0.7, 1.2)).toBeCloseTo(0.21447743245140935, 13); // mpmath 1.3
  });
  it('keeps precision for very unequal arguments (mpmath: ln B(1e-3, 1e3) = 6.900271629687955)', () => {
    expect(logBeta(1e-3, 1e3)).toBeCloseTo(6.900271629687955, 10);
  });
  it('returns NaN outside a, b > 0', () => {
    expect(logBeta(0, 1)).toBeNaN();
    expect(logBeta(1, -2)).toBeNaN();
    expect(logBeta(NaN, 1)).toBeNaN();
  });
});
