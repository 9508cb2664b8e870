/**
 * The logic of `npm run analyze -- <files...>`: read CSV exports with the same importer as the
 * app (src/ingest), without IndexedDB, and print what the app would import.
 *
 * Exit codes: 0 = every file read; 1 = a file has invalid rows (without --skip-invalid) or is
 * unreadable; 2 = bad command line, or the importer has a question only a flag can answer
 * (e.g. an ambiguous day/month order: pass --date-order DMY or MDY).
 *
 * All files are examined before giving up, so one run lists every problem; the report is
 * printed only when the exit code is 0.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { DATA_KINDS, type DataKind } from '../src/core/schema/kinds.ts';
import { KahanSums } from '../src/core/stats/kahan-sum.ts';
import { MISSING_CODE, type Table } from '../src/core/table.ts';
import { concatTables } from '../src/core/table-ops.ts';
import { buildOrderIndex } from '../src/core/retention/customer-index.ts';
import type { PeriodUnit } from '../src/core/retention/periods.ts';
import { retentionReport } from '../src/core/retention/report.ts';
import { retentionJson, type CliRetention } from '../src/core/retention/report-json.ts';
import { suggestWindow } from '../src/core/retention/suggest-window.ts';
import { inspectFile, parseFile } from '../src/ingest/index.ts';
import type { DateOrder, DecimalMark, Dialect, EncodingName, Inspection, ParsedFile, Question } from '../src/ingest/types.ts';

export interface AnalyzeFlags {
  kind?: DataKind;
  json?: boolean;
  skipInvalid?: boolean;
  delimiter?: string;
  encoding?: EncodingName;
  dateOrder?: DateOrder;
  decimal?: DecimalMark;
  headerRow?: number;
  /** Retention periods (default month). */
  period?: PeriodUnit;
  /** Activity window W in days (default: the suggested window). */
  window?: number;
  /** Retention source when both orders and subscriptions are given (default subscriptions). */
  source?: 'orders' | 'subscriptions';
}

export interface FileReport {
  file: string;
  kind: DataKind;
  rows: number;
  skipped: number;
  encoding: EncodingName;
  delimiter: string;
  decimal: DecimalMark;
  dateOrder: DateOrder;
  /** Header as written -> field key, or null when the column is ignored. */
  mapping: Record<string, string | null>;
}

export interface AnalyzeReport {
  files: FileReport[];
  /** Distinct customer ids (the customer_id columns) across all files. */
  customers: number;
  /** Order rows after line items are rolled up. */
  orders: number;
  /** Sum of order amounts (compensated; refunds included), rounded to 15 significant digits. */
  revenue: number;
  /** ISO dates (YYYY-MM-DD) of the earliest and latest main date across files, or null. */
  firstDate: string | null;
  lastDate: string | null;
  /**
   * Retention figures (issue 3, item 7) when an orders or subscriptions file was given: see
   * src/core/retention/report-json.ts and README.md "Command line".
   */
  retention?: CliRetention;
}

export interface AnalyzeOutcome {
  exitCode: 0 | 1 | 2;
  report?: AnalyzeReport;
  /** Lines for stderr: errors, questions, and (with --skip-invalid) the skipped rows. */
  messages: string[];
}

const ENCODINGS: readonly EncodingName[] = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1250', 'windows-1251', 'windows-1252'];
const DATE_ORDERS: readonly DateOrder[] = ['YMD', 'DMY', 'MDY'];
const DECIMALS: readonly DecimalMark[] = ['.', ','];
const PERIODS: readonly PeriodUnit[] = ['month', 'quarter', 'year'];
const SOURCES: readonly ('orders' | 'subscriptions')[] = ['orders', 'subscriptions'];

export const USAGE = `Usage: npm run analyze -- <files...> [options]

Options:
  --kind <kind>           orders, customers, subscriptions, churn, feedback or referrals (default: guessed)
  --json                  print a JSON report instead of a table
  --skip-invalid          skip rows with errors (they are counted and listed) instead of failing
  --delimiter <char>      field delimiter: ',' ';' '|' or 'tab'
  --encoding <name>       ${ENCODINGS.join(', ')}
  --date-order <order>    YMD, DMY or MDY
  --decimal <mark>        '.' or ','
  --header-row <n>        0-based index of the header among the non-empty lines
  --period <unit>         retention periods: month, quarter or year (default month)
  --window <days>         activity window W in days for orders (default: suggested from the data)
  --source <kind>         retention from orders or subscriptions when both are given (default subscriptions)
  --help                  show this text`;

