/**
 * The shape of the retention report: one plain, JSON-able object (numbers, strings, arrays,
 * null) with every figure the dashboard and the command line show, the numbers behind each one
 * and its receipt. Built by `retentionReport` (report.ts); definitions in docs/metrics.md and
 * DESIGN.md sections 2 and 3.
 *
 * Conventions:
 * - Dates are ISO `yyyy-mm-dd` strings; period labels are `2011-03`, `2011-Q1`, `2011`.
 * - Rates are percentages (0-100, unrounded); null where the base is 0 ("n/a", never 0 or 100).
 * - Customers are numbers: indexes into `report.customers` (the ids as written in the file).
 * - Money is in the file's currency, unrounded.
 */
import type { PeriodUnit } from './periods.ts';
import type { CrrExactExplanation, ReconciliationCount, ReconciliationExplanation, ReportFilter, RepurchaseExplanation, SbgNotProjected, SbgRising, WindowExplanation } from './report-phrases.ts';
import type { Receipt } from './receipts.ts';
import type { RepurchaseCurve } from './repurchase.ts';

export type { Receipt, ReceiptInput, ReceiptTerm } from './receipts.ts';
export type { CrrExactExplanation, ReconciliationCount, ReconciliationExplanation, ReportFilter, RepurchaseExplanation, SbgNotProjected, SbgRising, WindowExplanation } from './report-phrases.ts';

/**
 * Churn definitions vendors use (issue 3, item 5); see docs/metrics.md:
 * - 'A': lost / S — churn over customers at the start (DESIGN.md's churn rate; the default);
 * - 'B': (lost + newLost) / (S + N) — over start + new, new customers lost in the same period count;
 * - 'C': lost / (S + N - newLost) — over start + new, excluding customers who join and leave in the same period;
 * - 'D': subscriptions, churn dated on the cancellation date (needs a churn/cancellations table);
 * - 'E': subscriptions, churn dated on the end of the paid period (the subscription end date).
 */
export type ChurnDefinition = 'A' | 'B' | 'C' | 'D' | 'E';

export interface RetentionParams {
  period: PeriodUnit;
  /** Activity window W in days (orders). Ignored for subscriptions. */
  windowDays: number;
  /** First and last day (ISO) to cover; default the data's range. Whole periods are used. */
  from?: string;
  to?: string;
  /** The churn definition of the headline churn rate (KPI and `churnRate`); default 'A'. */
  definition?: ChurnDefinition;
  /** Which data the activity comes from; default 'subscriptions' when there are any, else 'orders'. */
  source?: 'orders' | 'subscriptions';
  /** Cohort label to fit the sBG model to; default: see `SbgReport.cohort`. */
  sbgCohort?: string;
}

/** A figure with its receipt. */
export interface Kpi {
  readonly value: number | null;
  readonly unit: Receipt['unit'];
  readonly receipt: Receipt;
}

/** The suggested activity window (orders) and the numbers behind it (DESIGN.md section 2). */
export interface WindowReport {
  /** The W actually used for this report (params.windowDays). */
  readonly used: number;
  /** The suggested W in days. */
  readonly suggested: number;
  /** 'repurchase' = the day 80 % of the eventual repeat purchases have happened (repurchase curve); 'default' = 90 (no repeat purchases). */
  readonly basis: 'repurchase' | 'default';
  /** Repeat purchases seen. */
  readonly gaps: number;
  /** Customers with at least two purchase days. */
  readonly customers: number;
  /** Spells still open on the data's last day (censored). */
  readonly censored: number;
  readonly percentile: number;
  /** The raw 80 % point in days, before rounding up and clamping to [7, 730]. */
  readonly percentileDays: number | null;
  /** The 50 % point in days. */
  readonly medianDays: number | null;
  readonly clamped: boolean;
  /** Why W is what it is, as a code and its numbers (report-phrases.ts). */
  readonly explanation: WindowExplanation;
}

