/**
 * Receipts of the satisfaction and referral pages (issue #12 item 5): every figure explains
 * itself in the receipt dialog (ui/retention/ReceiptDialog.svelte) — the formula, the same with
 * the numbers put in, the inputs, and the rules that chose the answers or customers. Definitions
 * as in docs/metrics.md section 13.
 */
import { formatDay, formatMoney, formatNumber } from './format.ts';
import { i18n, t } from './i18n/i18n.svelte.ts';
import { isoToDay } from './retention-receipts.ts';
import type { Receipt, ReceiptFact } from './receipt.ts';
import type { ChurnRateDifference, ClvReport, NpsFigure, ReferralReport, ResponseRate, ShareFigure, Uplift } from './types.ts';
import { intervalText, pEquals, pct } from './churn-text.ts';
import { bandVerdict, npsInterval, npsValue, points, signed, signedPct } from './satisfaction-text.ts';

const num = (n: number, locale: string) => formatNumber(n, locale, 0);

/** The NPS of a set of answers ("all answers", one period, one touchpoint, one segment). */
export function npsReceipt(n: NpsFigure, scope: string, locale: string, fileBase: string, extraRules: readonly string[] = []): Receipt {
  return {
    key: 'nps',
    title: t('sat.receipt.npsTitle', { scope }),
    value: npsValue(n.nps, locale, 2),
    formula: t('sat.formula.nps'),
    computation: `${num(n.promoters, locale)} / ${num(n.answers, locale)} × 100 − ${num(n.detractors, locale)} / ${num(n.answers, locale)} × 100 = ${formatNumber(n.promoterShare, locale, 2)} − ${formatNumber(n.detractorShare, locale, 2)} = ${npsValue(n.nps, locale, 2)}`,
    facts: [],
    inputs: [
      { id: 'promoters', label: t('sat.group.promoters'), value: num(n.promoters, locale) },
      { id: 'passives', label: t('sat.group.passives'), value: num(n.passives, locale) },
      { id: 'detractors', label: t('sat.group.detractors'), value: num(n.detractors, locale) },
      { id: 'answers', label: t('sat.sym.answers'), value: num(n.answers, locale) },
      { id: 'interval', label: t('sat.sym.interval'), value: npsInterval(n.low, n.high, locale, 2) },
    ],
    rules: [t('sat.rule.npsScale'), t('sat.rule.everyAnswer'), t(n.method === 'wald' ? 'sat.rule.wald' : 'sat.rule.adjustedWald'), ...extraRules],
    notes: [],
    groups: [],
    fileBase: `${fileBase}-nps`,
  };
}

/** CSAT: the share of 4 and 5 answers on the 1-5 scale. */
export function csatReceipt(c: ShareFigure, scope: string, locale: string, fileBase: string): Receipt {
  return {
    key: 'csat',
    title: t('sat.receipt.csatTitle', { scope }),
    value: pct(c.share, locale),
    formula: t('sat.formula.csat'),
    computation: `${num(c.satisfied, locale)} / ${num(c.answers, locale)} × 100 = ${pct(c.share, locale, 2)}`,
    facts: [],
    inputs: [
      { id: 'satisfied', label: t('sat.sym.satisfied'), value: num(c.satisfied, locale) },
      { id: 'answers', label: t('sat.sym.csatAnswers'), value: num(c.answers, locale) },
      { id: 'interval', label: t('sat.sym.interval'), value: intervalText(c.low, c.high, locale) },
    ],
    rules: [t('sat.rule.csatScale'), t('sat.rule.everyAnswer'), t('churn.formula.wilson')],
    notes: [],
    groups: [],
    fileBase: `${fileBase}-csat`,
  };
}

/** Customers who answered / customers the workspace knows. */
export function responseRateReceipt(r: ResponseRate, locale: string, fileBase: string): Receipt {
  return {
    key: 'response-rate',
    title: t('sat.kpi.responseRate'),
    value: pct(r.rate, locale),
    formula: t('sat.formula.responseRate'),
    computation: `${num(r.answered, locale)} / ${num(r.customers, locale)} × 100 = ${pct(r.rate, locale, 2)}`,
    facts: r.outsideBase > 0 ? [{ id: 'outside', label: t('sat.sym.outsideBase'), value: num(r.outsideBase, locale) }] : [],
    inputs: [
      { id: 'answered', label: t('sat.sym.answered'), value: num(r.answered, locale) },
      { id: 'customers', label: t('sat.sym.baseCustomers'), value: num(r.customers, locale) },
      { id: 'interval', label: t('sat.sym.interval'), value: intervalText(r.low, r.high, locale) },
    ],
    rules: [t('sat.rule.responseBase'), t('sat.rule.responseAnswered'), t('churn.formula.wilson')],
    notes: [t('sat.receipt.responseNote')],
    groups: [],
    fileBase: `${fileBase}-response-rate`,
  };
}

