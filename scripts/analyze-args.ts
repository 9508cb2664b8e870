/**
 * The command line of `npm run analyze`: flags, their checks and the usage text. Pure (no I/O).
 */
import { parseArgs } from 'node:util';
import { isoToDay } from '../src/core/parse/date.ts';
import { DATA_KINDS, type DataKind } from '../src/core/schema/kinds.ts';
import type { PeriodUnit } from '../src/core/retention/periods.ts';
import type { DateOrder, DecimalMark, EncodingName } from '../src/ingest/types.ts';

export interface AnalyzeFlags {
  kind?: DataKind;
  json?: boolean;
  skipInvalid?: boolean;
  delimiter?: string;
  encoding?: EncodingName;
  dateOrder?: DateOrder;
  decimal?: DecimalMark;
  /** Physical 1-based line of the header; 0 = the file has no header row. */
  headerRow?: number;
  /** `COLUMN=FIELD` items: COLUMN a header name or a 1-based column number, FIELD a field key or `ignore`. */
  map?: string[];
  /** Orders without a customer column: orders and revenue only. */
  withoutCustomers?: boolean;
  /** Retention periods (default month). */
  period?: PeriodUnit;
  /** Activity window W in days (default: the suggested window). */
  window?: number;
  /** Retention source when both orders and subscriptions are given (default subscriptions). */
  source?: 'orders' | 'subscriptions';
  /** Retention date range (ISO days). */
  from?: string;
  to?: string;
  /** Keep rows whose main date is implausible (default: left out and reported). */
  keepImplausibleDates?: boolean;
  /** Compare segments of this attribute (a column name of the customers file, or a derived one). */
  segment?: string;
  /** `COLUMN=VALUE,VALUE` items: segments from a filter (customers matching every item vs the rest). */
  segmentFilter?: string[];
  /** CLV: calibration end (ISO day; the rest of the orders is the hold-out). */
  calibrationEnd?: string;
  /** CLV: write the per-customer values to this CSV file. */
  customersFile?: string;
  /** CLV: gross margin 0..1 (default 1), horizon in months (default 12), yearly discount rate (default 0.1). */
  margin?: number;
  horizon?: number;
  discount?: number;
  /** Where the retention figures are computed: the app's core (default) or DuckDB's SQL (docs/sql/). */
  engine?: 'core' | 'duckdb';
  /** Print only these sections: 'retention' = the files and the retention figures (no churn, CLV, NPS). */
  only?: 'retention';
}

export const ENCODINGS: readonly EncodingName[] = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1250', 'windows-1251', 'windows-1252'];
const DATE_ORDERS: readonly DateOrder[] = ['YMD', 'DMY', 'MDY'];
const DECIMALS: readonly DecimalMark[] = ['.', ','];
const PERIODS: readonly PeriodUnit[] = ['month', 'quarter', 'year'];
const SOURCES: readonly ('orders' | 'subscriptions')[] = ['orders', 'subscriptions'];
const ENGINES: readonly ('core' | 'duckdb')[] = ['core', 'duckdb'];
const ONLY: readonly 'retention'[] = ['retention'];

