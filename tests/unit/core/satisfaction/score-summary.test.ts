import { describe, expect, it } from 'vitest';
import { buildCustomerTable } from '../../../../src/core/customers/customer-table.ts';
import { feedbackAnswers } from '../../../../src/core/satisfaction/feedback-answers.ts';
import { scoreSummaries, scoreSummary } from '../../../../src/core/satisfaction/score-summary.ts';
import { SHOP_FEEDBACK, feedbackTable } from './fixtures.ts';

const answersOf = (t: typeof SHOP_FEEDBACK) => feedbackAnswers(t, buildCustomerTable({ feedback: t }));

describe('scoreSummary', () => {
  it('the shop: 2 promoters, 1 passive, 3 detractors -> NPS -16.67; mean (9+5+10+6+8+3)/6 = 6.83', () => {
    const s = scoreSummary(answersOf(SHOP_FEEDBACK));
    expect(s.answers).toBe(6);
    expect(s.nps).toMatchObject({ promoters: 2, passives: 1, detractors: 3 });
    expect(s.nps!.nps).toBeCloseTo(-16.6667, 3);
    expect(s.csat).toBeNull();
    expect(s.scales).toHaveLength(1);
    expect(s.scales[0].mean).toBeCloseTo(41 / 6, 10);
    expect(s.scales[0].counts).toEqual([0, 0, 0, 1, 0, 1, 1, 0, 1, 1, 1]);
    expect(s.scales[0].satisfied).toMatchObject({ answers: 6, satisfied: 2 });
  });
  it('CSAT = % of 4-5 on 1-5: 4, 5, 3, 1, 5 -> 3 of 5 = 60 %; mean 3.6', () => {
    const s = scoreSummary(answersOf(feedbackTable([['A', null, 4], ['B', null, 5], ['C', null, 3], ['D', null, 1], ['E', null, 5]])));
    expect(s.nps).toBeNull();
    expect(s.csat).toMatchObject({ answers: 5, satisfied: 3, share: 60 });
    expect(s.scales[0]).toMatchObject({ scale: 'csat', answers: 5, mean: 3.6, counts: [1, 0, 1, 1, 2] });
  });
  it('a mixed file keeps NPS and CSAT apart (scale column)', () => {
    const t = feedbackTable([['A', null, 10, { scale: 'NPS' }], ['A', null, 2, { scale: 'CSAT' }], ['B', null, 0, { scale: 'NPS' }], ['B', null, 5, { scale: 'CSAT' }]]);
    const s = scoreSummary(answersOf(t));
    expect(s.answers).toBe(4);
    expect(s.nps).toMatchObject({ answers: 2, nps: 0 });
    expect(s.csat).toMatchObject({ answers: 2, share: 50 });
  });
  it('groups: rows with group -1 are left out; a group out of range throws', () => {
    const a = answersOf(SHOP_FEEDBACK);
    const [first, second] = scoreSummaries(a, (r) => (r < 2 ? 0 : r < 4 ? 1 : -1), 2);
    expect(first.nps).toMatchObject({ promoters: 1, detractors: 1, nps: 0 });
    expect(second.nps).toMatchObject({ promoters: 1, detractors: 1 });
    expect(() => scoreSummaries(a, () => 5, 2)).toThrow('scoreSummaries: group index out of range');
    expect(scoreSummary(a, () => false)).toEqual({ answers: 0, nps: null, csat: null, scales: [] });
  });
});
