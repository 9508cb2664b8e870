/**
 * Per-customer indexes over columnar tables (DESIGN.md sections 2 and 8: "build per-customer
 * indexes in the worker"). Every retention figure walks customers one at a time over their own
 * dated events, so the rows are regrouped once into CSR form (compressed sparse rows, as in
 * sparse matrices): customer k's events are entries offsets[k] .. offsets[k + 1] - 1 of flat
 * typed arrays, sorted by day.
 *
 * Customer numbering: customer k is the k-th distinct customer id that has at least one usable
 * row, in the order of the table's dictionary. Ids stay the strings of the file.
 *
 * Sorting is linear: a stable LSD radix sort of the rows by day (two 16-bit passes), then a
 * stable counting sort by customer, so each customer's rows come out sorted by day and, within
 * a day, in file order. O(n + customers), no comparison sort.
 *
 * Bad-input policy: rows with a missing customer id or a missing date cannot be placed in time
 * and are skipped; the index reports how many (`skippedRows`). Nothing throws for bad values;
 * a table without the required columns throws a TypeError naming the column.
 */
import { MISSING_CODE, MISSING_DAY, type Column, type DayColumn, type DictColumn, type NumColumn, type Table } from '../table.ts';

// Module-local copies: transpiled ESM imports are property reads, too slow in per-row loops.
const NO_DAY: number = MISSING_DAY;
const NO_CODE: number = MISSING_CODE;

/** End day of an open subscription (no end date): later than any real day number. */
export const OPEN_END = 2147483647;

/**
 * Orders regrouped by customer.
 *
 * Two views of the same orders: all orders (for revenue: refunds and corrections count there)
 * and the *activity days*, the distinct days with an order of amount > 0 (DESIGN.md section 2:
 * "orders with a negative or zero amount do not make a customer active").
 */
export interface OrderIndex {
  /** Customer id of customer k. */
  readonly customerIds: readonly string[];
  /** CSR offsets into days/amounts/rows; length customers + 1. */
  readonly offsets: Uint32Array;
  /** Order day, sorted ascending within each customer. */
  readonly days: Int32Array;
  /** Order amount as in the file (NaN = the file has no amount: 0 revenue, activates like an order). */
  readonly amounts: Float64Array;
  /** Source row of each entry, for receipts. */
  readonly rows: Uint32Array;
  /** CSR offsets into activeDays; length customers + 1. */
  readonly activeOffsets: Uint32Array;
  /** Distinct days with at least one order of amount > 0, ascending within each customer. */
  readonly activeDays: Int32Array;
  /**
   * First day with an order of amount > 0 (MISSING_DAY if the customer has none). A customer is
   * *new* in the period containing this day. Decision: the first *positive*
   * order, because a customer whose first row is a zero-amount correction or a refund has not
   * bought yet; a refund-only customer is never new and never active.
   */
  readonly firstActiveDay: Int32Array;
  /** Last day with an order of amount > 0 (MISSING_DAY if none). */
  readonly lastActiveDay: Int32Array;
  /** Earliest and latest order day of all usable rows (MISSING_DAY when there are none). */
  readonly minDay: number;
  readonly maxDay: number;
  /** Rows skipped for a missing customer id or date. */
  readonly skippedRows: number;
}

/**
 * Subscriptions regrouped by customer: the raw subscriptions (for MRR) and their union as
 * disjoint intervals (for activity).
 *
 * Intervals are half-open [start, end): active on day d iff start <= d < end (DESIGN.md
 * section 2: "start <= d and (no end, or d < end)"); an open subscription ends at OPEN_END.
 */
