import { describe, expect, it } from 'vitest';
import { buildCustomerTable } from '../../../../src/core/customers/customer-table.ts';
import { feedbackAnswers } from '../../../../src/core/satisfaction/feedback-answers.ts';
import { latestAnswerRows } from '../../../../src/core/satisfaction/latest-answers.ts';
import { feedbackTable } from './fixtures.ts';

describe('latestAnswerRows', () => {
  it('the latest dated answer wins; an undated one is older than any dated one', () => {
    const f = feedbackTable([['A', '2024-02-01', 2], ['A', null, 9], ['A', '2024-01-01', 10], ['B', null, 3], ['B', null, 8]]);
    const ct = buildCustomerTable({ feedback: f });
    const latest = latestAnswerRows(feedbackAnswers(f, ct), ct.count);
    expect([latest[ct.numberOf('A')], latest[ct.numberOf('B')]]).toEqual([0, 4]);
  });
});

describe('latestAnswerRows on one scale', () => {
  it('only answers on that scale count (the CSAT row is not an NPS answer)', () => {
    const f = feedbackTable([['A', '2024-01-01', 9, { scale: 'NPS' }], ['A', '2024-02-01', 2, { scale: 'CSAT' }]]);
    const ct = buildCustomerTable({ feedback: f });
    const a = feedbackAnswers(f, ct);
    expect(latestAnswerRows(a, ct.count, 'nps')[0]).toBe(0);
    expect(latestAnswerRows(a, ct.count, 'csat')[0]).toBe(1);
    expect(latestAnswerRows(a, ct.count, 'scale7')[0]).toBe(-1);
  });
});
