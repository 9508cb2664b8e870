/** Page model of the customer-value page (data-testid contract in src/ui/clv). */
import { readFileSync } from 'node:fs';
import type { Locator } from 'playwright-core';
import type { AppPage } from './app-page.ts';

export type ClvKpi = 'historical' | 'predictive' | 'simple' | 'pareto' | 'palive';

export class ClvPage {
  constructor(readonly app: AppPage) {}

  get root(): Locator {
    return this.app.id('clv');
  }

  async open(timeout = 90_000): Promise<void> {
    await this.app.id('nav-clv').click();
    await this.root.waitFor();
    await this.waitForReport(timeout);
  }

  /** Waits until a report is on screen and nothing is being computed. */
  async waitForReport(timeout = 90_000): Promise<void> {
    await this.app.page.waitForFunction(() => document.querySelector('[data-testid="clv"] .report[aria-busy="false"]') !== null, undefined, { timeout });
  }

  /** Waits for the report of a horizon of `months` (and nothing busy). */
  async waitForHorizon(months: number, timeout = 90_000): Promise<void> {
    await this.app.page.waitForFunction((m) => document.querySelector(`[data-testid="clv"] .report[data-horizon="${m}"][aria-busy="false"]`) !== null, months, { timeout });
  }

  kpi(name: ClvKpi): Locator {
    return this.app.id(`clv-kpi-${name}`);
  }

  /** The unrounded figure of a KPI card (its data-value); null when the card shows none. */
  async kpiValue(name: ClvKpi): Promise<number | null> {
    const v = await this.kpi(name).getAttribute('data-value');
    return v === null || v === '' ? null : Number(v);
  }

  async kpiText(name: ClvKpi): Promise<string> {
    return this.kpi(name).getByTestId('kpi-value').innerText();
  }

  /** Whether the purchase models converged, as the fit section says. */
  async converged(): Promise<boolean> {
    return (await this.app.id('clv-fit-status').getAttribute('data-converged')) === 'true';
  }

  async setHorizon(months: number): Promise<void> {
    await this.app.id('clv-horizon').fill(String(months));
    await this.waitForHorizon(months);
  }

  /** Chooses a hold-out of `weeks` and waits for the report with a hold-out. */
  async setHoldout(weeks: number, timeout = 90_000): Promise<void> {
    await this.app.id('clv-holdout').selectOption(String(weeks));
    await this.app.page.waitForFunction(
      (on) => document.querySelector(`[data-testid="clv"] .report[data-holdout="${on}"][aria-busy="false"]`) !== null,
      weeks > 0,
      { timeout },
    );
  }

  /** The customers per RFM group, as the groups table says (data-customers). */
  async rfmGroups(): Promise<Record<string, number>> {
    const rows = await this.app.id('clv-rfm-group').evaluateAll((els) => els.map((e) => [e.getAttribute('data-group') ?? '', Number(e.getAttribute('data-customers'))] as const));
    return Object.fromEntries(rows);
  }

  /** The customers per cell of the R x F grid. */
  async rfmCells(): Promise<number[]> {
    return this.app.id('clv-rfm-cell').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-customers'))));
  }

  /** The export button of an RFM group by its code (`at-risk`, `champions`). */
  rfmExport(code: string): Locator {
    return this.app.id(`clv-rfm-export-${code}`);
  }

  get slider(): Locator {
    return this.app.id('clv-what-if-slider');
  }

  async whatIfPoints(): Promise<number> {
    return Number(await this.app.id('clv-what-if-points').getAttribute('data-points'));
  }

  /** The change of one what-if figure after 1, 2 and 3 years (unrounded). */
  async whatIfChanges(figure: 'customers' | 'revenue' | 'clv'): Promise<number[]> {
    return this.app
      .id(`clv-what-if-${figure}`)
      .locator('td')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-change'))));
  }

  async closeDialog(): Promise<void> {
    await this.app.id('receipt-close').click();
    await this.app.id('receipt').waitFor({ state: 'detached' });
  }

  /** Clicks a button that downloads a file; returns the file name and its text. */
  async download(button: Locator): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([this.app.page.waitForEvent('download'), button.click()]);
    const path = await download.path();
    return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
  }
}

/** The data lines of a CSV the app wrote (BOM and CRLF), header first. */
export function csvLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter((l) => l !== '');
}
