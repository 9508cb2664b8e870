/**
 * Segment comparison (issue #10 item 4; DESIGN.md section 5): an attribute (customer groups,
 * core/customers/customer-groups.ts) splits the customers into segments, and every segment gets
 * the same analyses — retention is "the same report on a customer mask" (core/customers/mask.ts),
 * not a second copy of it.
 *
 * Segments are the values of one attribute, or a filter built from several attributes (the
 * customers matching it vs the rest: SegmentFilter).
 *
 * Per segment: customers, churned and churn rate (churn-status.ts; 95 % Wilson interval and a
 * two-proportion z-test against the rest), CRR and exact retention of the last complete period,
 * the CRR / exact / churn series per period, the Kaplan-Meier survival curve and the average
 * cohort curve of its retention report (so every retention chart can be split); for
 * orders the average order value (mean of order amounts), purchase frequency (orders per
 * customer) and revenue per customer, each against the rest of the customers with a Welch 95 %
 * interval of the difference; NPS of the latest 0-10 answers when feedback exists. Every
 * difference's p is Benjamini-Hochberg adjusted over all the comparison's tests; a difference
 * is flagged only when q < 0.05. Segments with n < 30 are marked small. Across segments: the
 * log-rank test of their lifetimes (churn-status lifetimes: censored when still active).
 *
 * Complexity: one retention report per segment (O(rows) each) plus O(rows + customers).
 * Bad input: throws RangeError "segmentComparison: no attribute KEY" for an unknown key (and
 * "KEY has no value V" for a filter value the attribute does not have); the
 * retention report's errors pass through.
 */
import type { DataKind } from '../schema/kinds.ts';
import { MISSING_CODE, type Table } from '../table.ts';
import type { CustomerTable } from '../customers/customer-table.ts';
import { customerGroups, type CustomerGroups, type GroupValue } from '../customers/customer-groups.ts';
import { maskRows, type CustomerMask } from '../customers/mask.ts';
import { retentionReport } from '../retention/report.ts';
import { sourceIndex } from '../retention/report-source.ts';
import type { RetentionParams } from '../retention/report-types.ts';
import { churnStatus, type ChurnStatusParams } from '../churn/churn-status.ts';
import { wilsonInterval } from '../stats/wilson-interval.ts';
import { twoProportionZTest } from '../stats/two-proportion-z-test.ts';
import { welchTTest } from '../stats/welch-t-test.ts';
import { logRankTest } from '../stats/log-rank-test.ts';
import { benjaminiHochberg } from '../stats/benjamini-hochberg.ts';
import { SMALL_GROUP } from '../churn/churn-profile.ts';

/** A mean of one segment against the rest. */
export interface MeanComparison {
  readonly mean: number | null;
  readonly n: number;
  /** Segment mean minus the rest's mean, with the Welch 95 % interval; null when not defined. */
  readonly diff: number | null;
  readonly low: number | null;
  readonly high: number | null;
  readonly p: number | null;
  readonly q: number | null;
}

export interface SegmentRow {
  readonly value: GroupValue;
  readonly customers: number;
  readonly small: boolean;
  /** Customers of the segment in the churn base (the churn rate's denominator; customers without activity are not). */
  readonly churnBase: number;
  readonly churned: number;
  readonly churnRate: number | null;
  readonly churnLow: number | null;
  readonly churnHigh: number | null;
  readonly churnP: number | null;
  readonly churnQ: number | null;
  readonly crr: number | null;
  readonly exact: number | null;
  readonly period: string | null;
  readonly medianLifetime: number | null;
  /** Kaplan-Meier survival: days since start -> share still a customer. */
  readonly survival: readonly { readonly t: number; readonly survival: number; readonly lower: number; readonly upper: number }[];
  /** The retention report's periods on this segment's customers: CRR, exact retention and churn rate (percent; null where S = 0). */
  readonly periods: readonly { readonly period: string; readonly complete: boolean; readonly S: number; readonly crr: number | null; readonly exact: number | null; readonly churnRate: number | null }[];
  /** Size-weighted average cohort retention (% of start) for k = 0, 1, ... periods. */
  readonly cohortCurve: readonly (number | null)[];
  readonly cohorts: number;
  readonly aov: MeanComparison | null;
  readonly frequency: MeanComparison | null;
  readonly revenuePerCustomer: MeanComparison | null;
  /** NPS (% promoters - % detractors) of the latest answers; null without 0-10 feedback. */
  readonly nps: number | null;
  readonly npsAnswers: number;
}

