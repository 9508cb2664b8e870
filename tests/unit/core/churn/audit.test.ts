import { describe, expect, it } from 'vitest';
import { churnAudit, churnAuditWithState, churnMembers } from '../../../../src/core/churn/audit.ts';
import { churnStatus } from '../../../../src/core/churn/churn-status.ts';
import { editReasons, NO_EDITS } from '../../../../src/core/churn/reason-taxonomy.ts';
import { buildCustomerTable } from '../../../../src/core/customers/customer-table.ts';
import { MISSING_CODE, MISSING_DAY, type Table } from '../../../../src/core/table.ts';
import { day, ordersTable, subscriptionsTable } from '../retention/fixtures.ts';

/** A dict column from texts (null = missing). */
const dict = (values: readonly (string | null)[]) => {
  const d = [...new Set(values.filter((v): v is string => v !== null))];
  return { type: 'dict' as const, dict: d, codes: Uint32Array.from(values, (v) => (v === null ? MISSING_CODE : d.indexOf(v))) };
};

// Six subscribers; judged on 2024-03-31: A (ends 03-01), C (02-10) and E (03-20) have churned.
const subscriptions: Table = (() => {
  const t = subscriptionsTable([
    ['A', '2024-01-01', '2024-03-01', 10],
    ['B', '2024-01-01', null, 20],
    ['C', '2024-01-15', '2024-02-10', 30],
    ['D', '2024-02-01', null, 40],
    ['E', '2024-02-01', '2024-03-20', 50],
    ['F', '2024-03-01', null, 60],
  ]);
  return Object.freeze({ length: t.length, columns: { ...t.columns, cancel_reason: dict([null, null, null, null, 'Switched to competitor', null]) } });
})();
const churn: Table = Object.freeze({
  length: 2,
  columns: { customer_id: dict(['A', 'C']), date: { type: 'day' as const, data: Int32Array.of(day('2024-02-20'), day('2024-02-01')) }, reason: dict(['Too expensive!', 'too expensive ']), category: dict([null, null]) },
});
const customers: Table = Object.freeze({
  length: 6,
  columns: { customer_id: dict(['A', 'B', 'C', 'D', 'E', 'F']), plan: dict(['Basic', 'Pro', 'Basic', 'Pro', 'Basic', 'Pro']) },
});
const tables = Object.freeze({ subscriptions, churn, customers });
const asOf = day('2024-03-31');

describe('churnStatus', () => {
  it('subscriptions: churned = nothing running on asOf; churn day = last end; value = MRR of the last paid day', () => {
    const ct = buildCustomerTable(tables);
    const s = churnStatus(tables, ct, { asOf });
    const k = (id: string) => ct.numberOf(id);
    expect(s.source).toBe('subscriptions');
    expect(['A', 'B', 'C', 'D', 'E', 'F'].map((id) => s.churned[k(id)])).toEqual([1, 0, 1, 0, 1, 0]);
    expect(s.churnDay[k('C')]).toBe(day('2024-02-10'));
    expect(s.churnDay[k('B')]).toBe(MISSING_DAY);
    expect(s.valueLost[k('E')]).toBe(50);
    // Lifetimes: A 2024-01-01 -> 03-01 = 60 days; B censored at 03-31 = 90 days.
    expect(s.lifetime[k('A')]).toBe(60);
    expect(s.lifetime[k('B')]).toBe(90);
    // Judged on the data's last day (2024-03-01, the last start) E is still paid up (ends 03-20).
    expect(churnStatus(tables, ct, {}).churned[k('E')]).toBe(0);
  });
  it('orders: lost under W at asOf, churn day = last order + W, value = revenue of the last 365 days', () => {
    const orders = ordersTable([['X', '2023-01-05', 100], ['X', '2024-01-10', 40], ['X', '2024-01-12', -10], ['Y', '2024-02-20', 25]]);
    const ct = buildCustomerTable({ orders });
    const s = churnStatus({ orders }, ct, { windowDays: 30, asOf: day('2024-03-01') });
    expect(s.source).toBe('orders');
    expect(s.churned[ct.numberOf('X')]).toBe(1);
    expect(s.churnDay[ct.numberOf('X')]).toBe(day('2024-02-09'));
    // 2023-01-05 is more than 365 days before 2024-01-10: 40 - 10 only.
    expect(s.valueLost[ct.numberOf('X')]).toBe(30);
    expect(s.churned[ct.numberOf('Y')]).toBe(0);
    expect(() => churnStatus({ orders }, ct, {})).toThrow('churnStatus requires windowDays for orders');
  });
  it('a workspace without churn data is refused', () => {
    const ct = buildCustomerTable({ customers });
    expect(() => churnStatus({ customers }, ct, {})).toThrow('churnStatus requires churn data');
  });
});

