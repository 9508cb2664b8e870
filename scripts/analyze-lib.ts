/**
 * The logic of `npm run analyze -- <files...>`: read CSV exports with the same importer as the
 * app (src/ingest: the same inspection, mapping, roll-up and plausibility report), without
 * IndexedDB, and print what the app would import.
 *
 * Exit codes: 0 = every file read; 1 = a file has invalid rows (without --skip-invalid) or is
 * unreadable; 2 = bad command line, or the importer has a question only a flag can answer
 * (an ambiguous day/month order: pass --date-order DMY or MDY; no customer column: pass
 * --map COLUMN=customer_id or --without-customers).
 *
 * All files are examined before giving up, so one run lists every problem; the report is
 * printed only when the exit code is 0.
 */
import { basename } from 'node:path';
import { KeepwiseError } from '../src/core/errors.ts';
import { dayToIso, isoToDay } from '../src/core/parse/date.ts';
import { ATTRIBUTE_PREFIX, fieldOf, type DataKind } from '../src/core/schema/kinds.ts';
import { KahanSums } from '../src/core/stats/kahan-sum.ts';
import { MISSING_CODE, type Table } from '../src/core/table.ts';
import { concatTables } from '../src/core/table-ops.ts';
import { buildOrderIndex } from '../src/core/retention/customer-index.ts';
import { retentionReport } from '../src/core/retention/report.ts';
import { retentionJson, type CliRetention } from './retention-json.ts';
import { suggestWindow } from '../src/core/retention/suggest-window.ts';
import { inspectFile, parseFile, plausibilityOf, type PlausibilityReport } from '../src/ingest/index.ts';
import type { DateOrder, DecimalMark, Dialect, EncodingName, Inspection, ParsedFile, Question } from '../src/ingest/types.ts';
import type { InspectOverrides } from '../src/ingest/inspect.ts';
import type { AnalyzeFlags } from './analyze-args.ts';
import { mergeFiles } from './merge-files.ts';
import { parseInParts, readHead } from './parse-in-parts.ts';
import { PART_LIMITS, WHOLE_LIMITS, type PartLimits } from './file-parts.ts';
import { churnAudit } from '../src/core/churn/audit.ts';
import { churnSourceOf } from '../src/core/churn/churn-status.ts';
import { buildCustomerTable } from '../src/core/customers/customer-table.ts';
import { segmentComparison, type SegmentBy } from '../src/core/segments/segment-compare.ts';
import { DERIVED_NAMES, churnJson, segmentsJson, type CliChurnAudit } from './churn-json.ts';
import { writeFile } from 'node:fs/promises';
import { clvReport } from '../src/core/clv/report.ts';
import { clvCustomersCsv, clvJson, type CliClv } from './clv-json.ts';
import { playbookSections, type CliNps, type CliReferrals, type CliReturning } from './satisfaction-json.ts';

export { USAGE, UsageError, parseCommandLine, type AnalyzeFlags } from './analyze-args.ts';
export { formatReport } from './analyze-format.ts';

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
  /** Why each mapped column got its field (preset, header, values, email-key, name-key, chosen). */
  reasons?: Record<string, string>;
  /** The physical line of the header (0: no header row). */
  headerLine?: number;
  /** The export layout recognised (e.g. shopify-orders). */
  preset?: string;
  /** Why the dialect is what it is, per item. */
  evidence?: Partial<Record<keyof Dialect, string>>;
  /** The currency the file's amounts are in, when it says. */
  currency?: string;
  /** What the import adds and what looks wrong (ISO dates). */
  plausibility?: Omit<PlausibilityReport, 'firstDay' | 'lastDay'> & { firstDate: string | null; lastDate: string | null };
  /** Warnings of the inspection and the read (mapping notes, null tokens, mixed date styles ...). */
  warnings?: string[];
}