/** Thrown for a bad command line (exit code 2). */
export class UsageError extends Error {}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  const v = name === 'date-order' ? value.toUpperCase() : value.toLowerCase();
  if (!(allowed as readonly string[]).includes(v)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got '${value}')`);
  return v as T;
}

/**
 * Reads the command line (process.argv.slice(2)).
 *
 * @throws UsageError for unknown options, bad values, or no files.
 */
export function parseCommandLine(argv: readonly string[]): { paths: string[]; flags: AnalyzeFlags; help: boolean } {
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        kind: { type: 'string' },
        json: { type: 'boolean' },
        'skip-invalid': { type: 'boolean' },
        delimiter: { type: 'string' },
        encoding: { type: 'string' },
        'date-order': { type: 'string' },
        decimal: { type: 'string' },
        'header-row': { type: 'string' },
        period: { type: 'string' },
        window: { type: 'string' },
        source: { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  if (values.help) return { paths: positionals, flags: {}, help: true };
  const flags: AnalyzeFlags = {};
  const kind = oneOf('kind', values.kind, DATA_KINDS);
  if (kind) flags.kind = kind;
  if (values.json) flags.json = true;
  if (values['skip-invalid']) flags.skipInvalid = true;
  if (values.delimiter !== undefined) {
    const d = values.delimiter;
    const delimiter = d === 'tab' || d === '\\t' ? '\t' : d;
    if ([...delimiter].length !== 1 || /["\r\n]/.test(delimiter)) throw new UsageError(`--delimiter must be one character or 'tab' (got '${d}')`);
    flags.delimiter = delimiter;
  }
  const encoding = oneOf('encoding', values.encoding, ENCODINGS);
  if (encoding) flags.encoding = encoding;
  const dateOrder = oneOf('date-order', values['date-order'], DATE_ORDERS);
  if (dateOrder) flags.dateOrder = dateOrder;
  const decimal = oneOf('decimal', values.decimal, DECIMALS);
  if (decimal) flags.decimal = decimal;
  if (values['header-row'] !== undefined) {
    const n = Number(values['header-row']);
    if (!Number.isInteger(n) || n < 0) throw new UsageError(`--header-row must be a whole number >= 0 (got '${values['header-row']}')`);
    flags.headerRow = n;
  }
  const period = oneOf('period', values.period, PERIODS);
  if (period) flags.period = period;
  if (values.window !== undefined) {
    const n = Number(values.window);
    if (!/^\d+$/.test(values.window) || !Number.isInteger(n) || n < 1) throw new UsageError(`--window must be a whole number of days >= 1 (got '${values.window}')`);
    flags.window = n;
  }
  const source = oneOf('source', values.source, SOURCES);
  if (source) flags.source = source;
  if (positionals.length === 0) throw new UsageError('no files given');
  return { paths: positionals, flags, help: false };
}

/** The flag that answers each kind of question (undefined: no flag can, the file must change). */
const QUESTION_FLAG: Readonly<Record<Question['topic'], keyof AnalyzeFlags | undefined>> = {
  encoding: 'encoding',
  dateOrder: 'dateOrder',
  headerRow: 'headerRow',
  decimal: 'decimal',
  delimiter: 'delimiter',
  excelSerialDates: undefined,
};
const FLAG_NAME: Partial<Record<keyof AnalyzeFlags, string>> = {
  encoding: '--encoding',
  dateOrder: '--date-order',
  headerRow: '--header-row',
  decimal: '--decimal',
  delimiter: '--delimiter',
};

function overridesOf(flags: AnalyzeFlags): (Partial<Dialect> & { kind?: DataKind }) | undefined {
  const o: Partial<Dialect> & { kind?: DataKind } = {};
  if (flags.kind) o.kind = flags.kind;
  if (flags.delimiter !== undefined) o.delimiter = flags.delimiter;
  if (flags.encoding) o.encoding = flags.encoding;
  if (flags.dateOrder) o.dateOrder = flags.dateOrder;
  if (flags.decimal) o.decimal = flags.decimal;
  if (flags.headerRow !== undefined) o.headerRow = flags.headerRow;
  return Object.keys(o).length > 0 ? o : undefined;
}

/** Questions the flags do not answer, as one stderr line each ("... pass --date-order DMY or MDY"). */
function unanswered(file: string, inspection: Inspection, flags: AnalyzeFlags): string[] {
  const out: string[] = [];
  for (const q of inspection.questions) {
    const flag = QUESTION_FLAG[q.topic];
    if (flag && flags[flag] !== undefined) continue;
    // "confirm-..." questions ask the UI user to confirm a confident detection; the CLI goes ahead.
    if (q.code.startsWith('confirm-')) continue;
    const hint = flag ? `pass ${FLAG_NAME[flag]} ${q.options.join(' or ')}` : 'fix the file and try again';
    out.push(`${file}: ${q.message} (${hint})`);
  }
  return out;
}

/** Header -> field, on a null-prototype object (headers like "__proto__" stay plain keys); repeated headers get " (2)". */
function mappingObject(headers: readonly string[], mapping: readonly (string | null)[]): Record<string, string | null> {
  const out = Object.create(null) as Record<string, string | null>;
  headers.forEach((h, i) => {
    let key = h;
    for (let n = 2; Object.hasOwn(out, key); n++) key = `${h} (${n})`;
    out[key] = mapping[i] ?? null;
  });
  return out;
}

/** Calendar day (days since 1970-01-01) as YYYY-MM-DD. */
export function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

function addCustomers(table: Table, into: Set<string>): void {
  const c = table.columns.customer_id;
  if (c?.type !== 'dict') return;
  for (let i = 0; i < table.length; i++) if (c.codes[i] !== MISSING_CODE) into.add(c.dict[c.codes[i]]);
}

/** Reads, inspects and parses each file, and sums them up (see the file comment for exit codes). */
export async function analyzeFiles(paths: readonly string[], flags: AnalyzeFlags = {}): Promise<AnalyzeOutcome> {
  const messages: string[] = [];
  let exitCode: 0 | 1 | 2 = 0;
  const fail = (code: 1 | 2) => {
    exitCode = Math.max(exitCode, code) as 1 | 2;
  };
  const files: FileReport[] = [];
  const parsedFiles: ParsedFile[] = [];
  for (const path of paths) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(path));
    } catch (e) {
      messages.push(`${path}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
      fail(1);
      continue;
    }
    const inspection = await inspectFile(bytes, basename(path), overridesOf(flags));
    if (inspection.fatal) {
      messages.push(`${path}: ${inspection.fatal.message}`);
      fail(1);
      continue;
    }
    const questions = unanswered(path, inspection, flags);
    if (questions.length > 0) {
      messages.push(...questions);
      fail(2);
      continue;
    }
    const parsed = await parseFile(bytes, {
      dialect: inspection.dialect,
      kind: inspection.kind,
      mapping: inspection.mapping,
      maxListedErrors: Number.MAX_SAFE_INTEGER,
    });
    if (parsed.fatal) {
      messages.push(`${path}: ${parsed.fatal.message}`);
      fail(1);
      continue;
    }
    for (const issue of parsed.errors) messages.push(`${path}: ${issue.message}`);
    if (parsed.errorCount > 0) {
      if (!flags.skipInvalid) {
        const rows = parsed.invalidRecords === 1 ? '1 row has' : `${parsed.invalidRecords} rows have`;
        messages.push(`${path}: ${rows} errors; fix them or pass --skip-invalid to leave them out`);
        fail(1);
        continue;
      }
      messages.push(`${path}: skipped ${parsed.invalidRecords} invalid ${parsed.invalidRecords === 1 ? 'row' : 'rows'}`);
    }
    const d = inspection.dialect;
    files.push({
      file: path,
      kind: parsed.kind,
      rows: parsed.table.length,
      skipped: parsed.invalidRecords,
      encoding: d.encoding,
      delimiter: d.delimiter,
      decimal: d.decimal,
      dateOrder: d.dateOrder,
      mapping: mappingObject(inspection.headers, inspection.mapping),
    });
    parsedFiles.push(parsed);
  }
  if (exitCode !== 0) return { exitCode, messages };

  const ids = new Set<string>();
  let orders = 0;
  const amounts = new KahanSums(1);
  let first: number | null = null;
  let last: number | null = null;
  for (const p of parsedFiles) {
    addCustomers(p.table, ids);
    if (p.kind === 'orders') {
      orders += p.table.length;
      const a = p.table.columns.amount;
      if (a?.type === 'num') for (let i = 0; i < p.table.length; i++) amounts.add(0, a.data[i]);
    }
    if (p.firstDay !== null && (first === null || p.firstDay < first)) first = p.firstDay;
    if (p.lastDay !== null && (last === null || p.lastDay > last)) last = p.lastDay;
  }
  const revenue = Number(amounts.value(0).toPrecision(15));
  const report: AnalyzeReport = {
    files,
    customers: ids.size,
    orders,
    revenue,
    firstDate: first === null ? null : isoDay(first),
    lastDate: last === null ? null : isoDay(last),
  };
  const retention = retentionOf(parsedFiles, flags);
  if (retention) report.retention = retention;
  return { exitCode: 0, messages, report };
}

