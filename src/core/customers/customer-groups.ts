/**
 * Customer attributes as groups (issue #10 items 3 and 4; DESIGN.md sections 4 and 5): every
 * attribute a churn profile or a segment comparison can split customers by, with one group code
 * per customer of the workspace's customer table.
 *
 * - Categorical columns of the customers table (plan, region, attr:*) as they are; more than
 *   MAX_GROUPS values: the most common MAX_GROUPS - 1 and "other values". Id-like columns (more
 *   than 50 distinct values covering over half the customers) are left out and listed.
 * - Numeric columns (budget, company size, tenure, monthly charges ...; custom attributes whose
 *   text values are all plain numbers, see numericDict) in quantile bins with
 *   readable edges: the quartiles (or `bins` quantiles), rounded to two significant digits,
 *   repeated edges merged; bins are [low, high), the last one closed.
 * - Derived: acquisition cohort (year of the first active day; quarter when the data spans under
 *   two years), first order's channel and product, referred or not (a referrals file or a
 *   referred_by column), NPS group of the latest 0-10 answer (promoter 9-10, passive 7-8,
 *   detractor 0-6; "no answer"), average order value in quantile bins.
 * Customers without a value get the group "(no value)" (code = values.length - 1 when present)
 * so that small or missing groups are shown, never hidden.
 *
 * Complexity: O(customers x attributes + rows of orders/feedback/referrals) plus a sort per
 * numeric attribute.
 */
import { MISSING_CODE, MISSING_DAY, type Column, type Table } from '../table.ts';
import type { DataKind } from '../schema/kinds.ts';
import { quantileSorted } from '../stats/quantile-sorted.ts';
import { periodLabel, periodOf, type PeriodUnit } from '../retention/periods.ts';
import type { CustomerTable } from './customer-table.ts';

export const MAX_GROUPS = 12;

/** One value of an attribute: a category, or a numeric bin [low, high). */
export interface GroupValue {
  /** The value as written (categories), or a readable English label of the bin / derived group. */
  readonly label: string;
  readonly kind: 'value' | 'bin' | 'none' | 'other' | 'derived';
  /** Bins: the edges (low inclusive; high exclusive, null for the open last bin). */
  readonly low?: number | null;
  readonly high?: number | null;
  /** Derived groups: a code the UI translates (promoter, referred, cohort ...). */
  readonly code?: string;
}

export interface CustomerGroups {
  /** Field key (`plan`, `attr:Contract`) or derived key (`derived:cohort`). */
  readonly key: string;
  readonly type: 'category' | 'number' | 'derived';
  readonly values: readonly GroupValue[];
  /** Group index per customer number (every customer has one: "(no value)" included). */
  readonly codes: Uint32Array;
}

/** Customers-table fields that say churn itself or identify the customer: never an attribute. */
export const NOT_ATTRIBUTES: ReadonlySet<string> = new Set(['churned', 'churn_reason', 'churn_category', 'churn_date', 'referred_by', 'signup_date']);

type Tables = Readonly<Partial<Record<DataKind, Table>>>;

export interface GroupsOptions {
  /** Numeric attributes: number of quantile bins (default 4). */
  readonly bins?: number;
  /** Customers that count (the base); distinct-value counts and quantiles use only these. */
  readonly base?: Uint8Array;
}

export interface GroupsResult {
  readonly groups: CustomerGroups[];
  /** Attributes left out, and why. */
  readonly skipped: { key: string; why: 'id-like' | 'one-value' }[];
}

/**
 * Every attribute of the workspace as customer groups (see the file comment).
 *
 * @example customerGroups(tables, buildCustomerTable(tables)).groups.map((g) => g.key)
 */
