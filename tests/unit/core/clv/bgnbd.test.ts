import { describe, expect, it } from 'vitest';
import { bgnbdConditionalExpected, bgnbdExpected, bgnbdExpectedCurve, bgnbdLogLikelihoodOne, bgnbdPAlive, bgnbdPmf, fitBgnbd } from '../../../../src/core/clv/bgnbd.ts';
import { holdoutCheck } from '../../../../src/core/clv/holdout.ts';
import { purchaseSummary } from '../../../../src/core/clv/purchase-summary.ts';
import { buildOrderIndex } from '../../../../src/core/retention/customer-index.ts';
import { CALIBRATION_END, HOLDOUT_END, REFERENCE, cdnowSampleOrders } from './cdnow.ts';

// Every expected number is from /work/shared/data/cdnow/reference_values.json, which cites its
// sources: Fader, Hardie & Lee (2005) Marketing Science 24(2) for the published parameters;
// R BTYD's walkthrough and CLVTools' correctness tests for the exact optimum (LL −9582.429);
// Hardie's BG/NBD Excel note via lifetimes' tests for E[X(t)] and customer 1; the BTYD
// walkthrough for customer 1516, E[X(52)] and the hold-out table; pymc-marketing for the
// single-customer log-likelihoods.
const ref = REFERENCE.bgnbd;
const checks = ref.checks as Record<string, Record<string, number & number[]>>;
const summary = purchaseSummary(buildOrderIndex(cdnowSampleOrders()), { calibrationEnd: CALIBRATION_END, holdoutEnd: HOLDOUT_END, zeroIsPurchase: true });
const fit = fitBgnbd(summary.unique);
/** The parameters BTYD's walkthrough printed its per-customer values with. */
const BTYD = { r: 0.2425982, alpha: 4.4136842, a: 0.7929899, b: 2.4261667 };
const published = { r: ref.published.r, alpha: ref.published.alpha, a: ref.published.a, b: ref.published.b };

describe('fitBgnbd on the CDNOW sample', () => {
  it('reproduces the published parameters within 1 % (FHL 2005: r 0.243, α 4.414, a 0.793, b 2.426)', () => {
    for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(Math.abs(fit[k] / ref.published[k] - 1)).toBeLessThan(0.01);
    expect(Math.abs(fit.logLik - ref.published.LL)).toBeLessThan(0.05);
  });
  it('reaches the exact optimum to 1e-4 (0.242595, 4.413602, 0.792918, 2.425893; LL −9582.4292)', () => {
    for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(Math.abs(fit[k] - ref.optimum[k])).toBeLessThan(1e-4);
    expect(Math.abs(fit.logLik - ref.optimum.LL)).toBeLessThan(1e-4);
  });
  it('claims convergence because all 3 starts agree, and sees no boundary', () => {
    expect(fit).toMatchObject({ converged: true, atBoundary: [], starts: 3, agreeing: 3 });
  });
  it('fits on 1,016 distinct (x, t_x, T) rows standing for 2,357 customers', () => {
    expect(summary.unique.length).toBe(1016);
    expect(summary.unique.weight.reduce((a, b) => a + b, 0)).toBe(2357);
  });
});

describe('BG/NBD per-customer values', () => {
  it('log-likelihood of single customers, including a 200-purchase one (no overflow)', () => {
    const p = { r: 0.25, alpha: 4, a: 0.8, b: 2.5 };
    expect(bgnbdLogLikelihoodOne(p, 0, 0, 40)).toBeCloseTo(-0.59947382, 7);
    expect(bgnbdLogLikelihoodOne(p, 200, 38, 40)).toBeCloseTo(100.7957, 4);
  });
  it("E[X(t)] of a new customer matches Hardie's Excel sheet (3 decimals) and E[X(52)] BTYD's 1.444004", () => {
    const e = checks.E_X_t_new_customer as unknown as { t: number[]; value: number[] };
    e.t.forEach((t, i) => expect(Math.abs(bgnbdExpected(fit, t) - e.value[i])).toBeLessThan(5e-4));
    expect(Math.abs(bgnbdExpected(BTYD, 52) - 1.444004)).toBeLessThan(1e-6);
    expect(Math.abs(bgnbdExpected(fit, 52) - 1.444004)).toBeLessThan(1e-4);
  });
  it('customer 1 (x 2, t_x 30.43, T 38.86): 1.226 purchases in the next 39 weeks', () => {
    expect(Math.abs(bgnbdConditionalExpected(fit, 2, 30.43, 38.86, 39) - 1.226)).toBeLessThan(1e-3);
  });
  it('customer 1516 (x 26, t_x 30.857143, T 31): E[Y(52)] 25.75659 and P(alive) 0.9688523 (BTYD)', () => {
    expect(Math.abs(bgnbdConditionalExpected(BTYD, 26, 30.857143, 31, 52) - 25.75659)).toBeLessThan(1e-4);
    expect(Math.abs(bgnbdPAlive(BTYD, 26, 30.857143, 31) - 0.9688523)).toBeLessThan(1e-6);
    // At our own optimum, within the optimum's own spread.
    expect(Math.abs(bgnbdConditionalExpected(fit, 26, 30.857143, 31, 52) / 25.75659 - 1)).toBeLessThan(1e-4);
    expect(Math.abs(bgnbdPAlive(fit, 26, 30.857143, 31) - 0.9688523)).toBeLessThan(1e-5);
  });
  it('the purchase-count distribution with the published parameters (R BTYD via lifetimes)', () => {
    const pmf = checks.pmf_with_published_params as unknown as { P_X2_eq_10: number; P_X39_eq_0: number; P_X30_eq_n_11_to_20: number[] };
    expect(bgnbdPmf(published, 10, 2) / pmf.P_X2_eq_10 - 1).toBeCloseTo(0, 5);
    expect(bgnbdPmf(published, 0, 39)).toBeCloseTo(pmf.P_X39_eq_0, 6);
    pmf.P_X30_eq_n_11_to_20.forEach((v, i) => expect(bgnbdPmf(published, 11 + i, 30) / v - 1).toBeCloseTo(0, 5));
  });
  it('P(alive) is 1 for x = 0 in the model (the report shows "cannot judge")', () => {
    expect(bgnbdPAlive(fit, 0, 0, 30)).toBe(1);
  });
});

