import { describe, expect, it } from 'vitest';
import {
  guessKinds,
  isPiiHeader,
  normaliseHeader,
  suggestMapping,
} from '../../../../src/core/parse/header-match.ts';
import { DATA_KINDS } from '../../../../src/core/schema/kinds.ts';
import type { DataKind } from '../../../../src/core/schema/kinds.ts';
import { readCsv } from './fixtures.ts';

const freeze = <T>(rows: T[][]): readonly (readonly T[])[] => Object.freeze(rows.map((r) => Object.freeze(r)));

describe('normaliseHeader', () => {
  it('trims, lower-cases, strips BOM, quotes, diacritics and separators', () => {
    expect(normaliseHeader('\uFEFF"Customer_ID" ')).toBe('customer id');
    expect(normaliseHeader('  Signup   Date ')).toBe('signup date');
    expect(normaliseHeader('order-date')).toBe('order date');
    expect(normaliseHeader('Created.At')).toBe('created at');
    expect(normaliseHeader('Šifra  stranke')).toBe('sifra stranke');
    expect(normaliseHeader('Kuupäev')).toBe('kuupaev');
    expect(normaliseHeader('STRASSE')).toBe('strasse');
    expect(normaliseHeader('Straße')).toBe('strasse');
    expect(normaliseHeader('ДАТА')).toBe('дата');
    expect(normaliseHeader('Ամսաթիվ')).toBe('ամսաթիվ');
    expect(normaliseHeader('INDUSTRY')).toBe('industry'); // no Turkish dotless i
    expect(normaliseHeader('Created (UTC)')).toBe('created (utc)');
  });
  it('hostile-inputs/header-case-whitespace.csv normalises to the plain field names', () => {
    const { header } = readCsv('hostile-inputs/header-case-whitespace.csv');
    const norm = header.map(normaliseHeader);
    expect(norm).toContain('customer id');
    expect(norm).toContain('signup date');
    expect(suggestMapping('customers', header, [])[norm.indexOf('customer id')]).toBe('customer_id');
  });
});

describe('suggestMapping by header, in six languages', () => {
  const cases: [string, string[]][] = [
    ['English', ['Customer ID', 'Order Date', 'Amount']],
    ['Slovenian', ['Šifra stranke', 'Datum naročila', 'Znesek']],
    ['Slovenian, no diacritics', ['sifra_stranke', 'datum_narocila', 'znesek']],
    ['Bulgarian', ['Номер на клиент', 'Дата на поръчка', 'Обща сума']],
    ['Estonian', ['Kliendi ID', 'Tellimuse kuupäev', 'Summa']],
    ['Armenian', ['Հաճախորդի ID', 'Պատվերի ամսաթիվ', 'Գումար']],
    ['German', ['Kundennummer', 'Bestelldatum', 'Betrag']],
  ];
  for (const [language, headers] of cases) {
    it(`orders headers in ${language}`, () => {
      expect(suggestMapping('orders', headers, [])).toEqual(['customer_id', 'date', 'amount']);
    });
  }
  it('subscriptions, churn, feedback and referrals headers in several languages', () => {
    expect(suggestMapping('subscriptions', ['Kunde', 'Startdatum', 'Enddatum', 'MRR', 'Tarif'], [])).toEqual([
      'customer_id', 'start_date', 'end_date', 'mrr', 'plan',
    ]);
    expect(suggestMapping('churn', ['Stranka', 'Datum odpovedi', 'Razlog'], [])).toEqual(['customer_id', 'date', 'reason']);
    expect(suggestMapping('churn', ['Клиент', 'Дата на прекратяване', 'Причина'], [])).toEqual(['customer_id', 'date', 'reason']);
    expect(suggestMapping('feedback', ['Klient', 'Kuupäev', 'Hinnang', 'Kommentaar'], [])).toEqual([
      'customer_id', 'date', 'score', 'comment',
    ]);
    expect(suggestMapping('feedback', ['Հաճախորդ', 'Ամսաթիվ', 'Գնահատական', 'Մեկնաբանություն'], [])).toEqual([
      'customer_id', 'date', 'score', 'comment',
    ]);
    expect(suggestMapping('referrals', ['Werber', 'Geworbener Kunde', 'Datum', 'Prämie'], [])).toEqual([
      'referrer_id', 'referred_id', 'date', 'reward',
    ]);
  });
  it('uses each field once and prefers the earlier synonym (Created at over Paid at, Amount over Total)', () => {
    expect(suggestMapping('orders', ['Paid at', 'Created at', 'Email', 'Total', 'Amount'], [])).toEqual([
      null, 'date', 'customer_id', null, 'amount',
    ]);
  });
  it('matches headers that contain a synonym, but never a PII header by containment', () => {
    expect(suggestMapping('orders', ['Customer ID (internal)', 'Order date (local)', 'Amount EUR'], [])).toEqual([
      'customer_id', 'date', 'amount',
    ]);
    expect(suggestMapping('orders', ['Customer name', 'Customer ID', 'Date', 'Total'], [])).toEqual([
      null, 'customer_id', 'date', 'amount',
    ]);
  });
});

