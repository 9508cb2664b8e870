/**
 * Every file in ../shared/data/real-exports against the independently computed facts in its
 * expected.json, through the command line's code path (analyzeFiles: the app's inspectFile,
 * parseFile and plausibility report, without IndexedDB). Each file gets only the answers a user
 * gives to the questions the importer asks (an encoding, a day/month order, "no customer
 * column"), and the test first checks that those questions are asked, naming the column or the
 * choice. Divergences from expected.json are listed per file and justified in
 * docs/csv-policy.md ("Real exports").
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SHARED_DATA } from '../../support/shared-data.ts';
import { analyzeFiles, type AnalyzeFlags } from '../../../scripts/analyze-lib.ts';

const DIR = `${SHARED_DATA}real-exports/`;

interface Facts {
  file: string;
  kind: 'orders' | 'subscriptions' | 'feedback';
  rows: number;
  customers: number | null;
  orders: number | null;
  revenue: number | null;
  firstDate: string | null;
  lastDate: string | null;
}
const expected = JSON.parse(readFileSync(`${DIR}expected.json`, 'utf8')) as Facts[];

/** Per file: the answers a user gives, the question asked without them, and the justified divergences. */
const CASES: Record<string, { flags: AnalyzeFlags; asks?: RegExp; preset?: string; divergent?: (keyof Facts)[] }> = {
  'shopify_orders_export_devstore.csv': { flags: {}, preset: 'shopify-orders' },
  'woocommerce_orders_webtoffee_sample.csv': { flags: {}, preset: 'woocommerce-orders' },
  // Revenue: a subscriptions file has MRR, not revenue (checked below against a hand computation).
  'woocommerce_subscriptions_import_export_sample.csv': { flags: {}, preset: 'woocommerce-subscriptions', divergent: ['revenue', 'orders'] },
  'stripe_payments_export_sample.csv': { flags: { dateOrder: 'DMY' }, asks: /dates in Created \(UTC\) could be day-first or month-first .*pass --date-order DMY or MDY/, preset: 'stripe-payments' },
  'ing_de_umsatzanzeige_latin1.csv': { flags: { encoding: 'windows-1252' }, asks: /not valid UTF-8 at line 12; .*pass --encoding windows-1252/ },
  // customers: the file has none (null); the command line counts 0.
  'easybank_at_giro_noheader.csv': { flags: { encoding: 'windows-1252', withoutCustomers: true }, asks: /no column identifies the customer .*--without-customers/, divergent: ['customers'] },
  // Revenue: CaTicket is a till receipt beside a survey answer, not an order (a feedback file has no revenue).
  'botanic_nps_survey.csv': { flags: { encoding: 'windows-1252' }, asks: /not valid UTF-8 at line 3/, divergent: ['revenue', 'orders'] },
};

