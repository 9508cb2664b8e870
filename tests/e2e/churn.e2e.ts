/**
 * The churn audit and the segments pages on the sample data (issue #10): the no-reason notice
 * says its share, Price is the largest category, the customers behind a bar are listed and
 * exported, a merge of two categories updates the reasons table and the trend and raises the
 * categories version, which survives a reload; the segments of plan are three, with one survival
 * curve each. No CSP violation and no page error along the way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChurnPage, SegmentsPage } from './pages/churn-page.ts';
import { readNumber } from './pages/read-number.ts';
import { openHarness, type Harness } from './support/harness.ts';

let h: Harness;
let churn: ChurnPage;
let segments: SegmentsPage;
beforeAll(async () => {
  h = await openHarness();
  await h.app.open();
  await h.app.trySample();
  churn = new ChurnPage(h.app);
  segments = new SegmentsPage(h.app);
});
afterAll(async () => {
  await h?.close();
});

const MERGED = 'Left for another reason';

describe('churn audit', () => {
  it('opens on the sample data: the no-reason notice shows a share, and Price is the largest category', async () => {
    await churn.open();
    const share = await churn.noReasonShare();
    expect(share.text).toMatch(/^\d+(\.\d+)?%$/);
    expect(share.value).toBeGreaterThan(0);
    expect(share.value).toBeLessThan(100);
    // The notice's share is the one the audit computed (data-share, unrounded).
    const exact = Number(await h.app.id('no-reason').getAttribute('data-share'));
    expect(Math.abs(exact - share.value)).toBeLessThanOrEqual(0.05 + 1e-9);
    const categories = await churn.categories();
    expect(categories.length).toBeGreaterThan(2);
    expect(categories[0]).toBe('Price');
    expect(await churn.version()).toBe(0);
  });

  it('lists the customers behind the Price bar and exports them as CSV', async () => {
    const count = await churn.count('Price');
    const dialog = await churn.openMembers('Price');
    const group = dialog.getByTestId('receipt-group-churned');
    expect(readNumber((await group.locator('summary').innerText()).split(':').pop() ?? '')).toBe(count);
    await group.locator('summary').click();
    const ids = await group.locator('li').allInnerTexts();
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => /^C\d{5}$/.test(id))).toBe(true);
    const { name, text } = await churn.download(h.app.id('receipt-export'));
    expect(name).toMatch(/reason-Price\.csv$/);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split('\r\n').filter((l) => l !== '');
    expect(lines[0]).toBe('group,customer_id');
    expect(lines.length - 1).toBe(count);
    expect(lines.slice(1, ids.length + 1).map((l) => l.split(',')[1])).toEqual(ids);
    await churn.closeDialog();
  });

  it('merging two categories updates the reasons table and the trend, and raises the version', async () => {
    const before = await churn.categories();
    const [a, b] = [before[1], before[2]];
    const sum = (await churn.count(a)) + (await churn.count(b));
    const series = await churn.trendSeries();
    expect((await churn.trendHeader()).slice(1)).toContain(a);
    await churn.merge([a, b], MERGED);
    expect(await churn.version()).toBe(1);
    const after = await churn.categories();
    expect(after).toHaveLength(before.length - 1);
    expect(after).toContain(MERGED);
    expect(after).not.toContain(a);
    expect(after).not.toContain(b);
    expect(await churn.count(MERGED)).toBe(sum);
    expect(await churn.trendSeries()).toBe(series - 1);
    const header = await churn.trendHeader();
    expect(header).toContain(MERGED);
    expect(header).not.toContain(a);
    await expect(h.app.id('taxonomy-version').getAttribute('data-version')).resolves.toBe('1');
    await expect(h.app.id('taxonomy-log').locator('li').allInnerTexts()).resolves.toEqual([`Merged ${a}, ${b} into ${MERGED}.`]);
  });

  it('the merge and its version survive a reload', async () => {
    await h.page.reload();
    await churn.root.waitFor({ timeout: 60_000 });
    await churn.waitForAudit();
    expect(await churn.version()).toBe(1);
    expect(await churn.categories()).toContain(MERGED);
    await expect(h.app.id('taxonomy-log').locator('li').count()).resolves.toBe(1);
  });
});

describe('segments', () => {
  it('splits by plan into three segments, with one survival curve per segment', async () => {
    await segments.open();
    await segments.choose('plan');
    const names = await segments.segments();
    expect(names).toHaveLength(3);
    expect(await segments.survivalSeries()).toBe(3);
    // The survival chart's CSV has the curve of every segment.
    const { text } = await churn.download(h.app.id('chart-segment-survival-csv'));
    const rows = text.slice(1).split('\r\n').filter((l) => l !== '').slice(1);
    expect(new Set(rows.map((r) => r.split(',')[0]))).toEqual(new Set(names));
    await expect(h.app.id('log-rank').innerText()).resolves.toMatch(/χ² = [\d.,]+, df = 2/);
  });

  it('no CSP violations and no page errors', () => {
    expect(h.violations).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });
});