export interface Kpis {
  /**
   * The day "now" means: the data's last day, or the last day of the period containing
   * params.to when that is earlier (whole periods are used).
   */
  readonly asOf: string;
  /** Label of the last period that ended on or before asOf; null when none did. */
  readonly period: string | null;
  readonly customersNow: Kpi;
  readonly crr: Kpi | null;
  readonly exact: Kpi | null;
  /** Churn rate of the last complete period under params.definition. */
  readonly churnRate: Kpi | null;
  /** Subscriptions with MRR only, last complete period. */
  readonly nrr: Kpi | null;
  readonly grr: Kpi | null;
  /** Kaplan-Meier median lifetime in days (value null = not reached). */
  readonly medianLifetime: Kpi;
}

/** Customers behind a period's counts (indexes into report.customers, ascending). */
export interface PeriodMembers {
  readonly lost: number[];
  readonly reactivated: number[];
  readonly new: number[];
  /** New in the period and no longer active at its end (N \ E). */
  readonly newLost: number[];
}

/** Cancellation-date vs paid-period-end churn of one period (subscriptions + churn table). */
export interface CancellationChurn {
  /** Customers active on p0 - 1 when each spell ends at the cancellation date (D). */
  readonly startActive: number;
  /** Of those, not active on p1 when spells end at their cancellation date (lost under D). */
  readonly lost: number;
  /** Lost under D but not under E: cancelled in this period, paid period ends later. */
  readonly cancelledPaidLater: number[];
  /** Lost under E but not under D: paid period ended here, cancelled in an earlier period. */
  readonly endedCancelledEarlier: number[];
}

export interface PeriodRow {
  readonly period: string;
  readonly start: string;
  readonly end: string;
  /** False when the period ends after the data's last day (its E is not final). */
  readonly complete: boolean;
  /** |S|, |E|, |N| (DESIGN.md section 3). */
  readonly S: number;
  readonly E: number;
  readonly N: number;
  readonly lost: number;
  readonly retained: number;
  readonly reactivated: number;
  /** |N \ E|. */
  readonly newLost: number;
  /** Percentages, null where S = 0. */
  readonly crr: number | null;
  readonly exact: number | null;
  /** Churn rate under params.definition. */
  readonly churnRate: number | null;
  /** Churn rate under each definition (D and E only with subscriptions + cancellation dates, else null). */
  readonly churn: Readonly<Record<ChurnDefinition, number | null>>;
  /** D-side numbers, when the data has cancellation dates; else null. */
  readonly cancellation: CancellationChurn | null;
  /** Orders: revenue of the period (refunds included) from new and from returning customers; null for subscriptions. */
  readonly revenue: number | null;
  readonly revenueNew: number | null;
  readonly revenueReturning: number | null;
  readonly members: PeriodMembers;
  /** Why CRR and exact retention differ, as a code and its numbers (null when they agree or S = 0). */
  readonly explanation: CrrExactExplanation | null;
}

/** Shares of one cohort view, both bases, with the counts behind each cell. */
export interface CohortView {
  /** counts[c][k] (customers, or money for the revenue view); row c has periods - c cells. */
  readonly counts: number[][];
  /** Denominator of "% of start" per cohort: the cohort size (revenue view: revenue in period c). */
  readonly base: number[];
  /** counts[c][k] / base[c] x 100; null where the base is 0 (or not positive for revenue). */
  readonly ofStart: (number | null)[][];
  /** counts[c][k] / counts[c][k - 1] x 100 (k = 0: of start). */
  readonly ofPrevious: (number | null)[][];
  /** Size-weighted (revenue-weighted) average row: sum of counts over sum of bases, per k. */
  readonly average: {
    readonly ofStart: (number | null)[];
    readonly ofPrevious: (number | null)[];
    /** Numerators and denominators of ofStart, and how many cohorts reached k. */
    readonly counts: number[];
    readonly base: number[];
    readonly cohorts: number[];
  };
}

