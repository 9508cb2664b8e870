/**
 * The purchase-day summary of an orders table: what the BG/NBD, Pareto/NBD and Gamma-Gamma
 * models read (DESIGN.md section 6; Fader, Hardie & Lee 2005, "Counting your customers the easy
 * way", Marketing Science 24(2), section 2; Fader & Hardie 2013, note 025 for the spend input).
 *
 * Purchase days. Each customer's orders are grouped by calendar day and their amounts summed,
 * so same-day orders are one purchase and a refund nets out within its day. A day whose net
 * amount is above 0 is a purchase day; a day that nets to 0 or below is no purchase (it is
 * counted in `nonPurchaseDays`, and never enters the spend model). A day whose orders carry no
 * amount at all counts as a purchase (the activity rule of DESIGN.md section 2: an order without
 * an amount is activity) with unknown spend (`missingAmountDays`).
 *
 * Per customer, with f = the first purchase day and E = the calibration end (both included):
 * - x = purchase days in [f, E] minus one (the repeat purchase days; the first one is the
 *   customer's arrival, not a repeat);
 * - t_x = (last purchase day in [f, E] - f) / 7 weeks (0 when x = 0);
 * - T = (E - f) / 7 weeks;
 * - mean repeat spend m_x = the mean net amount of the x repeat purchase days with a known
 *   amount (NaN when there are none), and the number of those days (`spendDays`);
 * - x* = purchase days in the hold-out (E, H], when a hold-out end H is given.
 * Customers whose first purchase falls after E are not in the calibration (`inCalibration` 0):
 * they are new in the hold-out, and the models have nothing to say about them yet.
 *
 * On the CDNOW sample (E = 1997-09-30) this reproduces the published summary
 * (cdnow_customers_summary.csv) exactly: Σx = 2,457 by 946 repeat buyers, Σx* = 1,882, and
 * 2,357 customers with the papers' convention for $0 days (`zeroIsPurchase`; 2,349 without:
 * 8 customers only ever had a $0.00 order).
 *
 * The models' likelihoods are sums over customers that depend only on (x, t_x, T), so the
 * distinct triples are kept once with a weight (the number of customers who share them):
 * `unique`, and `uniqueOf[k]` the row of customer k. On CDNOW 2,357 customers make 1,409 rows.
 *
 * Complexity: O(orders + customers) after the order index (radix-sorted, customer-index.ts);
 * one Map lookup per customer for the unique rows.
 *
 * Bad-input policy: orders without a customer or a date are skipped by the index (counted
 * there); a calibration end before every first purchase gives an empty calibration, never a
 * throw. Non-finite E throws.
 */
import { MISSING_DAY } from '../table.ts';
import type { OrderIndex } from '../retention/customer-index.ts';

const NO_DAY: number = MISSING_DAY;

/** Distinct (x, t_x, T) rows with their weights (the likelihood's unit of work). */
export interface UniqueRows {
  readonly length: number;
  readonly x: Float64Array;
  /** t_x in weeks. */
  readonly tx: Float64Array;
  /** T in weeks. */
  readonly T: Float64Array;
  /** Customers with this row. */
  readonly weight: Float64Array;
}

export interface PurchaseSummary {
  /** Customer ids, index k (the order index's numbering). */
  readonly ids: readonly string[];
  readonly count: number;
  /** Calibration end E and hold-out end H (days since 1970-01-01; H = null without a hold-out). */
  readonly calibrationEnd: number;
  readonly holdoutEnd: number | null;
  /** (H - E) / 7, or 0. */
  readonly holdoutWeeks: number;
  /** 1 when the customer's first purchase day is on or before E. */
  readonly inCalibration: Uint8Array;
  /** First purchase day (MISSING_DAY: none at all). */
  readonly firstDay: Int32Array;
  /** Last purchase day on or before E (MISSING_DAY: none). */
  readonly lastDay: Int32Array;
  readonly x: Uint32Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  /** Mean net amount of the repeat purchase days with a known amount (NaN: none). */
  readonly spendMean: Float64Array;
  /** Repeat purchase days with a known amount. */
  readonly spendDays: Uint32Array;
  /** Purchase days in the hold-out (E, H]. */
  readonly holdoutX: Uint32Array;
  /** Row of `unique` per customer (-1: not in the calibration). */
  readonly uniqueOf: Int32Array;
  readonly unique: UniqueRows;
  /** Customers in the calibration, and those with at least one repeat purchase day. */
  readonly customers: number;
  readonly repeatCustomers: number;
  /** Customers whose first purchase is after E (new in the hold-out, not modelled). */
  readonly lateCustomers: number;
  /** Customer-days (up to E, every customer) whose net amount is 0 or below: no purchase, out of the spend model. */
  readonly nonPurchaseDays: number;
  /** Repeat purchase days (up to E) without any amount: in the purchase counts, out of the spend model. */
  readonly missingAmountDays: number;
  /** With `zeroIsPurchase`: repeat purchase days (up to E) that net to exactly 0, out of the spend model. */
  readonly zeroAmountDays: number;
  /** Σx and Σx* over the calibration's customers. */
  readonly totalRepeat: number;
  readonly totalHoldout: number;
}