/** All rows of one kind across files, as one table (undefined when no file has that kind). */
function tableOf(parsed: readonly ParsedFile[], kind: DataKind): Table | undefined {
  const list = parsed.filter((p) => p.kind === kind).map((p) => p.table);
  return list.length === 0 ? undefined : list.length === 1 ? list[0] : concatTables(list);
}

/**
 * The retention figures of the files, computed by the same core function as the dashboard
 * (retentionReport), or undefined when no orders or subscriptions were given.
 */
function retentionOf(parsed: readonly ParsedFile[], flags: AnalyzeFlags): CliRetention | undefined {
  const orders = tableOf(parsed, 'orders');
  const subscriptions = tableOf(parsed, 'subscriptions');
  const source = flags.source ?? (subscriptions && subscriptions.length > 0 ? 'subscriptions' : 'orders');
  if (source === 'orders' ? !orders : !subscriptions) return undefined;
  const windowDays = flags.window ?? (source === 'orders' ? suggestWindow(buildOrderIndex(orders!)).window : 90);
  const report = retentionReport(
    { orders, subscriptions, customers: tableOf(parsed, 'customers'), churn: tableOf(parsed, 'churn') },
    { period: flags.period ?? 'month', windowDays, source },
  );
  return retentionJson(report);
}

const pct = (x: number | null): string => (x === null ? 'n/a' : `${x.toFixed(2)} %`);

