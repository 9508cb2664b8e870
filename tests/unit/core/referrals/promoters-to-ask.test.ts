import { describe, expect, it } from 'vitest';
import { activeCustomersOn } from '../../../../src/core/customers/active-on.ts';
import { buildCustomerTable } from '../../../../src/core/customers/customer-table.ts';
import { promotersToAsk } from '../../../../src/core/referrals/promoters-to-ask.ts';
import { referralPairs } from '../../../../src/core/referrals/referral-pairs.ts';
import { feedbackAnswers } from '../../../../src/core/satisfaction/feedback-answers.ts';
import { REF_AS_OF, REF_FEEDBACK, REF_TABLES } from './fixtures.ts';

describe('promotersToAsk', () => {
  it('latest answer 9-10 and no referral: A1 (10, 06-01) then A3 (9, undated); R1 has referred, A2 is a detractor', () => {
    const ct = buildCustomerTable(REF_TABLES);
    const active = activeCustomersOn(REF_TABLES, ct, REF_AS_OF, 30).active;
    const rows = promotersToAsk(feedbackAnswers(REF_FEEDBACK, ct), ct, referralPairs(REF_TABLES, ct)!.hasReferred, active);
    expect(rows.map((r) => [r.id, r.score, r.date, r.revenue, r.active])).toEqual([['A1', 10, '2024-06-01', 10, true], ['A3', 9, null, 10, true]]);
  });
  it('without referral data every promoter is listed; without activity `active` is null', () => {
    const ct = buildCustomerTable(REF_TABLES);
    const rows = promotersToAsk(feedbackAnswers(REF_FEEDBACK, ct), ct, null, null);
    expect(rows.map((r) => [r.id, r.active])).toEqual([['A1', null], ['R1', null], ['A3', null]]);
  });
});
