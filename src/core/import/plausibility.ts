/**
 * The plausibility report shown before an import is committed (UI) and printed by the command
 * line: what the file will add (orders, customers, revenue, dates, lines per order), what is
 * skipped and why (grouped: one line per reason and column, never thousands of identical lines),
 * and warnings in words when a figure looks wrong (issue #6: "no import produces a figure that
 * is wrong without a warning").
 *
 * Pure: takes the parsed table and facts, returns data with an English `message` and a `code`
 * plus `params` for translation. O(rows).
 */
import type { ImportIssue } from '../issues.ts';
import type { DataKind } from '../schema/kinds.ts';
import { kahanSum } from '../stats/kahan-sum.ts';
import { MISSING_CODE, MISSING_DAY, type Table } from '../table.ts';

/** What the roll-up of an orders file did (ingest/steps/rollup.ts). */
export interface OrderRollupFacts {
  /** Valid rows read (line items or orders). */
  readonly lines: number;
  readonly multiLineOrders: number;
  /** Where the amount sat: an order total taken once, line amounts summed, quantity x price, or no amount. */
  readonly amountLevel: 'order' | 'line' | 'quantity-x-price' | 'none';
  readonly firstLineOnly: number;
  readonly repeated: number;
  readonly varying: number;
  /** Orders whose amount is quantity x unit price. */
  readonly fromPrice: number;
  /** Order ids used by more than one customer (each customer's part is its own order). */
  readonly sharedOrderIds: number;
  readonly sharedExample?: string;
  readonly reversed: number;
  readonly voided: number;
  readonly partial: number;
  readonly creditNotes: number;
  readonly netOfRefunds: number;
}

/** Errors of one reason in one column, counted over the whole file. */
export interface ErrorGroup {
  readonly code: string;
  readonly column?: string;
  readonly count: number;
  /** The first lines (up to 10). */
  readonly lines: readonly number[];
  /** The first error's message. */
  readonly example: string;
}

export interface PlausibilityInput {
  readonly kind: DataKind;
  readonly table: Table;
  readonly recordsRead: number;
  readonly invalidRecords: number;
  readonly errorGroups: readonly ErrorGroup[];
  readonly hasAmounts: boolean;
  readonly ordersWithoutCustomer: number;
  readonly customers: number;
  readonly firstDay: number | null;
  readonly lastDay: number | null;
  readonly orders?: OrderRollupFacts;
  /** Header of the column mapped to each field (for the messages). */
  readonly columnOf: (field: string) => string | undefined;
  /** Unmapped columns whose values look like ids (for "did you mean ...?"). */
  readonly keyCandidates?: readonly string[];
  /** Rows with an implausible main date (ingest/steps/plausible-dates.ts). */
  readonly dateOutliers?: { readonly count: number; readonly column: string; readonly from: string; readonly to: string; readonly examples: readonly { readonly line: number; readonly value: string }[]; readonly kept: boolean };
}