const shownDelimiter = (d: string): string => (d === '\t' ? 'tab' : d);

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => [...r[c]].length)));
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd()).join('\n');
}

/** The readable (non-JSON) report. */
export function formatReport(report: AnalyzeReport): string {
  const head = ['file', 'kind', 'rows', 'skipped', 'encoding', 'delimiter', 'decimal', 'date order'];
  const body = report.files.map((f) => [f.file, f.kind, String(f.rows), String(f.skipped), f.encoding, shownDelimiter(f.delimiter), f.decimal, f.dateOrder]);
  const lines = [table([head, ...body]), ''];
  for (const f of report.files) {
    lines.push(`${f.file} columns:`);
    for (const [h, field] of Object.entries(f.mapping)) lines.push(`  ${h} -> ${field ?? '(ignored)'}`);
  }
  lines.push(
    '',
    `customers: ${report.customers}`,
    `orders:    ${report.orders}`,
    `revenue:   ${report.revenue}`,
    `dates:     ${report.firstDate ?? '-'} .. ${report.lastDate ?? '-'}`,
  );
  const r = report.retention;
  if (r) {
    lines.push('', `retention (${r.source}, ${r.period}s${r.window === null ? '' : `, W = ${r.window} days`}):`);
    const head = ['period', 'start', 'end', 'S', 'new', 'lost', 'reactivated', 'E', 'CRR', 'exact', 'churn'];
    const body = r.periods.map((p) => [p.period + (p.complete ? '' : '*'), p.start, p.end, String(p.S), String(p.new), String(p.lost), String(p.reactivated), String(p.E), pct(p.crr), pct(p.exact), pct(p.churnRate)]);
    lines.push(table([head, ...body]));
    if (r.periods.some((p) => !p.complete)) lines.push('* the period ends after the data does');
    const k = r.kpis;
    lines.push(
      '',
      `customers now (${k.asOf}): ${k.customersNow}`,
      `last complete period:  ${k.period ?? '-'} (CRR ${pct(k.crr)}, exact ${pct(k.exact)}, churn ${pct(k.churnRate)})`,
      `median lifetime:       ${k.medianLifetimeDays === null ? 'not reached' : `${k.medianLifetimeDays} days`}`,
    );
    if (k.nrr !== null || k.grr !== null) lines.push(`NRR / GRR:             ${pct(k.nrr)} / ${pct(k.grr)}`);
  }
  return lines.join('\n');
}
