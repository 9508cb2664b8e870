import { describe, expect, it } from 'vitest';
import { buildCustomerTable } from '../../../../src/core/customers/customer-table.ts';
import { FIRST_PURCHASE_FROM, convertedBy, referralPairs } from '../../../../src/core/referrals/referral-pairs.ts';
import { MISSING_DAY } from '../../../../src/core/table.ts';
import { day, ordersTable } from '../retention/fixtures.ts';
import { dict } from '../satisfaction/fixtures.ts';
import { REF_AS_OF, REF_TABLES } from './fixtures.ts';

describe('referralPairs', () => {
  it('one pair per referred person (the earliest row wins), self-referrals skipped, first purchases from the file or the orders', () => {
    const ct = buildCustomerTable(REF_TABLES);
    const p = referralPairs(REF_TABLES, ct)!;
    expect(p.source).toBe('referrals');
    expect(p.skipped).toEqual({ withoutIds: 0, selfReferrals: 1, repeats: 1 });
    expect(p.referredId).toEqual(['X1', 'X2', 'X3', 'X4', 'X5']);
    expect(Array.from(p.referrer, (k) => ct.ids[k])).toEqual(['R1', 'R1', 'R2', 'R3', 'R2']);
    expect(Array.from(p.firstPurchase)).toEqual([day('2024-02-10'), day('2024-03-15'), MISSING_DAY, day('2024-04-20'), day('2024-06-28')]);
    expect(Array.from(p.firstPurchaseFrom)).toEqual([FIRST_PURCHASE_FROM.orders, FIRST_PURCHASE_FROM.file, FIRST_PURCHASE_FROM.none, FIRST_PURCHASE_FROM.file, FIRST_PURCHASE_FROM.file]);
    // X1 is the only referred person another file knows.
    expect(Array.from(p.referred, (k) => (k < 0 ? null : ct.ids[k]))).toEqual(['X1', null, null, null, null]);
    expect(['R1', 'R2', 'R3', 'X1', 'A1'].map((id) => p.hasReferred[ct.numberOf(id)])).toEqual([1, 1, 1, 0, 0]);
    expect(p.wasReferred[ct.numberOf('X1')]).toBe(1);
    expect([0, 2, 4].map((i) => convertedBy(p, i, REF_AS_OF))).toEqual([true, false, true]);
    expect(convertedBy(p, 4, day('2024-06-27'))).toBe(false);
  });
  it('without a referrals file, the customers file\'s referred_by column (no dates)', () => {
    const customers = Object.freeze({ length: 3, columns: { customer_id: dict(['A', 'B', 'C']), referred_by: dict([null, 'A', 'A']) } });
    const orders = ordersTable([['B', '2024-01-02', 10]]);
    const tables = { customers, orders };
    const ct = buildCustomerTable(tables);
    const p = referralPairs(tables, ct)!;
    expect(p.source).toBe('referred-by');
    expect(p.referredId).toEqual(['B', 'C']);
    expect(Array.from(p.day)).toEqual([MISSING_DAY, MISSING_DAY]);
    expect(Array.from(p.firstPurchase)).toEqual([day('2024-01-02'), MISSING_DAY]);
    expect(p.hasReferred[ct.numberOf('A')]).toBe(1);
  });
  it('no referral data: null', () => {
    const orders = ordersTable([['B', '2024-01-02', 10]]);
    expect(referralPairs({ orders }, buildCustomerTable({ orders }))).toBeNull();
  });
});
