import { describe, expect, it } from 'vitest';
import { buildCustomerTable } from '../../../../src/core/customers/customer-table.ts';
import { answerRowOf, answerRows } from '../../../../src/core/satisfaction/answer-rows.ts';
import { feedbackAnswers } from '../../../../src/core/satisfaction/feedback-answers.ts';
import { ordersTable } from '../retention/fixtures.ts';
import { SHOP_CUSTOMERS, SHOP_FEEDBACK } from './fixtures.ts';

const orders = ordersTable([['A', '2024-01-01', 100], ['E', '2024-02-01', 50], ['E', '2024-03-01', -10]]);
const tables = Object.freeze({ feedback: SHOP_FEEDBACK, customers: SHOP_CUSTOMERS, orders });

describe('answerRows', () => {
  it('a row carries the id, date, score, comment, touchpoint and the value (revenue to date, refunds included)', () => {
    const ct = buildCustomerTable(tables);
    const a = feedbackAnswers(SHOP_FEEDBACK, ct);
    expect(answerRowOf(a, ct, 5)).toEqual({ row: 5, customer: ct.numberOf('E'), id: 'E', day: a.day[5], date: '2024-03-30', score: 3, scale: 'nps', comment: 'Odlično? Ne.', touchpoint: 'purchase', revenue: 40, mrr: null });
    expect(answerRowOf(a, ct, 6)).toBeNull(); // no score
  });
  it('newest first, undated last', () => {
    const ct = buildCustomerTable(tables);
    const a = feedbackAnswers(SHOP_FEEDBACK, ct);
    expect(answerRows(a, ct, () => true).map((r) => r.id)).toEqual(['E', 'A', 'C', 'B', 'A', 'D']);
  });
});