export function customerGroups(tables: Tables, customers: CustomerTable, options: GroupsOptions = {}): GroupsResult {
  const n = customers.count;
  const base = options.base ?? new Uint8Array(n).fill(1);
  const bins = options.bins ?? 4;
  const groups: CustomerGroups[] = [];
  const skipped: GroupsResult['skipped'] = [];
  const keep = (g: CustomerGroups | null, key: string) => {
    if (!g) return;
    const used = new Set<number>();
    for (let k = 0; k < n; k++) if (base[k]) used.add(g.codes[k]);
    if (used.size < 2) skipped.push({ key, why: 'one-value' });
    else groups.push(g);
  };
  for (const [key, col] of Object.entries(customers.attributes)) {
    if (NOT_ATTRIBUTES.has(key)) continue;
    if (col.type === 'dict') {
      const numbers = numericDict(col.dict);
      if (numbers) {
        const data = new Float64Array(col.codes.length);
        for (let k = 0; k < data.length; k++) data[k] = col.codes[k] === MISSING_CODE ? NaN : numbers[col.codes[k]];
        keep(binGroups(key, 'number', data, base, bins), key);
        continue;
      }
      const g = categoryGroups(key, 'category', col.dict, col.codes, base);
      if (g === 'id-like') skipped.push({ key, why: 'id-like' });
      else keep(g, key);
    } else if (col.type === 'num') keep(binGroups(key, 'number', col.data, base, bins), key);
  }
  for (const g of derivedGroups(tables, customers, base, bins)) keep(g, g.key);
  return { groups, skipped };
}

const POINT_NUMBER = /^[-+]?\d+(\.\d+)?$/u;
const COMMA_NUMBER = /^[-+]?\d+(,\d+)?$/u;

/**
 * The numbers of a text column whose every non-empty value is a plain number (custom attributes
 * are stored as text: `MonthlyCharges` 29.85, `Umsatz` 12,50), or null. More than 12 distinct
 * values are needed (a 1/0 flag or a 1-5 rating reads better as categories). Decimal point or
 * decimal comma, one convention for the whole column; no thousands separators.
 */
export function numericDict(dict: readonly string[]): Float64Array | null {
  let point = true;
  let comma = true;
  let count = 0;
  for (const v of dict) {
    const t = v.trim();
    if (t === '') continue;
    count++;
    point &&= POINT_NUMBER.test(t);
    comma &&= COMMA_NUMBER.test(t);
    if (!point && !comma) return null;
  }
  if (count <= MAX_GROUPS) return null;
  return Float64Array.from(dict, (v) => {
    const t = v.trim();
    return t === '' ? NaN : Number(point ? t : t.replace(',', '.'));
  });
}

/** A dict column as groups: top MAX_GROUPS - 1 values + "other values" + "(no value)"; 'id-like' for id columns. */
export function categoryGroups(key: string, type: CustomerGroups['type'], dict: readonly string[], codes: Uint32Array, base: Uint8Array): CustomerGroups | 'id-like' {
  const blank = Uint8Array.from(dict, (v) => (v.trim() === '' ? 1 : 0));
  const counts = new Float64Array(dict.length);
  let inBase = 0;
  for (let k = 0; k < codes.length; k++) {
    if (!base[k]) continue;
    inBase++;
    const c = codes[k];
    if (c !== MISSING_CODE && !blank[c]) counts[c]++;
  }
  const order: number[] = [];
  for (let c = 0; c < dict.length; c++) if (counts[c] > 0) order.push(c);
  if (order.length > 50 && order.length > inBase / 2) return 'id-like';
  order.sort((a, b) => counts[b] - counts[a] || (dict[a] < dict[b] ? -1 : 1));
  const top = order.length > MAX_GROUPS ? order.slice(0, MAX_GROUPS - 1) : order;
  const values: GroupValue[] = top.map((c) => ({ label: dict[c], kind: 'value' }));
  // dict code -> group; -1 = other values (or a value no base customer has), -2 = no value.
  const index = new Int32Array(dict.length).fill(-1);
  top.forEach((c, i) => (index[c] = i));
  for (let c = 0; c < dict.length; c++) if (blank[c]) index[c] = -2;
  const other = order.length > top.length ? values.push({ label: 'other values', kind: 'other' }) - 1 : -1;
  let none = -1;
  const out = new Uint32Array(codes.length);
  for (let k = 0; k < codes.length; k++) {
    const c = codes[k];
    let i = c === MISSING_CODE ? -2 : index[c];
    if (i === -1) i = other >= 0 ? other : -2;
    if (i === -2) {
      if (none < 0) none = values.push({ label: '(no value)', kind: 'none' }) - 1;
      out[k] = none;
    } else out[k] = i;
  }
  return { key, type, values, codes: out };
}