export interface SegmentComparison {
  readonly key: string;
  readonly source: 'orders' | 'subscriptions';
  readonly segments: readonly SegmentRow[];
  /** Log-rank test across the segments' lifetimes (null when fewer than two segments have lifetimes). */
  readonly logRank: { readonly chi2: number; readonly df: number; readonly p: number } | null;
  readonly lifetimeUnit: 'day' | 'month';
}

type Tables = Readonly<Partial<Record<DataKind, Table>>>;

interface Moments {
  n: number;
  sum: number;
  sq: number;
}
const moments = (): Moments => ({ n: 0, sum: 0, sq: 0 });
const add = (m: Moments, x: number) => {
  m.n++;
  m.sum += x;
  m.sq += x * x;
};
const stats = (m: Moments) => {
  const mean = m.n === 0 ? NaN : m.sum / m.n;
  const variance = m.n < 2 ? NaN : Math.max(0, (m.sq - m.n * mean * mean) / (m.n - 1));
  return { mean, variance, n: m.n };
};

/**
 * Segments defined by a filter built from several attributes: the customers whose value of every
 * listed attribute is one of the listed values (AND across attributes, OR within one), against
 * all the others. Values are named by their labels (`Basic`, `under 150`).
 */
export interface SegmentFilter {
  readonly filter: readonly { readonly key: string; readonly values: readonly string[] }[];
}

/** What defines the segments: one attribute's values, or a filter (match vs the rest). */
export type SegmentBy = string | SegmentFilter;

/** Customer groups of a filter: group 0 = matches every condition, 1 = the rest. */
function filterGroups(all: readonly CustomerGroups[], filter: SegmentFilter, n: number): CustomerGroups {
  const codes = new Uint32Array(n);
  for (const cond of filter.filter) {
    const g = all.find((x) => x.key === cond.key);
    if (!g) throw new RangeError(`segmentComparison: no attribute ${cond.key}`);
    const wanted = new Uint8Array(g.values.length);
    g.values.forEach((v, i) => (wanted[i] = cond.values.includes(v.label) ? 1 : 0));
    const unknown = cond.values.find((v) => !g.values.some((x) => x.label === v));
    if (unknown !== undefined) throw new RangeError(`segmentComparison: ${cond.key} has no value ${unknown} (values: ${g.values.map((x) => x.label).join(', ')})`);
    for (let k = 0; k < n; k++) if (!wanted[g.codes[k]]) codes[k] = 1;
  }
  const key = filter.filter.map((c) => `${c.key} = ${c.values.join(' | ')}`).join(' & ');
  return { key, type: 'derived', values: [{ label: key, kind: 'derived', code: 'filter-match' }, { label: 'the rest', kind: 'derived', code: 'filter-rest' }], codes };
}

/**
 * Compares the segments of one attribute, or of a filter (see the file comment).
 *
 * @param by an attribute key of customerGroups (`plan`, `attr:Contract`, `derived:cohort`), or a
 *   SegmentFilter (two segments: the matching customers and the rest).
 * @throws RangeError "segmentComparison: no attribute KEY" for an unknown key.
 * @example segmentComparison(tables, customers, 'plan', { period: 'month', windowDays: 90 }, {}).segments[0].crr
 * @example segmentComparison(tables, customers, { filter: [{ key: 'plan', values: ['Basic'] }, { key: 'region', values: ['North'] }] }, params, {})
 */
