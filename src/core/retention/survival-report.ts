/**
 * The survival part of the retention report: Kaplan-Meier over the customers' lifetimes
 * (lifetimes.ts, survival-km.ts) and an sBG fit (sbg.ts) on the survival counts of one cohort,
 * with its projection. O(lifetimes log lifetimes + periods^2).
 */
import { dayToIso } from '../parse/date.ts';
import { fitSbg, sbgExpectedLifetime, sbgProjection } from './sbg.ts';
import type { Lifetimes } from './lifetimes.ts';
import { periodLookup, type PeriodGrid, type PeriodUnit } from './periods.ts';
import type { RepurchaseExplanation, RepurchaseReport, SbgPoint, SbgReport, SbgRising, SurvivalPoint, SurvivalReport } from './report-types.ts';
import { repurchaseCurve } from './repurchase.ts';
import type { OrderIndex } from './customer-index.ts';
import { kaplanMeier, type KaplanMeierCurve } from './survival-km.ts';

/** sBG: projection horizon in periods beyond the calibration periods, per unit. */
const SBG_HORIZON: Readonly<Record<PeriodUnit, number>> = { month: 12, quarter: 4, year: 5 };
/** sBG: fewest complete periods after the cohort's start for a default cohort (n_0 .. n_3). */
const SBG_MIN_PERIODS = 3;

/**
 * sBG survival counts of each cohort: n_0 = customers of the cohort with a lifetime, n_t =
 * those still in their first spell on the last day of period c + t - 1, for the complete
 * periods only (last day <= lastDay). O(lifetimes + periods^2).
 */
export function cohortSurvivalCounts(grid: PeriodGrid, startDay: Int32Array, lt: Lifetimes, lastDay: number): number[][] {
  const P = grid.count;
  const complete = new Int32Array(P); // complete periods from c on: max T with ends[c + T - 1] <= lastDay
  for (let c = 0; c < P; c++) {
    let T = 0;
    while (c + T < P && grid.ends[c + T] <= lastDay) T++;
    complete[c] = T;
  }
  const hist: Uint32Array[] = Array.from({ length: P }, (_, c) => new Uint32Array(complete[c] + 1));
  const periodAt = periodLookup(grid); // one array read per day instead of calendar arithmetic
  for (let i = 0; i < lt.customers.length; i++) {
    const start = startDay[lt.customers[i]];
    const c = periodAt(start);
    if (c < 0) continue;
    const T = complete[c];
    let m = T;
    if (lt.observed[i]) {
      const lastActive = start + lt.durations[i] - 1; // churn day - 1
      const j = periodAt(lastActive);
      if (j >= 0) m = Math.min(T, j - c + (lastActive === grid.ends[j] ? 1 : 0));
    }
    hist[c][Math.max(0, m)]++;
  }
  return hist.map((h) => {
    const out = new Array<number>(h.length).fill(0);
    let run = 0;
    for (let t = h.length - 1; t >= 0; t--) {
      run += h[t];
      out[t] = run;
    }
    return out;
  });
}

export function sbgReport(grid: PeriodGrid, counts: number[][], wanted: string | undefined): SbgReport | null {
  let pick = -1;
  if (wanted !== undefined) {
    const c = grid.labels.indexOf(wanted);
    if (c >= 0 && counts[c].length >= 3 && counts[c][0] > 0) pick = c;
  }
  if (pick < 0) {
    for (let c = 0; c < counts.length; c++) {
      if (counts[c].length < SBG_MIN_PERIODS + 1 || counts[c][0] === 0) continue;
      // Most customer-periods of evidence: size x observed periods (ties: the earlier cohort).
      const score = counts[c][0] * (counts[c].length - 1);
      if (pick < 0 || score > counts[pick][0] * (counts[pick].length - 1)) pick = c;
    }
  }
  if (pick < 0) return null;
  const n = counts[pick];
  const fit = fitSbg(n);
  const horizon = SBG_HORIZON[grid.unit];
  const T = n.length - 1;
  // Project only from a fit whose optimiser converged to finite shapes (issue #8): a fit that ran
  // off to the boundary says nothing about the future; the report then says why (notProjected).
  const usable = fit.converged && fit.alpha > 0 && fit.beta > 0 && Number.isFinite(fit.alpha) && Number.isFinite(fit.beta);
  const proj = usable ? sbgProjection(fit.alpha, fit.beta, 0, T + horizon, n[0]) : null;
  const points = !proj ? [] : Array.from(proj.t, (t, i) => ({
    t,
    observed: t <= T ? n[t] : null,
    projected: proj.survivors[i],
    survival: proj.survival[i],
    retentionRate: t === 0 ? null : proj.retentionRate[i],
    calibration: t <= T,
  }));
  return {
    cohort: grid.labels[pick],
    unit: grid.unit,
    counts: n,
    alpha: fit.alpha,
    beta: fit.beta,
    logLikelihood: fit.logLikelihood,
    converged: fit.converged,
    points,
    horizon,
    expectedLifetime: usable ? sbgExpectedLifetime(fit.alpha, fit.beta, T + horizon) : null,
    notProjected: usable ? null : { code: n.every((v) => v === n[0]) ? 'sbg-not-converged-flat' : 'sbg-not-converged', params: { cohort: grid.labels[pick], counts: n } },
    rising: risingOf(points),
  };
}

