/**
 * Who referred whom (issue #12 item 4; DESIGN.md sections 1 and 7): the referrals of a workspace
 * as pairs of customer numbers of its customer table (core/customers/customer-table.ts), with the
 * referral day and the referred person's first purchase.
 *
 * Source: the referrals file (referrer_id, referred_id, date, first_purchase_date); without one,
 * the customers file's `referred_by` column (no referral dates then).
 *
 * - The first purchase of a referred person is the file's first_purchase_date when it gives one,
 *   else their first order with amount > 0 in the orders, else their first subscription start
 *   (`firstPurchaseFrom` says which); none known = not (yet) converted.
 * - A person referred twice counts once: the earliest dated row wins (undated rows after dated
 *   ones, then file order); the others are counted in `repeats`. Rows without both ids, and a
 *   customer referring themselves, are skipped and counted.
 * - `hasReferred` marks every customer who referred anyone (referrals file or `referred_by`),
 *   for "promoters who have not referred yet"; `wasReferred` every customer who was referred
 *   (the rule of the derived attribute `derived:referred` of core/customers/customer-groups.ts).
 *
 * Complexity: O(rows + customers) with one Map lookup per distinct referred id. Bad input: as
 * above, counted, never thrown.
 */
import { MISSING_CODE, MISSING_DAY, type Table } from '../table.ts';
import type { DataKind } from '../schema/kinds.ts';
import type { CustomerTable } from '../customers/customer-table.ts';

/** Where a first purchase came from (codes of `firstPurchaseFrom`). */
export const FIRST_PURCHASE_FROM = Object.freeze({ none: 0, file: 1, orders: 2, subscriptions: 3 });

export interface ReferralPairs {
  readonly source: 'referrals' | 'referred-by';
  readonly count: number;
  /** Referrer's customer number per pair (-1 = a referrer no file knows as a customer). */
  readonly referrer: Int32Array;
  /** Referred person's id as written, and customer number (-1 = not known beyond the referral). */
  readonly referredId: readonly string[];
  readonly referred: Int32Array;
  /** Referral day (MISSING_DAY = none). */
  readonly day: Int32Array;
  /** First purchase day of the referred person (MISSING_DAY = none known). */
  readonly firstPurchase: Int32Array;
  /** FIRST_PURCHASE_FROM code per pair. */
  readonly firstPurchaseFrom: Uint8Array;
  /** 1 = the customer referred someone, per customer number. */
  readonly hasReferred: Uint8Array;
  /** 1 = the customer was referred, per customer number. */
  readonly wasReferred: Uint8Array;
  readonly skipped: { readonly withoutIds: number; readonly selfReferrals: number; readonly repeats: number };
}

type Tables = Readonly<Partial<Record<DataKind, Table>>>;

/**
 * The referral pairs of a workspace (see the file comment); null when it has neither a
 * referrals file nor a `referred_by` column.
 *
 * @example referralPairs(tables, customers)?.count
 */
