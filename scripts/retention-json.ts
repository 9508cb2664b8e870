/**
 * The retention report as the command line prints it (`npm run analyze -- --json`, issue 3
 * item 7), without customer-level lists: figures only, so the file stays small and holds no
 * customer ids. The required part is
 *
 *     { period, window, periods: [{ period, start, end, new, lost, reactivated, crr, exact }],
 *       cohorts: [{ cohort, size, active: [counts for k = 0, 1, ...] }] }
 *
 * with `crr` and `exact` in percent (null where S = 0); the rest are the other figures of the
 * dashboard under their own keys. Documented in README.md ("Command line").
 */
import type { ChurnDefinition, RetentionReport, WindowReport } from '../src/core/retention/report-types.ts';
import { reconciliationSentence, windowSentence } from './cli-text.ts';

export interface CliRetentionPeriod {
  period: string;
  start: string;
  end: string;
  new: number;
  lost: number;
  reactivated: number;
  crr: number | null;
  exact: number | null;
  complete: boolean;
  S: number;
  E: number;
  retained: number;
  newLost: number;
  churnRate: number | null;
  churn: Record<ChurnDefinition, number | null>;
  revenue: number | null;
  revenueNew: number | null;
  revenueReturning: number | null;
}

export interface CliRetentionCohort {
  cohort: string;
  size: number;
  /** Logo ("on") counts: active in period cohort + k. */
  active: number[];
  /** Active in cohort + k or any later period. */
  activeOrLater: number[];
  /** Orders: cohort revenue in cohort + k; subscriptions with MRR: cohort MRR on its last day. */
  revenue?: number[];
}

export interface CliRetention {
  period: RetentionReport['params']['period'];
  /** W in days (orders); null for subscriptions. */
  window: number | null;
  periods: CliRetentionPeriod[];
  cohorts: CliRetentionCohort[];
  source: RetentionReport['source'];
  definition: ChurnDefinition;
  /** The suggestion with its numbers; `explanation` in English (cli-text.ts). */
  suggestedWindow: (Omit<WindowReport, 'used' | 'explanation'> & { explanation: string }) | null;
  kpis: {
    asOf: string;
    period: string | null;
    customersNow: number;
    crr: number | null;
    exact: number | null;
    churnRate: number | null;
    nrr: number | null;
    grr: number | null;
    medianLifetimeDays: number | null;
  };
  cohortAverage: { logo: (number | null)[]; unbounded: (number | null)[]; revenue: (number | null)[] | null };
  survival: {
    censoredOn: string;
    subjects: number;
    events: number;
    censored: number;
    medianDays: number | null;
    medianLowerDays: number | null;
    medianUpperDays: number | null;
    points: { t: number; atRisk: number; events: number; censored: number; survival: number; lower: number; upper: number }[];
    sbg: { cohort: string; counts: number[]; alpha: number; beta: number; converged: boolean; projected: number[] } | null;
  };
  /** Orders: the repurchase curve (days from a purchase to the next one, censored on the last day); null for subscriptions. */
  repurchase: {
    points: { t: number; atRisk: number; events: number; censored: number; survival: number; lower: number; upper: number }[];
    medianDays: number | null;
    p80Days: number | null;
    p90Days: number | null;
    censored: number;
    repeats: number;
    eventualShare: number | null;
  } | null;
  /** How lifetimes are read: orders first -> last purchase (one-time buyers apart), subscriptions the first spell. */
  lifetime: { basis: RetentionReport['survival']['basis']; oneTimeBuyers: number | null; oneTimeActive: number | null; medianDays: number | null };
  mrr: { period: string; mrrStart: number; mrrEnd: number; new: number; expansion: number; contraction: number; churn: number; reactivation: number; nrr: number | null; grr: number | null }[] | null;
  definitions: { period: string; rows: { id: ChurnDefinition; numerator: number; denominator: number; rate: number | null }[]; reconciliation: string[] } | null;
}

/** The window report without the W in force (the JSON has it as `window`), its explanation in English. */
function suggestedWindow(w: WindowReport): NonNullable<CliRetention['suggestedWindow']> {
  const { used: _used, ...rest } = w;
  // Same keys in the same order as the report: `explanation` keeps its place, now a sentence.
  return { ...rest, explanation: windowSentence(w.explanation) };
}

