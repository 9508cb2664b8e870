/**
 * Churn definitions side by side (issue 3, item 5; docs/metrics.md "Churn definitions").
 *
 * Vendors disagree on what "churn rate" divides by and when a churn is dated. For period P with
 * S customers active on p0 - 1, N new in P, lost = |S \ E| and newLost = |N \ E| (new in P and
 * gone again by p1):
 * - A: lost / S x 100 — churn over the customers at the start (DESIGN.md section 3; default);
 * - B: (lost + newLost) / (S + N) x 100 — over everyone who was a customer at some point of P;
 *   new customers who leave within P count as churned;
 * - C: lost / (S + N - newLost) x 100 — over start + new, leaving out customers who join and
 *   leave in the same period (they are neither in the numerator nor the denominator);
 * - D / E (subscriptions with cancellation dates): the same A-formula, but a spell ends on the
 *   cancellation date (D) or on the end of the paid period, the subscription's end date (E).
 *   E is what the activity rule of DESIGN.md section 2 gives, so E = A for subscriptions.
 * All rates are null when their denominator is 0.
 *
 * Reconciliation: A -> B adds newLost to the numerator and N to the denominator; B -> C takes
 * newLost out of both; A -> C adds the N - newLost new customers still active to the
 * denominator. D -> E: customers who cancelled in P but are paid into a later period count in
 * D, not E; customers whose paid period ended in P after cancelling earlier count in E, not D.
 */
import { dayToIso, isoToDay } from '../parse/date.ts';
import type { ChurnDefinition, DefinitionRow, DefinitionsReport, PeriodRow, Reconciliation, ReportFilter } from './report-types.ts';
import type { Receipt, ReceiptInput, ReceiptSymbol, ReceiptTerm } from './receipts.ts';
import { receiptResult } from './receipts.ts';
import type { ReceiptRow } from './report-receipts.ts';

/** `{ members }` when the row has its member lists (a full report), else nothing (the page's copy: counts only). */
const listed = (members: readonly number[] | undefined): { members?: readonly number[] } => (members ? { members } : {});

export const CHURN_DEFINITIONS: readonly { readonly id: ChurnDefinition; readonly name: string; readonly formula: string }[] = Object.freeze([
  { id: 'A', name: 'Lost over customers at start', formula: 'lost / S x 100' },
  { id: 'B', name: 'Lost (new included) over start + new', formula: '(lost + newLost) / (S + N) x 100' },
  { id: 'C', name: 'Lost over start + new, excluding join-and-leave', formula: 'lost / (S + N - newLost) x 100' },
  { id: 'D', name: 'Churn on the cancellation date', formula: 'lostD / SD x 100' },
  { id: 'E', name: 'Churn at the end of the paid period', formula: 'lost / S x 100' },
]);

const rate = (num: number, den: number): number | null => (den === 0 ? null : (num / den) * 100);

/**
 * Churn rate of one period under every definition. O(1).
 *
 * @param cancellation D-side counts, or null when the data has no cancellation dates (D and E
 *   are then null).
 * @example churnRates({ S: 44, N: 12, lost: 13, newLost: 3 }, null) // A 29.55, B 28.57, C 24.53
 */
export function churnRates(
  p: { readonly S: number; readonly N: number; readonly lost: number; readonly newLost: number },
  cancellation: { readonly startActive: number; readonly lost: number } | null,
): Record<ChurnDefinition, number | null> {
  return {
    A: rate(p.lost, p.S),
    B: rate(p.lost + p.newLost, p.S + p.N),
    C: rate(p.lost, p.S + p.N - p.newLost),
    D: cancellation ? rate(cancellation.lost, cancellation.startActive) : null,
    E: cancellation ? rate(p.lost, p.S) : null,
  };
}

/** Context a receipt needs besides the period row. */
export interface ReceiptContext {
  readonly window: number | null;
  readonly filters: readonly ReportFilter[];
}

function periodOf(row: Pick<PeriodRow, 'period' | 'start' | 'end'>, dayBefore: string): NonNullable<Receipt['period']> {
  return { label: row.period, start: row.start, end: row.end, startMeasuredOn: dayBefore, endMeasuredOn: row.end };
}

/** The ISO day before an ISO day (UTC calendar arithmetic; no time zones involved). */
export function isoDayBefore(iso: string): string {
  return dayToIso(isoToDay(iso) - 1);
}

function term(symbol: ReceiptSymbol, sign: 1 | -1 = 1): ReceiptTerm {
  return { symbol, sign };
}

/**
 * The receipt of one period's churn rate under definition `id`. O(members listed).
 * Returns null for D/E when the row has no cancellation data.
 */