export interface CohortReport {
  /** 'orders': active = at least one order > 0 in c + k; 'subscriptions': active on the last day of c + k. */
  readonly view: 'orders' | 'subscriptions';
  readonly labels: string[];
  readonly sizes: number[];
  /** "On" (logo) retention: active in period c + k exactly. */
  readonly logo: CohortView;
  /** Active in c + k or any later period. */
  readonly unbounded: CohortView;
  /**
   * Orders: cohort revenue in c + k over its revenue in c (refunds included). Subscriptions with
   * MRR: cohort MRR on the last day of c + k over its MRR on the last day of c. null otherwise.
   */
  readonly revenue: CohortView | null;
  /** Cohort (index into labels) of each customer; -1 when outside the range or never active. */
  readonly customerCohort: number[];
}

/** One row of the Kaplan-Meier table. */
export interface SurvivalPoint {
  /** Days since the customer's start. */
  readonly t: number;
  readonly atRisk: number;
  readonly events: number;
  readonly censored: number;
  readonly survival: number;
  /** Pointwise 95 % log-log band (Greenwood variance). */
  readonly lower: number;
  readonly upper: number;
}

export interface SbgPoint {
  /** Periods since the cohort started. */
  readonly t: number;
  /** Observed customers of the cohort still in their first spell at t (null beyond the data). */
  readonly observed: number | null;
  /** Model survivors = size x S(t). */
  readonly projected: number;
  readonly survival: number;
  /** r(t) = (beta + t - 1) / (alpha + beta + t - 1); null at t = 0. */
  readonly retentionRate: number | null;
  /** True for the periods the fit used. */
  readonly calibration: boolean;
}

export interface SbgReport {
  /**
   * The cohort fitted: params.sbgCohort, else the cohort with the most evidence (size x
   * complete periods after its start, at least 3 periods; ties: the earlier).
   */
  readonly cohort: string;
  readonly unit: PeriodUnit;
  /** Survival counts n_0 (cohort size), n_1, ... used for the fit. */
  readonly counts: number[];
  readonly alpha: number;
  readonly beta: number;
  readonly logLikelihood: number;
  /** False: the data do not pin the model down; show the fit greyed out and do not project. */
  readonly converged: boolean;
  /** t = 0 .. calibration + horizon (empty unless the fit converged to finite alpha and beta). */
  readonly points: SbgPoint[];
  readonly horizon: number;
  /** E[min(T, H)] periods for H = calibration + horizon; null without a converged fit. */
  readonly expectedLifetime: number | null;
  /** null when projected; else why there is no projection, as a code and its numbers. */
  readonly notProjected: SbgNotProjected | null;
  /** Why the projected retention rate rises with t; null without a projection of two periods or more. */
  readonly rising: SbgRising | null;
}

export interface SurvivalReport {
  readonly unit: 'days';
  /**
   * How a lifetime is read: orders, first -> last purchase of a repeat customer (churned when W
   * days have passed since the last purchase, else censored); subscriptions, the first spell.
   */
  readonly basis: 'first-to-last-purchase' | 'subscription-spell';
  /** Orders: customers with one purchase day (no lifetime, "bought once"); null for subscriptions. */
  readonly oneTimeBuyers: number | null;
  /** Orders: of them, still within W of their purchase on the censoring day (active now). */
  readonly oneTimeActive: number | null;
  /** Censoring day: customers still active on it are censored, not churned. */
  readonly censoredOn: string;
  readonly subjects: number;
  readonly events: number;
  readonly censored: number;
  readonly points: SurvivalPoint[];
  readonly median: number | null;
  readonly medianLower: number | null;
  readonly medianUpper: number | null;
  /** null when no cohort has enough complete periods. */
  readonly sbg: SbgReport | null;
}

