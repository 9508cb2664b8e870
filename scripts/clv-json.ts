/**
 * The CLV report as the command line prints it (`npm run analyze -- FILES --json`, issue #11
 * item 7): figures only, no customer ids (those go to `--customers FILE.csv`). Dates ISO, time
 * in weeks, shares and rates as fractions (0.121 = 12.1 %). Model parameters are kept to full
 * precision; other figures to 6 significant digits. Documented in README.md ("Command line").
 */
import { dayToIso } from '../src/core/parse/date.ts';
import type { ClvReport } from '../src/core/clv/report.ts';
import type { ClvGuard } from '../src/core/clv/guard-rails.ts';
import { RFM_GROUPS } from '../src/core/clv/rfm.ts';
import { attributeName } from './churn-json.ts';

const r6 = (x: number | null | undefined): number | null => (x === null || x === undefined || !Number.isFinite(x) ? null : Number(x.toPrecision(6)));
const iso = (d: number | null): string | null => (d === null ? null : dayToIso(d));

export interface CliClv {
  calibrationEnd: string;
  holdoutEnd: string | null;
  unit: 'week';
  horizonMonths: number;
  discountYearly: number;
  margin: number;
  enoughData: boolean;
  guards: ClvGuard[];
  bgnbd: { r: number; alpha: number; a: number; b: number; logLik: number; converged: boolean; atBoundary: string[] } | null;
  gammaGamma: { p: number; q: number; gamma: number; logLik: number; converged: boolean } | null;
  /** Pareto/NBD, the second opinion when BG/NBD sees no dropout (small data only). */
  pnbd: { r: number; alpha: number; s: number; beta: number; logLik: number; converged: boolean; atBoundary: string[]; pAlive: number | null } | null;
  spendCorrelation: number | null;
  averages: { customers: number; clv: number | null; expectedPurchases: number | null; expectedSpend: number | null; pAlive: number | null; pAliveJudged: number; totalClv: number | null; historical: number | null };
  holdout: { weeks: number; actual: number; expected: number | null; forecastError: number | null; rows: { frequency: string; customers: number; actual: number | null; expected: number | null }[] } | null;
  historical: { total: number | null; average: number | null; customers: number; top20Share: number | null; top1Share: number | null; cohorts: { cohort: string; customers: number; average: number | null; curve: (number | null)[] }[] };
  simple: { months: number; from: string; to: string; arpu: number | null; atRisk: number; churned: number; churnRate: number | null; churnLow: number | null; churnHigh: number | null; clv: number | null; clvLow: number | null; clvHigh: number | null } | null;
  rfm: { group: string; customers: number; revenue: number | null }[];
  lists: { reorder: { customers: number; fromDays: number | null; toDays: number | null }; slipping: { customers: number; minRevenue: number | null }; anniversaries: { customers: number; days: number } };
  segments: { attribute: string; key: string; values: { value: string; customers: number; historical: number | null; clv: number | null }[] }[];
}

