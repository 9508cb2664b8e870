import { describe, expect, it } from 'vitest';
import { buildCustomerTable } from '../../../../src/core/customers/customer-table.ts';
import { referralPairs } from '../../../../src/core/referrals/referral-pairs.ts';
import { referredComparison } from '../../../../src/core/referrals/referred-comparison.ts';
import { proportionDifference } from '../../../../src/core/stats/proportion-difference.ts';
import { ordersTable } from '../retention/fixtures.ts';
import { dict } from '../satisfaction/fixtures.ts';
import { REF_AS_OF, REF_TABLES } from './fixtures.ts';

const params = { period: 'month' as const, windowDays: 30 };

describe('referredComparison', () => {
  it('orders, W = 30 on 06-30: referred X1 churned (1 of 1); of the 6 others R3 churned (1 of 6): +83.3 points', () => {
    const ct = buildCustomerTable(REF_TABLES);
    const r = referredComparison(REF_TABLES, ct, referralPairs(REF_TABLES, ct)!, params, { asOf: REF_AS_OF });
    expect(r.reason).toBeNull();
    expect(r.comparison!.segments.map((s) => [s.value.label, s.customers, s.churned])).toEqual([['not referred', 6, 1], ['referred', 1, 1]]);
    const d = proportionDifference(1, 1, 1, 6)!;
    expect(r.referredVsOther).toMatchObject({ customers: 1, churned: 1, otherCustomers: 6, otherChurned: 1, rate: 100 });
    expect(r.referredVsOther!.diff).toBeCloseTo(83.3333, 3);
    expect([r.referredVsOther!.low, r.referredVsOther!.high]).toEqual([d.low * 100, d.high * 100]);
  });
  it('without churn data, or with nobody referred, says why', () => {
    const referrals = REF_TABLES.referrals;
    const ct = buildCustomerTable({ referrals });
    expect(referredComparison({ referrals }, ct, referralPairs({ referrals }, ct)!, params, {}).reason).toBe('no-churn-data');
    const customers = Object.freeze({ length: 2, columns: { customer_id: dict(['A', 'B']), referred_by: dict(['', '']) } });
    const orders = ordersTable([['A', '2024-01-02', 10], ['B', '2024-03-02', 10]]);
    const t2 = { customers, orders };
    const ct2 = buildCustomerTable(t2);
    expect(referredComparison(t2, ct2, referralPairs(t2, ct2)!, params, {}).reason).toBe('one-group');
  });
});
