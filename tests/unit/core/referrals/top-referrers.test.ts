import { describe, expect, it } from 'vitest';
import { buildCustomerTable } from '../../../../src/core/customers/customer-table.ts';
import { referralPairs } from '../../../../src/core/referrals/referral-pairs.ts';
import { topReferrers } from '../../../../src/core/referrals/top-referrers.ts';
import { REF_AS_OF, REF_TABLES } from './fixtures.ts';

describe('topReferrers', () => {
  it('by converted referrals, then referrals: R1 2 of 2, R2 1 of 2, R3 1 of 1; the revenue their people brought', () => {
    const ct = buildCustomerTable(REF_TABLES);
    const rows = topReferrers(referralPairs(REF_TABLES, ct)!, ct, REF_AS_OF);
    expect(rows.map((r) => [r.id, r.referrals, r.converted, r.lastReferral, r.referredRevenue])).toEqual([
      ['R1', 2, 2, '2024-03-01', 25],
      ['R2', 2, 1, '2024-06-25', null],
      ['R3', 1, 1, '2024-04-01', null],
    ]);
    expect(topReferrers(referralPairs(REF_TABLES, ct)!, ct, REF_AS_OF, 1).map((r) => r.id)).toEqual(['R1']);
    expect(() => topReferrers(referralPairs(REF_TABLES, ct)!, ct, REF_AS_OF, 0)).toThrow('topReferrers requires top >= 1, got 0');
  });
});
