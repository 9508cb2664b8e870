/**
 * Receipts of the retention report's figures, built from the report alone (so the dashboard can
 * open the receipt of any cell without another worker round trip), and the member lists behind
 * a period's counts. See receipts.ts for the receipt shape and docs/metrics.md for the
 * definitions each formula comes from.
 *
 * The receipts also read the page's copy of the report, which has every count but no member
 * lists (the worker keeps those and lists them on demand: worker/retention-figures.ts); a receipt
 * built from it has the same figures and inputs, without `members`.
 */
import { popcount32 } from './activity.ts';
import { churnReceipt, isoDayBefore, type ReceiptContext } from './churn-definitions.ts';
import type { CancellationChurn, ChurnDefinition, CohortView, MrrRow, PeriodMembers, PeriodRow, RetentionReport } from './report-types.ts';
import { receiptNumber, receiptResult, type Receipt, type ReceiptInput, type ReceiptSymbol } from './receipts.ts';

/** A period row as the receipts read it: the member lists may be absent (the page's copy of the report). */
export type ReceiptRow = Omit<PeriodRow, 'members' | 'cancellation'> & {
  readonly members?: PeriodMembers;
  readonly cancellation: Pick<CancellationChurn, 'startActive' | 'lost'> | null;
};

/** An MRR row as the receipts read it: the member lists may be absent. */
export type ReceiptMrrRow = Omit<MrrRow, 'members'> & { readonly members?: MrrRow['members'] };

/** What the receipts read of a report: a full RetentionReport, or the page's copy without member lists. */
export interface ReceiptReport extends Pick<RetentionReport, 'window' | 'filters' | 'source' | 'params'> {
  readonly periods: readonly ReceiptRow[];
  readonly cohorts: Pick<RetentionReport['cohorts'], 'view' | 'labels' | 'logo' | 'unbounded' | 'revenue'>;
  readonly mrr: readonly ReceiptMrrRow[] | null;
}

/** `{ members }` when the list is there, else nothing (the input then carries its count only). */
const listed = (members: readonly number[] | undefined): { members?: readonly number[] } => (members ? { members } : {});

const ctxOf = (r: Pick<RetentionReport, 'window' | 'filters' | 'source'>): ReceiptContext => ({
  window: r.source === 'orders' && r.window ? r.window.used : null,
  filters: r.filters,
});

function periodBounds(row: { period: string; start: string; end: string }): NonNullable<Receipt['period']> {
  return { label: row.period, start: row.start, end: row.end, startMeasuredOn: isoDayBefore(row.start), endMeasuredOn: row.end };
}

/** The sets of a period that can be listed. */
export type PeriodSet = 'start' | 'end' | 'retained' | 'lost' | 'reactivated' | 'new' | 'newLost';

/**
 * The customers (indexes into report.customers, ascending) behind one count of period j.
 * 'start', 'end' and 'retained' are decoded from the boundary bitsets. O(customers / 32 + result).
 */
export function periodMembers(report: Pick<RetentionReport, 'periods' | 'activity'>, j: number, set: PeriodSet): number[] {
  const row = report.periods[j];
  if (!row) throw new RangeError(`periodMembers: no period ${j}`);
  if (set === 'lost' || set === 'reactivated' || set === 'new' || set === 'newLost') return row.members[set];
  const a = report.activity.rows[j];
  const b = report.activity.rows[j + 1];
  const out: number[] = [];
  for (let w = 0; w < report.activity.stride; w++) {
    let x = set === 'start' ? a[w] : set === 'end' ? b[w] : a[w] & b[w];
    x >>>= 0;
    while (x !== 0) {
      const low = x & -x;
      out.push(w * 32 + (31 - Math.clz32(low)));
      x = (x ^ low) >>> 0;
    }
  }
  return out;
}

/** Count of a boundary bitset row (for tests and sanity checks). O(customers / 32). */
export function activityCount(report: Pick<RetentionReport, 'activity'>, t: number): number {
  let n = 0;
  for (const w of report.activity.rows[t]) n += popcount32(w);
  return n;
}

function inputsSEN(row: ReceiptRow): { S: ReceiptInput; E: ReceiptInput; N: ReceiptInput } {
  const p = periodBounds(row);
  return {
    S: { symbol: 'S', name: `customers active on ${p.startMeasuredOn} (the day before the period)`, value: row.S },
    E: { symbol: 'E', name: `customers active on ${row.end} (the period's last day)`, value: row.E },
    N: { symbol: 'N', name: `new customers: first activity in ${row.period}`, value: row.N, ...listed(row.members?.new) },
  };
}

