/**
 * The report's rows per period: S, E, N, lost, retained, reactivated, CRR, exact retention, the
 * churn rate under each definition, revenue new vs returning, the customers behind each count,
 * and a sentence when CRR and exact retention differ (docs/metrics.md sections 2-5).
 */
import { dayToIso } from '../parse/date.ts';
import { toNumbers } from '../table-ops.ts';
import { churnRates } from './churn-definitions.ts';
import { receiptNumber } from './receipts.ts';
import type { CancellationChurn, ChurnDefinition, PeriodRow } from './report-types.ts';
import type { RetentionSeries } from './retention-periods.ts';
import type { PeriodRevenue } from './revenue-by-period.ts';

/** Why CRR and exact retention differ in a period, in one sentence ('' when they cannot). */
export function explanationOf(p: { S: number; reactivated: number; newLost: number; crr: number | null; exact: number | null }): string {
  if (p.S === 0 || (p.reactivated === 0 && p.newLost === 0)) return '';
  const parts: string[] = [];
  if (p.reactivated > 0) parts.push(`${p.reactivated} ${p.reactivated === 1 ? 'customer came' : 'customers came'} back after a pause (CRR counts them as retained)`);
  if (p.newLost > 0) parts.push(`${p.newLost} new ${p.newLost === 1 ? 'customer was' : 'customers were'} no longer active at the period's end (CRR subtracts all new customers, exact retention ignores them)`);
  if (p.crr !== null && p.crr > 100 && p.reactivated > 0) {
    // Never clamped: say why the seed formula passes 100 %.
    return `CRR is ${receiptNumber(p.crr)} %, above 100 %, because ${p.reactivated} ${p.reactivated === 1 ? 'customer came' : 'customers came'} back after a pause (CRR counts them as retained); exact retention is ${receiptNumber(p.exact)} %.`;
  }
  return `CRR (${receiptNumber(p.crr)} %) and exact retention (${receiptNumber(p.exact)} %) differ because ${parts.join(' and ')}.`;
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