/** Rounds to two significant digits (a readable edge). */
export function niceEdge(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const p = Math.pow(10, Math.floor(Math.log10(Math.abs(x))) - 1);
  return Math.round(x / p) * p;
}

/** A readable label of a bin (English; the UI formats the edges itself). */
export function binLabel(low: number | null, high: number | null): string {
  const f = (x: number) => String(Number(x.toPrecision(12)));
  if (low === null && high !== null) return `under ${f(high)}`;
  if (high === null && low !== null) return `${f(low)} or more`;
  if (low !== null && high !== null) return `${f(low)} to under ${f(high)}`;
  return 'all';
}

/** A numeric column as quantile bins (see the file comment), or null when it has no values. */
export function binGroups(key: string, type: CustomerGroups['type'], data: Float64Array, base: Uint8Array, bins: number): CustomerGroups | null {
  const all = new Float64Array(data.length);
  let m = 0;
  for (let k = 0; k < data.length; k++) if (base[k] && Number.isFinite(data[k])) all[m++] = data[k];
  if (m === 0) return null;
  const sorted = all.subarray(0, m).sort();
  const edges: number[] = [];
  for (let i = 1; i < bins; i++) {
    const e = niceEdge(quantileSorted(sorted, i / bins));
    if (e > sorted[0] && e <= sorted[sorted.length - 1] && (edges.length === 0 || e > edges[edges.length - 1])) edges.push(e);
  }
  const values: GroupValue[] = [];
  for (let i = 0; i <= edges.length; i++) {
    const low = i === 0 ? null : edges[i - 1];
    const high = i === edges.length ? null : edges[i];
    values.push({ label: binLabel(low, high), kind: 'bin', low, high });
  }
  let none = -1;
  const codes = new Uint32Array(data.length);
  for (let k = 0; k < data.length; k++) {
    const x = data[k];
    if (!Number.isFinite(x)) {
      if (none < 0) none = values.push({ label: '(no value)', kind: 'none' }) - 1;
      codes[k] = none;
      continue;
    }
    let b = 0;
    while (b < edges.length && x >= edges[b]) b++;
    codes[k] = b;
  }
  return { key, type, values, codes };
}

/** Groups from fixed labels per customer (derived attributes); null labels -> "(no value)". */
function labelled(key: string, labels: readonly (string | null)[], code: (label: string) => string, base: Uint8Array): CustomerGroups {
  const dict: string[] = [];
  const index = new Map<string, number>();
  const codes = new Uint32Array(labels.length).fill(MISSING_CODE);
  labels.forEach((l, k) => {
    if (l === null) return;
    let c = index.get(l);
    if (c === undefined) {
      c = dict.push(l) - 1;
      index.set(l, c);
    }
    codes[k] = c;
  });
  const g = categoryGroups(key, 'derived', dict, codes, base) as CustomerGroups;
  return { ...g, values: g.values.map((v) => (v.kind === 'value' ? { ...v, kind: 'derived', code: code(v.label) } : v)) };
}