export interface AnalyzeReport {
  files: FileReport[];
  /** Distinct customer ids (the customer_id columns) across all files. */
  customers: number;
  /** Order rows after line items are rolled up. */
  orders: number;
  /** Sum of order amounts (compensated; refunds included), rounded to 15 significant digits; null when no orders file (or none with amounts) is given. */
  revenue: number | null;
  /** ISO dates (YYYY-MM-DD) of the earliest and latest main date across files, or null. */
  firstDate: string | null;
  lastDate: string | null;
  /** Retention figures when an orders or subscriptions file was given: scripts/retention-json.ts. */
  retention?: CliRetention;
  /** The churn-reason audit when the files carry churn (scripts/churn-json.ts). */
  churnAudit?: CliChurnAudit;
  /** The segment comparison of `--segment COLUMN`. */
  segments?: ReturnType<typeof segmentsJson>;
  /** Customer lifetime value when an orders file was given (scripts/clv-json.ts). */
  clv?: CliClv;
  /** Satisfaction (feedback), referrals, returning vs new customers (orders): scripts/satisfaction-json.ts. */
  nps?: CliNps;
  referrals?: CliReferrals;
  returning?: CliReturning;
}

export interface AnalyzeOutcome {
  exitCode: 0 | 1 | 2;
  report?: AnalyzeReport;
  /** Lines for stderr: errors, questions, and (with --skip-invalid) the skipped rows. */
  messages: string[];
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

function overridesOf(flags: AnalyzeFlags): InspectOverrides | undefined {
  const o: InspectOverrides = {};
  if (flags.kind) o.kind = flags.kind;
  if (flags.delimiter !== undefined) o.delimiter = flags.delimiter;
  if (flags.encoding) o.encoding = flags.encoding;
  if (flags.dateOrder) o.dateOrder = flags.dateOrder;
  if (flags.decimal) o.decimal = flags.decimal;
  if (flags.headerRow !== undefined) o.headerLine = flags.headerRow;
  return Object.keys(o).length > 0 ? o : undefined;
}

/** Questions the flags do not answer, as one stderr line each ("... pass --date-order DMY or MDY"). */
function unanswered(file: string, inspection: Inspection, flags: AnalyzeFlags): string[] {
  const out: string[] = [];
  for (const q of inspection.questions) {
    const flag = QUESTION_FLAG[q.topic];
    if (flag && flags[flag] !== undefined) continue;
    // "confirm-..." questions ask the UI user to confirm a confident detection; the CLI goes ahead (and prints the evidence).
    if (q.code.startsWith('confirm-')) continue;
    const options = q.topic === 'headerRow' ? 'LINE (0 = no header row)' : q.options.join(' or ');
    const hint = flag ? `pass ${FLAG_NAME[flag]} ${options}` : 'fix the file and try again';
    out.push(`${file}: ${q.message} (${hint})`);
  }
  return out;
}

/** Resolves `--map COLUMN=FIELD` items against a file's headers and kind; throws a message for a bad item. */
function resolveMap(items: readonly string[], inspection: Inspection): [number, string | null][] {
  return items.map((item) => {
    const eq = item.lastIndexOf('=');
    const column = item.slice(0, eq).trim();
    const field = item.slice(eq + 1).trim();
    let c = inspection.headers.findIndex((h) => h.trim().toLowerCase() === column.toLowerCase());
    if (c < 0 && /^\d+$/.test(column)) c = Number(column) - 1;
    if (c < 0 || c >= inspection.headers.length) throw new Error(`--map ${item}: no column '${column}' (columns: ${inspection.headers.map((h, i) => `${i + 1} ${h}`).join(', ')})`);
    if (field === 'ignore' || field === 'none') return [c, null];
    const ok = fieldOf(inspection.kind, field) !== undefined || (inspection.kind === 'customers' && field.startsWith(ATTRIBUTE_PREFIX));
    if (!ok) throw new Error(`--map ${item}: '${field}' is not a field of ${inspection.kind}`);
    return [c, field];
  });
}

/** Header -> value, on a null-prototype object (headers like "__proto__" stay plain keys); repeated headers get " (2)". */
function byHeader<T>(headers: readonly string[], values: readonly T[]): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  headers.forEach((h, i) => {
    let key = h;
    for (let n = 2; Object.hasOwn(out, key); n++) key = `${h} (${n})`;
    out[key] = values[i];
  });
  return out;
}

