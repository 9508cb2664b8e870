/**
 * Who churned, when, why and what they were worth (issue #10, "Where churn comes from";
 * DESIGN.md sections 2 and 4): one status per customer of the workspace's customer table,
 * from the best source the workspace has, first match wins:
 *
 * 1. **flag** — a customers table that carries churn itself (`churned`: Churn Yes/No, Exited
 *    1/0, Attrition_Flag ...): the base is every customer with a recognised flag value; churned
 *    is the flag; the lifetime is `tenure_months` (censored for customers who stayed).
 * 2. **subscriptions** — the base is every customer with a subscription started on or before
 *    `asOf`; churned = no subscription running on `asOf` (start <= asOf < end); the churn day is
 *    the last end on or before `asOf` (the end of the paid period, definition E).
 * 3. **orders** — the base is every customer with an order (amount > 0) on or before `asOf`;
 *    churned = lost under the activity window W at `asOf`: last order + W <= asOf; the churn day
 *    is last order + W (DESIGN.md section 2).
 * 4. **cancellations** — only a cancellations file (and perhaps a customers table): the base is
 *    every known customer, churned = has a cancellation on or before `asOf`.
 *
 * The reason of a churned customer: their latest cancellation row (reason, category), else the
 * customers table's `churn_reason` / `churn_category`, else the `cancel_reason` of the
 * subscription that ended last. Value lost: MRR of the subscriptions running the day before the
 * churn day (subscriptions), revenue of the 365 days up to the last order (orders), none for a
 * flag table. (Refunds after the last order, up to the churn day, count against it.)
 *
 * Complexity: O(rows of every table + customers). Bad input: rows without a customer or a date
 * are skipped; a flag column whose values are not recognised gives `unknownFlags` (the caller
 * asks the user which value means churned).
 */
import { MISSING_CODE, MISSING_DAY, type Column, type Table } from '../table.ts';
import type { DataKind } from '../schema/kinds.ts';
import type { CustomerTable } from '../customers/customer-table.ts';
import { churnFlagValues } from './churn-flag.ts';

export type ChurnSource = 'flag' | 'subscriptions' | 'orders' | 'cancellations';

export interface ChurnStatus {
  readonly source: ChurnSource;
  /** The day churn is judged on (MISSING_DAY for a flag table without dates). */
  readonly asOf: number;
  /** W in days (orders), else null. */
  readonly windowDays: number | null;
  /** 1 = the customer is counted (in the base). */
  readonly base: Uint8Array;
  /** 1 = churned (only where base = 1). */
  readonly churned: Uint8Array;
  /** Churn day per customer (MISSING_DAY when not churned or not known). */
  readonly churnDay: Int32Array;
  /** Reason as written, per customer (null = none recorded). */
  readonly reason: readonly (string | null)[];
  /** The file's own category beside the reason, per customer (null = none). */
  readonly fileCategory: readonly (string | null)[];
  /** What a churned customer was worth when leaving (NaN = not known). */
  readonly valueLost: Float64Array;
  readonly valueBasis: 'mrr' | 'revenue-12m' | null;
  /** Lifetime per customer (first active -> churn day, or -> asOf when censored); NaN = not known. */
  readonly lifetime: Float64Array;
  readonly lifetimeUnit: 'day' | 'month';
  /** Flag values not recognised as churned or stayed (flag source only; empty otherwise). */
  readonly unknownFlags: readonly string[];
  /** The flag values read as churned (flag source only). */
  readonly churnedValues: readonly string[];
  /** Every value of the flag column (flag source only), so the page can offer to change the choice. */
  readonly flagValues: readonly string[];
}

export interface ChurnStatusParams {
  /** Activity window W in days for orders (required when the source is orders). */
  readonly windowDays?: number;
  /** Judge churn on this day (default: the data's last day). */
  readonly asOf?: number;
  /** Flag values that mean churned, when the user chose them (else recognised from the values). */
  readonly churnedValues?: readonly string[];
}

type Tables = Readonly<Partial<Record<DataKind, Table>>>;

const text = (col: Column | undefined, r: number): string | null => {
  if (col?.type !== 'dict') return null;
  const c = col.codes[r];
  return c === MISSING_CODE || c >= col.dict.length || col.dict[c].trim() === '' ? null : col.dict[c];
};
const day = (col: Column | undefined, r: number): number => (col?.type === 'day' ? col.data[r] : MISSING_DAY);
const num = (col: Column | undefined, r: number): number => (col?.type === 'num' ? col.data[r] : NaN);

/** Which source a workspace's churn comes from (see the file comment), or null when it has none. */
export function churnSourceOf(tables: Tables, customers: CustomerTable): ChurnSource | null {
  if (customers.attributes.churned?.type === 'dict') return 'flag';
  if (tables.subscriptions && tables.subscriptions.length > 0) return 'subscriptions';
  if (tables.orders && tables.orders.length > 0 && tables.orders.columns.date?.type === 'day') return 'orders';
  if (tables.churn && tables.churn.length > 0) return 'cancellations';
  return null;
}

