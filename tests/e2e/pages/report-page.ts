/** Page model of the client report (data-testid contract in src/ui/report). */
import type { Locator } from 'playwright-core';
import type { AppPage } from './app-page.ts';

export type ReportSection = 'retention' | 'churn' | 'segments' | 'clv' | 'satisfaction';
export const SECTIONS: readonly ReportSection[] = ['retention', 'churn', 'segments', 'clv', 'satisfaction'];

export class ReportPage {
  constructor(readonly app: AppPage) {}

  get root(): Locator {
    return this.app.id('report');
  }

  get document(): Locator {
    return this.app.id('client-report');
  }

  async open(timeout = 120_000): Promise<void> {
    await this.app.id('nav-report').click();
    await this.root.waitFor();
    await this.waitUntilReady(timeout);
  }

  /** Waits until every chosen section is computed (the document is no longer busy). */
  async waitUntilReady(timeout = 120_000): Promise<void> {
    await this.app.page.waitForFunction(() => document.querySelector('[data-testid="client-report"]')?.getAttribute('aria-busy') === 'false', undefined, { timeout });
  }

  pick(section: ReportSection): Locator {
    return this.app.id(`report-pick-${section}`);
  }

  /** Ticks exactly these sections (the others unticked) and waits for their figures. */
  async choose(sections: readonly ReportSection[], timeout = 120_000): Promise<void> {
    for (const s of SECTIONS) {
      const box = this.pick(s);
      if (await box.isDisabled()) continue;
      if ((await box.isChecked()) !== sections.includes(s)) await box.setChecked(sections.includes(s));
    }
    // A ticked section shows its busy state on the next render.
    await this.app.page.waitForTimeout(100);
    await this.waitUntilReady(timeout);
    for (const s of sections) await this.section(s).waitFor({ timeout });
  }

  async chosen(): Promise<ReportSection[]> {
    const out: ReportSection[] = [];
    for (const s of SECTIONS) if (await this.pick(s).isChecked()) out.push(s);
    return out;
  }

  section(s: ReportSection): Locator {
    return this.app.id(`report-section-${s}`);
  }

  /** The file names of the cover's import list, in its order. */
  async files(): Promise<string[]> {
    return this.app.id('report-file').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-file') ?? ''));
  }

  async rangeText(): Promise<string> {
    return (await this.app.id('report-range').innerText()).trim();
  }

  async definitions(): Promise<string[]> {
    return this.app.id('report-definitions').locator('li').allInnerTexts();
  }

  /** A KPI of the retention section as written ('customers', 'crr', 'exact', 'churn'). */
  async kpiText(id: 'customers' | 'crr' | 'exact' | 'churn'): Promise<string> {
    return (await this.app.id(`report-kpi-${id}`).getByTestId('report-kpi-value').innerText()).trim();
  }

  async noReasonShare(): Promise<string> {
    return (await this.app.id('report-no-reason-share').innerText()).trim();
  }

  async setPaper(paper: 'a4' | 'letter'): Promise<void> {
    await this.app.id('report-paper').selectOption(paper);
    await this.app.page.waitForFunction((p) => document.querySelector('[data-testid="client-report"]')?.getAttribute('data-paper') === p, paper);
  }

  /** The reading sentence of one figure (data-testid of the figure). */
  async reading(figure: string): Promise<string> {
    return (await this.app.id(figure).getByTestId('reading').innerText()).trim();
  }
}
