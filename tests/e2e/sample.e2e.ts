/**
 * The first-run path: an empty app offers the sample data; one click imports every sample
 * file and the overview shows the business (figures computed here from public/sample/*.csv).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OverviewPage } from './pages/overview-page.ts';
import { sampleExpectations } from './support/expected.ts';
import { openHarness, type Harness } from './support/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('sample data', () => {
  it('an empty app offers "Try the sample data"', async () => {
    await h.app.open();
    await h.app.emptyState.waitFor();
    await expect(h.app.emptyState.isVisible()).resolves.toBe(true);
    await expect(h.app.id('try-sample').innerText()).resolves.toMatch(/try the sample data/i);
  });

  it('loads the sample: the overview shows its customers and orders', async () => {
    const expected = sampleExpectations();
    expect(expected.customers).toBe(5000);
    await h.app.trySample();
    const overview = new OverviewPage(h.app);
    await overview.waitForOrders(expected.orders, 60_000);
    const figures = await overview.figures();
    expect(figures.customers).toBe(expected.customers);
    expect(figures.orders).toBe(expected.orders);
    // One import per sample file in the history.
    await expect(overview.historyRows.count()).resolves.toBe(6);
    expect(h.pageErrors).toEqual([]);
  });
});