/**
 * The churn status of every customer (see the file comment).
 *
 * @throws RangeError "churnStatus requires windowDays for orders" when the source is orders and W is missing.
 * @throws TypeError "churnStatus requires churn data" when the workspace has no source at all.
 * @example churnStatus({ subscriptions }, buildCustomerTable({ subscriptions }), {}).churned
 */
export function churnStatus(tables: Tables, customers: CustomerTable, params: ChurnStatusParams): ChurnStatus {
  const source = churnSourceOf(tables, customers);
  if (source === null) throw new TypeError('churnStatus requires churn data');
  const n = customers.count;
  const asOf = params.asOf ?? customers.lastDay;
  const base = new Uint8Array(n);
  const churned = new Uint8Array(n);
  const churnDay = new Int32Array(n).fill(MISSING_DAY);
  const valueLost = new Float64Array(n).fill(NaN);
  const lifetime = new Float64Array(n).fill(NaN);
  let unknownFlags: string[] = [];
  let churnedValues: string[] = [];
  let flagValues: string[] = [];
  let valueBasis: ChurnStatus['valueBasis'] = null;
  let lifetimeUnit: ChurnStatus['lifetimeUnit'] = 'day';

  if (source === 'flag') {
    const flag = customers.attributes.churned as Extract<Column, { type: 'dict' }>;
    flagValues = flag.dict.filter((v) => v.trim() !== '');
    const recognised = churnFlagValues(flagValues);
    const chosen = params.churnedValues ?? recognised?.churned ?? [];
    churnedValues = [...chosen];
    const stayed = new Set(params.churnedValues ? flag.dict.filter((v) => v.trim() !== '' && !chosen.includes(v)) : (recognised?.stayed ?? []));
    const yes = new Set(chosen);
    if (!params.churnedValues && !recognised) unknownFlags = flag.dict.filter((v) => v.trim() !== '');
    const tenure = customers.attributes.tenure_months;
    const leftOn = customers.attributes.churn_date;
    lifetimeUnit = 'month';
    for (let k = 0; k < n; k++) {
      const c = flag.codes[k];
      if (c === MISSING_CODE) continue;
      const v = flag.dict[c];
      if (!yes.has(v) && !stayed.has(v)) continue;
      base[k] = 1;
      if (yes.has(v)) {
        churned[k] = 1;
        churnDay[k] = day(leftOn, k);
      }
      const t = num(tenure, k);
      if (t >= 0) lifetime[k] = t;
    }
  } else if (source === 'subscriptions') {
    subscriptionStatus(tables.subscriptions!, customers.rowCustomer.subscriptions!, asOf, { base, churned, churnDay, valueLost, lifetime });
    valueBasis = 'mrr';
  } else if (source === 'orders') {
    if (params.windowDays === undefined || !(params.windowDays >= 1)) throw new RangeError('churnStatus requires windowDays for orders');
    orderStatus(tables.orders!, customers.rowCustomer.orders!, asOf, params.windowDays, { base, churned, churnDay, valueLost, lifetime });
    valueBasis = tables.orders!.columns.amount?.type === 'num' ? 'revenue-12m' : null;
  } else {
    base.fill(1);
    const rows = customers.rowCustomer.churn!;
    const date = tables.churn!.columns.date;
    for (let r = 0; r < rows.length; r++) {
      const k = rows[r];
      const d = day(date, r);
      if (k === MISSING_CODE || d === MISSING_DAY || d > asOf) continue;
      churned[k] = 1;
      churnDay[k] = Math.max(churnDay[k], d);
    }
  }
  const { reason, fileCategory } = reasonsOf(tables, customers, churned, asOf);
  return {
    source, asOf: source === 'flag' ? MISSING_DAY : asOf, windowDays: source === 'orders' ? params.windowDays! : null,
    base, churned, churnDay, reason, fileCategory, valueLost, valueBasis, lifetime, lifetimeUnit, unknownFlags, churnedValues, flagValues,
  };
}

interface Out {
  base: Uint8Array;
  churned: Uint8Array;
  churnDay: Int32Array;
  valueLost: Float64Array;
  lifetime: Float64Array;
}

