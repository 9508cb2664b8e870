/**
 * `parseFile`: the full read (RELIABILITY.md 1.4 steps 5-8), as a chain of named steps:
 *
 *   decode -> read records -> convert cells into column builders (steps/convert-cell.ts,
 *   steps/column-builder.ts) -> roll line items up into orders (steps/rollup.ts) -> dedupe keys
 *   (steps/dedupe-keys.ts) -> file facts.
 *
 * Rules:
 * - A row with any error is left out of `table`, counted in `invalidRecords`, and listed (capped).
 * - Missing = empty or a null token (core/parse/null-token.ts). A missing required value is an
 *   error, except: an order may have no customer (a guest checkout, a POS sale: counted in
 *   `ordersWithoutCustomer`, kept for orders and revenue, left out of retention), and a later
 *   line of an order already seen may leave its date empty.
 * - Orders need a customer column unless `withoutCustomers` is set (a ledger with no customer:
 *   orders and revenue only), and may have no amount (visits, bookings): the amount column is
 *   then all missing and `hasAmounts` is false (revenue is "n/a", retention still works).
 * - Ids stay strings (normaliseId: trimmed, NFC); e-mail addresses used as customer ids are
 *   compared in lower case.
 * - Key uniqueness: customers.customer_id and subscriptions.subscription_id must not repeat: the
 *   later row is an error naming both lines. Orders sharing an order id are line items (rollup.ts).
 * Cost: one pass over the records, O(1) work per cell apart from the value parsers.
 */
import type { ImportIssue } from '../core/issues.ts';
import { ATTRIBUTE_PREFIX, KIND_FIELDS, MAIN_DATE, UNIQUE_KEY, fieldOf, type DataKind, type FieldType } from '../core/schema/kinds.ts';
import { MISSING_CODE, MISSING_DAY, type Column, type Table } from '../core/table.ts';
import { decode } from './decode.ts';
import { normaliseText } from './normalise-text.ts';
import { MAX_ROWS, columnNames, readRecords } from './read-records.ts';
import { commitCell, createBuilder, dropRows, finishColumn, grow, type Builder } from './steps/column-builder.ts';
import { findDateOutliers } from './steps/plausible-dates.ts';
import { dayToIso, utcMsToDay } from '../core/parse/date.ts';
import { convertCell, isMissingCell } from './steps/convert-cell.ts';
import { dedupeKeys } from './steps/dedupe-keys.ts';
import { toMonthly } from './steps/monthly-amounts.ts';
import { rollUpOrders, type OrderFacts } from './steps/order-table.ts';
import type { ParseOptions, ParsedFile } from './types.ts';
import { ErrorGrouper } from '../core/import/plausibility.ts';

const RE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const emptyParsed = (kind: DataKind, fatal: ImportIssue, extra: Partial<ParsedFile> = {}): ParsedFile => ({
  kind, table: { length: 0, columns: Object.create(null) as Record<string, Column> }, keys: [], headerLine: 0, recordsRead: 0, invalidRecords: 0,
  errors: [], errorCount: 0, errorGroups: [], warnings: [], fatal, lineItemsRolledUp: 0, firstDay: null, lastDay: null, customers: 0,
  hasAmounts: false, ordersWithoutCustomer: 0, ...extra,
});

/**
 * Reads the whole file with a confirmed dialect, kind and mapping (see the module doc for the
 * rules). Never throws for bad input (problems are data); throws a DOMException 'AbortError'
 * when `options.signal` aborts. Linear in the file size.
 */
