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

  /** Sets a category's avoidable flag ('yes', 'no', or '' = not set: back to the built-in flag) and waits for the next version. */
  async setAvoidable(category: string, value: 'yes' | 'no' | ''): Promise<void> {
    const before = await this.version();
    await this.row(category).getByTestId('reason-avoidable').selectOption(value);
    await this.waitForVersion(before + 1);
  }

  /** The avoidable flag in force for a category (the user's, else the built-in one): true, false or null. */
  async avoidable(category: string): Promise<boolean | null> {
    const v = await this.row(category).getByTestId('reason-avoidable').getAttribute('data-avoidable');
    return v === '' || v === null ? null : v === 'true';
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

  /** The churned customers of the audit on screen. */
  async churned(): Promise<number> {
    return readNumber(await this.app.id('churn-churned').locator('dd').innerText());
  }

  /** The churn-flag values in force as the header says them ("Churn flag: Yes = churned"). */
  async churnedValues(): Promise<string[]> {
    const v = await this.app.id('flag-choice').getAttribute('data-churned');
    return v ? v.split('|') : [];
  }

  /**
   * Changes which churn-flag values mean churned through the header's "change" control (the
   * question pre-filled with the values in force), and waits for the audit computed with them.
   */
  async changeChurnedValues(values: readonly string[], timeout = 90_000): Promise<void> {
    await this.app.id('flag-change').click();
    const question = this.app.id('flag-question');
    await question.waitFor();
    const boxes = question.getByTestId('flag-value');
    for (let i = 0; i < (await boxes.count()); i++) {
      const box = boxes.nth(i);
      await box.setChecked(values.includes((await box.getAttribute('data-value')) ?? ''));
    }
    await question.getByTestId('flag-save').click();
    await question.waitFor({ state: 'detached', timeout });
    await this.app.page.waitForFunction(
      (want) =>
        document.querySelector(`[data-testid="flag-choice"][data-churned="${want}"]`) !== null &&
        document.querySelector('[data-testid="churn"] .report[aria-busy="false"]') !== null,
      values.join('|'),
      { timeout },
    );
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

  /** Datasets of the "CRR per period" chart (one per segment with periods). */
  async periodSeries(): Promise<number> {
    return Number(await this.app.id('segment-periods').getAttribute('data-series'));
  }

  /** Customers per segment, as the table's first row shows them. */
  async customers(): Promise<number[]> {
    return (await this.app.id('segment-customers').allInnerTexts()).map(readNumber);
  }

  /** The attribute key of the comparison on screen (attribute mode). */
  async shownKey(): Promise<string | null> {
    return this.root.locator('.report[data-mode="attribute"]').getAttribute('data-key');
  }

  /** Waits until the comparison of attribute `key` is on screen and nothing is computing. */
  async waitForKey(key: string, timeout = 90_000): Promise<void> {
    await this.app.page.waitForFunction(
      (k) => document.querySelector(`[data-testid="segments"] .report[data-mode="attribute"][data-key="${k}"][aria-busy="false"]`) !== null,
      key,
      { timeout },
    );
  }

  /**
   * "Build a filter": one condition per entry (attribute key, value labels as the audit names
   * them), then Compare; waits for the filter's comparison (matching customers vs the rest).
   */
  async filter(conditions: readonly { key: string; values: readonly string[] }[], timeout = 90_000): Promise<void> {
    await this.app.id('segment-mode-filter').check();
    const builder = this.app.id('segment-filter');
    await builder.waitFor();
    for (let i = 0; i < conditions.length; i++) {
      if (i >= (await builder.getByTestId('filter-condition').count())) await builder.getByTestId('filter-add').click();
      const condition = builder.getByTestId('filter-condition').nth(i);
      await condition.getByTestId('filter-key').selectOption(conditions[i].key);
      for (const v of conditions[i].values) await condition.locator(`[data-testid="filter-value"][data-value="${v}"]`).check();
    }
    await builder.getByTestId('filter-compare').click();
    await this.app.page.waitForFunction(() => document.querySelector('[data-testid="segments"] .report[data-mode="filter"][aria-busy="false"]') !== null, undefined, { timeout });
  }

  /** The filter in words, as the comparison shows it. */
  async filterText(): Promise<string> {
    return this.app.id('segment-filter-text').innerText();
  }
}