/** The command line's `clv` object. O(cohorts x months + segments). */
export function clvJson(r: ClvReport, headers: Readonly<Record<string, string>> = {}): CliClv {
  const bg = r.bgnbd;
  const gg = r.gammaGamma;
  const h = r.holdout;
  const s = r.simple;
  return {
    calibrationEnd: dayToIso(r.params.calibrationEnd),
    holdoutEnd: iso(r.params.holdoutEnd),
    unit: r.unit,
    horizonMonths: r.params.horizonMonths,
    discountYearly: r.params.discountYearly,
    margin: r.params.margin,
    enoughData: r.enoughData,
    guards: r.guards,
    bgnbd: bg ? { r: bg.r, alpha: bg.alpha, a: bg.a, b: bg.b, logLik: bg.logLik, converged: bg.converged, atBoundary: bg.atBoundary } : null,
    gammaGamma: gg ? { p: gg.p, q: gg.q, gamma: gg.gamma, logLik: gg.logLik, converged: gg.converged } : null,
    pnbd: r.pnbd ? { r: r.pnbd.r, alpha: r.pnbd.alpha, s: r.pnbd.s, beta: r.pnbd.beta, logLik: r.pnbd.logLik, converged: r.pnbd.converged, atBoundary: r.pnbd.atBoundary, pAlive: r6(r.pnbd.pAlive) } : null,
    spendCorrelation: r6(r.spendCorrelation),
    averages: {
      customers: r.averages.customers,
      clv: r6(r.averages.clv),
      expectedPurchases: r6(r.averages.expectedPurchases),
      expectedSpend: r6(r.averages.expectedSpend),
      pAlive: r6(r.averages.pAlive),
      pAliveJudged: r.averages.pAliveJudged,
      totalClv: r6(r.averages.totalClv),
      historical: r6(r.averages.historical),
    },
    holdout: h
      ? {
          weeks: h.weeks,
          actual: h.actualTotal,
          expected: r6(h.expectedTotal),
          forecastError: r6(h.forecastError),
          rows: h.rows.map((x) => ({ frequency: x.label, customers: x.customers, actual: r6(x.actual), expected: r6(x.expected) })),
        }
      : null,
    historical: {
      total: r6(r.historical.total),
      average: r6(r.historical.average),
      customers: r.historical.customers,
      top20Share: r6(r.historical.top20Share),
      top1Share: r6(r.historical.top1Share),
      cohorts: r.historical.cohorts.map((c) => ({ cohort: c.cohort, customers: c.customers, average: r6(c.average), curve: Array.from(c.curve, r6) })),
    },
    simple: s
      ? { months: s.months, from: dayToIso(s.from), to: dayToIso(s.to), arpu: r6(s.arpu), atRisk: s.atRisk, churned: s.churned, churnRate: r6(s.churnRate), churnLow: r6(s.churnLow), churnHigh: r6(s.churnHigh), clv: r6(s.clv), clvLow: r6(s.clvLow), clvHigh: r6(s.clvHigh) }
      : null,
    rfm: r.rfm.groups.map((g) => ({ group: g.group, customers: g.customers, revenue: r6(g.revenue) })),
    lists: {
      reorder: { customers: r.lists.reorder.length, fromDays: r.lists.reorderFromDays, toDays: r.lists.reorderToDays },
      slipping: { customers: r.lists.slipping.length, minRevenue: r6(r.lists.highValueRevenue) },
      anniversaries: { customers: r.lists.anniversaries.length, days: 30 },
    },
    segments: r.segments.map((g) => ({
      attribute: attributeName(g.key, headers),
      key: g.key,
      values: g.values.map((v) => ({ value: v.value.label, customers: v.customers, historical: r6(v.historical), clv: r6(v.clv) })),
    })),
  };
}

const num = (x: number, digits = 6): string => (Number.isFinite(x) ? String(Number(x.toFixed(digits))) : '');
/** A CSV cell: quoted when it must be, and formula-safe (RELIABILITY.md 3.4: a leading = + - @ gets a '). */
function cell(v: string): string {
  const safe = /^[=+\-@\t\r]/u.test(v) && !/^-?\d/u.test(v) ? `'${v}` : v;
  return /[",\n\r]/u.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The per-customer values of `--customers FILE.csv`: id, x, t_x, T (weeks), P(alive) (empty:
 * cannot judge), expected purchases and spend, CLV over the horizon, historical value, RFM
 * scores and group. Customers of the orders file, in its order. O(customers).
 */
export function clvCustomersCsv(r: ClvReport): string {
  const p = r.perCustomer;
  const lines = ['customer_id,x,t_x,T,p_alive,expected_purchases,expected_spend,clv,historical_value,rfm,rfm_group'];
  for (let k = 0; k < p.ids.length; k++) {
    const modelled = p.modelled[k] === 1;
    const rfm = p.rfmGroup[k] === 255 ? '' : `${p.rfmR[k]}${p.rfmF[k]}${p.rfmM[k]}`;
    lines.push(
      [
        cell(p.ids[k]),
        modelled ? String(p.x[k]) : '',
        modelled ? num(p.tx[k], 4) : '',
        modelled ? num(p.T[k], 4) : '',
        num(p.pAlive[k]),
        num(p.expectedPurchases[k]),
        num(p.expectedSpend[k], 4),
        num(p.clv[k], 4),
        num(p.historical[k], 4),
        rfm,
        p.rfmGroup[k] === 255 ? '' : RFM_GROUPS[p.rfmGroup[k]],
      ].join(','),
    );
  }
  return lines.join('\n') + '\n';
}
