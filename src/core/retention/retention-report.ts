/**
 * The retention figures as plain JSON, the shape `npm run analyze -- --json` prints under
 * `retention` (issue 3, item 7), so the command line and the dashboard format the same numbers:
 *
 *     { period, window, periods: [{ period, start, end, new, lost, reactivated, crr, exact, ... }],
 *       cohorts: [{ cohort, size, active: [counts for k = 0, 1, ...], ... }] }
 *
 * `period` is the unit ('month' | 'quarter' | 'year'), period labels are `2011-03`, `2011-Q1`,
 * `2011`; `start`/`end` are ISO dates; `crr`, `exact` and `churnRate` are percentages, null where
 * S = 0. Extra fields beyond the minimum are the other counts the dashboard shows.
 */
import { dayToIso } from '../parse/date.ts';
import type { CohortMatrix } from './cohorts.ts';
import type { PeriodUnit } from './periods.ts';
import type { RetentionSeries } from './retention-periods.ts';

export interface RetentionPeriodJson {
  period: string;
  start: string;
  end: string;
  complete: boolean;
  startActive: number;
  endActive: number;
  new: number;
  lost: number;
  retained: number;
  reactivated: number;
  newInactiveAtEnd: number;
  crr: number | null;
  exact: number | null;
  churnRate: number | null;
}

export interface RetentionCohortJson {
  cohort: string;
  size: number;
  /** "On" counts for k = 0, 1, ... (active in period cohort + k). */
  active: number[];
  /** Unbounded counts (active in cohort + k or later). */
  activeOrLater: number[];
  /** Orders only: cohort revenue per k. */
  revenue?: number[];
}

export interface RetentionJson {
  period: PeriodUnit;
  window: number | null;
  periods: RetentionPeriodJson[];
  cohorts: RetentionCohortJson[];
}

/**
 * Plain-JSON retention report of a series and (optionally) its cohort matrix over the same grid.
 * O(periods^2).
 */
export function retentionReport(series: RetentionSeries, cohorts?: CohortMatrix): RetentionJson {
  return {
    period: series.grid.unit,
    window: series.window,
    periods: series.periods.map((p) => ({
      period: p.period,
      start: dayToIso(p.start),
      end: dayToIso(p.end),
      complete: p.complete,
      startActive: p.startActive,
      endActive: p.endActive,
      new: p.new,
      lost: p.lost,
      retained: p.retained,
      reactivated: p.reactivated,
      newInactiveAtEnd: p.newInactiveAtEnd,
      crr: p.crr,
      exact: p.exact,
      churnRate: p.churnRate,
    })),
    cohorts: cohorts
      ? Array.from(cohorts.sizes, (size, c) => {
          const row: RetentionCohortJson = {
            cohort: cohorts.grid.labels[c],
            size,
            active: Array.from(cohorts.on[c]),
            activeOrLater: Array.from(cohorts.unbounded[c]),
          };
          if (cohorts.revenue.length > 0) row.revenue = Array.from(cohorts.revenue[c]);
          return row;
        })
      : [],
  };
}