export async function parseFile(bytes: Uint8Array, options: ParseOptions): Promise<ParsedFile> {
  const { dialect, kind, mapping, signal, onProgress } = options;
  const maxListed = options.maxListedErrors ?? 100;
  if (signal?.aborted) throw new DOMException('import cancelled', 'AbortError');
  if (bytes.length === 0) return emptyParsed(kind, { severity: 'fatal', code: 'empty-file', message: 'file is empty' });

  const t0 = performance.now();
  let decoded: string;
  try {
    decoded = decode(bytes, dialect.encoding);
  } catch {
    return emptyParsed(kind, { severity: 'fatal', code: 'invalid-encoding', message: `the file is not valid ${dialect.encoding}; choose another encoding` });
  }
  const { text, linesDropped } = normaliseText(decoded);
  if (text.trim() === '') {
    return emptyParsed(kind, decoded.length ? { severity: 'fatal', code: 'no-header', message: 'no header row (the file has only blank lines)' } : { severity: 'fatal', code: 'empty-file', message: 'file is empty' });
  }

  const t1 = performance.now();
  const errors: ImportIssue[] = [];
  let errorCount = 0;
  let invalid = 0;
  const warnings: ImportIssue[] = [];
  const groups = new ErrorGrouper();
  const error = (issue: ImportIssue): void => {
    errorCount++;
    groups.add(issue);
    if (errors.length < maxListed) errors.push(issue);
  };

  const builders: Builder[] = [];
  let header: string[] = [];
  let setupFatal: ImportIssue | undefined;
  let n = 0; // valid rows stored
  const ctx = { decimal: dialect.decimal, thousands: dialect.thousands, dateOrder: dialect.dateOrder };

  let keyB: Builder | undefined;
  let orderB: Builder | undefined;
  let customerB: Builder | undefined;
  let dateB: Builder | undefined;
  /** Line of each unique key's first row, by its dictionary code. */
  let keyFirstLine: Int32Array = new Int32Array(1024);
  /** Physical line of each stored row (for the implausible-date report). */
  let rowLine: Int32Array = new Int32Array(1024);

  // Rows expected, from the line length of the first 64 KB: pre-sizes the columns and the key
  // dictionary (a hint only; they grow by doubling).
  const sample = Math.min(text.length, 65536);
  let sampleLines = 1;
  for (let p = text.indexOf('\n'); p >= 0 && p < sample; p = text.indexOf('\n', p + 1)) sampleLines++;
  const expectedRows = Math.min((options.maxRows ?? MAX_ROWS) + 1, Math.ceil((text.length / sample) * sampleLines * 1.05) + 16);

  const setup = (): void => {
    const seen = new Map<string, number>();
    const uniqueKey = UNIQUE_KEY[kind];
    for (let c = 0; c < header.length; c++) {
      const key = mapping[c];
      if (key == null) {
        if (!/^column \d+$/.test(header[c])) {
          warnings.push({ severity: 'warning', code: 'column-ignored', line: 1, column: header[c], message: `column ${header[c]} ignored (not stored: data minimisation)` });
        }
        continue;
      }
      const def = fieldOf(kind, key);
      const isAttr = kind === 'customers' && key.startsWith(ATTRIBUTE_PREFIX) && key.length > ATTRIBUTE_PREFIX.length;
      if (!def && !isAttr) {
        setupFatal = { severity: 'fatal', code: 'unknown-field', column: header[c], message: `column ${header[c]} is mapped to '${key}', which is not a field of ${kind}` };
        return;
      }
      const prev = seen.get(key);
      if (prev !== undefined) {
        setupFatal = { severity: 'fatal', code: 'duplicate-mapping', column: header[c], message: `columns ${header[prev]} and ${header[c]} are both mapped to ${key}` };
        return;
      }
      seen.set(key, c);
      const type: FieldType = def?.type ?? 'text';
      // An order may have no customer (guest checkout); a survey answer may skip the score.
      const valueOptional = (kind === 'orders' && key === 'customer_id') || def?.valueOptional === true;
      const b = createBuilder(c, header[c], key, type, (def?.required ?? false) && !valueOptional, Math.max(1024, expectedRows), key === uniqueKey || key === 'order_id' ? expectedRows : 0);
      b.sentinel = type === 'date' && key !== MAIN_DATE[kind];
      builders.push(b);
    }
    const byKey = (k: string): Builder | undefined => builders.find((b) => b.key === k);
    for (const f of KIND_FIELDS[kind]) {
      if (!f.required || byKey(f.key)) continue;
      if (kind === 'orders' && f.key === 'customer_id' && options.withoutCustomers) continue;
      setupFatal = {
        severity: 'fatal', code: 'missing-column', line: 1, column: f.key,
        message: f.key === 'customer_id' ? 'missing column customer_id: choose the column that identifies the customer (an id, an e-mail or a name)' : `missing column ${f.key}`,
        params: { field: f.key },
      };
      return;
    }
    const uk = UNIQUE_KEY[kind];
    keyB = uk ? byKey(uk) : undefined;
    orderB = kind === 'orders' ? byKey('order_id') : undefined;
    customerB = byKey('customer_id');
    dateB = kind === 'orders' ? byKey('date') : undefined;
  };

  const onRecord = (fields: string[], line: number, record: number): void => {
    if (setupFatal) return;
    let ok = true;
    for (let j = 0; j < builders.length; j++) {
      const b = builders[j];
      const raw = fields[b.source];
      if (isMissingCell(b, raw)) {
        b.sNum = NaN;
        b.sStr = undefined;
        let needed = b.required;
        // A later line of an order already seen may leave the date empty.
        if (needed && b === dateB && orderB) {
          const oid = fields[orderB.source];
          needed = !(oid.trim() !== '' && orderB.index.find(oid.trim()) >= 0);
        }
        if (needed) {
          ok = false;
          error({ severity: 'error', code: 'missing-value', line, record, column: b.header, value: raw, message: `line ${line}, column ${b.header}: a value is required` });
        }
        continue;
      }
      const problem = convertCell(b, raw, line, record, ctx);
      if (problem) {
        ok = false;
        error(problem);
      }
    }
    if (!ok) {
      invalid++;
      return;
    }
    if (customerB && customerB.sStr !== undefined && customerB.sStr.indexOf('@') > 0 && RE_EMAIL.test(customerB.sStr)) customerB.sStr = customerB.sStr.toLowerCase();
    // Uniqueness of the row key: the later row is an error naming both lines.
    if (keyB && keyB.sStr !== undefined) {
      const before = keyB.index.size;
      const code = keyB.index.intern(keyB.sStr);
      if (code < before) {
        invalid++;
        const first = keyFirstLine[code];
        error({
          severity: 'error', code: 'duplicate-key', line, record, column: keyB.header, value: keyB.sStr,
          message: `line ${line}, column ${keyB.header}: '${keyB.sStr}' appears again (first on line ${first})`, params: { lines: `${first},${line}` },
        });
        return;
      }
      keyFirstLine = grow.i32(keyFirstLine, code);
      keyFirstLine[code] = line;
    }
    for (let j = 0; j < builders.length; j++) commitCell(builders[j], n);
    rowLine = grow.i32(rowLine, n);
    rowLine[n] = line;
    n++;
  };

  const read = readRecords(text, {
    delimiter: dialect.delimiter, headerRow: dialect.headerRow, lineOffset: linesDropped, signal, maxListedErrors: maxListed,
    ...(options.maxRows !== undefined ? { maxRows: options.maxRows } : {}),
    ...(options.headerlessWidth !== undefined ? { headerlessWidth: options.headerlessWidth } : {}),
    onHeader: (h) => {
      header = columnNames(h);
      setup();
      return setupFatal;
    },
    onRecord,
    onProgress: (rows, chars) => onProgress?.({ rows, bytesDone: Math.round((chars / text.length) * bytes.length), bytesTotal: bytes.length }),
  });
  if (read.fatal || setupFatal) {
    return emptyParsed(kind, (read.fatal ?? setupFatal) as ImportIssue, { recordsRead: read.recordsRead, warnings: [...warnings, ...read.warnings] });
  }
  onProgress?.({ rows: read.recordsRead, bytesDone: bytes.length, bytesTotal: bytes.length });
  const t2 = performance.now();

  const allErrors = [...read.errors, ...errors].sort((x, y) => (x.line ?? 0) - (y.line ?? 0)).slice(0, maxListed);
  errorCount += read.errorCount;
  invalid += read.invalidRecords;
  warnings.push(...read.warnings);
  warnings.push(...columnWarnings(builders, dialect.dateOrder));

  // Implausible main dates (plausible-dates.ts): left out unless the user keeps them.
  let dateOutliers: ParsedFile['dateOutliers'];
  const mainB = builders.find((b) => b.key === MAIN_DATE[kind]);
  const outliers = mainB ? findDateOutliers(mainB.day, n, options.today ?? utcMsToDay(Date.now())) : undefined;
  if (mainB && outliers) {
    const examples: { line: number; value: string }[] = [];
    for (let r = 0; r < n && examples.length < 10; r++) if (outliers.reject[r]) examples.push({ line: rowLine[r], value: dayToIso(mainB.day[r]) });
    dateOutliers = { count: outliers.count, column: mainB.header, from: outliers.from, to: outliers.to, examples, kept: options.keepImplausibleDates === true };
    if (!options.keepImplausibleDates) n = dropRows(builders, n, outliers.reject, rowLine);
  }

  const columns = Object.create(null) as Record<string, Column>;
  let length = n;
  let keys: string[];
  let orders: OrderFacts | undefined;
  let linesPerOrder: Uint32Array | undefined;
  if (kind === 'orders') {
    const built = rollUpOrders(builders, n, orderB, customerB);
    Object.assign(columns, built.columns);
    length = built.length;
    keys = built.keys;
    orders = built.facts;
    linesPerOrder = built.linesPerOrder;
  } else {
    for (const b of builders) columns[b.key] = finishColumn(b, n);
    if (kind === 'subscriptions') {
      const monthly = toMonthly(columns, n);
      if (monthly.converted > 0) {
        warnings.push({ severity: 'warning', code: 'mrr-from-billing-period', params: { rows: monthly.converted }, message: `${monthly.converted} prices converted to monthly amounts (MRR) from their billing period and interval` });
      }
      if (monthly.unknown.length) {
        warnings.push({ severity: 'warning', code: 'unknown-billing-period', params: { periods: monthly.unknown.join(', ') }, message: `billing periods ${monthly.unknown.map((u) => `'${u}'`).join(', ')} are not understood; those prices are kept as monthly amounts` });
      }
    }
    const keyColumn = keyB ? (columns[keyB.key] as { dict: string[]; codes: Uint32Array }) : undefined;
    keys = dedupeKeys(columns, length, keyColumn);
  }
  const table: Table = { length, columns };
  const t3 = performance.now();

  // First/last day and customers.
  let firstDay: number | null = null;
  let lastDay: number | null = null;
  const main = columns[MAIN_DATE[kind]];
  if (main && main.type === 'day') {
    for (let r = 0; r < length; r++) {
      const d = main.data[r];
      if (d === MISSING_DAY) continue;
      if (firstDay === null || d < firstDay) firstDay = d;
      if (lastDay === null || d > lastDay) lastDay = d;
    }
  }
  const cust = columns.customer_id ?? columns.referrer_id;
  let customers = 0;
  let withoutCustomer = 0;
  if (cust && cust.type === 'dict') {
    const seen = new Uint8Array(cust.dict.length);
    for (let r = 0; r < length; r++) {
      const c = cust.codes[r];
      if (c === MISSING_CODE) withoutCustomer++;
      else if (!seen[c]) {
        seen[c] = 1;
        customers++;
      }
    }
  } else if (kind === 'orders') withoutCustomer = length;

  return {
    kind, table, keys, headerLine: dialect.headerRow < 0 ? 0 : read.headerLine, recordsRead: read.recordsRead, invalidRecords: invalid, errors: allErrors, errorCount, warnings,
    errorGroups: [...read.errorGroups, ...groups.list()],
    lineItemsRolledUp: n - length, firstDay, lastDay, customers,
    hasAmounts: kind !== 'orders' || (orders?.hasAmounts ?? false),
    ordersWithoutCustomer: kind === 'orders' ? withoutCustomer : 0,
    ...(orders ? { orders: orders.summary } : {}),
    ...(linesPerOrder ? { linesPerOrder } : {}),
    ...(dateOutliers ? { dateOutliers } : {}),
    timings: { decode: t1 - t0, records: t2 - t1, table: t3 - t2, facts: performance.now() - t3 },
  };
}

