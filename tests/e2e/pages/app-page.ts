/**
 * Page model of the app shell (data-testid contract in the UI: header, navigation, locale,
 * empty state, sample data, PWA toasts). Tests talk to the app only through these models.
 */
import type { Locator, Page } from 'playwright-core';
import { readNumber } from './read-number.ts';

export type NavTarget = 'overview' | 'import' | 'settings' | 'privacy';

export class AppPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  id(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  async open(): Promise<void> {
    await this.page.goto(this.baseUrl);
    await this.id('app-header').waitFor();
  }

  get emptyState(): Locator {
    return this.id('empty-state');
  }

  async navigate(to: NavTarget): Promise<void> {
    await this.id(`nav-${to}`).click();
    await this.id(to).first().waitFor();
  }

  /** Empty app: "Try the sample data", then wait for the overview. */
  async trySample(timeout = 90_000): Promise<void> {
    await this.id('try-sample').click();
    await this.id('overview').waitFor({ timeout });
    await this.id('sample-progress').waitFor({ state: 'hidden', timeout });
  }

  async createWorkspace(name: string): Promise<void> {
    await this.id('create-workspace').click();
    await this.id('workspace-name').fill(name);
    await this.id('create-workspace-submit').click();
    await this.emptyState.waitFor({ state: 'hidden' });
  }

  async setLocale(locale: 'en' | 'sl'): Promise<void> {
    await this.id('locale-switcher').selectOption(locale);
    await this.page.waitForFunction((l) => document.documentElement.lang === l || document.documentElement.lang.startsWith(l), locale, { timeout: 5000 }).catch(() => {});
  }

  async confirm(): Promise<void> {
    await this.id('confirm-yes').click();
  }

  async numberOf(testId: string): Promise<number> {
    const el = this.id(testId);
    await el.waitFor();
    return readNumber(await el.innerText());
  }

  /** Resolves once a service worker controls or is ready for this origin. */
  async serviceWorkerReady(timeout = 30_000): Promise<void> {
    await this.page.waitForFunction(
      async () => {
        if (!('serviceWorker' in navigator)) return false;
        const reg = await navigator.serviceWorker.getRegistration();
        return reg?.active?.state === 'activated';
      },
      undefined,
      { timeout, polling: 250 },
    );
  }
}
