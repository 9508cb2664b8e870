/**
 * The receipt text the dashboard shows: the formula with the numbers put in, in the locale's
 * number format. Worked example 3 of DESIGN.md section 3: S = 44, N = 12, 13 lost -> E = 43,
 * CRR = (43 - 12) / 44 x 100 = 70.45 %.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { crrAbove100Sentence, crrExactSentence, localFilters, prettyFormula, substituted, windowFact } from '../../../src/lib/retention-receipts.ts';
import { i18n } from '../../../src/lib/i18n/i18n.svelte.ts';
import type { PeriodRow, Receipt, RetentionReport } from '../../../src/core/retention/report-types.ts';
import { explanationOf } from '../../../src/core/retention/period-rows.ts';

const crr: Receipt = Object.freeze<Receipt>({
  figure: 'CRR 2011-03',
  value: ((43 - 12) / 44) * 100,
  unit: '%',
  formula: '(E - N) / S x 100',
  substituted: '(43 - 12) / 44 x 100 = 70.45 %',
  inputs: [
    { symbol: 'E', name: 'E', value: 43 },
    { symbol: 'N', name: 'N', value: 12 },
    { symbol: 'S', name: 'S', value: 44 },
  ],
  kind: 'ratio',
  numerator: [
    { symbol: 'E', sign: 1 },
    { symbol: 'N', sign: -1 },
  ],
  denominator: [{ symbol: 'S', sign: 1 }],
  scale: 100,
  window: 90,
  filters: [],
  source: 'DESIGN.md section 3',
});

describe('receipt text', () => {
  it('writes the seed formula with typographic minus and times', () => {
    expect(prettyFormula(crr.formula)).toBe('(E − N) / S × 100');
  });

  it('puts the numbers in, in English: (43 − 12) / 44 × 100 = 70.45%', () => {
    expect(substituted(crr, 'en-GB', 'EUR')).toBe('(43 − 12) / 44 × 100 = 70.45%');
  });

  it('and in Slovenian, with a decimal comma: (43 − 12) / 44 × 100 = 70,45 %', () => {
    expect(substituted(crr, 'sl-SI', 'EUR').replace(/\u00a0/g, ' ')).toBe('(43 − 12) / 44 × 100 = 70,45 %');
  });

  it('GRR keeps its cap in the text: min(100, (1000 − 50 − 20) / 1000 × 100) = 93%', () => {
    const grr: Receipt = {
      ...crr,
      value: 93,
      formula: 'min(100, (MRR0 - churn - contraction) / MRR0 x 100)',
      inputs: [
        { symbol: 'MRR0', name: 'MRR0', value: 1000 },
        { symbol: 'churn', name: 'churn', value: 50 },
        { symbol: 'contraction', name: 'contraction', value: 20 },
      ],
      numerator: [
        { symbol: 'MRR0', sign: 1 },
        { symbol: 'churn', sign: -1 },
        { symbol: 'contraction', sign: -1 },
      ],
      denominator: [{ symbol: 'MRR0', sign: 1 }],
      cap: 100,
    };
    expect(substituted(grr, 'en-GB', 'EUR')).toBe('min(100, (1,000 − 50 − 20) / 1,000 × 100) = 93%');
  });
});

describe('CRR above 100 % and the W on a receipt, in the page\'s language', () => {
  afterEach(() => {
    i18n.locale = 'en';
  });
  // S = 1000, 60 back after a pause, 100 lost, N = 50 of whom 10 gone again: E = 1000, CRR 95 %;
  // with 160 back, E = 1100 and CRR = (1100 - 50) / 1000 = 105 %, exact 90 %.
  const row = (reactivated: number, crr: number): PeriodRow => {
    const numbers = { S: 1000, reactivated, newLost: 10, crr, exact: 90 };
    // The sentence is read from the row's explanation code, as the core writes it.
    return { ...numbers, explanation: explanationOf(numbers) } as unknown as PeriodRow;
  };

  it('says why CRR passes 100 %, from the numbers, never clamped', () => {
    expect(crrAbove100Sentence(row(160, 105), 'en-GB')).toBe(
      'CRR is 105%, above 100%, because 160 customers came back after a pause (CRR counts them as retained); exact retention is 90%.',
    );
    expect(crrExactSentence(row(160, 105), 'en-GB')).toBe(crrAbove100Sentence(row(160, 105), 'en-GB'));
    expect(crrAbove100Sentence(row(60, 95), 'en-GB')).toBe('');
    expect(crrExactSentence(row(60, 95), 'en-GB')).toMatch(/^CRR and exact retention differ because 60 customers came back/);
  });

  it('in Slovenian, with its plural and a decimal comma', () => {
    i18n.locale = 'sl';
    expect(crrAbove100Sentence(row(2, 100.2), 'sl-SI').replace(/\u00a0/g, ' ')).toBe(
      'CRR je 100,2 %, nad 100 %, ker sta se 2 stranki vrnili po premoru (CRR ju šteje kot zadržani); natančno zadržanje je 90 %.',
    );
  });

  it('names the W of a receipt and whether it is the suggestion', () => {
    const orders = { source: 'orders', window: { suggested: 77 } } as unknown as RetentionReport;
    expect(windowFact(77, orders)).toBe('77 days (suggested from the repurchase curve)');
    expect(windowFact(30, orders)).toBe('30 days (the suggestion from the data is 77 days)');
    expect(windowFact(null, { source: 'subscriptions', window: null } as unknown as RetentionReport)).toBe('none: a subscription is active from its start to its end');
    i18n.locale = 'sl';
    expect(windowFact(30, orders)).toBe('30 dni (predlog iz podatkov je 77 dni)');
  });
});

describe('a revenue cohort cell whose base is 0', () => {
  it('is written as its ratio in the page’s words, not the core’s English', () => {
    const cell: Receipt = {
      ...crr,
      value: null,
      kind: 'lookup',
      formula: 'revenue(c + k) / revenue(c) x 100',
      substituted: '0 / 0 x 100 = n/a (base is 0)',
      inputs: [
        { symbol: 'a', name: 'a', value: 120 },
        { symbol: 'b', name: 'b', value: 0 },
      ],
      numerator: [{ symbol: 'a', sign: 1 }],
      denominator: [{ symbol: 'b', sign: 1 }],
    };
    expect(substituted(cell, 'en-GB', 'EUR')).toBe('120 / 0 × 100 = n/a (the base is 0)');
  });
});

describe('localFilters', () => {
  afterEach(() => {
    i18n.locale = 'en';
  });
  const report = {
    window: { used: 30 },
    filters: [
      { code: 'periods', params: { unit: 'month', from: '2011-01-01', to: '2011-03-31' } },
      { code: 'now', params: { asOf: '2011-03-25' } },
      { code: 'orders-active', params: { window: 30 } },
      { code: 'orders-refunds', params: {} },
      { code: 'rows-skipped', params: { rows: 2, source: 'orders' } },
    ],
  } as unknown as RetentionReport;
  it('writes the core’s filter codes in the page’s language', () => {
    expect(localFilters(report, 'en-GB')).toEqual([
      'Periods: calendar months from 1 Jan 2011 to 31 Mar 2011.',
      '“Now” is 25 Mar 2011, the last day of the data.',
      'Active on day d = an order with an amount above 0 in the 30 days up to and including d.',
      'Orders of 0 or less (refunds, corrections) never make a customer active; they do count in revenue.',
      '2 rows without a customer id or date were left out.',
    ]);
    expect(localFilters(report, 'en-GB', 45)[2]).toBe('Active on day d = an order with an amount above 0 in the 45 days up to and including d.');
  });
});
