/**
 * The workspace's customer table (issue #7): one customer numbering across every kind of data a
 * workspace holds (orders, subscriptions, customers, cancellations, feedback, referrals) and the
 * facts per customer that every analysis shares — built once per workspace in the worker's
 * table cache, so the churn audit, segments and CLV read the same numbers as retention.
 *
 * Facts per customer (MISSING_DAY / NaN where a customer has none):
 * - orders: number of orders, revenue (sum of amounts, refunds included), first and last order
 *   day with amount > 0 or no amount (the activity rule of docs/metrics.md section 1);
 * - subscriptions: first start, last end (OPEN_END while one runs), MRR of the subscriptions
 *   running on the data's last day;
 * - first and last active day over both, tenure (last - first, days);
 * - churn: for subscriptions the day the last spell ended; for orders `churnDayOrders(W)`
 *   (last active day + W, when that is on or before the data's last day); the latest
 *   cancellation day (kind 'churn') — the three days that definitions A-C, D and E build on;
 * - attributes: every column of the customers table (plan, region, attr:*) as a typed column
 *   aligned to the customer numbers (the first row of a customer wins).
 *
 * Per table the row -> customer number map is kept (`rowCustomer`), so a customer mask turns
 * into a row filter of any table (mask.ts). O(total rows) time and memory; one Map lookup per
 * distinct id per table.
 */
import type { DataKind } from '../schema/kinds.ts';
import { MISSING_CODE, MISSING_DAY, type Column, type Table } from '../table.ts';

/** Subscriptions still running: the end used for "open". */
const OPEN = 2147483647;

export interface CustomerFacts {
  readonly orders: Uint32Array;
  readonly revenue: Float64Array;
  readonly firstOrderDay: Int32Array;
  readonly lastOrderDay: Int32Array;
  readonly firstStart: Int32Array;
  /** Last subscription end; OPEN_END (2^31 - 1) while one is running; MISSING_DAY without subscriptions. */
  readonly lastEnd: Int32Array;
  /** MRR of the subscriptions running on the data's last day (0 when none; NaN without subscriptions). */
  readonly mrr: Float64Array;
  readonly firstActiveDay: Int32Array;
  readonly lastActiveDay: Int32Array;
  /** lastActiveDay - firstActiveDay in days (NaN when not known). */
  readonly tenureDays: Float64Array;
  /** Latest cancellation day (kind 'churn'), MISSING_DAY when none. */
  readonly cancelledOn: Int32Array;
}

export interface CustomerTable {
  /** Customer ids as written; the customer number is the index. */
  readonly ids: readonly string[];
  readonly count: number;
  /** The data's last day over orders and subscription starts (MISSING_DAY when empty). */
  readonly lastDay: number;
  readonly facts: CustomerFacts;
  /** Customers-table columns aligned to customer numbers (`plan`, `region`, `attr:Industry` ...). */
  readonly attributes: Readonly<Record<string, Column>>;
  /** Per kind: the customer number of each row of that kind's table (MISSING_CODE = none). */
  readonly rowCustomer: Readonly<Partial<Record<DataKind, Uint32Array>>>;
  /** The number of an id, or -1. */
  numberOf(id: string): number;
}

/** The id columns that name a customer, per kind (referrals: the referrer). */
const KEY_COLUMN: Readonly<Record<DataKind, string>> = {
  orders: 'customer_id', customers: 'customer_id', subscriptions: 'customer_id', churn: 'customer_id', feedback: 'customer_id', referrals: 'referrer_id',
};
const ORDER: readonly DataKind[] = ['customers', 'orders', 'subscriptions', 'churn', 'feedback', 'referrals'];

/**
 * Builds the customer table of a workspace's tables (any kind may be missing).
 *
 * @example buildCustomerTable({ orders }).facts.revenue[0]
 */
