import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { columnLabel, issueReason, issueSentence, noteSentence, questionSentence, sentence } from '../../../../src/lib/i18n/issue-text.ts';
import { en } from '../../../../src/lib/i18n/en.ts';

/** Every `.ts` file under `dir`, recursively. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}
const text = (files: string[]) => files.map((f) => readFileSync(f, 'utf8')).join('\n');

describe('sentence', () => {
  it('capitalises the importer message and ends it with a full stop, once', () => {
    expect(sentence('no order has a customer: orders are counted')).toBe('No order has a customer: orders are counted.');
    expect(sentence('already a sentence.')).toBe('Already a sentence.');
    expect(sentence('(map a column to keep it)')).toBe('(map a column to keep it).');
  });
});

describe('noteSentence', () => {
  const note = { code: 'orders-without-customer', message: '10 orders have no customer (guest checkouts, walk-in sales): counted', params: { count: 10 } };

  it('shows the importer message in English, as a sentence', () => {
    expect(noteSentence('en', note, 'Orders')).toBe('10 orders have no customer (guest checkouts, walk-in sales): counted.');
  });

  it('translates by code with the Slovenian plural of the count (5+: "naročil")', () => {
    expect(noteSentence('sl', note, 'Naročila')).toMatch(/^10 naročil nima stranke/);
    expect(noteSentence('sl', { ...note, params: { count: 2 } }, 'Naročila')).toMatch(/^2 naročili nimata stranke/);
  });

  it('takes the plural from the param that counts (rolled-up: orders)', () => {
    const rolled = { code: 'rolled-up', message: '40 rows rolled up into 19 orders', params: { lines: 40, orders: 19, level: 'order' } };
    expect(noteSentence('sl', rolled, 'Naročila')).toBe('Vrstice (40) so po številki naročila združene v 19 naročil.');
    expect(noteSentence('sl', { ...rolled, params: { lines: 4, orders: 3, level: 'order' } }, 'Naročila')).toBe('Vrstice (4) so po številki naročila združene v 3 naročila.');
  });

  it('adds "did you mean" only when the report names a candidate', () => {
    const dup = { code: 'key-mostly-repeated', message: 'x', params: { column: 'Name', count: 12 } };
    expect(noteSentence('sl', dup, 'Stranke')).not.toMatch(/Ste mislili/);
    expect(noteSentence('sl', { ...dup, params: { ...dup.params, suggestion: 'CLIENTNUM' } }, 'Stranke')).toMatch(/Ste mislili CLIENTNUM\?$/);
  });

  it('falls back to the English message for a code without a translation', () => {
    expect(noteSentence('sl', { code: 'something-new', message: 'odd thing' }, 'Naročila')).toBe('Odd thing.');
  });
});

describe('issueSentence and questionSentence', () => {
  it('puts the column of a warning into the translated sentence', () => {
    const issue = { code: 'customer-key-name', column: 'Auftraggeber', message: 'no customer id column: ...', params: { column: 'Auftraggeber' } };
    expect(issueSentence('sl', issue)).toMatch(/po stolpcu Auftraggeber/);
    const mixed = { code: 'mixed-date-styles', column: 'Datum', message: 'column Datum mixes', params: { styles: '1.2.2024, 2024-02-01', order: 'DMY' } };
    expect(issueSentence('sl', mixed)).toMatch(/^Stolpec Datum meša/);
    // The order by its name, not the English acronym.
    expect(issueSentence('de', mixed)).toMatch(/in der Reihenfolge Tag-Monat-Jahr \(31\.03\.2024\) gelesen\.$/);
  });

  it('explains the header-row questions by code in Slovenian', () => {
    expect(questionSentence('sl', { code: 'confirm-no-header', message: 'line 1 holds values' })).toMatch(/nima vrstice z imeni stolpcev/);
    expect(questionSentence('en', { code: 'confirm-no-header', message: 'line 1 holds values' })).toBe('Line 1 holds values.');
  });
});

describe('issueReason of an implausible number', () => {
  const digits = { code: 'implausible-number', message: "line 2, column amount: '99999999999999999999' has more digits than a number can hold exactly (15); it would be rounded", params: { reason: 'too-many-digits', digits: 15 } };
  const amount = { code: 'implausible-number', message: "line 3, column amount: '5e13' is beyond any plausible amount (1,000,000,000,000 or more)", params: { reason: 'amount-too-large', limit: 1e12 } };

  it('shows the importer message in English', () => {
    expect(issueReason('en', digits)).toBe(digits.message);
  });

  it('translates the reason by its code, with the limit formatted for the locale', () => {
    expect(issueReason('de', digits)).toBe('Diese Zahl kann nicht so gespeichert werden, wie sie geschrieben ist: sie hat mehr Ziffern, als eine Zahl exakt darstellen kann (15); sie würde gerundet.');
    expect(issueReason('de', amount)).toBe('Diese Zahl kann nicht so gespeichert werden, wie sie geschrieben ist: sie liegt über jedem plausiblen Betrag (1.000.000.000.000 oder mehr).');
    expect(issueReason('sl', { ...amount, params: { reason: 'amount-far-too-large', limit: 1e12 } })).toMatch(/: daleč presega vsak verjeten znesek \(1.000.000.000.000 ali več\)\.$/);
    for (const locale of ['bg', 'et', 'hy'] as const) expect(issueReason(locale, digits)).not.toMatch(/digits|reason/);
  });
});

describe('notes naming a date range', () => {
  const note = {
    code: 'implausible-dates',
    message: '2 orders are dated far outside the other dates (1900-01-01 on line 4, 2099-05-05 on line 9; plausible: 2021-03-01 to 2024-11-30): left out; keep them only if the dates are right',
    params: { count: 2, column: 'Date', examples: '1900-01-01, 2099-05-05', from: '2021-03-01', to: '2024-11-30' },
  };
  it('format the range for the locale, English included', () => {
    expect(noteSentence('en', note, 'Orders')).toBe(
      '2 rows are dated far outside the other dates in Date (1900-01-01, 2099-05-05; plausible: 1 Mar 2021 to 30 Nov 2024): left out; keep them only if the dates are right.',
    );
    expect(noteSentence('sl', note, 'Naročila').replace(/\u00a0/g, ' ')).toBe(
      '2 vrstici imata v stolpcu Date datum daleč od ostalih (1900-01-01, 2099-05-05; verjetno: od 1. mar. 2021 do 30. nov. 2024): izpuščeni; obdržite ju le, če sta datuma prava.',
    );
    expect(noteSentence('sl', { ...note, code: 'implausible-dates-kept', params: { ...note.params, count: 5 } }, 'Naročila')).toMatch(/^5 vrstic ima .* obdržane, kot ste izbrali\.$/);
  });
});

describe('every code the importer emits has a translation', () => {
  it('plausibility notes: note.<code>', () => {
    const src = readFileSync('src/core/import/plausibility.ts', 'utf8');
    const codes = [...src.matchAll(/'(warning|info)', (?:[\w.]+ \? '([a-z-]+)' : '([a-z-]+)'|'([a-z-]+)')/g)].flatMap((m) => [m[2], m[3], m[4]].filter(Boolean));
    expect(codes.length).toBeGreaterThanOrEqual(16);
    for (const code of codes) expect(Object.hasOwn(en, `note.${code}`), code).toBe(true);
  });

  it('issues, questions and detection reasons: issue.<code>, question.code.<code> or why.<code>', () => {
    // The importer and the retention core; the analyses (churn, CLV, satisfaction ...) translate
    // their own codes on their pages (lib/churn-text.ts, lib/clv-text.ts ...).
    const ANALYSES = /[\\/]core[\\/](churn|clv|segments|satisfaction|referrals|returning|customers|stats)[\\/]/;
    // The retention report's sentences and receipt filters (core/retention/report-phrases.ts and
    // the modules that build them) are translated by lib/retention-text.ts and
    // lib/retention-receipts.ts, whose switches over those unions make a missing one a compile error.
    const PHRASES = /[\\/]core[\\/]retention[\\/](report-phrases|window-report|period-rows|survival-report|churn-definitions|report-source)\.ts$/;
    const src = text([...sources('src/ingest'), ...sources('src/core').filter((f) => !ANALYSES.test(f) && !PHRASES.test(f))]);
    const codes = [...new Set([...src.matchAll(/code: '([a-z0-9-]+)'/g)].map((m) => m[1]))];
    expect(codes.length).toBeGreaterThan(30);
    // Detection reasons (core/parse/detection-reason.ts) are why.<code>; 'chosen' shares reason.chosen with the mapping.
    const known = (code: string) => [`issue.${code}`, `question.code.${code}`, `why.${code}`, `reason.${code}`].some((k) => Object.hasOwn(en, k));
    for (const code of codes) expect(known(code), code).toBe(true);
  });
});

describe('every field of every kind has a label', () => {
  it('field.<key> exists in English (Slovenian has the same keys: its type is Messages)', async () => {
    const { KIND_FIELDS } = await import('../../../../src/core/schema/kinds.ts');
    for (const defs of Object.values(KIND_FIELDS)) for (const d of defs) expect(Object.hasOwn(en, `field.${d.key}`), `field.${d.key}`).toBe(true);
  });
});

describe('columnLabel', () => {
  it('names the columns the importer made up (a file without a header row) in the UI language, and keeps real names as written', () => {
    expect(columnLabel('en', 'column 3')).toBe('column 3');
    expect(columnLabel('de', 'column 3')).toBe('Spalte 3');
    expect(columnLabel('sl', 'column 12')).toBe('stolpec 12');
    expect(columnLabel('bg', 'column 1')).toBe('колона 1');
    // Names from the file stay as they are, even when they look alike.
    expect(columnLabel('de', 'Column 3')).toBe('Column 3');
    expect(columnLabel('de', 'column 3 (2)')).toBe('column 3 (2)');
    expect(columnLabel('de', 'Betrag')).toBe('Betrag');
  });

  it('is used for the column inside translated sentences', () => {
    const question = { code: 'ambiguous-date-order', column: 'column 2', message: 'the dates in column 2 could be day first or month first: choose' };
    expect(questionSentence('de', question)).toBe('In den Datumsangaben in Spalte 2 könnte der Tag oder der Monat zuerst stehen: Bitte wählen Sie.');
    expect(questionSentence('de', { ...question, column: 'Datum' })).toContain('in Datum könnte');
  });
});
