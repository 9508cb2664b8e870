import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UsageError, analyzeFiles, formatReport, parseCommandLine } from '../../../scripts/analyze-lib.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

// orders-retention.csv is the order history of tests/unit/core/retention/report.test.ts:
//            Dec 31 | Jan 31 | Feb 28 | Mar 31   (W = 30: active = an order > 0 in the last 30 days)
// ret        -      | yes    | yes    | yes
// pause(2)   -      | yes    | no     | yes      -> reactivated in March
// refunder   -      | yes    | no     | no       (its 03-05 row is a refund)
// lost       -      | -      | yes    | no       (new in February)
// newgone    -      | -      | -      | no       (new on 03-01)
// newstay    -      | -      | -      | yes
describe('analyze: the retention object', () => {
  it('--window 30: periods with new, lost, reactivated, CRR and exact (percent, null where S = 0), and cohorts', async () => {
    const out = await analyzeFiles([fixture('orders-retention.csv')], { window: 30 });
    expect(out.exitCode).toBe(0);
    const r = out.report!.retention!;
    expect(r.period).toBe('month');
    expect(r.window).toBe(30);
    expect(r.periods.map(({ period, start, end, new: n, lost, reactivated, crr, exact }) => ({ period, start, end, new: n, lost, reactivated, crr, exact }))).toEqual([
      { period: '2011-01', start: '2011-01-01', end: '2011-01-31', new: 4, lost: 0, reactivated: 0, crr: null, exact: null },
      // (E - N) / S = (2 - 1) / 4; exact 1 / 4
      { period: '2011-02', start: '2011-02-01', end: '2011-02-28', new: 1, lost: 3, reactivated: 0, crr: 25, exact: 25 },
      // (4 - 2) / 2; exact 1 / 2
      { period: '2011-03', start: '2011-03-01', end: '2011-03-31', new: 2, lost: 1, reactivated: 2, crr: 100, exact: 50 },
    ]);
    // Cohort 2011-01 {ret, pause, pause2, refunder}: orders > 0 in Feb from ret, in Mar from ret, pause, pause2.
    expect(r.cohorts.map(({ cohort, size, active }) => ({ cohort, size, active }))).toEqual([
      { cohort: '2011-01', size: 4, active: [4, 1, 3] },
      { cohort: '2011-02', size: 1, active: [1, 0] },
      { cohort: '2011-03', size: 2, active: [2] },
    ]);
    // Lifetimes first -> last purchase (report.test.ts): 3 repeat customers, all censored; 4 bought once.
    expect(r.kpis).toMatchObject({ asOf: '2011-03-25', period: '2011-02', customersNow: 5, crr: 25, exact: 25, churnRate: 75, medianLifetimeDays: null });
    expect(r.survival).toMatchObject({ subjects: 3, events: 0, censored: 3, medianDays: null });
    expect(r.lifetime).toEqual({ basis: 'first-to-last-purchase', oneTimeBuyers: 4, oneTimeActive: 2, medianDays: null });
    // Repurchase curve: 11 spells, 4 repeat purchases (20, 28, 69, 69 days), 7 still open; 50 / 80 / 90 % at day 69.
    expect(r.repurchase).toMatchObject({ medianDays: 69, p80Days: 69, p90Days: 69, censored: 7, repeats: 4, eventualShare: 1 });
    expect(r.repurchase?.points.length).toBe(9);
    expect(r.definitions?.rows).toEqual([
      { id: 'A', numerator: 3, denominator: 4, rate: 75 },
      { id: 'B', numerator: 3, denominator: 5, rate: 60 },
      { id: 'C', numerator: 3, denominator: 5, rate: 60 },
    ]);
    // No customer ids in the command line's JSON.
    expect(JSON.stringify(r)).not.toContain('newstay');
  });

  it('without --window uses the suggested window (80 % of the eventual repeat purchases, repurchase curve -> 69 days)', async () => {
    const out = await analyzeFiles([fixture('orders-retention.csv')]);
    const r = out.report!.retention!;
    expect(r.window).toBe(69);
    expect(r.suggestedWindow).toMatchObject({ suggested: 69, basis: 'repurchase', gaps: 4, customers: 3, censored: 7 });
  });

  it('--period quarter and year: one period with everybody new and S = 0', async () => {
    const q = (await analyzeFiles([fixture('orders-retention.csv')], { period: 'quarter', window: 30 })).report!.retention!;
    expect(q.period).toBe('quarter');
    // E on 03-31 with W = 30: ret, pause, pause2, newstay.
    expect(q.periods).toMatchObject([{ period: '2011-Q1', start: '2011-01-01', end: '2011-03-31', new: 7, lost: 0, reactivated: 0, crr: null, exact: null, E: 4 }]);
    expect(q.cohorts.map((c) => [c.cohort, c.size, c.active])).toEqual([['2011-Q1', 7, [7]]]);
    const y = (await analyzeFiles([fixture('orders-retention.csv')], { period: 'year', window: 30 })).report!.retention!;
    expect(y.periods.map((p) => [p.period, p.start, p.end])).toEqual([['2011', '2011-01-01', '2011-12-31']]);
  });

  it('has no retention object for files without orders or subscriptions', async () => {
    const out = await analyzeFiles([fixture('customers.csv')], { delimiter: ';' });
    expect(out.exitCode).toBe(0);
    expect(out.report?.retention).toBeUndefined();
  });

  it('prints the retention table in the readable report', async () => {
    const out = await analyzeFiles([fixture('orders-retention.csv')], { window: 30 });
    const text = formatReport(out.report!);
    expect(text).toContain('retention (orders, months, W = 30 days):');
    expect(text).toContain('2011-02   2011-02-01  2011-02-28  4  1    3     0            2  25.00 %   25.00 %  75.00 %');
    expect(text).toContain('customers now (2011-03-25): 5');
  });
});

describe('parseCommandLine: --period, --window, --source', () => {
  it('reads them', () => {
    expect(parseCommandLine(['a.csv', '--period', 'Quarter', '--window', '45', '--source', 'orders']).flags).toEqual({ period: 'quarter', window: 45, source: 'orders' });
  });
  it('refuses bad values', () => {
    expect(() => parseCommandLine(['a.csv', '--period', 'week'])).toThrow(UsageError);
    expect(() => parseCommandLine(['a.csv', '--window', '0'])).toThrow("--window must be a whole number of days >= 1 (got '0')");
    expect(() => parseCommandLine(['a.csv', '--window', '30.5'])).toThrow(UsageError);
    expect(() => parseCommandLine(['a.csv', '--source', 'churn'])).toThrow(UsageError);
  });
});
