import { describe, expect, it } from 'vitest';
import { activeCustomersOn } from '../../../../src/core/customers/active-on.ts';
import { buildCustomerTable } from '../../../../src/core/customers/customer-table.ts';
import { referralPairs } from '../../../../src/core/referrals/referral-pairs.ts';
import { referralBand, referralRate } from '../../../../src/core/referrals/referral-rate.ts';
import { wilsonInterval } from '../../../../src/core/stats/wilson-interval.ts';
import { day } from '../retention/fixtures.ts';
import { REF_AS_OF, REF_TABLES } from './fixtures.ts';

describe('referralRate', () => {
  it('active on 06-30: R1, R2, A1, A2, A3; R1 (X1, X2) and R2 (X5 bought 06-28) referred a buyer: 2 of 5 = 40 %, band 30-50', () => {
    const ct = buildCustomerTable(REF_TABLES);
    const r = referralRate(referralPairs(REF_TABLES, ct)!, activeCustomersOn(REF_TABLES, ct, REF_AS_OF, 30));
    const ci = wilsonInterval(2, 5)!;
    expect(r).toMatchObject({ active: 5, referrers: 2, anyReferrers: 3, rate: 40, band: 3, bands: [7, 15, 30, 50] });
    expect([r.low, r.high]).toEqual([ci.low * 100, ci.high * 100]);
    // Wilson 2 of 5: 11.8 % to 76.9 %: the interval spans bands 1 to 4.
    expect([r.bandLow, r.bandHigh]).toEqual([1, 4]);
  });
  it('on 06-27 X5 has not bought yet: only R1 counts (1 of 5); with nobody active, no rate', () => {
    const ct = buildCustomerTable(REF_TABLES);
    const pairs = referralPairs(REF_TABLES, ct)!;
    expect(referralRate(pairs, activeCustomersOn(REF_TABLES, ct, day('2024-06-27'), 30))).toMatchObject({ active: 5, referrers: 1, rate: 20, band: 2 });
    expect(referralRate(pairs, activeCustomersOn(REF_TABLES, ct, day('2030-01-01'), 30))).toMatchObject({ active: 0, rate: null, low: null, band: null });
  });
  it('bands: under 7 -> 0, [7, 15) -> 1, [15, 30) -> 2, [30, 50) -> 3, 50 and more -> 4', () => {
    expect([0, 6.99, 7, 14.9, 15, 29.9, 30, 49.9, 50, 100].map(referralBand)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
  });
});
