/**
 * `npm run analyze`: runs the bundled command line (dist-cli/analyze.mjs, `npm run build:cli`),
 * building it first when it is missing or older than a source it is built from (scripts/,
 * src/core/, src/ingest/, the build config). Plain JavaScript so that Node runs it without tsx:
 * the start-up of the CLI is the bundle's (issue #13: under 300 ms; tsx cost ~0.8 s).
 *
 * The build writes to a folder of its own and renames the file into place, so two runs that
 * rebuild at once never import a half-written bundle. Build output goes to stderr: stdout stays
 * the report (`--json` pipes). For development, `npx tsx scripts/analyze.ts` runs the sources.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist-cli', 'analyze.mjs');
const SOURCES = ['scripts', 'src/core', 'src/ingest', 'vite.cli.config.ts', 'package-lock.json'];

/** Newest modification time (ms) under `path` (a file or a folder, recursively); 0 when missing. */
function newest(path) {
  let st;
  try {
    st = statSync(path);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let t = st.mtimeMs;
  for (const e of readdirSync(path)) t = Math.max(t, newest(join(path, e)));
  return t;
}

function built() {
  try {
    return statSync(bundle).mtimeMs;
  } catch {
    return 0;
  }
}

const at = built();
if (at === 0 || SOURCES.some((s) => newest(join(root, s)) > at)) {
  const tmp = join(root, 'dist-cli', `.build-${process.pid}`);
  mkdirSync(tmp, { recursive: true });
  process.stderr.write('analyze: building dist-cli/analyze.mjs (the sources changed) ...\n');
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '-c', 'vite.cli.config.ts', '--outDir', tmp, '--emptyOutDir'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (r.status !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    process.stderr.write('analyze: the build failed; `npx tsx scripts/analyze.ts` runs the sources directly\n');
    process.exit(1);
  }
  renameSync(join(tmp, 'analyze.mjs'), bundle);
  rmSync(tmp, { recursive: true, force: true });
}
await import(pathToFileURL(bundle).href);
