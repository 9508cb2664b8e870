/**
 * The CLV report of a workspace (issue #11): historical, simple and predictive customer value,
 * P(alive), RFM and the lists to act on, as figures and per-customer typed arrays (no English
 * sentences: guard rails are codes with parameters, guard-rails.ts).
 *
 * Steps, each in its own module:
 * 1. orders -> order index (retention/customer-index.ts) -> purchase-day summary at the
 *    calibration end E (default the data's last day; an earlier E leaves the rest as hold-out).
 * 2. Guard rails: enough repeat customers and history? If not, no model (the reasons say why).
 * 3. BG/NBD (bgnbd.ts) and Gamma-Gamma (gamma-gamma.ts) by maximum likelihood (Pareto/NBD,
 *    pareto-nbd.ts, as the second opinion when BG/NBD finds no dropout); per customer
 *    P(alive) (null "cannot judge" for one-time buyers and when the dropout parameter is at its
 *    boundary), expected purchases over the horizon, expected spend, discounted CLV
 *    (discounted-clv.ts), and the hold-out check (holdout.ts) when there is a hold-out.
 * 4. Historical value, cohort curves and Pareto shares (historical-clv.ts); simple CLV of the
 *    subscriptions (simple-clv.ts); RFM (rfm.ts, on activity days up to the data's last day);
 *    the lists (action-lists.ts, with the repurchase curve of retention/repurchase.ts); average
 *    value per customer segment when a customer table is given (customers/customer-groups.ts).
 *
 * Per-customer arrays are indexed by the order index's customer numbers (`perCustomer.ids`).
 *
 * Complexity: O(orders + customers log customers) plus the fits (multi-start-fit.ts) and
 * horizon x distinct (x, t_x, T) conditional expectations.
 */
import type { DataKind } from '../schema/kinds.ts';
import { MISSING_CODE, MISSING_DAY, type Table } from '../table.ts';
import { buildOrderIndex, buildSubscriptionIndex, type OrderIndex } from '../retention/customer-index.ts';
import { repurchaseCurve } from '../retention/repurchase.ts';
import type { CustomerTable } from '../customers/customer-table.ts';
import { customerGroups, type GroupValue } from '../customers/customer-groups.ts';
import { kahanSum } from '../stats/kahan-sum.ts';
import { bgnbdConditionalExpected, bgnbdPAlive, fitBgnbd, noDropoutEvidence, type BgnbdFit } from './bgnbd.ts';
import { discountedPurchases, monthlyRate } from './discounted-clv.ts';
import { fitGammaGamma, gammaGammaExpectedSpend, type GammaGammaFit } from './gamma-gamma.ts';
import { CORRELATION_WARNING, notEnoughData, pearson, type ClvGuard } from './guard-rails.ts';
import { historicalClv, type CohortValue } from './historical-clv.ts';
import { holdoutCheck, type HoldoutCheck } from './holdout.ts';
import { purchaseSummary } from './purchase-summary.ts';
import { fitParetoNbd, paretoNbdPAlive, type ParetoNbdFit } from './pareto-nbd.ts';
import { RFM_GROUPS, rfmScores, type RfmGroup } from './rfm.ts';
import { simpleClv, type SimpleClv } from './simple-clv.ts';
import { actionLists, type ActionLists } from './action-lists.ts';

export type ClvTables = Readonly<Partial<Record<DataKind, Table>>>;

export interface ClvParams {
  /** Gross margin 0..1 (default 1). */
  readonly margin?: number;
  /** Horizon of the predictive CLV in months (default 12). */
  readonly horizonMonths?: number;
  /** Yearly discount rate (default 0.1). */
  readonly discountYearly?: number;
  /** Calibration end (day number; default the orders' last day). */
  readonly calibrationEnd?: number;
  /** Trailing window of the simple subscription CLV, in months (default 6). */
  readonly trailingMonths?: number;
}