/** Group A's churn rate minus group B's, in points (detractors vs promoters, referred vs other). */
export function churnDiffReceipt(
  d: ChurnRateDifference,
  names: { key: string; title: string; a: string; b: string; rule: string },
  locale: string,
  fileBase: string,
): Receipt {
  return {
    key: names.key,
    title: names.title,
    value: points(i18n.locale, d.diff, locale),
    formula: t('sat.formula.churnDiff', { a: names.a, b: names.b }),
    computation: `${num(d.churned, locale)} / ${num(d.customers, locale)} − ${num(d.otherChurned, locale)} / ${num(d.otherCustomers, locale)} = ${pct(d.rate, locale, 2)} − ${pct(d.otherRate, locale, 2)} = ${points(i18n.locale, d.diff, locale)}`,
    facts: [],
    inputs: [
      { id: 'churnedA', label: t('sat.sym.churnedOf', { group: names.a }), value: `${num(d.churned, locale)} / ${num(d.customers, locale)}` },
      { id: 'churnedB', label: t('sat.sym.churnedOf', { group: names.b }), value: `${num(d.otherChurned, locale)} / ${num(d.otherCustomers, locale)}` },
      { id: 'interval', label: t('sat.sym.diffInterval'), value: `${signed(d.low, locale)} – ${signed(d.high, locale)}` },
      { id: 'p', label: t('churn.sym.p'), value: pEquals('p', d.p, locale) },
    ],
    rules: [names.rule, t('sat.rule.churnBase'), t('sat.rule.newcombe'), t('churn.formula.zTest'), t('sat.rule.association')],
    notes: [],
    groups: [],
    fileBase: `${fileBase}-${names.key}`,
  };
}

function asOfFact(asOf: string, locale: string): ReceiptFact[] {
  const day = isoToDay(asOf);
  return day === null ? [] : [{ id: 'asOf', label: t('churn.receipt.asOf'), value: formatDay(day, locale) }];
}

/** Share of active customers who referred at least one customer who bought. */
export function referralRateReceipt(r: ReferralReport, locale: string, fileBase: string): Receipt {
  const x = r.rate;
  return {
    key: 'referral-rate',
    title: t('ref.kpi.rate'),
    value: pct(x.rate, locale),
    formula: t('ref.formula.rate'),
    computation: `${num(x.referrers, locale)} / ${num(x.active, locale)} × 100 = ${pct(x.rate, locale, 2)}`,
    facts: [...asOfFact(r.asOf, locale), { id: 'window', label: t('ref.sym.window'), value: t('retention.unit.days', { count: r.windowDays }) }],
    inputs: [
      { id: 'referrers', label: t('ref.sym.referrers'), value: num(x.referrers, locale) },
      { id: 'active', label: t('ref.sym.active'), value: num(x.active, locale) },
      { id: 'interval', label: t('sat.sym.interval'), value: intervalText(x.low, x.high, locale) },
      { id: 'any', label: t('ref.sym.anyReferrers'), value: num(x.anyReferrers, locale) },
    ],
    rules: [t('ref.rule.active'), t('ref.rule.bought'), t('churn.formula.wilson'), t('ref.rule.bands')],
    notes: [bandVerdict(i18n.locale, x, locale)],
    groups: [],
    fileBase: `${fileBase}-referral-rate`,
  };
}

/** Referred people who bought / referrals made, with the within-30/90-days rates. */
export function conversionReceipt(r: ReferralReport, locale: string, fileBase: string): Receipt {
  const c = r.conversion;
  return {
    key: 'conversion',
    title: t('ref.kpi.conversion'),
    value: pct(c.rate, locale),
    formula: t('ref.formula.conversion'),
    computation: `${num(c.converted, locale)} / ${num(c.referrals, locale)} × 100 = ${pct(c.rate, locale, 2)}`,
    facts: asOfFact(r.asOf, locale),
    inputs: [
      { id: 'converted', label: t('ref.sym.converted'), value: num(c.converted, locale) },
      { id: 'referrals', label: t('ref.sym.referrals'), value: num(c.referrals, locale) },
      { id: 'interval', label: t('sat.sym.interval'), value: intervalText(c.low, c.high, locale) },
      { id: 'fromFile', label: t('ref.sym.fromFile'), value: num(c.fromFile, locale) },
      { id: 'fromOrders', label: t('ref.sym.fromOrders'), value: num(c.fromOrders, locale) },
      { id: 'fromSubscriptions', label: t('ref.sym.fromSubscriptions'), value: num(c.fromSubscriptions, locale) },
      ...c.within.map((w) => ({ id: `within${w.days}`, label: t('ref.sym.within', { days: t('retention.unit.days', { count: w.days }) }), value: `${num(w.converted, locale)} / ${num(w.eligible, locale)} = ${pct(w.rate, locale)}` })),
    ],
    rules: [t('ref.rule.firstPurchase'), t('ref.rule.once'), t('ref.rule.within'), t('churn.formula.wilson')],
    notes: [],
    groups: [],
    fileBase: `${fileBase}-conversion`,
  };
}