export function segmentComparison(tables: Tables, customers: CustomerTable, by: SegmentBy, params: RetentionParams, churnParams: ChurnStatusParams): SegmentComparison {
  const status = churnStatus(tables, customers, { ...churnParams, windowDays: churnParams.windowDays ?? params.windowDays });
  // Bins over the churn base, as in the audit, so a segment here is the same group as there.
  const all = customerGroups(tables, customers, { base: status.base }).groups;
  const groups = typeof by === 'string' ? all.find((g) => g.key === by) : filterGroups(all, by, customers.count);
  if (!groups) throw new RangeError(`segmentComparison: no attribute ${by as string}`);
  const key = groups.key;
  // Every segment's report covers the whole workspace's periods (RetentionOptions.span).
  const span = spanOf(tables, params);
  const m = groups.values.length;
  const n = customers.count;
  const rest = (a: Moments[], g: number): Moments => {
    const r = moments();
    a.forEach((x, i) => {
      if (i === g) return;
      r.n += x.n;
      r.sum += x.sum;
      r.sq += x.sq;
    });
    return r;
  };
  // Order moments per segment: amounts per order, orders and revenue per customer.
  const orderAmounts = Array.from({ length: m }, moments);
  const perCustomerOrders = Array.from({ length: m }, moments);
  const perCustomerRevenue = Array.from({ length: m }, moments);
  const orders = tables.orders;
  const orderRows = customers.rowCustomer.orders;
  const hasAmounts = orders?.columns.amount?.type === 'num';
  if (orders && orderRows && hasAmounts) {
    const amount = (orders.columns.amount as { data: Float64Array }).data;
    for (let r = 0; r < orders.length; r++) {
      const k = orderRows[r];
      if (k !== MISSING_CODE && amount[r] > 0) add(orderAmounts[groups.codes[k]], amount[r]);
    }
    for (let k = 0; k < n; k++) {
      if (customers.facts.orders[k] === 0) continue;
      add(perCustomerOrders[groups.codes[k]], customers.facts.orders[k]);
      if (Number.isFinite(customers.facts.revenue[k])) add(perCustomerRevenue[groups.codes[k]], customers.facts.revenue[k]);
    }
  }
  const compare = (a: Moments[], g: number) => {
    const s = stats(a[g]);
    const o = stats(rest(a, g));
    const w = s.n >= 2 && o.n >= 2 ? welchTTest({ mean: s.mean, variance: s.variance, n: s.n }, { mean: o.mean, variance: o.variance, n: o.n }) : null;
    return { mean: s.n === 0 ? null : s.mean, n: s.n, diff: w?.diff ?? null, low: w?.low ?? null, high: w?.high ?? null, p: w?.p ?? null, q: null as number | null };
  };
  // NPS of the latest answers.
  const nps = npsBySegment(tables, customers, groups.codes, m);
  let N = 0;
  let X = 0;
  const inBase = new Float64Array(m);
  const gone = new Float64Array(m);
  for (let k = 0; k < n; k++) {
    if (!status.base[k]) continue;
    N++;
    inBase[groups.codes[k]]++;
    if (status.churned[k]) {
      X++;
      gone[groups.codes[k]]++;
    }
  }
  const rows = groups.values.map((value, g) => {
    const mask: CustomerMask = new Uint8Array(n);
    let size = 0;
    for (let k = 0; k < n; k++) {
      if (groups.codes[k] !== g) continue;
      mask[k] = 1;
      size++;
    }
    const report = reportOf(tables, params, maskRows(customers, tables, mask), span);
    const ci = wilsonInterval(gone[g], inBase[g]);
    const test = twoProportionZTest(gone[g], inBase[g], X - gone[g], N - inBase[g]);
    return {
      value,
      customers: size,
      small: size < SMALL_GROUP,
      churnBase: inBase[g],
      churned: gone[g],
      churnRate: inBase[g] === 0 ? null : (gone[g] / inBase[g]) * 100,
      churnLow: ci ? ci.low * 100 : null,
      churnHigh: ci ? ci.high * 100 : null,
      churnP: test?.p ?? null,
      churnQ: null as number | null,
      crr: report?.kpis.crr?.value ?? null,
      exact: report?.kpis.exact?.value ?? null,
      period: report?.kpis.period ?? null,
      medianLifetime: report?.survival.median ?? null,
      survival: report?.survival.points.map((p) => ({ t: p.t, survival: p.survival, lower: p.lower, upper: p.upper })) ?? [],
      periods: report?.periods.map((p) => ({ period: p.period, complete: p.complete, S: p.S, crr: p.crr, exact: p.exact, churnRate: p.churnRate })) ?? [],
      cohortCurve: report?.cohorts.logo.average.ofStart ?? [],
      cohorts: report?.cohorts.labels.length ?? 0,
      aov: hasAmounts ? compare(orderAmounts, g) : null,
      frequency: hasAmounts ? compare(perCustomerOrders, g) : null,
      revenuePerCustomer: hasAmounts ? compare(perCustomerRevenue, g) : null,
      nps: nps ? nps[g].nps : null,
      npsAnswers: nps ? nps[g].answers : 0,
    };
  });
  // Benjamini-Hochberg over every test of the comparison.
  const tests: { p: number | null; set: (q: number | null) => void }[] = [];
  for (const r of rows) {
    tests.push({ p: r.churnP, set: (q) => (r.churnQ = q) });
    for (const c of [r.aov, r.frequency, r.revenuePerCustomer]) if (c) tests.push({ p: c.p, set: (q) => (c.q = q) });
  }
  const qs = benjaminiHochberg(tests.map((t) => t.p ?? NaN));
  tests.forEach((t, i) => t.set(Number.isNaN(qs[i]) ? null : qs[i]));
  // Log-rank across segments.
  const times: number[] = [];
  const events: number[] = [];
  const labels: number[] = [];
  for (let k = 0; k < n; k++) {
    if (!status.base[k] || !Number.isFinite(status.lifetime[k])) continue;
    times.push(status.lifetime[k]);
    events.push(status.churned[k]);
    labels.push(groups.codes[k]);
  }
  const lr = times.length > 0 ? logRankTest(Float64Array.from(times), Uint8Array.from(events), Uint32Array.from(labels)) : null;
  const source = params.source ?? (tables.subscriptions && tables.subscriptions.length > 0 ? 'subscriptions' : 'orders');
  return {
    key,
    source,
    segments: rows,
    logRank: lr && lr.df > 0 ? { chi2: lr.chi2, df: lr.df, p: lr.p } : null,
    lifetimeUnit: status.lifetimeUnit,
  };
}

