import { describe, expect, it } from 'vitest';
import { buildSubscriptionIndex } from '../../../../src/core/retention/customer-index.ts';
import { mrrByPeriod } from '../../../../src/core/retention/mrr.ts';
import { periodsBetween } from '../../../../src/core/retention/periods.ts';
import { idsOf, subscriptionsTable } from './fixtures.ts';

describe('MRR movements, NRR and GRR on a 4-customer example', () => {
  // MRR on the boundary days (Dec 31 | Jan 31 | Feb 28 | Mar 31 | Apr 30):
  // A: 100 from 01-01, add-on 50 from 03-01        0 | 100 | 100 | 150 | 150
  // B: 200 01-15..03-15, then 120 from 03-15         0 | 200 | 200 | 120 | 120
  // C: 80 02-01..04-01                               0 |   0 |  80 |  80 |   0
  // D: 60 01-10..01-20, 70 from 04-05                0 |   0 |   0 |   0 |  70
  // total                                            0 | 300 | 380 | 350 | 340
  const idx = buildSubscriptionIndex(
    subscriptionsTable([
      ['A', '2011-01-01', null, 100],
      ['A', '2011-03-01', null, 50],
      ['B', '2011-01-15', '2011-03-15', 200],
      ['B', '2011-03-15', null, 120],
      ['C', '2011-02-01', '2011-04-01', 80],
      ['D', '2011-01-10', '2011-01-20', 60],
      ['D', '2011-04-05', null, 70],
    ]),
  );
  const grid = periodsBetween(idx.minDay, idx.maxDay, 'month');
  const [jan, feb, mar, apr] = mrrByPeriod(idx, grid);

  it('measures MRR on p0 - 1 and p1 of each period', () => {
    expect(grid.labels).toEqual(['2011-01', '2011-02', '2011-03', '2011-04']);
    expect([jan.mrrStart, feb.mrrStart, mar.mrrStart, apr.mrrStart, apr.mrrEnd]).toEqual([0, 300, 380, 350, 340]);
  });
  it('January: A and B new (300); D came and went inside the month: no movement; NRR/GRR null on MRR 0', () => {
    expect(jan.movements).toEqual({ new: 300, expansion: 0, contraction: 0, churn: 0, reactivation: 0 });
    expect(idsOf(idx.customerIds, jan.members.new)).toEqual(['A', 'B']);
    expect(jan.nrr).toBeNull();
    expect(jan.grr).toBeNull();
  });
  it('February: C new (80); NRR = GRR = 300 / 300 = 100 %', () => {
    expect(feb.movements).toEqual({ new: 80, expansion: 0, contraction: 0, churn: 0, reactivation: 0 });
    expect([feb.nrr, feb.grr]).toEqual([100, 100]);
  });
  it('March: A expands +50, B contracts -80; NRR = (380 - 80 + 50) / 380, GRR = (380 - 80) / 380', () => {
    expect(mar.movements).toEqual({ new: 0, expansion: 50, contraction: 80, churn: 0, reactivation: 0 });
    expect(idsOf(idx.customerIds, mar.members.expansion)).toEqual(['A']);
    expect(idsOf(idx.customerIds, mar.members.contraction)).toEqual(['B']);
    expect(mar.nrr).toBeCloseTo((350 / 380) * 100, 10); // 92.105 %
    expect(mar.grr).toBeCloseTo((300 / 380) * 100, 10); // 78.947 %
  });
  it('April: C churns (80), D reactivates (70); NRR = GRR = 270 / 350', () => {
    expect(apr.movements).toEqual({ new: 0, expansion: 0, contraction: 0, churn: 80, reactivation: 70 });
    expect(idsOf(idx.customerIds, apr.members.churn)).toEqual(['C']);
    expect(idsOf(idx.customerIds, apr.members.reactivation)).toEqual(['D']);
    expect(apr.nrr).toBeCloseTo((270 / 350) * 100, 10); // 77.143 %
    expect(apr.grr).toBeCloseTo((270 / 350) * 100, 10);
  });
  it('balances the bridge: end = start + new + reactivation + expansion - contraction - churn', () => {
    for (const p of [jan, feb, mar, apr]) {
      const v = p.movements;
      expect(p.mrrStart + v.new + v.reactivation + v.expansion - v.contraction - v.churn).toBeCloseTo(p.mrrEnd, 9);
    }
  });
});

describe('MRR edge cases', () => {
  it('a subscription with missing MRR makes the customer active with 0 MRR; a downgrade to 0 is a contraction', () => {
    // X: 01-01 open, MRR missing -> new in January with amount 0.
    // Y: 100 01-01..02-10, then 0 (free plan) from 02-10 -> contraction of 100 in February, not churn.
    const idx = buildSubscriptionIndex(
      subscriptionsTable([
        ['X', '2011-01-01', null, NaN],
        ['Y', '2011-01-01', '2011-02-10', 100],
        ['Y', '2011-02-10', '2011-03-31', 0],
      ]),
    );
    const [jan, feb] = mrrByPeriod(idx, periodsBetween(idx.minDay, idx.maxDay, 'month'));
    expect(jan.movements.new).toBe(100);
    expect(idsOf(idx.customerIds, jan.members.new)).toEqual(['X', 'Y']);
    expect(feb.movements).toEqual({ new: 0, expansion: 0, contraction: 100, churn: 0, reactivation: 0 });
    expect(feb.nrr).toBe(0);
    expect(feb.grr).toBe(0);
  });
});
