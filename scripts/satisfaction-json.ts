/**
 * Satisfaction, referrals and returning vs new customers as the command line prints them
 * (`npm run analyze -- FILES --json`, issue #12 item 7): the `nps`, `referrals` and `returning`
 * sections, from the same core functions as the app (core/satisfaction, core/referrals,
 * core/returning). Figures only, no customer ids (the lists are counted, not listed). Rates,
 * shares, NPS and their bounds in percent; money in the file's currency; 6 significant digits.
 * Documented in README.md ("Command line").
 */
import type { DataKind } from '../src/core/schema/kinds.ts';
import type { Table } from '../src/core/table.ts';
import { isoToDay } from '../src/core/parse/date.ts';
import { buildCustomerTable } from '../src/core/customers/customer-table.ts';
import type { NpsFigure } from '../src/core/satisfaction/nps.ts';
import type { ScoreSummary } from '../src/core/satisfaction/score-summary.ts';
import { satisfactionReport, type SatisfactionReport } from '../src/core/satisfaction/satisfaction-report.ts';
import { referralReport, type ReferralReport } from '../src/core/referrals/referral-report.ts';
import { returningReport, type ReturningReport } from '../src/core/returning/returning-report.ts';
import type { Uplift } from '../src/core/returning/returning-uplift.ts';
import type { SpendGroup } from '../src/core/returning/returning-periods.ts';
import type { ChurnRateDifference } from '../src/core/churn/churn-rate-difference.ts';
import type { MeanComparison, SegmentRow } from '../src/core/segments/segment-compare.ts';
import type { AnalyzeFlags } from './analyze-args.ts';
import { attributeName } from './churn-json.ts';

const r6 = (x: number | null | undefined): number | null => (x === null || x === undefined || !Number.isFinite(x) ? null : Number(x.toPrecision(6)));

/** The referral-rate bands as the command line names them (core/referrals/referral-rate.ts). */
export const BAND_NAMES: readonly string[] = ['under 7', '7-15', '15-30', '30-50', '50+'];

type Nps = { nps: number | null; low: number | null; high: number | null };
const npsOf = (f: NpsFigure | null): Nps => ({ nps: r6(f?.nps), low: r6(f?.low), high: r6(f?.high) });
const figures = (s: ScoreSummary) => ({ answers: s.answers, ...npsOf(s.nps), csat: r6(s.csat?.share) });
const mean = (c: MeanComparison | null) => (c ? { mean: r6(c.mean), n: c.n, diff: r6(c.diff), low: r6(c.low), high: r6(c.high), q: r6(c.q), significant: c.q !== null && c.q < 0.05 } : null);
const churnDiff = (d: ChurnRateDifference | null) =>
  d ? { customers: d.customers, churned: d.churned, rate: r6(d.rate), otherCustomers: d.otherCustomers, otherChurned: d.otherChurned, otherRate: r6(d.otherRate), diff: r6(d.diff), low: r6(d.low), high: r6(d.high), p: r6(d.p) } : null;
const segment = (g: SegmentRow) => ({
  group: g.value.label,
  customers: g.customers,
  small: g.small,
  /** Customers of the group in the churn base (the churn rate's denominator). */
  churnBase: g.churnBase,
  churned: g.churned,
  churnRate: r6(g.churnRate),
  churnLow: r6(g.churnLow),
  churnHigh: r6(g.churnHigh),
  churnQ: r6(g.churnQ),
  period: g.period,
  crr: r6(g.crr),
  exact: r6(g.exact),
  medianLifetimeDays: g.medianLifetime,
  revenuePerCustomer: mean(g.revenuePerCustomer),
  aov: mean(g.aov),
  frequency: mean(g.frequency),
  survival: g.survival.map((p) => ({ t: p.t, survival: r6(p.survival), lower: r6(p.lower), upper: r6(p.upper) })),
});

