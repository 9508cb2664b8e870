/**
 * The retention dashboard on the sample data: it opens, switches to quarters, the CRR receipt
 * reproduces the KPI from its own S, E and N, and the exports are formula-safe UTF-8 CSV with
 * a BOM. No CSP violation and no page error along the way.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeFiles } from '../../scripts/analyze-lib.ts';
import { RetentionPage } from './pages/retention-page.ts';
import { readNumber } from './pages/read-number.ts';
import { openHarness, type Harness } from './support/harness.ts';

let h: Harness;
let dash: RetentionPage;
beforeAll(async () => {
  h = await openHarness();
  await h.app.open();
  await h.app.trySample();
  dash = new RetentionPage(h.app);
});
afterAll(async () => {
  await h?.close();
});

describe('retention dashboard', () => {
  it('opens on the sample data with KPI cards, charts, cohorts and definitions', async () => {
    await dash.open();
    for (const id of ['kpi-customers', 'kpi-crr', 'kpi-exact', 'kpi-churn', 'kpi-median-lifetime', 'chart-movements', 'chart-rates', 'chart-survival', 'cohort-table', 'definitions']) {
      await expect(h.app.id(id).first().isVisible(), id).resolves.toBe(true);
    }
    // Monthly by default: period labels like 2024-03.
    const labels = await dash.periodLabels();
    expect(labels.length).toBeGreaterThan(12);
    expect(labels.every((l) => /^\d{4}-\d{2}$/.test(l))).toBe(true);
    expect(await dash.kpiNumber('customers')).toBeGreaterThan(0);
  });

  it('switches to quarters', async () => {
    // How long the main thread is busy meanwhile is measured by `npm run bench`, not here:
    // a timed browser test fails on a loaded machine for reasons that are not bugs.
    await dash.setPeriod('quarter');
    const labels = await dash.periodLabels();
    expect(labels.length).toBeGreaterThan(4);
    expect(labels[0]).toMatch(/^\d{4}-Q[1-4]$/);
  });

  it('shows the same figures as `npm run analyze -- <sample files> --period quarter --json`', async () => {
    // The dashboard (worker, IndexedDB) and the command line (Node, no IndexedDB) run the same
    // core code on the same files: the KPIs must agree to the dashboard's rounding.
    const files = ['orders', 'customers', 'subscriptions', 'churn', 'feedback', 'referrals'].map((f) =>
      fileURLToPath(new URL(`../../public/sample/${f}.csv`, import.meta.url)),
    );
    const out = await analyzeFiles(files, { period: 'quarter' });
    expect(out.exitCode).toBe(0);
    const kpis = out.report!.retention!.kpis;
    expect(await dash.kpiNumber('customers')).toBe(kpis.customersNow);
    expect(Math.abs((await dash.kpiNumber('crr')) - kpis.crr!)).toBeLessThanOrEqual(0.05 + 1e-9);
    expect(Math.abs((await dash.kpiNumber('exact')) - kpis.exact!)).toBeLessThanOrEqual(0.05 + 1e-9);
    expect(Math.abs((await dash.kpiNumber('churn')) - kpis.churnRate!)).toBeLessThanOrEqual(0.05 + 1e-9);
  });

  it('with orders as the source, shows the figures of `--source orders`: the same suggested W, the same KPIs', async () => {
    // Issue #8: the dashboard's default W is the suggestion the command line uses (not 90).
    const files = ['orders', 'customers', 'subscriptions', 'churn', 'feedback', 'referrals'].map((f) =>
      fileURLToPath(new URL(`../../public/sample/${f}.csv`, import.meta.url)),
    );
    const out = await analyzeFiles(files, { period: 'quarter', source: 'orders' });
    expect(out.exitCode).toBe(0);
    const r = out.report!.retention!;
    await dash.setSource('orders');
    expect(await dash.reportWindow()).toBe(r.window);
    expect(r.window).toBe(r.suggestedWindow!.suggested);
    expect(await dash.kpiNumber('customers')).toBe(r.kpis.customersNow);
    expect(Math.abs((await dash.kpiNumber('crr')) - r.kpis.crr!)).toBeLessThanOrEqual(0.05 + 1e-9);
    expect(Math.abs((await dash.kpiNumber('exact')) - r.kpis.exact!)).toBeLessThanOrEqual(0.05 + 1e-9);
    expect(Math.abs((await dash.kpiNumber('churn')) - r.kpis.churnRate!)).toBeLessThanOrEqual(0.05 + 1e-9);
    await dash.setSource('subscriptions');
  });

  it('the CRR receipt reproduces the KPI: (E - N) / S x 100', async () => {
    const kpiText = await dash.kpiText('crr');
    const kpi = readNumber(kpiText);
    const receipt = await dash.openReceipt('crr');
    await expect(receipt.getByTestId('receipt-value').innerText()).resolves.toBe(kpiText);
    const S = readNumber(await dash.receiptFact('S'));
    const E = readNumber(await dash.receiptFact('E'));
    const N = readNumber(await dash.receiptFact('N'));
    expect(S).toBeGreaterThan(0);
    const crr = ((E - N) / S) * 100;
    // The card shows one decimal.
    expect(Math.abs(crr - kpi)).toBeLessThanOrEqual(0.05 + 1e-9);
    // The period named in the receipt is a quarter, and the formula is the seed formula.
    await expect(dash.receiptFact('period')).resolves.toMatch(/\d{4}-Q[1-4]/);
    await expect(receipt.getByTestId('receipt-formula').innerText()).resolves.toBe('(E − N) / S × 100');
    // The new customers behind N are listed: the group count equals N.
    const summary = await receipt.getByTestId('receipt-group-N').locator('summary').innerText();
    expect(readNumber(summary.split(':').pop() ?? '')).toBe(N);
  });

  it("exports the receipt's customers as CSV with a BOM and a header line", async () => {
    const { name, text } = await dash.download(h.app.id('receipt-export'));
    expect(name).toMatch(/^keepwise-crr-\d{4}-Q[1-4]\.csv$/);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split('\r\n').filter((l) => l !== '');
    expect(lines[0]).toBe('group,customer_id');
    const N = readNumber(await dash.receiptFact('N'));
    expect(lines.filter((l) => l.startsWith('N,')).length).toBe(N);
    await dash.closeReceipt();
  });

  it('exports the period table as CSV: the first line is the header, numbers stay numbers', async () => {
    const { name, text } = await dash.download(h.app.id('period-table-csv'));
    expect(name).toMatch(/periods\.csv$/);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split('\r\n').filter((l) => l !== '');
    expect(lines[0].startsWith('Period,First day,Last day,Complete,S,E,N,Lost,Reactivated')).toBe(true);
    const labels = await dash.periodLabels();
    expect(lines.length - 1).toBe(labels.length);
    const first = lines[1].split(',');
    expect(first[0]).toBe(labels[0]);
    expect(first[4]).toMatch(/^\d+$/);
  });

  it('the customers behind a figure come from the worker when its receipt opens: customers now, and the MRR movements of NRR', async () => {
    // The page's report has the counts only (worker/retention-figures.ts); the ids are listed on demand.
    const now = await dash.kpiNumber('customers');
    const receipt = await dash.openReceipt('customers');
    const active = receipt.getByTestId('receipt-group-active');
    expect(readNumber((await active.locator('summary').innerText()).split(':').pop() ?? '')).toBe(now);
    await active.locator('summary').click();
    await active.locator('li').first().waitFor();
    expect(await active.locator('li').count()).toBe(Math.min(60, now));
    const { text } = await dash.download(h.app.id('receipt-export'));
    expect(text.slice(1).split('\r\n').filter((l) => l.startsWith('active,')).length).toBe(now);
    await dash.closeReceipt();

    const nrr = await dash.openReceipt('nrr');
    for (const code of ['churn', 'contraction', 'expansion']) {
      const group = nrr.getByTestId(`receipt-group-${code}`);
      const count = readNumber((await group.locator('summary').innerText()).split(':').pop() ?? '');
      await group.locator('summary').click();
      if (count > 0) await group.locator('li').first().waitFor();
      expect(await group.locator('li').count(), code).toBe(Math.min(60, count));
    }
    await dash.closeReceipt();

    // A movement of the MRR table (new MRR of the last period): its customers, listed by the worker.
    await h.app.id('mrr-table').locator('tbody tr').last().locator('button.cell-link').first().click();
    const movement = h.app.id('receipt').getByTestId('receipt-group-new');
    const count = readNumber((await movement.locator('summary').innerText()).split(':').pop() ?? '');
    await movement.locator('summary').click();
    if (count > 0) await movement.locator('li').first().waitFor();
    expect(await movement.locator('li').count()).toBe(Math.min(60, count));
    await dash.closeReceipt();
  });

  it('no CSP violations and no page errors', () => {
    expect(h.violations).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });
});