export function churnReceipt(row: ReceiptRow, id: ChurnDefinition, ctx: ReceiptContext): Receipt | null {
  const def = CHURN_DEFINITIONS.find((d) => d.id === id)!;
  const value = row.churn[id];
  const p = periodOf(row, isoDayBefore(row.start));
  const S: ReceiptInput = { symbol: 'S', name: `customers active on ${p.startMeasuredOn} (the day before the period)`, value: row.S };
  const N: ReceiptInput = { symbol: 'N', name: `new customers (first activity in ${row.period})`, value: row.N, ...listed(row.members?.new) };
  const lost: ReceiptInput = { symbol: 'lost', name: `customers in S not active on ${row.end}`, value: row.lost, ...listed(row.members?.lost) };
  const newLost: ReceiptInput = { symbol: 'newLost', name: `new in ${row.period} and no longer active on ${row.end}`, value: row.newLost, ...listed(row.members?.newLost) };
  const base = { figure: `churn rate ${id} ${row.period}`, value, unit: '%' as const, formula: def.formula, kind: 'ratio' as const, scale: 100, period: p, window: ctx.window, filters: ctx.filters, source: 'DESIGN.md section 3; docs/metrics.md "Churn definitions"' };
  const res = (why: string) => receiptResult(value, '%', why);
  if (id === 'E' && !row.cancellation) return null; // E is only offered beside D
  if (id === 'A' || id === 'E') {
    return { ...base, inputs: [lost, S], numerator: [term('lost')], denominator: [term('S')], substituted: `${row.lost} / ${row.S} x 100 ${res('S = 0')}` };
  }
  if (id === 'B') {
    return {
      ...base,
      inputs: [lost, newLost, S, N],
      numerator: [term('lost'), term('newLost')],
      denominator: [term('S'), term('N')],
      substituted: `(${row.lost} + ${row.newLost}) / (${row.S} + ${row.N}) x 100 ${res('S + N = 0')}`,
    };
  }
  if (id === 'C') {
    return {
      ...base,
      inputs: [lost, S, N, newLost],
      numerator: [term('lost')],
      denominator: [term('S'), term('N'), term('newLost', -1)],
      substituted: `${row.lost} / (${row.S} + ${row.N} - ${row.newLost}) x 100 ${res('S + N - newLost = 0')}`,
    };
  }
  const c = row.cancellation;
  if (!c) return null;
  return {
    ...base,
    inputs: [
      { symbol: 'lostD', name: `customers active on ${p.startMeasuredOn} whose spell ended by a cancellation dated on or before ${row.end}`, value: c.lost },
      { symbol: 'SD', name: `customers active on ${p.startMeasuredOn}, counting each spell as ending on its cancellation date`, value: c.startActive },
    ],
    numerator: [term('lostD')],
    denominator: [term('SD')],
    substituted: `${c.lost} / ${c.startActive} x 100 ${res('S = 0')}`,
  };
}

/**
 * The definitions side by side for one period, with the counts that reconcile them.
 * O(members of the period).
 */
export function definitionsFor(row: PeriodRow, ctx: ReceiptContext): DefinitionsReport {
  const ids: ChurnDefinition[] = row.cancellation ? ['A', 'B', 'C', 'D', 'E'] : ['A', 'B', 'C'];
  const rows: DefinitionRow[] = [];
  for (const id of ids) {
    const receipt = churnReceipt(row, id, ctx)!;
    const sum = (terms: readonly ReceiptTerm[]) => terms.reduce((s, t) => s + t.sign * receipt.inputs.find((i) => i.symbol === t.symbol)!.value, 0);
    const def = CHURN_DEFINITIONS.find((d) => d.id === id)!;
    rows.push({ id, name: def.name, formula: def.formula, numerator: sum(receipt.numerator), denominator: sum(receipt.denominator), rate: row.churn[id], receipt });
  }
  const P = row.period;
  const stillActiveNew = row.N - row.newLost;
  const reconciliation: Reconciliation[] = [
    {
      from: 'A',
      to: 'B',
      counts: [
        { code: 'newLost-to-lost', value: row.newLost, members: row.members.newLost },
        { code: 'new-to-base', value: row.N, members: row.members.new },
      ],
      explanation: { code: 'recon-A-B', params: { period: P, newLost: row.newLost, N: row.N, S: row.S } },
    },
    {
      from: 'B',
      to: 'C',
      counts: [{ code: 'newLost-removed', value: row.newLost, members: row.members.newLost }],
      explanation: { code: 'recon-B-C', params: { period: P, newLost: row.newLost } },
    },
    {
      from: 'A',
      to: 'C',
      counts: [{ code: 'stillActiveNew-to-base', value: stillActiveNew }],
      explanation: { code: 'recon-A-C', params: { period: P, end: row.end, S: row.S, stillActiveNew, base: row.S + stillActiveNew, lost: row.lost } },
    },
  ];
  const c = row.cancellation;
  if (c) {
    reconciliation.push({
      from: 'D',
      to: 'E',
      counts: [
        { code: 'cancelledPaidLater', value: c.cancelledPaidLater.length, members: c.cancelledPaidLater },
        { code: 'endedCancelledEarlier', value: c.endedCancelledEarlier.length, members: c.endedCancelledEarlier },
        { code: 'base-SD-S', value: c.startActive - row.S },
      ],
      explanation: { code: 'recon-D-E', params: { period: P, cancelledPaidLater: c.cancelledPaidLater.length, endedCancelledEarlier: c.endedCancelledEarlier.length } },
    });
  }
  return { period: P, rows, reconciliation };
}
