import { describe, expect, it } from 'vitest';
import { logRankTest } from '../../../../src/core/stats/log-rank-test.ts';

// Freireich et al. (1963), Blood 21, 699–716: weeks in remission of leukaemia patients, 6-MP vs
// placebo; '+' = censored. Worked in Kleinbaum & Klein, "Survival Analysis: A Self-Learning Text"
// (ch. 2, the remission data): 6-MP O = 9, E = 19.25; placebo O = 21, E = 10.75;
// Var(O − E) = 6.2570; log-rank statistic 16.79 on 1 df (P < 0.0001).
// Exact values (Python fractions, and scipy 1.17 stats.logrank: statistic² = 16.79294098921653,
// p = 4.168809109334529e-05): E = 19.25050094803113 and 10.74949905196887, V = 6.2569605736755.
const SIX_MP_EVENTS = [6, 6, 6, 7, 10, 13, 16, 22, 23];
const SIX_MP_CENSORED = [6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35];
const PLACEBO_EVENTS = [1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23];
// Object.freeze cannot freeze a typed array with elements; the record holding them is frozen.
const FREIREICH = Object.freeze({
  time: Float64Array.from([...SIX_MP_EVENTS, ...SIX_MP_CENSORED, ...PLACEBO_EVENTS]),
  event: Uint8Array.from([...SIX_MP_EVENTS.map(() => 1), ...SIX_MP_CENSORED.map(() => 0), ...PLACEBO_EVENTS.map(() => 1)]),
  group: Int32Array.from([...SIX_MP_EVENTS.map(() => 0), ...SIX_MP_CENSORED.map(() => 0), ...PLACEBO_EVENTS.map(() => 1)]),
});

// A three-group example small enough to work by hand (exact fractions):
//   group 0: events at 1 and 3; group 1: event at 2, censored at 4; group 2: events at 3 and 5.
//   t   at risk (n0, n1, n2)  d   E increments            w = d(n−d)/(n−1)
//   1   (2, 2, 2), n = 6      1   (1/3, 1/3, 1/3)         1
//   2   (1, 2, 2), n = 5      1   (1/5, 2/5, 2/5)         1
//   3   (1, 1, 2), n = 4      2   (1/2, 1/2, 1)           4/3
//   5   (0, 0, 1), n = 1      1   (0, 0, 1)               0
// O = (2, 1, 2); E = (31/30, 37/30, 82/30); O − E = (29, −7, −22)/30.
// V = Σ w (nₕ/n)(δₕₗ − nₗ/n): V00 = 2/9 + 4/25 + 1/4 = 569/900, V11 = 2/9 + 6/25 + 1/4 = 641/900,
// V01 = −(1/9 + 2/25 + 1/12) = −247/900. Leaving group 2 out,
// X² = uᵀ V⁻¹ u = [641·29² − 2·247·29·7 + 569·7²] / (569·641 − 247²) = 466680 / 303720 = 3889/2531
// = 1.5365468…, df = 2, p = exp(−X²/2) = 0.4638132 (on 2 df the chi-square tail is exp(−x/2)).
const THREE_GROUPS = Object.freeze({
  time: Float64Array.of(1, 3, 2, 4, 3, 5),
  event: Uint8Array.of(1, 1, 1, 0, 1, 1),
  group: Int32Array.of(0, 0, 1, 1, 2, 2),
});