/** Seed-formula CRR of period j: (E - N) / S x 100. O(1) plus the member lists referenced. */
export function crrReceipt(report: Pick<ReceiptReport, 'periods' | 'window' | 'filters' | 'source'>, j: number): Receipt {
  const row = report.periods[j];
  const { S, E, N } = inputsSEN(row);
  return {
    figure: `CRR ${row.period}`,
    value: row.crr,
    unit: '%',
    formula: '(E - N) / S x 100',
    substituted: `(${row.E} - ${row.N}) / ${row.S} x 100 ${receiptResult(row.crr, '%', 'S = 0')}`,
    inputs: [E, N, S],
    kind: 'ratio',
    numerator: [
      { symbol: 'E', sign: 1 },
      { symbol: 'N', sign: -1 },
    ],
    denominator: [{ symbol: 'S', sign: 1 }],
    scale: 100,
    period: periodBounds(row),
    ...ctxOf(report),
    source: 'DESIGN.md section 3 (seed formula)',
    ...(row.explanation ? { note: row.explanation } : {}),
  };
}

/** Exact retention of period j: |S ∩ E| / |S| x 100. */
export function exactReceipt(report: Pick<ReceiptReport, 'periods' | 'window' | 'filters' | 'source'>, j: number): Receipt {
  const row = report.periods[j];
  const { S } = inputsSEN(row);
  return {
    figure: `exact retention ${row.period}`,
    value: row.exact,
    unit: '%',
    formula: '|S ∩ E| / |S| x 100',
    substituted: `${row.retained} / ${row.S} x 100 ${receiptResult(row.exact, '%', 'S = 0')}`,
    inputs: [{ symbol: 'retained', name: `customers active on both ${isoDayBefore(row.start)} and ${row.end}`, value: row.retained }, S],
    kind: 'ratio',
    numerator: [{ symbol: 'retained', sign: 1 }],
    denominator: [{ symbol: 'S', sign: 1 }],
    scale: 100,
    period: periodBounds(row),
    ...ctxOf(report),
    source: 'DESIGN.md section 3 (exact retention)',
    ...(row.explanation ? { note: row.explanation } : {}),
  };
}

/** Churn rate of period j under a definition (default: the report's). null for D/E without cancellation data. */
export function periodChurnReceipt(report: Pick<ReceiptReport, 'periods' | 'window' | 'filters' | 'source' | 'params'>, j: number, definition: ChurnDefinition = report.params.definition): Receipt | null {
  return churnReceipt(report.periods[j], definition, ctxOf(report));
}

/** A plain count of period j ('S', 'E', 'N', 'lost', 'retained', 'reactivated', 'newLost'). */
export function countReceipt(report: Pick<ReceiptReport, 'periods' | 'window' | 'filters' | 'source'>, j: number, set: Exclude<PeriodSet, 'start' | 'end'> | 'S' | 'E' | 'N'): Receipt {
  const row = report.periods[j];
  const before = isoDayBefore(row.start);
  const m = row.members;
  const spec: Record<string, [ReceiptSymbol, string, number, number[] | undefined]> = {
    S: ['S', `active on ${before}`, row.S, undefined],
    E: ['E', `active on ${row.end}`, row.E, undefined],
    N: ['N', `first activity in ${row.period}`, row.N, m?.new],
    new: ['N', `first activity in ${row.period}`, row.N, m?.new],
    lost: ['lost', `active on ${before}, not on ${row.end}`, row.lost, m?.lost],
    retained: ['retained', `active on ${before} and on ${row.end}`, row.retained, undefined],
    reactivated: ['reactivated', `active on ${row.end}, not on ${before}, not new`, row.reactivated, m?.reactivated],
    newLost: ['newLost', `first activity in ${row.period}, not active on ${row.end}`, row.newLost, m?.newLost],
  };
  const [symbol, name, value, members] = spec[set];
  return {
    figure: `${symbol} ${row.period}`,
    value,
    unit: 'customers',
    formula: `count of customers ${name}`,
    substituted: `${value} customers`,
    inputs: [{ symbol, name: `customers ${name}`, value, ...(members ? { members } : {}) }],
    kind: 'count',
    numerator: [{ symbol, sign: 1 }],
    denominator: [],
    scale: 1,
    period: periodBounds(row),
    ...ctxOf(report),
    source: 'DESIGN.md section 3',
  };
}

/** Which numbers a cohort cell shows. */
export type CohortViewName = 'logo' | 'unbounded' | 'revenue';

/**
 * The receipt of cohort cell (c, k) of a view, against the cohort start or the previous period.
 * Returns null when the view or the cell does not exist.
 */
