/**
 * The churn audit and the segment comparison as the command line prints them (`npm run analyze
 * -- FILES --json`, issue #10 item 7): figures only, no customer ids. Rates, shares and bounds
 * in percent; `attribute` is the column name as written in the file (derived attributes have an
 * English name). Documented in README.md ("Command line").
 */
import type { ChurnAudit } from '../src/core/churn/audit.ts';
import type { GroupValue } from '../src/core/customers/customer-groups.ts';
import type { MeanComparison, SegmentComparison } from '../src/core/segments/segment-compare.ts';
import { findingSentence } from './cli-text.ts';

/** English names of the derived attributes. */
export const DERIVED_NAMES: Readonly<Record<string, string>> = {
  'derived:cohort': 'acquisition cohort',
  'derived:first-channel': 'first order channel',
  'derived:first-product': 'first product',
  'derived:aov': 'average order value',
  'derived:referred': 'referred',
  'derived:nps': 'NPS group',
};

/** The name of an attribute key as the user knows it: the header, or the derived name. */
export function attributeName(key: string, headers: Readonly<Record<string, string>>): string {
  return headers[key] ?? DERIVED_NAMES[key] ?? (key.startsWith('attr:') ? key.slice(5) : key);
}

const r4 = (x: number | null): number | null => (x === null || !Number.isFinite(x) ? null : Number(x.toPrecision(6)));
const valueOf = (v: GroupValue) => v.label;

export interface CliChurnAudit {
  source: ChurnAudit['source'];
  asOf: string | null;
  windowDays: number | null;
  customers: number;
  churned: number;
  churnRate: number | null;
  churnLow: number | null;
  churnHigh: number | null;
  /** Share of churned customers with no reason recorded (percent), and their count. */
  noReason: number | null;
  noReasonCount: number;
  valueBasis: ChurnAudit['valueBasis'];
  reasons: { reason: string; count: number; share: number | null; low: number | null; high: number | null; avoidable: boolean | null; valueLost: number | null; texts: { text: string; count: number }[] }[];
  attributes: { attribute: string; key: string; chi2: number | null; df: number | null; p: number | null; values: { value: string; customers: number; churned: number; rate: number | null; low: number | null; high: number | null; lift: number | null; p: number | null; q: number | null; small: boolean; significant: boolean }[] }[];
  findings: string[];
  idealBasis: 'revenue' | 'tenure' | null;
  idealProfile: { attribute: string; value: string; loyal: number; customers: number; share: number | null; baseShare: number | null; ratio: number | null; low: number | null; high: number | null; q: number | null; significant: boolean; small: boolean }[];
}

/** The command line's `churnAudit` object. O(attributes x values). */
export function churnJson(a: ChurnAudit, headers: Readonly<Record<string, string>>): CliChurnAudit {
  return {
    source: a.source,
    asOf: a.asOf,
    windowDays: a.windowDays,
    customers: a.customers,
    churned: a.churned,
    churnRate: r4(a.churnRate),
    churnLow: r4(a.churnLow),
    churnHigh: r4(a.churnHigh),
    noReason: r4(a.noReason.share),
    noReasonCount: a.noReason.count,
    valueBasis: a.valueBasis,
    reasons: a.reasons.map((r) => ({
      reason: r.category,
      count: r.count,
      share: r4(r.share),
      low: r4(r.low),
      high: r4(r.high),
      avoidable: r.avoidable,
      valueLost: a.valueBasis === null ? null : r4(r.valueLost),
      texts: r.reasons.map((t) => ({ text: t.label, count: t.count })),
    })),
    attributes: a.attributes.map((x) => ({
      attribute: attributeName(x.key, headers),
      key: x.key,
      chi2: r4(x.chi2),
      df: x.df,
      p: r4(x.p),
      values: x.values.map((v) => ({ value: valueOf(v.value), customers: v.customers, churned: v.churned, rate: r4(v.rate), low: r4(v.low), high: r4(v.high), lift: r4(v.lift), p: r4(v.p), q: r4(v.q), small: v.small, significant: v.significant })),
    })),
    findings: a.findings.map((f) => findingSentence(f, attributeName(f.key, headers))),
    idealBasis: a.ideal?.basis ?? null,
    idealProfile: (a.ideal?.rows ?? []).map((r) => ({
      attribute: attributeName(r.key, headers),
      value: valueOf(r.value),
      loyal: r.loyal,
      customers: r.customers,
      share: r4(r.share),
      baseShare: r4(r.baseShare),
      ratio: r4(r.ratio),
      low: r4(r.low),
      high: r4(r.high),
      q: r4(r.q),
      significant: r.significant,
      small: r.small,
    })),
  };
}

const mean = (c: MeanComparison | null) => (c ? { mean: r4(c.mean), n: c.n, diff: r4(c.diff), low: r4(c.low), high: r4(c.high), q: r4(c.q), significant: c.q !== null && c.q < 0.05 } : null);

/** The command line's `segments` object (without the survival and cohort curves' full tables: their points are kept). */
export function segmentsJson(s: SegmentComparison, headers: Readonly<Record<string, string>>) {
  return {
    attribute: attributeName(s.key, headers),
    key: s.key,
    source: s.source,
    logRank: s.logRank ? { chi2: r4(s.logRank.chi2), df: s.logRank.df, p: r4(s.logRank.p) } : null,
    segments: s.segments.map((g) => ({
      value: valueOf(g.value),
      customers: g.customers,
      small: g.small,
      churnBase: g.churnBase,
      churned: g.churned,
      churnRate: r4(g.churnRate),
      churnLow: r4(g.churnLow),
      churnHigh: r4(g.churnHigh),
      churnQ: r4(g.churnQ),
      churnSignificant: g.churnQ !== null && g.churnQ < 0.05,
      period: g.period,
      crr: r4(g.crr),
      exact: r4(g.exact),
      medianLifetimeDays: g.medianLifetime,
      aov: mean(g.aov),
      frequency: mean(g.frequency),
      revenuePerCustomer: mean(g.revenuePerCustomer),
      nps: r4(g.nps),
      npsAnswers: g.npsAnswers,
      periods: g.periods.map((p) => ({ period: p.period, complete: p.complete, S: p.S, crr: r4(p.crr), exact: r4(p.exact), churnRate: r4(p.churnRate) })),
      cohortCurve: g.cohortCurve.map(r4),
      survival: g.survival.map((p) => ({ t: p.t, survival: r4(p.survival) })),
    })),
  };
}
