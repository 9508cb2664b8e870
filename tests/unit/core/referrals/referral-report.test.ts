import { describe, expect, it } from 'vitest';
import { referralReport } from '../../../../src/core/referrals/referral-report.ts';
import { ordersTable } from '../retention/fixtures.ts';
import { REF_AS_OF, REF_TABLES } from './fixtures.ts';

describe('referralReport', () => {
  it('assembles the programme of fixtures.ts on 06-30 (W = 30)', () => {
    const r = referralReport(REF_TABLES, { windowDays: 30, asOf: REF_AS_OF })!;
    expect(r).toMatchObject({ version: 1, source: 'referrals', asOf: '2024-06-30', windowDays: 30, referrals: 5, activeCustomers: { count: 5, byOrders: 5, bySubscriptions: 0 } });
    expect(r.rate).toMatchObject({ rate: 40, band: 3 });
    expect(r.conversion).toMatchObject({ converted: 4, rate: 80 });
    expect(r.periods.periods).toHaveLength(5);
    expect(r.topReferrers.map((x) => x.id)).toEqual(['R1', 'R2', 'R3']);
    expect(r.promotersToAsk!.map((x) => x.id)).toEqual(['A1', 'A3']);
    expect(r.referred.referredVsOther!.churned).toBe(1);
  });
  it('the as-of day defaults to the data\'s last day (the last order, 06-20)', () => {
    expect(referralReport(REF_TABLES, { windowDays: 30 })!.asOf).toBe('2024-06-20');
  });
  it('no referral data: null', () => {
    expect(referralReport({ orders: ordersTable([['A', '2024-01-01', 1]]) })).toBeNull();
  });
});