describe('suggestMapping from values', () => {
  it('finds the required date and amount columns by their values when headers are unknown', () => {
    const headers = ['Kunde', 'col_b', 'col_c', 'col_d'];
    const rows = freeze([
      ['C1', 'x', '15.01.2024', '12,50'],
      ['C2', 'y', '16.01.2024', '1.099,00'],
      ['C3', 'z', 'N/A', '7,00'],
    ]);
    expect(suggestMapping('orders', headers, rows)).toEqual(['customer_id', null, 'date', 'amount']);
  });
  it('does not take an integer id column for an amount', () => {
    const rows = freeze([
      ['1', '2024-01-15'],
      ['2', '2024-01-16'],
    ]);
    expect(suggestMapping('orders', ['Customer', 'When'], rows)).toEqual(['customer_id', 'date']);
  });
  it('falls back to the email column for the customer id', () => {
    expect(suggestMapping('orders', ['E-mail', 'Date', 'Total'], [])).toEqual(['customer_id', 'date', 'amount']);
  });
});

describe('customer attributes and PII', () => {
  it('keeps other non-PII columns as attr:<header> and drops PII in six languages', () => {
    const headers = [
      'Customer ID', 'Email', 'First Name', 'Phone', 'Segment', 'E-pošta', 'Ime', 'Имейл', 'Телефон', 'Eesnimi',
      'Էլ. փոստ', 'Անուն', 'Vorname', 'Straße', 'Favourite colour', '', 'Segment',
    ];
    expect(suggestMapping('customers', headers, [])).toEqual([
      'customer_id', null, null, null, 'attr:Segment', null, null, null, null, null,
      null, null, null, null, 'attr:Favourite colour', null, 'attr:Segment (2)',
    ]);
  });
  it('isPiiHeader', () => {
    for (const h of ['email', 'Billing Email', 'customer_email', 'Name', 'Priimek', 'Naslov', 'Фамилия', 'Адрес', 'Isikukood', 'Հասցե', 'Nachname', 'PLZ', 'Date of birth'])
      expect(isPiiHeader(h)).toBe(true);
    for (const h of ['plan', 'region', 'country', 'signup date', 'Tags', 'Industry', 'Total Spent'])
      expect(isPiiHeader(h)).toBe(false);
  });
  it('headers named after Object.prototype members are harmless (hostile-inputs/proto-headers.csv)', () => {
    const { header, rows } = readCsv('hostile-inputs/proto-headers.csv');
    expect(header).toContain('__proto__');
    const mapping = suggestMapping('customers', header, rows);
    expect(mapping.length).toBe(header.length);
    expect(mapping[header.indexOf('__proto__')]).toBe('attr:__proto__');
    expect(mapping[header.indexOf('constructor')]).toBe('attr:constructor');
    expect(mapping[header.indexOf('hasOwnProperty')]).toBe('attr:hasOwnProperty');
    for (const kind of DATA_KINDS) suggestMapping(kind, ['__proto__', 'constructor', 'hasOwnProperty', 'toString'], rows);
    guessKinds(['__proto__', 'constructor', 'hasOwnProperty'], rows);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(typeof ({} as Record<string, unknown>).hasOwnProperty).toBe('function');
  });
});

describe('guessKinds', () => {
  const best = (headers: string[], rows: string[][] = []): DataKind => guessKinds(headers, freeze(rows))[0].kind;
  it('returns all six kinds, best first, with scores in 0..1', () => {
    const g = guessKinds(['Customer ID', 'Date', 'Amount'], []);
    expect(g.map((x) => x.kind).sort()).toEqual([...DATA_KINDS].sort());
    for (let i = 0; i < g.length; i++) {
      expect(g[i].score).toBeGreaterThanOrEqual(0);
      expect(g[i].score).toBeLessThanOrEqual(1);
      if (i > 0) expect(g[i].score).toBeLessThanOrEqual(g[i - 1].score);
    }
  });
  it('an orders export beats customers', () => {
    expect(best(['Order ID', 'Customer ID', 'Order Date', 'Amount', 'Status'])).toBe('orders');
    expect(best(['order id', 'amount', 'date'])).toBe('orders');
    expect(best(['Kundennummer', 'Bestelldatum', 'Betrag'])).toBe('orders');
    expect(best(['Клиент', 'Дата', 'Сума'])).toBe('orders');
  });
  it('a subscriptions export beats orders', () => {
    expect(best(['customer_id', 'start', 'end', 'mrr', 'plan'], [['C1', '2024-01-01', '', '49.00', 'pro']])).toBe('subscriptions');
  });
  it('a cancellations file is churn', () => {
    expect(best(['customer id', 'cancel date', 'reason'])).toBe('churn');
    expect(best(['ID stranke', 'Datum odpovedi', 'Razlog'])).toBe('churn');
  });
  it('a survey file is feedback', () => {
    expect(best(['customer', 'date', 'nps', 'comment'])).toBe('feedback');
    expect(best(['Customer ID', 'Submitted at', 'Rating'])).toBe('feedback');
  });
  it('a referrals file is referrals', () => {
    expect(best(['referrer', 'referred', 'date'])).toBe('referrals');
  });
  it('a customers file is customers', () => {
    expect(best(['customer id', 'signup date', 'plan', 'region', 'email', 'name'])).toBe('customers');
    const { header, rows } = readCsv('hostile-inputs/semicolon-decimal-comma.csv', ';');
    expect(best(header, rows)).toBe('customers');
  });
});
