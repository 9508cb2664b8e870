import { describe, expect, it } from 'vitest';
import { purchaseSummary } from '../../../../src/core/clv/purchase-summary.ts';
import { buildOrderIndex } from '../../../../src/core/retention/customer-index.ts';
import { ordersTable, day } from '../retention/fixtures.ts';
import { CALIBRATION_END, HOLDOUT_END, cdnowSampleOrders, readSummary, REFERENCE } from './cdnow.ts';

describe('purchaseSummary: x, t_x, T per customer from purchase days', () => {
  it('collapses same-day orders, nets refunds within a day and counts non-purchase days', () => {
    // A: 01-01 10 + 5 (one purchase, 15), 01-08 20 - 20 (nets to 0: no purchase), 01-15 -5 (refund day),
    //    01-22 30 (repeat, 30), 01-29 12 (repeat, 12), 02-05 7 (after E: hold-out).
    // B: 01-10 40 only. C: first purchase after E (new in the hold-out). D: only a refund.
    const t = ordersTable([
      ['A', '2024-01-01', 10], ['A', '2024-01-01', 5], ['A', '2024-01-08', 20], ['A', '2024-01-08', -20],
      ['A', '2024-01-15', -5], ['A', '2024-01-22', 30], ['A', '2024-01-29', 12], ['A', '2024-02-05', 7],
      ['B', '2024-01-10', 40],
      ['C', '2024-02-01', 9],
      ['D', '2024-01-03', -3],
    ]);
    const s = purchaseSummary(buildOrderIndex(t), { calibrationEnd: day('2024-01-31'), holdoutEnd: day('2024-02-29') });
    const a = s.ids.indexOf('A');
    const b = s.ids.indexOf('B');
    expect([s.x[a], s.tx[a], s.T[a]]).toEqual([2, 28 / 7, 30 / 7]);
    expect([s.spendMean[a], s.spendDays[a], s.holdoutX[a]]).toEqual([21, 2, 1]);
    expect([s.x[b], s.tx[b], s.T[b], s.spendDays[b]]).toEqual([0, 0, 21 / 7, 0]);
    expect(s.spendMean[b]).toBeNaN();
    expect(s.inCalibration[s.ids.indexOf('C')]).toBe(0);
    expect(s.inCalibration[s.ids.indexOf('D')]).toBe(0);
    expect([s.customers, s.repeatCustomers, s.lateCustomers, s.nonPurchaseDays, s.totalRepeat, s.totalHoldout]).toEqual([2, 1, 1, 3, 2, 1]);
    expect(s.holdoutWeeks).toBeCloseTo(29 / 7, 12);
  });

  it('keeps each distinct (x, t_x, T) once with a weight', () => {
    const t = ordersTable([['A', '2024-01-01', 1], ['B', '2024-01-01', 2], ['C', '2024-01-02', 3]]);
    const s = purchaseSummary(buildOrderIndex(t), { calibrationEnd: day('2024-01-10') });
    expect(s.unique.length).toBe(2);
    expect(Array.from(s.unique.weight)).toEqual([2, 1]);
    expect(s.uniqueOf[s.ids.indexOf('A')]).toBe(s.uniqueOf[s.ids.indexOf('B')]);
  });

  it('counts a day with orders but no amounts as a purchase with unknown spend', () => {
    const t = ordersTable([['A', '2024-01-01', NaN], ['A', '2024-01-05', NaN]]);
    const s = purchaseSummary(buildOrderIndex(t), { calibrationEnd: day('2024-01-10') });
    expect([s.x[0], s.spendDays[0], s.missingAmountDays]).toEqual([1, 0, 1]);
  });

  it('throws for a non-finite calibration end', () => {
    expect(() => purchaseSummary(buildOrderIndex(ordersTable([['A', '2024-01-01', 1]])), { calibrationEnd: NaN })).toThrow(RangeError);
  });
});

// Published: Fader & Hardie's CDNOW sample summaries (cdnow_customers_summary.csv and
// cdnow_customers_summary_with_transactions.csv, as shipped with lifetimes; README.md in
// /work/shared/data/cdnow): x exact, t_x, T and zbar rounded to 2 decimals.
describe('purchaseSummary on the CDNOW sample reproduces the published summary', () => {
  const index = buildOrderIndex(cdnowSampleOrders());
  const s = purchaseSummary(index, { calibrationEnd: CALIBRATION_END, holdoutEnd: HOLDOUT_END, zeroIsPurchase: true });
  const published = readSummary('cdnow_customers_summary.csv');
  const withSpend = readSummary('cdnow_customers_summary_with_transactions.csv');

  it('has every customer with x exact and t_x, T to the published 2 decimals', () => {
    expect(published.length).toBe(2357);
    expect(s.customers).toBe(2357);
    let worst = 0;
    for (const p of published) {
      const k = s.ids.indexOf(String(p.ID).padStart(4, '0'));
      expect(k).toBeGreaterThanOrEqual(0);
      expect(s.x[k]).toBe(p.frequency);
      worst = Math.max(worst, Math.abs(s.tx[k] - p.recency), Math.abs(s.T[k] - p.T));
    }
    expect(worst).toBeLessThanOrEqual(0.005 + 1e-9);
  });

  it('has the published mean repeat spend (zbar) to 2 decimals, 0 written for x = 0', () => {
    let worst = 0;
    for (const p of withSpend) {
      const k = s.ids.indexOf(String(p.ID).padStart(4, '0'));
      if (p.x === 0) expect(s.spendMean[k]).toBeNaN();
      else worst = Math.max(worst, Math.abs(s.spendMean[k] - p.zbar));
    }
    expect(worst).toBeLessThanOrEqual(0.005 + 1e-9);
  });

  it('has the README totals: Σx 2,457 by 946 repeat buyers, Σx* 1,882 in the 39-week hold-out', () => {
    expect(s.repeatCustomers).toBe(REFERENCE.summary.repeat_buyers);
    expect(s.totalRepeat).toBe(REFERENCE.summary.sum_x_calibration);
    expect(s.totalHoldout).toBe(REFERENCE.summary.sum_x_holdout_39wk);
    expect(s.holdoutWeeks).toBe(39);
    expect([s.nonPurchaseDays, s.zeroAmountDays]).toEqual([0, 0]); // the $0 rows are first days
  });

  it("by the app's rule (a $0 day is no purchase) the 8 customers with only a $0.00 order are not customers", () => {
    const app = purchaseSummary(index, { calibrationEnd: CALIBRATION_END, holdoutEnd: HOLDOUT_END });
    expect([app.customers, app.repeatCustomers, app.totalRepeat, app.totalHoldout]).toEqual([2349, 946, 2457, 1882]);
  });
});
