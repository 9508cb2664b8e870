/**
 * The churn audit's words (src/lib/churn-text.ts): bins written from their edges in the locale
 * (not the core's English label), derived codes and built-in categories translated, findings as
 * sentences from their code and numbers, p/q values. Expected strings written by hand.
 */
import { describe, expect, it } from 'vitest';
import { attributeName, builtInAvoidable, categoryName, editText, filterText, findingText, formatP, intervalText, pEquals, valueText } from '../../../src/lib/churn-text.ts';
import type { Finding, GroupValue } from '../../../src/lib/types.ts';

// Intl writes a no-break space before the Slovenian percent sign and in large numbers.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('valueText', () => {
  it('writes numeric bins from their edges in the locale', () => {
    expect(valueText('en', 'en-GB', { label: 'under 1500', kind: 'bin', low: null, high: 1500 })).toBe('under 1,500');
    expect(valueText('en', 'en-GB', { label: '1500 to under 2500.5', kind: 'bin', low: 1500, high: 2500.5 })).toBe('1,500 to under 2,500.5');
    expect(valueText('en', 'en-GB', { label: '2500 or more', kind: 'bin', low: 2500, high: null })).toBe('2,500 or more');
    // CLDR Slovenian groups thousands from five digits on (minimumGroupingDigits 2): 1500, 15.000.
    expect(plain(valueText('sl', 'sl-SI', { label: 'under 15000', kind: 'bin', low: null, high: 15000 }))).toBe('pod 15.000');
    expect(plain(valueText('sl', 'sl-SI', { label: '1500 to under 2500.5', kind: 'bin', low: 1500, high: 2500.5 }))).toBe('od 1500 do pod 2500,5');
    expect(plain(valueText('sl', 'sl-SI', { label: '25000 or more', kind: 'bin', low: 25000, high: null }))).toBe('25.000 ali več');
  });

  it('keeps categories as written, translates derived codes, (no value) and other values', () => {
    expect(valueText('sl', 'sl-SI', { label: 'Basic', kind: 'value' })).toBe('Basic');
    expect(valueText('sl', 'sl-SI', { label: 'promoter', kind: 'derived', code: 'promoter' })).toBe('promotorji (9–10)');
    expect(valueText('en', 'en-GB', { label: 'not referred', kind: 'derived', code: 'not referred' })).toBe('not referred');
    // A cohort label or a channel is a derived group without a translation: as written.
    expect(valueText('sl', 'sl-SI', { label: '2024-Q1', kind: 'derived', code: '2024-Q1' })).toBe('2024-Q1');
    expect(valueText('sl', 'sl-SI', { label: '(no value)', kind: 'none' })).toBe('(brez vrednosti)');
    expect(valueText('en', 'en-GB', { label: 'other values', kind: 'other' })).toBe('other values');
  });
});

describe('names', () => {
  it('an attribute is named by its column header, else its derived or field name, else the key', () => {
    expect(attributeName('en', 'budget', { budget: 'Monthly budget' })).toBe('Monthly budget');
    expect(attributeName('sl', 'derived:cohort', {})).toBe('kohorta pridobitve');
    expect(attributeName('en', 'attr:Contract', {})).toBe('Contract');
    expect(attributeName('en', 'plan', {})).toBe('Plan');
    expect(attributeName('en', 'unknown_key', {})).toBe('unknown_key');
    // A column of a file without a header row is named in the UI's language.
    expect(attributeName('de', 'attr:column 4', { 'attr:column 4': 'column 4' })).toBe('Spalte 4');
    expect(attributeName('et', 'attr:column 4', {})).toBe('veerg 4');
  });

  it('built-in categories are translated, the file’s and the user’s own stay as written', () => {
    expect(categoryName('sl', 'Price')).toBe('Cena');
    expect(categoryName('en', 'No longer needed')).toBe('No longer needed');
    expect(categoryName('sl', 'Moved abroad')).toBe('Moved abroad');
  });
});

describe('findingText', () => {
  const f: Finding = { code: 'churn-more', key: 'budget', value: { label: 'under 500', kind: 'bin', low: null, high: 500 }, customers: 400, rate: 38, overall: 18, lift: 38 / 18, q: 0.0012, excess: 80 };

  it('writes the issue’s example sentence from the code and the numbers', () => {
    expect(findingText('en', 'en-GB', f, 'budget', 'under 500')).toBe('Customers with budget under 500 churn 2.1× as often: 38% vs 18% overall (significant, q = 0.001).');
  });

  it('says "less often" with the inverse lift, and q below 0.001 as "q < 0.001", in Slovenian too', () => {
    const less: Finding = { ...f, code: 'churn-less', rate: 9, lift: 0.5, q: 0.00001 };
    expect(findingText('en', 'en-GB', less, 'plan', 'Business')).toBe('Customers with plan Business churn 2× less often: 9% vs 18% overall (significant, q < 0.001).');
    expect(plain(findingText('sl', 'sl-SI', less, 'paket', 'Business'))).toBe(
      'Stranke, pri katerih je paket Business, odhajajo 2-krat redkeje: 9 % proti 18 % skupaj (statistično značilno, q < 0,001).',
    );
  });
});