function subscriptionStatus(subs: Table, rows: Uint32Array, asOf: number, out: Out): void {
  const start = subs.columns.start_date;
  const end = subs.columns.end_date;
  const mrr = subs.columns.mrr;
  const n = out.base.length;
  const running = new Uint8Array(n);
  const first = new Int32Array(n).fill(MISSING_DAY);
  for (let r = 0; r < subs.length; r++) {
    const k = rows[r];
    const s = day(start, r);
    if (k === MISSING_CODE || s === MISSING_DAY || s > asOf) continue;
    const e = day(end, r);
    if (e !== MISSING_DAY && e <= s) continue;
    out.base[k] = 1;
    if (first[k] === MISSING_DAY || s < first[k]) first[k] = s;
    if (e === MISSING_DAY || e > asOf) running[k] = 1;
    else if (out.churnDay[k] === MISSING_DAY || e > out.churnDay[k]) out.churnDay[k] = e;
  }
  for (let k = 0; k < n; k++) {
    if (!out.base[k]) continue;
    if (running[k]) out.churnDay[k] = MISSING_DAY;
    else out.churned[k] = 1;
    out.lifetime[k] = (running[k] ? asOf : out.churnDay[k]) - first[k];
  }
  // MRR running on the last paid day of a churned customer.
  for (let r = 0; r < subs.length; r++) {
    const k = rows[r];
    if (k === MISSING_CODE || !out.churned[k]) continue;
    const s = day(start, r);
    const e = day(end, r);
    const last = out.churnDay[k] - 1;
    const m = num(mrr, r);
    if (s === MISSING_DAY || s > last || (e !== MISSING_DAY && e <= last) || Number.isNaN(m)) continue;
    out.valueLost[k] = (Number.isNaN(out.valueLost[k]) ? 0 : out.valueLost[k]) + m;
  }
}

function orderStatus(orders: Table, rows: Uint32Array, asOf: number, W: number, out: Out): void {
  const date = orders.columns.date;
  const amount = orders.columns.amount;
  const n = out.base.length;
  const first = new Int32Array(n).fill(MISSING_DAY);
  const last = new Int32Array(n).fill(MISSING_DAY);
  for (let r = 0; r < orders.length; r++) {
    const k = rows[r];
    const d = day(date, r);
    const a = num(amount, r);
    if (k === MISSING_CODE || d === MISSING_DAY || d > asOf || a <= 0) continue;
    if (first[k] === MISSING_DAY || d < first[k]) first[k] = d;
    if (last[k] === MISSING_DAY || d > last[k]) last[k] = d;
  }
  for (let k = 0; k < n; k++) {
    if (first[k] === MISSING_DAY) continue;
    out.base[k] = 1;
    const gone = last[k] + W;
    if (gone <= asOf) {
      out.churned[k] = 1;
      out.churnDay[k] = gone;
    }
    out.lifetime[k] = (out.churned[k] ? gone : asOf) - first[k];
  }
  if (amount?.type !== 'num') return;
  for (let r = 0; r < orders.length; r++) {
    const k = rows[r];
    if (k === MISSING_CODE || !out.churned[k]) continue;
    const d = day(date, r);
    const a = amount.data[r];
    if (d === MISSING_DAY || d >= out.churnDay[k] || d <= last[k] - 365 || Number.isNaN(a)) continue;
    out.valueLost[k] = (Number.isNaN(out.valueLost[k]) ? 0 : out.valueLost[k]) + a;
  }
}

/** The reason and file category of each churned customer (see the file comment for the order). */
function reasonsOf(tables: Tables, customers: CustomerTable, churned: Uint8Array, asOf: number): { reason: (string | null)[]; fileCategory: (string | null)[] } {
  const n = customers.count;
  const reason: (string | null)[] = new Array<string | null>(n).fill(null);
  const fileCategory: (string | null)[] = new Array<string | null>(n).fill(null);
  const has = new Uint8Array(n);
  const churn = tables.churn;
  const churnRows = customers.rowCustomer.churn;
  if (churn && churnRows) {
    const latest = new Int32Array(n).fill(MISSING_DAY);
    for (let r = 0; r < churn.length; r++) {
      const k = churnRows[r];
      const d = day(churn.columns.date, r);
      if (k === MISSING_CODE || !churned[k] || d === MISSING_DAY || d > asOf || d < latest[k]) continue;
      const why = text(churn.columns.reason, r);
      const cat = text(churn.columns.category, r);
      latest[k] = d;
      reason[k] = why;
      fileCategory[k] = cat;
      has[k] = why !== null || cat !== null ? 1 : 0;
    }
  }
  const cr = customers.attributes.churn_reason;
  const cc = customers.attributes.churn_category;
  if (cr || cc) {
    for (let k = 0; k < n; k++) {
      if (!churned[k] || has[k]) continue;
      reason[k] = text(cr, k);
      fileCategory[k] = text(cc, k);
      has[k] = reason[k] !== null || fileCategory[k] !== null ? 1 : 0;
    }
  }
  const subs = tables.subscriptions;
  const subRows = customers.rowCustomer.subscriptions;
  if (subs && subRows && subs.columns.cancel_reason) {
    const lastEnd = new Int32Array(n).fill(MISSING_DAY);
    for (let r = 0; r < subs.length; r++) {
      const k = subRows[r];
      const e = day(subs.columns.end_date, r);
      if (k === MISSING_CODE || !churned[k] || has[k] || e === MISSING_DAY || e > asOf || e < lastEnd[k]) continue;
      lastEnd[k] = e;
      reason[k] = text(subs.columns.cancel_reason, r);
    }
  }
  return { reason, fileCategory };
}