/** Days from the referral to the first purchase: median and quartiles. */
export function timeReceipt(r: ReferralReport, locale: string, fileBase: string): Receipt {
  const d = r.conversion.days;
  const days = (x: number | null) => (x === null ? '—' : t('retention.unit.days', { count: Math.round(x * 10) / 10 }));
  return {
    key: 'time-to-purchase',
    title: t('ref.kpi.time'),
    value: days(d.median),
    formula: t('ref.formula.time'),
    computation: t('ref.computation.time', { n: num(d.n, locale), p25: days(d.p25), median: days(d.median), p75: days(d.p75) }),
    facts: asOfFact(r.asOf, locale),
    inputs: [
      { id: 'n', label: t('ref.sym.timed'), value: num(d.n, locale) },
      { id: 'mean', label: t('ref.sym.mean'), value: days(d.mean === null ? null : Math.round(d.mean * 10) / 10) },
      { id: 'boughtBefore', label: t('ref.sym.boughtBefore'), value: num(r.conversion.boughtBefore, locale) },
      { id: 'undated', label: t('ref.sym.undated'), value: num(r.conversion.undated, locale) },
    ],
    rules: [t('ref.rule.timed'), t('ref.rule.quantiles')],
    notes: [],
    groups: [],
    fileBase: `${fileBase}-time-to-purchase`,
  };
}

/** "Returning customers spend x % more": the ratio of the per-customer means, with its delta-method interval. */
export function upliftReceipt(u: Uplift, kind: 'spend' | 'aov', periods: number, currency: string, locale: string, fileBase: string): Receipt {
  const money = (x: number | null) => formatMoney(x, currency, locale);
  const signedMoney = (x: number | null) => (x === null ? '—' : `${x > 0 ? '+' : x < 0 ? '−' : ''}${money(Math.abs(x))}`);
  return {
    key: `uplift-${kind}`,
    title: t(kind === 'spend' ? 'ret.kpi.spend' : 'ret.kpi.aov'),
    value: signedPct(u.percentMore, locale),
    formula: t(kind === 'spend' ? 'ret.formula.spend' : 'ret.formula.aov'),
    computation: u.percentMore === null ? '—' : `(${money(u.returning.mean)} / ${money(u.new.mean)} − 1) × 100 = ${signedPct(u.percentMore, locale, 2)}`,
    facts: [{ id: 'periods', label: t('ret.sym.periods'), value: num(periods, locale) }],
    inputs: [
      { id: 'returning', label: t('ret.sym.returning'), value: `${money(u.returning.mean)} (n = ${num(u.returning.n, locale)})` },
      { id: 'new', label: t('ret.sym.new'), value: `${money(u.new.mean)} (n = ${num(u.new.n, locale)})` },
      { id: 'interval', label: t('sat.sym.interval'), value: u.percentLow === null ? '—' : `${signedPct(u.percentLow, locale)} – ${signedPct(u.percentHigh, locale)}` },
      { id: 'diff', label: t('ret.sym.diff'), value: u.diff === null ? '—' : `${signedMoney(u.diff)} (${signedMoney(u.low)} – ${signedMoney(u.high)}), ${pEquals('p', u.p, locale)}` },
    ],
    rules: [t(kind === 'spend' ? 'ret.rule.spend' : 'ret.rule.aov'), t('ret.rule.new'), t('ret.rule.complete'), t('ret.rule.interval')],
    notes: [t('ret.receipt.note')],
    groups: [],
    fileBase: `${fileBase}-uplift-${kind}`,
  };
}

/** CLV by NPS group: the means of the CLV report's per-customer values over each group. */
export function clvByNpsReceipt(params: ClvReport['params'], enoughData: boolean, locale: string, fileBase: string): Receipt {
  const months = t('sat.clv.months', { count: params.horizonMonths });
  return {
    key: 'clv-by-nps',
    title: t('sat.clv.title'),
    value: months,
    formula: t('sat.formula.clvGroup'),
    computation: t('sat.computation.clvGroup', { months, discount: pct(params.discountYearly * 100, locale, 1), margin: pct(params.margin * 100, locale, 1) }),
    facts: [
      { id: 'horizon', label: t('sat.sym.horizon'), value: months },
      { id: 'discount', label: t('sat.sym.discount'), value: pct(params.discountYearly * 100, locale, 1) },
      { id: 'margin', label: t('sat.sym.margin'), value: pct(params.margin * 100, locale, 1) },
      { id: 'calibrationEnd', label: t('sat.sym.calibrationEnd'), value: formatDay(params.calibrationEnd, locale) },
    ],
    inputs: [],
    rules: [t('sat.rule.latestAnswer'), t('sat.rule.clvCustomers'), t('sat.rule.clvHistorical'), t(enoughData ? 'sat.rule.clvPredicted' : 'sat.rule.clvNotFitted')],
    notes: [t('sat.receipt.clvNote')],
    groups: [],
    fileBase: `${fileBase}-clv-by-nps`,
  };
}
