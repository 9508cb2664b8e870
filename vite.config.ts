/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { CSP, SECURITY_HEADERS } from './scripts/csp.ts';

// The same policy is sent as an HTTP header for every response (page, worker chunk, sw.js),
// because a same-origin module worker takes its CSP from its own response, not from the page's
// <meta> (RELIABILITY.md 3.1). public/_headers carries it for static hosts.
// The header policy adds frame-ancestors 'none' (scripts/csp.ts: a <meta> cannot carry it).
const securityHeaders = SECURITY_HEADERS;

// The built index.html carries the policy as <meta> too, for hosts that cannot set headers.
// Not in dev: Vite's dev server injects <style> tags for hot reload.
const cspMeta: Plugin = {
  name: 'keepwise-csp-meta',
  apply: 'build',
  transformIndexHtml: () => [
    { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' },
  ],
};

export default defineConfig({
  plugins: [
    cspMeta,
    svelte(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'icons/*.png', 'sample/*.csv'],
      manifest: {
        name: 'Keepwise — private retention analytics',
        short_name: 'Keepwise',
        description: 'Customer retention analytics that runs entirely in your browser.',
        theme_color: '#1f5f8b',
        background_color: '#ffffff',
        display: 'standalone',
        start_url: '.',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,csv,webmanifest}'],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false },
  preview: { headers: securityHeaders },
  test: {
    expect: { requireAssertions: true },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.e2e.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
