import { describe, expect, it } from 'vitest';
import { buildCustomerTable } from '../../../../src/core/customers/customer-table.ts';
import { feedbackAnswers, textAt } from '../../../../src/core/satisfaction/feedback-answers.ts';
import { MISSING_CODE, MISSING_DAY } from '../../../../src/core/table.ts';
import { day } from '../retention/fixtures.ts';
import { SHOP_CUSTOMERS, SHOP_FEEDBACK, dict, feedbackTable } from './fixtures.ts';

describe('feedbackAnswers', () => {
  it('counts every row: answers, without a score, undated, comments, customers', () => {
    const tables = { feedback: SHOP_FEEDBACK, customers: SHOP_CUSTOMERS };
    const a = feedbackAnswers(SHOP_FEEDBACK, buildCustomerTable(tables));
    expect(a.counts).toEqual({ rows: 7, answers: 6, withoutScore: 1, outOfScale: 0, undated: 1, withoutCustomer: 0, comments: 4, customers: 6 });
    expect([a.firstDay, a.lastDay]).toEqual([day('2024-01-10'), day('2024-03-31')]);
    expect(textAt(a.touchpoint, 0)).toBe('purchase');
  });
  it('rows without a customer or a date column are kept and counted', () => {
    const t = feedbackTable([[null, null, 9], ['X', null, 2]]);
    const noDate = Object.freeze({ length: t.length, columns: { customer_id: t.columns.customer_id, score: t.columns.score } });
    const a = feedbackAnswers(noDate, buildCustomerTable({ feedback: noDate }));
    expect(a.counts).toMatchObject({ rows: 2, answers: 2, undated: 2, withoutCustomer: 1, customers: 1 });
    expect(a.customer[0]).toBe(MISSING_CODE);
    expect(a.firstDay).toBe(MISSING_DAY);
  });
  it('blank texts are no comment; a table without a score column throws', () => {
    expect(textAt(dict(['  ']), 0)).toBeNull();
    const t = Object.freeze({ length: 1, columns: { customer_id: dict(['A']) } });
    expect(() => feedbackAnswers(t, buildCustomerTable({ feedback: t }))).toThrow('feedbackAnswers requires a feedback table with a score column');
  });
});
