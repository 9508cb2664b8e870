/**
 * Launches Debian's Chromium through playwright-core (no browser download), with a fresh
 * temporary profile, optionally behind the logging proxy. Loopback (the app server) bypasses
 * the proxy; everything else goes through it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = Object.freeze([
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]);

export interface LaunchedBrowser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** http://127.0.0.1:<port> of the logging proxy. */
  readonly proxyUrl?: string;
  readonly extraArgs?: readonly string[];
}

export async function launchChromium(options: LaunchOptions = {}): Promise<LaunchedBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'keepwise-chromium-'));
  // Chromium asks Google's autofill server about every page with form fields
  // (content-autofill.googleapis.com): browser traffic the app cannot cause or prevent, absent
  // from an about:blank baseline. Turning autofill off in the profile keeps the egress log
  // about the app; every other host still counts.
  mkdirSync(join(userDataDir, 'Default'), { recursive: true });
  writeFileSync(
    join(userDataDir, 'Default', 'Preferences'),
    JSON.stringify({ autofill: { enabled: false, profile_enabled: false, credit_card_enabled: false }, credentials_enable_service: false }),
  );
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...(options.extraArgs ?? [])],
    // Naming loopback in the bypass list keeps Playwright from adding `<-loopback>`
    // (which would send the app itself through the proxy); all other hosts hit the proxy.
    proxy: options.proxyUrl ? { server: options.proxyUrl, bypass: '127.0.0.1,localhost,[::1]' } : undefined,
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
    timezoneId: 'Europe/Ljubljana',
    acceptDownloads: true,
  });
  return {
    context,
    close: async () => {
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
