/**
 * The command line as one bundled file: `npm run build:cli` -> dist-cli/analyze.mjs (issue #13:
 * start-up under 300 ms; npx + tsx cost ~0.8 s before any work). An SSR build, so Node built-ins
 * stay imports and the target is Node; every dependency is bundled except the native DuckDB
 * binding (loaded only by `--engine duckdb`). `tsx scripts/analyze.ts` still works for development.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  // No public/ copy, no index.html: this build is the CLI only.
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: 'scripts/analyze.ts',
    outDir: 'dist-cli',
    emptyOutDir: false,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rollupOptions: {
      output: { entryFileNames: 'analyze.mjs', format: 'es', codeSplitting: false },
    },
  },
  ssr: { noExternal: true, external: ['@duckdb/node-api'] },
});
