import { describe, expect, it } from 'vitest';
import { orderCohorts } from '../../../../src/core/retention/cohorts.ts';
import { buildOrderIndex } from '../../../../src/core/retention/customer-index.ts';
import { revenueByPeriod } from '../../../../src/core/retention/revenue-by-period.ts';
import { orderRetention } from '../../../../src/core/retention/retention-periods.ts';
import { suggestWindow } from '../../../../src/core/retention/suggest-window.ts';
import type { Table } from '../../../../src/core/table.ts';

/**
 * Scale sanity, not a benchmark (DESIGN.md section 8: timings belong to `npm run bench`): the
 * whole order pipeline on 1,000,000 orders of 100,000 customers over 3 years must finish (it is
 * linear apart from the gap sort), and its totals must agree with a direct count.
 */
describe('1M orders / 100k customers', () => {
  it('indexes, computes monthly retention, cohorts, revenue and W, and the totals agree', () => {
    const n = 1_000_000;
    const customers = 100_000;
    const dict = Array.from({ length: customers }, (_, i) => `c${i}`);
    const codes = new Uint32Array(n);
    const days = new Int32Array(n);
    const amounts = new Float64Array(n);
    // Deterministic pseudo-random rows (LCG), every 20th a refund.
    let seed = 12345;
    const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
    let positive = 0;
    for (let i = 0; i < n; i++) {
      codes[i] = Math.floor(rnd() * customers);
      days[i] = 14975 + Math.floor(rnd() * 1095); // 2011-01-01 + up to 3 years
      amounts[i] = i % 20 === 0 ? -10 : 25;
      if (amounts[i] > 0) positive++;
    }
    const orders: Table = {
      length: n,
      columns: { customer_id: { type: 'dict', dict, codes }, date: { type: 'day', data: days }, amount: { type: 'num', data: amounts } },
    };
    const idx = buildOrderIndex(orders);
    expect(idx.days.length).toBe(n);
    const series = orderRetention(idx, { unit: 'month', window: 90 });
    expect(series.grid.count).toBe(36);
    // Every customer with a positive order is new exactly once.
    let withPositive = 0;
    for (let k = 0; k < idx.customerIds.length; k++) if (idx.activeOffsets[k + 1] > idx.activeOffsets[k]) withPositive++;
    expect(series.periods.reduce((s, p) => s + p.new, 0)).toBe(withPositive);
    const cohorts = orderCohorts(idx, series.grid);
    expect(cohorts.sizes.reduce((s, v) => s + v, 0)).toBe(withPositive);
    const revenue = revenueByPeriod(idx, series.grid);
    // 950,000 orders of 25 and 50,000 refunds of -10.
    expect(revenue.total.reduce((s, v) => s + v, 0)).toBe(positive * 25 - (n - positive) * 10);
    const w = suggestWindow(idx);
    expect(w.window).toBeGreaterThanOrEqual(7);
  }, 30_000); // not a timing assertion: a loaded CI machine must not turn it into a flaky failure
});
