/** Page model of the churn audit and the segments pages (data-testid contract in src/ui/churn and src/ui/segments). */
import { readFileSync } from 'node:fs';
import type { Locator } from 'playwright-core';
import type { AppPage } from './app-page.ts';
import { readNumber } from './read-number.ts';

export class ChurnPage {
  constructor(readonly app: AppPage) {}

  get root(): Locator {
    return this.app.id('churn');
  }

  async open(timeout = 90_000): Promise<void> {
    await this.app.id('nav-churn').click();
    await this.root.waitFor();
    await this.waitForAudit(timeout);
  }

  /** Waits until an audit is on screen and nothing is being computed or saved. */
  async waitForAudit(timeout = 90_000): Promise<void> {
    await this.app.id('reasons-table').waitFor({ timeout });
    await this.app.page.waitForFunction(() => document.querySelector('[data-testid="churn"] .report[aria-busy="false"]') !== null, undefined, { timeout });
  }

  /** The categories version of the audit on screen. */
  async version(): Promise<number> {
    return Number(await this.root.locator('.report').getAttribute('data-version'));
  }

  /** Waits until the audit on screen was computed with categories version `v`. */
  async waitForVersion(v: number, timeout = 90_000): Promise<void> {
    await this.app.page.waitForFunction(
      (version) => document.querySelector(`[data-testid="churn"] .report[data-version="${version}"][aria-busy="false"]`) !== null,
      v,
      { timeout },
    );
  }

  /** The share of churned customers without a reason, as the notice shows it (percent). */
  async noReasonShare(): Promise<{ text: string; value: number }> {
    const text = await this.app.id('no-reason-share').innerText();
    return { text, value: readNumber(text) };
  }

  /** The categories of the reasons table, in order (as the core names them). */
  async categories(): Promise<string[]> {
    return this.app.id('reason-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-category') ?? ''));
  }

  row(category: string): Locator {
    return this.root.locator(`[data-testid="reason-row"][data-category="${category}"]`);
  }

  async count(category: string): Promise<number> {
    return readNumber(await this.row(category).getByTestId('reason-count').innerText());
  }

  /** Opens the customers behind one category's bar (the receipt dialog). */
  async openMembers(category: string): Promise<Locator> {
    await this.row(category).getByTestId('reason-members').click();
    const dialog = this.app.id('receipt');
    await dialog.waitFor();
    return dialog;
  }

  async closeDialog(): Promise<void> {
    await this.app.id('receipt-close').click();
    await this.app.id('receipt').waitFor({ state: 'detached' });
  }

  /** Merges categories into one named `name` and waits for the audit of the next version. */
  async merge(categories: readonly string[], name: string): Promise<void> {
    const before = await this.version();
    for (const c of categories) await this.root.locator(`[data-testid="merge-pick"][data-category="${c}"]`).check();
    await this.app.id('merge-name').fill(name);
    await this.app.id('merge-submit').click();
    await this.waitForVersion(before + 1);
  }

  /** Series of the trend chart (one per category, plus "no reason recorded" when there are such). */
  async trendSeries(): Promise<number> {
    return Number(await this.app.id('trend').getAttribute('data-series'));
  }

  /** The trend chart's CSV: the header row (period + one column per series). */
  async trendHeader(): Promise<string[]> {
    const { text } = await this.download(this.app.id('chart-trend-csv'));
    return text.slice(1).split('\r\n')[0].split(',');
  }

  /** Clicks a button that downloads a file; returns the file name and its text. */
  async download(button: Locator): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([this.app.page.waitForEvent('download'), button.click()]);
    const path = await download.path();
    return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
  }
}

export class SegmentsPage {
  constructor(readonly app: AppPage) {}

  get root(): Locator {
    return this.app.id('segments');
  }

  async open(timeout = 90_000): Promise<void> {
    await this.app.id('nav-segments').click();
    await this.root.waitFor();
    await this.app.id('segment-key').waitFor({ timeout });
  }

  /** Splits by an attribute key (`plan`, `derived:cohort`) and waits for its comparison. */
  async choose(key: string, timeout = 90_000): Promise<void> {
    await this.app.id('segment-key').selectOption(key);
    await this.app.page.waitForFunction(
      (k) => document.querySelector(`[data-testid="segments"] .report[data-key="${k}"][aria-busy="false"]`) !== null,
      key,
      { timeout },
    );
  }

  /** The segments' names, as the table's column heads show them. */
  async segments(): Promise<string[]> {
    return this.app.id('segment-head').allInnerTexts();
  }

  /** Datasets of the survival chart (one per segment with a curve). */
  async survivalSeries(): Promise<number> {
    return Number(await this.app.id('segment-survival').getAttribute('data-series'));
  }
}