function spanOf(tables: Tables, params: RetentionParams): { minDay: number; maxDay: number } | undefined {
  if (!tables.orders && !tables.subscriptions) return undefined;
  try {
    const { index } = sourceIndex({ orders: tables.orders, subscriptions: tables.subscriptions }, params);
    return { minDay: index.minDay, maxDay: index.maxDay };
  } catch (e) {
    if (e instanceof TypeError) return undefined;
    throw e;
  }
}

function reportOf(tables: Tables, params: RetentionParams, keep: ReturnType<typeof maskRows>, span: { minDay: number; maxDay: number } | undefined) {
  if (!tables.orders && !tables.subscriptions) return null;
  try {
    return retentionReport({ orders: tables.orders, subscriptions: tables.subscriptions, customers: tables.customers, churn: tables.churn }, params, { keep, ...(span ? { span } : {}) });
  } catch (e) {
    // A segment whose customers have no dated activity has no retention report.
    if (e instanceof TypeError) return null;
    throw e;
  }
}

function npsBySegment(tables: Tables, customers: CustomerTable, codes: Uint32Array, m: number): { nps: number | null; answers: number }[] | null {
  const fb = tables.feedback;
  const rows = customers.rowCustomer.feedback;
  if (!fb || !rows || fb.columns.score?.type !== 'num') return null;
  const score = fb.columns.score.data;
  const date = fb.columns.date;
  let max = -Infinity;
  for (let r = 0; r < fb.length; r++) if (Number.isFinite(score[r])) max = Math.max(max, score[r]);
  if (!(max > 5 && max <= 10)) return null;
  const latestDay = new Map<number, number>();
  const latest = new Map<number, number>();
  for (let r = 0; r < fb.length; r++) {
    const k = rows[r];
    if (k === MISSING_CODE || !Number.isFinite(score[r])) continue;
    const d = date?.type === 'day' ? date.data[r] : 0;
    if (!latest.has(k) || d >= latestDay.get(k)!) {
      latest.set(k, score[r]);
      latestDay.set(k, d);
    }
  }
  const pro = new Float64Array(m);
  const det = new Float64Array(m);
  const all = new Float64Array(m);
  for (const [k, s] of latest) {
    const g = codes[k];
    all[g]++;
    if (s >= 9) pro[g]++;
    else if (s <= 6) det[g]++;
  }
  return Array.from({ length: m }, (_, g) => ({ nps: all[g] === 0 ? null : ((pro[g] - det[g]) / all[g]) * 100, answers: all[g] }));
}
