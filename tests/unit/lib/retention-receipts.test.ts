/**
 * The receipt text the dashboard shows: the formula with the numbers put in, in the locale's
 * number format. Worked example 3 of DESIGN.md section 3: S = 44, N = 12, 13 lost -> E = 43,
 * CRR = (43 - 12) / 44 x 100 = 70.45 %.
 */
import { describe, expect, it } from 'vitest';
import { prettyFormula, substituted } from '../../../src/lib/retention-receipts.ts';
import type { Receipt } from '../../../src/core/retention/report-types.ts';

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
