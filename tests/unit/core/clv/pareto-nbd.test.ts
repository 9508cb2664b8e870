import { describe, expect, it } from 'vitest';
import { fitParetoNbd, paretoNbdConditionalExpected, paretoNbdExpected, paretoNbdPAlive } from '../../../../src/core/clv/pareto-nbd.ts';
import { purchaseSummary } from '../../../../src/core/clv/purchase-summary.ts';
import { buildOrderIndex } from '../../../../src/core/retention/customer-index.ts';
import { CALIBRATION_END, REFERENCE, cdnowSampleOrders } from './cdnow.ts';

// /work/shared/data/cdnow/reference_values.json: published r 0.553, α 10.578, s 0.606, β 11.669
// (Fader, Hardie & Lee 2005, the Pareto/NBD benchmark of the BG/NBD paper; lifetimes' and
// CLVTools' tests), exact optimum and LL −9594.9762 (CLVTools, BTYD); customer 1516 and
// E[X(52)] from BTYD's walkthrough (its estimates, printed rounded as 0.553, 10.580, 0.606, 11.656,
// are the optimum: the values are checked at ours).
const ref = REFERENCE.pnbd;
const s = purchaseSummary(buildOrderIndex(cdnowSampleOrders()), { calibrationEnd: CALIBRATION_END, zeroIsPurchase: true });
const fit = fitParetoNbd(s.unique);
const BTYD = { r: 0.553, alpha: 10.58, s: 0.606, beta: 11.656 };

describe('fitParetoNbd on the CDNOW sample', () => {
  it('reproduces the published parameters within 1 % and the exact optimum to 1e-3', () => {
    for (const k of ['r', 'alpha', 's', 'beta'] as const) {
      expect(Math.abs(fit[k] / ref.published[k] - 1)).toBeLessThan(0.01);
      expect(Math.abs(fit[k] / ref.optimum[k] - 1)).toBeLessThan(1e-3);
    }
    expect(Math.abs(fit.logLik - ref.optimum.LL)).toBeLessThan(1e-4);
    expect(fit.converged).toBe(true);
  });
  it('customer 1516: P(alive) 0.997874 and E[Y(52)] 25.45647; a new customer E[X(52)] 1.473434 (BTYD, at the optimum)', () => {
    expect(Math.abs(paretoNbdPAlive(fit, 26, 30.857143, 31) - 0.997874)).toBeLessThan(1e-5);
    expect(Math.abs(paretoNbdConditionalExpected(fit, 26, 30.857143, 31, 52) / 25.45647 - 1)).toBeLessThan(1e-4);
    expect(Math.abs(paretoNbdExpected(fit, 52) / 1.473434 - 1)).toBeLessThan(1e-5);
    // With the walkthrough's printed (rounded) estimates P(alive) is the same to 1e-6.
    expect(Math.abs(paretoNbdPAlive(BTYD, 26, 30.857143, 31) - 0.997874)).toBeLessThan(1e-5);
  });
});
