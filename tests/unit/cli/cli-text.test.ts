/**
 * The command line's English sentences (scripts/cli-text.ts) from the core's codes and numbers.
 * The reconciliation cases are the hand-computed March of tests/unit/core/retention/
 * churn-definitions.test.ts (S = 44, N = 12, 13 lost, 3 new customers gone again); the window
 * sentences are the ones the golden files pin (tests/golden), plus the clamp.
 */
import { describe, expect, it } from 'vitest';
import { findingSentence, reconciliationSentence, windowSentence } from '../../../scripts/cli-text.ts';
import type { Finding } from '../../../src/core/churn/findings.ts';

describe('reconciliationSentence', () => {
  it('says what the counts between two churn definitions mean, with the plural of each count', () => {
    expect(reconciliationSentence({ code: 'recon-A-B', params: { period: '2011-03', newLost: 3, N: 12, S: 44 } })).toBe(
      '3 customers who joined and left in 2011-03 count as lost in B, not in A; B also divides by the 12 new customers of 2011-03 (44 + 12 instead of 44).',
    );
    expect(reconciliationSentence({ code: 'recon-A-B', params: { period: '2011-02', newLost: 0, N: 1, S: 4 } })).toBe(
      '0 customers who joined and left in 2011-02 count as lost in B, not in A; B also divides by the 1 new customer of 2011-02 (4 + 1 instead of 4).',
    );
    expect(reconciliationSentence({ code: 'recon-B-C', params: { period: '2011-03', newLost: 3 } })).toBe(
      "C leaves out the 3 customers who joined and left in 2011-03: they are in B's lost and base, in neither of C's.",
    );
    expect(reconciliationSentence({ code: 'recon-A-C', params: { period: '2011-03', end: '2011-03-31', S: 44, stillActiveNew: 9, base: 53, lost: 13 } })).toBe(
      'C divides by 44 + 9 = 53 (the 9 new customers still active on 2011-03-31 join the base); the lost count is the same 13.',
    );
    expect(reconciliationSentence({ code: 'recon-D-E', params: { period: '2011-03', cancelledPaidLater: 2, endedCancelledEarlier: 3 } })).toBe(
      '2 customers cancelled in 2011-03 but paid into a later period (in D, not E); 3 customers whose paid period ended in 2011-03 had cancelled earlier (in E, not D).',
    );
    expect(reconciliationSentence({ code: 'recon-D-E', params: { period: '2011-02', cancelledPaidLater: 1, endedCancelledEarlier: 0 } })).toBe(
      '1 customer cancelled in 2011-02 but paid into a later period (in D, not E); 0 customers whose paid period ended in 2011-02 had cancelled earlier (in E, not D).',
    );
  });
});

describe('windowSentence', () => {
  const curve = { days: 77, percent: 80, percentileDays: 76.5, medianDays: 26, gaps: 27936, customers: 3663, censored: 4752 };
  it('names the repurchase curve behind W, numbers without thousands separators', () => {
    expect(windowSentence({ code: 'window-repurchase', params: curve })).toBe(
      '80 % of the repeat purchases that happen at all come within 76.5 days of the previous purchase, half within 26 days (repurchase curve: 27936 repeat purchases of 3663 customers, 4752 purchases not yet followed by another, counted as still open); so W = 77 days.',
    );
  });
  it('says when W was clamped to 7 .. 730 days, and when it is the default', () => {
    expect(windowSentence({ code: 'window-repurchase-clamped', params: { ...curve, days: 7, percentileDays: 3, medianDays: 1 } })).toMatch(/within 3 days .* half within 1 days .*; clamped to 7 days \(7 to 730\)\.$/);
    expect(windowSentence({ code: 'window-default', params: { days: 90 } })).toBe('No customer bought on two different days, so the default of 90 days is suggested.');
  });
});

describe('findingSentence', () => {
  const f = { key: 'budget', value: { label: 'under 500', kind: 'bin', low: null, high: 500 }, customers: 120, rate: 38.04, overall: 18.2, lift: 2.09, q: 0.0012, excess: 23.8 };
  it('writes the issue’s example sentence from the code and the numbers', () => {
    expect(findingSentence({ ...f, code: 'churn-more' } as Finding, 'budget')).toBe('Customers with budget under 500 churn 2.1x as often: 38 % vs 18.2 % overall, significant (q = 0.001).');
    expect(findingSentence({ ...f, code: 'churn-less', rate: 9, lift: 0.5, q: 0.0001 } as Finding, 'budget')).toBe(
      'Customers with budget under 500 churn 2x less often: 9 % vs 18.2 % overall, significant (q < 0.001).',
    );
    expect(findingSentence({ ...f, code: 'churn-none', rate: 0, lift: 0 } as Finding, 'budget')).toBe('None of the 120 customers with budget under 500 churned: 0 % vs 18.2 % overall, significant (q = 0.001).');
  });
});
