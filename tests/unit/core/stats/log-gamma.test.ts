import { describe, expect, it } from 'vitest';
import { logGamma } from '../../../../src/core/stats/log-gamma.ts';

// Reference values: closed forms where they exist (Γ(n) = (n − 1)!, Γ(1/2) = √π), otherwise
// mpmath 1.3 `loggamma` at 30 significant digits (quoted to 17 here).
const close = (actual: number, expected: number, rel = 1e-14): void => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(expected)));
};

describe('logGamma', () => {
  it('logGamma(0.5) = ln √π', () => close(logGamma(0.5), 0.5 * Math.log(Math.PI)));
  it('logGamma(n) = ln (n − 1)! for whole n', () => {
    expect(logGamma(1)).toBe(0);
    expect(logGamma(2)).toBe(0);
    close(logGamma(3), Math.LN2);
    close(logGamma(10), Math.log(362880));
    close(logGamma(20), Math.log(121645100408832000));
  });
  it('logGamma(1.5) = ln(√π / 2) and logGamma(2.5) = ln(3√π / 4)', () => {
    close(logGamma(1.5), Math.log(Math.sqrt(Math.PI) / 2));
    close(logGamma(2.5), Math.log((3 * Math.sqrt(Math.PI)) / 4));
  });
  it('is accurate for small arguments (reflection branch)', () => {
    // mpmath: 6.90717888538385368…; series check: −ln x − γx + (π²/12)x² − … at x = 1e-3.
    close(logGamma(1e-3), 6.907178885383853);
    close(logGamma(1e-300), 690.7755278982137);
  });
  it('is accurate for large arguments', () => {
    close(logGamma(100), 359.13420536957540);
    close(logGamma(171.5), 709.14316303092824); // Γ(171.5) is near the double overflow limit
    close(logGamma(1e10), 220258509288.81058);
  });
  it('gives ln |Γ(x)| for negative non-integers: Γ(−1/2) = −2√π', () => {
    close(logGamma(-0.5), Math.log(2 * Math.sqrt(Math.PI)));
    close(logGamma(-0.5), 1.2655121234846454);
  });
  it('returns +Infinity at the poles and NaN for NaN', () => {
    expect(logGamma(0)).toBe(Infinity);
    expect(logGamma(-3)).toBe(Infinity);
    expect(logGamma(Infinity)).toBe(Infinity);
    expect(logGamma(NaN)).toBeNaN();
  });
});
