/**
 * The worker boundary of the retention report (issue #13 item 3): the page gets the figures
 * (`retentionFigures`), the worker keeps the full report and lists the customers behind one
 * count when a receipt opens (`retentionMembersOf`). Shipping the whole report cost a structured
 * clone of every customer id, the activity bitsets and the member lists on every recompute
 * (8.3 MiB at 1M rows, 100k customers); the figures are the same for 1k or 100k customers.
 *
 * The core report stays complete (the command line's JSON and the exported JSON need it).
 */
import { MRR_MOVEMENTS, type MrrMovement } from '../core/retention/mrr.ts';
import { periodMembers } from '../core/retention/report-receipts.ts';
import type { Kpi, Kpis, Receipt, RetentionParams, RetentionReport } from '../core/retention/report-types.ts';
import type { KpiFigures, KpisFigures, ReceiptFigures, RetentionFigures, RetentionMembersQuery } from './contract.ts';

function receiptFigures(r: Receipt): ReceiptFigures {
  return { ...r, inputs: r.inputs.map(({ members: _members, ...input }) => input) };
}

function kpiFigures(k: Kpi): KpiFigures;
function kpiFigures(k: Kpi | null): KpiFigures | null;
function kpiFigures(k: Kpi | null): KpiFigures | null {
  return k === null ? null : { ...k, receipt: receiptFigures(k.receipt) };
}

function kpisFigures(k: Kpis): KpisFigures {
  return {
    ...k,
    customersNow: kpiFigures(k.customersNow),
    crr: kpiFigures(k.crr),
    exact: kpiFigures(k.exact),
    churnRate: kpiFigures(k.churnRate),
    nrr: kpiFigures(k.nrr),
    grr: kpiFigures(k.grr),
    medianLifetime: kpiFigures(k.medianLifetime),
  };
}

const countsOf = (members: Readonly<Record<MrrMovement, readonly number[]>>): Record<MrrMovement, number> =>
  Object.fromEntries(MRR_MOVEMENTS.map((m) => [m, members[m].length])) as Record<MrrMovement, number>;

/**
 * The report without a list that has one entry per customer: customer ids, the activity
 * bitsets, the member lists of periods, MRR movements, receipts and reconciliations, and each
 * customer's cohort. Counts stay (a list becomes its length where the page shows one).
 * O(periods + receipts); the member lists are not copied.
 */
export function retentionFigures(report: RetentionReport, request: { workspaceId: string; params: RetentionParams }): RetentionFigures {
  const { customers, activity: _activity, kpis, periods, cohorts, mrr, definitions, ...rest } = report;
  const { customerCohort: _customerCohort, ...cohortFigures } = cohorts;
  return {
    ...rest,
    request: { workspaceId: request.workspaceId, params: request.params },
    customerCount: customers.length,
    kpis: kpisFigures(kpis),
    periods: periods.map(({ members: _members, cancellation, ...row }) => ({
      ...row,
      cancellation: cancellation && { ...cancellation, cancelledPaidLater: cancellation.cancelledPaidLater.length, endedCancelledEarlier: cancellation.endedCancelledEarlier.length },
    })),
    cohorts: cohortFigures,
    mrr: mrr && mrr.map(({ members, ...row }) => ({ ...row, customers: countsOf(members) })),
    definitions: definitions && {
      ...definitions,
      rows: definitions.rows.map((row) => ({ ...row, receipt: receiptFigures(row.receipt) })),
      reconciliation: definitions.reconciliation.map((rec) => ({ ...rec, counts: rec.counts.map(({ members: _members, ...count }) => count) })),
    },
  };
}

/**
 * The customer numbers (indexes into report.customers, ascending) behind one count.
 * O(customers / 32 + result) for a boundary set, O(result) otherwise.
 *
 * @throws RangeError for a period or MRR row the report does not have.
 */
export function retentionMembersOf(report: RetentionReport, query: RetentionMembersQuery): readonly number[] {
  if ('now' in query) return report.kpis.customersNow.receipt.inputs.find((i) => i.symbol === 'active')?.members ?? [];
  if ('mrr' in query) {
    const row = report.mrr?.[query.mrr];
    if (!row) throw new RangeError(`retentionMembersOf: no MRR row ${query.mrr}`);
    return row.members[query.movement];
  }
  return periodMembers(report, query.period, query.set);
}
