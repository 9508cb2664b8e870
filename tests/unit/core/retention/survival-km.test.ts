import { describe, expect, it } from 'vitest';
import { kaplanMeier, kaplanMeierAt } from '../../../../src/core/retention/survival-km.ts';

// 6-MP arm of the leukemia remission trial of Freireich et al. (1963), Blood 21(6), 699–716:
// weeks in remission, * = censored. The Kaplan-Meier table with Greenwood standard errors is
// printed in Kleinbaum & Klein, Survival Analysis: A Self-Learning Text (3rd ed., ch. 2), and
// the log-log band is R's `survfit(Surv(time, status) ~ 1, conf.type = "log-log")` output for
// the same data (MASS::gehan, treat == "6-MP"):
//   time n.risk n.event survival std.err lower 95% upper 95%
//      6     21       3    0.857  0.0764     0.620     0.952
//      7     17       1    0.807  0.0869     0.563     0.923
//     10     15       1    0.753  0.0963     0.503     0.889
//     13     12       1    0.690  0.1068     0.432     0.849
//     16     11       1    0.627  0.1141     0.368     0.805
//     22      7       1    0.538  0.1282     0.268     0.747
//     23      6       1    0.448  0.1346     0.188     0.680
// median 23, 95 % limits 13 and "not reached".
const MP6_TIMES = Object.freeze([6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35]);
const MP6_EVENT = Object.freeze([1, 1, 1, 0, 1, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]);
const MP6_TABLE = Object.freeze([
  // [time, atRisk, events, survival, stdError, lower, upper]
  [6, 21, 3, 0.857, 0.0764, 0.62, 0.952],
  [7, 17, 1, 0.807, 0.0869, 0.563, 0.923],
  [10, 15, 1, 0.753, 0.0963, 0.503, 0.889],
  [13, 12, 1, 0.69, 0.1068, 0.432, 0.849],
  [16, 11, 1, 0.627, 0.1141, 0.368, 0.805],
  [22, 7, 1, 0.538, 0.1282, 0.268, 0.747],
  [23, 6, 1, 0.448, 0.1346, 0.188, 0.68],
]);

describe('kaplanMeier on the 6-MP leukemia data (Freireich et al. 1963)', () => {
  const curve = kaplanMeier(MP6_TIMES, MP6_EVENT);
  it('has one row per distinct time, censoring-only times included', () => {
    expect(Array.from(curve.time)).toEqual([6, 7, 9, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 34, 35]);
    expect(Array.from(curve.censored)).toEqual([1, 0, 1, 1, 1, 0, 0, 1, 1, 1, 0, 0, 1, 2, 1, 1]);
    expect(curve.subjects).toBe(21);
    expect(curve.totalEvents).toBe(9);
  });
  it('reproduces the published survival, Greenwood SE and log-log band at every event time', () => {
    for (const [t, nRisk, d, s, se, lo, up] of MP6_TABLE) {
      const i = curve.time.indexOf(t);
      expect(curve.atRisk[i]).toBe(nRisk);
      expect(curve.events[i]).toBe(d);
      expect(curve.survival[i]).toBeCloseTo(s, 3);
      expect(curve.stdError[i]).toBeCloseTo(se, 4);
      expect(curve.lower[i]).toBeCloseTo(lo, 3);
      expect(curve.upper[i]).toBeCloseTo(up, 3);
    }
  });
  it('gives S(6) = 18/21 exactly and keeps the curve flat at censoring-only times', () => {
    expect(curve.survival[0]).toBe(1 - 3 / 21);
    expect(curve.survival[2]).toBe(curve.survival[1]); // t = 9, censored only
    expect(curve.variance[2]).toBe(curve.variance[1]);
  });
  it('finds median 23 with 95 % limits 13 and not reached', () => {
    expect(curve.median).toBe(23);
    expect(curve.medianLower).toBe(13);
    expect(curve.medianUpper).toBeNull();
  });
  it('reads the step function with kaplanMeierAt', () => {
    expect(kaplanMeierAt(curve, 5.9)).toBe(1);
    expect(kaplanMeierAt(curve, 6)).toBe(curve.survival[0]);
    expect(kaplanMeierAt(curve, 12.5)).toBeCloseTo(0.753, 3);
    expect(kaplanMeierAt(curve, 1000)).toBeCloseTo(0.448, 3);
    expect(kaplanMeierAt(curve, NaN)).toBeNaN();
  });
  it('gives the same curve for unsorted typed-array input', () => {
    const order = [20, 3, 15, 0, 7, 11, 1, 19, 5, 9, 13, 2, 18, 4, 17, 6, 16, 8, 14, 10, 12];
    const shuffled = kaplanMeier(
      Float64Array.from(order, (i) => MP6_TIMES[i]),
      Uint8Array.from(order, (i) => MP6_EVENT[i]),
    );
    expect(shuffled).toEqual(curve);
  });
});

