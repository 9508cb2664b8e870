/**
 * Issue #9 in the browser: an orders file whose dates span 36 years cannot freeze the tab. The
 * monthly report (427 months) is refused at once with a message the user can act on, and the
 * page stays usable: switching to quarters gives the report. A typo date (1900-01-01) is left
 * out at import and named in the plausibility report. A corrected export lists its changes
 * before the commit and updates the stored orders.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportPage } from './pages/import-page.ts';
import { OverviewPage } from './pages/overview-page.ts';
import { RetentionPage } from './pages/retention-page.ts';
import { openHarness, type Harness } from './support/harness.ts';

let h: Harness;
const dir = mkdtempSync(join(tmpdir(), 'kw-hard-'));
beforeAll(async () => {
  h = await openHarness();
  await h.app.open();
  await h.app.createWorkspace('Long history');
});
afterAll(async () => {
  await h?.close();
});

describe('a corrected export', () => {
  it('lists its changes before the commit and updates the stored orders', async () => {
    const fixtures = resolve(fileURLToPath(new URL('../fixtures/csv/updates/', import.meta.url)));
    const imp = new ImportPage(h.app);
    await imp.open();
    await imp.chooseFiles(join(fixtures, 'orders-v1.csv'));
    await expect(imp.validate()).resolves.toBe('ready');
    await imp.commit();
    await imp.open();
    await imp.chooseFiles(join(fixtures, 'orders-v2.csv'));
    await expect(imp.validate()).resolves.toBe('ready');
    const updates = await imp.card().getByTestId('plausibility-updates').innerText();
    expect(updates).toMatch(/New: 1 .* updated .*: 3 .* unchanged .*: 1/s);
    const changes = await imp.card().getByTestId('plausibility-change').allInnerTexts();
    expect(changes.length).toBe(3);
    expect(changes[0]).toMatch(/^O1:.*10.*→.*0.*paid → refunded/);
    await imp.commit();
    const overview = new OverviewPage(h.app);
    await overview.open();
    await overview.waitForOrders(5);
    const f = await overview.figures();
    expect([f.orders, f.customers]).toEqual([5, 5]);
    expect(Math.abs(f.revenue - 49)).toBeLessThanOrEqual(0.5);
  }, 120_000);
});

describe('bounded analyses', () => {
  it('a typo date is left out at import and named before anything is stored', async () => {
    const file = join(dir, 'typo.csv');
    writeFileSync(file, 'order_id,customer_id,order_date,amount\n1,C1,2024-01-05,10\n2,C2,2024-02-07,20\n3,C1,1900-01-01,5\n4,C3,2024-03-01,7\n');
    const imp = new ImportPage(h.app);
    await imp.open();
    await imp.chooseFiles(file);
    await expect(imp.validate()).resolves.toBe('ready');
    const text = await imp.card().innerText();
    expect(text).toMatch(/1900-01-01/);
    expect((await imp.card().getByTestId('plausibility-rows').innerText()).trim()).toBe('3');
    // "Skip it, or keep it?": keeping it checks the file again with the row in.
    await imp.card().getByTestId('keep-implausible-dates').check();
    await h.page.waitForFunction(() => document.querySelector('[data-testid="plausibility-rows"]')?.textContent?.trim() === '4', undefined, { timeout: 30_000 });
    await imp.discard();
  });

  it('427 months are refused at once with a message, and quarters then work', async () => {
    const file = join(dir, 'long.csv');
    const rows = ['order_id,customer_id,order_date,amount'];
    for (let y = 1990; y <= 2025; y++) rows.push(`O${y}A,C${y % 7},${y}-03-15,10.00`, `O${y}B,C${(y + 3) % 7},${y}-09-20,12.50`);
    writeFileSync(file, `${rows.join('\n')}\n`);
    const imp = new ImportPage(h.app);
    await imp.open();
    await imp.chooseFiles(file);
    await expect(imp.validate()).resolves.toBe('ready');
    await imp.commit();
    const ret = new RetentionPage(h.app);
    await h.app.id('nav-retention').click();
    const error = h.app.id('retention-error');
    await error.waitFor({ timeout: 30_000 });
    // 1990-03 .. 2025-09: 427 months.
    expect(await error.innerText()).toMatch(/427 periods \(1990-03 to 2025-09\), more than the 360/);
    await h.app.id('period-select').selectOption('quarter');
    await ret.waitForReport();
    // 1990-Q1 .. 2025-Q3.
    expect((await ret.periodLabels()).length).toBe(143);
    // The heatmap renders only what a person can read: the latest 60 cohorts, until "Show all".
    await h.app.id('cohort-truncated').waitFor();
    expect(await h.app.id('cohort-row').count()).toBe(60);
    await h.app.id('cohort-show-all').click();
    await h.page.waitForFunction(() => document.querySelectorAll('[data-testid="cohort-row"]').length > 60);
    expect(await h.app.id('cohort-row').count()).toBeGreaterThan(100);
    const heap = await h.page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
    expect(heap).toBeLessThan(200 * 1024 * 1024);
  }, 120_000);
});

describe('backup and restore in the browser', () => {
  it('backs the workspace up to a file, restores it as a new workspace with the same figures', async () => {
    const overview = new OverviewPage(h.app);
    await overview.open();
    const before = await overview.figures();
    expect(await h.app.id('backup-reminder').isVisible()).toBe(true);
    const [download] = await Promise.all([h.page.waitForEvent('download'), h.app.id('backup-download').click()]);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    expect(file).toMatch(/\.json$/);
    await h.app.id('backup-last').waitFor();
    await h.app.id('backup-restore').setInputFiles(file);
    await h.app.id('backup-message').waitFor({ timeout: 30_000 });
    expect(await h.app.id('backup-message').innerText()).toMatch(/Restored as the workspace “Long history \(restored\)”/);
    await overview.waitForOrders(before.orders);
    const after = await overview.figures();
    expect(after).toEqual(before);
  }, 120_000);

  it('a file that is not a backup gets a plain sentence and changes nothing', async () => {
    const file = join(dir, 'not-a-backup.json');
    writeFileSync(file, '{"hello": 1}');
    await h.app.id('backup-restore').setInputFiles(file);
    await h.app.id('backup-error').waitFor({ timeout: 30_000 });
    expect(await h.app.id('backup-error').innerText()).toBe('This file is not a Keepwise backup that this version of the app can read. Nothing was changed.');
  }, 60_000);
});

describe('keyed pseudonyms', () => {
  it('an e-mail key is stored as a pseudonym by default: the preview shows codes, the counts are unchanged', async () => {
    const file = resolve(fileURLToPath(new URL('../fixtures/csv/classes/emails-only-orders.csv', import.meta.url)));
    const imp = new ImportPage(h.app);
    await imp.open();
    await imp.chooseFiles(file);
    const box = imp.card().getByTestId('pseudonymise');
    expect(await box.isChecked()).toBe(true);
    await expect(imp.validate()).resolves.toBe('ready');
    const preview = await imp.card().getByTestId('preview-table').innerText().catch(async () => imp.card().innerText());
    expect(preview).toMatch(/~[0-9a-f]{20}/);
    expect(preview).not.toMatch(/example\.com/);
    const customers = await imp.card().getByTestId('plausibility-customers').innerText();
    expect(customers.trim()).toBe('2');
    await imp.discard();
  }, 60_000);
});
