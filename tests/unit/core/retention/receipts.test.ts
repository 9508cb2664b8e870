import { describe, expect, it } from 'vitest';
import { evaluateReceipt, receiptNumber, receiptResult, type Receipt } from '../../../../src/core/retention/receipts.ts';

const base: Omit<Receipt, 'kind' | 'inputs' | 'numerator' | 'denominator' | 'value'> = Object.freeze({
  figure: 'test',
  unit: '%',
  formula: '',
  substituted: '',
  scale: 100,
  window: null,
  filters: [],
  source: '',
});

describe('evaluateReceipt', () => {
  it('recomputes a ratio from signed terms: (E - N) / S x 100 with E = 43, N = 12, S = 44', () => {
    const r: Receipt = {
      ...base,
      value: 70.45,
      kind: 'ratio',
      inputs: [
        { symbol: 'E', name: 'E', value: 43 },
        { symbol: 'N', name: 'N', value: 12 },
        { symbol: 'S', name: 'S', value: 44 },
      ],
      numerator: [
        { symbol: 'E', sign: 1 },
        { symbol: 'N', sign: -1 },
      ],
      denominator: [{ symbol: 'S', sign: 1 }],
    };
    expect(evaluateReceipt(r)).toBeCloseTo((31 / 44) * 100, 12);
    // S = 0: no rate.
    expect(evaluateReceipt({ ...r, inputs: [...r.inputs.slice(0, 2), { symbol: 'S', name: 'S', value: 0 }] })).toBeNull();
  });
  it('applies the cap (GRR) and evaluates counts; lookups are not re-evaluable', () => {
    const ratio: Receipt = { ...base, value: 100, kind: 'ratio', cap: 100, inputs: [{ symbol: 'a', name: 'a', value: 3 }, { symbol: 'b', name: 'b', value: 2 }], numerator: [{ symbol: 'a', sign: 1 }], denominator: [{ symbol: 'b', sign: 1 }] };
    expect(evaluateReceipt(ratio)).toBe(100);
    expect(evaluateReceipt({ ...ratio, kind: 'count', scale: 1, denominator: [] })).toBe(3);
    expect(evaluateReceipt({ ...ratio, kind: 'lookup' })).toBeUndefined();
  });
  it('throws when a term names a missing input', () => {
    const r: Receipt = { ...base, value: 1, kind: 'count', inputs: [], numerator: [{ symbol: 'S', sign: 1 }], denominator: [] };
    expect(() => evaluateReceipt(r)).toThrow("receipt 'test' has no input 'S'");
  });
});

describe('receiptNumber and receiptResult', () => {
  it('rounds to 2 decimals and says n/a for null', () => {
    expect(receiptNumber(70.454545)).toBe('70.45');
    expect(receiptNumber(-0.001)).toBe('0');
    expect(receiptNumber(null)).toBe('n/a');
    expect(receiptResult(25, '%')).toBe('= 25 %');
    expect(receiptResult(30, 'days')).toBe('= 30 days');
    expect(receiptResult(null, '%', 'S = 0')).toBe('= n/a (S = 0)');
  });
});
