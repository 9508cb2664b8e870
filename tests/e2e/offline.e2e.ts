/**
 * Offline: after the first visit the service worker has precached the app; with the network
 * gone, a reload still opens the app and the data imported before is still there.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportPage } from './pages/import-page.ts';
import { OverviewPage } from './pages/overview-page.ts';
import { EUROPEAN, FIXTURES } from './support/expected.ts';
import { openHarness, type Harness } from './support/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => {
  await h?.context.setOffline(false).catch(() => {});
  await h?.close();
});

describe('offline', () => {
  it('the first visit installs the service worker and says so', async () => {
    await h.app.open();
    await h.app.serviceWorkerReady();
    await h.app.id('offline-ready').waitFor({ timeout: 30_000 });
    await expect(h.app.id('offline-ready').innerText()).resolves.toMatch(/offline/i);
  });

  it('a reload without network shows the app and the data imported before', async () => {
    await h.app.createWorkspace('Offline shop');
    const imp = new ImportPage(h.app);
    await imp.open();
    await imp.chooseFiles(resolve(FIXTURES, 'european-orders.csv'));
    await imp.mapColumn(0, 'order_id');
    await imp.mapColumn(1, 'customer_id');
    await imp.mapColumn(2, 'date');
    await imp.mapColumn(3, 'amount');
    await expect(imp.validate()).resolves.toBe('ready');
    await imp.commit();

    await h.context.setOffline(true);
    await expect(h.page.evaluate(() => navigator.onLine)).resolves.toBe(false);
    await h.page.reload();
    await h.app.id('app-header').waitFor({ timeout: 30_000 });
    const overview = new OverviewPage(h.app);
    await overview.open();
    await overview.waitForOrders(EUROPEAN.orders);
    const f = await overview.figures();
    expect(f.orders).toBe(EUROPEAN.orders);
    expect(f.customers).toBe(EUROPEAN.customers);
    // The reload was served by the service worker.
    await expect(h.page.evaluate(() => navigator.serviceWorker.controller !== null)).resolves.toBe(true);
  });
});
