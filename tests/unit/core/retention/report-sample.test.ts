import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { isoToDay } from '../../../../src/core/parse/date.ts';
import { evaluateReceipt, retentionReport, type RetentionReport } from '../../../../src/core/retention/report.ts';
import { MISSING_CODE, MISSING_DAY, type Table } from '../../../../src/core/table.ts';
import { inspectFile, parseFile } from '../../../../src/ingest/index.ts';

/**
 * The hand check of issue 3 ("on the sample data the figures match a hand check"), done by a
 * brute-force reading of DESIGN.md sections 2 and 3 straight from the rows of the sample files
 * (public/sample): for every period, who is active on p0 - 1 and on p1 is decided customer by
 * customer from their raw orders or subscriptions, with no index, bitset or sort, and the
 * report must agree on every count and rate.
 */
const SAMPLE = fileURLToPath(new URL('../../../../public/sample/', import.meta.url));

async function load(name: string): Promise<Table> {
  const bytes = new Uint8Array(await readFile(`${SAMPLE}${name}.csv`));
  const inspection = await inspectFile(bytes, `${name}.csv`);
  const parsed = await parseFile(bytes, { dialect: inspection.dialect, kind: inspection.kind, mapping: inspection.mapping });
  return parsed.table;
}

/** Rows grouped by customer id: [day, value] pairs (orders: amount; subscriptions: [start, end, mrr]). */
function byCustomer<T>(t: Table, row: (i: number) => T | null): Map<string, T[]> {
  const ids = t.columns.customer_id;
  if (ids.type !== 'dict') throw new TypeError('customer_id');
  const out = new Map<string, T[]>();
  for (let i = 0; i < t.length; i++) {
    if (ids.codes[i] === MISSING_CODE) continue;
    const v = row(i);
    if (v === null) continue;
    const id = ids.dict[ids.codes[i]];
    const list = out.get(id) ?? [];
    list.push(v);
    out.set(id, list);
  }
  return out;
}

interface Truth {
  S: number;
  E: number;
  N: number;
  lost: string[];
  reactivated: string[];
  newLost: number;
}

function truthFor(customers: Map<string, { active: (d: number) => boolean; first: number }>, start: number, end: number): Truth {
  let S = 0;
  let E = 0;
  let N = 0;
  let newLost = 0;
  const lost: string[] = [];
  const reactivated: string[] = [];
  for (const [id, c] of customers) {
    const s = c.active(start - 1);
    const e = c.active(end);
    const isNew = c.first >= start && c.first <= end;
    if (s) S++;
    if (e) E++;
    if (isNew) N++;
    if (s && !e) lost.push(id);
    if (e && !s && !isNew) reactivated.push(id);
    if (isNew && !e) newLost++;
  }
  return { S, E, N, lost: lost.sort(), reactivated: reactivated.sort(), newLost };
}

function checkPeriods(report: RetentionReport, customers: Map<string, { active: (d: number) => boolean; first: number }>): void {
  const ids = (members: number[]) => members.map((k) => report.customers[k]).sort();
  for (const p of report.periods) {
    const t = truthFor(customers, isoToDay(p.start), isoToDay(p.end));
    expect([p.period, p.S, p.E, p.N, p.newLost]).toEqual([p.period, t.S, t.E, t.N, t.newLost]);
    expect(ids(p.members.lost)).toEqual(t.lost);
    expect(ids(p.members.reactivated)).toEqual(t.reactivated);
    if (t.S === 0) expect(p.crr).toBeNull();
    else expect(p.crr).toBeCloseTo(((t.E - t.N) / t.S) * 100, 10);
  }
}

