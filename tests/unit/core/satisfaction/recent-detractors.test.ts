import { describe, expect, it } from 'vitest';
import { buildCustomerTable } from '../../../../src/core/customers/customer-table.ts';
import { feedbackAnswers } from '../../../../src/core/satisfaction/feedback-answers.ts';
import { recentDetractors } from '../../../../src/core/satisfaction/recent-detractors.ts';
import { day, ordersTable } from '../retention/fixtures.ts';
import { SHOP_CUSTOMERS, SHOP_FEEDBACK, feedbackTable } from './fixtures.ts';

const orders = ordersTable([['A', '2024-01-01', 100], ['E', '2024-02-01', 50], ['E', '2024-03-01', -10]]);
const tables = Object.freeze({ feedback: SHOP_FEEDBACK, customers: SHOP_CUSTOMERS, orders });

describe('recentDetractors', () => {
  it('last 30 days to the last answer (2024-03-31): E (3, 03-30) and A (5, 03-05), newest first, with value', () => {
    const ct = buildCustomerTable(tables);
    const r = recentDetractors(feedbackAnswers(SHOP_FEEDBACK, ct), ct, { days: 30 });
    expect([r.asOf, r.from, r.customers, r.undated]).toEqual(['2024-03-31', '2024-03-02', 2, 0]);
    expect(r.rows.map((x) => [x.id, x.date, x.score, x.comment, x.touchpoint, x.revenue])).toEqual([
      ['E', '2024-03-30', 3, 'Odlično? Ne.', 'purchase', 40],
      ['A', '2024-03-05', 5, 'Support never answered', 'support', 100],
    ]);
  });
  it('the default 90 days add C (6 on 02-14); the promoters and the passive are never listed', () => {
    const ct = buildCustomerTable(tables);
    const r = recentDetractors(feedbackAnswers(SHOP_FEEDBACK, ct), ct);
    expect(r.days).toBe(90);
    expect(r.rows.map((x) => x.id)).toEqual(['E', 'A', 'C']);
    expect(recentDetractors(feedbackAnswers(SHOP_FEEDBACK, ct), ct, { days: 30, asOf: day('2024-03-10') }).rows.map((x) => x.id)).toEqual(['A', 'C']);
  });
  it('low CSAT answers (1-2) are listed too; undated low answers are counted, not listed', () => {
    const f = feedbackTable([['A', '2024-01-01', 2, { scale: 'CSAT' }], ['B', '2024-01-02', 3, { scale: 'CSAT' }], ['C', null, 1, { scale: 'CSAT' }]]);
    const ct = buildCustomerTable({ feedback: f });
    const r = recentDetractors(feedbackAnswers(f, ct), ct);
    expect(r.rows.map((x) => [x.id, x.scale])).toEqual([['A', 'csat']]);
    expect(r.undated).toBe(1);
  });
  it('a survey without dates lists nobody; a bad window throws', () => {
    const f = feedbackTable([['A', null, 2]]);
    const ct = buildCustomerTable({ feedback: f });
    expect(recentDetractors(feedbackAnswers(f, ct), ct)).toEqual({ days: 90, asOf: null, from: null, rows: [], customers: 0, undated: 1 });
    expect(() => recentDetractors(feedbackAnswers(f, ct), ct, { days: 0 })).toThrow('recentDetractors requires days >= 1, got 0');
  });
});
