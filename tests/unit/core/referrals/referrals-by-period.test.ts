import { describe, expect, it } from 'vitest';
import { buildCustomerTable } from '../../../../src/core/customers/customer-table.ts';
import { referralPairs } from '../../../../src/core/referrals/referral-pairs.ts';
import { referralsByPeriod } from '../../../../src/core/referrals/referrals-by-period.ts';
import { REF_AS_OF, REF_TABLES } from './fixtures.ts';

describe('referralsByPeriod', () => {
  it('months 2024-02..06: one referral each (X1, X2, X4, X3, X5); first purchases in 02, 03, 04 and 06', () => {
    const p = referralsByPeriod(referralPairs(REF_TABLES, buildCustomerTable(REF_TABLES))!, 'month', REF_AS_OF);
    expect(p.periods.map((r) => [r.period, r.referrals, r.converted, r.firstPurchases])).toEqual([
      ['2024-02', 1, 1, 1],
      ['2024-03', 1, 1, 1],
      ['2024-04', 1, 1, 1],
      ['2024-05', 1, 0, 0],
      ['2024-06', 1, 1, 1],
    ]);
    expect(p.undated).toEqual({ referrals: 0, converted: 0 });
  });
  it('quarters', () => {
    const p = referralsByPeriod(referralPairs(REF_TABLES, buildCustomerTable(REF_TABLES))!, 'quarter', REF_AS_OF);
    expect(p.periods.map((r) => [r.period, r.referrals, r.converted])).toEqual([['2024-Q1', 2, 2], ['2024-Q2', 3, 2]]);
  });
});
