/**
 * The report's rows per period: S, E, N, lost, retained, reactivated, CRR, exact retention, the
 * churn rate under each definition, revenue new vs returning, the customers behind each count,
 * and why CRR and exact retention differ, as a code (docs/metrics.md sections 2-5).
 */
import { dayToIso } from '../parse/date.ts';
import { toNumbers } from '../table-ops.ts';
import { churnRates } from './churn-definitions.ts';
import type { CancellationChurn, ChurnDefinition, CrrExactExplanation, PeriodRow } from './report-types.ts';
import type { RetentionSeries } from './retention-periods.ts';
import type { PeriodRevenue } from './revenue-by-period.ts';

/**
 * Why CRR and exact retention differ in a period, as a code and its numbers (report-phrases.ts);
 * null when they cannot (S = 0, or nobody came back and no new customer was lost). CRR above
 * 100 % is never clamped: `crr-above-100` says why. O(1).
 *
 * @example explanationOf({ S: 44, reactivated: 2, newLost: 0, crr: 104.5, exact: 95.5 }).code // 'crr-above-100'
 */
export function explanationOf(p: { S: number; reactivated: number; newLost: number; crr: number | null; exact: number | null }): CrrExactExplanation | null {
  if (p.S === 0 || (p.reactivated === 0 && p.newLost === 0)) return null;
  const above = p.crr !== null && p.crr > 100 && p.reactivated > 0;
  return { code: above ? 'crr-above-100' : 'crr-exact-differ', params: { crr: p.crr, exact: p.exact, reactivated: p.reactivated, newLost: p.newLost } };
}

/** One row per period of `series`; `asOf` decides which periods are complete. O(periods + members). */
export function periodRows(
  series: RetentionSeries,
  cancellations: readonly (CancellationChurn | null)[] | null,
  revenue: PeriodRevenue | null,
  asOf: number,
  definition: ChurnDefinition,
): PeriodRow[] {
  return series.periods.map((p, j) => {
    const base = { S: p.startActive, N: p.new, lost: p.lost, newLost: p.newInactiveAtEnd };
    const cancellation = cancellations ? cancellations[j] : null;
    const churn = churnRates(base, cancellation);
    return {
      period: p.period,
      start: dayToIso(p.start),
      end: dayToIso(p.end),
      complete: p.end <= asOf,
      S: p.startActive,
      E: p.endActive,
      N: p.new,
      lost: p.lost,
      retained: p.retained,
      reactivated: p.reactivated,
      newLost: p.newInactiveAtEnd,
      crr: p.crr,
      exact: p.exact,
      churnRate: churn[definition],
      churn,
      cancellation,
      revenue: revenue ? revenue.total[j] : null,
      revenueNew: revenue ? revenue.fromNew[j] : null,
      revenueReturning: revenue ? revenue.fromReturning[j] : null,
      members: {
        lost: toNumbers(p.members.lost),
        reactivated: toNumbers(p.members.reactivated),
        new: toNumbers(p.members.new),
        newLost: toNumbers(p.members.newInactiveAtEnd),
      },
      explanation: explanationOf({ S: p.startActive, reactivated: p.reactivated, newLost: p.newInactiveAtEnd, crr: p.crr, exact: p.exact }),
    };
  });
}