describe('kaplanMeier on a 5-customer example computed by hand', () => {
  // Lifetimes in days: 2, 3+, 5, 5, 8+ (+ = still active at the end, censored).
  // t = 2: n = 5, d = 1  -> S = 4/5 = 0.8;        Greenwood sum V = 1/(5·4) = 0.05
  //        var = 0.8² · 0.05 = 0.032, SE = √0.032 = 0.178885
  //        log-log: s = √0.05 / |ln 0.8| = 1.0020750, lower = 0.8^exp(1.96 s) = 0.2038093,
  //        upper = 0.8^exp(−1.96 s) = 0.9691798
  // t = 3: n = 4, d = 0, c = 1 -> S stays 0.8
  // t = 5: n = 3, d = 2  -> S = 0.8 · (1 − 2/3) = 0.266667; V = 0.05 + 2/(3·1) = 0.716667
  //        var = 0.266667² · 0.716667 = 0.0509630, SE = 0.2257498
  //        lower = 0.0096770, upper = 0.6861363
  // t = 8: n = 1, d = 0, c = 1 -> S stays 0.266667
  // Median: first S ≤ 0.5 is at t = 5; lower band ≤ 0.5 first at t = 2, upper never.
  const c = kaplanMeier([5, 8, 2, 5, 3], [true, false, true, true, false]);
  it('matches the hand computation', () => {
    expect(Array.from(c.time)).toEqual([2, 3, 5, 8]);
    expect(Array.from(c.atRisk)).toEqual([5, 4, 3, 1]);
    expect(Array.from(c.events)).toEqual([1, 0, 2, 0]);
    expect(Array.from(c.censored)).toEqual([0, 1, 0, 1]);
    const expected = [
      [0.8, 0.032, 0.2038093, 0.9691798],
      [0.8, 0.032, 0.2038093, 0.9691798],
      [0.2666667, 0.050963, 0.009677, 0.6861363],
      [0.2666667, 0.050963, 0.009677, 0.6861363],
    ];
    expected.forEach(([s, v, lo, up], i) => {
      expect(c.survival[i]).toBeCloseTo(s, 7);
      expect(c.variance[i]).toBeCloseTo(v, 6);
      expect(c.stdError[i]).toBeCloseTo(Math.sqrt(v), 6);
      expect(c.lower[i]).toBeCloseTo(lo, 6);
      expect(c.upper[i]).toBeCloseTo(up, 6);
    });
    expect(c.median).toBe(5);
    expect(c.medianLower).toBe(2);
    expect(c.medianUpper).toBeNull();
  });
});

