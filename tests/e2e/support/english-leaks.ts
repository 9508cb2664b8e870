/**
 * The translation checks of the browser tests (issue #14 item 2), shared by the page walk
 * (i18n.e2e.ts) and the import wizard walk (i18n-import.e2e.ts):
 * - `englishSentences` + `leaksIn`: English sentences of the dictionary shown verbatim in a
 *   non-English UI (a string the page forgot to translate, or a key the locale lacks);
 * - `englishProse`: English text that is in no dictionary at all (an importer message or a
 *   detection reason from core shown untranslated), found by its English function words;
 * - `overflowCulprit`: whether the page is wider than the viewport, naming what sticks out.
 */
import type { Locator, Page } from 'playwright-core';
import { en } from '../../../src/lib/i18n/en.ts';
import { DICTIONARIES } from '../../../src/lib/i18n/translate.ts';
import type { Locale, MessageKey } from '../../../src/lib/i18n/messages.ts';

/** English sentences of the dictionary worth searching for: no placeholders, at least three words. */
export function englishSentences(locale: Locale): string[] {
  const out: string[] = [];
  const dict = DICTIONARIES[locale] as Partial<Record<MessageKey, unknown>>;
  for (const [key, value] of Object.entries(en) as [MessageKey, unknown][]) {
    if (typeof value !== 'string' || value.includes('{') || value.split(/\s+/).length < 3 || key.startsWith('locale.')) continue;
    // A locale may keep a sentence as it is (a product name, an acronym line): then it is no leak.
    if (dict[key] === value) continue;
    out.push(value);
  }
  return out;
}

/**
 * The sentences of `sentences` that `text` contains, each prefixed with `where`. Case is ignored:
 * the importer's English sentences start with a capital where the dictionary's clause does not.
 */
export function leaksIn(text: string, sentences: readonly string[], where: string): string[] {
  const lower = text.toLowerCase();
  return sentences.filter((s) => lower.includes(s.toLowerCase())).map((s) => `${where}: "${s}"`);
}

/**
 * English function words: a text with three different ones is an English sentence (no other
 * UI language uses them as words; data values are left out by the caller).
 */
const ENGLISH_WORDS = ['the', 'is', 'are', 'of', 'and', 'with', 'could', 'be', 'first', 'values', 'choose', 'looks', 'like', 'from', 'which', 'this', 'chosen', 'by', 'you', 'has', 'have', 'not', 'no', 'only', 'or', 'it', 'they', 'line'];

/**
 * The English sentences inside `root` that are in no dictionary: every text of a paragraph, list
 * item, label, legend, heading, button or hint with three different English function words.
 * Values from the file are not prose and are left out: table cells, `code` and `q` (issue
 * values and column names), `option`s and the file name.
 */
export async function englishProse(root: Locator): Promise<string[]> {
  return root.evaluateAll(
    (roots, words) => {
      const out: string[] = [];
      const re = new RegExp(`\\b(${words.join('|')})\\b`, 'gi');
      for (const r of roots) {
        const copy = r.cloneNode(true) as Element;
        for (const el of Array.from(copy.querySelectorAll('table, code, q, option, select, h2, [data-value]'))) el.remove();
        for (const el of Array.from(copy.querySelectorAll('p, li, label, legend, h3, h4, button, .hint, .reason'))) {
          // The element's own sentence: its text without the nested elements already visited.
          const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
          const found = new Set((text.match(re) ?? []).map((w) => w.toLowerCase()));
          if (found.size >= 3) out.push(text.slice(0, 160));
        }
      }
      return [...new Set(out)];
    },
    ENGLISH_WORDS,
  );
}

/**
 * The page's width at the current viewport when it is wider than `max` px, with the deepest
 * element that sticks out (outside any scrolling or clipping box), so a failure says what to
 * fix; undefined when nothing is wider.
 */
export async function overflowCulprit(page: Page, max = 391): Promise<string | undefined> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  if (width <= max) return undefined;
  const culprit = await page.evaluate(() => {
    let best: Element | null = null;
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const r = el.getBoundingClientRect();
      if (!(r.right > 392 && r.width > 0)) continue;
      // Inside a scrolling or clipping box it cannot widen the page.
      let inBox = false;
      for (let e = el.parentElement; e && !inBox; e = e.parentElement) inBox = getComputedStyle(e).overflowX !== 'visible';
      if (!inBox) best = el;
    }
    if (!best) {
      const all = Array.from(document.querySelectorAll('body *')).filter((el) => el.getBoundingClientRect().right > 392).slice(0, 3);
      return all.map((el) => `${el.tagName.toLowerCase()}.${Array.from(el.classList).join('.')} r=${Math.round(el.getBoundingClientRect().right)}`).join(' | ') || '?';
    }
    return `${best.tagName.toLowerCase()}${best.id ? `#${best.id}` : ''}.${Array.from(best.classList).join('.')} "${(best.textContent ?? '').trim().slice(0, 40)}"`;
  });
  return `${width} px (${culprit})`;
}
