/**
 * The parsed parts of one file as one ParsedFile (scripts/parse-in-parts.ts and the app's two-part read, issue #13): the same
 * columnar table, keys and facts that `parseFile` gives for the whole file, built part by part
 * so that only one part's rows are ever held twice.
 *
 * What is done across parts, and how it can differ from reading the whole file at once:
 * - Line and record numbers are shifted to the file's own (messages included).
 * - Dictionary columns are merged (one code per distinct string); the unique key column (order
 *   id, customer id, subscription id), one string per row, is appended without a Map (or, for
 *   order ids with `keepOrderIds: false`, not kept at all), and key-index.ts finds the keys that
 *   repeat across parts, exactly, on its own compact copy of them:
 *   - an order whose lines sit in two parts (not next to each other: scripts/file-parts.ts never cuts
 *     between adjacent lines of one order) is rolled up into its first row: amounts summed when
 *     the amount is a line amount (taken once when it is an order total), quantities summed, the
 *     first non-missing value of every other column; an order id of two customers is two orders;
 *   - a customer or subscription id repeated across parts is a 'duplicate-key' row error, as in
 *     one file, naming the parts' line ranges (the first row's own line is not kept).
 * - The amount level (order total or line amounts) is decided in each part; parts that decide
 *   differently are reported in a warning. Credit-note numbers are told apart over the whole file
 *   (a part with too few plain invoice numbers gets the file's rule; the opposite case, a part
 *   that applied the rule when the whole file would not, is left as the part read it).
 * - Implausible main dates are found over the whole file (parts are read keeping them); the
 *   whole-file read drops them before rolling line items up, this after (equal for files with
 *   one row per order).
 * - Content-hash keys (rows without an id) are recomputed over the whole table, so equal rows in
 *   two parts are numbered as in one file.
 * - Warnings are kept once per code and column; those that count rows or list lines or values
 *   (blank lines, MRR conversions, null tokens ...) are added up (MERGED), the others keep the
 *   first part's wording. A date column that mixes styles is noted only when one part sees two.
 * O(rows) time; memory: the growing columns plus one part.
 */
import type { ImportIssue } from '../../core/issues.ts';
import { MAIN_DATE, UNIQUE_KEY, type DataKind } from '../../core/schema/kinds.ts';
import { MISSING_CODE, MISSING_DAY, type Column, type Table } from '../../core/table.ts';
import { filterTable } from '../../core/table-ops.ts';
import { utcMsToDay } from '../../core/parse/date.ts';
import { dedupeKeys, isContentKey } from '../steps/dedupe-keys.ts';
import { findDateOutliers } from '../steps/plausible-dates.ts';
import type { ErrorGroup, OrderRollupFacts, ParsedFile } from '../types.ts';
import { appendColumn, growColumn, growTo, newGrow, type Grow } from './grow-columns.ts';
import { KeyIndex } from './key-index.ts';
import { applyFileRule, partCreditNotes, type PartCreditNotes } from './credit-notes.ts';
import { MERGED, shiftIssue, shiftLines } from './part-issues.ts';

export { fatalOfPart, shiftLines } from './part-issues.ts';

export interface CombineOptions {
  readonly kind: DataKind;
  readonly maxListedErrors: number;
  readonly keepImplausibleDates: boolean;
  readonly today?: number;
  /** Rows expected (a hint: the columns grow past it). */
  readonly rowsHint: number;
  /** Header of the column mapped to a field key (for messages). */
  readonly headerOf: (key: string) => string;
  /**
   * False: an orders file's order ids are not kept once the parts are checked for repeats (no
   * `order_id` column, `keys` empty). The command line's reader when no other orders file needs
   * them for its update rule (merge-files.ts): no analysis reads them, and at 10M rows they
   * were ~0.5 GB of strings. Default true (the app stores the keys).
   */
  readonly keepOrderIds?: boolean;
}


