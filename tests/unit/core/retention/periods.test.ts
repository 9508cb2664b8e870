import { describe, expect, it } from 'vitest';
import { boundaryDays, periodEnd, periodIndexIn, periodLabel, periodOf, periodStart, periodsBetween } from '../../../../src/core/retention/periods.ts';
import { day } from './fixtures.ts';

describe('periodOf / periodLabel', () => {
  it('numbers months, quarters and years consecutively', () => {
    // 2011-03-15: month 2011 x 12 + 2 = 24134, quarter 2011 x 4 + 0 = 8044, year 2011.
    expect(day('2011-03-15')).toBe(15048);
    expect(periodOf(15048, 'month')).toBe(24134);
    expect(periodOf(15048, 'quarter')).toBe(8044);
    expect(periodOf(15048, 'year')).toBe(2011);
    expect(periodLabel(24134, 'month')).toBe('2011-03');
    expect(periodLabel(8044, 'quarter')).toBe('2011-Q1');
    expect(periodLabel(2011, 'year')).toBe('2011');
  });
  it('puts the last and first day of a period on the right side', () => {
    expect(periodLabel(periodOf(day('2011-03-31'), 'month'), 'month')).toBe('2011-03');
    expect(periodLabel(periodOf(day('2011-04-01'), 'month'), 'month')).toBe('2011-04');
    expect(periodLabel(periodOf(day('2011-06-30'), 'quarter'), 'quarter')).toBe('2011-Q2');
    expect(periodLabel(periodOf(day('2011-07-01'), 'quarter'), 'quarter')).toBe('2011-Q3');
    expect(periodLabel(periodOf(day('1969-12-31'), 'month'), 'month')).toBe('1969-12');
  });
});

describe('periodStart / periodEnd', () => {
  it('gives calendar bounds, leap February included', () => {
    const feb2012 = periodOf(day('2012-02-10'), 'month');
    expect(periodStart(feb2012, 'month')).toBe(day('2012-02-01'));
    expect(periodEnd(feb2012, 'month')).toBe(day('2012-02-29'));
    const q4 = periodOf(day('2011-11-11'), 'quarter');
    expect(periodStart(q4, 'quarter')).toBe(day('2011-10-01'));
    expect(periodEnd(q4, 'quarter')).toBe(day('2011-12-31'));
    expect(periodStart(2011, 'year')).toBe(day('2011-01-01'));
    expect(periodEnd(2011, 'year')).toBe(day('2011-12-31'));
  });
});

describe('periodsBetween', () => {
  it('covers whole periods from the first to the last day', () => {
    const g = periodsBetween(day('2011-03-01'), day('2011-05-31'), 'quarter');
    expect(g.labels).toEqual(['2011-Q1', '2011-Q2']);
    expect(Array.from(g.starts)).toEqual([day('2011-01-01'), day('2011-04-01')]);
    expect(Array.from(g.ends)).toEqual([day('2011-03-31'), day('2011-06-30')]);
    expect(periodsBetween(day('2010-12-31'), day('2012-01-01'), 'year').labels).toEqual(['2010', '2011', '2012']);
    expect(periodsBetween(day('2011-12-15'), day('2012-02-01'), 'month').labels).toEqual(['2011-12', '2012-01', '2012-02']);
    expect(periodsBetween(10, 5, 'month').count).toBe(0);
  });
  it('gives the boundary days p0 - 1 of the first period and each period end', () => {
    const g = periodsBetween(day('2011-01-05'), day('2011-02-05'), 'month');
    expect(Array.from(boundaryDays(g))).toEqual([day('2010-12-31'), day('2011-01-31'), day('2011-02-28')]);
    expect(periodIndexIn(g, day('2011-02-28'))).toBe(1);
    expect(periodIndexIn(g, day('2011-03-01'))).toBe(-1);
    expect(periodIndexIn(g, day('2010-12-31'))).toBe(-1);
  });
});
