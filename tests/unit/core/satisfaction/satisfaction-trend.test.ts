import { describe, expect, it } from 'vitest';
import { buildCustomerTable } from '../../../../src/core/customers/customer-table.ts';
import { feedbackAnswers } from '../../../../src/core/satisfaction/feedback-answers.ts';
import { satisfactionTrend } from '../../../../src/core/satisfaction/satisfaction-trend.ts';
import { SHOP_FEEDBACK, feedbackTable } from './fixtures.ts';

describe('satisfactionTrend', () => {
  it('months of the shop: 2024-01 9, 10 -> 100; 2024-02 6 -> -100; 2024-03 5, 3 -> -100; the undated 8 apart', () => {
    const t = satisfactionTrend(feedbackAnswers(SHOP_FEEDBACK, buildCustomerTable({ feedback: SHOP_FEEDBACK })), 'month');
    expect(t.periods.map((p) => [p.period, p.summary.answers, p.summary.nps?.nps])).toEqual([
      ['2024-01', 2, 100],
      ['2024-02', 1, -100],
      ['2024-03', 2, -100],
    ]);
    expect(t.periods[2]).toMatchObject({ start: '2024-03-01', end: '2024-03-31' });
    expect(t.undated).toMatchObject({ answers: 1, nps: { passives: 1, nps: 0 } });
  });
  it('quarters; empty periods are listed with no figures', () => {
    const f = feedbackTable([['A', '2024-01-05', 9], ['B', '2024-09-30', 0]]);
    const t = satisfactionTrend(feedbackAnswers(f, buildCustomerTable({ feedback: f })), 'quarter');
    expect(t.periods.map((p) => [p.period, p.summary.answers, p.summary.nps?.nps ?? null])).toEqual([
      ['2024-Q1', 1, 100],
      ['2024-Q2', 0, null],
      ['2024-Q3', 1, -100],
    ]);
    expect(t.undated).toBeNull();
  });
  it('a survey without dates has no periods: every answer is in undated', () => {
    const f = feedbackTable([['A', null, 9], ['B', null, 0], ['C', null, 10]]);
    const t = satisfactionTrend(feedbackAnswers(f, buildCustomerTable({ feedback: f })), 'year');
    expect(t.periods).toEqual([]);
    expect(t.undated!.nps!.nps).toBeCloseTo(100 / 3, 10);
  });
  it('answers spanning more periods than one report can show throw too-many-periods', () => {
    const f = feedbackTable([['A', '1990-01-01', 9], ['B', '2024-01-01', 0]]);
    expect(() => satisfactionTrend(feedbackAnswers(f, buildCustomerTable({ feedback: f })), 'month')).toThrow(/more than the 360/);
  });
});