const ORDER_SUMS = ['lines', 'multiLineOrders', 'firstLineOnly', 'repeated', 'varying', 'fromPrice', 'sharedOrderIds', 'reversed', 'voided', 'partial', 'creditNotes', 'netOfRefunds'] as const;

/** Accumulates parsed parts (in file order) into one ParsedFile; see the module doc. */
export class PartsAccumulator {
  private n = 0;
  private cap: number;
  private readonly cols = new Map<string, Grow>();
  private order: string[] = [];
  private keys: string[] = [];
  private lpo?: Uint32Array;
  private drop?: Uint8Array;
  private contentKeys = false;
  private readonly uniqueKey: string | undefined;
  private readonly index = new KeyIndex();
  private readonly partStarts: number[] = [];
  private readonly partLines: [number, number][] = [];
  private readonly levels: OrderRollupFacts['amountLevel'][] = [];
  // Facts.
  private parts = 0;
  private headerLine = 0;
  private recordsRead = 0;
  private invalid = 0;
  private errorCount = 0;
  private errors: ImportIssue[] = [];
  private readonly groups = new Map<string, { code: string; column?: string; count: number; lines: number[]; example: string }>();
  private readonly warnings = new Map<string, ImportIssue>();
  private rolledUp = 0;
  private crossPartOrders = 0;
  private hasAmounts = false;
  private orders?: { -readonly [K in keyof OrderRollupFacts]: OrderRollupFacts[K] };
  /** Per part with order ids: its credit-note numbers (credit-notes.ts). */
  private readonly creditNotes: PartCreditNotes[] = [];
  /** The order ids go once checked (CombineOptions.keepOrderIds). */
  private readonly dropIds: boolean;
  private outlierExamples: { line: number; value: string }[] = [];
  private outlierColumn?: string;

  constructor(private readonly options: CombineOptions) {
    this.cap = Math.max(1024, Math.ceil(options.rowsHint));
    this.uniqueKey = options.kind === 'orders' ? 'order_id' : UNIQUE_KEY[options.kind];
    this.dropIds = options.kind === 'orders' && options.keepOrderIds === false;
  }

  /** Adds one part's ParsedFile; `lineShift` and `recordShift` move its numbers to the file's. */
  add(p: ParsedFile, lineShift: number, recordShift: number, lines: [number, number]): void {
    const t = p.table;
    const base = this.n;
    if (this.parts === 0) {
      this.headerLine = p.headerLine;
      this.order = Object.keys(t.columns);
    }
    this.parts++;
    this.partStarts.push(base);
    this.partLines.push(lines);
    this.ensure(base + t.length);
    for (const key of new Set([...this.order, ...Object.keys(t.columns)])) {
      if (!(this.dropIds && key === 'order_id')) this.append(key, t.columns[key], base, t.length);
    }
    for (let r = 0; r < t.length && !this.dropIds; r++) {
      const k = p.keys[r];
      if (!this.contentKeys && isContentKey(k)) this.contentKeys = true;
      this.keys.push(k);
    }
    if (p.linesPerOrder && !this.lpo) this.lpo = new Uint32Array(this.cap).fill(1, 0, base);
    if (this.lpo) {
      if (p.linesPerOrder) this.lpo.set(p.linesPerOrder.subarray(0, t.length), base);
      else this.lpo.fill(1, base, base + t.length);
    }
    this.n = base + t.length;
    if (p.orders && p.orders.multiLineOrders > 0) this.levels.push(p.orders.amountLevel);
    const ids = t.columns.order_id;
    if (this.options.kind === 'orders' && ids?.type === 'dict') this.creditNotes.push(partCreditNotes(ids.codes, ids.dict, base, t.length));
    const unique = this.uniqueKey ? t.columns[this.uniqueKey] : undefined;
    if (unique?.type === 'dict') this.index.scan(unique.codes, unique.dict, base, t.length, (f, r, s) => this.repeated(f, r, s));

    this.recordsRead += p.recordsRead;
    this.invalid += p.invalidRecords;
    this.errorCount += p.errorCount;
    if (this.errors.length < this.options.maxListedErrors) for (const e of p.errors) this.errors.push(shiftIssue(e, lineShift, recordShift));
    for (const g of p.errorGroups) this.addGroup(g, lineShift);
    for (const w of p.warnings) {
      const id = `${w.code}\u0000${w.column ?? ''}`;
      const seen = this.warnings.get(id);
      const here = shiftIssue(w, lineShift, recordShift);
      const merge = MERGED[w.code];
      if (!seen) this.warnings.set(id, here);
      else if (merge) this.warnings.set(id, merge(seen, here));
    }
    this.rolledUp += p.lineItemsRolledUp;
    this.hasAmounts ||= p.hasAmounts;
    if (p.orders) {
      if (!this.orders) this.orders = { ...p.orders };
      else {
        for (const k of ORDER_SUMS) this.orders[k] += p.orders[k];
        if (this.orders.sharedExample === undefined && p.orders.sharedExample !== undefined) this.orders.sharedExample = p.orders.sharedExample;
      }
    }
    if (p.dateOutliers) {
      this.outlierColumn ??= p.dateOutliers.column;
      for (const e of p.dateOutliers.examples) if (this.outlierExamples.length < 50) this.outlierExamples.push({ line: e.line + lineShift, value: e.value });
    }
  }

