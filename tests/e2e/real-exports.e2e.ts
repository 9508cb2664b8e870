/**
 * Real exports through the import wizard (issue #6): the plausibility report shows what a file
 * adds before anything is stored, a wrong kind is one click away from the right one, and a
 * headerless bank export without customers imports as orders and revenue only. Expected
 * figures are those of ../shared/data/real-exports/expected.json (computed independently of
 * the app, see the README beside it).
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportPage } from './pages/import-page.ts';
import { OverviewPage } from './pages/overview-page.ts';
import { readNumber } from './pages/read-number.ts';
import { openHarness, type Harness } from './support/harness.ts';
import { SHARED_DATA } from '../support/shared-data.ts';

const REAL = resolve(SHARED_DATA, 'real-exports');
const CLASSES = resolve('tests/fixtures/csv/classes');

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
  await h.app.open();
  await h.app.createWorkspace('Real exports');
});
afterAll(async () => {
  await h?.close();
});

describe('real exports in the import wizard', () => {
  it('Shopify line items: the report says 19 orders, 3 customers, 14,089.04 and the 10 guest orders; the overview agrees', async () => {
    const imp = new ImportPage(h.app);
    await imp.open();
    await imp.dropFiles(resolve(REAL, 'shopify_orders_export_devstore.csv'));
    await expect(imp.kind()).resolves.toBe('orders');
    await expect(imp.validate()).resolves.toBe('ready');
    const p = await imp.plausibility();
    expect(readNumber(p.rows)).toBe(19);
    expect(readNumber(p.customers)).toBe(3);
    // en-GB, workspace currency EUR: "€14,089.04".
    expect(p.revenue).toMatch(/14,089\.04/);
    const guests = p.notes.find((n) => n.code === 'orders-without-customer');
    expect(guests?.text, JSON.stringify(p.notes)).toMatch(/\b10\b/);
    expect(guests?.warning).toBe(true);
    await imp.commit();
    const overview = new OverviewPage(h.app);
    await overview.open();
    await overview.waitForOrders(19);
    const f = await overview.figures();
    expect(f.orders).toBe(19);
    expect(f.customers).toBe(3);
  });

  it('a customers file forced to "orders" keeps the kind selector, and "Read it as" fixes it in one click', async () => {
    const imp = new ImportPage(h.app);
    await imp.open();
    await imp.dropFiles(resolve(CLASSES, 'personal-columns-customers.csv'));
    await expect(imp.kind()).resolves.toBe('customers');
    await imp.setKind('orders');
    await expect(imp.fatalCode()).resolves.toBe('wrong-kind');
    // No dead end: the kind and the dialect stay usable.
    await expect(imp.card().getByTestId('import-kind').isEnabled()).resolves.toBe(true);
    await expect(imp.card().getByTestId('dialect-encoding').isEnabled()).resolves.toBe(true);
    await imp.readAsSuggested();
    await expect(imp.kind()).resolves.toBe('customers');
    await expect(imp.fatalCode()).resolves.toBeNull();
    await expect(imp.validate()).resolves.toBe('ready');
    const p = await imp.plausibility();
    expect(readNumber(p.rows)).toBe(3);
    // The personal columns are named as not stored.
    await expect(imp.card().getByTestId('inspection-notes').innerText()).resolves.toMatch(/birth_date/);
    await imp.discard();
  });

  it('easybank (windows-1252, no header, no customer): answered, ticked, checked: revenue -1,562.86', async () => {
    const imp = new ImportPage(h.app);
    await imp.open();
    await imp.dropFiles(resolve(REAL, 'easybank_at_giro_noheader.csv'));
    await imp.answer('encoding', 'windows-1252');
    await expect(imp.headerRowLabel()).resolves.toBe('No header row');
    await expect(imp.card().getByTestId('no-customer-column').isVisible()).resolves.toBe(true);
    // Without a customer column and without the box ticked, the check names the choice.
    await expect(imp.card().getByTestId('import-start').isDisabled()).resolves.toBe(true);
    await expect(imp.card().getByTestId('import-blocked').innerText()).resolves.toMatch(/Customer ID.*no customer column/i);
    // A mapping change re-runs the detection with the whole mapping: the decimal question is
    // about the mapped amount column, so it goes with it and comes back, and nothing else moves.
    const card = imp.card();
    await expect(card.getByTestId('question-decimal').count()).resolves.toBe(1);
    await imp.mapColumn(4, '');
    await imp.inspected();
    await expect(card.getByTestId('question-decimal').count()).resolves.toBe(0);
    await expect(imp.mapping(2)).resolves.toBe('date');
    await imp.mapColumn(4, 'amount');
    await imp.inspected();
    await expect(card.getByTestId('question-decimal').count()).resolves.toBe(1);
    await expect(card.getByTestId('mapping-why-4').innerText()).resolves.toMatch(/its values/);
    await imp.mapColumn(1, 'product');
    await imp.inspected();
    await expect(card.getByTestId('mapping-why-1').innerText()).resolves.toMatch(/chosen by you/);
    await expect(imp.mapping(2)).resolves.toBe('date');
    await imp.withoutCustomers();
    await expect(imp.validate()).resolves.toBe('ready');
    const p = await imp.plausibility();
    expect(readNumber(p.rows)).toBe(10);
    expect(p.revenue).toMatch(/[-−]\s?€?\s?1,562\.86/);
    expect(p.notes.map((n) => n.code)).toContain('no-customers');
    await imp.discard();
  });

  it('Stripe payments in USD: the card offers the file currency, one click sets the workspace currency', async () => {
    const imp = new ImportPage(h.app);
    await imp.open();
    await imp.dropFiles(resolve(REAL, 'stripe_payments_export_sample.csv'));
    const suggestion = imp.card().getByTestId('currency-suggestion');
    await expect(suggestion.innerText()).resolves.toMatch(/USD.*EUR/s);
    await imp.card().getByTestId('use-currency').click();
    await imp.card().getByTestId('currency-applied').waitFor();
    await expect(suggestion.count()).resolves.toBe(0);
  });
});
