/**
 * The client report's words (src/lib/report-text.ts) and its remembered choice
 * (src/lib/report-choice.ts): period labels in the locale, the one-line readings from figures,
 * and a stored choice read back forgivingly. Expected strings written by hand.
 */
import { describe, expect, it } from 'vitest';
import { cohortReading, highLowReading, largestReading, periodName, rangeReading, reasonsReading } from '../../../src/lib/report-text.ts';
import { DEFAULT_CHOICE, parseChoice, serializeChoice } from '../../../src/lib/report-choice.ts';

// Intl writes a no-break space before the Slovenian percent sign.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('periodName', () => {
  it('writes months in the locale, quarters in words, years and unknown labels as they are', () => {
    expect(periodName('en', 'en-GB', '2025-08')).toBe('August 2025');
    expect(periodName('en', 'en-GB', '2025-08', 'short')).toBe('Aug 2025');
    expect(periodName('sl', 'sl-SI', '2025-08')).toBe('avgust 2025');
    expect(periodName('en', 'en-GB', '2025-Q3')).toBe('Q3 2025');
    expect(periodName('sl', 'sl-SI', '2025-Q3')).toBe('3. četrtletje 2025');
    expect(periodName('en', 'en-GB', '2025')).toBe('2025');
    expect(periodName('en', 'en-GB', 'all')).toBe('all');
  });
});

describe('rangeReading', () => {
  const points = Object.freeze([
    { label: '2025-01', value: 97.2 },
    { label: '2025-02', value: null },
    { label: '2025-03', value: 95.64 },
    { label: '2025-04', value: 98.91 },
  ]);

  it('says the lowest and highest value, the periods covered and where it was lowest; gaps are left out', () => {
    expect(rangeReading('en', 'en-GB', 'CRR', points)).toBe('CRR stayed between 95.6% and 98.9% from January 2025 to April 2025; lowest in March 2025.');
    expect(plain(rangeReading('sl', 'sl-SI', 'CRR', points))).toBe('V obdobju januar 2025 – april 2025 je bil CRR med 95,6 % in 98,9 %; najnižji je bil v obdobju marec 2025.');
  });

  it('says a single value, a flat series, and nothing without values', () => {
    expect(rangeReading('en', 'en-GB', 'CRR', [{ label: '2025-01', value: 97.2 }])).toBe('CRR was 97.2% in January 2025.');
    expect(rangeReading('en', 'en-GB', 'CRR', [{ label: '2025', value: 90 }, { label: '2026', value: 90.01 }])).toBe('CRR was 90% in every period from 2025 to 2026.');
    expect(rangeReading('en', 'en-GB', 'CRR', [{ label: '2025', value: null }])).toBe('');
  });
});

describe('cohortReading', () => {
  it('reads one period after the start and the last period enough cohorts reached', () => {
    // k = 3 is reached by 2 cohorts only: the reading stops at k = 2 (3 cohorts).
    const ofStart = Object.freeze([100, 80, 62.5, 40]);
    const cohorts = Object.freeze([5, 4, 3, 2]);
    expect(cohortReading('en', 'en-GB', 'month', ofStart, cohorts)).toBe('On average 80% of a cohort’s customers were still active after 1 month, and 62.5% after 2 months.');
    expect(plain(cohortReading('sl', 'sl-SI', 'quarter', ofStart, cohorts))).toBe('V povprečju je bilo po 1 četrtletju še aktivnih 80 % strank kohorte, po 2 četrtletjih pa 62,5 %.');
    expect(cohortReading('en', 'en-GB', 'year', [100, 70], [2, 1])).toBe('On average 70% of a cohort’s customers were still active after 1 year.');
    expect(cohortReading('en', 'en-GB', 'month', [100], [3])).toBe('');
  });
});

describe('highLowReading, reasonsReading, largestReading', () => {
  it('names the highest and lowest group, and says when all are the same', () => {
    const rows = [
      { name: 'Basic', value: 31.24 },
      { name: 'Pro', value: null },
      { name: 'Business', value: 12 },
    ];
    expect(highLowReading('en', 'en-GB', 'churn', rows)).toBe('Churn is highest for Basic (31.2%) and lowest for Business (12%).');
    expect(highLowReading('en', 'en-GB', 'crr', [{ name: 'A', value: 90 }, { name: 'B', value: 90 }])).toBe('CRR is 90% in every group.');
    expect(highLowReading('en', 'en-GB', 'churn', [{ name: 'A', value: 90 }])).toBe('');
  });

  it('reads the most common reason and the share without one', () => {
    expect(reasonsReading('en', 'en-GB', { name: 'Price', share: 34.56 }, 12.3)).toBe('Price is the most common reason: 34.6% of the churned customers; 12.3% left without a recorded reason.');
    expect(reasonsReading('en', 'en-GB', { name: 'Price', share: 50 }, 0)).toBe('Price is the most common reason: 50% of the churned customers.');
    expect(reasonsReading('en', 'en-GB', null, 100)).toBe('No churned customer has a reason recorded, so there are no categories to show.');
  });

  it('names the largest group with its count and share', () => {
    expect(largestReading('en', 'en-GB', [{ name: 'Lost', count: 30 }, { name: 'Champions', count: 70 }])).toBe('The largest group is Champions: 70 customers, 70% of all.');
    expect(plain(largestReading('sl', 'sl-SI', [{ name: 'Prvaki', count: 3 }, { name: 'Izgubljeni', count: 1 }]))).toBe('Največja skupina je Prvaki: 3 stranke, 75 % vseh.');
    expect(largestReading('en', 'en-GB', [])).toBe('');
  });
});

describe('parseChoice', () => {
  it('reads back what serializeChoice stored', () => {
    const choice = { sections: ['churn', 'retention'] as const, segmentKey: 'plan', paper: 'letter' as const };
    expect(parseChoice(serializeChoice(choice))).toEqual({ sections: ['retention', 'churn'], segmentKey: 'plan', paper: 'letter' });
  });

  it('gives the defaults for nothing or something unreadable, and drops unknown sections', () => {
    expect(parseChoice(null)).toBe(DEFAULT_CHOICE);
    expect(parseChoice('{not json')).toBe(DEFAULT_CHOICE);
    expect(parseChoice('42')).toBe(DEFAULT_CHOICE);
    expect(parseChoice('{"sections":["clv","nowhere",3],"paper":"A3","segmentKey":""}')).toEqual({ sections: ['clv'], segmentKey: null, paper: 'a4' });
    expect(parseChoice('{"sections":[]}')).toEqual({ sections: [], segmentKey: null, paper: 'a4' });
  });
});