export function referralPairs(tables: Tables, customers: CustomerTable): ReferralPairs | null {
  const n = customers.count;
  const hasReferred = new Uint8Array(n);
  const wasReferred = new Uint8Array(n);
  const referredBy = customers.attributes.referred_by?.type === 'dict' ? customers.attributes.referred_by : null;
  if (referredBy) {
    for (let k = 0; k < n; k++) {
      const c = referredBy.codes[k];
      if (c === MISSING_CODE || referredBy.dict[c].trim() === '' || referredBy.dict[c] === customers.ids[k]) continue;
      wasReferred[k] = 1;
      const by = customers.numberOf(referredBy.dict[c]);
      if (by >= 0) hasReferred[by] = 1;
    }
  }
  const table = tables.referrals;
  const referredCol = table?.columns.referred_id;
  let referrer: number[] = [];
  let referredId: string[] = [];
  let day: number[] = [];
  let fileFirst: number[] = [];
  let withoutIds = 0;
  let selfReferrals = 0;
  let repeats = 0;
  let source: ReferralPairs['source'];
  if (table && referredCol?.type === 'dict') {
    source = 'referrals';
    const rows = customers.rowCustomer.referrals ?? new Uint32Array(table.length).fill(MISSING_CODE);
    const date = table.columns.date?.type === 'day' ? table.columns.date.data : null;
    const first = table.columns.first_purchase_date?.type === 'day' ? table.columns.first_purchase_date.data : null;
    // Earliest dated row per referred id (undated after dated, then file order).
    const best = new Map<string, number>();
    const rowDay = (r: number) => (date ? date[r] : MISSING_DAY);
    const earlier = (a: number, b: number) => {
      const da = rowDay(a);
      const db = rowDay(b);
      if (da === db) return a < b;
      if (da === MISSING_DAY) return false;
      return db === MISSING_DAY || da < db;
    };
    for (let r = 0; r < table.length; r++) {
      const c = referredCol.codes[r];
      const k = rows[r];
      if (k === MISSING_CODE || c === MISSING_CODE || c >= referredCol.dict.length || referredCol.dict[c].trim() === '') {
        withoutIds++;
        continue;
      }
      const id = referredCol.dict[c];
      if (customers.ids[k] === id) {
        selfReferrals++;
        continue;
      }
      const prev = best.get(id);
      if (prev === undefined) best.set(id, r);
      else {
        repeats++;
        if (earlier(r, prev)) best.set(id, r);
      }
    }
    const kept = [...best.values()].sort((a, b) => a - b);
    referrer = kept.map((r) => rows[r]);
    referredId = kept.map((r) => referredCol.dict[referredCol.codes[r]]);
    day = kept.map((r) => rowDay(r));
    fileFirst = kept.map((r) => (first ? first[r] : MISSING_DAY));
  } else if (referredBy) {
    source = 'referred-by';
    for (let k = 0; k < n; k++) {
      const c = referredBy.codes[k];
      if (c === MISSING_CODE || referredBy.dict[c].trim() === '') continue;
      const by = customers.numberOf(referredBy.dict[c]);
      if (by === k) {
        selfReferrals++;
        continue;
      }
      referrer.push(by);
      referredId.push(customers.ids[k]);
      day.push(MISSING_DAY);
      fileFirst.push(MISSING_DAY);
    }
  } else return null;
  const m = referrer.length;
  const referred = Int32Array.from(referredId, (id) => customers.numberOf(id));
  const firstPurchase = new Int32Array(m).fill(MISSING_DAY);
  const firstPurchaseFrom = new Uint8Array(m);
  const f = customers.facts;
  for (let i = 0; i < m; i++) {
    const k = referred[i];
    if (k >= 0) wasReferred[k] = 1;
    if (referrer[i] >= 0) hasReferred[referrer[i]] = 1;
    if (fileFirst[i] !== MISSING_DAY) {
      firstPurchase[i] = fileFirst[i];
      firstPurchaseFrom[i] = FIRST_PURCHASE_FROM.file;
    } else if (k >= 0 && f.firstOrderDay[k] !== MISSING_DAY) {
      firstPurchase[i] = f.firstOrderDay[k];
      firstPurchaseFrom[i] = FIRST_PURCHASE_FROM.orders;
    } else if (k >= 0 && f.firstStart[k] !== MISSING_DAY) {
      firstPurchase[i] = f.firstStart[k];
      firstPurchaseFrom[i] = FIRST_PURCHASE_FROM.subscriptions;
    }
  }
  return {
    source, count: m, referrer: Int32Array.from(referrer), referredId, referred, day: Int32Array.from(day), firstPurchase, firstPurchaseFrom, hasReferred, wasReferred,
    skipped: { withoutIds, selfReferrals, repeats },
  };
}

/** Whether pair i converted by `asOf`: a first purchase known on or before that day. O(1). */
export function convertedBy(pairs: ReferralPairs, i: number, asOf: number): boolean {
  const d = pairs.firstPurchase[i];
  return d !== MISSING_DAY && d <= asOf;
}
