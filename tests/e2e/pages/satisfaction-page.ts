/** Page model of the satisfaction and referrals pages (data-testid contract in src/ui/satisfaction and src/ui/referrals). */
import { readFileSync } from 'node:fs';
import type { Locator } from 'playwright-core';
import type { AppPage } from './app-page.ts';
import { readNumber } from './read-number.ts';

/** A downloaded CSV: its file name, header row and data rows (cells split naively: no quoted commas expected in the columns read). */
export interface Csv {
  name: string;
  text: string;
  header: string[];
  rows: string[][];
}

/** Clicks a button that downloads a file; returns its name and text. */
export async function download(app: AppPage, button: Locator): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([app.page.waitForEvent('download'), button.click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** Splits CSV text (BOM, CRLF, RFC 4180 quotes) into rows of cells. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && s[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

export async function downloadCsv(app: AppPage, button: Locator): Promise<Csv> {
  const { name, text } = await download(app, button);
  const [header, ...rows] = parseCsv(text);
  return { name, text, header, rows };
}

export class SatisfactionPage {
  constructor(readonly app: AppPage) {}

  get root(): Locator {
    return this.app.id('satisfaction');
  }

  async open(timeout = 90_000): Promise<void> {
    await this.app.id('nav-satisfaction').click();
    await this.root.waitFor();
    await this.waitForReport(timeout);
  }

  /** Waits until a report (or the empty state) is on screen and nothing is being computed. */
  async waitForReport(timeout = 90_000): Promise<void> {
    await this.app.page.waitForFunction(
      () => document.querySelector('[data-testid="satisfaction"] .report[aria-busy="false"]') !== null || document.querySelector('[data-testid="sat-empty"]') !== null,
      undefined,
      { timeout },
    );
  }

  /** The NPS as shown (text and number) and the exact value behind it. */
  async nps(): Promise<{ text: string; value: number; exact: number; low: number; high: number; interval: string }> {
    const box = this.app.id('sat-nps');
    const text = (await this.app.id('sat-nps-value').innerText()).trim();
    return {
      text,
      value: (text.startsWith('−') ? -1 : 1) * readNumber(text.replace('−', '')),
      exact: Number(await box.getAttribute('data-nps')),
      low: Number(await box.getAttribute('data-low')),
      high: Number(await box.getAttribute('data-high')),
      interval: (await this.app.id('sat-nps-interval').innerText()).trim(),
    };
  }

  /** Churn rate per NPS group (group code -> percent), as the groups section lists them. */
  async groupChurn(): Promise<Record<string, number>> {
    const items = this.app.id('sat-group-rate');
    await items.first().waitFor();
    const out: Record<string, number> = {};
    for (let i = 0; i < (await items.count()); i++) {
      const item = items.nth(i);
      out[(await item.getAttribute('data-group')) ?? ''] = Number(await item.getAttribute('data-rate'));
    }
    return out;
  }

  /** A list section: 'sat-detractors' or 'sat-comments'. */
  list(testid: 'sat-detractors' | 'sat-comments'): Locator {
    return this.app.id(testid);
  }

  /** Waits until the list has its rows, then returns how many rows match (the list's own count). */
  async listCount(testid: 'sat-detractors' | 'sat-comments', timeout = 60_000): Promise<number> {
    await this.app.page.waitForFunction((id) => document.querySelector(`[data-testid="${id}"][aria-busy="false"]`) !== null, testid, { timeout });
    return Number(await this.list(testid).getAttribute('data-count'));
  }

  /** Types into the list's comment search and waits until the count changes or settles. */
  async search(testid: 'sat-detractors' | 'sat-comments', text: string): Promise<number> {
    await this.app.id(`${testid}-search`).fill(text);
    await this.app.page.waitForTimeout(100);
    return this.listCount(testid);
  }

  /** Rows drawn in the list's table (after "Show all" when asked). */
  async shownRows(testid: 'sat-detractors' | 'sat-comments', all = false): Promise<Locator> {
    if (all && (await this.app.id(`${testid}-all`).count()) > 0) await this.app.id(`${testid}-all`).click();
    return this.app.id(`${testid}-row`);
  }
}

export class ReferralsPage {
  constructor(readonly app: AppPage) {}

  get root(): Locator {
    return this.app.id('referrals');
  }

  async open(timeout = 90_000): Promise<void> {
    await this.app.id('nav-referrals').click();
    await this.root.waitFor();
    await this.app.page.waitForFunction(
      () => document.querySelector('[data-testid="referrals"] .report[aria-busy="false"]') !== null || document.querySelector('[data-testid="ref-empty"]') !== null,
      undefined,
      { timeout },
    );
  }

  /** The referral rate as shown, its exact value and band (0-4). */
  async rate(): Promise<{ text: string; value: number; exact: number; band: number; bandText: string }> {
    const box = this.app.id('ref-rate');
    const text = (await this.app.id('ref-rate-value').innerText()).trim();
    return {
      text,
      value: readNumber(text),
      exact: Number(await box.getAttribute('data-rate')),
      band: Number(await box.getAttribute('data-band')),
      bandText: (await this.app.id('ref-band').innerText()).trim(),
    };
  }
}
