import { describe, expect, it } from 'vitest';
import { churnRates, definitionsFor } from '../../../../src/core/retention/churn-definitions.ts';
import type { PeriodRow } from '../../../../src/core/retention/report-types.ts';

/** A March with S = 44, N = 12, 13 lost and 3 of the new customers gone again by 03-31. */
function march(cancellation: PeriodRow['cancellation'] = null): PeriodRow {
  const churn = churnRates({ S: 44, N: 12, lost: 13, newLost: 3 }, cancellation);
  return Object.freeze({
    period: '2011-03',
    start: '2011-03-01',
    end: '2011-03-31',
    complete: true,
    S: 44,
    E: 40,
    N: 12,
    lost: 13,
    retained: 31,
    reactivated: 0,
    newLost: 3,
    crr: ((40 - 12) / 44) * 100,
    exact: (31 / 44) * 100,
    churnRate: churn.A,
    churn,
    cancellation,
    revenue: null,
    revenueNew: null,
    revenueReturning: null,
    members: { lost: [], reactivated: [], new: [], newLost: [7, 8, 9] },
    explanation: null,
  });
}

describe('churnRates', () => {
  it('A = lost / S, B = (lost + newLost) / (S + N), C = lost / (S + N - newLost)', () => {
    const r = churnRates({ S: 44, N: 12, lost: 13, newLost: 3 }, null);
    expect(r.A).toBeCloseTo((13 / 44) * 100, 12); // 29.55 %
    expect(r.B).toBeCloseTo((16 / 56) * 100, 12); // 28.57 %
    expect(r.C).toBeCloseTo((13 / 53) * 100, 12); // 24.53 %
    expect([r.D, r.E]).toEqual([null, null]);
  });
  it('gives null, never 0 or 100 %, where a denominator is 0', () => {
    expect(churnRates({ S: 0, N: 0, lost: 0, newLost: 0 }, { startActive: 0, lost: 0 })).toEqual({ A: null, B: null, C: null, D: null, E: null });
    // S = 0 but new customers: A has no base, B and C do.
    expect(churnRates({ S: 0, N: 4, lost: 0, newLost: 1 }, null)).toEqual({ A: null, B: 25, C: 0, D: null, E: null });
  });
  it('D divides the cancellation-dated losses by the cancellation-dated base; E = A', () => {
    const r = churnRates({ S: 40, N: 0, lost: 4, newLost: 0 }, { startActive: 38, lost: 5 });
    expect(r.D).toBeCloseTo((5 / 38) * 100, 12);
    expect(r.E).toBe(10);
  });
});

describe('definitionsFor', () => {
  const ctx = { window: 30, filters: [{ code: 'orders-active', params: { window: 30 } }] } as const;
  it('puts A, B and C side by side with their numerators and denominators', () => {
    const d = definitionsFor(march(), ctx);
    expect(d.rows.map((r) => [r.id, r.numerator, r.denominator])).toEqual([
      ['A', 13, 44],
      ['B', 16, 56],
      ['C', 13, 53],
    ]);
  });
  it('reconciles them in counts and codes ("3 customers who joined and left in March count in B, not in A")', () => {
    const [aToB, bToC, aToC] = definitionsFor(march(), ctx).reconciliation;
    expect(aToB.counts.map((c) => c.value)).toEqual([3, 12]);
    expect(aToB.counts[0].members).toEqual([7, 8, 9]);
    // The words are the page's (lib/retention-text.ts) and the command line's (scripts/cli-text.ts).
    expect(aToB.explanation).toEqual({ code: 'recon-A-B', params: { period: '2011-03', newLost: 3, N: 12, S: 44 } });
    expect(bToC.explanation).toEqual({ code: 'recon-B-C', params: { period: '2011-03', newLost: 3 } });
    expect(aToC.explanation).toEqual({ code: 'recon-A-C', params: { period: '2011-03', end: '2011-03-31', S: 44, stillActiveNew: 9, base: 53, lost: 13 } });
  });
  it('adds D and E and their reconciliation when the data has cancellation dates', () => {
    const d = definitionsFor(march({ startActive: 43, lost: 12, cancelledPaidLater: [1, 2], endedCancelledEarlier: [3, 4, 5] }), ctx);
    expect(d.rows.map((r) => [r.id, r.numerator, r.denominator])).toEqual([
      ['A', 13, 44],
      ['B', 16, 56],
      ['C', 13, 53],
      ['D', 12, 43],
      ['E', 13, 44],
    ]);
    const dToE = d.reconciliation[3];
    expect(dToE.counts.map((c) => c.value)).toEqual([2, 3, -1]);
    expect(dToE.explanation).toEqual({ code: 'recon-D-E', params: { period: '2011-03', cancelledPaidLater: 2, endedCancelledEarlier: 3 } });
  });
});