/**
 * Why the projected retention rate rises (report-phrases.ts `sbg-rate-rises`): its first and
 * last values; null with fewer than two projected rates.
 */
function risingOf(points: readonly SbgPoint[]): SbgRising | null {
  const rates = points.filter((p) => p.retentionRate !== null);
  if (rates.length < 2) return null;
  const first = rates[0];
  const last = rates[rates.length - 1];
  return { code: 'sbg-rate-rises', params: { r1: first.retentionRate!, rN: last.retentionRate!, n: last.t } };
}

/** The lifetimes of customers whose start is on or after `from`. O(lifetimes). */
export function startingFrom(lt: Lifetimes, firstDay: Int32Array, from: number): Lifetimes {
  let n = 0;
  for (let i = 0; i < lt.customers.length; i++) if (firstDay[lt.customers[i]] >= from) n++;
  const out = { durations: new Float64Array(n), observed: new Uint8Array(n), customers: new Uint32Array(n) };
  for (let i = 0, j = 0; i < lt.customers.length; i++) {
    if (firstDay[lt.customers[i]] < from) continue;
    out.durations[j] = lt.durations[i];
    out.observed[j] = lt.observed[i];
    out.customers[j++] = lt.customers[i];
  }
  return out;
}

/**
 * The survival report (censored on `asOf`): the Kaplan-Meier curve of `lifetimes` with its
 * Greenwood band and median, and the sBG fit on the first-spell lifetimes `spells` of
 * `sbgCohort` (or the cohort with the most evidence). For orders, `purchases` says how the
 * lifetimes were read (first -> last purchase) and how many customers bought once. Returns the
 * Kaplan-Meier estimate too, for the median-lifetime receipt.
 */
export function survivalReport(
  grid: PeriodGrid,
  firstDay: Int32Array,
  lifetimes: Lifetimes,
  spells: Lifetimes,
  asOf: number,
  sbgCohort: string | undefined,
  purchases?: { oneTimeBuyers: number; oneTimeActive: number },
): { survival: SurvivalReport; km: KaplanMeierCurve } {
  const km = kaplanMeier(lifetimes.durations, lifetimes.observed);
  const sbg = sbgReport(grid, cohortSurvivalCounts(grid, firstDay, spells, asOf), sbgCohort);
  const survival: SurvivalReport = {
    unit: 'days',
    basis: purchases ? 'first-to-last-purchase' : 'subscription-spell',
    oneTimeBuyers: purchases ? purchases.oneTimeBuyers : null,
    oneTimeActive: purchases ? purchases.oneTimeActive : null,
    censoredOn: dayToIso(asOf),
    subjects: km.subjects,
    events: km.totalEvents,
    censored: km.subjects - km.totalEvents,
    points: pointsOf(km),
    median: km.median,
    medianLower: km.medianLower,
    medianUpper: km.medianUpper,
    sbg,
  };
  return { survival, km };
}

/** The rows of a Kaplan-Meier curve as report points. */
function pointsOf(km: KaplanMeierCurve): SurvivalPoint[] {
  return Array.from(km.time, (t, i) => ({
    t,
    atRisk: km.atRisk[i],
    events: km.events[i],
    censored: km.censored[i],
    survival: km.survival[i],
    lower: km.lower[i],
    upper: km.upper[i],
  }));
}

/**
 * The repurchase report of an order index, censored on `asOf` (repurchase.ts): the curve, its
 * 50 / 80 / 90 % points and what they say, as a code. O(activity days log activity days).
 */
export function repurchaseReport(index: OrderIndex, asOf: number): RepurchaseReport {
  const c = repurchaseCurve(index, asOf);
  const explanation: RepurchaseExplanation =
    c.repeats === 0 || c.p50Days === null || c.p80Days === null
      ? { code: 'repurchase-none', params: { purchases: c.spells } }
      : {
          code: 'repurchase-curve',
          params: { p50Days: c.p50Days, p80Days: c.p80Days, p90Days: c.p90Days, share: c.eventualShare, repeats: c.repeats, customers: c.repeatCustomers, censored: c.censored, asOf: dayToIso(asOf) },
        };
  return {
    points: pointsOf(c.km),
    spells: c.spells,
    repeats: c.repeats,
    censored: c.censored,
    repeatCustomers: c.repeatCustomers,
    eventualShare: c.eventualShare,
    p50Days: c.p50Days,
    p80Days: c.p80Days,
    p90Days: c.p90Days,
    explanation,
  };
}
