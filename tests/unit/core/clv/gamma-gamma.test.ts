import { describe, expect, it } from 'vitest';
import { fitGammaGamma, gammaGammaExpectedSpend, gammaGammaLogLikelihood } from '../../../../src/core/clv/gamma-gamma.ts';
import { purchaseSummary } from '../../../../src/core/clv/purchase-summary.ts';
import { buildOrderIndex } from '../../../../src/core/retention/customer-index.ts';
import { CALIBRATION_END, REFERENCE, cdnowSampleOrders } from './cdnow.ts';

// Expected numbers: /work/shared/data/cdnow/reference_values.json — published p 6.25, q 3.74,
// γ 15.44 (Fader, Hardie & Lee 2005, JMR 42(4); Fader & Hardie 2013, note 025); exact optimum
// and LL −4055.9177 (CLVTools test_correctness_gg.R); E[M] of customers 1-10 from Hardie's
// note-025 spreadsheet (lifetimes' test, atol 0.1; they match the optimum to 0.01).
const ref = REFERENCE.gamma_gamma;
const s = purchaseSummary(buildOrderIndex(cdnowSampleOrders()), { calibrationEnd: CALIBRATION_END, zeroIsPurchase: true });
const fit = fitGammaGamma(s.spendDays, s.spendMean);

describe('fitGammaGamma on the CDNOW sample (946 repeat buyers, mean repeat spend)', () => {
  it('fits the 946 customers with x > 0', () => expect(fit.customers).toBe(946));
  it('reproduces the published parameters within 1 %', () => {
    for (const k of ['p', 'q', 'gamma'] as const) expect(Math.abs(fit[k] / ref.published[k] - 1)).toBeLessThan(0.01);
  });
  it('reaches the exact optimum to 1e-4 (6.249607, 3.744220, 15.443407; LL −4055.9177)', () => {
    for (const k of ['p', 'q', 'gamma'] as const) expect(Math.abs(fit[k] - ref.optimum[k])).toBeLessThan(1e-4 * Math.max(1, ref.optimum[k]));
    expect(Math.abs(fit.logLik - ref.optimum.LL)).toBeLessThan(1e-4);
    expect(fit).toMatchObject({ converged: true, atBoundary: [] });
  });
  it('gives the expected spend of customers 1-10 to 0.01 (x = 0: the population mean 35.17)', () => {
    const ids = Array.from({ length: 10 }, (_, i) => String(i + 1).padStart(4, '0'));
    ids.forEach((id, i) => {
      const k = s.ids.indexOf(id);
      expect(Math.abs(gammaGammaExpectedSpend(fit, s.spendDays[k], s.spendMean[k]) - ref.checks.E_M_customers_1_to_10[i])).toBeLessThan(0.01);
    });
  });
});

describe('Gamma-Gamma edge cases', () => {
  it('the log-likelihood skips x = 0 and unknown spend', () => {
    const ll = gammaGammaLogLikelihood([1, 0, 2], [10, NaN, 20]);
    const only = gammaGammaLogLikelihood([1, 2], [10, 20]);
    expect(ll({ p: 2, q: 3, gamma: 4 })).toBe(only({ p: 2, q: 3, gamma: 4 }));
  });
  it('has no population mean when q <= 1', () => {
    expect(gammaGammaExpectedSpend({ p: 1, q: 1, gamma: 1 }, 0, NaN)).toBeNaN();
  });
  it('throws with fewer than two repeat buyers', () => {
    expect(() => fitGammaGamma([1], [10])).toThrow(RangeError);
  });
});
