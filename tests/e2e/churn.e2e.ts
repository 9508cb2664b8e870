/**
 * The churn audit and the segments pages on the sample data (issue #10): the no-reason notice
 * says its share, Price is the largest category, the customers behind a bar are listed and
 * exported, a merge of two categories updates the reasons table and the trend and raises the
 * categories version, which survives a reload; the segments of plan are three, with one survival
 * curve and one CRR-per-period line each; a filter built from two attributes gives the matching
 * customers and the rest (counts computed independently from public/sample/customers.csv with
 * Python's csv module: 899 with plan Basic and channel Paid search or Social, 4,101 others); the
 * Retention page's "Split by segment…" opens the segments of the chosen attribute. Then a public
 * flag table (IBM Telco, 300 rows: 77 Yes, 223 No, counted with awk) in a fresh workspace: the
 * churn-flag choice is changed to "No" and back. No CSP violation and no page error along the way.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChurnPage, SegmentsPage } from './pages/churn-page.ts';
import { ImportPage } from './pages/import-page.ts';
import { RetentionPage } from './pages/retention-page.ts';
import { readNumber } from './pages/read-number.ts';
import { openHarness, type Harness } from './support/harness.ts';

let sampleId = '';
const TELCO = fileURLToPath(new URL('../fixtures/csv/churn-tables/ibm-telco-churn-yes-no.csv', import.meta.url));

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

  it('an avoidable flag can be set and put back to "not set" (the built-in flag applies again)', async () => {
    expect(await churn.avoidable('Price')).toBe(true);
    await churn.setAvoidable('Price', 'no');
    expect(await churn.avoidable('Price')).toBe(false);
    await churn.setAvoidable('Price', '');
    expect(await churn.avoidable('Price')).toBe(true);
    const select = churn.row('Price').getByTestId('reason-avoidable');
    await expect(select.inputValue()).resolves.toBe('');
    await expect(select.locator('option:checked').innerText()).resolves.toBe('not set (avoidable by default)');
    await expect(h.app.id('taxonomy-log').locator('li').last().innerText()).resolves.toBe('Cleared the avoidable flag of Price.');
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

  it('draws CRR per period with one line per segment, on the same periods, and switches to exact retention and churn', async () => {
    const names = await segments.segments();
    expect(await segments.periodSeries()).toBe(3);
    const { text } = await churn.download(h.app.id('chart-segment-periods-csv'));
    const lines = text.slice(1).split('\r\n').filter((l) => l !== '');
    expect(lines[0].split(',').slice(0, 4)).toEqual(['plan', 'Period', 'Complete', 'S']);
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(names));
    // Every segment covers the workspace's periods: the same period labels for each.
    const periodsOf = (name: string) => rows.filter((r) => r[0] === name).map((r) => r[1]);
    expect(periodsOf(names[0]).length).toBeGreaterThan(6);
    for (const n of names.slice(1)) expect(periodsOf(n)).toEqual(periodsOf(names[0]));
    await h.app.id('segment-periods-measure').getByRole('radio', { name: 'Exact retention' }).check();
    await expect(h.app.id('segment-periods').getAttribute('data-measure')).resolves.toBe('exact');
    await expect(h.app.id('chart-segment-periods').locator('h3').innerText()).resolves.toBe('Exact retention per period by plan');
    await h.app.id('segment-periods-measure').getByRole('radio', { name: /^Churn rate/ }).check();
    await expect(h.app.id('segment-periods').getAttribute('data-measure')).resolves.toBe('churnRate');
  });

  it('a filter of two attributes compares the 899 matching customers with the 4,101 others', async () => {
    await segments.filter([
      { key: 'plan', values: ['Basic'] },
      { key: 'acquisition_channel', values: ['Paid search', 'Social'] },
    ]);
    expect(await segments.segments()).toEqual(['matching the filter', 'all other customers']);
    expect(await segments.customers()).toEqual([899, 4101]);
    // Attributes are named by the file's column headers, as everywhere on the page.
    expect(await segments.filterText()).toBe('Filter: plan is Basic and acquisition_channel is Paid search or Social.');
    expect(await segments.periodSeries()).toBe(2);
    expect(await segments.survivalSeries()).toBe(2);
    await expect(h.app.id('segment-table').locator('h2').innerText()).resolves.toBe('Customers matching the filter vs all others');
  });

  it('the Retention page’s "Split by segment…" opens the segments of the chosen attribute', async () => {
    const retention = new RetentionPage(h.app);
    await retention.open();
    await retention.splitBySegment('region');
    expect(new URL(h.page.url()).hash).toBe('#/segments?key=region');
    await segments.waitForKey('region');
    expect(await segments.shownKey()).toBe('region');
    await expect(h.app.id('segment-key').inputValue()).resolves.toBe('region');
    const names = await segments.segments();
    expect(names.length).toBeGreaterThan(1);
    expect(await segments.periodSeries()).toBe(names.length);
    // The address keeps the choice: a reload opens the same segments.
    await h.page.reload();
    await segments.root.waitFor({ timeout: 60_000 });
    await segments.waitForKey('region');
    await expect(h.app.id('segment-key').inputValue()).resolves.toBe('region');
  });
});

describe('a customers table with a churn flag', () => {
  it('imports the IBM Telco table into a fresh workspace: 77 of 300 churned (Churn = Yes)', async () => {
    sampleId = await h.app.id('workspace-switcher').inputValue();
    await h.app.id('new-workspace').click();
    await h.app.id('workspace-name').fill('Telco');
    await h.app.id('create-workspace-submit').click();
    const imp = new ImportPage(h.app);
    await imp.open();
    await imp.chooseFiles(TELCO);
    await expect(imp.kind()).resolves.toBe('customers');
    await expect(imp.validate()).resolves.toBe('ready');
    await imp.commit();
    await churn.open();
    await expect(churn.root.locator('.report').getAttribute('data-source')).resolves.toBe('flag');
    expect(await h.app.numberOf('churn-customers')).toBe(300);
    expect(await churn.churned()).toBe(77);
    expect(await churn.churnedValues()).toEqual(['Yes']);
    await expect(h.app.id('flag-choice').innerText()).resolves.toMatch(/^Churn flag: Yes = churned \(change\)$/);
  });

  it('changing the churn flag to "No" counts the 223 others as churned, and back to "Yes" the 77', async () => {
    await churn.changeChurnedValues(['No']);
    expect(await churn.churnedValues()).toEqual(['No']);
    expect(await churn.churned()).toBe(223);
    expect(await h.app.numberOf('churn-customers')).toBe(300);
    // The question opens pre-filled with the choice in force.
    await h.app.id('flag-change').click();
    await expect(h.app.id('flag-question').locator('[data-testid="flag-value"][data-value="No"]').isChecked()).resolves.toBe(true);
    await expect(h.app.id('flag-question').locator('[data-testid="flag-value"][data-value="Yes"]').isChecked()).resolves.toBe(false);
    await h.app.id('flag-cancel').click();
    await h.app.id('flag-question').waitFor({ state: 'detached' });
    await churn.changeChurnedValues(['Yes']);
    expect(await churn.churned()).toBe(77);
  });
});

describe('on a phone', () => {
  /** Whether the page is wider than the window (a horizontal scroll of the whole page). */
  const overflows = () => h.page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

  it('at 390 px the flag question, the filter builder and its comparison, and the split control fit the screen', async () => {
    await h.page.setViewportSize({ width: 390, height: 844 });
    await h.app.id('flag-change').click();
    await h.app.id('flag-question').waitFor();
    expect(await overflows()).toBe(false);
    await h.app.id('flag-cancel').click();
    await h.app.id('workspace-switcher').selectOption(sampleId);
    await segments.open();
    await segments.filter([
      { key: 'plan', values: ['Basic'] },
      { key: 'acquisition_channel', values: ['Paid search', 'Social'] },
    ]);
    await h.app.id('segment-periods').locator('details summary').click();
    expect(await overflows()).toBe(false);
    const retention = new RetentionPage(h.app);
    await retention.open();
    await h.app.id('segment-split-open').click();
    await h.app.id('segment-split-key').waitFor({ timeout: 90_000 });
    // The Retention page itself is wider than 390 px already (its definition select); the split control is not.
    const box = await h.app.id('segment-split').boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    const go = await h.app.id('segment-split-go').boundingBox();
    expect(go!.x + go!.width).toBeLessThanOrEqual(390);
    await h.page.setViewportSize({ width: 1280, height: 800 });
  });
});

describe('along the way', () => {
  it('no CSP violations and no page errors', () => {
    expect(h.violations).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });
});