export interface SubscriptionIndex {
  readonly customerIds: readonly string[];
  /** CSR offsets into starts/ends/mrr/rows; length customers + 1. */
  readonly offsets: Uint32Array;
  /** Subscription start day, ascending within each customer. */
  readonly starts: Int32Array;
  /** Subscription end day (exclusive); OPEN_END when the file gave none. */
  readonly ends: Int32Array;
  /** Monthly recurring revenue of the subscription; NaN = missing. */
  readonly mrr: Float64Array;
  readonly rows: Uint32Array;
  /** CSR offsets into intervalStarts/intervalEnds; length customers + 1. */
  readonly intervalOffsets: Uint32Array;
  /**
   * The union of the customer's subscriptions as disjoint, ascending [start, end) intervals.
   * Overlapping *and touching* subscriptions merge (a renewal that starts on the day the old
   * one ends is one continuous spell, not a churn and a reactivation).
   */
  readonly intervalStarts: Int32Array;
  readonly intervalEnds: Int32Array;
  /** First start day per customer (a customer is new in the period containing it). */
  readonly firstStart: Int32Array;
  /** Earliest start and latest finite day (start or end) of all usable rows. */
  readonly minDay: number;
  readonly maxDay: number;
  /** Rows skipped: missing customer id or start date, or an end on or before the start. */
  readonly skippedRows: number;
}

function requireColumn<T extends Column['type']>(table: Table, key: string, type: T): Extract<Column, { type: T }> {
  const col = table.columns[key];
  if (!col) throw new TypeError(`retention needs a '${key}' column`);
  if (col.type !== type) throw new TypeError(`retention needs '${key}' as a ${type} column, got ${col.type}`);
  return col as Extract<Column, { type: T }>;
}

/**
 * Stable order of `valid` rows by (customer, day): LSD radix sort by day in two 16-bit passes,
 * then a stable counting sort by compact customer number. Returns the sorted row numbers and the
 * CSR offsets per customer. O(n + customers + 65536).
 */
function sortByCustomerThenDay(
  valid: Uint32Array,
  dayOf: Int32Array,
  minDay: number,
  maxDay: number,
  customerOf: Uint32Array,
  customers: number,
): { order: Uint32Array; offsets: Uint32Array } {
  const n = valid.length;
  let a = valid.slice();
  let b = new Uint32Array(n);
  const span = maxDay - minDay;
  const count = new Uint32Array(65537);
  for (let shift = 0; shift === 0 || span >>> shift > 0; shift += 16) {
    count.fill(0);
    for (let i = 0; i < n; i++) count[(((dayOf[a[i]] - minDay) >>> shift) & 0xffff) + 1]++;
    for (let k = 1; k < 65537; k++) count[k] += count[k - 1];
    for (let i = 0; i < n; i++) b[count[((dayOf[a[i]] - minDay) >>> shift) & 0xffff]++] = a[i];
    [a, b] = [b, a];
    if (shift >= 16) break;
  }
  const offsets = new Uint32Array(customers + 1);
  for (let i = 0; i < n; i++) offsets[customerOf[a[i]] + 1]++;
  for (let k = 0; k < customers; k++) offsets[k + 1] += offsets[k];
  const next = offsets.slice(0, customers);
  for (let i = 0; i < n; i++) b[next[customerOf[a[i]]]++] = a[i];
  return { order: b, offsets };
}

/** Compact customer numbers for rows that pass `usable`; -> per-row number (MISSING_CODE if unusable). */
function compactCustomers(ids: DictColumn, length: number, usable: (row: number) => boolean) {
  const remap = new Uint32Array(ids.dict.length).fill(MISSING_CODE);
  const seen = new Uint8Array(ids.dict.length);
  const rowOk = new Uint8Array(length);
  let validCount = 0;
  for (let i = 0; i < length; i++) {
    const c = ids.codes[i];
    if (c === NO_CODE || c >= ids.dict.length || !usable(i)) continue;
    rowOk[i] = 1;
    seen[c] = 1;
    validCount++;
  }
  const customerIds: string[] = [];
  for (let c = 0; c < ids.dict.length; c++) {
    if (seen[c]) {
      remap[c] = customerIds.length;
      customerIds.push(ids.dict[c]);
    }
  }
  const customerOf = new Uint32Array(length).fill(MISSING_CODE);
  const valid = new Uint32Array(validCount);
  for (let i = 0, j = 0; i < length; i++) {
    if (!rowOk[i]) continue;
    customerOf[i] = remap[ids.codes[i]];
    valid[j++] = i;
  }
  return { customerIds, customerOf, valid };
}