describe('churnAudit', () => {
  const a = churnAudit(tables, { asOf });
  it('counts the base and the churned with a Wilson interval', () => {
    expect(a.customers).toBe(6);
    expect(a.churned).toBe(3);
    expect(a.churnRate).toBe(50);
    // Wilson 95 % for 3/6: 0.1876..0.8124 (p = 0.5, z = 1.96: (0.5 + 0.32) / 1.64 +- ...).
    expect(a.churnLow).toBeCloseTo(18.76, 1);
    expect(a.churnHigh).toBeCloseTo(81.24, 1);
  });
  it('groups spelling variants into one category and takes the subscription`s cancel reason when no cancellation row says why', () => {
    expect(a.reasons.map((r) => [r.category, r.count, Math.round(r.share * 100) / 100, r.valueLost])).toEqual([
      ['Price', 2, 66.67, 40],
      ['Competitor', 1, 33.33, 50],
    ]);
    expect(a.reasons[0].reasons).toEqual([{ reason: 'too expensive', label: 'Too expensive!', count: 2, by: 'built-in' }]);
    expect(a.noReason).toMatchObject({ count: 0, share: 0 });
    expect(a.valueBasis).toBe('mrr');
  });
  it('trend per month of the churn day', () => {
    expect(a.trend?.periods).toEqual(['2024-02', '2024-03']);
    expect(a.trend?.counts).toEqual([
      [1, 1],
      [0, 1],
    ]);
  });
  it('profiles the plan: Basic churns 3 of 3 (lift 2), Pro 0 of 3; both small', () => {
    const plan = a.attributes.find((x) => x.key === 'plan')!;
    expect(plan.values.map((v) => [v.value.label, v.customers, v.churned, v.rate, v.lift, v.small])).toEqual([
      ['Basic', 3, 3, 100, 2, true],
      ['Pro', 3, 0, 0, 0, true],
    ]);
    // Chi-square of [[3, 0], [0, 3]]: expected 1.5 everywhere, 4 x 1.5^2 / 1.5 = 6, df 1.
    expect(plan.chi2).toBeCloseTo(6, 10);
    expect(plan.df).toBe(1);
    // Small groups never make a finding.
    expect(a.findings).toEqual([]);
  });
  it('a merge shows in every figure and the version says the taxonomy changed', () => {
    const edits = editReasons(NO_EDITS, { op: 'merge', from: ['Price', 'Competitor'], to: 'Money' }, a.originals);
    const b = churnAudit(tables, { asOf, edits });
    expect(b.taxonomyVersion).toBe(1);
    expect(b.reasons.map((r) => [r.category, r.count, r.valueLost])).toEqual([['Money', 3, 90]]);
    expect(b.trend?.counts).toEqual([[1, 2]]);
  });
  it('lists the customers behind a bar', () => {
    const ct = buildCustomerTable(tables);
    const { state } = churnAuditWithState(tables, { asOf }, ct);
    expect(churnMembers(state, ct, { category: 0 }).sort()).toEqual(['A', 'C']);
    expect(churnMembers(state, ct, { key: 'plan', value: 0 }).sort()).toEqual(['A', 'C', 'E']);
    expect(churnMembers(state, ct, { key: 'plan', value: 1, churnedOnly: false }).sort()).toEqual(['B', 'D', 'F']);
  });
  it('counts churned customers without a reason and shows their share', () => {
    const noWhy = churnAudit({ subscriptions, customers }, { asOf });
    expect(noWhy.noReason.count).toBe(2);
    expect(noWhy.noReason.share).toBeCloseTo(66.667, 2);
    expect(noWhy.reasons.map((r) => r.category)).toEqual(['Competitor']);
  });
});
