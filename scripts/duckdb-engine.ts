/**
 * `npm run analyze -- FILES --engine duckdb` (issue #13): the retention periods and the cohort
 * matrix computed as SQL in DuckDB (`@duckdb/node-api`, an optional dependency), out of core:
 * DuckDB reads the CSV itself (duckdb-source.ts: read_csv with the dialect and mapping of the
 * app's own inspection), and the figures come from the portable SQL in docs/sql/ run on its
 * `orders` table. DuckDB spills to a temporary folder when the data outgrows its memory limit
 * (DUCKDB_MEMORY, 2 GB; the environment's KEEPWISE_DUCKDB_MEMORY overrides it), so the file size
 * is bounded by the disk, not by Node's heap.
 *
 * The JSON has the core engine's `retention.periods` and `retention.cohorts` shape
 * (retention-json.ts), tested equal to it (tests/unit/cli/duckdb-engine.test.ts); the other
 * sections (survival, churn audit, CLV ...) are the core engine's only. Orders files only: any
 * other kind exits 2 naming --engine core. W, when --window is not given, is read off the
 * repurchase curve as the core does (suggest-window.ts), from the spell counts of
 * docs/sql/repurchase-spells.sql.
 *
 * Parameters reach the SQL in one way: a one-row table `retention_params` (window_days,
 * months_per_period, range_from, range_to) beside the `orders` table (docs/sql/README.md).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { dayToIso, utcMsToDay } from '../src/core/parse/date.ts';
import { periodLabel, type PeriodUnit } from '../src/core/retention/periods.ts';
import { repurchasePoint } from '../src/core/retention/repurchase.ts';
import { DEFAULT_WINDOW, MAX_WINDOW, MIN_WINDOW, WINDOW_PERCENTILE } from '../src/core/retention/suggest-window.ts';
import type { KaplanMeierCurve } from '../src/core/retention/survival-km.ts';
import { decode } from '../src/ingest/decode.ts';
import { normaliseText } from '../src/ingest/normalise-text.ts';
import { statusEffect } from '../src/ingest/steps/rollup.ts';
import type { Inspection } from '../src/ingest/types.ts';
import type { AnalyzeFlags } from './analyze-args.ts';
import { inspectWithFlags, questionsOf } from './analyze-lib.ts';
import { lit, ordersSql, plausibleRangeSql, readCsvSql, typedDates, type LineFacts } from './duckdb-source.ts';
import { readHead } from './parse-in-parts.ts';
import type { CliRetentionCohort, CliRetentionPeriod } from './retention-json.ts';

/** docs/sql/, beside scripts/ and dist-cli/ alike. */
const SQL_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'sql');
const MONTHS: Readonly<Record<PeriodUnit, number>> = { month: 1, quarter: 3, year: 12 };
/** DuckDB's memory limit by default: past it, it works from its temporary files. */
export const DUCKDB_MEMORY = '2GB';

/** The text of one of the docs/sql files. */
export function sqlFile(name: 'order-grid' | 'retention-periods' | 'cohorts' | 'repurchase-spells'): string {
  return readFileSync(join(SQL_DIR, `${name}.sql`), 'utf8');
}

export interface DuckdbFileReport {
  file: string;
  kind: 'orders';
  /** Orders after line items are rolled up (and implausible dates left out). */
  rows: number;
  /** Lines left out with --skip-invalid (a date or amount DuckDB's reading could not parse). */
  skipped: number;
  encoding: string;
  delimiter: string;
  decimal: string;
  dateOrder: string;
  headerLine: number;
  mapping: Record<string, string | null>;
  /** Orders whose date is implausible (left out unless --keep-implausible-dates). */
  implausibleDates: number;
}

export interface DuckdbReport {
  engine: 'duckdb';
  files: DuckdbFileReport[];
  customers: number;
  orders: number;
  revenue: number | null;
  firstDate: string | null;
  lastDate: string | null;
  retention?: {
    period: PeriodUnit;
    window: number;
    source: 'orders';
    suggestedWindow: { window: number; basis: 'repurchase' | 'default'; percentileDays: number | null } | null;
    periods: CliRetentionPeriod[];
    cohorts: CliRetentionCohort[];
  };
}

export interface DuckdbOutcome {
  exitCode: 0 | 1 | 2;
  report?: DuckdbReport;
  messages: string[];
}

