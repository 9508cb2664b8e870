import { describe, expect, it } from 'vitest';
import { buildCustomerTable } from '../../../../src/core/customers/customer-table.ts';
import { feedbackAnswers } from '../../../../src/core/satisfaction/feedback-answers.ts';
import { npsGroupRetention } from '../../../../src/core/satisfaction/nps-retention.ts';
import { day, subscriptionsTable } from '../retention/fixtures.ts';
import { feedbackTable } from './fixtures.ts';

// Six subscribers judged on 2024-06-30: A, C and E have ended. Latest answers: A 3 and C 5
// (detractors, both churned), B 10, D 9, E 9 (promoters, E churned), F 7 (passive).
const subscriptions = subscriptionsTable([
  ['A', '2024-01-01', '2024-03-01', 10],
  ['B', '2024-01-01', null, 10],
  ['C', '2024-01-01', '2024-04-01', 10],
  ['D', '2024-02-01', null, 10],
  ['E', '2024-02-01', '2024-05-15', 10],
  ['F', '2024-03-01', null, 10],
]);
const feedback = feedbackTable([['A', '2024-02-01', 9], ['A', '2024-02-20', 3], ['B', '2024-02-01', 10], ['C', '2024-03-01', 5], ['D', '2024-03-01', 9], ['E', '2024-04-01', 9], ['F', '2024-04-01', 7]]);
const tables = Object.freeze({ subscriptions, feedback });
const params = { period: 'month' as const, windowDays: 90 };

describe('npsGroupRetention', () => {
  it('churn per NPS group from the latest answer: detractors 2 of 2, promoters 1 of 3, passives 0 of 1', () => {
    const ct = buildCustomerTable(tables);
    const r = npsGroupRetention(tables, ct, feedbackAnswers(feedback, ct), params, { asOf: day('2024-06-30') });
    expect(r.reason).toBeNull();
    const rows = r.comparison!.segments.map((s) => [s.value.code, s.customers, s.churned, s.churnRate]);
    expect(rows).toEqual(expect.arrayContaining([['detractor', 2, 2, 100], ['passive', 1, 0, 0], ['promoter', 3, 1, (1 / 3) * 100]]));
    // Detractors minus promoters: Newcombe's interval and the z-test, as in churn-rate-difference.test.ts.
    expect(r.detractorsVsPromoters!.diff).toBeCloseTo(66.6667, 3);
    expect(r.detractorsVsPromoters!.low).toBeCloseTo(-13.53, 2);
    expect(r.detractorsVsPromoters!.p!).toBeCloseTo(0.136037, 5);
    expect(r.comparison!.logRank).not.toBeNull();
  });
  it('without churn data, or without 0-10 answers, says why', () => {
    const f = feedbackTable([['A', null, 9], ['B', null, 2]]);
    const ct = buildCustomerTable({ feedback: f });
    expect(npsGroupRetention({ feedback: f }, ct, feedbackAnswers(f, ct), params, {})).toEqual({ comparison: null, reason: 'no-churn-data', detractorsVsPromoters: null });
    const csat = feedbackTable([['A', null, 4], ['B', null, 2]]);
    const t2 = { subscriptions, feedback: csat };
    const ct2 = buildCustomerTable(t2);
    expect(npsGroupRetention(t2, ct2, feedbackAnswers(csat, ct2), params, {}).reason).toBe('no-nps-answers');
  });
});