describe('p values, intervals and the edit log', () => {
  it('formats p and q to three decimals, below 0.001 as "< 0.001"', () => {
    expect(formatP(0.04567, 'en-GB')).toBe('0.046');
    expect(formatP(0.0004, 'sl-SI')).toBe('< 0,001');
    expect(formatP(null, 'en-GB')).toBe('—');
    expect(pEquals('p', 0.2, 'en-GB')).toBe('p = 0.2');
    expect(pEquals('q', 1e-9, 'en-GB')).toBe('q < 0.001');
  });

  it('writes a percent interval with both ends', () => {
    expect(intervalText(12.34, 18.9, 'en-GB')).toBe('12.3% – 18.9%');
    expect(intervalText(null, 3, 'en-GB')).toBe('—');
  });

  it('says every edit in words, with the category names as shown', () => {
    expect(editText('en', { op: 'merge', from: ['Price', 'Too expensive'], to: 'Price' })).toBe('Merged Price, Too expensive into Price.');
    expect(editText('sl', { op: 'rename', from: 'Price', to: 'Stroški' })).toBe('Kategorija Cena preimenovana v Stroški.');
    expect(editText('en', { op: 'split', reasons: ['moved abroad'], to: 'Relocation' })).toBe('Moved 1 reason (moved abroad) to Relocation.');
    expect(editText('sl', { op: 'avoidable', category: 'Support', avoidable: false })).toBe('Kategorija Podpora označena kot nepreprečljiva.');
    // null: the flag goes back to the built-in one (or "not set"), not "not avoidable".
    expect(editText('en', { op: 'avoidable', category: 'Price', avoidable: null })).toBe('Cleared the avoidable flag of Price.');
    expect(editText('sl', { op: 'avoidable', category: 'Price', avoidable: null })).toBe('Odstranjena oznaka preprečljivosti za kategorijo Cena.');
  });

  it('knows the built-in avoidable flags of the built-in categories, and none of the user’s own', () => {
    expect(builtInAvoidable('Price')).toBe(true);
    expect(builtInAvoidable('No longer needed')).toBe(false);
    expect(builtInAvoidable('Relocation')).toBe(null);
  });
});

describe('segment filters', () => {
  const values: Readonly<Record<string, readonly GroupValue[]>> = {
    plan: [
      { label: 'Basic', kind: 'value' },
      { label: 'Pro', kind: 'value' },
    ],
    acquisition_channel: [
      { label: 'Paid search', kind: 'value' },
      { label: 'Social', kind: 'value' },
    ],
    budget: [
      { label: 'under 1500', kind: 'bin', low: null, high: 1500 },
      { label: '1500 or more', kind: 'bin', low: 1500, high: null },
    ],
  };
  const names: Readonly<Record<string, string>> = { plan: 'Plan', acquisition_channel: 'Acquisition channel', budget: 'Budget' };
  const nameOf = (k: string) => names[k];
  const valuesOf = (k: string) => values[k] ?? [];

  it('says a filter in words: AND across conditions, OR within one, bins in the locale', () => {
    const filter = [
      { key: 'plan', values: ['Basic'] },
      { key: 'acquisition_channel', values: ['Paid search', 'Social'] },
    ];
    expect(filterText('en', 'en-GB', filter, nameOf, valuesOf)).toBe('Plan is Basic and Acquisition channel is Paid search or Social');
    expect(filterText('sl', 'sl-SI', filter, nameOf, valuesOf)).toBe('lastnost Plan je Basic in lastnost Acquisition channel je Paid search ali Social');
    expect(filterText('en', 'en-GB', [{ key: 'budget', values: ['under 1500'] }], nameOf, valuesOf)).toBe('Budget is under 1,500');
    // Three conditions: the locale's list punctuation.
    expect(filterText('en', 'en-US', [...filter, { key: 'budget', values: ['1500 or more'] }], nameOf, valuesOf)).toBe(
      'Plan is Basic, Acquisition channel is Paid search or Social, and Budget is 1,500 or more',
    );
  });

  it('names the two segments of a filter in the user’s language', () => {
    expect(valueText('en', 'en-GB', { label: 'plan = Basic', kind: 'derived', code: 'filter-match' })).toBe('matching the filter');
    expect(valueText('en', 'en-GB', { label: 'the rest', kind: 'derived', code: 'filter-rest' })).toBe('all other customers');
    expect(valueText('sl', 'sl-SI', { label: 'plan = Basic', kind: 'derived', code: 'filter-match' })).toBe('ustrezajo filtru');
    expect(valueText('sl', 'sl-SI', { label: 'the rest', kind: 'derived', code: 'filter-rest' })).toBe('vse druge stranke');
  });
});

describe('a value where nobody churned', () => {
  it('is said as "not one of them churned", not as "Infinity× less often"', () => {
    const none: Finding = { code: 'churn-none', key: 'attr:Contract', value: { label: 'Two year', kind: 'value' }, customers: 79, rate: 0, overall: 26.5, lift: 0, q: 0.0001, excess: -21 };
    expect(findingText('en', 'en-GB', none, 'Contract', 'Two year')).toBe('Not one of the 79 customers with Contract Two year churned: 0% vs 27% overall (significant, q < 0.001).');
    expect(plain(findingText('sl', 'sl-SI', none, 'Contract', 'Two year'))).toBe(
      'Od 79 strank, pri katerih je Contract Two year, ni odšla nobena: 0 % proti 27 % skupaj (statistično značilno, q < 0,001).',
    );
  });
});
