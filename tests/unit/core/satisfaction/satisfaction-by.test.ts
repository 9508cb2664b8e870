import { describe, expect, it } from 'vitest';
import { buildCustomerTable } from '../../../../src/core/customers/customer-table.ts';
import { customerGroups } from '../../../../src/core/customers/customer-groups.ts';
import { feedbackAnswers } from '../../../../src/core/satisfaction/feedback-answers.ts';
import { satisfactionByAttribute, satisfactionByTouchpoint } from '../../../../src/core/satisfaction/satisfaction-by.ts';
import { SHOP_CUSTOMERS, SHOP_FEEDBACK, feedbackTable } from './fixtures.ts';

const tables = Object.freeze({ feedback: SHOP_FEEDBACK, customers: SHOP_CUSTOMERS });

describe('satisfactionByTouchpoint', () => {
  it('purchase 9, 10, 3 -> 33.3; support 5, 6 -> -100; survey 8 -> 0; most answers first', () => {
    const rows = satisfactionByTouchpoint(feedbackAnswers(SHOP_FEEDBACK, buildCustomerTable(tables)))!;
    expect(rows.map((r) => [r.touchpoint, r.summary.answers, r.summary.nps?.nps])).toEqual([
      ['purchase', 3, (1 / 3) * 100],
      ['support', 2, -100],
      ['survey', 1, 0],
    ]);
  });
  it('answers without a touchpoint form their own row; no touchpoint column gives null', () => {
    const f = feedbackTable([['A', null, 9, { touchpoint: 'web' }], ['B', null, 2]]);
    const rows = satisfactionByTouchpoint(feedbackAnswers(f, buildCustomerTable({ feedback: f })))!;
    expect(rows.map((r) => r.touchpoint)).toEqual(['web', null]);
    const g = feedbackTable([['A', null, 9]]);
    expect(satisfactionByTouchpoint(feedbackAnswers(g, buildCustomerTable({ feedback: g })))).toBeNull();
  });
});

describe('satisfactionByAttribute', () => {
  it('plan, from each customer\'s latest answer: Basic A 5, B 10 -> 0; Pro C 6, D 8, E 3 -> -66.7; G did not answer', () => {
    const ct = buildCustomerTable(tables);
    const out = satisfactionByAttribute(feedbackAnswers(SHOP_FEEDBACK, ct), customerGroups(tables, ct).groups, ct.count);
    expect(out.some((a) => a.key === 'derived:nps')).toBe(false);
    const plan = out.find((a) => a.key === 'plan')!;
    expect(plan.values.map((v) => [v.value.label, v.customers, v.summary.answers, v.summary.nps?.nps])).toEqual([
      ['Pro', 3, 3, (-2 / 3) * 100],
      ['Basic', 2, 2, 0],
      ['(no value)', 0, 0, undefined],
    ]);
  });
});
