/** Page model of the retention dashboard (KPI cards, receipts, period table, exports). */
import { readFileSync } from 'node:fs';
import type { Locator } from 'playwright-core';
import type { AppPage } from './app-page.ts';
import { readNumber } from './read-number.ts';

export type Kpi = 'customers' | 'crr' | 'exact' | 'churn' | 'nrr' | 'grr' | 'median-lifetime';

export class RetentionPage {
  constructor(readonly app: AppPage) {}

  get root(): Locator {
    return this.app.id('retention');
  }

  async open(): Promise<void> {
    await this.app.id('nav-retention').click();
    await this.root.waitFor();
    await this.waitForReport();
  }

  /** Waits until a report is on screen and no recomputation is running. */
  async waitForReport(timeout = 60_000): Promise<void> {
    await this.app.id('kpi-crr').waitFor({ timeout });
    await this.app.page.waitForFunction(() => !document.querySelector('[data-testid="retention"] .report[aria-busy="true"]'), undefined, { timeout });
  }

  /** Labels of the period rows, in order ('2024-Q1', ...). */
  async periodLabels(): Promise<string[]> {
    return this.app.id('period-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-period') ?? ''));
  }

  async setPeriod(period: 'month' | 'quarter' | 'year', timeout = 60_000): Promise<void> {
    await this.app.id('period-select').selectOption(period);
    const pattern = period === 'quarter' ? '^\\d{4}-Q[1-4]$' : period === 'month' ? '^\\d{4}-\\d{2}$' : '^\\d{4}$';
    await this.app.page.waitForFunction(
      (re) => {
        const rows = Array.from(document.querySelectorAll('[data-testid="period-row"]'));
        return rows.length > 0 && rows.every((r) => new RegExp(re).test(r.getAttribute('data-period') ?? ''));
      },
      pattern,
      { timeout },
    );
    await this.waitForReport(timeout);
  }

  /** Switches the data source (a workspace with orders and subscriptions) and waits for its report. */
  async setSource(source: 'orders' | 'subscriptions', timeout = 60_000): Promise<void> {
    await this.app.id('source-select').selectOption(source);
    await this.waitForSource(source, timeout);
  }

  /** Waits until the report on screen comes from `source` and no recomputation is running. */
  async waitForSource(source: 'orders' | 'subscriptions', timeout = 60_000): Promise<void> {
    await this.app.page.waitForFunction(
      (src) => document.querySelector(`[data-testid="retention"] .report[data-source="${src}"][aria-busy="false"]`) !== null,
      source,
      { timeout },
    );
  }

  /** The W (days) the orders report on screen was computed with, as the page says it. */
  async reportWindow(): Promise<number> {
    return Number(await this.root.locator('.report').getAttribute('data-window'));
  }

  /** The W shown in the activity window field. */
  async windowInput(): Promise<number> {
    return Number(await this.app.id('window-input').inputValue());
  }

  /** Types W and waits until the orders report on screen was computed with it. */
  async setWindow(days: number, timeout = 60_000): Promise<void> {
    await this.app.id('window-input').fill(String(days));
    await this.waitForWindow(days, timeout);
  }

  async waitForWindow(days: number, timeout = 60_000): Promise<void> {
    await this.app.page.waitForFunction(
      (w) => document.querySelector(`[data-testid="retention"] .report[data-window="${w}"][aria-busy="false"]`) !== null,
      days,
      { timeout },
    );
  }

  /** The numbers of the lifetime sentence that reconciles with "customers now" (orders). */
  async lifetimeNow(): Promise<{ repeat: number; oneTime: number; total: number; text: string }> {
    const box = this.app.id('lifetime-now');
    await box.waitFor();
    return {
      repeat: readNumber(await box.getByTestId('lifetime-now-repeat').innerText()),
      oneTime: readNumber(await box.getByTestId('lifetime-now-one-time').innerText()),
      total: readNumber(await box.getByTestId('lifetime-now-total').innerText()),
      text: await box.innerText(),
    };
  }

  kpi(name: Kpi): Locator {
    return this.app.id(`kpi-${name}`);
  }

  async kpiText(name: Kpi): Promise<string> {
    return this.kpi(name).getByTestId('kpi-value').innerText();
  }

  async kpiNumber(name: Kpi): Promise<number> {
    return readNumber(await this.kpiText(name));
  }

  async openReceipt(name: Kpi): Promise<Locator> {
    await this.kpi(name).getByTestId('kpi-receipt').click();
    const dialog = this.app.id('receipt');
    await dialog.waitFor();
    return dialog;
  }

  async receiptFact(id: string): Promise<string> {
    return this.app.id('receipt').getByTestId(`receipt-fact-${id}`).innerText();
  }

  async closeReceipt(): Promise<void> {
    await this.app.id('receipt-close').click();
    await this.app.id('receipt').waitFor({ state: 'detached' });
  }

  /** "Split by segment…": opens the control, picks the attribute `key` and follows the link to the Segments page. */
  async splitBySegment(key: string, timeout = 90_000): Promise<void> {
    await this.app.id('segment-split-open').click();
    const select = this.app.id('segment-split-key');
    await select.waitFor({ timeout });
    await select.selectOption(key);
    await this.app.id('segment-split-go').click();
    await this.app.id('segments').waitFor({ timeout });
  }

  /** Clicks a button that downloads a file; returns the file name and its text. */
  async download(button: Locator): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([this.app.page.waitForEvent('download'), button.click()]);
    const path = await download.path();
    return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
  }
}
