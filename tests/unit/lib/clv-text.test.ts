/**
 * The CLV report's words (src/lib/clv-text.ts): guard rails as sentences in English and
 * Slovenian (with Slovenian plural forms), the horizon in words, the boundary rule for "no
 * dropout evidence", and the hold-out verdict (CDNOW's 12 % under-forecast).
 */
import { describe, expect, it } from 'vitest';
import { guardText, holdoutText, horizonText, noDropoutEvidence, rfmGroupCode, rfmGroupName } from '../../../src/lib/clv-text.ts';
import type { BgnbdFit, HoldoutCheck } from '../../../src/lib/types.ts';

const fit = (atBoundary: string[], a = 0.8, b = 2.4): BgnbdFit => ({ r: 0.24, alpha: 4.4, a, b, logLik: -9582, converged: true, atBoundary, starts: 5, agreeing: 5, evaluations: 100 });

describe('clv text', () => {
  it('horizonText says the time unit and the discount in words', () => {
    expect(horizonText('en', 'en-GB', 12, 0.1)).toBe('next 12 months, 10% a year');
    // Intl writes the Slovenian percent with a no-break space; the adjective follows the number.
    expect(horizonText('sl', 'sl-SI', 12, 0.1)).toBe('naslednjih 12 mesecev, 10\u00a0% na leto');
    expect(horizonText('sl', 'sl-SI', 2, 0.05)).toBe('naslednja 2 meseca, 5\u00a0% na leto');
    expect(horizonText('en', 'en-GB', 1, 0)).toBe('next 1 month, 0% a year');
  });

  it('guardText words the blocking reasons with their numbers', () => {
    expect(guardText('en', 'en-GB', { code: 'too-few-repeat-customers', params: { repeatCustomers: 12, needed: 30 } })).toBe('Only 12 customers bought on two or more days; the model needs at least 30.');
    expect(guardText('sl', 'sl-SI', { code: 'too-few-repeat-customers', params: { repeatCustomers: 3, needed: 30 } })).toBe('Le 3 stranke so kupile na dva ali več dni; model jih potrebuje vsaj 30.');
    expect(guardText('en', 'en-GB', { code: 'history-too-short', params: { weeks: 8.5, needed: 13 } })).toBe('The longest customer history is 8.5 weeks; the model needs at least 13.');
  });

  it('guardText says "cannot judge" for no dropout evidence and never 100 %', () => {
    const text = guardText('en', 'en-GB', { code: 'no-dropout-evidence', params: { parameters: 'a' } });
    expect(text).toMatch(/No sign of customers dropping out/);
    expect(text).toMatch(/cannot be judged/);
    expect(guardText('en', 'en-GB', { code: 'no-dropout-evidence', params: { parameters: 'r' } })).toMatch(/^The parameters r are at the edge/);
  });

  it('noDropoutEvidence: a at its lower edge, or b at its upper edge above a', () => {
    expect(noDropoutEvidence(fit([]))).toBe(false);
    expect(noDropoutEvidence(fit(['a'], 1e-7))).toBe(true);
    expect(noDropoutEvidence(fit(['b'], 0.5, 3e5))).toBe(true);
    expect(noDropoutEvidence(null)).toBe(false);
  });

  it('holdoutText says an under-forecast plainly (CDNOW: 1,653 expected, 1,882 happened)', () => {
    const h = { weeks: 39, rows: [], customers: 2357, actualTotal: 1882, expectedTotal: 1653, forecastError: (1653 - 1882) / 1882 } as HoldoutCheck;
    expect(holdoutText('en', 'en-GB', h)).toBe('Over the 39-week hold-out the model expected 1,653 repeat purchases where 1,882 happened: it under-forecasts by 12.2%.');
  });

  it('RFM groups have names in both languages and plain codes', () => {
    expect(rfmGroupName('en', "can't lose")).toBe('Can’t lose');
    expect(rfmGroupName('sl', 'at risk')).toBe('Ogroženi');
    expect(rfmGroupCode("can't lose")).toBe('cant-lose');
    expect(rfmGroupCode('at risk')).toBe('at-risk');
  });
});