export interface ClvAverages {
  /** Customers in the calibration (modelled). */
  readonly customers: number;
  /** Means per modelled customer (null without a model). */
  readonly clv: number | null;
  readonly expectedPurchases: number | null;
  readonly expectedSpend: number | null;
  /** Mean P(alive) over the customers it can be judged for (null: none). */
  readonly pAlive: number | null;
  readonly pAliveJudged: number;
  /** Σ CLV over the modelled customers. */
  readonly totalClv: number | null;
  /** Mean historical value (revenue to date x margin) per customer with a purchase. */
  readonly historical: number | null;
}

export interface ClvSegment {
  readonly key: string;
  readonly values: { readonly value: GroupValue; readonly customers: number; readonly historical: number | null; readonly clv: number | null }[];
}

export interface ClvPerCustomer {
  readonly ids: readonly string[];
  readonly x: Uint32Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  /** NaN: cannot judge (one-time buyer, not modelled, or no dropout evidence). */
  readonly pAlive: Float64Array;
  /** Expected purchases over the horizon (undiscounted). */
  readonly expectedPurchases: Float64Array;
  readonly expectedSpend: Float64Array;
  /** Discounted CLV over the horizon x margin (NaN: not modelled). */
  readonly clv: Float64Array;
  /** Revenue to date x margin (NaN: never purchased). */
  readonly historical: Float64Array;
  readonly revenue: Float64Array;
  readonly rfmR: Uint8Array;
  readonly rfmF: Uint8Array;
  readonly rfmM: Uint8Array;
  /** Index into RFM_GROUPS (255: no purchase). */
  readonly rfmGroup: Uint8Array;
  /** 1 when the customer is in the model's calibration. */
  readonly modelled: Uint8Array;
}

export interface ClvReport {
  readonly params: { margin: number; horizonMonths: number; discountYearly: number; monthlyDiscount: number; calibrationEnd: number; holdoutEnd: number | null; trailingMonths: number; lastDay: number };
  readonly unit: 'week';
  readonly summary: { customers: number; repeatCustomers: number; lateCustomers: number; totalRepeat: number; totalHoldout: number; uniqueRows: number; longestWeeks: number; nonPurchaseDays: number; missingAmountDays: number; oneTimeBuyers: number };
  /** Guard rails (codes + params); `enoughData` false when the model was not fitted. */
  readonly guards: ClvGuard[];
  readonly enoughData: boolean;
  readonly bgnbd: BgnbdFit | null;
  /**
   * Pareto/NBD, the second opinion where BG/NBD's dropout parameter is at its boundary (fitted
   * on up to PNBD_MAX_ROWS distinct rows; null otherwise), with its mean P(alive) over the repeat
   * customers.
   */
  readonly pnbd: (ParetoNbdFit & { readonly pAlive: number | null }) | null;
  readonly gammaGamma: GammaGammaFit | null;
  /** Pearson r of (x, mean repeat spend) over the spend model's customers (Gamma-Gamma's independence check). */
  readonly spendCorrelation: number | null;
  readonly holdout: HoldoutCheck | null;
  readonly averages: ClvAverages;
  readonly historical: { readonly total: number; readonly average: number | null; readonly customers: number; readonly top20Share: number | null; readonly top1Share: number | null; readonly cohorts: CohortValue[] };
  readonly simple: SimpleClv | null;
  readonly rfm: { readonly groups: { readonly group: RfmGroup; readonly customers: number; readonly revenue: number }[] };
  readonly lists: ActionLists;
  readonly segments: ClvSegment[];
  readonly perCustomer: ClvPerCustomer;
  /** Milliseconds of the two fits and of the per-customer scoring (for the benchmark). */
  readonly timings: { readonly fit: number; readonly score: number };
}

// The core has no DOM or Node types: the clock is looked up (browsers, workers and Node have one).
const clock = (globalThis as { performance?: { now(): number } }).performance;
const now = (): number => (clock ? clock.now() : Date.now());

/** The orders table with a NaN amount column when it has none (the index needs one). */
function withAmounts(orders: Table): Table {
  if (orders.columns.amount?.type === 'num') return orders;
  return { length: orders.length, columns: { ...orders.columns, amount: { type: 'num', data: new Float64Array(orders.length).fill(NaN) } } };
}