describe('sample data: the report agrees with a brute-force reading of DESIGN.md', () => {
  let orders: Table;
  let subscriptions: Table;
  beforeAll(async () => {
    [orders, subscriptions] = await Promise.all([load('orders'), load('subscriptions')]);
  });

  it.each([
    [60, 'month'],
    [25, 'quarter'],
    [200, 'year'],
  ] as const)('orders, W = %i, %ss: S, E, N, lost, reactivated, CRR, cohorts and revenue', (W, period) => {
    const report = retentionReport({ orders }, { period, windowDays: W });
    const date = orders.columns.date as { data: Int32Array };
    const amount = orders.columns.amount as { data: Float64Array };
    const rows = byCustomer(orders, (i) => (date.data[i] === MISSING_DAY ? null : ([date.data[i], amount.data[i]] as const)));
    const customers = new Map<string, { active: (d: number) => boolean; first: number }>();
    for (const [id, list] of rows) {
      const buys = list.filter(([, a]) => a > 0).map(([d]) => d);
      if (buys.length === 0) continue; // refund-only: never active, never new
      customers.set(id, { active: (d) => buys.some((x) => x >= d - W + 1 && x <= d), first: Math.min(...buys) });
    }
    expect(report.periods.length).toBe(period === 'month' ? 36 : period === 'quarter' ? 12 : 3);
    checkPeriods(report, customers);

    // Cohort c, period c + k: customers of the cohort with an order > 0 in that period.
    const starts = report.periods.map((p) => isoToDay(p.start));
    const ends = report.periods.map((p) => isoToDay(p.end));
    const periodOf = (d: number) => starts.findIndex((s, j) => d >= s && d <= ends[j]);
    const logo = report.cohorts.labels.map((_, c) => new Array<number>(report.periods.length - c).fill(0));
    const unbounded = report.cohorts.labels.map((_, c) => new Array<number>(report.periods.length - c).fill(0));
    const sizes = new Array<number>(report.periods.length).fill(0);
    for (const [id, list] of rows) {
      const c = customers.get(id);
      if (!c) continue;
      const cohort = periodOf(c.first);
      sizes[cohort]++;
      const seen = new Set(list.filter(([, a]) => a > 0).map(([d]) => periodOf(d)));
      for (const j of seen) logo[cohort][j - cohort]++;
      // Unbounded: active in c + k or later = k up to the last period with an order > 0.
      const last = Math.max(...seen);
      for (let j = cohort; j <= last; j++) unbounded[cohort][j - cohort]++;
    }
    expect(report.cohorts.sizes).toEqual(sizes);
    expect(report.cohorts.logo.counts).toEqual(logo);
    expect(report.cohorts.unbounded.counts).toEqual(unbounded);

    // Revenue per period, refunds included.
    const revenue = new Array<number>(report.periods.length).fill(0);
    for (const list of rows.values()) for (const [d, a] of list) if (!Number.isNaN(a)) revenue[periodOf(d)] += a;
    report.periods.forEach((p, j) => expect(p.revenue).toBeCloseTo(revenue[j], 6));
  });

  it.each(['month', 'quarter'] as const)('subscriptions, %ss: S, E, N, lost, reactivated, CRR and MRR on the boundary days', (period) => {
    const report = retentionReport({ subscriptions }, { period, windowDays: 90 });
    const start = subscriptions.columns.start_date as { data: Int32Array };
    const end = subscriptions.columns.end_date as { data: Int32Array };
    const mrr = subscriptions.columns.mrr as { data: Float64Array };
    const rows = byCustomer(subscriptions, (i) => {
      const s = start.data[i];
      const e = end.data[i] === MISSING_DAY ? Infinity : end.data[i];
      return s === MISSING_DAY || e <= s ? null : ([s, e, mrr.data[i]] as const);
    });
    const customers = new Map<string, { active: (d: number) => boolean; first: number }>();
    for (const [id, list] of rows) customers.set(id, { active: (d) => list.some(([s, e]) => s <= d && d < e), first: Math.min(...list.map(([s]) => s)) });
    checkPeriods(report, customers);
    const mrrOn = (d: number) => {
      let sum = 0;
      for (const list of rows.values()) for (const [s, e, m] of list) if (s <= d && d < e && !Number.isNaN(m)) sum += m;
      return sum;
    };
    for (const m of report.mrr ?? []) expect(m.mrrStart).toBeCloseTo(mrrOn(isoToDay(m.start) - 1), 6);
    expect(report.mrr?.length).toBe(report.periods.length);

    // MRR movements customer by customer, and the subscription cohort matrix (active on each last day).
    const ends = report.periods.map((p) => isoToDay(p.end));
    const starts = report.periods.map((p) => isoToDay(p.start));
    const logo = report.periods.map((_, c) => new Array<number>(report.periods.length - c).fill(0));
    report.periods.forEach((p, j) => {
      const mv = { new: 0, expansion: 0, contraction: 0, churn: 0, reactivation: 0 };
      for (const [id, list] of rows) {
        const at = (d: number) => list.filter(([s, e]) => s <= d && d < e);
        const a0 = at(starts[j] - 1);
        const a1 = at(ends[j]);
        const m0 = a0.reduce((x, [, , m]) => x + (Number.isNaN(m) ? 0 : m), 0);
        const m1 = a1.reduce((x, [, , m]) => x + (Number.isNaN(m) ? 0 : m), 0);
        const first = customers.get(id)!.first;
        if (a0.length > 0 && a1.length === 0) mv.churn += m0;
        else if (a0.length > 0 && m1 > m0) mv.expansion += m1 - m0;
        else if (a0.length > 0 && m1 < m0) mv.contraction += m0 - m1;
        else if (a0.length === 0 && a1.length > 0) mv[first >= starts[j] ? 'new' : 'reactivation'] += m1;
        if (j === 0) {
          const c = starts.findIndex((s, k) => first >= s && first <= ends[k]);
          for (let k = c; k < ends.length; k++) if (list.some(([s, e]) => s <= ends[k] && ends[k] < e)) logo[c][k - c]++;
        }
      }
      const row = report.mrr![j];
      for (const key of ['new', 'expansion', 'contraction', 'churn', 'reactivation'] as const) expect(row[key], `${p.period} ${key}`).toBeCloseTo(mv[key], 6);
    });
    expect(report.cohorts.logo.counts).toEqual(logo);
  });

  it('orders restricted to 2024-03-15 .. 2025-06-10: whole periods, earlier customers are existing customers', () => {
    const W = 45;
    const report = retentionReport({ orders }, { period: 'month', windowDays: W, from: '2024-03-15', to: '2025-06-10' });
    expect(report.periods.map((p) => p.period)).toEqual([
      '2024-03', '2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12',
      '2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06',
    ]);
    const date = orders.columns.date as { data: Int32Array };
    const amount = orders.columns.amount as { data: Float64Array };
    const rows = byCustomer(orders, (i) => (date.data[i] === MISSING_DAY || !(amount.data[i] > 0) ? null : date.data[i]));
    const customers = new Map<string, { active: (d: number) => boolean; first: number }>();
    for (const [id, buys] of rows) customers.set(id, { active: (d) => buys.some((x) => x >= d - W + 1 && x <= d), first: Math.min(...buys) });
    checkPeriods(report, customers);
    // The data go on after 2025-06-10, so June 2025 is complete and "now" is its last day.
    expect(report.kpis.asOf).toBe('2025-06-30');
    expect(report.kpis.period).toBe('2025-06');
  });

  it('every KPI receipt of both sources reproduces its figure', async () => {
    const churn = await load('churn');
    for (const report of [
      retentionReport({ orders, subscriptions, churn }, { period: 'month', windowDays: 90, source: 'orders' }),
      retentionReport({ orders, subscriptions, churn }, { period: 'month', windowDays: 90 }),
    ]) {
      for (const kpi of Object.values(report.kpis)) {
        if (!kpi || typeof kpi !== 'object') continue;
        const v = evaluateReceipt(kpi.receipt);
        if (v === undefined) continue;
        if (kpi.value === null) expect(v, kpi.receipt.figure).toBeNull();
        else expect(v, kpi.receipt.figure).toBeCloseTo(kpi.value, 9);
      }
    }
  });
});
