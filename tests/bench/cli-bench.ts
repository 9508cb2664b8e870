/**
 * `npm run bench:cli` (issue #13): the command line on big orders files, whole process, both
 * engines. Builds the bundle (dist-cli/analyze.mjs), writes the benchmark's orders files
 * (orders-csv.ts; cached in the bench folder), checks on the 1M file that the core engine and
 * `--engine duckdb` give equal retention periods and cohorts, then times each run with
 * /usr/bin/time -v (wall time and maximum resident set size of the whole process).
 *
 * Both engines run with `--json --only retention` (the figures the duckdb engine computes; the
 * core's full report adds the churn audit, CLV and the rest). The 50M file runs only when
 * `--sizes` includes it (both engines: since the order ids are not kept, the core holds it in
 * about 3.5 GB).
 *
 *   npm run bench:cli [-- --sizes 1m,5m,10m,50m] [--dir /tmp/keepwise-cli-bench] [--write-docs]
 *
 * --write-docs replaces the "## Command line" section of docs/benchmarks.md (only that section).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeOrdersCsv } from './orders-csv.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const BUNDLE = join(ROOT, 'dist-cli', 'analyze.mjs');
const TIME = '/usr/bin/time';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1m,5m,10m,50m' },
    dir: { type: 'string', default: join(tmpdir(), 'keepwise-cli-bench') },
    'write-docs': { type: 'boolean', default: false },
    runs: { type: 'string', default: '1' },
  },
});
const sizes = values.sizes.split(',').map((s) => {
  const m = /^(\d+)([km]?)$/i.exec(s.trim());
  if (!m) throw new Error(`--sizes: '${s}' is not a row count like 1m or 500k`);
  return Number(m[1]) * (m[2].toLowerCase() === 'm' ? 1e6 : m[2].toLowerCase() === 'k' ? 1e3 : 1);
});
const runs = Math.max(1, Number(values.runs));
const label = (rows: number) => (rows >= 1e6 ? `${rows / 1e6}M` : `${rows / 1e3}k`);

interface Run {
  seconds: number;
  rssMb: number | null;
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** One whole-process run of the bundled CLI. */
function run(args: string[]): Run {
  const timed = existsSync(TIME);
  const t0 = process.hrtime.bigint();
  const r = spawnSync(timed ? TIME : process.execPath, timed ? ['-v', process.execPath, BUNDLE, ...args] : [BUNDLE, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30, encoding: 'utf8',
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? '');
  return { seconds, rssMb: rss ? Number(rss[1]) / 1024 : null, exitCode: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Milliseconds of a short run, median of `n`. */
function startup(args: string[], n = 9): number {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    execFileSync(process.execPath, [BUNDLE, ...args], { stdio: 'ignore' });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(times);
}

/** The orders file of `rows` rows in the bench folder (written once, reused while its size matches). */
function ordersFile(rows: number): string {
  const path = join(values.dir, `orders-${label(rows)}.csv`);
  const meta = `${path}.bytes`;
  if (existsSync(path) && existsSync(meta) && Number(readFileSync(meta, 'utf8')) === statSync(path).size) return path;
  const t0 = Date.now();
  const bytes = writeOrdersCsv(path, rows);
  writeFileSync(meta, String(bytes));
  console.log(`wrote ${path} (${(bytes / 1e6).toFixed(0)} MB) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return path;
}

type Retention = { periods: Record<string, unknown>[]; cohorts: { cohort: string; size: number; active: number[]; activeOrLater: number[] }[] };

/** Equal counts and rates; money to 1e-9 relative. Returns the first difference, or null. */
function difference(a: Retention, b: Retention): string | null {
  if (a.periods.length !== b.periods.length) return `periods: ${a.periods.length} vs ${b.periods.length}`;
  for (let i = 0; i < a.periods.length; i++) {
    for (const [k, v] of Object.entries(a.periods[i])) {
      const w = b.periods[i][k];
      if (typeof v === 'number' && typeof w === 'number' && k.startsWith('revenue')) {
        if (Math.abs(v - w) > 1e-9 * Math.max(1, Math.abs(v))) return `${String(a.periods[i].period)} ${k}: ${v} vs ${w}`;
      } else if (JSON.stringify(v) !== JSON.stringify(w)) return `${String(a.periods[i].period)} ${k}: ${JSON.stringify(v)} vs ${JSON.stringify(w)}`;
    }
  }
  const cells = (r: Retention) => JSON.stringify(r.cohorts.map((c) => [c.cohort, c.size, c.active, c.activeOrLater]));
  return cells(a) === cells(b) ? null : 'cohort cells differ';
}

function main(): void {
  mkdirSync(values.dir, { recursive: true });
  console.log('building dist-cli/analyze.mjs ...');
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '-c', 'vite.cli.config.ts'], { cwd: ROOT, stdio: 'inherit' });
  const tiny = join(ROOT, 'tests', 'unit', 'cli', 'fixtures', 'orders-retention.csv');
  const help = startup(['--help']);
  const small = startup([tiny, '--json']);
  console.log(`start-up: --help ${help.toFixed(0)} ms, a 12-row file ${small.toFixed(0)} ms`);

  const rows: string[][] = [];
  let checked = 'not checked (no 1M file in --sizes)';
  for (const n of sizes) {
    const path = ordersFile(n);
    const mb = statSync(path).size / 1e6;
    const engines: ('core' | 'duckdb')[] = ['core', 'duckdb'];
    const results: Partial<Record<'core' | 'duckdb', Run & { retention?: Retention }>> = {};
    for (const engine of engines) {
      const args = [path, '--json', '--only', 'retention', ...(engine === 'duckdb' ? ['--engine', 'duckdb'] : [])];
      const all: Run[] = [];
      for (let i = 0; i < runs; i++) all.push(run(args));
      const best = all.sort((a, b) => a.seconds - b.seconds)[Math.floor(all.length / 2)];
      if (best.exitCode !== 0) {
        console.log(`${label(n)} ${engine}: exit ${best.exitCode}\n${best.stderr.split('\n').slice(-8).join('\n')}`);
        rows.push([label(n), mb.toFixed(0), engine, 'failed', '', `exit ${best.exitCode}`]);
        continue;
      }
      const report = JSON.parse(best.stdout) as { retention: Retention };
      results[engine] = { ...best, retention: report.retention };
      console.log(`${label(n)} ${engine}: ${best.seconds.toFixed(1)} s, ${best.rssMb === null ? 'n/a' : best.rssMb.toFixed(0)} MB max RSS`);
    }
    if (n === 1e6 && results.core?.retention && results.duckdb?.retention) {
      const diff = difference(results.core.retention, results.duckdb.retention);
      if (diff) throw new Error(`the engines disagree on the 1M file: ${diff}`);
      checked = `equal on the 1M file: ${results.core.retention.periods.length} periods and ${results.core.retention.cohorts.length} cohorts, every count, rate and cohort cell`;
    }
    const ratio = results.core && results.duckdb ? `${(results.core.seconds / results.duckdb.seconds).toFixed(1)}x` : '';
    for (const engine of engines) {
      const r = results[engine];
      if (!r) continue;
      rows.push([label(n), mb.toFixed(0), engine, r.seconds.toFixed(1), r.rssMb === null ? 'n/a' : r.rssMb.toFixed(0), engine === 'core' ? ratio : '']);
    }
  }
  const date = new Date().toISOString().slice(0, 10);
  const md = [
    '## Command line',
    '',
    `\`npm run bench:cli\` (tests/bench/cli-bench.ts), ${date}, Node ${process.version}, the bundled CLI (dist-cli/analyze.mjs), whole process timed with /usr/bin/time -v on this 2-core machine (shared: read the ratios). Synthetic orders as in PERF.md (tests/bench/orders-csv.ts: ~100k customers, 2023-2025). Both engines run \`--json --only retention\`: periods, cohorts and the suggested window.`,
    '',
    `Start-up (median of 9): \`--help\` ${help.toFixed(0)} ms, a 12-row file ${small.toFixed(0)} ms (target < 300 ms; through tsx it was ~800 ms). \`npm run analyze\` adds npm's own start (~0.2 s).`,
    '',
    `Engines checked before timing: ${checked}.`,
    '',
    '| rows | file (MB) | engine | time (s) | max RSS (MB) | core / duckdb |',
    '|---:|---:|---|---:|---:|---:|',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
  ].join('\n');
  console.log(`\n${md}`);
  if (values['write-docs']) {
    const docs = join(ROOT, 'docs', 'benchmarks.md');
    const text = readFileSync(docs, 'utf8');
    const at = text.indexOf('\n## Command line\n');
    let next = at < 0 ? -1 : text.indexOf('\n## ', at + 1);
    if (next < 0) next = text.length;
    const out = at < 0 ? `${text.trimEnd()}\n\n${md}` : `${text.slice(0, at + 1)}${md}${text.slice(next).replace(/^\n+/, '\n')}`;
    writeFileSync(docs, out.endsWith('\n') ? out : `${out}\n`);
    console.log('wrote the "Command line" section of docs/benchmarks.md');
  }
}

main();