describe('calibration / hold-out check on CDNOW (39 weeks)', () => {
  const h = holdoutCheck(summary, (x, tx, T, t) => bgnbdConditionalExpected(fit, x, tx, T, t));
  const table = checks.holdout_by_calibration_frequency as unknown as { bins: string[]; customers: number[]; actual_mean_x_star: number[]; bgnbd_expected: number[] };
  it('has the reference groups, actual means and expected means (BTYD)', () => {
    expect(h.rows.map((r) => r.label)).toEqual(table.bins);
    expect(h.rows.map((r) => r.customers)).toEqual(table.customers);
    h.rows.forEach((r, i) => {
      expect(Math.abs(r.actual! - table.actual_mean_x_star[i])).toBeLessThan(5e-4);
      expect(Math.abs(r.expected! / table.bgnbd_expected[i] - 1)).toBeLessThan(1e-4);
    });
  });
  it('under-forecasts the hold-out by about 12 %: 1,653.4 expected, 1,882 actual', () => {
    expect(h.actualTotal).toBe(1882);
    expect(Math.abs(h.expectedTotal - 1653.4)).toBeLessThan(0.05);
    expect(h.forecastError!).toBeCloseTo(-0.1215, 3);
  });
});

describe('fitBgnbd bad input and boundary optima', () => {
  it('throws without repeat purchases', () => {
    expect(() => fitBgnbd({ length: 1, x: new Float64Array([0]), tx: new Float64Array([0]), T: new Float64Array([10]), weight: new Float64Array([5]) })).toThrow(RangeError);
  });
  it('reports a at the boundary when nobody drops out (steady Poisson buyers)', () => {
    // Customers buy at their own steady pace (1 to 12 weeks apart), all of them until the last
    // week: no sign of dropout, so the likelihood keeps rising as a -> 0.
    const n = 60;
    const rows = { length: n, x: new Float64Array(n), tx: new Float64Array(n), T: new Float64Array(n), weight: new Float64Array(n).fill(1) };
    for (let i = 0; i < n; i++) {
      rows.T[i] = 40 + (i % 13);
      rows.x[i] = Math.max(1, Math.round(rows.T[i] / (1 + (i % 12))));
      rows.tx[i] = rows.T[i] - 0.5;
    }
    const f = fitBgnbd(rows);
    expect(f.atBoundary).toContain('a');
  });
});

describe('bgnbdExpectedCurve: every horizon of a CLV in one series pass', () => {
  it('equals the conditional expectation at each month end (CDNOW optimum, several histories)', () => {
    const times = Float64Array.from({ length: 12 }, (_, m) => ((m + 1) * 365.25) / 12 / 7);
    const out = new Float64Array(12);
    for (const [x, tx, T] of [[0, 0, 38.86], [0, 0, 1], [2, 30.43, 38.86], [26, 30.857143, 31], [7, 10, 38], [60, 38, 38.5]]) {
      bgnbdExpectedCurve(fit, x, tx, T, times, out);
      times.forEach((t, i) => expect(Math.abs(out[i] / bgnbdConditionalExpected(fit, x, tx, T, t) - 1)).toBeLessThan(1e-11));
    }
  });
});
