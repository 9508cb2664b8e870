import { describe, expect, it } from 'vitest';
import {
  bitsToList,
  popcount32,
  activeOrderCustomers,
  activeSubscriptionCustomers,
  countAt,
  isActiveAt,
  membersAt,
  orderActivityAt,
  subscriptionActivityAt,
} from '../../../../src/core/retention/activity.ts';
import { buildOrderIndex, buildSubscriptionIndex } from '../../../../src/core/retention/customer-index.ts';
import { day, idsOf, ordersTable, subscriptionsTable } from './fixtures.ts';

describe('order activity with window W', () => {
  // W = 30, d = 2011-03-31: the window is [d - 29, d] = [2011-03-02, 2011-03-31].
  const idx = buildOrderIndex(
    ordersTable([
      ['edge-in', '2011-03-02', 10], // d - W + 1: counts
      ['edge-out', '2011-03-01', 10], // d - W: does not
      ['refund', '2011-03-20', -10], // refunds never activate
      ['zero', '2011-03-20', 0], // nor zero-amount rows
      ['future', '2011-04-01', 10], // after d
      ['today', '2011-03-31', 10],
    ]),
  );
  it('counts an order on d - W + 1 and not one on d - W', () => {
    expect(idsOf(idx.customerIds, activeOrderCustomers(idx, day('2011-03-31'), 30))).toEqual(['edge-in', 'today']);
  });
  it('computes several days in one pass', () => {
    const g = orderActivityAt(idx, Int32Array.of(day('2011-03-01'), day('2011-03-31'), day('2011-04-01')), 30);
    expect(idsOf(idx.customerIds, membersAt(g, 0))).toEqual(['edge-out']);
    expect(countAt(g, 1)).toBe(2);
    // 2011-04-01: window [03-03, 04-01]: edge-in's order of 03-02 just left it.
    expect(idsOf(idx.customerIds, membersAt(g, 2))).toEqual(['future', 'today']);
    expect(isActiveAt(g, 2, 0)).toBe(false);
  });
  it('W = 1 means active only on the order day', () => {
    expect(idsOf(idx.customerIds, activeOrderCustomers(idx, day('2011-03-02'), 1))).toEqual(['edge-in']);
  });
  it('refuses a window that is not a positive whole number, and unsorted days', () => {
    expect(() => activeOrderCustomers(idx, 0, 0)).toThrow(RangeError);
    expect(() => activeOrderCustomers(idx, 0, 2.5)).toThrow(/positive whole number/);
    expect(() => orderActivityAt(idx, Int32Array.of(5, 4), 30)).toThrow(/ascending/);
  });
  it('handles more than 32 customers (several bitset words)', () => {
    const rows = Array.from({ length: 70 }, (_, i) => [`c${i}`, i % 2 === 0 ? '2011-01-10' : '2010-01-10', 1] as const);
    const big = buildOrderIndex(ordersTable(rows));
    const active = activeOrderCustomers(big, day('2011-01-31'), 90);
    expect(active.length).toBe(35);
    expect(Array.from(active.subarray(0, 3))).toEqual([0, 2, 4]);
    expect(active[34]).toBe(68);
  });
});

describe('subscription activity', () => {
  const idx = buildSubscriptionIndex(
    subscriptionsTable([
      ['a', '2011-03-01', '2011-03-31', 10], // active 03-01 .. 03-30
      ['b', '2011-03-31', null, 10], // starts on d
      ['c', '2011-04-01', null, 10], // starts after d
      ['d', '2011-01-01', '2011-02-01', 10], // ended long before
    ]),
  );
  it('is active iff start <= d < end', () => {
    expect(idsOf(idx.customerIds, activeSubscriptionCustomers(idx, day('2011-03-30')))).toEqual(['a']);
    expect(idsOf(idx.customerIds, activeSubscriptionCustomers(idx, day('2011-03-31')))).toEqual(['b']);
    const g = subscriptionActivityAt(idx, Int32Array.of(day('2011-01-31'), day('2011-02-01'), day('2030-01-01')));
    expect(idsOf(idx.customerIds, membersAt(g, 0))).toEqual(['d']);
    expect(countAt(g, 1)).toBe(0);
    expect(idsOf(idx.customerIds, membersAt(g, 2))).toEqual(['b', 'c']);
  });
});

describe('bitset helpers', () => {
  it('count and list bit 31 (the sign bit of an Int32) like any other', () => {
    expect(popcount32(0xffffffff)).toBe(32);
    expect(popcount32(1 << 31)).toBe(1);
    expect(popcount32(0b1011)).toBe(3);
    // Word 0 has bits 0 and 31, word 1 has bit 0 (customer 32).
    expect(Array.from(bitsToList(Uint32Array.of(0x80000001, 1)))).toEqual([0, 31, 32]);
  });
});
