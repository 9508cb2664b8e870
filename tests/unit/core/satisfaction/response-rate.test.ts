import { describe, expect, it } from 'vitest';
import { buildCustomerTable } from '../../../../src/core/customers/customer-table.ts';
import { feedbackAnswers } from '../../../../src/core/satisfaction/feedback-answers.ts';
import { responseRate } from '../../../../src/core/satisfaction/response-rate.ts';
import { wilsonInterval } from '../../../../src/core/stats/wilson-interval.ts';
import { SHOP_CUSTOMERS, SHOP_FEEDBACK } from './fixtures.ts';

describe('responseRate', () => {
  it('the shop: 5 of the 6 customers of the customers file answered (G did not); F is outside the base', () => {
    const tables = { feedback: SHOP_FEEDBACK, customers: SHOP_CUSTOMERS };
    const ct = buildCustomerTable(tables);
    const r = responseRate(feedbackAnswers(SHOP_FEEDBACK, ct), ct)!;
    const ci = wilsonInterval(5, 6)!;
    expect(r).toEqual({ customers: 6, answered: 5, rate: (5 / 6) * 100, low: ci.low * 100, high: ci.high * 100, outsideBase: 1 });
  });
  it('feedback alone cannot say who did not answer: null', () => {
    const ct = buildCustomerTable({ feedback: SHOP_FEEDBACK });
    expect(responseRate(feedbackAnswers(SHOP_FEEDBACK, ct), ct)).toBeNull();
  });
});
