/**
 * Storage full (issue #7 item 5): when IndexedDB refuses a write for lack of quota, the worker
 * throws StorageError('quota'); its code must survive the worker boundary so the import card
 * shows the "storage full" notice, and nothing of the import may be left behind.
 *
 * How the quota is exhausted: inside the app's real analytics worker (Playwright evaluates in
 * workers), IndexedDB writes are made to fail exactly as a full disk makes them fail, with a
 * QuotaExceededError DOMException. Measured: Chromium 156's DevTools override
 * (Storage.overrideQuotaForOrigin) reports the smaller quota but does not stop IndexedDB writes,
 * and a profile on a 16 MB tmpfs still gets a 1 GiB quota, so neither fills up in a test.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeOrdersCsv } from '../bench/orders-csv.ts';
import { ImportPage } from './pages/import-page.ts';
import { OverviewPage } from './pages/overview-page.ts';
import { openHarness, type Harness } from './support/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
  await h.app.open();
  await h.app.createWorkspace('Full disk');
});
afterAll(async () => {
  await h?.close();
});

describe('a full storage quota', () => {
  it('shows the "storage full" notice on the import card, and stores nothing', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kw-quota-')), 'orders-20k.csv');
    writeOrdersCsv(file, 20_000);
    const imp = new ImportPage(h.app);
    await imp.open();
    await imp.chooseFiles(file);
    await expect(imp.validate()).resolves.toBe('ready');
    const worker = h.page.workers().find((w) => /analytics/.test(w.url()));
    expect(worker, 'the analytics worker is running').toBeDefined();
    await worker!.evaluate(() => {
      const full = (): never => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      IDBObjectStore.prototype.put = full;
      IDBObjectStore.prototype.add = full;
    });
    await h.app.id('import-commit').click();
    // The quota notice itself (recognised by the error's code), not a generic error that happens to quote the message.
    const notice = h.app.id('import-quota');
    await notice.waitFor({ timeout: 60_000 });
    expect(await notice.innerText()).toMatch(/storage for this site is full\. Nothing from this import was saved/);
    const overview = new OverviewPage(h.app);
    await overview.open();
    expect((await overview.figures()).orders).toBe(0);
  }, 120_000);
});
