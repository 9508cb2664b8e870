/**
 * The retention report's sentences on the page (src/lib/retention-text.ts), written from the
 * core's codes and numbers in the page's language. Numbers are the hand-computed March of
 * tests/unit/core/retention/churn-definitions.test.ts (S = 44, N = 12, 13 lost, 3 new gone
 * again) and the sample's window (golden files). Expected strings written by hand.
 */
import { describe, expect, it } from 'vitest';
import {
  crrAbove100Text,
  crrExactText,
  reconciliationText,
  sbgNotProjectedText,
  sbgRisingText,
  windowExplanationText,
} from '../../../src/lib/retention-text.ts';

// Intl writes a no-break space before the Slovenian percent sign and in large numbers.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('windowExplanationText', () => {
  const curve = { days: 77, percent: 80, percentileDays: 76.5, medianDays: 26, gaps: 27936, customers: 3663, censored: 4752 };
  it('reads the repurchase curve, the clamp and the default from the code', () => {
    expect(windowExplanationText('en', 'en-GB', { code: 'window-repurchase', params: curve })).toBe(
      '80% of the repeat purchases that happen at all come within 77 days of the previous purchase (27,936 repeat purchases of 3,663 customers; purchases not yet followed by another count as still open).',
    );
    expect(windowExplanationText('en', 'en-GB', { code: 'window-repurchase-clamped', params: { ...curve, days: 7, percentileDays: 3 } })).toMatch(/within 3 days .* Kept within 7–730 days\.$/);
    expect(windowExplanationText('en', 'en-GB', { code: 'window-default', params: { days: 90 } })).toBe(
      'Too few repeat purchases to learn a rhythm from, so the default of 90 days is suggested.',
    );
    expect(windowExplanationText('sl', 'sl-SI', { code: 'window-default', params: { days: 90 } })).toBe(
      'Ponovnih nakupov je premalo, da bi se iz njih dalo razbrati ritem, zato predlagamo privzetih 90 dni.',
    );
  });
});

describe('crrExactText and crrAbove100Text', () => {
  it('say why CRR and exact retention differ, and why CRR passes 100 %', () => {
    const differ = { code: 'crr-exact-differ', params: { crr: 100, exact: 50, reactivated: 2, newLost: 1 } } as const;
    expect(crrExactText('en', 'en-GB', differ)).toBe(
      'CRR and exact retention differ because 2 customers came back after a pause (CRR counts them as retained); and 1 new customer was no longer active at the end of the period (CRR subtracts all new customers).',
    );
    expect(crrAbove100Text('en', 'en-GB', differ)).toBe('');
    const above = { code: 'crr-above-100', params: { crr: 105, exact: 90, reactivated: 160, newLost: 10 } } as const;
    expect(crrExactText('en', 'en-GB', above)).toBe(crrAbove100Text('en', 'en-GB', above));
    expect(crrAbove100Text('en', 'en-GB', above)).toBe(
      'CRR is 105%, above 100%, because 160 customers came back after a pause (CRR counts them as retained); exact retention is 90%.',
    );
    expect(crrExactText('en', 'en-GB', null)).toBe('');
  });
});

describe('reconciliationText', () => {
  it('writes each reconciliation in the page’s language with its plural forms', () => {
    expect(reconciliationText('en', 'en-GB', { code: 'recon-A-B', params: { period: '2011-03', newLost: 3, N: 12, S: 44 } })).toBe(
      '3 customers who joined and left in 2011-03 count as lost in B, not in A. B also divides by the 12 new customers: 44 + 12 instead of 44.',
    );
    expect(reconciliationText('en', 'en-GB', { code: 'recon-A-C', params: { period: '2011-03', end: '2011-03-31', S: 44, stillActiveNew: 9, base: 53, lost: 13 } })).toBe(
      'C divides by 44 + 9 = 53: the 9 new customers still active on 31 Mar 2011 join the base; the churned count is the same (13).',
    );
    expect(reconciliationText('sl', 'sl-SI', { code: 'recon-D-E', params: { period: '2011-03', cancelledPaidLater: 2, endedCancelledEarlier: 1 } })).toBe(
      '2 stranki sta odpovedali v obdobju 2011-03, a sta imeli plačano še v naslednje obdobje (v D, ne v E). 1 stranki se je plačano obdobje izteklo v obdobju 2011-03, odpovedala pa je že prej (v E, ne v D).',
    );
  });
});

describe('sBG notes', () => {
  it('says why there is no projection, and that nobody has left when the counts never fall', () => {
    expect(sbgNotProjectedText('en', 'en-GB', { code: 'sbg-not-converged', params: { cohort: '2024-01', counts: [1200, 900, 800, 750, 700] } })).toBe(
      'No projection: the sBG model does not fit the survival counts of cohort 2024-01 (1,200, 900, 800, 750, …).',
    );
    expect(sbgNotProjectedText('sl', 'sl-SI', { code: 'sbg-not-converged-flat', params: { cohort: '2024-01', counts: [5, 5, 5] } })).toBe(
      'Brez napovedi: model sBG se ne prilega številom preživelih v kohorti 2024-01 (5, 5, 5). Nihče od njih še ni odšel.',
    );
  });
  it('says why the projected retention rate rises', () => {
    expect(plain(sbgRisingText('sl', 'sl-SI', { code: 'sbg-rate-rises', params: { r1: 0.6, rN: 0.875, n: 12 } }))).toMatch(/^Implicitna .* od 60 % po prvem obdobju do 87,5 % po obdobju 12\./);
  });
});