export function buildCustomerTable(tables: Readonly<Partial<Record<DataKind, Table>>>): CustomerTable {
  const numbers = new Map<string, number>();
  const ids: string[] = [];
  const rowCustomer: Partial<Record<DataKind, Uint32Array>> = {};
  for (const kind of ORDER) {
    const t = tables[kind];
    const col = t?.columns[KEY_COLUMN[kind]];
    if (!t || col?.type !== 'dict') continue;
    const remap = new Uint32Array(col.dict.length).fill(MISSING_CODE);
    const rows = new Uint32Array(t.length).fill(MISSING_CODE);
    for (let r = 0; r < t.length; r++) {
      const c = col.codes[r];
      if (c === MISSING_CODE || c >= col.dict.length) continue;
      let k = remap[c];
      if (k === MISSING_CODE) {
        const id = col.dict[c];
        const known = numbers.get(id);
        if (known === undefined) {
          k = ids.length;
          numbers.set(id, k);
          ids.push(id);
        } else k = known;
        remap[c] = k;
      }
      rows[r] = k;
    }
    rowCustomer[kind] = rows;
  }
  const n = ids.length;
  const facts: CustomerFacts = {
    orders: new Uint32Array(n),
    revenue: new Float64Array(n).fill(NaN),
    firstOrderDay: new Int32Array(n).fill(MISSING_DAY),
    lastOrderDay: new Int32Array(n).fill(MISSING_DAY),
    firstStart: new Int32Array(n).fill(MISSING_DAY),
    lastEnd: new Int32Array(n).fill(MISSING_DAY),
    mrr: new Float64Array(n).fill(NaN),
    firstActiveDay: new Int32Array(n).fill(MISSING_DAY),
    lastActiveDay: new Int32Array(n).fill(MISSING_DAY),
    tenureDays: new Float64Array(n).fill(NaN),
    cancelledOn: new Int32Array(n).fill(MISSING_DAY),
  };
  let lastDay = MISSING_DAY;
  const later = (a: number, b: number): number => (a === MISSING_DAY ? b : b === MISSING_DAY ? a : Math.max(a, b));
  const earlier = (a: number, b: number): number => (a === MISSING_DAY ? b : b === MISSING_DAY ? a : Math.min(a, b));

  const orders = tables.orders;
  const orderRows = rowCustomer.orders;
  if (orders && orderRows) {
    const date = orders.columns.date;
    const amount = orders.columns.amount;
    for (let r = 0; r < orders.length; r++) {
      const k = orderRows[r];
      if (k === MISSING_CODE) continue;
      facts.orders[k]++;
      const a = amount?.type === 'num' ? amount.data[r] : NaN;
      if (!Number.isNaN(a)) facts.revenue[k] = (Number.isNaN(facts.revenue[k]) ? 0 : facts.revenue[k]) + a;
      const d = date?.type === 'day' ? date.data[r] : MISSING_DAY;
      if (d === MISSING_DAY) continue;
      lastDay = later(lastDay, d);
      if (a <= 0) continue; // refunds and corrections never make a customer active
      facts.firstOrderDay[k] = earlier(facts.firstOrderDay[k], d);
      facts.lastOrderDay[k] = later(facts.lastOrderDay[k], d);
    }
  }
  const subs = tables.subscriptions;
  const subRows = rowCustomer.subscriptions;
  if (subs && subRows) {
    const start = subs.columns.start_date;
    const end = subs.columns.end_date;
    for (let r = 0; r < subs.length; r++) {
      const s = start?.type === 'day' ? start.data[r] : MISSING_DAY;
      if (s !== MISSING_DAY) lastDay = later(lastDay, s);
    }
    const mrr = subs.columns.mrr;
    for (let r = 0; r < subs.length; r++) {
      const k = subRows[r];
      const s = start?.type === 'day' ? start.data[r] : MISSING_DAY;
      if (k === MISSING_CODE || s === MISSING_DAY) continue;
      const eRaw = end?.type === 'day' ? end.data[r] : MISSING_DAY;
      const e = eRaw === MISSING_DAY ? OPEN : eRaw;
      if (e <= s) continue;
      facts.firstStart[k] = earlier(facts.firstStart[k], s);
      facts.lastEnd[k] = facts.lastEnd[k] === MISSING_DAY ? e : Math.max(facts.lastEnd[k], e);
      if (Number.isNaN(facts.mrr[k])) facts.mrr[k] = 0;
      const m = mrr?.type === 'num' ? mrr.data[r] : NaN;
      if (lastDay !== MISSING_DAY && s <= lastDay && lastDay < e && !Number.isNaN(m)) facts.mrr[k] += m;
    }
  }
  const churn = tables.churn;
  const churnRows = rowCustomer.churn;
  if (churn && churnRows && churn.columns.date?.type === 'day') {
    const date = churn.columns.date.data;
    for (let r = 0; r < churn.length; r++) {
      const k = churnRows[r];
      if (k !== MISSING_CODE && date[r] !== MISSING_DAY) facts.cancelledOn[k] = later(facts.cancelledOn[k], date[r]);
    }
  }
  for (let k = 0; k < n; k++) {
    const first = earlier(facts.firstOrderDay[k], facts.firstStart[k]);
    const subLast = facts.lastEnd[k] === MISSING_DAY ? MISSING_DAY : facts.lastEnd[k] === OPEN ? lastDay : facts.lastEnd[k] - 1;
    const last = later(facts.lastOrderDay[k], subLast);
    facts.firstActiveDay[k] = first;
    facts.lastActiveDay[k] = last;
    if (first !== MISSING_DAY && last !== MISSING_DAY) facts.tenureDays[k] = last - first;
  }
  return {
    ids, count: n, lastDay, facts, rowCustomer,
    attributes: attributesOf(tables.customers, rowCustomer.customers, n),
    numberOf: (id) => numbers.get(id) ?? -1,
  };
}

/** Customers-table columns aligned to customer numbers: the first row of each customer wins. */
function attributesOf(customers: Table | undefined, rows: Uint32Array | undefined, n: number): Record<string, Column> {
  const out = Object.create(null) as Record<string, Column>;
  if (!customers || !rows) return out;
  const firstRow = new Int32Array(n).fill(-1);
  for (let r = 0; r < customers.length; r++) if (rows[r] !== MISSING_CODE && firstRow[rows[r]] < 0) firstRow[rows[r]] = r;
  for (const [key, col] of Object.entries(customers.columns)) {
    if (key === 'customer_id') continue;
    if (col.type === 'num') out[key] = { type: 'num', data: Float64Array.from(firstRow, (r) => (r < 0 ? NaN : col.data[r])) };
    else if (col.type === 'day') out[key] = { type: 'day', data: Int32Array.from(firstRow, (r) => (r < 0 ? MISSING_DAY : col.data[r])) };
    else out[key] = { type: 'dict', dict: col.dict, codes: Uint32Array.from(firstRow, (r) => (r < 0 ? MISSING_CODE : col.codes[r])) };
  }
  return out;
}

/**
 * Orders: the day a customer churned with activity window W (last active day + W), when that day
 * is on or before the data's last day; MISSING_DAY otherwise (still active, or never active).
 */
export function churnDayOrders(table: CustomerTable, k: number, windowDays: number): number {
  const last = table.facts.lastOrderDay[k];
  if (last === MISSING_DAY || table.lastDay === MISSING_DAY) return MISSING_DAY;
  const day = last + windowDays;
  return day <= table.lastDay ? day : MISSING_DAY;
}
