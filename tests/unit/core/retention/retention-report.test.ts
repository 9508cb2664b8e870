import { describe, expect, it } from 'vitest';
import { orderCohorts } from '../../../../src/core/retention/cohorts.ts';
import { buildOrderIndex } from '../../../../src/core/retention/customer-index.ts';
import { orderRetention } from '../../../../src/core/retention/retention-periods.ts';
import { retentionReport } from '../../../../src/core/retention/retention-report.ts';
import { ordersTable } from './fixtures.ts';

describe('retentionReport (the --json shape)', () => {
  it('prints labels, ISO bounds, counts and percentages, null where S = 0', () => {
    // W = 30. a: 01-20, 02-10 (retained in Feb); b: 01-25 (lost in Feb: window on 02-28 starts 01-30);
    // c: 02-05 (new in Feb). Jan: S = 0 -> null. Feb: S = {a, b}, E = {a, c}, N = {c} -> CRR (2 - 1) / 2 = 50 %.
    const idx = buildOrderIndex(
      ordersTable([
        ['a', '2011-01-20', 10],
        ['a', '2011-02-10', 10],
        ['b', '2011-01-25', 10],
        ['c', '2011-02-05', 10],
      ]),
    );
    const series = orderRetention(idx, { unit: 'month', window: 30 });
    const json = retentionReport(series, orderCohorts(idx, series.grid));
    expect(json.period).toBe('month');
    expect(json.window).toBe(30);
    expect(json.periods.map((p) => [p.period, p.start, p.end, p.new, p.lost, p.reactivated, p.crr, p.exact])).toEqual([
      ['2011-01', '2011-01-01', '2011-01-31', 2, 0, 0, null, null],
      ['2011-02', '2011-02-01', '2011-02-28', 1, 1, 0, 50, 50],
    ]);
    // Cohort Jan {a, b}: Feb orders from a only; cohort Feb {c}.
    expect(json.cohorts).toEqual([
      { cohort: '2011-01', size: 2, active: [2, 1], activeOrLater: [2, 1], revenue: [20, 10] },
      { cohort: '2011-02', size: 1, active: [1], activeOrLater: [1], revenue: [10] },
    ]);
    // Plain data: survives a JSON round trip unchanged.
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