/** Per-column notes: null tokens, invisible characters in ids, date columns that mix styles. */
function columnWarnings(builders: readonly Builder[], dateOrder: string): ImportIssue[] {
  const out: ImportIssue[] = [];
  for (const b of builders) {
    if (b.nullTokens?.size) {
      const tokens = [...b.nullTokens];
      out.push({
        severity: 'warning', code: 'null-tokens', column: b.header,
        message: `column ${b.header}: ${tokens.map((t) => `'${t}'`).join(', ')} read as missing (null-token policy)`,
        params: { tokens: tokens.join(',') },
      });
    }
    if (b.invisibleLines?.length) {
      const l = b.invisibleLines;
      out.push({
        severity: 'warning', code: 'invisible-characters', line: l[0], column: b.header,
        message: `column ${b.header}: invisible characters in IDs (line ${l.slice(0, 10).join(', ')}${l.length > 10 ? ' and more' : ''})`,
        params: { count: l.length },
      });
    }
    if (b.sentinels > 0) {
      out.push({
        severity: 'warning', code: 'sentinel-dates', column: b.header, params: { count: b.sentinels },
        message: `column ${b.header}: ${b.sentinels} ${b.sentinels === 1 ? 'date' : 'dates'} in the year 2900 or later read as "no date" (a placeholder such as 9999-12-31)`,
      });
    }
    if (b.styles && b.styles.size > 1) {
      const styles = [...b.styles.values()];
      const order = dateOrder === 'DMY' ? 'day first' : dateOrder === 'MDY' ? 'month first' : 'year first';
      out.push({
        severity: 'warning', code: 'mixed-date-styles', column: b.header,
        message: `column ${b.header} mixes date styles (${styles.map((s) => `${s.count} like '${s.example}'`).join(', ')}); all read ${order}`,
        params: { styles: styles.map((s) => s.example).join(', '), order: dateOrder },
      });
    }
  }
  return out;
}