/** The header's physical line (1-based; 0: no header) and the lines before the data without one. */
export function headerLineOf(head: Uint8Array, inspection: Inspection): { headerLine: number; linesBefore: number } {
  const d = inspection.dialect;
  const { text, linesDropped } = normaliseText(decode(head, d.encoding));
  if (d.headerRow < 0) return { headerLine: 0, linesBefore: linesDropped };
  const blank = new RegExp(`^[\\s${d.delimiter.replace(/[\]\\^-]/g, '\\$&')}]*$`);
  let nonBlank = -1;
  let at = 0;
  for (let line = 0; at <= text.length; line++) {
    const nl = text.indexOf('\n', at);
    const content = text.slice(at, nl < 0 ? text.length : nl);
    if (!blank.test(content) && ++nonBlank === d.headerRow) return { headerLine: line + 1 + linesDropped, linesBefore: 0 };
    if (nl < 0) break;
    at = nl + 1;
  }
  return { headerLine: 1 + linesDropped, linesBefore: 0 };
}

/** W from the spell counts as suggest-window.ts reads it off the Kaplan-Meier curve (the same products). */
export function windowFromSpells(rows: readonly { duration: number; events: number; spells: number }[]): { window: number; basis: 'repurchase' | 'default'; percentileDays: number | null } {
  let n = 0;
  for (const r of rows) n += r.spells;
  const time: number[] = [];
  const events: number[] = [];
  const survival: number[] = [];
  let s = 1;
  let before = 0;
  for (const r of rows) {
    const atRisk = n - before;
    if (r.events > 0) {
      s *= 1 - r.events / atRisk;
      if (atRisk <= r.events) s = 0;
    }
    time.push(r.duration);
    events.push(r.events);
    survival.push(s);
    before += r.spells;
  }
  const km = { time, events, survival } as unknown as KaplanMeierCurve;
  const p80 = events.some((e) => e > 0) ? repurchasePoint(km, WINDOW_PERCENTILE) : null;
  if (p80 === null) return { window: DEFAULT_WINDOW, basis: 'default', percentileDays: null };
  return { window: Math.min(MAX_WINDOW, Math.max(MIN_WINDOW, Math.ceil(p80))), basis: 'repurchase', percentileDays: p80 };
}

const num = (v: unknown): number => (typeof v === 'bigint' ? Number(v) : (v as number));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : num(v));

async function rows(con: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await con.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
}

/** Header as written -> field key, or null (as the core engine's FileReport.mapping). */
function mappingOf(inspection: Inspection): Record<string, string | null> {
  const out = Object.create(null) as Record<string, string | null>;
  inspection.headers.forEach((h, i) => {
    let key = h;
    for (let k = 2; Object.hasOwn(out, key); k++) key = `${h} (${k})`;
    out[key] = inspection.mapping[i] ?? null;
  });
  return out;
}