/** Pareto/NBD has no analytic gradient here (Nelder-Mead, two ₂F₁ a row): fitted on small data only. */
export const PNBD_MAX_ROWS = 5000;

const meanOf = (values: number[]): number | null => (values.length > 0 ? kahanSum(values) / values.length : null);

/**
 * The CLV report (see the file comment).
 *
 * @throws RangeError "clvReport requires a margin between 0 and 1" (and for a horizon or
 *   trailing window that is not a whole number of months >= 1, a discount rate outside 0..10)
 * @example clvReport({ orders }, { margin: 0.4 }).averages.clv
 */
export function clvReport(tables: ClvTables, params: ClvParams = {}, customers?: CustomerTable): ClvReport {
  const margin = params.margin ?? 1;
  const horizonMonths = params.horizonMonths ?? 12;
  const discountYearly = params.discountYearly ?? 0.1;
  const trailingMonths = params.trailingMonths ?? 6;
  if (!(margin >= 0 && margin <= 1)) throw new RangeError('clvReport requires a margin between 0 and 1');
  if (!Number.isInteger(horizonMonths) || horizonMonths < 1 || horizonMonths > 120) throw new RangeError('clvReport requires a horizon of 1 to 120 whole months');
  if (!(discountYearly >= 0 && discountYearly <= 10)) throw new RangeError('clvReport requires a yearly discount rate between 0 and 10');
  if (!Number.isInteger(trailingMonths) || trailingMonths < 1) throw new RangeError('clvReport requires a trailing window of whole months >= 1');
  const orders = tables.orders;
  const index: OrderIndex = buildOrderIndex(orders && orders.columns.customer_id?.type === 'dict' && orders.columns.date?.type === 'day' ? withAmounts(orders) : emptyOrders());
  const lastDay = index.maxDay;
  const E = params.calibrationEnd !== undefined && params.calibrationEnd < lastDay ? params.calibrationEnd : lastDay;
  const n = index.customerIds.length;
  const s = n > 0 ? purchaseSummary(index, { calibrationEnd: E, ...(E < lastDay ? { holdoutEnd: lastDay } : {}) }) : null;

  const guards: ClvGuard[] = [];
  let longestWeeks = 0;
  if (s) for (let k = 0; k < n; k++) if (s.inCalibration[k] && s.T[k] > longestWeeks) longestWeeks = s.T[k];
  const blocking = notEnoughData(s?.repeatCustomers ?? 0, longestWeeks);
  guards.push(...blocking);
  const pAlive = new Float64Array(n).fill(NaN);
  const expectedPurchases = new Float64Array(n).fill(NaN);
  const expectedSpend = new Float64Array(n).fill(NaN);
  const clv = new Float64Array(n).fill(NaN);
  let bg: BgnbdFit | null = null;
  let pnbd: ClvReport['pnbd'] = null;
  let gg: GammaGammaFit | null = null;
  let holdout: HoldoutCheck | null = null;
  let spendCorrelation: number | null = null;
  let fitMs = 0;
  let scoreMs = 0;
  if (s && blocking.length === 0) {
    const t0 = now();
    bg = fitBgnbd(s.unique);
    let spenders = 0;
    for (let k = 0; k < n; k++) if (s.inCalibration[k] && s.spendDays[k] > 0) spenders++;
    if (spenders >= 2) gg = fitGammaGamma(s.spendDays, s.spendMean);
    else guards.push({ code: 'no-spend-model', params: { repeatCustomers: spenders } });
    fitMs = now() - t0;
    const t1 = now();
    if (!bg.converged) guards.push({ code: 'not-converged', params: { model: 'bgnbd' } });
    if (gg && !gg.converged) guards.push({ code: 'not-converged', params: { model: 'gammaGamma' } });
    const noDropout = noDropoutEvidence(bg);
    if (bg.atBoundary.length > 0) guards.push({ code: 'no-dropout-evidence', params: { parameters: bg.atBoundary.join(',') } });
    if (noDropout && s.unique.length <= PNBD_MAX_ROWS) {
      const f = fitParetoNbd(s.unique);
      const alive: number[] = [];
      for (let k = 0; k < n; k++) if (s.inCalibration[k] && s.x[k] > 0) alive.push(paretoNbdPAlive(f, s.x[k], s.tx[k], s.T[k]));
      pnbd = { ...f, pAlive: meanOf(alive) };
    }
    spendCorrelation = pearson(s.spendDays, s.spendMean, (k) => s.inCalibration[k] === 1 && s.spendDays[k] > 0);
    if (spendCorrelation !== null && Math.abs(spendCorrelation) > CORRELATION_WARNING) {
      guards.push({ code: 'spend-frequency-correlated', params: { correlation: Math.round(spendCorrelation * 1000) / 1000, threshold: CORRELATION_WARNING } });
    }
    if (s.nonPurchaseDays > 0) guards.push({ code: 'non-purchase-days-excluded', params: { days: s.nonPurchaseDays } });
    if (s.missingAmountDays > 0) guards.push({ code: 'no-amount-days-excluded', params: { days: s.missingAmountDays } });
    // Per distinct (x, t_x, T) row, then per customer.
    const u = s.unique;
    const rowPurchases = new Float64Array(u.length);
    const rowDiscounted = new Float64Array(u.length);
    const rowAlive = new Float64Array(u.length);
    for (let i = 0; i < u.length; i++) {
      const d = discountedPurchases(bg, u.x[i], u.tx[i], u.T[i], horizonMonths, discountYearly);
      rowPurchases[i] = d.undiscounted;
      rowDiscounted[i] = d.discounted;
      rowAlive[i] = u.x[i] > 0 && !noDropout ? bgnbdPAlive(bg, u.x[i], u.tx[i], u.T[i]) : NaN;
    }
    let oneTime = 0;
    for (let k = 0; k < n; k++) {
      const row = s.uniqueOf[k];
      if (row < 0) continue;
      if (s.x[k] === 0) oneTime++;
      pAlive[k] = rowAlive[row];
      expectedPurchases[k] = rowPurchases[row];
      if (gg) {
        expectedSpend[k] = gammaGammaExpectedSpend(gg, s.spendDays[k], s.spendMean[k]);
        clv[k] = margin * expectedSpend[k] * rowDiscounted[row];
      }
    }
    if (oneTime > 0) guards.push({ code: 'one-time-buyers', params: { customers: oneTime } });
    if (s.holdoutWeeks > 0) holdout = holdoutCheck(s, (x, tx, T, t) => bgnbdConditionalExpected(bg!, x, tx, T, t));
    scoreMs = now() - t1;
  }

  const hist = historicalClv(index, margin, lastDay);
  // RFM on activity days (amount > 0 orders) up to the data's last day.
  const recency = new Float64Array(n).fill(NaN);
  const frequency = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const last = index.lastActiveDay[k];
    if (last !== MISSING_DAY) {
      recency[k] = lastDay - last;
      frequency[k] = index.activeOffsets[k + 1] - index.activeOffsets[k];
    }
  }
  const rfm = rfmScores(recency, frequency, hist.revenue);
  const curve = n > 0 ? repurchaseCurve(index, lastDay) : null;
  const lists = actionLists({
    firstDay: index.firstActiveDay,
    lastDay: index.lastActiveDay,
    revenue: hist.revenue,
    clv,
    pAlive,
    asOf: lastDay,
    p50Days: curve?.p50Days ?? null,
    p90Days: curve?.p90Days ?? null,
  });

  let simple: SimpleClv | null = null;
  const subs = tables.subscriptions;
  if (subs && subs.length > 0 && subs.columns.customer_id?.type === 'dict' && subs.columns.start_date?.type === 'day') {
    const si = buildSubscriptionIndex(subs);
    if (si.customerIds.length > 0) simple = simpleClv(si, margin, trailingMonths, si.maxDay);
  }

  const modelled = s ? s.inCalibration : new Uint8Array(n);
  const judged: number[] = [];
  const clvs: number[] = [];
  const purchases: number[] = [];
  const spends: number[] = [];
  for (let k = 0; k < n; k++) {
    if (!modelled[k]) continue;
    if (pAlive[k] === pAlive[k]) judged.push(pAlive[k]);
    if (clv[k] === clv[k]) clvs.push(clv[k]);
    if (expectedPurchases[k] === expectedPurchases[k]) purchases.push(expectedPurchases[k]);
    if (expectedSpend[k] === expectedSpend[k]) spends.push(expectedSpend[k]);
  }
  return {
    params: { margin, horizonMonths, discountYearly, monthlyDiscount: monthlyRate(discountYearly), calibrationEnd: E, holdoutEnd: s?.holdoutEnd ?? null, trailingMonths, lastDay },
    unit: 'week',
    summary: {
      customers: s?.customers ?? 0,
      repeatCustomers: s?.repeatCustomers ?? 0,
      lateCustomers: s?.lateCustomers ?? 0,
      totalRepeat: s?.totalRepeat ?? 0,
      totalHoldout: s?.totalHoldout ?? 0,
      uniqueRows: s?.unique.length ?? 0,
      longestWeeks,
      nonPurchaseDays: s?.nonPurchaseDays ?? 0,
      missingAmountDays: s?.missingAmountDays ?? 0,
      oneTimeBuyers: (s?.customers ?? 0) - (s?.repeatCustomers ?? 0),
    },
    guards,
    enoughData: blocking.length === 0 && s !== null,
    bgnbd: bg,
    pnbd,
    gammaGamma: gg,
    spendCorrelation,
    holdout,
    averages: {
      customers: s?.customers ?? 0,
      clv: meanOf(clvs),
      expectedPurchases: meanOf(purchases),
      expectedSpend: meanOf(spends),
      pAlive: meanOf(judged),
      pAliveJudged: judged.length,
      totalClv: clvs.length > 0 ? kahanSum(clvs) : null,
      historical: hist.average,
    },
    historical: { total: hist.total, average: hist.average, customers: hist.customers, top20Share: hist.top20Share, top1Share: hist.top1Share, cohorts: hist.cohorts },
    simple,
    rfm: { groups: RFM_GROUPS.map((group, g) => ({ group, customers: rfm.sizes[g], revenue: rfm.revenue[g] })) },
    lists,
    segments: customers ? segmentsOf(tables, customers, index, hist.value, clv) : [],
    perCustomer: {
      ids: index.customerIds,
      x: s?.x ?? new Uint32Array(n),
      tx: s?.tx ?? new Float64Array(n),
      T: s?.T ?? new Float64Array(n),
      pAlive,
      expectedPurchases,
      expectedSpend,
      clv,
      historical: hist.value,
      revenue: hist.revenue,
      rfmR: rfm.r,
      rfmF: rfm.f,
      rfmM: rfm.m,
      rfmGroup: rfm.group,
      modelled,
    },
    timings: { fit: fitMs, score: scoreMs },
  };
}