/**
 * Builds the per-customer order index of an orders table (columns `customer_id` dict, `date`
 * day, `amount` num). `keep(row)`, when given, leaves other rows out as if they were not in the
 * table (a customer mask: the same analysis on a segment); they are not counted as skipped.
 *
 * O(n + customers) time (radix and counting sorts), O(n) memory.
 *
 * Edge cases: missing customer or date -> row skipped (counted); amount NaN (no amount in the
 * file) -> kept, 0 revenue, activates like an order; amount <= 0 -> kept, never activates;
 * several orders on one day -> one activity day; an empty table gives an index with no
 * customers and minDay = maxDay = MISSING_DAY.
 */
export function buildOrderIndex(orders: Table, keep?: (row: number) => boolean): OrderIndex {
  const ids = requireColumn(orders, 'customer_id', 'dict');
  const date = requireColumn(orders, 'date', 'day') as DayColumn;
  const amount = requireColumn(orders, 'amount', 'num') as NumColumn;
  const n = orders.length;
  const masked = keep ? countMasked(n, keep) : 0;
  const { customerIds, customerOf, valid } = compactCustomers(ids, n, keep ? (i) => keep(i) && date.data[i] !== NO_DAY : (i) => date.data[i] !== NO_DAY);
  const customers = customerIds.length;
  let minDay = MISSING_DAY;
  let maxDay = MISSING_DAY;
  for (let j = 0; j < valid.length; j++) {
    const d = date.data[valid[j]];
    if (minDay === NO_DAY || d < minDay) minDay = d;
    if (maxDay === NO_DAY || d > maxDay) maxDay = d;
  }
  const { order, offsets } = sortByCustomerThenDay(valid, date.data, minDay, maxDay, customerOf, customers);
  const m = order.length;
  const days = new Int32Array(m);
  const amounts = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    days[i] = date.data[order[i]];
    amounts[i] = amount.data[order[i]];
  }
  const activeOffsets = new Uint32Array(customers + 1);
  const activeBuf = new Int32Array(m);
  const firstActiveDay = new Int32Array(customers).fill(MISSING_DAY);
  const lastActiveDay = new Int32Array(customers).fill(MISSING_DAY);
  let at = 0;
  for (let k = 0; k < customers; k++) {
    activeOffsets[k] = at;
    const from = at;
    for (let i = offsets[k]; i < offsets[k + 1]; i++) {
      // A refund or correction (amount <= 0) does not activate; an order without an amount (NaN:
      // visits, bookings, a file without amounts) does.
      if (amounts[i] <= 0) continue;
      if (at > from && activeBuf[at - 1] === days[i]) continue;
      activeBuf[at++] = days[i];
    }
    if (at > from) {
      firstActiveDay[k] = activeBuf[from];
      lastActiveDay[k] = activeBuf[at - 1];
    }
  }
  activeOffsets[customers] = at;
  return {
    customerIds,
    offsets,
    days,
    amounts,
    rows: order,
    activeOffsets,
    activeDays: activeBuf.slice(0, at),
    firstActiveDay,
    lastActiveDay,
    minDay,
    maxDay,
    skippedRows: n - m - masked,
  };
}

/** Rows `keep` leaves out (a customer mask): not counted as skipped. */
function countMasked(n: number, keep: (row: number) => boolean): number {
  let out = 0;
  for (let i = 0; i < n; i++) if (!keep(i)) out++;
  return out;
}

