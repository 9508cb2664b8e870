/**
 * Every page in every language (issue #14 item 2): with the sample data loaded, each page is
 * opened in each non-English locale and its visible text is searched for English sentences
 * from the dictionary (a message of en.ts shown verbatim where the locale has its own text:
 * a string the page forgot to translate, or a key the locale lacks). Names from the data
 * (customer ids, plan names, comments) are not dictionary sentences and cannot match. Also
 * checks that no page is wider than a 390 px phone in any locale (the longest languages,
 * German and Bulgarian, overflow first).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/lib/i18n/en.ts';
import { DICTIONARIES } from '../../src/lib/i18n/translate.ts';
import { LOCALES, type MessageKey } from '../../src/lib/i18n/messages.ts';
import { openHarness, type Harness } from './support/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
  await h.app.open();
  await h.app.trySample();
}, 180_000);
afterAll(async () => {
  await h?.close();
});

/** English sentences of the dictionary worth searching for: no placeholders, at least three words. */
function englishSentences(locale: (typeof LOCALES)[number]): string[] {
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

describe('every page speaks the chosen language', () => {
  for (const locale of LOCALES.filter((l) => l !== 'en')) {
    it(`${locale}: no English dictionary sentence on any page, nothing wider than 390 px`, async () => {
      const page = h.page;
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.selectOption('[data-testid=locale-switcher]', locale);
      const sentences = englishSentences(locale);
      const leaks: string[] = [];
      const wide: string[] = [];
      // Every page the navigation offers.
      const routes = await page.locator('nav a[data-testid^="nav-"]').evaluateAll((as) => as.map((a) => (a.getAttribute('href') ?? '').replace(/^#\//, '')));
      expect(routes.length).toBeGreaterThan(5);
      for (const route of routes) {
        await page.evaluate((r) => (location.hash = `#/${r}`), route);
        await page.locator('main').waitFor();
        // Let the worker finish the page's figures (every page shows its results or an empty state).
        await page.waitForTimeout(1000);
        await page.waitForFunction(() => !document.querySelector('main [aria-busy="true"], main progress'), undefined, { timeout: 60_000 }).catch(() => undefined);
        await page.waitForTimeout(300);
        const text = await page.locator('body').innerText();
        for (const s of sentences) if (text.includes(s)) leaks.push(`${route}: "${s}"`);
        await page.setViewportSize({ width: 390, height: 800 });
        await page.waitForTimeout(700);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > 391) {
          // Name the widest element that sticks out (the deepest one), so a failure says what to fix.
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
            return best ? `${best.tagName.toLowerCase()}${best.id ? `#${best.id}` : ''}.${Array.from(best.classList).join('.')} "${(best.textContent ?? '').trim().slice(0, 40)}"` : '?';
          });
          wide.push(`${route}: ${width} px (${culprit})`);
        }
        await page.setViewportSize({ width: 1280, height: 900 });
      }
      expect(leaks, `English sentences in the ${locale} UI`).toEqual([]);
      expect(wide, `pages wider than 390 px in ${locale}`).toEqual([]);
    }, 240_000);
  }
  it('no page error along the way', () => {
    expect(h.pageErrors).toEqual([]);
  });
});
