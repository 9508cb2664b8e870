import { describe, expect, it } from 'vitest';
import { satisfactionReport } from '../../../../src/core/satisfaction/satisfaction-report.ts';
import { ordersTable } from '../retention/fixtures.ts';
import { SHOP_CUSTOMERS, SHOP_FEEDBACK, feedbackTable } from './fixtures.ts';

// A and E (detractors) and B (a promoter) ordered: the churn base has two NPS groups to compare.
const orders = ordersTable([['A', '2024-01-01', 100], ['B', '2024-01-25', 30], ['E', '2024-02-01', 50], ['E', '2024-03-01', -10]]);

describe('satisfactionReport', () => {
  it('assembles the shop: NPS -16.67 of 6 answers, 3 months + 1 undated, 3 touchpoints, response rate 5/6, 3 recent detractors', () => {
    const r = satisfactionReport({ feedback: SHOP_FEEDBACK, customers: SHOP_CUSTOMERS, orders }, { windowDays: 30 });
    expect(r.version).toBe(1);
    expect(r.overall.nps!.nps).toBeCloseTo(-16.6667, 3);
    expect(r.trend.periods).toHaveLength(3);
    expect(r.trend.undated!.answers).toBe(1);
    expect(r.touchpoints!.map((t) => t.touchpoint)).toEqual(['purchase', 'support', 'survey']);
    expect(r.responseRate!.answered).toBe(5);
    expect(r.recentDetractors.rows.map((x) => x.id)).toEqual(['E', 'A', 'C']);
    expect(r.attributes.find((a) => a.key === 'plan')).toBeDefined();
    expect(r.notes.map((n) => n.code)).toEqual(['some-undated', 'without-score']);
    // Orders give churn (W = 30): the NPS groups are compared.
    expect(r.npsGroups.reason).toBeNull();
    expect(JSON.parse(JSON.stringify(r.overall))).toEqual(r.overall);
  });
  it('a survey without dates, customers or churn: every answer counted, the missing parts said as codes', () => {
    const f = feedbackTable([['A', null, 9], ['B', null, 10], ['C', null, 2], ['D', null, null]]);
    const r = satisfactionReport({ feedback: f });
    expect(r.overall.nps!.nps).toBeCloseTo((1 / 3) * 100, 10);
    expect(r.notes.map((n) => n.code)).toEqual(['no-dates', 'without-score', 'no-response-base', 'no-churn-data']);
    expect([r.responseRate, r.npsGroups.comparison, r.recentDetractors.asOf]).toEqual([null, null, null]);
  });
  it('throws without a feedback table with scores', () => {
    expect(() => satisfactionReport({ orders })).toThrow('satisfactionReport requires a feedback table with a score column');
  });
});
