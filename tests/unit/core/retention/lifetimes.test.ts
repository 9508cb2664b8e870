import { describe, expect, it } from 'vitest';
import { buildOrderIndex, buildSubscriptionIndex } from '../../../../src/core/retention/customer-index.ts';
import { orderLifetimes, subscriptionLifetimes } from '../../../../src/core/retention/lifetimes.ts';
import { kaplanMeier } from '../../../../src/core/retention/survival-km.ts';
import { day, idsOf, ordersTable, subscriptionsTable } from './fixtures.ts';

describe('orderLifetimes (first spell, window W = 30, data ends 2011-06-30)', () => {
  // a: 01-01, 01-31 (gap 30 = W: spell continues), 03-15 (gap 43 > W: churn on 01-31 + 30 = 03-02)
  //    -> churned after 03-02 - 01-01 = 60 days
  // b: 02-01 only -> churns 03-03 -> 30 days
  // c: 06-10 -> would churn 07-10, after the data's end -> censored at 06-30 - 06-10 = 20 days
  // r: refund only -> no lifetime
  const idx = buildOrderIndex(
    ordersTable([
      ['a', '2011-01-01', 5],
      ['a', '2011-01-31', 5],
      ['a', '2011-03-15', 5],
      ['b', '2011-02-01', 5],
      ['c', '2011-06-10', 5],
      ['r', '2011-03-01', -5],
    ]),
  );
  const life = orderLifetimes(idx, 30, day('2011-06-30'));
  it('gives durations to the first churn day and censors customers still active at the end', () => {
    expect(idsOf(idx.customerIds, life.customers)).toEqual(['a', 'b', 'c']);
    expect(Array.from(life.durations)).toEqual([60, 30, 20]);
    expect(Array.from(life.observed)).toEqual([1, 1, 0]);
  });
  it('feeds kaplanMeier: 3 at risk at 20 (c censored), 2 at 30 (b churns), 1 at 60 (a churns)', () => {
    const km = kaplanMeier(life.durations, life.observed);
    // S(30) = 1 - 1/2 = 0.5; S(60) = 0.5 x (1 - 1/1) = 0
    expect(Array.from(km.time)).toEqual([20, 30, 60]);
    expect(Array.from(km.survival)).toEqual([1, 0.5, 0]);
  });
});

describe('subscriptionLifetimes', () => {
  it('uses the first merged interval and censors open or future ends', () => {
    // a: 01-01..03-01 (59 days, churned), then 05-01 open (a second spell, not counted)
    // b: 02-01 open -> censored at 06-30: 149 days;  c: 06-01..08-01 ends after the data -> censored 29 days
    const idx = buildSubscriptionIndex(
      subscriptionsTable([
        ['a', '2011-01-01', '2011-03-01', 1],
        ['a', '2011-05-01', null, 1],
        ['b', '2011-02-01', null, 1],
        ['c', '2011-06-01', '2011-08-01', 1],
      ]),
    );
    const life = subscriptionLifetimes(idx, day('2011-06-30'));
    expect(Array.from(life.durations)).toEqual([59, 149, 29]);
    expect(Array.from(life.observed)).toEqual([1, 0, 0]);
  });
});