describe('logRankTest', () => {
  it('reproduces Kleinbaum & Klein on the Freireich remission data: O/E 9/19.25 and 21/10.75, X² = 16.79', () => {
    const r = logRankTest(FREIREICH.time, FREIREICH.event, FREIREICH.group)!;
    expect(r.df).toBe(1);
    expect(r.groups).toHaveLength(2);
    expect(r.groups[0].n).toBe(21);
    expect(r.groups[0].observed).toBe(9);
    expect(r.groups[0].expected).toBeCloseTo(19.25, 2);
    expect(r.groups[1].n).toBe(21);
    expect(r.groups[1].observed).toBe(21);
    expect(r.groups[1].expected).toBeCloseTo(10.75, 2);
    expect(r.chi2).toBeCloseTo(16.79, 2);
    // Full precision against the exact computation and scipy.
    expect(r.groups[1].expected).toBeCloseTo(10.74949905196887, 12);
    expect(r.chi2).toBeCloseTo(16.792940989216532, 10);
    expect(r.p / 4.168809109334529e-5).toBeCloseTo(1, 8);
  });

  it('equals (O − E)² / V for two groups, with V = 6.2570 as in Kleinbaum & Klein', () => {
    const r = logRankTest(FREIREICH.time, FREIREICH.event, FREIREICH.group)!;
    const oMinusE = r.groups[1].observed - r.groups[1].expected;
    expect(oMinusE ** 2 / r.chi2).toBeCloseTo(6.257, 3);
    expect(oMinusE ** 2 / r.chi2).toBeCloseTo(6.2569605736755, 10);
  });

  it('gives X² = 3889/2531 on 2 df for the hand-worked three-group example', () => {
    const r = logRankTest(THREE_GROUPS.time, THREE_GROUPS.event, THREE_GROUPS.group)!;
    expect(r.df).toBe(2);
    expect(r.groups.map((g) => g.observed)).toEqual([2, 1, 2]);
    expect(r.groups[0].expected).toBeCloseTo(31 / 30, 14);
    expect(r.groups[1].expected).toBeCloseTo(37 / 30, 14);
    expect(r.groups[2].expected).toBeCloseTo(82 / 30, 14);
    expect(r.chi2).toBeCloseTo(3889 / 2531, 13);
    expect(r.p).toBeCloseTo(Math.exp(-3889 / 2531 / 2), 13);
  });

  it('does not depend on the order of subjects or the numbering of groups', () => {
    const base = logRankTest(THREE_GROUPS.time, THREE_GROUPS.event, THREE_GROUPS.group)!;
    // Reversed subjects, groups renumbered 0 → 2, 1 → 0, 2 → 1.
    const relabel = [2, 0, 1];
    const r = logRankTest(
      Float64Array.from(THREE_GROUPS.time).reverse(),
      Uint8Array.from(THREE_GROUPS.event).reverse(),
      Int32Array.from(THREE_GROUPS.group, (g) => relabel[g]).reverse(),
    )!;
    expect(r.chi2).toBeCloseTo(base.chi2, 13);
    expect(r.groups[2].expected).toBeCloseTo(base.groups[0].expected, 14);
  });

  it('reports empty and never-at-risk groups but leaves them out of df (like survdiff)', () => {
    // 6-MP is group 0, placebo group 2; group 1 and group 4 (reached through groupCount = 5)
    // have no subjects; group 3's only subject is censored at 0.5, before the first event, so
    // its expected count is 0. The test is the two-group one above.
    const time = Float64Array.from([...FREIREICH.time, 0.5]);
    const event = Uint8Array.from([...FREIREICH.event, 0]);
    const group = Int32Array.from([...Array.from(FREIREICH.group, (g) => 2 * g), 3]);
    const r = logRankTest(time, event, group, 5)!;
    expect(r.df).toBe(1);
    expect(r.groups).toHaveLength(5);
    expect(r.groups[1]).toEqual({ n: 0, observed: 0, expected: 0 });
    expect(r.groups[3]).toEqual({ n: 1, observed: 0, expected: 0 });
    expect(r.groups[4]).toEqual({ n: 0, observed: 0, expected: 0 });
    expect(r.groups[2].observed).toBe(21);
    expect(r.chi2).toBeCloseTo(16.792940989216532, 10);
  });

  it('leaves its inputs unchanged (typed arrays cannot be frozen, so they are compared)', () => {
    const before = Array.from(FREIREICH.time);
    logRankTest(FREIREICH.time, FREIREICH.event, FREIREICH.group);
    expect(Array.from(FREIREICH.time)).toEqual(before);
  });

  it('returns null for empty arrays, a single group, no events, or a singular variance', () => {
    expect(logRankTest(new Float64Array(0), new Uint8Array(0), new Int32Array(0))).toBeNull();
    expect(logRankTest(Float64Array.of(1, 2), Uint8Array.of(1, 1), Int32Array.of(0, 0))).toBeNull();
    expect(logRankTest(Float64Array.of(1, 2), Uint8Array.of(0, 0), Int32Array.of(0, 1))).toBeNull();
    // Both subjects churn at the same time: d = n, so V = 0 and there is nothing to test.
    expect(logRankTest(Float64Array.of(3, 3), Uint8Array.of(1, 1), Int32Array.of(0, 1))).toBeNull();
  });

  it('throws for mismatched lengths, NaN times, events other than 0/1 and bad group indices', () => {
    expect(() => logRankTest(Float64Array.of(1, 2), Uint8Array.of(1), Int32Array.of(0, 1))).toThrow(
      'logRankTest requires time, event and group of one length, got 2, 1 and 2',
    );
    expect(() => logRankTest(Float64Array.of(1, NaN), Uint8Array.of(1, 1), Int32Array.of(0, 1))).toThrow(
      'logRankTest requires finite times, events of 0 or 1 and whole group indices in [0, 2), got time NaN, event 1, group 1 for subject 1',
    );
    expect(() => logRankTest(Float64Array.of(1, 2), Uint8Array.of(1, 2), Int32Array.of(0, 1))).toThrow(RangeError);
    expect(() => logRankTest(Float64Array.of(1, 2), Uint8Array.of(1, 1), Float64Array.of(0, 1.5))).toThrow(RangeError);
    expect(() => logRankTest(Float64Array.of(1, 2), Uint8Array.of(1, 1), Int32Array.of(0, -1))).toThrow(RangeError);
    expect(() => logRankTest(Float64Array.of(1, 2), Uint8Array.of(1, 1), Int32Array.of(0, 2), 2)).toThrow(RangeError);
    expect(() => logRankTest(Float64Array.of(1), Uint8Array.of(1), Int32Array.of(0), 1.5)).toThrow(
      'logRankTest requires a whole groupCount ≥ 0, got 1.5',
    );
  });
});