/**
 * The command line's `retention` object. O(periods^2 + Kaplan-Meier rows).
 */
export function retentionJson(r: RetentionReport): CliRetention {
  const k = r.kpis;
  return {
    period: r.params.period,
    window: r.source === 'orders' ? r.params.windowDays : null,
    periods: r.periods.map((p) => ({
      period: p.period,
      start: p.start,
      end: p.end,
      new: p.N,
      lost: p.lost,
      reactivated: p.reactivated,
      crr: p.crr,
      exact: p.exact,
      complete: p.complete,
      S: p.S,
      E: p.E,
      retained: p.retained,
      newLost: p.newLost,
      churnRate: p.churnRate,
      churn: { ...p.churn },
      revenue: p.revenue,
      revenueNew: p.revenueNew,
      revenueReturning: p.revenueReturning,
    })),
    cohorts: r.cohorts.labels.map((cohort, c) => ({
      cohort,
      size: r.cohorts.sizes[c],
      active: r.cohorts.logo.counts[c],
      activeOrLater: r.cohorts.unbounded.counts[c],
      ...(r.cohorts.revenue ? { revenue: r.cohorts.revenue.counts[c] } : {}),
    })),
    source: r.source,
    definition: r.params.definition,
    suggestedWindow: r.window ? suggestedWindow(r.window) : null,
    kpis: {
      asOf: k.asOf,
      period: k.period,
      customersNow: k.customersNow.value ?? 0,
      crr: k.crr?.value ?? null,
      exact: k.exact?.value ?? null,
      churnRate: k.churnRate?.value ?? null,
      nrr: k.nrr?.value ?? null,
      grr: k.grr?.value ?? null,
      medianLifetimeDays: k.medianLifetime.value,
    },
    cohortAverage: {
      logo: r.cohorts.logo.average.ofStart,
      unbounded: r.cohorts.unbounded.average.ofStart,
      revenue: r.cohorts.revenue ? r.cohorts.revenue.average.ofStart : null,
    },
    survival: {
      censoredOn: r.survival.censoredOn,
      subjects: r.survival.subjects,
      events: r.survival.events,
      censored: r.survival.censored,
      medianDays: r.survival.median,
      medianLowerDays: r.survival.medianLower,
      medianUpperDays: r.survival.medianUpper,
      points: r.survival.points.map((p) => ({ ...p })),
      sbg: r.survival.sbg
        ? {
            cohort: r.survival.sbg.cohort,
            counts: r.survival.sbg.counts,
            alpha: r.survival.sbg.alpha,
            beta: r.survival.sbg.beta,
            converged: r.survival.sbg.converged,
            projected: r.survival.sbg.points.map((p) => p.projected),
          }
        : null,
    },
    repurchase: r.repurchase
      ? {
          points: r.repurchase.points.map((p) => ({ ...p })),
          medianDays: r.repurchase.p50Days,
          p80Days: r.repurchase.p80Days,
          p90Days: r.repurchase.p90Days,
          censored: r.repurchase.censored,
          repeats: r.repurchase.repeats,
          eventualShare: r.repurchase.eventualShare,
        }
      : null,
    lifetime: { basis: r.survival.basis, oneTimeBuyers: r.survival.oneTimeBuyers, oneTimeActive: r.survival.oneTimeActive, medianDays: r.survival.median },
    mrr: r.mrr
      ? r.mrr.map((m) => ({
          period: m.period,
          mrrStart: m.mrrStart,
          mrrEnd: m.mrrEnd,
          new: m.new,
          expansion: m.expansion,
          contraction: m.contraction,
          churn: m.churn,
          reactivation: m.reactivation,
          nrr: m.nrr,
          grr: m.grr,
        }))
      : null,
    definitions: r.definitions
      ? {
          period: r.definitions.period,
          rows: r.definitions.rows.map((d) => ({ id: d.id, numerator: d.numerator, denominator: d.denominator, rate: d.rate })),
          reconciliation: r.definitions.reconciliation.map((x) => reconciliationSentence(x.explanation)),
        }
      : null,
  };
}
