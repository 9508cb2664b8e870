import { describe, expect, it } from 'vitest';
import { defaultLocale, translate } from '../../../../src/lib/i18n/translate.ts';
import { issueReason } from '../../../../src/lib/i18n/issue-text.ts';
import { en } from '../../../../src/lib/i18n/en.ts';
import { sl } from '../../../../src/lib/i18n/sl.ts';

describe('translate', () => {
  it('fills {name} placeholders and formats numbers for the locale', () => {
    expect(translate('en', 'sample.file', { file: 'orders.csv', index: 2, total: 6 })).toBe('Importing orders.csv (2 of 6)…');
    // 12345 in Slovenian uses a dot as the thousands separator (CLDR sl: "12.345").
    expect(translate('sl', 'import.summary', { valid: 12345, read: 12346 })).toBe('Za uvoz je pripravljenih 12.345 od 12.346 vrstic.');
  });

  it('leaves unknown placeholders as written', () => {
    expect(translate('en', 'common.error', {})).toBe('Something went wrong: {reason}');
  });

  it('chooses English plural forms one/other', () => {
    expect(translate('en', 'import.skipInvalid', { count: 1 })).toBe('Skip 1 invalid row and import');
    expect(translate('en', 'import.skipInvalid', { count: 3 })).toBe('Skip 3 invalid rows and import');
    expect(translate('en', 'import.skipInvalid', { count: 0 })).toBe('Skip 0 invalid rows and import');
  });

  it('chooses the four Slovenian plural forms (1, 2, 3-4, 5+; 101 is "one" again)', () => {
    expect(translate('sl', 'import.skipInvalid', { count: 1 })).toBe('Izpusti 1 neveljavno vrstico in uvozi');
    expect(translate('sl', 'import.skipInvalid', { count: 2 })).toBe('Izpusti 2 neveljavni vrstici in uvozi');
    expect(translate('sl', 'import.skipInvalid', { count: 4 })).toBe('Izpusti 4 neveljavne vrstice in uvozi');
    expect(translate('sl', 'import.skipInvalid', { count: 5 })).toBe('Izpusti 5 neveljavnih vrstic in uvozi');
    expect(translate('sl', 'import.skipInvalid', { count: 101 })).toBe('Izpusti 101 neveljavno vrstico in uvozi');
    expect(translate('sl', 'import.skipInvalid', { count: 102 })).toBe('Izpusti 102 neveljavni vrstici in uvozi');
  });

  it('has every English key in Slovenian, with all four forms for plurals', () => {
    expect(Object.keys(sl).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of Object.entries(sl)) {
      if (typeof value === 'string') continue;
      expect(Object.keys(value).sort(), key).toEqual(['few', 'one', 'other', 'two']);
    }
  });

  it('defaults to Slovenian only for Slovenian browsers', () => {
    expect(defaultLocale(['sl-SI', 'en'])).toBe('sl');
    expect(defaultLocale(['de-AT', 'sl'])).toBe('de');
    expect(defaultLocale(['fr-FR', 'sl-SI'])).toBe('sl');
    expect(defaultLocale(['hy-AM'])).toBe('hy');
    expect(defaultLocale(['bg'])).toBe('bg');
    expect(defaultLocale(['et-EE', 'en'])).toBe('et');
    expect(defaultLocale(['en-US'])).toBe('en');
    expect(defaultLocale([])).toBe('en');
  });
});

describe('issueReason', () => {
  it('shows the detailed English message in English', () => {
    expect(issueReason('en', { code: 'invalid-date', message: "line 3, column date: '2024-02-30' is not a real date" })).toBe(
      "line 3, column date: '2024-02-30' is not a real date",
    );
  });

  it('translates known codes and falls back to the English message', () => {
    expect(issueReason('sl', { code: 'invalid-date', message: "line 3, column date: '2024-02-30' is not a valid date" })).toBe('To ni veljaven datum.');
    expect(issueReason('sl', { code: 'too-many-columns', message: 'too many columns', params: { found: 20000, max: 10000 } })).toBe(
      'Datoteka ima preveč stolpcev (20.000; največ 10.000).',
    );
    expect(issueReason('sl', { code: 'something-new', message: 'line 4: odd' })).toBe('line 4: odd');
  });
});
