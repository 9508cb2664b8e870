/**
 * Vitest global setup for the browser tests: serves dist/ (built by `npm run test:e2e`) with the
 * production headers, starts the logging proxy, and records Chromium's own background
 * connections from an about:blank run (the noise the egress test subtracts, host by host).
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { launchChromium } from './support/browser.ts';
import { startLoggingProxy } from './support/logging-proxy.ts';
import { startStaticServer } from './support/static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The app, e.g. http://127.0.0.1:41234/ */
    baseUrl: string;
    /** The logging proxy, e.g. http://127.0.0.1:41235 */
    proxyUrl: string;
    /** Hosts Chromium contacted on its own during an about:blank run. */
    noiseHosts: string[];
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dist = resolve('dist');
  if (!existsSync(resolve(dist, 'index.html'))) throw new Error('dist/index.html is missing: run `npm run test:e2e` (it builds first) or `vite build`');
  // Serve a snapshot: a `vite build` running meanwhile (another terminal) must not swap the
  // files under a service worker that is precaching them.
  const snapshot = mkdtempSync(join(tmpdir(), 'keepwise-dist-'));
  cpSync(dist, snapshot, { recursive: true });
  const server = await startStaticServer({ root: snapshot });
  const proxy = await startLoggingProxy();

  const browser = await launchChromium({ proxyUrl: proxy.url });
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto('about:blank');
  await page.waitForTimeout(3000);
  await browser.close();
  const noiseHosts = [...new Set(proxy.entries.map((e) => e.host))].sort();
  proxy.clear();

  project.provide('baseUrl', server.url);
  project.provide('proxyUrl', proxy.url);
  project.provide('noiseHosts', noiseHosts);
  return async () => {
    await proxy.close();
    await server.close();
    rmSync(snapshot, { recursive: true, force: true });
  };
}