/**
 * Builds the per-customer subscription index of a subscriptions table (columns `customer_id`
 * dict, `start_date` day, optional `end_date` day with MISSING_DAY = still running, optional
 * `mrr` num with NaN = missing). `keep(row)` as for buildOrderIndex.
 *
 * O(n + customers) time, O(n) memory.
 *
 * Edge cases: missing customer or start -> skipped; end <= start (never active for a single
 * day) -> skipped and counted, since it can make nobody active or new; overlapping or touching
 * subscriptions of one customer merge into one activity interval but stay separate for MRR.
 */
export function buildSubscriptionIndex(subs: Table, keep?: (row: number) => boolean): SubscriptionIndex {
  const ids = requireColumn(subs, 'customer_id', 'dict');
  const start = requireColumn(subs, 'start_date', 'day') as DayColumn;
  const endCol = subs.columns.end_date;
  if (endCol && endCol.type !== 'day') throw new TypeError(`retention needs 'end_date' as a day column, got ${endCol.type}`);
  const mrrCol = subs.columns.mrr;
  if (mrrCol && mrrCol.type !== 'num') throw new TypeError(`retention needs 'mrr' as a num column, got ${mrrCol.type}`);
  const n = subs.length;
  const endOf = (i: number): number => {
    const e = endCol ? (endCol as DayColumn).data[i] : NO_DAY;
    return e === NO_DAY ? OPEN_END : e;
  };
  const masked = keep ? countMasked(n, keep) : 0;
  const usable = (i: number): boolean => start.data[i] !== NO_DAY && endOf(i) > start.data[i];
  const { customerIds, customerOf, valid } = compactCustomers(ids, n, keep ? (i) => keep(i) && usable(i) : usable);
  const customers = customerIds.length;
  let minDay = MISSING_DAY;
  let maxDay = MISSING_DAY;
  let maxStart = MISSING_DAY;
  for (let j = 0; j < valid.length; j++) {
    const s = start.data[valid[j]];
    const e = endOf(valid[j]);
    if (minDay === NO_DAY || s < minDay) minDay = s;
    if (maxStart === NO_DAY || s > maxStart) maxStart = s;
    const last = e === OPEN_END ? s : e;
    if (maxDay === NO_DAY || last > maxDay) maxDay = last;
  }
  const { order, offsets } = sortByCustomerThenDay(valid, start.data, minDay, maxStart, customerOf, customers);
  const m = order.length;
  const starts = new Int32Array(m);
  const ends = new Int32Array(m);
  const mrr = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    starts[i] = start.data[order[i]];
    ends[i] = endOf(order[i]);
    mrr[i] = mrrCol ? (mrrCol as NumColumn).data[order[i]] : NaN;
  }
  const intervalOffsets = new Uint32Array(customers + 1);
  const ivS = new Int32Array(m);
  const ivE = new Int32Array(m);
  const firstStart = new Int32Array(customers).fill(MISSING_DAY);
  let at = 0;
  for (let k = 0; k < customers; k++) {
    intervalOffsets[k] = at;
    const from = at;
    for (let i = offsets[k]; i < offsets[k + 1]; i++) {
      // Starts are ascending, so a subscription either extends the last interval or opens a new one.
      if (at > from && starts[i] <= ivE[at - 1]) {
        if (ends[i] > ivE[at - 1]) ivE[at - 1] = ends[i];
      } else {
        ivS[at] = starts[i];
        ivE[at] = ends[i];
        at++;
      }
    }
    if (at > from) firstStart[k] = ivS[from];
  }
  intervalOffsets[customers] = at;
  return {
    customerIds,
    offsets,
    starts,
    ends,
    mrr,
    rows: order,
    intervalOffsets,
    intervalStarts: ivS.slice(0, at),
    intervalEnds: ivE.slice(0, at),
    firstStart,
    minDay,
    maxDay,
    skippedRows: n - m - masked,
  };
}
