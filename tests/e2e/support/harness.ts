/**
 * One browser per test file: fresh profile, behind the logging proxy, with recorders for CSP
 * violations (page listener + CSP console messages from pages and workers), native dialogs
 * and page errors.
 */
import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { inject } from 'vitest';
import { AppPage } from '../pages/app-page.ts';
import { launchChromium, type LaunchedBrowser } from './browser.ts';
import { clearProxyLog, readProxyLog, type ProxyEntry } from './logging-proxy.ts';

export interface Violation {
  readonly directive: string;
  readonly blockedURI: string;
  readonly source: string;
}

export interface Harness {
  readonly baseUrl: string;
  readonly proxyUrl: string;
  readonly noiseHosts: readonly string[];
  readonly context: BrowserContext;
  readonly page: Page;
  readonly app: AppPage;
  readonly violations: Violation[];
  readonly dialogs: string[];
  readonly pageErrors: string[];
  /** Proxy log entries whose host is not in the about:blank baseline. */
  egress(): Promise<ProxyEntry[]>;
  clearEgress(): Promise<void>;
  close(): Promise<void>;
}

declare global {
  interface Window {
    __kwViolation?: (v: Violation) => void;
  }
}

export async function openHarness(): Promise<Harness> {
  const baseUrl = inject('baseUrl');
  const proxyUrl = inject('proxyUrl');
  const noiseHosts = inject('noiseHosts');
  const browser: LaunchedBrowser = await launchChromium({ proxyUrl });
  const { context } = browser;
  const violations: Violation[] = [];
  const dialogs: string[] = [];
  const pageErrors: string[] = [];

  await context.exposeBinding('__kwViolation', (_source, v: Violation) => {
    violations.push(v);
  });
  await context.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (e) => window.__kwViolation?.({ directive: e.effectiveDirective, blockedURI: e.blockedURI, source: 'page' }),
      true,
    );
  });
  const onConsole = (msg: ConsoleMessage): void => {
    const text = msg.text();
    // Workers and the service worker have no document listener; Chromium logs their violations.
    if (/Content Security Policy/i.test(text) && msg.type() === 'error') violations.push({ directive: 'console', blockedURI: text, source: 'console' });
  };
  context.on('console', onConsole);
  const watch = (page: Page): void => {
    page.on('dialog', (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss().catch(() => {});
    });
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.on('worker', (w) => w.on('console', onConsole));
  };
  context.on('page', watch);
  for (const p of context.pages()) watch(p);
  const page = context.pages()[0] ?? (await context.newPage());

  return {
    baseUrl,
    proxyUrl,
    noiseHosts,
    context,
    page,
    app: new AppPage(page, baseUrl),
    violations,
    dialogs,
    pageErrors,
    egress: async () => (await readProxyLog(proxyUrl)).filter((e) => !noiseHosts.includes(e.host)),
    clearEgress: () => clearProxyLog(proxyUrl),
    close: () => browser.close(),
  };
}