/** The command line's `nps` object. O(periods + attributes x values). */
export function npsJson(r: SatisfactionReport, headers: Readonly<Record<string, string>>) {
  const o = r.overall;
  const g = r.npsGroups;
  return {
    rows: r.counts.rows,
    answers: r.counts.answers,
    withoutScore: r.counts.withoutScore,
    outOfScale: r.counts.outOfScale,
    undated: r.counts.undated,
    comments: r.counts.comments,
    respondents: r.counts.customers,
    scales: r.scales.sources.map((s) => ({ text: s.text, scale: s.scale, by: s.by, answers: s.answers })),
    ...npsOf(o.nps),
    promoters: o.nps?.promoters ?? 0,
    passives: o.nps?.passives ?? 0,
    detractors: o.nps?.detractors ?? 0,
    promoterShare: r6(o.nps?.promoterShare),
    passiveShare: r6(o.nps?.passiveShare),
    detractorShare: r6(o.nps?.detractorShare),
    interval: o.nps?.method ?? null,
    csat: o.csat ? { csat: r6(o.csat.share), low: r6(o.csat.low), high: r6(o.csat.high), answers: o.csat.answers, satisfied: o.csat.satisfied } : null,
    distribution: o.scales.map((s) => ({ scale: s.scale, answers: s.answers, mean: r6(s.mean), counts: s.counts, topBox: r6(s.satisfied.share), topBoxLow: r6(s.satisfied.low), topBoxHigh: r6(s.satisfied.high) })),
    responseRate: r.responseRate ? { rate: r6(r.responseRate.rate), low: r6(r.responseRate.low), high: r6(r.responseRate.high), answered: r.responseRate.answered, customers: r.responseRate.customers, outsideBase: r.responseRate.outsideBase } : null,
    trend: {
      period: r.trend.unit,
      periods: r.trend.periods.map((p) => ({ period: p.period, ...figures(p.summary) })),
      undated: r.trend.undated ? figures(r.trend.undated) : null,
    },
    touchpoints: r.touchpoints?.map((t) => ({ touchpoint: t.touchpoint, ...figures(t.summary) })) ?? null,
    attributes: r.attributes.map((a) => ({
      attribute: attributeName(a.key, headers),
      key: a.key,
      values: a.values.map((v) => ({ value: v.value.label, customers: v.customers, ...figures(v.summary) })),
    })),
    byGroup: g.comparison
      ? {
          source: g.comparison.source,
          logRank: g.comparison.logRank ? { chi2: r6(g.comparison.logRank.chi2), df: g.comparison.logRank.df, p: r6(g.comparison.logRank.p) } : null,
          detractorsVsPromoters: churnDiff(g.detractorsVsPromoters),
          groups: g.comparison.segments.map(segment),
        }
      : null,
    recentDetractors: {
      days: r.recentDetractors.days,
      asOf: r.recentDetractors.asOf,
      from: r.recentDetractors.from,
      answers: r.recentDetractors.rows.length,
      customers: r.recentDetractors.customers,
      withComment: r.recentDetractors.rows.filter((x) => x.comment !== null).length,
      undated: r.recentDetractors.undated,
    },
    notes: r.notes.map((n) => n.code),
  };
}

/** The command line's `referrals` object. O(periods + top referrers). */
export function referralsJson(r: ReferralReport) {
  const c = r.conversion;
  const cmp = r.referred.comparison;
  return {
    source: r.source,
    asOf: r.asOf,
    windowDays: r.windowDays,
    referrals: r.referrals,
    skipped: r.skipped,
    activeCustomers: r.rate.active,
    referrers: r.rate.referrers,
    anyReferrers: r.rate.anyReferrers,
    rate: r6(r.rate.rate),
    low: r6(r.rate.low),
    high: r6(r.rate.high),
    band: r.rate.band === null ? null : BAND_NAMES[r.rate.band],
    bandLow: r.rate.bandLow === null ? null : BAND_NAMES[r.rate.bandLow],
    bandHigh: r.rate.bandHigh === null ? null : BAND_NAMES[r.rate.bandHigh],
    bands: r.rate.bands,
    conversion: {
      referrals: c.referrals,
      converted: c.converted,
      rate: r6(c.rate),
      low: r6(c.low),
      high: r6(c.high),
      fromFile: c.fromFile,
      fromOrders: c.fromOrders,
      fromSubscriptions: c.fromSubscriptions,
      boughtBefore: c.boughtBefore,
      undated: c.undated,
      daysToFirstPurchase: { n: c.days.n, median: r6(c.days.median), p25: r6(c.days.p25), p75: r6(c.days.p75), mean: r6(c.days.mean), bins: c.days.bins },
      within: c.within.map((w) => ({ days: w.days, eligible: w.eligible, converted: w.converted, rate: r6(w.rate), low: r6(w.low), high: r6(w.high) })),
    },
    periods: { period: r.periods.unit, rows: r.periods.periods.map((p) => ({ period: p.period, referrals: p.referrals, converted: p.converted, firstPurchases: p.firstPurchases })), undated: r.periods.undated },
    referredVsOther: cmp
      ? {
          source: cmp.source,
          churnDiff: churnDiff(r.referred.referredVsOther),
          logRank: cmp.logRank ? { chi2: r6(cmp.logRank.chi2), df: cmp.logRank.df, p: r6(cmp.logRank.p) } : null,
          groups: cmp.segments.map(segment),
        }
      : null,
    topReferrers: r.topReferrers.map((t, i) => ({ rank: i + 1, referrals: t.referrals, converted: t.converted, referredRevenue: r6(t.referredRevenue) })),
    promotersToAsk: r.promotersToAsk ? { customers: r.promotersToAsk.length, active: r.promotersToAsk.filter((p) => p.active === true).length } : null,
  };
}