  private addGroup(g: ErrorGroup, shift: number): void {
    const id = `${g.code}\u0000${g.column ?? ''}`;
    let into = this.groups.get(id);
    if (!into) {
      into = { code: g.code, ...(g.column !== undefined ? { column: g.column } : {}), count: 0, lines: [], example: shiftLines(g.example, shift) };
      this.groups.set(id, into);
    }
    into.count += g.count;
    for (const l of g.lines) if (into.lines.length < 10) into.lines.push(l + shift);
  }

  private ensure(rows: number): void {
    if (rows <= this.cap && this.cols.size > 0) return;
    const cap = rows <= this.cap ? this.cap : Math.max(rows, Math.ceil(this.cap * 1.5));
    const n = this.n;
    for (const g of this.cols.values()) growColumn(g, cap, n);
    if (this.lpo) this.lpo = growTo(this.lpo, cap, n, (l) => new Uint32Array(l));
    if (this.drop) this.drop = growTo(this.drop, cap, n, (l) => new Uint8Array(l));
    this.cap = cap;
  }

  private append(key: string, col: Column | undefined, base: number, len: number): void {
    let g = this.cols.get(key);
    if (!g) {
      g = newGrow(col, this.cap, base, key === this.uniqueKey);
      this.cols.set(key, g);
      if (!this.order.includes(key)) this.order.push(key);
    }
    appendColumn(g, col, base, len, this.cap);
  }

  private partOf(row: number): number {
    let p = 0;
    while (p + 1 < this.partStarts.length && this.partStarts[p + 1] <= row) p++;
    return p;
  }