export interface PurchaseSummaryOptions {
  /** Calibration end E, a day number (default: the index's last order day). */
  readonly calibrationEnd?: number;
  /** Hold-out end H > E (default: none). */
  readonly holdoutEnd?: number;
  /**
   * The papers' convention for days that net to exactly 0 (default false: no purchase, the app's
   * rule). CDNOW has 8 customers whose only order is one CD at $0.00; the published summary and
   * fits count them (x = 0), so reproducing the published numbers needs `true`. Such days are a
   * purchase in the counts and stay out of the spend model (counted in `zeroAmountDays`).
   */
  readonly zeroIsPurchase?: boolean;
}

/**
 * The purchase-day summary of an order index (see the file comment).
 *
 * @throws RangeError "purchaseSummary requires a finite calibration end"
 * @example purchaseSummary(buildOrderIndex(orders), { calibrationEnd: isoToDay('1997-09-30') }).unique.length
 */
export function purchaseSummary(index: OrderIndex, options: PurchaseSummaryOptions = {}): PurchaseSummary {
  const E = options.calibrationEnd ?? index.maxDay;
  if (!Number.isFinite(E) || E === NO_DAY) throw new RangeError('purchaseSummary requires a finite calibration end');
  const H = options.holdoutEnd !== undefined && options.holdoutEnd > E ? options.holdoutEnd : null;
  const n = index.customerIds.length;
  const { offsets, days, amounts } = index;
  const inCalibration = new Uint8Array(n);
  const firstDay = new Int32Array(n).fill(NO_DAY);
  const lastDay = new Int32Array(n).fill(NO_DAY);
  const x = new Uint32Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  const spendMean = new Float64Array(n).fill(NaN);
  const spendDays = new Uint32Array(n);
  const holdoutX = new Uint32Array(n);
  let nonPurchaseDays = 0;
  let missingAmountDays = 0;
  let zeroAmountDays = 0;
  const zeroIsPurchase = options.zeroIsPurchase === true;
  for (let k = 0; k < n; k++) {
    let first = NO_DAY;
    let last = NO_DAY;
    let purchases = 0;
    let spendSum = 0;
    let spendN = 0;
    let holdout = 0;
    let nonPurchase = 0;
    let missing = 0;
    let zero = 0;
    const end = offsets[k + 1];
    for (let i = offsets[k]; i < end; ) {
      const d = days[i];
      let net = 0;
      let known = false;
      for (; i < end && days[i] === d; i++) {
        const a = amounts[i];
        if (a === a) {
          net += a;
          known = true;
        }
      }
      const purchase = known ? net > 0 || (zeroIsPurchase && net === 0) : true;
      if (d > E) {
        if (purchase && first !== NO_DAY && H !== null && d <= H) holdout++;
        if (purchase && first === NO_DAY) first = d; // first purchase after E: not in the calibration
        continue;
      }
      if (!purchase) {
        nonPurchase++;
        continue;
      }
      if (first === NO_DAY) first = d;
      else if (!known) missing++;
      else if (net > 0) {
        spendSum += net;
        spendN++;
      } else zero++;
      last = d;
      purchases++;
    }
    firstDay[k] = first;
    nonPurchaseDays += nonPurchase;
    if (first === NO_DAY || first > E) continue;
    inCalibration[k] = 1;
    lastDay[k] = last;
    x[k] = purchases - 1;
    tx[k] = (last - first) / 7;
    T[k] = (E - first) / 7;
    spendDays[k] = spendN;
    if (spendN > 0) spendMean[k] = spendSum / spendN;
    holdoutX[k] = holdout;
    missingAmountDays += missing;
    zeroAmountDays += zero;
  }

  // Distinct (x, t_x days, T days) triples, in first-seen order.
  const keyOf = new Map<number, number>();
  const uniqueOf = new Int32Array(n).fill(-1);
  const ux: number[] = [];
  const utx: number[] = [];
  const uT: number[] = [];
  const uw: number[] = [];
  let customers = 0;
  let repeatCustomers = 0;
  let lateCustomers = 0;
  let totalRepeat = 0;
  let totalHoldout = 0;
  for (let k = 0; k < n; k++) {
    if (!inCalibration[k]) {
      if (firstDay[k] !== NO_DAY) lateCustomers++;
      continue;
    }
    customers++;
    if (x[k] > 0) repeatCustomers++;
    totalRepeat += x[k];
    totalHoldout += holdoutX[k];
    const txDays = lastDay[k] - firstDay[k];
    const TDays = E - firstDay[k];
    // Exact while x < 2^20 and the spans < 2^16 days (179 years): 2^52 > 2^20 · 2^32.
    const key = (x[k] * 65536 + txDays) * 65536 + TDays;
    let u = keyOf.get(key);
    if (u === undefined) {
      u = ux.length;
      keyOf.set(key, u);
      ux.push(x[k]);
      utx.push(tx[k]);
      uT.push(T[k]);
      uw.push(0);
    }
    uw[u]++;
    uniqueOf[k] = u;
  }
  return {
    ids: index.customerIds,
    count: n,
    calibrationEnd: E,
    holdoutEnd: H,
    holdoutWeeks: H === null ? 0 : (H - E) / 7,
    inCalibration,
    firstDay,
    lastDay,
    x,
    tx,
    T,
    spendMean,
    spendDays,
    holdoutX,
    uniqueOf,
    unique: { length: ux.length, x: Float64Array.from(ux), tx: Float64Array.from(utx), T: Float64Array.from(uT), weight: Float64Array.from(uw) },
    customers,
    repeatCustomers,
    lateCustomers,
    nonPurchaseDays,
    missingAmountDays,
    zeroAmountDays,
    totalRepeat,
    totalHoldout,
  };
}
