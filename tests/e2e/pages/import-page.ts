/** Page model of the import page: one card per file, dialect, mapping, validate, errors, commit. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Locator } from 'playwright-core';
import type { AppPage } from './app-page.ts';

export interface ShownDialect {
  delimiter: string;
  decimal: string;
  dateOrder: string;
}

export interface ListedError {
  text: string;
}

/** The plausibility panel as shown: figures as text, notes with their code. */
export interface ShownPlausibility {
  rows: string;
  customers: string;
  revenue: string;
  notes: { code: string; warning: boolean; text: string }[];
}

/**
 * Cards are addressed by the file they belong to (the last card for that file name), so cards
 * left from earlier imports never get in the way. `index` picks among the current files.
 */
export class ImportPage {
  private files: string[] = [];

  constructor(readonly app: AppPage) {}

  async open(): Promise<void> {
    await this.app.navigate('import');
    await this.app.id('file-input').waitFor({ state: 'attached' });
  }

  async chooseFiles(paths: string | string[]): Promise<void> {
    const list = Array.isArray(paths) ? paths : [paths];
    this.files = list.map((p) => basename(p));
    await this.app.id('file-input').setInputFiles(list);
    for (let i = 0; i < list.length; i++) await this.inspected(i);
  }

  /**
   * Drops files on the drop zone the way a browser does (a `drop` event whose DataTransfer
   * holds the files), so the drag-and-drop path is what is tested, not the file input.
   */
  async dropFiles(paths: string | string[]): Promise<void> {
    const list = Array.isArray(paths) ? paths : [paths];
    this.files = list.map((p) => basename(p));
    const files = list.map((p) => ({ name: basename(p), bytes: [...readFileSync(p)] }));
    await this.app.id('drop-zone').evaluate((zone, dropped) => {
      const transfer = new DataTransfer();
      for (const f of dropped) transfer.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: 'text/csv' }));
      zone.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: transfer }));
      zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    }, files);
    for (let i = 0; i < list.length; i++) await this.inspected(i);
  }

  /** Waits until the file's card has finished inspecting (controls shown, or a fatal problem). */
  async inspected(index = 0, timeout = 60_000): Promise<void> {
    const card = this.card(index);
    await card.waitFor({ timeout });
    await card.getByTestId('import-start').or(card.getByTestId('import-fatal')).first().waitFor({ timeout });
    await this.app.page.waitForFunction((el) => el?.getAttribute('aria-busy') !== 'true', await card.elementHandle(), { timeout });
  }

  card(index = 0): Locator {
    const cards = this.app.id('import-file');
    const name = this.files[index];
    return name === undefined ? cards.nth(index) : cards.filter({ has: this.app.page.getByRole('heading', { name, exact: true }) }).last();
  }

  private inCard(testId: string, index = 0): Locator {
    return this.card(index).getByTestId(testId);
  }

  /** The value of a dialect control, or of its selected option's label if the value is a code. */
  private async controlValue(testId: string, index: number): Promise<{ value: string; label: string }> {
    const el = this.inCard(testId, index);
    await el.waitFor();
    return el.evaluate((node) => {
      if (node instanceof HTMLSelectElement) return { value: node.value, label: node.selectedOptions[0]?.textContent?.trim() ?? '' };
      if (node instanceof HTMLInputElement) return { value: node.value, label: node.value };
      return { value: node.textContent?.trim() ?? '', label: node.textContent?.trim() ?? '' };
    });
  }

  async dialect(index = 0): Promise<Record<keyof ShownDialect, { value: string; label: string }>> {
    return {
      delimiter: await this.controlValue('dialect-delimiter', index),
      decimal: await this.controlValue('dialect-decimal', index),
      dateOrder: await this.controlValue('dialect-date-order', index),
    };
  }

  async kind(index = 0): Promise<string> {
    return this.inCard('import-kind', index).inputValue();
  }

  async mapping(column: number, index = 0): Promise<string> {
    return this.inCard(`mapping-${column}`, index).inputValue();
  }

  /** Maps column `column` to `field` unless it already is (the suggestion may have done it). */
  async mapColumn(column: number, field: string, index = 0): Promise<void> {
    const select = this.inCard(`mapping-${column}`, index);
    if ((await select.inputValue()) !== field) await select.selectOption(field);
  }

  /** Validate (prepareImport): resolves when the file is ready to commit or has errors. */
  async validate(index = 0, timeout = 60_000): Promise<'ready' | 'errors' | 'fatal'> {
    await this.inCard('import-start', index).click();
    const ready = this.inCard('import-commit', index);
    const errors = this.inCard('import-errors', index);
    const fatal = this.inCard('import-fatal', index);
    await ready.or(errors).or(fatal).first().waitFor({ timeout });
    if (await fatal.isVisible()) return 'fatal';
    if (await errors.isVisible()) return 'errors';
    return 'ready';
  }

  async errors(index = 0): Promise<string[]> {
    const list = this.inCard('import-errors', index);
    await list.waitFor();
    const items = list.locator('li, tbody tr');
    const n = await items.count();
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push((await items.nth(i).innerText()).replace(/\s+/g, ' ').trim());
    return out.filter((t) => t !== '');
  }

  async commit(index = 0, timeout = 90_000): Promise<string> {
    await this.inCard('import-commit', index).click();
    const done = this.inCard('import-done', index);
    await done.waitFor({ timeout });
    return done.innerText();
  }

  async discard(index = 0): Promise<void> {
    await this.inCard('import-discard', index).click();
  }

  /** Chooses the kind of data in the card's selector and waits for the new inspection. */
  async setKind(kind: string, index = 0): Promise<void> {
    await this.inCard('import-kind', index).selectOption(kind);
    await this.inspected(index);
  }

  /** The problem that blocks the file (its code, e.g. 'wrong-kind'), or null. */
  async fatalCode(index = 0): Promise<string | null> {
    const fatal = this.inCard('import-fatal', index);
    return (await fatal.isVisible()) ? fatal.getAttribute('data-code') : null;
  }

  /** Clicks "Read it as <kind>" on a wrong-kind card. */
  async readAsSuggested(index = 0): Promise<void> {
    await this.inCard('import-read-as', index).click();
    await this.inspected(index);
  }

  /** Answers a question ("Please confirm") by its option value, e.g. ('encoding', 'windows-1252'). */
  async answer(topic: string, option: string, index = 0): Promise<void> {
    await this.inCard(`question-${topic}`, index).locator(`button[data-option="${option}"]`).click();
    await this.inspected(index);
  }

  /** The label of the chosen header row ("Line 1", "No header row"). */
  async headerRowLabel(index = 0): Promise<string> {
    return (await this.controlValue('dialect-header-row', index)).label;
  }

  /** Ticks "This file has no customer column". */
  async withoutCustomers(index = 0): Promise<void> {
    await this.inCard('without-customers', index).check();
  }

  async plausibility(index = 0): Promise<ShownPlausibility> {
    const panel = this.inCard('plausibility', index);
    await panel.waitFor();
    const text = async (id: string) => {
      const el = panel.getByTestId(id);
      return (await el.count()) ? (await el.innerText()).trim() : '';
    };
    const items = panel.getByTestId('plausibility-notes').locator('li');
    const notes: ShownPlausibility['notes'] = [];
    for (let i = 0; i < (await items.count()); i++) {
      const li = items.nth(i);
      notes.push({
        code: (await li.getAttribute('data-code')) ?? '',
        warning: ((await li.getAttribute('class')) ?? '').split(/\s+/).includes('warn'),
        text: (await li.innerText()).replace(/\s+/g, ' ').trim(),
      });
    }
    return { rows: await text('plausibility-rows'), customers: await text('plausibility-customers'), revenue: await text('plausibility-revenue'), notes };
  }

  async previewRowCount(index = 0): Promise<number> {
    return this.inCard('preview-table', index).locator('tbody tr').count();
  }
}
