/**
 * One fixture per class of real export that issue #6 names (tests/fixtures/csv/classes/, written
 * for these tests), through the command line's code path (the app's inspectFile, parseFile and
 * plausibility report). Every expected figure is computed by hand in the comment above it.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeFiles, type AnalyzeFlags } from '../../../scripts/analyze-lib.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/csv/classes/${name}`, import.meta.url));
const run = async (name: string, flags: AnalyzeFlags = {}) => {
  const out = await analyzeFiles([fixture(name)], flags);
  expect(out.exitCode, out.messages.join('\n')).toBe(0);
  return { report: out.report!, file: out.report!.files[0], messages: out.messages };
};
const codes = (f: { plausibility?: { notes: readonly { code: string }[] } }): string[] => f.plausibility?.notes.map((n) => n.code) ?? [];

describe('export classes (issue #6)', () => {
  // 1. Invoice lines with quantity and unit price, no total; credit notes C...
  //    536365: 6 x 2.55 + 6 x 3.39 + 8 x 2.75 = 57.64     536366: 2 x 6 x 1.85 = 22.20
  //    536367: 32 x 1.69 + 2 x 6 x 2.10 = 79.28          C536379: -1 x 27.50 = -27.50
  //    536380: 24 x 1.45 = 34.80   C536383: -4.65   536384: 3 x 6.45 + 48 x 0.65 = 50.55
  //    536385: 19.95   536386: 2 x 100 x 1.65 = 330.00   -> 9 orders, 562.27; 8 customers.
  it('line items with quantity x unit price and C-prefixed credit notes: orders by invoice, negative credit notes', async () => {
    const { report, file } = await run('online-retail-lines.csv');
    expect(file.kind).toBe('orders');
    expect(file.mapping).toMatchObject({ InvoiceNo: 'order_id', Quantity: 'quantity', InvoiceDate: 'date', UnitPrice: 'unit_price', CustomerID: 'customer_id' });
    expect(report).toMatchObject({ orders: 9, customers: 8, firstDate: '2010-12-01', lastDate: '2010-12-14' });
    expect(report.revenue).toBeCloseTo(562.27, 9);
    expect(file.dateOrder).toBe('MDY');
    expect(file.plausibility?.linesPerOrder).toBeCloseTo(16 / 9, 9);
    expect(codes(file)).toEqual(['rolled-up', 'credit-notes']);
    expect(file.plausibility?.notes[0].message).toBe('16 rows rolled up into 9 orders by order id (amount = quantity x unit price, summed)');
  });

  it('the same invoice lines: no question is asked about the invoice number column', async () => {
    const out = await analyzeFiles([fixture('online-retail-lines.csv')]);
    expect(out.messages).toEqual([]);
    expect(out.report?.files[0].evidence?.decimal ?? '').not.toContain('InvoiceNo');
  });

  // 2. Line totals on every line; one order id used by two customers.
  //    CA-2016-152156 (CG): 261.96 + 731.94 = 993.90; CA-2016-138688: DV 14.62 and AB 9.94 (split);
  //    US-2015-108966: 957.5775 + 22.368 = 979.9455; CA-2014-115812: 48.86 + 7.28 + 907.152 = 963.292;
  //    CA-2017-114412: 15.552 -> 6 orders, 2977.2495, 6 customers.
  it('line totals on every line are summed, and an order id shared by two customers is two orders, reported', async () => {
    const { report, file } = await run('superstore-line-totals.csv');
    expect(file.mapping).toMatchObject({ 'Order ID': 'order_id', 'Customer ID': 'customer_id', Sales: 'amount', Quantity: 'quantity', 'Customer Name': null, 'Row ID': null });
    expect(report).toMatchObject({ orders: 6, customers: 6, firstDate: '2014-06-09', lastDate: '2017-04-15' });
    expect(report.revenue).toBeCloseTo(2977.2495, 9);
    expect(codes(file)).toEqual(['rolled-up', 'shared-order-ids']);
    expect(file.plausibility?.notes[1].message).toBe("1 order id is used by more than one customer (e.g. CA-2016-138688); each customer's part is counted as an order of its own");
  });

  // 3. A client number beside a customer age: the age repeats and is small, the number is unique.
  it('a customers table: CLIENTNUM is the id, Customer_Age an attribute, Attrition_Flag the churn flag, Gender not stored', async () => {
    const { report, file } = await run('bank-churners-customers.csv');
    expect(file.kind).toBe('customers');
    expect(file.mapping).toMatchObject({ CLIENTNUM: 'customer_id', Customer_Age: 'attr:Customer_Age', Gender: null, Attrition_Flag: 'churned' });
    expect(report.customers).toBe(16);
    expect(file.skipped).toBe(0);
    expect(file.warnings?.some((w) => w.startsWith('personal data not needed for any analysis is not stored: Gender'))).toBe(true);
  });

  // 4. No id column: a name (Ana Novak twice -> 3 customers; 120 + 35.50 + 80 + 15 = 250.50) or an
  //    e-mail (Ben@Example.com = ben@example.com -> 2 customers; 120 + 35.50 + 80 = 235.50).
  it('no id column: a name column is the key, with a warning that names collide; the currency comes from the $', async () => {
    const { report, file } = await run('names-only-orders.csv');
    expect(file.mapping['Customer Name']).toBe('customer_id');
    expect(file.reasons?.['Customer Name']).toBe('name-key');
    expect(report).toMatchObject({ customers: 3, orders: 4, revenue: 250.5 });
    expect(file.currency).toBe('USD');
    expect(file.warnings?.some((w) => w.includes('two customers with the same name become one'))).toBe(true);
  });
  it('no id column: an e-mail column is the key, compared in lower case', async () => {
    const { report, file } = await run('emails-only-orders.csv');
    expect(file.reasons?.Email).toBe('email-key');
    expect(report).toMatchObject({ customers: 2, orders: 3, revenue: 235.5 });
    expect(file.currency).toBe('EUR');
  });
  it('no key at all: exit 2 naming --map and --without-customers', async () => {
    const out = await analyzeFiles([fixture('visits-no-amounts.csv')], { map: ['member_id=ignore'] });
    expect(out.exitCode).toBe(2);
    expect(out.messages[0]).toMatch(/no column identifies the customer \(columns: 1 member_id, 2 visit_date, 3 studio\); pass --map COLUMN=customer_id .* or --without-customers/);
  });

  // 5. No header row: 4 orders of 3 customers (17850 twice), 120 + 35.50 + 80 + 15 = 250.50 GBP.
  it('a headerless file: detected, columns named by position, mapped from the values', async () => {
    const { report, file } = await run('no-header-orders.csv');
    expect(file.headerLine).toBe(0);
    expect(file.mapping).toEqual({ 'column 1': 'customer_id', 'column 2': 'date', 'column 3': 'amount', 'column 4': null });
    expect(report).toMatchObject({ orders: 4, customers: 3, revenue: 250.5, firstDate: '2024-01-05', lastDate: '2024-02-12' });
    expect(file.currency).toBe('GBP');
  });
  it('--header-row 1 reads the first line as the header; --header-row 0 says there is none', async () => {
    const named = await analyzeFiles([fixture('no-header-orders.csv')], { headerRow: 1, map: ['17850=customer_id', '2024-01-05=date', '120.00=amount'] });
    expect(named.report?.orders).toBe(3);
    const none = await analyzeFiles([fixture('no-header-orders.csv')], { headerRow: 0 });
    expect(none.report?.orders).toBe(4);
  });

  // 6. Orders without amounts (visits): 5 visits, 3 members; revenue n/a.
  it('orders without amounts import; revenue is null ("n/a"), retention still works', async () => {
    const { report, file } = await run('visits-no-amounts.csv');
    expect(file.kind).toBe('orders');
    expect(file.mapping).toMatchObject({ member_id: 'customer_id', visit_date: 'date' });
    expect(report).toMatchObject({ orders: 5, customers: 3, revenue: null });
    expect(codes(file)).toContain('no-amounts');
    expect(report.retention?.periods[0]).toMatchObject({ period: '2024-01', new: 3 });
  });

  // 7. One date column in two styles, day first: 21-07-2015, 5/1/2015 (5 January), 13/08/2015, 2/3/2015 (2 March).
  it('one date column in two styles is read day first throughout, with a note', async () => {
    const { report, file } = await run('mixed-date-styles.csv');
    expect(file.dateOrder).toBe('DMY');
    expect(report).toMatchObject({ firstDate: '2015-01-05', lastDate: '2015-08-13', revenue: 51.5 });
    expect(file.warnings?.find((w) => w.startsWith('column order_date mixes date styles'))).toMatch(/all read day first/);
  });

  // 8. R's write.csv: an empty first header over row numbers.
  it('an empty first header (R row names) is "column 1", not stored', async () => {
    const { report, file } = await run('r-write-csv.csv');
    expect(file.kind).toBe('customers');
    expect(file.mapping).toEqual({ 'column 1': null, customer: 'customer_id', signup_date: 'signup_date', plan: 'plan' });
    expect(report.customers).toBe(3);
  });

  // 9. Smaller dead ends: yymmdd dates; a cut-off last line; personal columns.
  it('yymmdd dates (930101) are read year first: 700 + 900.50 + 1000 = 2600.50', async () => {
    const { report, file } = await run('yymmdd-orders.csv');
    expect(file.mapping).toMatchObject({ account_id: 'customer_id', trans_date: 'date' });
    expect(report).toMatchObject({ firstDate: '1993-01-01', lastDate: '1993-01-13', revenue: 2600.5, customers: 2 });
  });
  it('a cut-off last line is a row error that --skip-invalid skips (and counts)', async () => {
    const refused = await analyzeFiles([fixture('truncated-last-line.csv')]);
    expect(refused.exitCode).toBe(1);
    expect(refused.messages[0]).toMatch(/line 4: the last line is cut off \(a quote in column note is never closed\)/);
    const { report, file } = await run('truncated-last-line.csv', { skipInvalid: true });
    expect(file).toMatchObject({ rows: 2, skipped: 1 });
    expect(report.revenue).toBe(22);
  });
  it('gender, birth date and coordinates are not stored by default, with a note why', async () => {
    const { file } = await run('personal-columns-customers.csv');
    expect(file.mapping).toMatchObject({ gender: null, birth_date: null, latitude: null, longitude: null, region: 'region', plan: 'plan' });
    expect(file.warnings?.find((w) => w.startsWith('personal data not needed for any analysis is not stored'))).toContain('gender, birth_date, latitude, longitude');
  });

  // Presets checked on files in the vendors' layouts (written for these tests).
  // Stripe subscriptions: 49/month + 480/year = 40/month + 19/month -> MRR 108; the canceled one ends 2024-04-10.
  it('Stripe subscriptions export: (UTC) dates, Amount per Interval converted to MRR, the cancellation reason kept', async () => {
    const { report, file } = await run('stripe-subscriptions.csv');
    expect(file).toMatchObject({ kind: 'subscriptions', preset: 'stripe-subscriptions' });
    expect(file.mapping).toMatchObject({ 'Customer ID': 'customer_id', 'Start Date (UTC)': 'start_date', 'Ended At (UTC)': 'end_date', Amount: 'mrr', Interval: 'billing_period', 'Cancellation Reason': 'cancel_reason', 'Customer Email': null, 'Customer Name': null });
    expect(file.plausibility?.mrr).toBeCloseTo(108, 9);
    expect(report).toMatchObject({ customers: 3, firstDate: '2024-01-05', lastDate: '2024-02-01' });
  });
  it('Stripe customers export: id is the customer, Created (UTC) the signup, e-mail and name not stored', async () => {
    const { report, file } = await run('stripe-customers.csv');
    expect(file).toMatchObject({ kind: 'customers', preset: 'stripe-customers' });
    expect(file.mapping).toMatchObject({ id: 'customer_id', 'Created (UTC)': 'signup_date', Email: null, Name: null, 'Card ID': null });
    expect(report).toMatchObject({ customers: 3, firstDate: '2024-01-05', lastDate: '2024-02-01' });
  });
  // Paddle: two completed transactions 49.60 + 24.80 = 74.40; the canceled one was never billed (no billed_at).
  it('Paddle transactions export: total per transaction, billed_at as the date; an unbilled one is a row error naming the column', async () => {
    const refused = await analyzeFiles([fixture('paddle-transactions.csv')]);
    expect(refused.messages[0]).toMatch(/line 4, column billed_at: a value is required/);
    const { report, file } = await run('paddle-transactions.csv', { skipInvalid: true });
    expect(file).toMatchObject({ kind: 'orders', preset: 'paddle-transactions', skipped: 1 });
    expect(report).toMatchObject({ orders: 2, customers: 2, revenue: 74.4 });
  });
});
