/**
 * Issue #8, "retention a shop owner can trust", on the sample data's orders:
 * - one number for "customers now": the KPI equals the lifetime sentence's repeat customers
 *   still customers + one-time buyers within W, and the command line's figure;
 * - W is the data's suggestion until the user chooses (77 days on the sample, as
 *   `npm run analyze -- public/sample/orders.csv --json` says), and a chosen W survives
 *   leaving the page, a reload and a workspace switch; so do the period and the source;
 * - the repurchase curve and its sentence are shown for orders; NRR and GRR only for
 *   subscriptions; the receipts name the W in force.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeFiles } from '../../scripts/analyze-lib.ts';
import { RetentionPage } from './pages/retention-page.ts';
import { readNumber } from './pages/read-number.ts';
import { openHarness, type Harness } from './support/harness.ts';

let h: Harness;
let dash: RetentionPage;
/** The command line on the sample's orders alone: W suggested, customers now, repurchase points. */
let cli: { suggested: number; customersNow: number; p50: number; p80: number };

beforeAll(async () => {
  const orders = fileURLToPath(new URL('../../public/sample/orders.csv', import.meta.url));
  const out = await analyzeFiles([orders]);
  expect(out.exitCode).toBe(0);
  const r = out.report!.retention!;
  cli = { suggested: r.suggestedWindow!.suggested, customersNow: r.kpis.customersNow, p50: r.repurchase!.medianDays!, p80: r.repurchase!.p80Days! };
  h = await openHarness();
  await h.app.open();
  await h.app.trySample();
  dash = new RetentionPage(h.app);
});
afterAll(async () => {
  await h?.close();
});

/** Goes to the retention page (from wherever the app is) and waits for the orders report. */
async function openOrders(): Promise<void> {
  await h.app.id('nav-retention').click();
  await dash.root.waitFor();
  await dash.waitForSource('orders');
}

