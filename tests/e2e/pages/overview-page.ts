/** Page model of the overview (headline counts and the import history). */
import type { Locator } from 'playwright-core';
import type { AppPage } from './app-page.ts';
import { readNumber } from './read-number.ts';

export interface OverviewFigures {
  customers: number;
  orders: number;
  revenue: number;
}

export class OverviewPage {
  constructor(readonly app: AppPage) {}

  async open(): Promise<void> {
    await this.app.navigate('overview');
  }

  get root(): Locator {
    return this.app.id('overview');
  }

  async figures(): Promise<OverviewFigures> {
    await this.root.waitFor();
    return {
      customers: await this.app.numberOf('overview-customers'),
      orders: await this.app.numberOf('overview-orders'),
      revenue: await this.app.numberOf('overview-revenue'),
    };
  }

  /** Waits until the figures match (they update live after an import). */
  async waitForOrders(expected: number, timeout = 30_000): Promise<void> {
    const el = this.app.id('overview-orders');
    const deadline = Date.now() + timeout;
    let last = '';
    while (Date.now() < deadline) {
      last = (await el.innerText().catch(() => '')) ?? '';
      try {
        if (readNumber(last) === expected) return;
      } catch {
        // not rendered yet
      }
      await this.app.page.waitForTimeout(200);
    }
    throw new Error(`overview-orders stayed at "${last}", expected ${expected}`);
  }

  async rangeText(): Promise<string> {
    return this.app.id('overview-range').innerText();
  }

  get historyRows(): Locator {
    return this.app.id('import-history').getByTestId('import-row');
  }

  async removeImport(index: number): Promise<void> {
    const before = await this.historyRows.count();
    await this.historyRows.nth(index).getByTestId('remove-import').click();
    await this.app.confirm();
    await this.app.page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="import-history"] [data-testid="import-row"]').length === n,
      before - 1,
      { timeout: 30_000 },
    );
  }
}