function derivedGroups(tables: Tables, customers: CustomerTable, base: Uint8Array, bins: number): CustomerGroups[] {
  const n = customers.count;
  const out: CustomerGroups[] = [];
  const f = customers.facts;
  // Acquisition cohort.
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < n; k++) {
    const d = f.firstActiveDay[k];
    if (!base[k] || d === MISSING_DAY) continue;
    lo = Math.min(lo, d);
    hi = Math.max(hi, d);
  }
  if (lo <= hi) {
    const unit: PeriodUnit = hi - lo < 730 ? 'quarter' : 'year';
    const names = new Map<number, string>();
    const labels = Array.from(f.firstActiveDay, (d) => {
      if (d === MISSING_DAY) return null;
      const p = periodOf(d, unit);
      let l = names.get(p);
      if (l === undefined) names.set(p, (l = periodLabel(p, unit)));
      return l;
    });
    const g = labelled('derived:cohort', labels, (l) => l, base);
    // Cohorts read in time order, not by size.
    const order = g.values.map((v, i) => [v, i] as const).sort((a, b) => (a[0].kind === 'none' ? 1 : b[0].kind === 'none' ? -1 : a[0].label < b[0].label ? -1 : 1));
    const remap = new Uint32Array(order.length);
    order.forEach(([, i], j) => (remap[i] = j));
    out.push({ ...g, values: order.map(([v]) => v), codes: g.codes.map((c) => remap[c]) });
  }
  // First order's channel and product; average order value.
  const orders = tables.orders;
  const orderRows = customers.rowCustomer.orders;
  if (orders && orderRows) {
    for (const field of ['channel', 'product'] as const) {
      const col = orders.columns[field];
      if (col?.type !== 'dict') continue;
      const labels = firstOrderValues(orders, orderRows, col, n);
      out.push(labelled(`derived:first-${field}`, labels, (l) => l, base));
    }
    if (orders.columns.amount?.type === 'num') {
      const aov = Float64Array.from({ length: n }, (_, k) => (f.orders[k] > 0 && Number.isFinite(f.revenue[k]) ? f.revenue[k] / f.orders[k] : NaN));
      const g = binGroups('derived:aov', 'derived', aov, base, bins);
      if (g) out.push(g);
    }
  }
  // Referred or not.
  const referredCol = customers.attributes.referred_by;
  const referrals = tables.referrals;
  if (referrals?.columns.referred_id?.type === 'dict' || referredCol?.type === 'dict') {
    const referred = new Uint8Array(n);
    const rc = referrals?.columns.referred_id;
    if (rc?.type === 'dict') {
      for (let r = 0; r < referrals!.length; r++) {
        const c = rc.codes[r];
        if (c === MISSING_CODE) continue;
        const k = customers.numberOf(rc.dict[c]);
        // A customer naming themselves as referrer was not referred (referrals/referral-pairs.ts skips it too).
        if (k >= 0 && k !== customers.rowCustomer.referrals?.[r]) referred[k] = 1;
      }
    }
    if (referredCol?.type === 'dict') {
      for (let k = 0; k < n; k++) {
        const by = referredCol.codes[k] === MISSING_CODE ? '' : referredCol.dict[referredCol.codes[k]];
        if (by.trim() !== '' && by !== customers.ids[k]) referred[k] = 1;
      }
    }
    out.push(labelled('derived:referred', Array.from(referred, (r) => (r ? 'referred' : 'not referred')), (l) => l, base));
  }
  // NPS group of the latest answer on a 0-10 scale.
  const feedback = tables.feedback;
  const fbRows = customers.rowCustomer.feedback;
  if (feedback && fbRows && feedback.columns.score?.type === 'num') {
    const score = feedback.columns.score.data;
    let max = -Infinity;
    for (let r = 0; r < feedback.length; r++) if (Number.isFinite(score[r])) max = Math.max(max, score[r]);
    if (max > 5 && max <= 10) {
      const date = feedback.columns.date;
      const latest = new Int32Array(n).fill(MISSING_DAY);
      const last = new Float64Array(n).fill(NaN);
      for (let r = 0; r < feedback.length; r++) {
        const k = fbRows[r];
        if (k === MISSING_CODE || !Number.isFinite(score[r])) continue;
        const d = date?.type === 'day' ? date.data[r] : MISSING_DAY;
        if (Number.isNaN(last[k]) || d >= latest[k]) {
          latest[k] = d;
          last[k] = score[r];
        }
      }
      const labels = Array.from(last, (s) => (Number.isNaN(s) ? 'no answer' : s >= 9 ? 'promoter' : s >= 7 ? 'passive' : 'detractor'));
      out.push(labelled('derived:nps', labels, (l) => l, base));
    }
  }
  return out;
}

/** The value of a dict column on each customer's first order (earliest date; null when none). */
function firstOrderValues(orders: Table, rows: Uint32Array, col: Extract<Column, { type: 'dict' }>, n: number): (string | null)[] {
  const date = orders.columns.date;
  const firstDay = new Int32Array(n).fill(MISSING_DAY);
  const labels: (string | null)[] = new Array<string | null>(n).fill(null);
  for (let r = 0; r < orders.length; r++) {
    const k = rows[r];
    const d = date?.type === 'day' ? date.data[r] : MISSING_DAY;
    if (k === MISSING_CODE || d === MISSING_DAY) continue;
    if (firstDay[k] !== MISSING_DAY && d >= firstDay[k]) continue;
    firstDay[k] = d;
    const c = col.codes[r];
    labels[k] = c === MISSING_CODE || col.dict[c].trim() === '' ? null : col.dict[c];
  }
  return labels;
}
