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
import { LOCALES } from '../../src/lib/i18n/messages.ts';
import { englishSentences, leaksIn, overflowCulprit } from './support/english-leaks.ts';
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
        leaks.push(...leaksIn(await page.locator('body').innerText(), sentences, route));
        await page.setViewportSize({ width: 390, height: 800 });
        await page.waitForTimeout(700);
        const wider = await overflowCulprit(page);
        if (wider) wide.push(`${route}: ${wider}`);
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
