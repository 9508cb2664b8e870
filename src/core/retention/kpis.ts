/**
 * The report's KPI cards: customers now, CRR, exact retention, churn rate, NRR, GRR and median
 * lifetime of the last complete period, each with its receipt (receipts.ts, report-receipts.ts).
 */
import { dayToIso } from '../parse/date.ts';
import { toNumbers } from '../table-ops.ts';
import type { KaplanMeierCurve } from './survival-km.ts';
import { receiptNumber, type Receipt } from './receipts.ts';
import { crrReceipt, exactReceipt, mrrReceipt, periodChurnReceipt } from './report-receipts.ts';
import type { ChurnDefinition, Kpi, Kpis, ReportFilter, RetentionReport, SurvivalReport } from './report-types.ts';

/** The report so far (everything but the KPIs and the definitions), as the receipts read it. */
export type ReportDraft = Omit<RetentionReport, 'kpis' | 'definitions' | 'availableDefinitions'>;

/** Index of the last complete period, or -1. */
export function lastCompletePeriod(periods: RetentionReport['periods']): number {
  for (let j = periods.length - 1; j >= 0; j--) if (periods[j].complete) return j;
  return -1;
}

function nowReceipt(now: Uint32Array, asOf: number, window: number | null, filters: readonly ReportFilter[]): Receipt {
  return {
    figure: 'customers now',
    value: now.length,
    unit: 'customers',
    formula: 'count of customers active on the last day of data',
    substituted: `${now.length} customers active on ${dayToIso(asOf)}`,
    inputs: [{ symbol: 'active', name: `customers active on ${dayToIso(asOf)}`, value: now.length, members: toNumbers(now) }],
    kind: 'count',
    numerator: [{ symbol: 'active', sign: 1 }],
    denominator: [],
    scale: 1,
    window,
    filters,
    source: 'DESIGN.md section 2',
  };
}

function medianReceipt(km: KaplanMeierCurve, survival: SurvivalReport, asOf: number, window: number | null, filters: readonly ReportFilter[]): Receipt {
  return {
    figure: 'median lifetime',
    value: km.median,
    unit: 'days',
    formula: 'first t with Kaplan-Meier S(t) <= 0.5; S(t) = product over t_i <= t of (1 - d_i / n_i)',
    substituted:
      km.median === null
        ? `not reached: S(t) stays above 0.5 up to the last observed lifetime (${km.subjects} customers, ${km.totalEvents} churned, ${km.subjects - km.totalEvents} censored)`
        : `S(${km.median}) = ${receiptNumber(survival.points.find((p) => p.t === km.median)?.survival ?? NaN)} <= 0.5 (${km.subjects} customers, ${km.totalEvents} churned, ${km.subjects - km.totalEvents} censored); 95 % CI ${km.medianLower ?? 'n/a'} .. ${km.medianUpper ?? 'not reached'} days`,
    inputs: [
      { symbol: 'customers', name: 'customers with a lifetime (start in range)', value: km.subjects },
      { symbol: 'churned', name: 'lifetimes ending in churn', value: km.totalEvents },
      { symbol: 'censored', name: `still active on ${dayToIso(asOf)} (censored)`, value: km.subjects - km.totalEvents },
    ],
    kind: 'lookup',
    numerator: [],
    denominator: [],
    scale: 1,
    window,
    filters,
    source: 'DESIGN.md section 3 (survival); docs/metrics.md "Survival"',
  };
}

/**
 * The KPIs of period `kpiPeriod` (the last complete one; -1: none). `now` = customers active on
 * `asOf`; `window` = W for orders, null for subscriptions.
 */
export function kpisOf(draft: ReportDraft, kpiPeriod: number, definition: ChurnDefinition, now: Uint32Array, km: KaplanMeierCurve, asOf: number, window: number | null): Kpis {
  const kpiOf = (receipt: Receipt | null): Kpi | null => (receipt ? { value: receipt.value, unit: receipt.unit, receipt } : null);
  const full = { ...draft, kpis: null as unknown as Kpis, definitions: null, availableDefinitions: [] };
  const mrrRow = kpiPeriod >= 0 && draft.mrr ? kpiPeriod : -1;
  return {
    asOf: dayToIso(asOf),
    period: kpiPeriod >= 0 ? draft.periods[kpiPeriod].period : null,
    customersNow: kpiOf(nowReceipt(now, asOf, window, draft.filters))!,
    crr: kpiPeriod >= 0 ? kpiOf(crrReceipt(full, kpiPeriod)) : null,
    exact: kpiPeriod >= 0 ? kpiOf(exactReceipt(full, kpiPeriod)) : null,
    churnRate: kpiPeriod >= 0 ? kpiOf(periodChurnReceipt(full, kpiPeriod, definition)) : null,
    nrr: mrrRow >= 0 ? kpiOf(mrrReceipt(full, mrrRow, 'nrr')) : null,
    grr: mrrRow >= 0 ? kpiOf(mrrReceipt(full, mrrRow, 'grr')) : null,
    medianLifetime: kpiOf(medianReceipt(km, draft.survival, asOf, window, draft.filters))!,
  };
}