/**
 * The repurchase curve (orders, repurchase.ts): Kaplan-Meier of the days from a purchase to the
 * next one, as plain data: the curve's counts and 50 / 80 / 90 % points without the raw arrays.
 */
export interface RepurchaseReport extends Omit<RepurchaseCurve, 'km'> {
  /** The curve: S(t) = share of purchases not yet followed by another after t days, with the 95 % band. */
  readonly points: SurvivalPoint[];
  /** What the curve says ("half of the repeat purchases come within 23 days; ..."), as a code and its numbers. */
  readonly explanation: RepurchaseExplanation;
}

export interface MrrRow {
  readonly period: string;
  readonly start: string;
  readonly end: string;
  readonly complete: boolean;
  readonly mrrStart: number;
  readonly mrrEnd: number;
  readonly new: number;
  readonly expansion: number;
  readonly contraction: number;
  readonly churn: number;
  readonly reactivation: number;
  readonly nrr: number | null;
  readonly grr: number | null;
  /** Customers behind each movement. */
  readonly members: {
    readonly new: number[];
    readonly expansion: number[];
    readonly contraction: number[];
    readonly churn: number[];
    readonly reactivation: number[];
  };
}

/** One churn definition's numbers for one period. */
export interface DefinitionRow {
  readonly id: ChurnDefinition;
  readonly name: string;
  readonly formula: string;
  readonly numerator: number;
  readonly denominator: number;
  readonly rate: number | null;
  readonly receipt: Receipt;
}

/** The counts that explain the difference between two definitions. */
export interface Reconciliation {
  readonly from: ChurnDefinition;
  readonly to: ChurnDefinition;
  readonly counts: { readonly code: ReconciliationCount; readonly value: number; readonly members?: number[] }[];
  /** What the counts say ('3 customers who joined and left in 2011-03 count in B, not in A.'), as a code and its numbers. */
  readonly explanation: ReconciliationExplanation;
}

export interface DefinitionsReport {
  readonly period: string;
  readonly rows: DefinitionRow[];
  readonly reconciliation: Reconciliation[];
}

export interface RetentionReport {
  readonly version: 1;
  readonly source: 'orders' | 'subscriptions';
  /** The parameters as resolved (defaults filled in). */
  readonly params: Required<Omit<RetentionParams, 'sbgCohort'>> & { sbgCohort: string | null };
  /** The data's first and last day (ISO) of the source table; null when it has no usable rows. */
  readonly dataFirst: string | null;
  readonly dataLast: string | null;
  /** Customer ids of the source table; every member list indexes into this. */
  readonly customers: string[];
  /** Rows left out for a missing id or date (or end <= start). */
  readonly skippedRows: number;
  /** Orders: the suggested window and why; null for subscriptions. */
  readonly window: WindowReport | null;
  readonly kpis: Kpis;
  readonly periods: PeriodRow[];
  /**
   * Activity on the period boundaries as bitsets, to list S, E and retained of any period
   * without shipping them per period: row j = day before period j, row j + 1 = its last day;
   * each row is `stride` 32-bit words, bit k = customer k active. Use `periodMembers`.
   */
  readonly activity: { readonly stride: number; readonly rows: number[][] };
  readonly cohorts: CohortReport;
  readonly survival: SurvivalReport;
  /** Orders only: how soon customers buy again (repurchase.ts); null for subscriptions. */
  readonly repurchase: RepurchaseReport | null;
  /** Subscriptions with an MRR column only; null otherwise. */
  readonly mrr: MrrRow[] | null;
  /** The churn definitions this data supports (D and E need subscriptions and cancellation dates). */
  readonly availableDefinitions: ChurnDefinition[];
  /** The definitions side by side for the KPI period (null when no period is complete). */
  readonly definitions: DefinitionsReport | null;
  /** Filters and data rules as codes (report-phrases.ts), repeated in every receipt. */
  readonly filters: ReportFilter[];
}