describe('kaplanMeier edge cases', () => {
  it('returns an empty curve for empty input (policy: no customers is not an error)', () => {
    const c = kaplanMeier([], []);
    expect(c.subjects).toBe(0);
    expect(c.totalEvents).toBe(0);
    expect(c.time.length).toBe(0);
    expect(c.survival.length).toBe(0);
    expect(c.median).toBeNull();
    expect(kaplanMeierAt(c, 10)).toBe(1);
  });
  it('stays at 1 with a [1, 1] band when everyone is censored', () => {
    const c = kaplanMeier([3, 1, 3, 7], [0, 0, 0, 0]);
    expect(Array.from(c.time)).toEqual([1, 3, 7]);
    expect(Array.from(c.survival)).toEqual([1, 1, 1]);
    expect(Array.from(c.variance)).toEqual([0, 0, 0]);
    expect(Array.from(c.lower)).toEqual([1, 1, 1]);
    expect(Array.from(c.upper)).toEqual([1, 1, 1]);
    expect(Array.from(c.atRisk)).toEqual([4, 3, 1]);
    expect(c.median).toBeNull();
  });
  it('counts subjects censored at an event time as at risk (events before censoring)', () => {
    // t = 4: 2 churn, 1 censored, all 4 at risk -> S = 1 − 2/4 = 0.5 (not 1 − 2/3 if censoring came first).
    // t = 9: 1 at risk, it churns -> S = 0.
    const c = kaplanMeier([4, 4, 4, 9], [1, 0, 1, 1]);
    expect(Array.from(c.atRisk)).toEqual([4, 1]);
    expect(Array.from(c.events)).toEqual([2, 1]);
    expect(Array.from(c.censored)).toEqual([1, 0]);
    expect(Array.from(c.survival)).toEqual([0.5, 0]);
    expect(c.median).toBe(4);
  });
  it('drops to 0 with a [0, 0] band and NaN Greenwood variance when the last at risk churns', () => {
    const c = kaplanMeier([1, 2], [1, 1]);
    expect(Array.from(c.survival)).toEqual([0.5, 0]);
    expect(c.variance[0]).toBeCloseTo(0.125, 15); // 0.5² · 1/(2·1)
    expect(c.variance[1]).toBeNaN();
    expect(c.stdError[1]).toBeNaN();
    expect([c.lower[1], c.upper[1]]).toEqual([0, 0]);
    expect(c.median).toBe(1);
  });
  it('takes an exact 0.5 as the median despite rounding (24 churns on days 1..24: S(12) = 12/24)', () => {
    const days = Array.from({ length: 24 }, (_, i) => i + 1);
    const c = kaplanMeier(days, days.map(() => 1));
    expect(c.survival[11]).toBeCloseTo(0.5, 15); // computed as 0.5000000000000001
    expect(c.median).toBe(12);
  });
  it('accepts churn on day 0', () => {
    const c = kaplanMeier([0, 0, 5, 5], [1, 0, 0, 1]);
    expect(Array.from(c.time)).toEqual([0, 5]);
    expect(Array.from(c.survival)).toEqual([0.75, 0.375]);
  });
  it('throws on a length mismatch or a bad duration', () => {
    expect(() => kaplanMeier([1, 2], [1])).toThrow('kaplanMeier requires durations and observed of the same length');
    expect(() => kaplanMeier([1, -2], [1, 1])).toThrow('kaplanMeier requires finite non-negative durations (index 1: -2)');
    expect(() => kaplanMeier([NaN], [1])).toThrow(RangeError);
    expect(() => kaplanMeier([Infinity], [0])).toThrow(RangeError);
  });
  it('handles 1,000,000 customers in under 2 s (O(n log n); ~0.4 s measured)', () => {
    const n = 1_000_000;
    const d = new Float64Array(n);
    const o = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      d[i] = (i * 7919) % 1500; // days, scrambled order, every value 0..1499 present
      o[i] = i % 3 === 0 ? 0 : 1;
    }
    const t0 = performance.now();
    const c = kaplanMeier(d, o);
    const ms = performance.now() - t0;
    expect(c.time.length).toBe(1500);
    expect(c.atRisk[0]).toBe(n);
    expect(ms).toBeLessThan(2000);
  });
});