  /** Row `r` repeats the unique key of row `f` of an earlier part. */
  private repeated(f: number, r: number, id: string): void {
    this.drop ??= new Uint8Array(this.cap);
    if (this.options.kind !== 'orders') {
      // As in one file: the later row is an error.
      const [a, b] = this.partLines[this.partOf(f)];
      const [c, d] = this.partLines[this.partOf(r)];
      const column = this.options.headerOf(this.uniqueKey as string);
      const issue: ImportIssue = {
        severity: 'error', code: 'duplicate-key', column, value: id,
        message: `column ${column}: '${id}' appears again (first in lines ${a}-${b}, again in lines ${c}-${d})`,
      };
      this.drop[r] = 1;
      this.invalid++;
      this.errorCount++;
      if (this.errors.length < this.options.maxListedErrors) this.errors.push(issue);
      this.addGroup({ code: issue.code, column, count: 1, lines: [], example: issue.message }, 0);
      return;
    }
    const cust = this.cols.get('customer_id');
    if (cust?.type === 'dict' && cust.codes[f] !== cust.codes[r]) {
      // One order id, two customers: two orders, keyed by id and customer (as rollup.ts does).
      const name = (row: number) => (cust.codes[row] === MISSING_CODE ? '' : cust.dict[cust.codes[row]]);
      if (!this.dropIds) {
        if (!this.keys[f].includes('\u001f')) this.keys[f] = `${id}\u001f${name(f)}`;
        this.keys[r] = `${id}\u001f${name(r)}`;
      }
      if (this.orders) {
        this.orders.sharedOrderIds++;
        this.orders.sharedExample ??= id;
      }
      return;
    }
    // Line amounts are summed, an order total is taken once; with no multi-line order elsewhere
    // this order decides, as rollup.ts would: equal amounts are a repeated total.
    const amount = this.cols.get('amount');
    const lineAmounts = this.levels.length > 0
      ? this.levels.some((l) => l === 'line' || l === 'quantity-x-price')
      : amount?.type === 'num' && amount.data[f] !== amount.data[r];
    for (const [key, g] of this.cols) {
      if (g.type === 'num') {
        const a = g.data[f];
        const b = g.data[r];
        const sum = key === 'quantity' || (key === 'amount' && lineAmounts);
        if (Number.isNaN(a)) g.data[f] = b;
        else if (sum && !Number.isNaN(b)) g.data[f] = a + b;
      } else if (g.type === 'day') {
        if (g.data[f] === MISSING_DAY) {
          g.data[f] = g.data[r];
          if (g.time) g.time[f] = g.time[r];
        }
      } else if (g.codes[f] === MISSING_CODE) g.codes[f] = g.codes[r];
    }
    this.lpo ??= new Uint32Array(this.cap).fill(1, 0, this.n);
    this.lpo[f] += this.lpo[r];
    this.drop[r] = 1;
    this.rolledUp++;
    this.crossPartOrders++;
  }

  /** Notes made across parts, as warnings. */
  private acrossParts(): ImportIssue[] {
    const out: ImportIssue[] = [];
    if (this.crossPartOrders > 0) {
      out.push({
        severity: 'warning', code: 'order-across-parts', params: { orders: this.crossPartOrders },
        message: `${this.crossPartOrders} ${this.crossPartOrders === 1 ? 'order has' : 'orders have'} lines far apart in the file (read in parts); rolled up into the order's first row`,
      });
    }
    const levels = [...new Set(this.levels)];
    if (levels.length > 1) {
      out.push({
        severity: 'warning', code: 'amount-level-differs', params: { levels: levels.join(', ') },
        message: `the parts of this file read the amounts of multi-line orders differently (${levels.join(', ')}); check the amount column`,
      });
    }
    return out;
  }