export const USAGE = `Usage: npm run analyze -- <files...> [options]

Options:
  --kind <kind>           orders, customers, subscriptions, churn, feedback or referrals (default: guessed)
  --json                  print a JSON report instead of a table
  --skip-invalid          skip rows with errors (they are counted and listed) instead of failing
  --delimiter <char>      field delimiter: ',' ';' '|' or 'tab'
  --encoding <name>       ${ENCODINGS.join(', ')}
  --date-order <order>    YMD, DMY or MDY
  --decimal <mark>        '.' or ','
  --header-row <n>        the line the header is on (1 = first line); 0 = the file has no header row
  --map <column=field>    map a column (its header, or its number from 1) to a field, or to 'ignore'; repeatable
  --without-customers     orders without a customer column: count orders and revenue only (no retention)
  --period <unit>         retention periods: month, quarter or year (default month)
  --window <days>         activity window W in days for orders (default: suggested from the data)
  --source <kind>         retention from orders or subscriptions when both are given (default subscriptions)
  --from <yyyy-mm-dd>     retention from this day (default: the data's first day)
  --to <yyyy-mm-dd>       retention to this day (default: the data's last day)
  --keep-implausible-dates  keep rows dated before 1970, over a year ahead or far from the others (default: left out)
  --segment <column>      compare the segments of a customer attribute (a customers-file column, or
                          'acquisition cohort', 'first order channel', 'referred', 'NPS group' ...)
  --calibration-end <yyyy-mm-dd>  CLV: fit the models on orders up to this day; the rest is the hold-out check
  --customers <file.csv>  CLV: write the per-customer values (id, x, t_x, T, P(alive), expected purchases,
                          expected spend, CLV, RFM group) to this file
  --margin <0..1>         CLV: gross margin (default 1; 40 % = 0.4)
  --horizon <months>      CLV: horizon in months (default 12)
  --discount <rate>       CLV: yearly discount rate (default 0.1 = 10 % a year)
  --segment-filter <column=v1,v2>  segments from a filter: the customers whose COLUMN is one of the
                          values (repeat for more columns: all must hold) against the rest
  --engine <name>         core (default: the app's own engine, every figure) or duckdb (the retention
                          periods and cohorts as SQL in DuckDB, docs/sql/: files of any size, orders only)
  --only retention        the files and the retention figures only (no churn, CLV, NPS): what the
                          duckdb engine prints, and the quickest run on the largest files
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
        map: { type: 'string', multiple: true },
        'without-customers': { type: 'boolean' },
        period: { type: 'string' },
        window: { type: 'string' },
        source: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        'keep-implausible-dates': { type: 'boolean' },
        segment: { type: 'string' },
        engine: { type: 'string' },
        only: { type: 'string' },
        'segment-filter': { type: 'string', multiple: true },
        'calibration-end': { type: 'string' },
        customers: { type: 'string' },
        margin: { type: 'string' },
        horizon: { type: 'string' },
        discount: { type: 'string' },
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
    if (!/^\d+$/.test(values['header-row']) || !Number.isInteger(n)) throw new UsageError(`--header-row must be a line number (1 = first line) or 0 for no header row (got '${values['header-row']}')`);
    flags.headerRow = n;
  }
  if (values.map !== undefined) {
    for (const m of values.map) {
      const eq = m.lastIndexOf('=');
      if (eq <= 0 || eq === m.length - 1) throw new UsageError(`--map must be COLUMN=FIELD, e.g. --map 'Client no=customer_id' or --map 3=amount (got '${m}')`);
    }
    flags.map = values.map;
  }
  if (values['without-customers']) flags.withoutCustomers = true;
  const period = oneOf('period', values.period, PERIODS);
  if (period) flags.period = period;
  if (values.window !== undefined) {
    const n = Number(values.window);
    if (!/^\d+$/.test(values.window) || !Number.isInteger(n) || n < 1) throw new UsageError(`--window must be a whole number of days >= 1 (got '${values.window}')`);
    flags.window = n;
  }
  const source = oneOf('source', values.source, SOURCES);
  if (source) flags.source = source;
  const engine = oneOf('engine', values.engine, ENGINES);
  if (engine) flags.engine = engine;
  const only = oneOf('only', values.only, ONLY);
  if (only) flags.only = only;
  if (values.segment !== undefined) {
    if (values.segment.trim() === '') throw new UsageError(`--segment must name a column, e.g. --segment plan`);
    flags.segment = values.segment;
  }
  if (values['segment-filter'] !== undefined) {
    for (const f of values['segment-filter']) {
      const eq = f.indexOf('=');
      if (eq <= 0 || eq === f.length - 1) throw new UsageError(`--segment-filter must be COLUMN=VALUE[,VALUE...], e.g. --segment-filter plan=Basic,Pro (got '${f}')`);
    }
    flags.segmentFilter = values['segment-filter'];
  }
  for (const key of ['from', 'to'] as const) {
    const v = values[key];
    if (v === undefined) continue;
    if (Number.isNaN(isoToDay(v))) throw new UsageError(`--${key} must be a date yyyy-mm-dd (got '${v}')`);
    flags[key] = v;
  }
  if (values['keep-implausible-dates']) flags.keepImplausibleDates = true;
  const calibrationEnd = values['calibration-end'];
  if (calibrationEnd !== undefined) {
    if (Number.isNaN(isoToDay(calibrationEnd))) throw new UsageError(`--calibration-end must be a date yyyy-mm-dd (got '${calibrationEnd}')`);
    flags.calibrationEnd = calibrationEnd;
  }
  if (values.customers !== undefined) {
    if (values.customers.trim() === '') throw new UsageError('--customers must name a file, e.g. --customers clv.csv');
    flags.customersFile = values.customers;
  }
  if (values.margin !== undefined) {
    const m = Number(values.margin);
    if (values.margin.trim() === '' || !(m >= 0 && m <= 1)) throw new UsageError(`--margin must be a number from 0 to 1, e.g. 0.4 for 40 % (got '${values.margin}')`);
    flags.margin = m;
  }
  if (values.horizon !== undefined) {
    const h = Number(values.horizon);
    if (!/^\d+$/.test(values.horizon) || h < 1 || h > 120) throw new UsageError(`--horizon must be a whole number of months from 1 to 120 (got '${values.horizon}')`);
    flags.horizon = h;
  }
  if (values.discount !== undefined) {
    const d = Number(values.discount);
    if (values.discount.trim() === '' || !(d >= 0 && d <= 10)) throw new UsageError(`--discount must be a yearly rate from 0 to 10, e.g. 0.1 for 10 % a year (got '${values.discount}')`);
    flags.discount = d;
  }
  if (positionals.length === 0) throw new UsageError('no files given');
  return { paths: positionals, flags, help: false };
}
