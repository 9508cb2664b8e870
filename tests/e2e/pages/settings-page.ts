/** Page model of the settings page (workspace settings, storage, erase everything). */
import type { AppPage } from './app-page.ts';

export class SettingsPage {
  constructor(readonly app: AppPage) {}

  async open(): Promise<void> {
    await this.app.navigate('settings');
  }

  async storageUsageText(): Promise<string> {
    return this.app.id('storage-usage').innerText();
  }

  async setCurrency(code: string): Promise<void> {
    const el = this.app.id('settings-currency');
    const tag = await el.evaluate((n) => n.tagName);
    if (tag === 'SELECT') await el.selectOption(code);
    else await el.fill(code);
    await this.app.id('settings-save').click();
  }

  async eraseAll(): Promise<void> {
    await this.app.id('erase-all').click();
    await this.app.confirm();
    await this.app.emptyState.waitFor({ timeout: 30_000 });
  }
}
