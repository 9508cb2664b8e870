/**
 * A European export through the real import UI: `;`, decimal comma, dd.mm.yyyy and Slovenian
 * headers are detected and shown before anything is stored; the committed figures equal the
 * hand-computed ones. A broken file lists its bad lines and columns, and discarding it leaves
 * the workspace as it was.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportPage } from './pages/import-page.ts';
import { OverviewPage } from './pages/overview-page.ts';
import { EUROPEAN, FIXTURES, europeanFromFile } from './support/expected.ts';
import { openHarness, type Harness } from './support/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
  await h.app.open();
  await h.app.createWorkspace('Trgovina d.o.o.');
});
afterAll(async () => {
  await h?.close();
});

describe('European orders export', () => {
  it('the hand-computed figures match the fixture file', () => {
    expect(europeanFromFile()).toEqual({ orders: EUROPEAN.orders, customers: EUROPEAN.customers, revenue: EUROPEAN.revenue });
  });

  it("detects ';', decimal ',' and day-first dates, and shows them before importing", async () => {
    const imp = new ImportPage(h.app);
    await imp.open();
    await imp.chooseFiles(resolve(FIXTURES, 'european-orders.csv'));
    const d = await imp.dialect();
    expect(d.delimiter.value === ';' || /;|semicolon|podpičje/i.test(d.delimiter.label)).toBe(true);
    expect(d.decimal.value === ',' || /,|comma|vejica/i.test(d.decimal.label)).toBe(true);
    expect(d.dateOrder.value === 'DMY' || /DMY|dd\.?\s*mm|day/i.test(d.dateOrder.label)).toBe(true);
    await expect(imp.kind()).resolves.toBe('orders');
    // Slovenian headers: order id, customer, date, amount (mapped by the suggestion, or here).
    await imp.mapColumn(0, 'order_id');
    await imp.mapColumn(1, 'customer_id');
    await imp.mapColumn(2, 'date');
    await imp.mapColumn(3, 'amount');
    await expect(imp.previewRowCount()).resolves.toBeGreaterThan(0);
  });

  it('imports all 20 rows; the overview shows the hand-computed revenue and counts', async () => {
    const imp = new ImportPage(h.app);
    await expect(imp.validate()).resolves.toBe('ready');
    const done = await imp.commit();
    expect(done).toMatch(/20/);
    const overview = new OverviewPage(h.app);
    await overview.open();
    await overview.waitForOrders(EUROPEAN.orders);
    const f = await overview.figures();
    expect(f.orders).toBe(EUROPEAN.orders);
    expect(f.customers).toBe(EUROPEAN.customers);
    // Shown with cents, or rounded to whole units.
    expect(Math.abs(f.revenue - EUROPEAN.revenue)).toBeLessThanOrEqual(0.5);
    const range = await overview.rangeText();
    expect(range).toMatch(/2024/);
    expect(range).toMatch(/0?3[./-]\s?0?1[./-]\s?2024|2024-01-03|Jan(uary)? 0?3|3 Jan/i);
  });

  it('a broken file lists line 4 (order_date) and line 6 (amount); discard changes nothing', async () => {
    const overview = new OverviewPage(h.app);
    const before = await overview.figures();
    const imp = new ImportPage(h.app);
    await imp.open();
    await imp.chooseFiles(resolve(FIXTURES, 'broken-orders.csv'));
    await expect(imp.validate()).resolves.toBe('errors');
    const errors = await imp.errors();
    const line4 = errors.find((e) => /\b4\b/.test(e) && /order_date/.test(e));
    const line6 = errors.find((e) => /\b6\b/.test(e) && /amount/.test(e));
    expect(line4, errors.join(' | ')).toMatch(/2024-02-30/);
    expect(line6, errors.join(' | ')).toMatch(/abc/);
    // Only those two: the five valid rows are not listed.
    expect(errors.length, errors.join(' | ')).toBe(2);
    await expect(h.app.id('import-skip-invalid').innerText()).resolves.toMatch(/2/);
    await imp.discard();
    await overview.open();
    await expect(overview.figures()).resolves.toEqual(before);
    await expect(overview.historyRows.count()).resolves.toBe(1);
  });
});
