import { describe, expect, it } from 'vitest';
import { OPEN_END, buildOrderIndex, buildSubscriptionIndex } from '../../../../src/core/retention/customer-index.ts';
import { MISSING_DAY, type Table } from '../../../../src/core/table.ts';
import { day, ordersTable, subscriptionsTable } from './fixtures.ts';

describe('buildOrderIndex', () => {
  // Rows in file order; customer ids stay strings ('007' is not 7).
  const orders = ordersTable([
    ['b', '2011-03-05', 20],
    ['007', '2011-03-09', 15],
    ['b', '2011-01-02', -5], // refund before b's first purchase
    ['b', '2011-02-01', 0], // zero-amount correction
    ['b', '2011-02-10', 30],
    ['b', '2011-02-10', 12], // same day: one activity day
    [null, '2011-02-10', 99], // no customer: skipped
    ['007', null, 99], // no date: skipped
    ['r', '2011-04-01', -40], // refund-only customer
  ]);
  const idx = buildOrderIndex(orders);

  it('numbers customers by dictionary order and sorts each one by day', () => {
    expect(idx.customerIds).toEqual(['b', '007', 'r']);
    expect(Array.from(idx.offsets)).toEqual([0, 5, 6, 7]);
    expect(Array.from(idx.days.subarray(0, 5))).toEqual(['2011-01-02', '2011-02-01', '2011-02-10', '2011-02-10', '2011-03-05'].map(day));
    // Same-day orders keep file order (stable sort): 30 before 12.
    expect(Array.from(idx.amounts.subarray(0, 5))).toEqual([-5, 0, 30, 12, 20]);
    expect(Array.from(idx.rows)).toEqual([2, 3, 4, 5, 0, 1, 8]);
    expect(idx.skippedRows).toBe(2);
  });
  it('keeps activity days for amount > 0 only, one per day', () => {
    expect(Array.from(idx.activeOffsets)).toEqual([0, 2, 3, 3]);
    expect(Array.from(idx.activeDays)).toEqual(['2011-02-10', '2011-03-05', '2011-03-09'].map(day));
  });
  it('takes the first order with amount > 0 as the first day; refund-only customers have none', () => {
    expect(Array.from(idx.firstActiveDay)).toEqual([day('2011-02-10'), day('2011-03-09'), MISSING_DAY]);
    expect(Array.from(idx.lastActiveDay)).toEqual([day('2011-03-05'), day('2011-03-09'), MISSING_DAY]);
    expect(idx.minDay).toBe(day('2011-01-02'));
    expect(idx.maxDay).toBe(day('2011-04-01'));
  });
  it('sorts correctly across a day span over 65,536 days (two radix passes)', () => {
    // Days 0, 70000, 5 and 65537 for one customer: a single 16-bit pass would order 65537 (low
    // bits 1) before 5; the second pass on the high bits must fix it.
    const t: Table = {
      length: 4,
      columns: {
        customer_id: { type: 'dict', dict: ['x'], codes: Uint32Array.of(0, 0, 0, 0) },
        date: { type: 'day', data: Int32Array.of(70000, 0, 65537, 5) },
        amount: { type: 'num', data: Float64Array.of(1, 2, 3, 4) },
      },
    };
    const i = buildOrderIndex(t);
    expect(Array.from(i.days)).toEqual([0, 5, 65537, 70000]);
    expect(Array.from(i.amounts)).toEqual([2, 4, 3, 1]);
  });
  it('gives an empty index for an empty table and names a missing column', () => {
    const empty = buildOrderIndex(ordersTable([]));
    expect(empty.customerIds).toEqual([]);
    expect(empty.minDay).toBe(MISSING_DAY);
    expect(() => buildOrderIndex({ length: 0, columns: {} })).toThrow(/'customer_id'/);
  });
});

describe('buildSubscriptionIndex', () => {
  const subs = subscriptionsTable([
    ['a', '2011-03-01', '2011-05-01', 10],
    ['a', '2011-01-01', '2011-03-01', 10], // touches the next one: one spell Jan 1 - May 1
    ['a', '2011-08-01', null, 20], // open
    ['b', '2011-02-01', '2011-04-01', 5],
    ['b', '2011-03-01', '2011-03-15', 7], // inside the first: merged
    ['c', '2011-02-01', '2011-02-01', 9], // end = start: never active, skipped
  ]);
  const idx = buildSubscriptionIndex(subs);

  it('merges overlapping and touching subscriptions into disjoint intervals', () => {
    expect(idx.customerIds).toEqual(['a', 'b']);
    expect(Array.from(idx.intervalOffsets)).toEqual([0, 2, 3]);
    expect(Array.from(idx.intervalStarts)).toEqual(['2011-01-01', '2011-08-01', '2011-02-01'].map(day));
    expect(Array.from(idx.intervalEnds)).toEqual([day('2011-05-01'), OPEN_END, day('2011-04-01')]);
  });
  it('keeps every subscription for MRR, sorted by start', () => {
    expect(Array.from(idx.starts)).toEqual(['2011-01-01', '2011-03-01', '2011-08-01', '2011-02-01', '2011-03-01'].map(day));
    expect(Array.from(idx.mrr)).toEqual([10, 10, 20, 5, 7]);
    expect(Array.from(idx.firstStart)).toEqual([day('2011-01-01'), day('2011-02-01')]);
    expect(idx.skippedRows).toBe(1);
    expect(idx.maxDay).toBe(day('2011-08-01'));
  });
});