/** Calendar day (days since 1970-01-01) as YYYY-MM-DD. */
export function isoDay(day: number): string {
  return dayToIso(day);
}

function addCustomers(table: Table, into: Set<string>): void {
  const c = table.columns.customer_id;
  if (c?.type !== 'dict') return;
  for (let i = 0; i < table.length; i++) if (c.codes[i] !== MISSING_CODE) into.add(c.dict[c.codes[i]]);
}

/** stderr lines for a file's errors: one per reason and column, with the count and the first lines. */
function groupedErrors(path: string, parsed: ParsedFile): string[] {
  return parsed.errorGroups.map((g) => {
    if (g.count === 1) return `${path}: ${g.example}`;
    const more = g.count - 1;
    return `${path}: ${g.example} (and ${more} more like it${g.lines.length > 1 ? `, on lines ${g.lines.slice(1).join(', ')}${g.count > g.lines.length ? ', ...' : ''}` : ''})`;
  });
}

/** What the flags leave open about a file (unanswered questions, no customer column): one stderr line each, exit code 2. */
export function questionsOf(path: string, inspection: Inspection, flags: AnalyzeFlags): string[] {
  const questions = unanswered(path, inspection, flags);
  if (!inspection.mapping.includes('customer_id') && fieldOf(inspection.kind, 'customer_id')?.required && !(inspection.kind === 'orders' && flags.withoutCustomers)) {
    const names = inspection.headers.map((h, i) => `${i + 1} ${h}`).slice(0, 12).join(', ');
    questions.push(`${path}: no column identifies the customer (columns: ${names}); pass --map COLUMN=customer_id (an id, e-mail or name column)${inspection.kind === 'orders' ? ' or --without-customers (orders and revenue only)' : ''}`);
  }
  return questions;
}

/** Inspects one file with the flags (twice when --map is given: the mapping decides which columns the number and date checks read). */
export async function inspectWithFlags(bytes: Uint8Array, path: string, flags: AnalyzeFlags): Promise<Inspection> {
  const overrides = overridesOf(flags);
  const first = await inspectFile(bytes, basename(path), overrides);
  if (!flags.map?.length || first.fatal) return first;
  return inspectFile(bytes, basename(path), { ...overrides, kind: first.kind, map: resolveMap(flags.map, first) });
}

/** A file that passed its inspection, with the messages so far (printed in file order). */
interface Examined {
  readonly path: string;
  readonly inspection: Inspection;
  readonly messages: string[];
}

/**
 * Reads the head of a file (the whole file when it is one part) and inspects it; undefined after
 * a message and the exit code when the file cannot be read or the flags leave a question open.
 */
