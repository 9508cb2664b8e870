/**
 * "Nothing leaves the browser", proven in a real Chromium (RELIABILITY.md 3.2): the whole app
 * is walked behind a logging proxy that sees every non-loopback request from pages, workers
 * and the service worker. The proxy log minus Chromium's own about:blank noise must be empty,
 * with zero CSP violations and no native dialogs. Negative controls keep the harness honest:
 * a request planted outside the app's CSP must reach the proxy log, and a fetch planted in the
 * app page must be blocked by CSP (a violation fires, nothing reaches the proxy).
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RetentionPage } from './pages/retention-page.ts';
import { ImportPage } from './pages/import-page.ts';
import { OverviewPage } from './pages/overview-page.ts';
import { SettingsPage } from './pages/settings-page.ts';
import { FIXTURES } from './support/expected.ts';
import { openHarness, type Harness } from './support/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
  await h.clearEgress();
});
afterAll(async () => {
  await h?.close();
});

const CANARY = 'egress-canary.example';

/** Clicks every navigation entry the header offers, waiting for each page to settle. */
async function visitEveryPage(): Promise<string[]> {
  const navs = await h.page.locator('[data-testid^="nav-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
  for (const nav of navs) {
    await h.app.id(nav).click();
    await h.page.waitForLoadState('networkidle').catch(() => {});
    await h.page.waitForTimeout(300);
  }
  return navs;
}

describe('egress: the whole walk sends nothing anywhere', () => {
  it('sample, import, every page, settings, privacy, locale, remove, erase: zero egress, zero violations', async () => {
    await h.app.open();
    await h.app.trySample();

    const imp = new ImportPage(h.app);
    await imp.open();
    await imp.chooseFiles(resolve(FIXTURES, 'european-orders.csv'));
    await imp.mapColumn(0, 'order_id');
    await imp.mapColumn(1, 'customer_id');
    await imp.mapColumn(2, 'date');
    await imp.mapColumn(3, 'amount');
    await expect(imp.validate()).resolves.toBe('ready');
    await imp.commit();

    const navs = await visitEveryPage();
    expect(navs).toEqual(expect.arrayContaining(['nav-overview', 'nav-import', 'nav-settings', 'nav-privacy']));

    // The dashboard: a receipt, and every kind of export (CSV, PNG, JSON).
    const dash = new RetentionPage(h.app);
    await dash.open();
    await dash.openReceipt('crr');
    await expect(dash.download(h.app.id('receipt-export'))).resolves.toMatchObject({ name: expect.stringMatching(/\.csv$/) });
    await dash.closeReceipt();
    await expect(dash.download(h.app.id('period-table-csv'))).resolves.toMatchObject({ name: expect.stringMatching(/\.csv$/) });
    await expect(dash.download(h.app.id('export-json'))).resolves.toMatchObject({ name: expect.stringMatching(/\.json$/) });
    await expect(dash.download(h.page.getByRole('button', { name: 'PNG' }).first())).resolves.toMatchObject({ name: expect.stringMatching(/\.png$/) });

    const settings = new SettingsPage(h.app);
    await settings.open();
    await settings.setCurrency('EUR');
    await expect(settings.storageUsageText()).resolves.not.toBe('');
    await h.app.navigate('privacy');
    await expect(h.app.id('privacy').innerText()).resolves.toMatch(/\S{20,}|browser/i);

    await h.app.setLocale('sl');
    await visitEveryPage();

    const overview = new OverviewPage(h.app);
    await overview.open();
    const before = await overview.historyRows.count();
    expect(before).toBe(7);
    await overview.removeImport(0);
    await expect(overview.historyRows.count()).resolves.toBe(before - 1);

    await settings.open();
    await settings.eraseAll();

    // Let late requests (service worker, idle callbacks) arrive before judging.
    await h.page.waitForTimeout(1500);
    expect(h.violations).toEqual([]);
    expect(h.dialogs).toEqual([]);
    expect(h.pageErrors).toEqual([]);
    expect(await h.egress()).toEqual([]);
  });

  it('negative control: CSP blocks a fetch planted in the app page, and it never reaches the network', async () => {
    await h.page.goto(h.baseUrl);
    const n = h.violations.length;
    await h.page.evaluate((host) => fetch(`http://${host}/planted-fetch`).catch(() => {}), CANARY);
    // The page's own securitypolicyviolation listener saw it (not only Chromium's console message).
    const fromPage = () => h.violations.slice(n).filter((x) => x.source === 'page');
    await expect.poll(fromPage, { timeout: 5000 }).toContainEqual({ directive: 'connect-src', blockedURI: expect.stringContaining(CANARY), source: 'page' });
    await h.page.waitForTimeout(500);
    expect((await h.egress()).filter((e) => e.target.includes('planted-fetch'))).toEqual([]);
  });

  it('negative control: a request made outside the app CSP is caught by the proxy', async () => {
    const other = await h.context.newPage();
    await other.goto(`http://${CANARY}/planted-navigation`).catch(() => {});
    await other.close();
    const seen = await h.egress();
    expect(seen.some((e) => e.host === CANARY && e.target === `http://${CANARY}/planted-navigation`)).toBe(true);
  });
});
