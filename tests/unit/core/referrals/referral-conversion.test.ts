import { describe, expect, it } from 'vitest';
import { buildCustomerTable } from '../../../../src/core/customers/customer-table.ts';
import { referralConversion } from '../../../../src/core/referrals/referral-conversion.ts';
import { referralPairs } from '../../../../src/core/referrals/referral-pairs.ts';
import { wilsonInterval } from '../../../../src/core/stats/wilson-interval.ts';
import { ordersTable } from '../retention/fixtures.ts';
import { dict } from '../satisfaction/fixtures.ts';
import { REF_AS_OF, REF_TABLES } from './fixtures.ts';

describe('referralConversion', () => {
  it('4 of 5 referred people bought (X3 did not); days 3, 9, 14, 19 -> median 11.5, quartiles 7.5 and 15.25 (type 7), mean 11.25', () => {
    const c = referralConversion(referralPairs(REF_TABLES, buildCustomerTable(REF_TABLES))!, REF_AS_OF);
    const ci = wilsonInterval(4, 5)!;
    expect(c).toMatchObject({ referrals: 5, converted: 4, rate: 80, fromFile: 3, fromOrders: 1, fromSubscriptions: 0, boughtBefore: 0, undated: 0 });
    expect([c.low, c.high]).toEqual([ci.low * 100, ci.high * 100]);
    expect(c.days).toMatchObject({ n: 4, median: 11.5, p25: 7.5, p75: 15.25, mean: 11.25 });
    expect(c.days.bins.map((b) => [b.from, b.to, b.count])).toEqual([[0, 7, 1], [8, 14, 2], [15, 30, 1], [31, 60, 0], [61, 90, 0], [91, 180, 0], [181, null, 0]]);
  });
  it('within 30 days: referrals made by 05-31 (X1, X2, X3, X4), 3 bought within 30 days; within 90: by 04-01 (X1, X2, X4), all 3', () => {
    const c = referralConversion(referralPairs(REF_TABLES, buildCustomerTable(REF_TABLES))!, REF_AS_OF);
    expect(c.within.map((w) => [w.days, w.eligible, w.converted, w.rate])).toEqual([[30, 4, 3, 75], [90, 3, 3, 100]]);
  });
  it('a first purchase before the referral is counted apart, not timed; undated referrals are not timed either', () => {
    const customers = Object.freeze({ length: 2, columns: { customer_id: dict(['A', 'B']), referred_by: dict([null, 'A']) } });
    const orders = ordersTable([['B', '2024-01-02', 10]]);
    const tables = { customers, orders };
    const c = referralConversion(referralPairs(tables, buildCustomerTable(tables))!, REF_AS_OF);
    expect(c).toMatchObject({ referrals: 1, converted: 1, undated: 1, boughtBefore: 0, days: { n: 0, median: null } });
  });
});
