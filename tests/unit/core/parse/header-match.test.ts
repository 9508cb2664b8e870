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

// Issue #10, "Where churn comes from": customers tables that carry churn themselves. The header
// lists are those of the public tables in tests/fixtures/csv/churn-tables (README.md there);
// the IBM Telco v11 rows are its first two, as published (Clearbox-AI/nerpii Telco_customer_churn.csv).
describe('customers tables that carry churn: flag, reason, category, tenure, churn date', () => {
  const map = (headers: string[], rows: string[][]) => suggestMapping('customers', headers, freeze(rows));
  const column = (headers: string[], values: string[]) =>
    map(['customer id', ...headers], values.map((v, i) => [String(1000 + i), ...headers.map(() => v)]));

  it('the churn flag headers of the public tables map to churned when there are two or three values', () => {
    for (const h of ['Churn', 'Churn Label', 'Churn Value', 'Churned', 'Exited', 'Attrition_Flag', 'Customer Status', 'is_churned', 'churn_flag']) {
      expect(column([h], ['Yes', 'No', 'No'])[1], h).toBe('churned');
    }
    expect(column(['Churn Value'], ['1', '0', '0'])[1]).toBe('churned');
    expect(column(['Attrition_Flag'], ['Existing Customer', 'Attrited Customer'])[1]).toBe('churned');
    expect(column(['Customer Status'], ['Stayed', 'Churned', 'Joined', 'Stayed'])[1]).toBe('churned');
  });
  it('a flag header over more than three values is not the flag (it stays an attribute)', () => {
    expect(column(['Churn'], ['a', 'b', 'c', 'd'])[1]).toBe('attr:Churn');
  });
  it('a header that only contains a flag name needs values the churn flag recognises', () => {
    expect(column(['Churn Label (2023)'], ['Yes', 'No'])[1]).toBe('churned');
    expect(column(['Churn Label (2023)'], ['Gold', 'Silver'])[1]).toBe('attr:Churn Label (2023)');
  });
  it('Churn Score, Churn Risk, Churn Probability and CLTV are never the flag; Total Charges stays an attribute', () => {
    expect(column(['Churn Score'], ['1', '0'])[1]).toBe('attr:Churn Score');
    expect(column(['Churn Risk'], ['High', 'Low', 'Medium'])[1]).toBe('attr:Churn Risk');
    expect(column(['Churn Risk'], ['1', '0'])[1]).toBe('attr:Churn Risk');
    expect(column(['Churn Probability'], ['1', '0'])[1]).toBe('attr:Churn Probability');
    expect(column(['CLTV'], ['3239', '2701'])[1]).toBe('attr:CLTV');
    expect(column(['Total Charges'], ['108.15', '151.65'])[1]).toBe('attr:Total Charges');
  });
  it('reasons, categories and churn dates map by name', () => {
    expect(column(['Churn Reason'], ['Competitor made better offer', 'Moved'])[1]).toBe('churn_reason');
    expect(column(['reason for leaving'], ['Price', 'Moved'])[1]).toBe('churn_reason');
    expect(column(['Churn Category'], ['Competitor', 'Price'])[1]).toBe('churn_category');
    expect(column(['Churn Date'], ['2024-01-31', '2024-02-29'])[1]).toBe('churn_date');
    expect(column(['Exit Date'], ['2024-01-31', '2024-02-29'])[1]).toBe('churn_date');
  });
  it('tenure headers map to tenure_months over non-negative numbers only, never a tenure in years or days', () => {
    for (const h of ['tenure', 'Tenure in Months', 'Tenure Months', 'Months_on_book']) expect(column([h], ['2', '34', '0'])[1], h).toBe('tenure_months');
    expect(column(['tenure'], ['-3', '34'])[1]).toBe('attr:tenure');
    expect(column(['Tenure (years)'], ['2', '7'])[1]).toBe('attr:Tenure (years)');
    expect(column(['Tenure in days'], ['20', '700'])[1]).toBe('attr:Tenure in days');
  });
  it('a second churn flag restates the first: it is not kept as an attribute (IBM Telco v11: Churn Label and Churn Value)', () => {
    const headers = ['CustomerID', 'Count', 'Country', 'State', 'City', 'Zip Code', 'Lat Long', 'Latitude', 'Longitude', 'Gender', 'Senior Citizen', 'Partner', 'Dependents', 'Tenure Months', 'Phone Service', 'Multiple Lines', 'Internet Service', 'Online Security', 'Online Backup', 'Device Protection', 'Tech Support', 'Streaming TV', 'Streaming Movies', 'Contract', 'Paperless Billing', 'Payment Method', 'Monthly Charges', 'Total Charges', 'Churn Label', 'Churn Value', 'Churn Score', 'CLTV', 'Churn Reason'];
    const rows = [
      ['3668-QPYBK', '1', 'United States', 'California', 'Los Angeles', '90003', '33.964131, -118.272783', '33.964131', '-118.272783', 'Male', 'No', 'No', 'No', '2', 'Yes', 'No', 'DSL', 'Yes', 'Yes', 'No', 'No', 'No', 'No', 'Month-to-month', 'Yes', 'Mailed check', '53.85', '108.15', 'Yes', '1', '86', '3239', 'Competitor made better offer'],
      ['9237-HQITU', '1', 'United States', 'California', 'Los Angeles', '90005', '34.059281, -118.30742', '34.059281', '-118.307420', 'Female', 'No', 'No', 'Yes', '2', 'Yes', 'No', 'Fiber optic', 'No', 'No', 'No', 'No', 'No', 'No', 'Month-to-month', 'Yes', 'Electronic check', '70.7', '151.65', 'Yes', '1', '67', '2701', 'Moved'],
    ];
    expect(guessKinds(headers, freeze(rows))[0].kind).toBe('customers');
    const m = map(headers, rows);
    const at = (h: string) => m[headers.indexOf(h)];
    expect([at('CustomerID'), at('Tenure Months'), at('Churn Label'), at('Churn Value'), at('Churn Reason')]).toEqual(['customer_id', 'tenure_months', 'churned', null, 'churn_reason']);
    expect([at('Churn Score'), at('CLTV'), at('Total Charges')]).toEqual(['attr:Churn Score', 'attr:CLTV', 'attr:Total Charges']);
  });
  it('Slovenian and German headers', () => {
    expect(map(['ID stranke', 'Odšel', 'Razlog odhoda', 'Datum odhoda', 'Doba sodelovanja'], [['1', 'Da', 'Cena', '31.01.2024', '12']])).toEqual(['customer_id', 'churned', 'churn_reason', 'churn_date', 'tenure_months']);
    expect(map(['Kundennummer', 'Abgewandert', 'Kündigungsgrund', 'Kündigungsdatum', 'Kundendauer in Monaten'], [['1', 'Ja', 'Preis', '31.01.2024', '12']])).toEqual(['customer_id', 'churned', 'churn_reason', 'churn_date', 'tenure_months']);
  });
  it('kind: a customer id and a churn flag without dates is a customers table; customer, cancel date and reason still a cancellations file', () => {
    const best = (headers: string[], rows: string[][]): DataKind => guessKinds(headers, freeze(rows))[0].kind;
    expect(best(['customer_id', 'churn'], [['1', 'Yes'], ['2', 'No'], ['3', 'No']])).toBe('customers');
    expect(best(['Customer ID', 'Churn', 'Churn Score'], [['1', 'Yes', '80'], ['2', 'No', '10']])).toBe('customers');
    expect(best(['Customer ID', 'Churned', 'Churn Date', 'Churn Reason'], [['1', 'Yes', '2024-01-03', 'Price'], ['2', 'No', '', '']])).toBe('customers');
    expect(best(['Customer ID', 'Churn Date', 'Churn Reason'], [['1', '2024-01-03', 'Price'], ['3', '2024-02-03', 'Moved']])).toBe('churn');
    expect(best(['customer id', 'cancel date', 'reason'], [])).toBe('churn');
  });
});