function emptyOrders(): Table {
  return { length: 0, columns: { customer_id: { type: 'dict', dict: [], codes: new Uint32Array(0) }, date: { type: 'day', data: new Int32Array(0) }, amount: { type: 'num', data: new Float64Array(0) } } };
}

/** Mean historical and predicted value per value of each customer attribute (order customers only). */
function segmentsOf(tables: ClvTables, customers: CustomerTable, index: OrderIndex, historical: Float64Array, clv: Float64Array): ClvSegment[] {
  const numberOf = Int32Array.from(index.customerIds, (id) => customers.numberOf(id));
  const { groups } = customerGroups(tables, customers);
  return groups.map((g) => {
    const sums = g.values.map(() => ({ customers: 0, historical: [] as number[], clv: [] as number[] }));
    for (let k = 0; k < numberOf.length; k++) {
      const c = numberOf[k];
      if (c < 0) continue;
      const code = g.codes[c];
      if (code === MISSING_CODE || code >= sums.length) continue;
      const e = sums[code];
      if (historical[k] === historical[k]) {
        e.customers++;
        e.historical.push(historical[k]);
      }
      if (clv[k] === clv[k]) e.clv.push(clv[k]);
    }
    return { key: g.key, values: g.values.map((value, i) => ({ value, customers: sums[i].customers, historical: meanOf(sums[i].historical), clv: meanOf(sums[i].clv) })) };
  });
}
