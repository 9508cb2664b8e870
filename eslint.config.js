import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

// Layer rules (STYLE.md section 7): each layer may import only the layers below it.
const layer = (files, patterns, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
  },
});

export default ts.config(
  { ignores: ['dist/', 'dist-cli/', 'dev-dist/', 'node_modules/', '.tmp/', 'bench-results/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'svelte/no-at-html-tags': 'error',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } },
  },
  layer(
    ['src/core/**'],
    ['dexie', 'svelte', 'svelte/*', 'comlink', 'papaparse', 'chart.js', 'chart.js/*', '**/ingest/**', '**/storage/**', '**/worker/**', '**/lib/**', '**/ui/**', 'node:*'],
    'core is pure: no DOM, no Dexie, no PapaParse, no UI, no Node built-ins; it imports only core/',
  ),
  layer(
    ['src/ingest/**'],
    ['dexie', 'svelte', 'svelte/*', 'comlink', 'chart.js', 'chart.js/*', '**/storage/**', '**/worker/**', '**/lib/**', '**/ui/**', 'node:*'],
    'ingest turns CSV bytes into typed columns (core + papaparse); it runs in the worker and in Node, so no Dexie and no UI',
  ),
  layer(
    ['src/storage/**'],
    ['svelte', 'svelte/*', 'comlink', 'chart.js', 'chart.js/*', '**/worker/**', '**/lib/**', '**/ui/**'],
    'storage is Dexie + ingest + core; it runs in the worker, so no UI and no Comlink',
  ),
  layer(
    ['src/worker/**'],
    ['svelte', 'svelte/*', 'chart.js', 'chart.js/*', '**/lib/**', '**/ui/**'],
    'the worker is a thin Comlink shell over core, ingest and storage; no UI',
  ),
  layer(
    ['src/lib/**'],
    ['**/ingest/**'],
    'the page never parses CSV itself: it talks to the worker (import type only) and reads storage',
  ),
  {
    files: ['src/ui/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['dexie', 'comlink', 'papaparse', '**/worker/**', '**/ingest/**'], message: 'ui goes through lib/, never straight to Dexie, Comlink or the worker' }] },
      ],
    },
  },
  {
    files: ['src/ui/**', 'src/lib/**'],
    ignores: ['src/lib/analytics-client.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.type='MemberExpression'][callee.object.name='analytics'][callee.property.name='call']",
          message: 'call the typed wrappers of lib/analytics-client.ts (analytics.retention(...), analytics.inspect(...)), not analytics.call with a raw Comlink function',
        },
      ],
    },
  },
);