describe('retention a shop owner can trust (orders)', () => {
  it('the command line suggests 77 days on the sample orders', () => {
    expect(cli.suggested).toBe(77);
  });

  it('defaults W to the suggested W, not 90', async () => {
    await dash.open();
    await dash.setSource('orders');
    expect(await dash.reportWindow()).toBe(cli.suggested);
    expect(await dash.windowInput()).toBe(cli.suggested);
    await expect(h.app.id('window-in-force').getAttribute('data-chosen')).resolves.toBe('false');
    await expect(h.app.id('window-use').count()).resolves.toBe(0);
  });

  it('one number for customers now: KPI = repeat customers still customers + one-time buyers within W = the command line', async () => {
    const kpi = await dash.kpiNumber('customers');
    const now = await dash.lifetimeNow();
    expect(now.repeat).toBeGreaterThan(0);
    expect(now.oneTime).toBeGreaterThan(0);
    expect(now.repeat + now.oneTime).toBe(now.total);
    expect(now.total).toBe(kpi);
    expect(kpi).toBe(cli.customersNow);
    expect(now.text).toContain(`within the last ${cli.suggested} days`);
    // The survival text's "still customers" is the same repeat-customer count.
    const median = await h.app.id('survival-median').innerText();
    expect(median).toContain(`${now.repeat.toLocaleString('en-GB')} are still customers`);
    // One-time buyers are shown as such, with their share.
    await expect(h.app.id('one-time-buyers').innerText()).resolves.toMatch(/^[\d,]+ customers bought once \(\d+%/);
  });

  it('shows the repurchase curve and its sentence from the numbers', async () => {
    await expect(h.app.id('chart-repurchase').isVisible()).resolves.toBe(true);
    const sentence = h.app.id('repurchase-sentence');
    await expect(sentence.innerText()).resolves.toBe(
      `Half of the repeat purchases come within ${cli.p50} days; after ${cli.p80} days only 1 in 5 of those who will come back is still to come.`,
    );
    await expect(h.app.id('chart-survival').locator('h3').innerText()).resolves.toBe('Lifetime: first to last purchase');
  });

  it('has no NRR or GRR cards for the orders source (they are subscription figures)', async () => {
    await expect(dash.kpi('nrr').count()).resolves.toBe(0);
    await expect(dash.kpi('grr').count()).resolves.toBe(0);
    await expect(h.app.id('mrr-table').count()).resolves.toBe(0);
  });

  it('every receipt names the W in force', async () => {
    for (const kpi of ['customers', 'crr', 'median-lifetime'] as const) {
      await dash.openReceipt(kpi);
      await expect(dash.receiptFact('window')).resolves.toBe(`${cli.suggested} days (suggested from the repurchase curve)`);
      await dash.closeReceipt();
    }
  });

  it('a W of 30 is saved: it survives leaving the page and a reload', async () => {
    await dash.setWindow(30);
    await expect(h.app.id('window-in-force').getAttribute('data-chosen')).resolves.toBe('true');
    await expect(h.app.id('window-use').innerText()).resolves.toBe(`Use the suggestion (${cli.suggested} days)`);
    const kpi30 = await dash.kpiNumber('customers');
    expect(kpi30).not.toBe(cli.customersNow);
    const now = await dash.lifetimeNow();
    expect(now.total).toBe(kpi30);
    await dash.openReceipt('customers');
    await expect(dash.receiptFact('window')).resolves.toBe(`30 days (the suggestion from the data is ${cli.suggested} days)`);
    await dash.closeReceipt();

    // Leave and come back.
    await h.app.navigate('overview');
    await openOrders();
    expect(await dash.reportWindow()).toBe(30);
    expect(await dash.windowInput()).toBe(30);

    // Reload the page: the source (orders) and W come from the workspace settings.
    await h.page.reload();
    await h.app.id('app-header').waitFor();
    await openOrders();
    expect(await dash.reportWindow()).toBe(30);
    expect(await dash.windowInput()).toBe(30);
    expect(await dash.kpiNumber('customers')).toBe(kpi30);
  });

  it('the settings page shows the chosen W, and "suggested (77 days)" once the suggestion is used again', async () => {
    await h.app.navigate('settings');
    await expect(h.app.id('settings-window-fixed').isChecked()).resolves.toBe(true);
    await expect(h.app.id('settings-window').inputValue()).resolves.toBe('30');

    await openOrders();
    await h.app.id('window-use').click();
    await dash.waitForWindow(cli.suggested);
    expect(await dash.kpiNumber('customers')).toBe(cli.customersNow);

    await h.app.navigate('settings');
    await expect(h.app.id('settings-window-suggested').isChecked()).resolves.toBe(true);
    await expect(h.app.id('settings-window-suggested-label').innerText()).resolves.toBe(`Suggested from the data (${cli.suggested} days)`);
  });

  it('the period, the source and W survive a workspace switch and a reload', async () => {
    await openOrders();
    await dash.setWindow(45);
    await dash.setPeriod('quarter');
    const sampleId = await h.app.id('workspace-switcher').inputValue();

    await h.app.id('new-workspace').click();
    await h.app.id('workspace-name').fill('Empty shop');
    await h.app.id('create-workspace-submit').click();
    await h.app.id('import').waitFor();
    await h.app.id('workspace-switcher').selectOption(sampleId);
    await openOrders();
    expect(await dash.reportWindow()).toBe(45);
    expect((await dash.periodLabels())[0]).toMatch(/^\d{4}-Q[1-4]$/);

    await h.page.reload();
    await h.app.id('app-header').waitFor();
    await openOrders();
    expect(await dash.reportWindow()).toBe(45);
    await expect(h.app.id('period-select').inputValue()).resolves.toBe('quarter');
    expect((await dash.periodLabels())[0]).toMatch(/^\d{4}-Q[1-4]$/);
  });

  it('subscriptions keep their lifetime curve and NRR / GRR cards; the lifetime sentence adds up to the KPI', async () => {
    await dash.setSource('subscriptions');
    await expect(dash.kpi('nrr').count()).resolves.toBe(1);
    await expect(dash.kpi('grr').count()).resolves.toBe(1);
    await expect(h.app.id('chart-repurchase').count()).resolves.toBe(0);
    const kpi = await dash.kpiNumber('customers');
    // "Customers now (N) = these X still in their first subscription + Y back after a gap", or "... are exactly these".
    const text = await h.app.id('lifetime-now').innerText();
    expect(text).toContain(kpi.toLocaleString('en-GB'));
    const still = readNumber(/([\d,]+) were still in it/.exec(await h.app.id('survival-median').innerText())?.[1] ?? '');
    const sum = /Customers now \(([\d,]+)\) = these ([\d,]+) \+ ([\d,]+)/.exec(text);
    if (sum) {
      expect(readNumber(sum[2])).toBe(still);
      expect(readNumber(sum[2]) + readNumber(sum[3])).toBe(kpi);
    } else {
      expect(still).toBe(kpi);
      expect(text).toBe(`So customers now (${kpi.toLocaleString('en-GB')}) are exactly these: nobody has come back after a gap.`);
    }
  });

  it('no CSP violations and no page errors', () => {
    expect(h.violations).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });
});
