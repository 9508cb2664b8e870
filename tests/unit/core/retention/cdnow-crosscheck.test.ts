import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { orderCohorts } from '../../../../src/core/retention/cohorts.ts';
import { buildOrderIndex } from '../../../../src/core/retention/customer-index.ts';
import { orderRetention } from '../../../../src/core/retention/retention-periods.ts';
import type { Table } from '../../../../src/core/table.ts';
import { day } from './fixtures.ts';

/**
 * Real data, checked two ways: the CDNOW master file (Fader & Hardie; /work/shared/data/cdnow,
 * 69,659 transactions of 23,570 customers who first bought in 1997-Q1, followed to 1998-06-30)
 * through the fast per-customer index, against a brute-force reading of DESIGN.md section 3
 * written straight from the definitions (every customer x period x order, no indexes).
 */
const text = readFileSync(new URL('../../../../../shared/data/cdnow/CDNOW_master.txt', import.meta.url), 'latin1');
const lines = text.split(/\r?\n/).slice(1).filter((l) => l.trim() !== '');
const rows = lines.map((l) => {
  const [id, ymd, , amount] = l.trim().split(/\s+/);
  return { id, day: day(`${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`), amount: Number(amount) };
});
const dict = [...new Set(rows.map((r) => r.id))];
const codeOf = new Map(dict.map((id, i) => [id, i]));
const orders: Table = {
  length: rows.length,
  columns: {
    customer_id: { type: 'dict', dict, codes: Uint32Array.from(rows, (r) => codeOf.get(r.id)!) },
    date: { type: 'day', data: Int32Array.from(rows, (r) => r.day) },
    amount: { type: 'num', data: Float64Array.from(rows, (r) => r.amount) },
  },
};

describe('CDNOW master: fast index vs brute force', () => {
  const W = 90;
  const idx = buildOrderIndex(orders);
  const series = orderRetention(idx, { unit: 'month', window: W });

  it('reads the whole file: 69,659 transactions, 23,570 customers, 1997-01 .. 1998-06', () => {
    expect(rows.length).toBe(69659);
    expect(idx.customerIds.length).toBe(23570);
    expect(series.grid.labels[0]).toBe('1997-01');
    expect(series.grid.labels.at(-1)).toBe('1998-06');
  });

  it('counts a customer as new in the month of their first order with amount > 0', () => {
    // The cohort is "first purchase in 1997-Q1", but 80 rows are $0.00: 68 customers have only
    // $0 rows (never new, never active) and 2 (10824, 11378) had a $0 row in February 1997 and
    // first paid in November 1997, so they are new in 1997-11. 23,570 - 68 = 23,502 = 23,500 + 2.
    const newPerMonth = series.periods.map((p) => p.new);
    expect(newPerMonth.slice(0, 3).reduce((a, b) => a + b, 0)).toBe(23500);
    expect(series.periods[10].period).toBe('1997-11');
    expect(newPerMonth[10]).toBe(2);
    expect(newPerMonth.reduce((a, b) => a + b, 0)).toBe(23502);
    const k = idx.customerIds.indexOf('10824');
    expect(idx.days[idx.offsets[k]]).toBe(day('1997-02-08'));
    expect(idx.firstActiveDay[k]).toBe(day('1997-11-21'));
  });

  it('agrees with the definitions applied naively, period by period', () => {
    const byCustomer = new Map<string, typeof rows>();
    for (const r of rows) (byCustomer.get(r.id) ?? byCustomer.set(r.id, []).get(r.id)!).push(r);
    const activeOn = (rs: typeof rows, d: number) => rs.some((r) => r.amount > 0 && r.day >= d - W + 1 && r.day <= d);
    for (const p of series.periods) {
      let S = 0;
      let E = 0;
      let N = 0;
      let lost = 0;
      let react = 0;
      for (const rs of byCustomer.values()) {
        const pos = rs.filter((r) => r.amount > 0).map((r) => r.day);
        const first = pos.length ? Math.min(...pos) : Infinity;
        const s = activeOn(rs, p.start - 1);
        const e = activeOn(rs, p.end);
        const isNew = first >= p.start && first <= p.end;
        S += +s;
        E += +e;
        N += +isNew;
        lost += +(s && !e);
        react += +(e && !s && !isNew);
      }
      expect([p.period, p.startActive, p.endActive, p.new, p.lost, p.reactivated]).toEqual([p.period, S, E, N, lost, react]);
      expect(p.crr).toBe(S === 0 ? null : ((E - N) / S) * 100);
    }
  });

  it('cohort "on" counts agree with a naive count', () => {
    const m = orderCohorts(idx, series.grid);
    const month = (d: number) => series.grid.starts.findLastIndex((s) => s <= d);
    const firstMonth = new Map<string, number>();
    const monthsActive = new Map<string, Set<number>>();
    for (const r of rows) {
      if (!(r.amount > 0)) continue;
      const j = month(r.day);
      firstMonth.set(r.id, Math.min(firstMonth.get(r.id) ?? Infinity, j));
      (monthsActive.get(r.id) ?? monthsActive.set(r.id, new Set()).get(r.id)!).add(j);
    }
    const P = series.grid.count;
    const naive = Array.from({ length: P }, (_, c) => new Array<number>(P - c).fill(0));
    for (const [id, c] of firstMonth) for (const j of monthsActive.get(id)!) naive[c][j - c]++;
    expect(m.on.map((r) => Array.from(r))).toEqual(naive);
    expect(Array.from(m.sizes).reduce((a, b) => a + b, 0)).toBe(23502);
  });
});