async function examine(path: string, flags: AnalyzeFlags, parts: PartLimits | undefined, messages: string[], fail: (code: 1 | 2) => void): Promise<Inspection | undefined> {
  let bytes: Uint8Array;
  try {
    ({ bytes } = await readHead(path, parts ?? WHOLE_LIMITS));
  } catch (e) {
    messages.push(`${path}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    fail(1);
    return undefined;
  }
  let inspection: Inspection;
  try {
    inspection = await inspectWithFlags(bytes, path, flags);
  } catch (e) {
    messages.push(`${path}: ${(e as Error).message}`);
    fail(2);
    return undefined;
  }
  if (inspection.fatal) {
    messages.push(`${path}: ${inspection.fatal.message}`);
    fail(1);
    return undefined;
  }
  const questions = questionsOf(path, inspection, flags);
  if (questions.length > 0) {
    messages.push(...questions);
    fail(2);
    return undefined;
  }
  return inspection;
}

/** Parses an examined file (whole, or in parts: parse-in-parts.ts); undefined after a message when it fails. */
async function parseExamined(e: Examined, flags: AnalyzeFlags, parts: PartLimits | undefined, keepOrderIds: boolean, fail: (code: 1 | 2) => void): Promise<ParsedFile | undefined> {
  const { path, inspection, messages } = e;
  const parseOptions = {
    dialect: inspection.dialect,
    kind: inspection.kind,
    mapping: inspection.mapping,
    maxListedErrors: 1000,
    // The 2M-row cap is the browser's (MAX_ROWS); the command line has none.
    maxRows: Infinity,
    ...(flags.withoutCustomers ? { withoutCustomers: true } : {}),
    ...(flags.keepImplausibleDates ? { keepImplausibleDates: true } : {}),
  };
  // Read again: the head of a big file is not kept while the earlier files are parsed.
  // Whole when the app could read it too (the same figures as the app), else in parts.
  const { bytes, whole } = await readHead(path, parts ?? WHOLE_LIMITS);
  const parsed = whole ? await parseFile(bytes, parseOptions) : await parseInParts(path, inspection, parseOptions, parts ?? PART_LIMITS, { keepOrderIds });
  if (parsed.fatal) {
    messages.push(`${path}: ${parsed.fatal.message}`);
    fail(1);
    return undefined;
  }
  messages.push(...groupedErrors(path, parsed));
  if (parsed.errorCount > 0) {
    if (!flags.skipInvalid) {
      const rows = parsed.invalidRecords === 1 ? '1 row has' : `${parsed.invalidRecords} rows have`;
      messages.push(`${path}: ${rows} errors; fix them or pass --skip-invalid to leave them out`);
      fail(1);
      return undefined;
    }
    messages.push(`${path}: skipped ${parsed.invalidRecords} invalid ${parsed.invalidRecords === 1 ? 'row' : 'rows'}`);
  }
  return parsed;
}

/**
 * The files merged by the app's update rule (merge-files.ts), the update messages added, and
 * the keys and order ids let go (in a function of its own, so the ParsedFiles as read are not
 * held by the caller's frame while the analyses run).
 */
function mergeParsed(parsedFiles: ParsedFile[], files: readonly FileReport[], messages: string[]): void {
  const merged = mergeFiles(parsedFiles);
  merged.counts.forEach((c, f) => {
    if (c.updated > 0 || (f > 0 && c.unchanged > 0)) messages.push(`${files[f].file}: ${c.added} new, ${c.updated} updated, ${c.unchanged} unchanged (already in an earlier file)`);
  });
  for (const c of merged.changes) messages.push(`${files[c.file].file}: updated ${c.text}`);
  parsedFiles.splice(0, parsedFiles.length, ...merged.parsed.map(withoutOrderIds));
}

/**
 * Reads, inspects and parses each file, and sums them up (see the file comment for exit codes).
 * Every file is inspected before any is parsed: an orders file read in parts keeps its order ids
 * only when another orders file needs them for the update rule (CombineOptions.keepOrderIds).
 */
export async function analyzeFiles(paths: readonly string[], flags: AnalyzeFlags = {}, options: { parts?: PartLimits } = {}): Promise<AnalyzeOutcome> {
  let exitCode: 0 | 1 | 2 = 0;
  const fail = (code: 1 | 2) => {
    exitCode = Math.max(exitCode, code) as 1 | 2;
  };
  const perFile: string[][] = [];
  const examined: Examined[] = [];
  for (const path of paths) {
    const m: string[] = [];
    perFile.push(m);
    const inspection = await examine(path, flags, options.parts, m, fail);
    if (inspection) examined.push({ path, inspection, messages: m });
  }
  const keepOrderIds = examined.filter((e) => e.inspection.kind === 'orders').length > 1;
  const files: FileReport[] = [];
  const parsedFiles: ParsedFile[] = [];
  for (const e of examined) {
    const parsed = await parseExamined(e, flags, options.parts, keepOrderIds, fail);
    if (!parsed) continue;
    files.push(fileReport(e.path, e.inspection, parsed));
    parsedFiles.push(parsed);
  }
  const messages = perFile.flat();
  if (exitCode !== 0) return { exitCode, messages };

  // Later files update earlier ones by key, as in the app (storage/updates.ts).
  mergeParsed(parsedFiles, files, messages);
  const ids = new Set<string>();
  let orders = 0;
  let withAmounts = false;
  const amounts = new KahanSums(1);
  let first: number | null = null;
  let last: number | null = null;
  for (const p of parsedFiles) {
    addCustomers(p.table, ids);
    if (p.kind === 'orders') {
      orders += p.table.length;
      withAmounts ||= p.hasAmounts;
      const a = p.table.columns.amount;
      if (a?.type === 'num') for (let i = 0; i < p.table.length; i++) amounts.add(0, a.data[i]);
    }
    if (p.firstDay !== null && (first === null || p.firstDay < first)) first = p.firstDay;
    if (p.lastDay !== null && (last === null || p.lastDay > last)) last = p.lastDay;
  }
  const report: AnalyzeReport = {
    files,
    customers: ids.size,
    orders,
    revenue: withAmounts ? Number(amounts.value(0).toPrecision(15)) : null,
    firstDate: first === null ? null : isoDay(first),
    lastDate: last === null ? null : isoDay(last),
  };
  try {
    const retention = retentionOf(parsedFiles, flags);
    if (retention) report.retention = retention;
    if (flags.only === 'retention') return { exitCode: 0, messages, report };
    const churn = churnOf(parsedFiles, files, flags);
    if (churn.audit) report.churnAudit = churn.audit;
    if (churn.segments) report.segments = churn.segments;
    if (churn.message) return { exitCode: 2, messages: [...messages, churn.message] };
    Object.assign(report, playbookSections((kind) => tableOf(parsedFiles, kind), headersOf(files), windowOf(parsedFiles, flags), flags));
    const clv = clvOf(parsedFiles, files, flags);
    if (clv) {
      report.clv = clv.json;
      if (flags.customersFile) {
        await writeFile(flags.customersFile, clv.csv);
        messages.push(`clv: wrote ${clv.rows} customers to ${flags.customersFile}`);
      }
    }
  } catch (e) {
    if (!(e instanceof KeepwiseError)) throw e;
    // A limit the user can act on (too many periods): say which flags do.
    const hint = e.code === 'too-many-periods' ? ' (pass --period quarter or year, or --from / --to)' : '';
    return { exitCode: 2, messages: [...messages, `retention: ${e.message}${hint}`] };
  }
  return { exitCode: 0, messages, report };
}

/**
 * After the merge no analysis reads the dedupe keys or the order ids (the roll-up is done): at
 * 10M orders they are ~0.5 GB of strings, so the command line lets them go.
 */
function withoutOrderIds(p: ParsedFile): ParsedFile {
  if (p.kind !== 'orders' || !p.table.columns.order_id) return { ...p, keys: [] };
  const columns = Object.assign(Object.create(null) as Record<string, Table['columns'][string]>, p.table.columns);
  delete columns.order_id;
  return { ...p, keys: [], table: { length: p.table.length, columns } };
}

/** One file's part of the report. */
function fileReport(path: string, inspection: Inspection, parsed: ParsedFile): FileReport {
  const d = inspection.dialect;
  const { firstDay, lastDay, ...rest } = plausibilityOf(inspection, inspection.mapping, parsed);
  const reasons = Object.create(null) as Record<string, string>;
  inspection.headers.forEach((h, i) => {
    const r = inspection.reasons?.[i];
    if (r && inspection.mapping[i] !== null) reasons[h] = r;
  });
  return {
    file: path,
    kind: parsed.kind,
    rows: parsed.table.length,
    skipped: parsed.invalidRecords,
    encoding: d.encoding,
    delimiter: d.delimiter,
    decimal: d.decimal,
    dateOrder: d.dateOrder,
    mapping: byHeader(inspection.headers, inspection.mapping.map((m) => m ?? null)),
    reasons,
    headerLine: d.headerRow < 0 ? 0 : parsed.headerLine,
    ...(inspection.preset ? { preset: inspection.preset.id } : {}),
    evidence: inspection.evidence,
    ...(inspection.currency ? { currency: inspection.currency.code } : {}),
    plausibility: { ...rest, firstDate: firstDay === null ? null : isoDay(firstDay), lastDate: lastDay === null ? null : isoDay(lastDay) },
    warnings: [...inspection.warnings, ...parsed.warnings].filter((w) => w.code !== 'column-ignored').map((w) => w.message).filter((m, i, all) => all.indexOf(m) === i),
  };
}

/** All rows of one kind across files, as one table (undefined when no file has that kind). */
function tableOf(parsed: readonly ParsedFile[], kind: DataKind): Table | undefined {
  const list = parsed.filter((p) => p.kind === kind).map((p) => p.table);
  return list.length === 0 ? undefined : list.length === 1 ? list[0] : concatTables(list);
}

/** Field key -> the header it was mapped from (customers files first, so attributes keep their names). */
function headersOf(files: readonly FileReport[]): Record<string, string> {
  const out = Object.create(null) as Record<string, string>;
  for (const f of [...files].sort((a, b) => Number(b.kind === 'customers') - Number(a.kind === 'customers'))) {
    for (const [header, key] of Object.entries(f.mapping)) if (key !== null && !Object.hasOwn(out, key)) out[key] = header.replace(/ \(\d+\)$/u, '');
  }
  return out;
}

const suggestedWindows = new WeakMap<readonly ParsedFile[], number>();

/** The window W the retention figures use for orders (the flag, else the suggestion, computed once per run). */
function windowOf(parsed: readonly ParsedFile[], flags: AnalyzeFlags): number {
  if (flags.window !== undefined) return flags.window;
  let w = suggestedWindows.get(parsed);
  if (w === undefined) {
    const orders = tableOf(parsed, 'orders');
    w = orders ? suggestWindow(buildOrderIndex(orders)).window : 90;
    suggestedWindows.set(parsed, w);
  }
  return w;
}

/**
 * The churn audit (and with --segment the segment comparison) of the files, by the same core
 * functions as the app, or nothing when the files carry no churn. A --segment that names no
 * attribute gives a message (exit code 2) listing the ones there are.
 */
function churnOf(parsed: readonly ParsedFile[], files: readonly FileReport[], flags: AnalyzeFlags): { audit?: CliChurnAudit; segments?: ReturnType<typeof segmentsJson>; message?: string } {
  const tables = {
    orders: tableOf(parsed, 'orders'),
    subscriptions: tableOf(parsed, 'subscriptions'),
    customers: tableOf(parsed, 'customers'),
    churn: tableOf(parsed, 'churn'),
    feedback: tableOf(parsed, 'feedback'),
    referrals: tableOf(parsed, 'referrals'),
  };
  const customers = buildCustomerTable(tables);
  if (churnSourceOf(tables, customers) === null || customers.count === 0) return {};
  const headers = headersOf(files);
  const windowDays = windowOf(parsed, flags);
  const asOf = flags.to ? isoToDayOrUndefined(flags.to) : undefined;
  const audit = churnAudit(tables, { windowDays, ...(asOf !== undefined ? { asOf } : {}), ...(flags.period ? { period: flags.period } : {}) }, customers);
  const out: { audit?: CliChurnAudit; segments?: ReturnType<typeof segmentsJson>; message?: string } = { audit: churnJson(audit, headers) };
  if (flags.segment === undefined && !flags.segmentFilter?.length) return out;
  const keys = audit.attributes.map((a) => a.key);
  const name = (k: string) => headers[k] ?? DERIVED_NAMES[k] ?? k;
  const keyOf = (column: string) => {
    const wanted = column.trim().toLowerCase();
    return keys.find((k) => k.toLowerCase() === wanted || name(k).toLowerCase() === wanted || (k.startsWith('attr:') && k.slice(5).toLowerCase() === wanted));
  };
  const unknown = (flag: string, column: string) => ({ ...out, message: `${flag} ${column}: no such attribute (attributes: ${keys.map(name).join(', ')})` });
  let by: SegmentBy;
  if (flags.segmentFilter?.length) {
    const filter: { key: string; values: string[] }[] = [];
    for (const item of flags.segmentFilter) {
      const eq = item.indexOf('=');
      const column = item.slice(0, eq);
      const k = keyOf(column);
      if (!k) return unknown('--segment-filter', column);
      filter.push({ key: k, values: item.slice(eq + 1).split(',').map((v) => v.trim()) });
    }
    by = { filter };
  } else {
    const k = keyOf(flags.segment!);
    if (!k) return unknown('--segment', flags.segment!);
    by = k;
  }
  if (!tables.orders && !tables.subscriptions) return { ...out, message: `--segment needs an orders or subscriptions file (the retention of each segment)` };
  const source = flags.source ?? (tables.subscriptions && tables.subscriptions.length > 0 ? 'subscriptions' : 'orders');
  const comparison = segmentComparison(
    tables,
    customers,
    by,
    { period: flags.period ?? 'month', windowDays, source, ...(flags.from ? { from: flags.from } : {}), ...(flags.to ? { to: flags.to } : {}) },
    { windowDays, ...(asOf !== undefined ? { asOf } : {}) },
  );
  return { ...out, segments: segmentsJson(comparison, headers) };
}

/**
 * Customer lifetime value of the files' orders (core/clv/report.ts, the same function as the
 * app), or undefined without an orders file. The customers file, when given, adds CLV by segment.
 */
function clvOf(parsed: readonly ParsedFile[], files: readonly FileReport[], flags: AnalyzeFlags): { json: CliClv; csv: string; rows: number } | undefined {
  const orders = tableOf(parsed, 'orders');
  if (!orders || orders.columns.customer_id?.type !== 'dict') return undefined;
  const tables = {
    orders,
    subscriptions: tableOf(parsed, 'subscriptions'),
    customers: tableOf(parsed, 'customers'),
    churn: tableOf(parsed, 'churn'),
    feedback: tableOf(parsed, 'feedback'),
    referrals: tableOf(parsed, 'referrals'),
  };
  const calibrationEnd = flags.calibrationEnd ? isoToDayOrUndefined(flags.calibrationEnd) : undefined;
  const report = clvReport(
    tables,
    {
      ...(flags.margin !== undefined ? { margin: flags.margin } : {}),
      ...(flags.horizon !== undefined ? { horizonMonths: flags.horizon } : {}),
      ...(flags.discount !== undefined ? { discountYearly: flags.discount } : {}),
      ...(calibrationEnd !== undefined ? { calibrationEnd } : {}),
    },
    tables.customers ? buildCustomerTable(tables) : undefined,
  );
  return { json: clvJson(report, headersOf(files)), csv: flags.customersFile ? clvCustomersCsv(report) : '', rows: report.perCustomer.ids.length };
}

function isoToDayOrUndefined(iso: string): number | undefined {
  const d = isoToDay(iso);
  return Number.isFinite(d) ? d : undefined;
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
  const windowDays = flags.window ?? (source === 'orders' ? windowOf(parsed, flags) : 90);
  const report = retentionReport(
    { orders, subscriptions, customers: tableOf(parsed, 'customers'), churn: tableOf(parsed, 'churn') },
    { period: flags.period ?? 'month', windowDays, source, ...(flags.from ? { from: flags.from } : {}), ...(flags.to ? { to: flags.to } : {}) },
  );
  return retentionJson(report);
}