export interface PlausibilityNote {
  readonly code: string;
  readonly severity: 'warning' | 'info';
  readonly message: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export interface PlausibilityReport {
  readonly kind: DataKind;
  /** Data records in the file. */
  readonly records: number;
  /** Rows that will be stored (orders after roll-up). */
  readonly rows: number;
  readonly skipped: number;
  readonly customers: number;
  /** Orders only; null when the file has no amounts. */
  readonly revenue: number | null;
  /** Subscriptions only: sum of the monthly amounts. */
  readonly mrr: number | null;
  readonly firstDay: number | null;
  readonly lastDay: number | null;
  /** Orders only: rows per order (1 when nothing was rolled up). */
  readonly linesPerOrder: number | null;
  readonly skippedByReason: readonly ErrorGroup[];
  readonly notes: readonly PlausibilityNote[];
  /** Feedback with a 0-10 score: the Net Promoter Score of the file (DESIGN.md section 7). */
  readonly nps?: { readonly responses: number; readonly promoters: number; readonly passives: number; readonly detractors: number; readonly nps: number };
}

const RE_PRICE_HEADER = /price|preis|cena|hind|цена|գին|unit|rate/i;
const plural = (n: number, one: string, many: string): string => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** Builds the report (see the module doc). */
export function plausibility(input: PlausibilityInput): PlausibilityReport {
  const { kind, table } = input;
  const notes: PlausibilityNote[] = [];
  const note = (severity: 'warning' | 'info', code: string, message: string, params?: Record<string, string | number>): void => {
    notes.push({ code, severity, message, ...(params ? { params } : {}) });
  };
  const amount = table.columns.amount;
  const revenue = kind === 'orders' && input.hasAmounts && amount?.type === 'num' ? kahanSum(amount.data) : null;
  const mrrColumn = table.columns.mrr;
  const mrr = kind === 'subscriptions' && mrrColumn?.type === 'num' ? kahanSum(mrrColumn.data) : null;
  const o = input.orders;

  const out = input.dateOutliers;
  if (out) {
    const rows = kind === 'orders' ? plural(out.count, 'order is', 'orders are') : plural(out.count, 'row is', 'rows are');
    const shown = out.examples.slice(0, 3).map((e) => `${e.value} on line ${e.line}`).join(', ');
    note('warning', out.kept ? 'implausible-dates-kept' : 'implausible-dates',
      `${rows} dated far outside the other dates (${shown}${out.count > 3 ? ', ...' : ''}; plausible: ${out.from} to ${out.to}): ${out.kept ? 'kept, as you chose' : 'left out; keep them only if the dates are right'}`,
      { count: out.count, column: out.column, examples: out.examples.slice(0, 3).map((e) => e.value).join(', '), from: out.from, to: out.to });
  }

  // Rejected rows concentrated on one key column: that column is probably not the key.
  const dup = input.errorGroups.find((g) => g.code === 'duplicate-key');
  if (dup && input.recordsRead >= 10 && dup.count >= input.recordsRead * 0.5) {
    const alt = input.keyCandidates?.[0];
    note('warning', 'key-mostly-repeated',
      `${plural(dup.count, 'row repeats', 'rows repeat')} an earlier value of ${dup.column}: this column is probably not the ${kind === 'customers' ? 'customer' : 'subscription'} id${alt ? `; did you mean ${alt}?` : ''}`,
      { column: dup.column ?? '', count: dup.count, ...(alt ? { suggestion: alt } : {}) });
  }

  if (kind === 'orders') {
    if (o && o.lines > table.length) {
      const how = o.amountLevel === 'line' ? 'line amounts summed' : o.amountLevel === 'quantity-x-price' ? 'amount = quantity x unit price, summed' : 'the order total taken once';
      note('info', 'rolled-up', `${plural(o.lines, 'row', 'rows')} rolled up into ${plural(table.length, 'order', 'orders')} by order id (${how})`, { lines: o.lines, orders: table.length, level: o.amountLevel });
    }
    if (o && o.fromPrice > 0 && o.amountLevel !== 'quantity-x-price') {
      note('info', 'amount-from-price', `${plural(o.fromPrice, 'order has', 'orders have')} no total: quantity x unit price is used`, { orders: o.fromPrice });
    }
    if (o && o.sharedOrderIds > 0) {
      note('warning', 'shared-order-ids', `${plural(o.sharedOrderIds, 'order id is', 'order ids are')} used by more than one customer (e.g. ${o.sharedExample}); each customer's part is counted as an order of its own`, { count: o.sharedOrderIds, example: o.sharedExample ?? '' });
    }
    if (o && o.voided > 0) note('info', 'voided-orders', `${plural(o.voided, 'order was', 'orders were')} refunded, cancelled or failed by its status: counted with no revenue`, { count: o.voided });
    if (o && o.reversed > 0) note('info', 'reversed-orders', `${plural(o.reversed, 'row is a', 'rows are')} refund, credit note or chargeback by its status: counted as negative revenue`, { count: o.reversed });
    if (o && o.creditNotes > 0) note('info', 'credit-notes', `${plural(o.creditNotes, 'invoice is a', 'invoices are')} credit note (number starting with C): counted as negative revenue`, { count: o.creditNotes });
    if (o && o.netOfRefunds > 0) note('info', 'net-of-refunds', `${plural(o.netOfRefunds, 'order has', 'orders have')} a refunded amount: revenue is the amount minus the refund`, { count: o.netOfRefunds });
    if (o && o.partial > 0) note('warning', 'partial-refunds', `${plural(o.partial, 'order is', 'orders are')} partially refunded and the file does not say by how much: their full amount is counted`, { count: o.partial });
    if (input.ordersWithoutCustomer > 0) {
      const all = input.ordersWithoutCustomer === table.length;
      note('warning', all ? 'no-customers' : 'orders-without-customer',
        all ? `no order has a customer: orders and revenue are counted, but retention, cohorts and lifetime value need a customer column`
          : `${plural(input.ordersWithoutCustomer, 'order has', 'orders have')} no customer (guest checkouts, walk-in sales): counted in orders and revenue, left out of retention`,
        { count: input.ordersWithoutCustomer });
    }
    if (!input.hasAmounts) note('warning', 'no-amounts', 'the file has no amounts: revenue figures show "n/a"; retention, cohorts, frequency and survival work without them', {});
    const price = input.columnOf('amount');
    if (price && RE_PRICE_HEADER.test(price) && !input.columnOf('unit_price')) {
      note('warning', 'amount-looks-like-price', `the amount comes from ${price}, which sounds like a unit price: if rows are product lines, map it to unit price (and the quantity column to quantity) so that amount = quantity x price`, { column: price });
    }
    const perDay = input.columnOf('order_id') ? null : rowsPerCustomerDay(table);
    if (perDay !== null && perDay >= 1.5) {
      note('warning', 'lines-without-order-id', `rows share a customer and a day ${perDay.toFixed(1)} times on average but no order or invoice number is mapped: each row may be a product line, not an order; map the order or invoice number column`, { perDay: Math.round(perDay * 10) / 10 });
    }
    const single = oneOrderEach(table);
    if (single && table.length >= 20) {
      note('warning', 'one-order-per-customer', `every customer has exactly one order: check that ${input.columnOf('customer_id') ?? 'the customer column'} identifies customers (and is not an order or invoice number)`, { column: input.columnOf('customer_id') ?? '' });
    }
  }
  let nps: PlausibilityReport['nps'];
  if (kind === 'feedback') {
    const score = table.columns.score;
    if (score?.type === 'num') {
      let n = 0;
      let pro = 0;
      let pas = 0;
      let det = 0;
      let max = -Infinity;
      for (const v of score.data) {
        if (Number.isNaN(v)) continue;
        n++;
        if (v > max) max = v;
        if (v >= 9) pro++;
        else if (v >= 7) pas++;
        else det++;
      }
      const missing = table.length - n;
      if (missing > 0) note('info', 'responses-without-score', `${plural(missing, 'response has', 'responses have')} no score: kept, and left out of score figures`, { count: missing });
      if (n > 0 && max <= 10 && max > 5) nps = { responses: n, promoters: pro, passives: pas, detractors: det, nps: ((pro - det) / n) * 100 };
    }
  }
  const orders = kind === 'orders' ? table.length : 0;
  return {
    kind, records: input.recordsRead, rows: table.length, skipped: input.invalidRecords, customers: input.customers, revenue, mrr,
    firstDay: input.firstDay, lastDay: input.lastDay,
    linesPerOrder: kind === 'orders' && orders > 0 ? (o?.lines ?? orders) / orders : null,
    skippedByReason: input.errorGroups, notes, ...(nps ? { nps } : {}),
  };
}

/** Average rows per (customer, day) over pairs with a customer and a day, or null when there are too few. */
function rowsPerCustomerDay(table: Table): number | null {
  const c = table.columns.customer_id;
  const d = table.columns.date;
  if (c?.type !== 'dict' || d?.type !== 'day' || table.length < 20) return null;
  const pairs = new Set<number>();
  let rows = 0;
  for (let r = 0; r < table.length; r++) {
    if (c.codes[r] === MISSING_CODE || d.data[r] === MISSING_DAY) continue;
    rows++;
    pairs.add(c.codes[r] * 1e6 + (d.data[r] + 500000));
  }
  return pairs.size === 0 ? null : rows / pairs.size;
}

/** True when every customer with an order has exactly one. */
function oneOrderEach(table: Table): boolean {
  const c = table.columns.customer_id;
  if (c?.type !== 'dict') return false;
  const seen = new Uint8Array(c.dict.length);
  let any = false;
  for (let r = 0; r < table.length; r++) {
    const k = c.codes[r];
    if (k === MISSING_CODE) continue;
    if (seen[k]) return false;
    seen[k] = 1;
    any = true;
  }
  return any;
}

/** Groups issues by (code, column), in order of first appearance. Call with every error, not a capped list. */
export class ErrorGrouper {
  private readonly groups = new Map<string, { code: string; column?: string; count: number; lines: number[]; example: string }>();
  add(issue: ImportIssue): void {
    const key = `${issue.code}\u0000${issue.column ?? ''}`;
    let g = this.groups.get(key);
    if (!g) {
      g = { code: issue.code, ...(issue.column !== undefined ? { column: issue.column } : {}), count: 0, lines: [], example: issue.message };
      this.groups.set(key, g);
    }
    g.count++;
    if (g.lines.length < 10 && issue.line !== undefined) g.lines.push(issue.line);
  }
  list(): ErrorGroup[] {
    return [...this.groups.values()];
  }
}
