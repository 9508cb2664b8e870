import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildCustomerTable, churnDayOrders } from '../../../../src/core/customers/customer-table.ts';
import { maskByAttribute, maskRows, maskSize, maskWhere } from '../../../../src/core/customers/mask.ts';
import { retentionReport } from '../../../../src/core/retention/report.ts';
import { MISSING_DAY, type Table } from '../../../../src/core/table.ts';
import { filterTable } from '../../../../src/core/table-ops.ts';
import { inspectFile, parseFile } from '../../../../src/ingest/index.ts';
import { day, ordersTable, subscriptionsTable } from '../retention/fixtures.ts';

const customersTable = (rows: [string, string][]): Table => ({
  length: rows.length,
  columns: {
    customer_id: { type: 'dict', dict: rows.map((r) => r[0]), codes: Uint32Array.from(rows, (_, i) => i) },
    plan: { type: 'dict', dict: ['pro', 'basic'], codes: Uint32Array.from(rows, (r) => (r[1] === 'pro' ? 0 : 1)) },
  },
});

describe('buildCustomerTable', () => {
  // Orders: A 10 (01-05) + 20 (02-10) - 5 refund (02-20); B 7 (03-01); C only a refund. Subscriptions:
  // B 2024-01-01..2024-02-15 at 30, D 2024-02-01..open at 50. Cancellation of B on 2024-02-10.
  const orders = ordersTable([['A', '2024-01-05', 10], ['A', '2024-02-10', 20], ['A', '2024-02-20', -5], ['B', '2024-03-01', 7], ['C', '2024-01-09', -3]]);
  const subscriptions = subscriptionsTable([['B', '2024-01-01', '2024-02-15', 30], ['D', '2024-02-01', null, 50]]);
  const churn: Table = { length: 1, columns: { customer_id: { type: 'dict', dict: ['B'], codes: Uint32Array.of(0) }, date: { type: 'day', data: Int32Array.of(day('2024-02-10')) } } };
  const customers = customersTable([['D', 'pro'], ['A', 'basic'], ['E', 'pro']]);
  const t = buildCustomerTable({ orders, subscriptions, churn, customers });
  const k = (id: string): number => t.numberOf(id);

  it('numbers every customer of every kind once (customers first), and knows each table row`s customer', () => {
    expect(t.ids).toEqual(['D', 'A', 'E', 'B', 'C']);
    expect(Array.from(t.rowCustomer.orders!)).toEqual([k('A'), k('A'), k('A'), k('B'), k('C')]);
    expect(Array.from(t.rowCustomer.subscriptions!)).toEqual([k('B'), k('D')]);
    expect(t.numberOf('Z')).toBe(-1);
  });
  it('orders facts: count, revenue with refunds, first and last active day (refunds never activate)', () => {
    expect(t.facts.orders[k('A')]).toBe(3);
    expect(t.facts.revenue[k('A')]).toBe(25);
    expect(t.facts.firstOrderDay[k('A')]).toBe(day('2024-01-05'));
    expect(t.facts.lastOrderDay[k('A')]).toBe(day('2024-02-10'));
    expect(t.facts.revenue[k('C')]).toBe(-3);
    expect(t.facts.firstOrderDay[k('C')]).toBe(MISSING_DAY);
    expect(t.facts.revenue[k('E')]).toBeNaN();
  });
  it('subscription facts: first start, last end (open while running), MRR on the last day, cancellations', () => {
    // The data's last day: 2024-03-01 (B's order). D runs then (50); B's subscription ended 02-15.
    expect(t.lastDay).toBe(day('2024-03-01'));
    expect(t.facts.mrr[k('D')]).toBe(50);
    expect(t.facts.mrr[k('B')]).toBe(0);
    expect(t.facts.lastEnd[k('B')]).toBe(day('2024-02-15'));
    expect(t.facts.cancelledOn[k('B')]).toBe(day('2024-02-10'));
    // B: first active 01-01 (subscription), last active 03-01 (order) -> tenure 60 days.
    expect(t.facts.firstActiveDay[k('B')]).toBe(day('2024-01-01'));
    expect(t.facts.tenureDays[k('B')]).toBe(day('2024-03-01') - day('2024-01-01'));
    // D still running: last active = the data's last day.
    expect(t.facts.lastActiveDay[k('D')]).toBe(day('2024-03-01'));
  });
  it('attributes aligned to customer numbers; churn day of orders with a window', () => {
    const plan = t.attributes.plan;
    expect(plan.type === 'dict' && [k('D'), k('A'), k('E'), k('B')].map((x) => (plan.codes[x] === 0xffffffff ? null : plan.dict[plan.codes[x]]))).toEqual(['pro', 'basic', 'pro', null]);
    // A's last order 02-10 + W 14 = 02-24 <= 03-01: churned; with W 30 (03-11) not yet.
    expect(churnDayOrders(t, k('A'), 14)).toBe(day('2024-02-24'));
    expect(churnDayOrders(t, k('A'), 30)).toBe(MISSING_DAY);
  });
});

describe('customer masks: a segment is the same analysis on a mask', () => {
  it('retention on a mask equals retention on the segment`s rows alone (sample data, plan = Pro)', async () => {
    const SAMPLE = fileURLToPath(new URL('../../../../public/sample/', import.meta.url));
    const load = async (name: string): Promise<Table> => {
      const bytes = new Uint8Array(await readFile(`${SAMPLE}${name}.csv`));
      const i = await inspectFile(bytes, `${name}.csv`);
      return (await parseFile(bytes, { dialect: i.dialect, kind: i.kind, mapping: i.mapping })).table;
    };
    const tables = { orders: await load('orders'), customers: await load('customers') };
    const customers = buildCustomerTable(tables);
    const mask = maskByAttribute(customers, 'plan', 'Pro');
    expect(maskSize(mask)).toBeGreaterThan(100);
    const keep = maskRows(customers, tables, mask);
    const params = { period: 'quarter' as const, windowDays: 60 };
    const masked = retentionReport(tables, params, { keep });
    const rows = keep(tables.orders)!;
    const alone = retentionReport({ orders: filterTable(tables.orders, Uint8Array.from({ length: tables.orders.length }, (_, r) => (rows(r) ? 1 : 0))) }, params);
    expect(JSON.stringify(masked)).toBe(JSON.stringify(alone));
    const everyone = retentionReport(tables, params, { keep: maskRows(customers, tables, maskWhere(customers, () => true)) });
    expect(JSON.stringify(everyone)).toBe(JSON.stringify(retentionReport(tables, params)));
  });
});