export function cohortReceipt(report: Pick<ReceiptReport, 'periods' | 'cohorts' | 'window' | 'filters' | 'source'>, view: CohortViewName, basis: 'start' | 'previous', c: number, k: number): Receipt | null {
  const v: CohortView | null = report.cohorts[view];
  if (!v || !v.counts[c] || k < 0 || k >= v.counts[c].length) return null;
  const labels = report.cohorts.labels;
  const target = labels[c + k];
  const money = view === 'revenue';
  const mrr = money && report.cohorts.view === 'subscriptions';
  const amount = (label: string) => (mrr ? `MRR on the last day of ${label}` : `revenue in ${label}`);
  const what =
    view === 'logo'
      ? report.cohorts.view === 'orders'
        ? `with an order of amount > 0 in ${target}`
        : `active on the last day of ${target}`
      : view === 'unbounded'
        ? `active in ${target} or any later period`
        : amount(target);
  const value = basis === 'start' ? v.ofStart[c][k] : v.ofPrevious[c][k];
  const prev = basis === 'previous' && k > 0;
  const denValue = prev ? v.counts[c][k - 1] : v.base[c];
  const denName = prev
    ? money
      ? `cohort ${labels[c]} ${amount(labels[c + k - 1])}`
      : `cohort ${labels[c]} customers counted in ${labels[c + k - 1]}`
    : money
      ? `cohort ${labels[c]} ${amount(labels[c])}`
      : `customers whose first activity is in ${labels[c]} (cohort size)`;
  const num = v.counts[c][k];
  return {
    figure: `cohort ${labels[c]}, k = ${k} (${view}, % of ${basis === 'start' ? 'cohort start' : 'previous period'})`,
    value,
    unit: '%',
    formula: money ? `${mrr ? 'MRR' : 'revenue'}(c + k) / ${mrr ? 'MRR' : 'revenue'}(${prev ? 'c + k - 1' : 'c'}) x 100` : 'active(c, k) / ' + (prev ? 'active(c, k - 1)' : 'size(c)') + ' x 100',
    substituted: `${receiptNumber(num)} / ${receiptNumber(denValue)} x 100 ${receiptResult(value, '%', 'base is 0')}`,
    inputs: [
      { symbol: 'a', name: money ? `cohort ${labels[c]} ${what}` : `customers of cohort ${labels[c]} ${what}`, value: num },
      { symbol: 'b', name: denName, value: denValue },
    ],
    kind: 'ratio',
    numerator: [{ symbol: 'a', sign: 1 }],
    denominator: [{ symbol: 'b', sign: 1 }],
    scale: 100,
    // Revenue retention is null (not a ratio) when the base revenue is not positive.
    ...(money && !(denValue > 0) ? { kind: 'lookup' as const } : {}),
    period: periodBounds(report.periods[c + k]),
    ...ctxOf(report),
    source: 'DESIGN.md section 3 (cohort matrix)',
  };
}

/** NRR or GRR of MRR row j. */
export function mrrReceipt(report: Pick<ReceiptReport, 'mrr' | 'filters'>, j: number, which: 'nrr' | 'grr'): Receipt | null {
  const row: ReceiptMrrRow | undefined = report.mrr?.[j];
  if (!row) return null;
  const value = row[which];
  const inputs: ReceiptInput[] = [
    { symbol: 'MRR0', name: `MRR on ${isoDayBefore(row.start)}`, value: row.mrrStart },
    { symbol: 'churn', name: 'MRR of customers active at the start, gone at the end', value: row.churn, ...listed(row.members?.churn) },
    { symbol: 'contraction', name: 'MRR decrease of staying customers', value: row.contraction, ...listed(row.members?.contraction) },
    { symbol: 'expansion', name: 'MRR increase of staying customers', value: row.expansion, ...listed(row.members?.expansion) },
  ];
  const n = receiptNumber;
  const nrr = which === 'nrr';
  return {
    figure: `${which.toUpperCase()} ${row.period}`,
    value,
    unit: '%',
    formula: nrr ? '(MRR0 - churn - contraction + expansion) / MRR0 x 100' : 'min(100, (MRR0 - churn - contraction) / MRR0 x 100)',
    substituted: nrr
      ? `(${n(row.mrrStart)} - ${n(row.churn)} - ${n(row.contraction)} + ${n(row.expansion)}) / ${n(row.mrrStart)} x 100 ${receiptResult(value, '%', 'MRR0 = 0')}`
      : `min(100, (${n(row.mrrStart)} - ${n(row.churn)} - ${n(row.contraction)}) / ${n(row.mrrStart)} x 100) ${receiptResult(value, '%', 'MRR0 = 0')}`,
    inputs: nrr ? inputs : inputs.slice(0, 3),
    kind: 'ratio',
    numerator: [
      { symbol: 'MRR0', sign: 1 },
      { symbol: 'churn', sign: -1 },
      { symbol: 'contraction', sign: -1 },
      ...(nrr ? [{ symbol: 'expansion' as const, sign: 1 as const }] : []),
    ],
    denominator: [{ symbol: 'MRR0', sign: 1 }],
    scale: 100,
    ...(nrr ? {} : { cap: 100 }),
    period: periodBounds(row),
    window: null,
    filters: report.filters,
    source: 'DESIGN.md section 3 (revenue retention); docs/metrics.md "MRR movements"',
  };
}