const group = (g: SpendGroup) => ({ customers: g.customers, revenue: r6(g.revenue), spendPerCustomer: r6(g.spendPerCustomer), orders: g.orders, aov: r6(g.aov) });
const uplift = (u: Uplift) => ({
  percentMore: r6(u.percentMore),
  low: r6(u.percentLow),
  high: r6(u.percentHigh),
  newMean: r6(u.new.mean),
  newCustomers: u.new.n,
  returningMean: r6(u.returning.mean),
  returningCustomers: u.returning.n,
  diff: r6(u.diff),
  diffLow: r6(u.low),
  diffHigh: r6(u.high),
  p: r6(u.p),
});

/** The command line's `returning` object. O(periods). */
export function returningJson(r: ReturningReport) {
  return {
    period: r.period,
    from: r.from,
    to: r.to,
    periods: r.periods.map((p) => ({
      period: p.period,
      complete: p.complete,
      new: group(p.new),
      returning: group(p.returning),
      spendDiff: p.spendDiff ? { diff: r6(p.spendDiff.diff), low: r6(p.spendDiff.low), high: r6(p.spendDiff.high), p: r6(p.spendDiff.p) } : null,
    })),
    completePeriods: r.uplift.periods,
    spendMore: uplift(r.uplift.spendPerCustomer),
    aovMore: uplift(r.uplift.aov),
  };
}

export type CliNps = ReturnType<typeof npsJson>;
export type CliReferrals = ReturnType<typeof referralsJson>;
export type CliReturning = ReturnType<typeof returningJson>;

/**
 * The three sections for the files' tables (`tableOf(kind)`), each present only when the files
 * carry what it needs: feedback with scores (`nps`), referrals or a referred_by column
 * (`referrals`), orders with amounts (`returning`). `windowDays` is the W the other sections use.
 */
export function playbookSections(tableOf: (kind: DataKind) => Table | undefined, headers: Readonly<Record<string, string>>, windowDays: number, flags: AnalyzeFlags): { nps?: CliNps; referrals?: CliReferrals; returning?: CliReturning } {
  const kinds: DataKind[] = ['orders', 'customers', 'subscriptions', 'churn', 'feedback', 'referrals'];
  const tables: Partial<Record<DataKind, Table>> = {};
  for (const k of kinds) {
    const t = tableOf(k);
    if (t) tables[k] = t;
  }
  const out: { nps?: CliNps; referrals?: CliReferrals; returning?: CliReturning } = {};
  const asOfDay = flags.to ? isoToDay(flags.to) : NaN;
  const common = {
    windowDays,
    ...(Number.isFinite(asOfDay) ? { asOf: asOfDay } : {}),
    ...(flags.period ? { period: flags.period } : {}),
    ...(flags.source ? { source: flags.source } : {}),
    ...(flags.from ? { from: flags.from } : {}),
    ...(flags.to ? { to: flags.to } : {}),
  };
  const hasCustomerTable = tables.feedback || tables.referrals || tables.customers;
  const customers = hasCustomerTable ? buildCustomerTable(tables) : null;
  if (tables.feedback?.columns.score?.type === 'num') out.nps = npsJson(satisfactionReport(tables, common, customers!), headers);
  const referrals = customers ? referralReport(tables, common, customers) : null;
  if (referrals) out.referrals = referralsJson(referrals);
  if (tables.orders?.columns.amount?.type === 'num' && tables.orders.length > 0) {
    out.returning = returningJson(returningReport(tables, { period: flags.period ?? 'month', ...(flags.from ? { from: flags.from } : {}), ...(flags.to ? { to: flags.to } : {}) }));
  }
  return out;
}