describe('real exports (shared/data/real-exports/expected.json)', () => {
  it('covers every file of expected.json', () => {
    expect(Object.keys(CASES).sort()).toEqual(expected.map((e) => e.file).sort());
  });

  for (const facts of expected) {
    const c = CASES[facts.file];
    it(`${facts.file}: ${facts.kind}, ${facts.rows} rows, ${facts.customers ?? 'no'} customers, revenue ${facts.revenue}`, async () => {
      const path = DIR + facts.file;
      if (c.asks) {
        const asked = await analyzeFiles([path], {});
        expect(asked.exitCode).toBe(2);
        expect(asked.messages.join('\n')).toMatch(c.asks);
      }
      const out = await analyzeFiles([path], c.flags);
      expect(out.messages.filter((m) => !m.includes('skipped'))).toEqual([]);
      expect(out.exitCode).toBe(0);
      const r = out.report!;
      const f = r.files[0];
      expect(f.kind).toBe(facts.kind);
      expect(f.skipped).toBe(0);
      if (c.preset) expect(f.preset).toBe(c.preset);
      const skip = new Set(c.divergent ?? []);
      if (!skip.has('customers')) expect(r.customers).toBe(facts.customers ?? 0);
      if (!skip.has('orders')) expect(r.orders).toBe(facts.orders ?? 0);
      if (!skip.has('revenue')) expect(r.revenue).toBeCloseTo(facts.revenue as number, 2);
      expect(r.firstDate).toBe(facts.firstDate);
      expect(r.lastDate).toBe(facts.lastDate);
      expect(f.plausibility?.records).toBe(facts.rows);
    });
  }

  it('Shopify: 40 line items -> 19 orders, totals from the first line, 10 orders without an e-mail reported', async () => {
    const f = (await analyzeFiles([`${DIR}shopify_orders_export_devstore.csv`])).report!.files[0];
    expect(f.plausibility).toMatchObject({ records: 40, rows: 19, customers: 3, revenue: 14089.04 });
    expect(f.plausibility?.linesPerOrder).toBeCloseTo(40 / 19, 10);
    expect(f.plausibility?.notes.map((n) => n.code)).toEqual(['rolled-up', 'orders-without-customer']);
    expect(f.plausibility?.notes[1].message).toBe('10 orders have no customer (guest checkouts, walk-in sales): counted in orders and revenue, left out of retention');
    expect(f.currency).toBe('EUR');
  });

  it('Stripe: the 5 failed charges bring no revenue (436.38 of 716.38), and no charge has a customer', async () => {
    const f = (await analyzeFiles([`${DIR}stripe_payments_export_sample.csv`], { dateOrder: 'DMY' })).report!.files[0];
    expect(f.plausibility?.notes.map((n) => n.code)).toEqual(['voided-orders', 'no-customers']);
    expect(f.currency).toBe('USD');
  });

  it('WooCommerce Subscriptions: 7 subscribers by billing e-mail; MRR = 9 monthly totals + 27.50 every 2 weeks x 52/12/2', async () => {
    const f = (await analyzeFiles([`${DIR}woocommerce_subscriptions_import_export_sample.csv`])).report!.files[0];
    // 46.68 + 58.36 + 43.26 + 11 + 35.2 + 33.73 + 3 x 46.68 = 368.27 monthly; 27.5 x 52 / 12 / 2 = 59.5833...
    expect(f.plausibility?.mrr).toBeCloseTo(368.27 + (27.5 * 52) / 12 / 2, 6);
    expect(f.rows).toBe(10);
    expect(f.mapping.end_date).toBe('end_date');
    expect(f.warnings).toContain("column end_date: '0' read as missing (null-token policy)");
  });

  it('ING: header found below 13 preamble lines, the repeated Währung kept, counterparties as a name key with a warning, bank statement named', async () => {
    const f = (await analyzeFiles([`${DIR}ing_de_umsatzanzeige_latin1.csv`], { encoding: 'windows-1252' })).report!.files[0];
    expect(f.headerLine).toBe(14);
    expect(f).toMatchObject({ delimiter: ';', decimal: ',', dateOrder: 'DMY', currency: 'EUR' });
    expect(f.mapping).toMatchObject({ Buchung: 'date', 'Auftraggeber/Empfänger': 'customer_id', Betrag: 'amount', 'Währung (2)': null });
    expect(f.reasons?.['Auftraggeber/Empfänger']).toBe('name-key');
    expect(f.warnings?.some((w) => w.startsWith('no customer id column: customers are told apart by Auftraggeber/Empfänger; two customers with the same name become one'))).toBe(true);
    expect(f.warnings?.some((w) => w.startsWith('this looks like a bank statement'))).toBe(true);
  });

  it('easybank: no header row (columns by position), dates and signed amounts with a thousands dot by their values', async () => {
    const f = (await analyzeFiles([`${DIR}easybank_at_giro_noheader.csv`], { encoding: 'windows-1252', withoutCustomers: true })).report!.files[0];
    expect(f).toMatchObject({ headerLine: 0, delimiter: ';', decimal: ',', dateOrder: 'DMY', currency: 'EUR' });
    expect(f.mapping).toMatchObject({ 'column 3': 'date', 'column 5': 'amount', 'column 1': null });
    expect(f.reasons).toMatchObject({ 'column 3': 'values', 'column 5': 'values' });
  });

  it('Botanic NPS survey: feedback with R row numbers, 342 NA scores kept without a score, NPS 53.42', async () => {
    const f = (await analyzeFiles([`${DIR}botanic_nps_survey.csv`], { encoding: 'windows-1252' })).report!.files[0];
    expect(f.mapping).toMatchObject({ 'column 1': null, id: 'customer_id', nps: 'score', explication: 'comment' });
    expect(f.plausibility?.nps).toMatchObject({ responses: 13954 - 342, promoters: 8465, passives: 3953, detractors: 1194 });
    expect(f.plausibility?.nps?.nps).toBeCloseTo(53.42, 2);
    expect(f.plausibility?.notes.map((n) => n.code)).toContain('responses-without-score');
  });
});