  /** The whole file (see the module doc). */
  finish(): ParsedFile {
    const kind = this.options.kind;
    const n = this.n;
    const amount = this.cols.get('amount');
    if (kind === 'orders' && amount?.type === 'num') {
      // Credit-note numbers are told apart over the whole file (credit-notes.ts).
      const turned = applyFileRule(this.creditNotes, amount.data);
      if (this.orders) this.orders.creditNotes += turned;
    }
    const columns = Object.create(null) as Record<string, Column>;
    // Views, not copies: the columns were sized from the file's size (a few % spare), and a copy
    // of every column at once was the read's peak.
    const cut = <T extends Float64Array | Int32Array | Uint32Array>(a: T): T => (a.length - n > n / 8 ? (a.slice(0, n) as T) : (a.subarray(0, n) as T));
    for (const key of this.order) {
      const g = this.cols.get(key);
      if (!g) continue;
      columns[key] = g.type === 'num' ? { type: 'num', data: cut(g.data) }
        : g.type === 'day' ? (g.time ? { type: 'day', data: cut(g.data), time: cut(g.time) } : { type: 'day', data: cut(g.data) })
        : { type: 'dict', dict: g.dict, codes: cut(g.codes) };
    }
    this.cols.clear();
    this.index.clear();
    let table: Table = { length: n, columns };
    let keys = this.keys;
    let lpo = this.lpo?.slice(0, n);
    const keep = (mask: Uint8Array, reject: boolean) => {
      const m = reject ? mask.map((x) => 1 - x) : mask;
      table = filterTable(table, m);
      keys = keys.filter((_, r) => m[r] === 1);
      if (lpo) lpo = lpo.filter((_, r) => m[r] === 1);
    };
    if (this.drop) keep(this.drop.subarray(0, n), true);

    let dateOutliers: ParsedFile['dateOutliers'];
    const main = table.columns[MAIN_DATE[kind]];
    if (main?.type === 'day') {
      const out = findDateOutliers(main.data, table.length, this.options.today ?? utcMsToDay(Date.now()));
      if (out) {
        const examples = this.outlierExamples.filter((e) => e.value < out.from || e.value > out.to).slice(0, 10);
        dateOutliers = { count: out.count, column: this.outlierColumn ?? this.options.headerOf(MAIN_DATE[kind]), from: out.from, to: out.to, examples, kept: this.options.keepImplausibleDates };
        if (!this.options.keepImplausibleDates) keep(out.reject, true);
      }
    }
    if (this.contentKeys) {
      const u = this.uniqueKey ? table.columns[this.uniqueKey] : undefined;
      const fresh = dedupeKeys(table.columns, table.length, u?.type === 'dict' ? u : undefined);
      for (let r = 0; r < keys.length; r++) if (isContentKey(keys[r])) keys[r] = fresh[r];
    }

    let firstDay: number | null = null;
    let lastDay: number | null = null;
    const day = table.columns[MAIN_DATE[kind]];
    if (day?.type === 'day') {
      for (let r = 0; r < table.length; r++) {
        const d = day.data[r];
        if (d === MISSING_DAY) continue;
        if (firstDay === null || d < firstDay) firstDay = d;
        if (lastDay === null || d > lastDay) lastDay = d;
      }
    }
    const cust = table.columns.customer_id ?? table.columns.referrer_id;
    let customers = 0;
    let withoutCustomer = 0;
    if (cust?.type === 'dict') {
      const seen = new Uint8Array(cust.dict.length);
      for (let r = 0; r < table.length; r++) {
        const c = cust.codes[r];
        if (c === MISSING_CODE) withoutCustomer++;
        else if (!seen[c]) {
          seen[c] = 1;
          customers++;
        }
      }
    } else if (kind === 'orders') withoutCustomer = table.length;
    if (this.orders && this.levels.length > 0) {
      // The level most parts with multi-line orders decided.
      const count = new Map<string, number>();
      for (const l of this.levels) count.set(l, (count.get(l) ?? 0) + 1);
      this.orders.amountLevel = [...count].sort((a, b) => b[1] - a[1])[0][0] as OrderRollupFacts['amountLevel'];
    }
    if (this.orders && this.crossPartOrders > 0) this.orders.multiLineOrders += this.crossPartOrders;
    return {
      kind, table, keys, headerLine: this.headerLine, recordsRead: this.recordsRead, invalidRecords: this.invalid,
      errors: this.errors.sort((x, y) => (x.line ?? 0) - (y.line ?? 0)).slice(0, this.options.maxListedErrors),
      errorCount: this.errorCount, errorGroups: [...this.groups.values()],
      warnings: [...this.warnings.values(), ...this.acrossParts()],
      lineItemsRolledUp: this.rolledUp, firstDay, lastDay, customers,
      hasAmounts: kind !== 'orders' || this.hasAmounts,
      ordersWithoutCustomer: kind === 'orders' ? withoutCustomer : 0,
      ...(this.orders ? { orders: this.orders } : {}),
      ...(lpo ? { linesPerOrder: lpo } : {}),
      ...(dateOutliers ? { dateOutliers } : {}),
    };
  }
}
