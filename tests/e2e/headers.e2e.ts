/**
 * Framing (issue #9 item 6): no site may frame the app. The production headers carry
 * `frame-ancestors 'none'` (and X-Frame-Options: DENY) on every response; Chromium then refuses
 * to render the app inside a frame of another page. Served by the same production-like server
 * the other browser tests use (tests/e2e/support/static-server.ts, headers from scripts/csp.ts,
 * which vite preview and public/_headers share).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from './support/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('production headers', () => {
  it('every response says frame-ancestors none (page, script chunk, service worker)', async () => {
    const page = await fetch(h.baseUrl);
    const html = await page.text();
    const script = /src="([^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    for (const res of [page, await fetch(new URL(script!, h.baseUrl)), await fetch(new URL('/sw.js', h.baseUrl))]) {
      expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('Chromium refuses to show the app inside another page`s frame', async () => {
    const p = await h.context.newPage();
    await p.setContent(`<iframe id="f" src="${h.baseUrl}" width="400" height="300"></iframe>`);
    await p.waitForTimeout(1500);
    const frame = p.frames().find((f) => f !== p.mainFrame());
    expect(frame).toBeDefined();
    // A blocked frame shows Chromium's error page, never the app.
    const appInside = await frame!.evaluate(() => document.querySelector('#app') !== null).catch(() => false);
    expect(appInside).toBe(false);
    await p.close();
  });
});