/** Reads, checks and analyses the files with DuckDB (see the module doc for what it covers). */
export async function analyzeWithDuckdb(paths: readonly string[], flags: AnalyzeFlags = {}): Promise<DuckdbOutcome> {
  const messages: string[] = [];
  let exitCode: 0 | 1 | 2 = 0;
  const fail = (code: 1 | 2) => {
    exitCode = Math.max(exitCode, code) as 1 | 2;
  };
  const inputs: { path: string; inspection: Inspection; headerLine: number; linesBefore: number }[] = [];
  for (const path of paths) {
    let head;
    try {
      head = await readHead(path);
    } catch (e) {
      messages.push(`${path}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
      fail(1);
      continue;
    }
    let inspection: Inspection;
    try {
      inspection = await inspectWithFlags(head.bytes, path, flags);
    } catch (e) {
      messages.push(`${path}: ${(e as Error).message}`);
      fail(2);
      continue;
    }
    if (inspection.fatal) {
      messages.push(`${path}: ${inspection.fatal.message}`);
      fail(1);
      continue;
    }
    const questions = questionsOf(path, inspection, flags);
    if (questions.length > 0) {
      messages.push(...questions);
      fail(2);
      continue;
    }
    if (inspection.kind !== 'orders') {
      messages.push(`${path}: ${inspection.kind} files are not supported by the duckdb engine yet (it computes retention from orders); leave the file out or use --engine core`);
      fail(2);
      continue;
    }
    if (inspection.dialect.encoding !== 'utf-8') {
      messages.push(`${path}: the duckdb engine reads UTF-8 files and this one is ${inspection.dialect.encoding}; convert it (iconv -f ${inspection.dialect.encoding} -t utf-8) or use --engine core`);
      fail(2);
      continue;
    }
    if (flags.withoutCustomers || !inspection.mapping.includes('customer_id')) {
      messages.push(`${path}: the duckdb engine needs a customer column (retention); use --engine core for orders and revenue only`);
      fail(2);
      continue;
    }
    inputs.push({ path, inspection, ...headerLineOf(head.bytes, inspection) });
  }
  if (inputs.length > 1 && inputs.some((f) => !f.inspection.mapping.includes('order_id'))) {
    const without = inputs.find((f) => !f.inspection.mapping.includes('order_id'))!;
    messages.push(`${without.path}: several orders files are merged by order id (a later file updates an earlier one), and this one has none; analyse it alone or use --engine core`);
    fail(2);
  }
  if (exitCode !== 0) return { exitCode, messages };

  let Instance: typeof DuckDBInstance;
  try {
    ({ DuckDBInstance: Instance } = await import('@duckdb/node-api'));
  } catch (e) {
    return { exitCode: 2, messages: [...messages, `the duckdb engine needs the optional package @duckdb/node-api, which did not load here (${(e as Error).message.split('\n')[0]}); run npm install @duckdb/node-api, or use --engine core`] };
  }
  const spill = mkdtempSync(join(tmpdir(), 'keepwise-duckdb-'));
  // A memory limit makes DuckDB spill to disk rather than grow with the file (KEEPWISE_DUCKDB_MEMORY: e.g. 8GB).
  const instance = await Instance.create(':memory:', { temp_directory: spill, memory_limit: process.env.KEEPWISE_DUCKDB_MEMORY ?? DUCKDB_MEMORY });
  const con = await instance.connect();
  try {
    return await analyzeTables(con, inputs, flags, messages);
  } catch (e) {
    // DuckDB's own refusals (a file it cannot read) are the user's to act on; name them.
    if (!(e instanceof Error) || !/^[A-Za-z ]+ Error:/.test(e.message)) throw e;
    return { exitCode: 1, messages: [...messages, `duckdb: ${e.message.split('\n')[0]} (--engine core reads more kinds of files)`] };
  } finally {
    con.closeSync();
    instance.closeSync();
    rmSync(spill, { recursive: true, force: true });
  }
}

async function analyzeTables(con: DuckDBConnection, inputs: readonly { path: string; inspection: Inspection; headerLine: number; linesBefore: number }[], flags: AnalyzeFlags, messages: string[]): Promise<DuckdbOutcome> {
  const files: DuckdbFileReport[] = [];
  const parts: string[] = [];
  for (const [i, f] of inputs.entries()) {
    const lines = `lines_${i}`;
    // The CSV is read once, into typed lines; each roll-up decision is then one constant. With
    // yyyy-mm-dd dates DuckDB's reader types them; if it rejects any row, read it again as text.
    const typed = typedDates(f.inspection);
    let src = ordersSql(readCsvSql(f.path, f.inspection, { ...f, rejectsTable: `rejects_${i}`, typedDates: typed }), f.inspection, typed);
    await con.run(`CREATE TEMP TABLE ${lines} AS ${src.lines}`);
    let ragged = num((await rows(con, `SELECT COUNT(DISTINCT line) AS n FROM rejects_${i}`))[0].n);
    if (typed && ragged > 0) {
      await con.run(`DROP TABLE ${lines}`);
      src = ordersSql(readCsvSql(f.path, f.inspection, { ...f, rejectsTable: `rejects_${i}_text` }), f.inspection, false);
      await con.run(`CREATE TEMP TABLE ${lines} AS ${src.lines}`);
      ragged = num((await rows(con, `SELECT COUNT(DISTINCT line) AS n FROM rejects_${i}_text`))[0].n);
    }
    const fr = (await rows(con, src.facts(lines)))[0];
    const facts: LineFacts = {
      invalid: num(fr.invalid), undated: num(fr.undated), ownerless: num(fr.ownerless), withId: num(fr.with_id), ids: num(fr.ids), prefixed: num(fr.prefixed), digits: num(fr.digits),
    };
    const undated = facts.undated > 0 ? num((await rows(con, src.undatedOrders(lines)))[0].n) : 0;
    const invalid = facts.invalid + ragged + undated;
    if (invalid > 0 && !flags.skipInvalid) {
      messages.push(`${f.path}: ${invalid === 1 ? '1 row has' : `${invalid} rows have`} a date or amount the duckdb engine cannot read; fix them or pass --skip-invalid to leave them out (--engine core names each line)`);
      return { exitCode: 1, messages };
    }
    if (invalid > 0) messages.push(`${f.path}: skipped ${invalid} invalid ${invalid === 1 ? 'row' : 'rows'}`);
    // Status effects come from the importer's own words (rollup.ts statusEffect), one per distinct value.
    const statuses = src.statuses ? (await rows(con, src.statuses(lines))).map((r) => String(r.status)) : [];
    const effects = statuses.length > 0 ? `SELECT * FROM (VALUES ${statuses.map((s) => `(${lit(s)}, ${lit(statusEffect(s))})`).join(', ')}) AS fx(status, effect)` : undefined;
    const byLine = facts.withId > facts.ids && num((await rows(con, src.lineAmounts(lines, facts)))[0].n) > 0;
    await con.run(`CREATE TEMP TABLE orders_${i} AS ${src.orders(lines, facts, byLine, effects)}`);
    await con.run(`DROP TABLE ${lines}`);
    parts.push(`SELECT ${i} AS file, customer_id, order_id, order_date, amount FROM orders_${i}`);
    files.push({
      file: f.path, kind: 'orders', rows: 0, skipped: invalid, encoding: f.inspection.dialect.encoding, delimiter: f.inspection.dialect.delimiter,
      decimal: f.inspection.dialect.decimal, dateOrder: f.inspection.dialect.dateOrder, headerLine: f.headerLine, mapping: mappingOf(f.inspection), implausibleDates: 0,
    });
  }
  // Later files update earlier ones by order id, as the core engine's merge does: an order id
  // keeps the rows of the last file that has it (two rows when that file gives it two customers).
  await con.run(`CREATE TEMP TABLE orders_merged AS SELECT file, customer_id, order_date, amount FROM (
      SELECT u.*, MAX(file) OVER (PARTITION BY order_id) AS last_file
      FROM (${parts.join(' UNION ALL ')}) u
    ) ranked WHERE order_id IS NULL OR file = last_file`);
  for (let i = 0; i < inputs.length; i++) await con.run(`DROP TABLE orders_${i}`);
  const range = (await rows(con, plausibleRangeSql('orders_merged', dayToIso(utcMsToDay(Date.now())))))[0];
  const lo = range?.lo ?? null;
  const keep = flags.keepImplausibleDates || lo === null;
  const outside = keep ? '' : `WHERE order_date IS NULL OR (order_date >= ${sqlDate(range.lo)} AND order_date <= ${sqlDate(range.hi)})`;
  if (!keep) {
    const counts = await rows(con, `SELECT file, COUNT(*) AS n FROM orders_merged WHERE NOT (order_date >= ${sqlDate(range.lo)} AND order_date <= ${sqlDate(range.hi)}) GROUP BY file`);
    for (const c of counts) files[num(c.file)].implausibleDates = num(c.n);
  }
  await con.run(`CREATE TEMP TABLE orders AS SELECT file, customer_id, order_date, amount FROM orders_merged ${outside}`);
  await con.run('DROP TABLE orders_merged');
  for (const c of await rows(con, 'SELECT file, COUNT(*) AS n FROM orders GROUP BY file')) files[num(c.file)].rows = num(c.n);

  const totals = (await rows(con, `SELECT COUNT(*) AS orders, COUNT(DISTINCT customer_id) AS customers, SUM(amount) AS revenue, COUNT(amount) AS amounts,
      CAST(MIN(order_date) AS VARCHAR) AS first_date, CAST(MAX(order_date) AS VARCHAR) AS last_date FROM orders`))[0];
  const report: DuckdbReport = {
    engine: 'duckdb',
    files,
    customers: num(totals.customers),
    orders: num(totals.orders),
    revenue: num(totals.amounts) > 0 ? Number(num(totals.revenue).toPrecision(15)) : null,
    firstDate: (totals.first_date as string | null) ?? null,
    lastDate: (totals.last_date as string | null) ?? null,
  };
  const unit = flags.period ?? 'month';
  const params = (w: number) =>
    `CREATE OR REPLACE TEMP TABLE retention_params AS SELECT ${w} AS window_days, ${MONTHS[unit]} AS months_per_period, ` +
    `CAST(${flags.from ? lit(flags.from) : 'NULL'} AS DATE) AS range_from, CAST(${flags.to ? lit(flags.to) : 'NULL'} AS DATE) AS range_to`;
  // The views the other files read (order-grid.sql); over this run's temporary tables they are
  // temporary too.
  const setParams = async (w: number) => {
    await con.run(params(w));
    for (const statement of sqlFile('order-grid').split(/;\s*(?:\n|$)/u)) {
      if (statement.replace(/--.*$/gmu, '').trim()) await con.run(statement.replace('CREATE OR REPLACE VIEW', 'CREATE OR REPLACE TEMP VIEW'));
    }
  };
  let suggested: NonNullable<DuckdbReport['retention']>['suggestedWindow'] = null;
  if (flags.window === undefined) {
    await setParams(DEFAULT_WINDOW);
    const spells = await rows(con, sqlFile('repurchase-spells'));
    suggested = windowFromSpells(spells.map((r) => ({ duration: num(r.duration), events: num(r.events), spells: num(r.spells) })));
  }
  const windowDays = flags.window ?? suggested!.window;
  await setParams(windowDays);
  const periodRows = await rows(con, sqlFile('retention-periods'));
  if (periodRows.length > 360) {
    return { exitCode: 2, messages: [...messages, `retention: ${periodRows.length} ${unit}s is more than a report shows (360) (pass --period quarter or year, or --from / --to)`] };
  }
  const periods: CliRetentionPeriod[] = periodRows.map((r) => {
    const crr = numOrNull(r.crr);
    const lost = num(r.lost);
    const churnA = numOrNull(r.churn_a);
    return {
      period: periodLabel(num(r.period_index), unit),
      start: dayToIso(num(r.start_day)),
      end: dayToIso(num(r.end_day)),
      new: num(r.n),
      lost,
      reactivated: num(r.reactivated),
      crr,
      exact: numOrNull(r.exact_retention),
      complete: num(r.complete) === 1,
      S: num(r.s),
      E: num(r.e),
      retained: num(r.retained),
      newLost: num(r.new_lost),
      churnRate: churnA,
      churn: { A: churnA, B: numOrNull(r.churn_b), C: numOrNull(r.churn_c), D: null, E: null },
      revenue: num(r.revenue),
      revenueNew: num(r.revenue_new),
      revenueReturning: num(r.revenue_returning),
    };
  });
  const cells = await rows(con, sqlFile('cohorts'));
  const cohorts: CliRetentionCohort[] = [];
  for (const c of cells) {
    const index = num(c.cohort_index);
    if (num(c.k) === 0) cohorts.push({ cohort: periodLabel(index, unit), size: num(c.size), active: [], activeOrLater: [], revenue: [] });
    const row = cohorts[cohorts.length - 1];
    row.active.push(num(c.active));
    row.activeOrLater.push(num(c.active_or_later));
    row.revenue!.push(num(c.revenue));
  }
  report.retention = { period: unit, window: windowDays, source: 'orders', suggestedWindow: suggested, periods, cohorts };
  return { exitCode: 0, messages, report };
}

/** A DATE literal from what DuckDB returned for one (a JS Date or an ISO string). */
function sqlDate(v: unknown): string {
  const iso = v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);
  return `DATE ${lit(iso)}`;
}

/** The readable (non-JSON) report of the duckdb engine. */
export function formatDuckdbReport(report: DuckdbReport): string {
  const pct = (x: number | null): string => (x === null ? 'n/a' : `${x.toFixed(2)} %`);
  const lines: string[] = [];
  for (const f of report.files) lines.push(`${f.file}: orders, ${f.rows} rows${f.skipped ? `, ${f.skipped} skipped` : ''}${f.implausibleDates ? `, ${f.implausibleDates} with implausible dates left out` : ''} (${f.encoding}, delimiter ${f.delimiter === '\t' ? 'tab' : f.delimiter}, decimal ${f.decimal}, ${f.dateOrder})`);
  lines.push('', `customers: ${report.customers}`, `orders:    ${report.orders}`, `revenue:   ${report.revenue ?? 'n/a (the files have no amounts)'}`, `dates:     ${report.firstDate ?? '-'} .. ${report.lastDate ?? '-'}`);
  const r = report.retention;
  if (r) {
    lines.push('', `retention (orders, ${r.period}s, W = ${r.window} days; engine duckdb):`);
    const table = [['period', 'start', 'end', 'S', 'new', 'lost', 'reactivated', 'E', 'CRR', 'exact', 'churn'], ...r.periods.map((p) => [p.period + (p.complete ? '' : '*'), p.start, p.end, String(p.S), String(p.new), String(p.lost), String(p.reactivated), String(p.E), pct(p.crr), pct(p.exact), pct(p.churnRate)])];
    const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)));
    for (const row of table) lines.push(row.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd());
    if (r.periods.some((p) => !p.complete)) lines.push('* the period ends after the data does');
  }
  return lines.join('\n');
}
