/**
 * Receipts of the CLV page (issue #11 item 6, "receipts for every figure as in the retention
 * issue"): the formula, the same with the numbers put in, the inputs, the assumptions, and the
 * customers behind the figure where there is a list, shown by ui/retention/ReceiptDialog.svelte.
 */
import { formatDay, formatMoney, formatNumber, formatPercent } from './format.ts';
import { i18n, t } from './i18n/i18n.svelte.ts';
import { horizonText } from './clv-text.ts';
import type { Receipt, ReceiptFact } from './receipt.ts';
import type { ClvReport } from './types.ts';
import { analytics } from './analytics-client.ts';

export interface ReceiptContext {
  readonly locale: string;
  readonly currency: string;
  readonly fileBase: string;
}

const finite = (x: number): boolean => x === x && x !== Infinity && x !== -Infinity;

function facts(r: ClvReport, c: ReceiptContext): ReceiptFact[] {
  const out: ReceiptFact[] = [
    { id: 'lastDay', label: t('clv.receipt.lastDay'), value: formatDay(r.params.lastDay, c.locale) },
    { id: 'margin', label: t('clv.receipt.margin'), value: formatPercent(r.params.margin, c.locale, 1) },
  ];
  if (r.params.holdoutEnd !== null) out.push({ id: 'calibrationEnd', label: t('clv.receipt.calibrationEnd'), value: formatDay(r.params.calibrationEnd, c.locale) });
  return out;
}

const money = (x: number | null, c: ReceiptContext) => formatMoney(x, c.currency, c.locale);
const num = (x: number | null, c: ReceiptContext, digits = 0) => formatNumber(x, c.locale, digits);

/** Σ of the finite revenues to date, and their count. */
function revenueTotals(r: ClvReport): { sum: number; n: number; sorted: number[] } {
  const values: number[] = [];
  for (const v of r.perCustomer.revenue) if (finite(v)) values.push(v);
  values.sort((a, b) => b - a);
  let sum = 0;
  for (const v of values) sum += v;
  return { sum, n: values.length, sorted: values };
}

/** The average historical value: revenue to date x margin per customer with a purchase. */
export function historicalReceipt(r: ClvReport, c: ReceiptContext): Receipt {
  const { sum, n } = revenueTotals(r);
  const avg = r.historical.average;
  return {
    key: 'historical',
    title: t('clv.kpi.historical'),
    value: money(avg, c),
    formula: t('clv.formula.historical'),
    computation: `${money(sum, c)} × ${formatPercent(r.params.margin, c.locale, 1)} / ${num(n, c)} = ${money(avg, c)}`,
    facts: facts(r, c),
    inputs: [
      { id: 'revenue', label: t('clv.sym.revenue'), value: money(sum, c) },
      { id: 'margin-input', label: t('clv.sym.margin'), value: formatPercent(r.params.margin, c.locale, 1) },
      { id: 'customers', label: t('clv.sym.customers'), value: num(n, c) },
    ],
    rules: [t('clv.rule.revenue'), t('clv.rule.margin')],
    notes: [],
    groups: [],
    fileBase: `${c.fileBase}-historical`,
  };
}

/** The average predicted CLV (BG/NBD + Gamma-Gamma, discounted over the horizon). */
export function predictiveReceipt(r: ClvReport, c: ReceiptContext): Receipt {
  const p = r.perCustomer;
  let n = 0;
  for (let k = 0; k < p.clv.length; k++) if (p.modelled[k] && finite(p.clv[k])) n++;
  const bg = r.bgnbd;
  const gg = r.gammaGamma;
  const inputs: ReceiptFact[] = [];
  if (bg) {
    inputs.push({ id: 'r', label: 'r', value: num(bg.r, c, 4) }, { id: 'alpha', label: 'α', value: num(bg.alpha, c, 4) }, { id: 'a', label: 'a', value: num(bg.a, c, 4) }, { id: 'b', label: 'b', value: num(bg.b, c, 4) });
  }
  if (gg) inputs.push({ id: 'p', label: 'p', value: num(gg.p, c, 4) }, { id: 'q', label: 'q', value: num(gg.q, c, 4) }, { id: 'gamma', label: 'γ', value: num(gg.gamma, c, 4) });
  inputs.push(
    { id: 'horizon', label: t('clv.sym.horizon'), value: t('clv.unit.months', { count: r.params.horizonMonths }) },
    { id: 'discount', label: t('clv.sym.discount'), value: `${formatPercent(r.params.discountYearly, c.locale, 2)} → ${formatPercent(r.params.monthlyDiscount, c.locale, 3)}` },
    { id: 'purchases', label: t('clv.sym.expectedPurchases'), value: num(r.averages.expectedPurchases, c, 2) },
    { id: 'spend', label: t('clv.sym.expectedSpend'), value: money(r.averages.expectedSpend, c) },
    { id: 'customers', label: t('clv.sym.modelled'), value: num(n, c) },
  );
  return {
    key: 'predictive',
    title: t('clv.kpi.predictive'),
    value: money(r.averages.clv, c),
    formula: t('clv.formula.predictive'),
    computation: `${money(r.averages.totalClv, c)} / ${num(n, c)} = ${money(r.averages.clv, c)}`,
    facts: [...facts(r, c), { id: 'horizonText', label: t('clv.receipt.horizon'), value: horizonText(i18n.locale, c.locale, r.params.horizonMonths, r.params.discountYearly) }],
    inputs,
    rules: [t('clv.rule.purchaseDays'), t('clv.rule.weeks'), t('clv.rule.monthly'), t('clv.rule.oneTimeSpend'), t('clv.rule.margin')],
    notes: r.holdout ? [t('clv.receipt.holdoutNote')] : [],
    groups: [],
    fileBase: `${c.fileBase}-predictive`,
  };
}

/** Simple subscription CLV: ARPU x margin / monthly churn, with the churn rate's interval carried through. */
export function simpleReceipt(r: ClvReport, c: ReceiptContext): Receipt | null {
  const s = r.simple;
  if (!s) return null;
  const pct = (x: number | null) => formatPercent(x, c.locale, 2);
  const value = s.clv === null ? t('retention.na') : money(s.clv, c);
  const computation =
    s.clv === null
      ? `${money(s.arpu, c)} × ${formatPercent(r.params.margin, c.locale, 1)} / ${pct(s.churnRate)} = ${t('retention.na')}`
      : `${money(s.arpu, c)} × ${formatPercent(r.params.margin, c.locale, 1)} / ${pct(s.churnRate)} = ${money(s.clv, c)}`;
  return {
    key: 'simple',
    title: t('clv.kpi.simple'),
    value,
    formula: t('clv.formula.simple'),
    computation,
    facts: [...facts(r, c), { id: 'window', label: t('clv.receipt.window'), value: `${formatDay(s.from, c.locale)} – ${formatDay(s.to - 1, c.locale)}` }],
    inputs: [
      { id: 'arpu', label: t('clv.sym.arpu'), value: money(s.arpu, c) },
      { id: 'churned', label: t('clv.sym.churned'), value: num(s.churned, c) },
      { id: 'atRisk', label: t('clv.sym.atRisk'), value: num(s.atRisk, c) },
      { id: 'churn', label: t('clv.sym.churn'), value: `${pct(s.churnRate)} (95 %: ${pct(s.churnLow)} – ${pct(s.churnHigh)})` },
      { id: 'interval', label: t('clv.sym.interval'), value: `${money(s.clvLow, c)} – ${s.clvHigh === null ? t('clv.simple.noUpper') : money(s.clvHigh, c)}` },
    ],
    rules: [t('clv.rule.simpleWindow', { months: t('clv.unit.months', { count: s.months }) }), t('clv.rule.simpleChurn'), t('clv.rule.simpleInterval')],
    notes: s.clv === null ? [t('clv.simple.naNote')] : [t('clv.simple.note')],
    groups: [],
    fileBase: `${c.fileBase}-simple`,
  };
}

/** Share of revenue from the top `share` of customers by revenue (0.2 or 0.01), with those customers. */
export function paretoReceipt(r: ClvReport, share: 0.2 | 0.01, c: ReceiptContext): Receipt {
  const { sum, n } = revenueTotals(r);
  const top = n > 0 ? Math.max(1, Math.ceil(share * n)) : 0;
  const order = Array.from(r.perCustomer.revenue.keys())
    .filter((k) => finite(r.perCustomer.revenue[k]))
    .sort((a, b) => r.perCustomer.revenue[b] - r.perCustomer.revenue[a]);
  let topSum = 0;
  for (let i = 0; i < top; i++) topSum += r.perCustomer.revenue[order[i]];
  const value = share === 0.2 ? r.historical.top20Share : r.historical.top1Share;
  const label = formatPercent(share, c.locale, 0);
  return {
    key: share === 0.2 ? 'top20' : 'top1',
    title: t('clv.kpi.paretoOf', { share: label }),
    value: formatPercent(value, c.locale, 1),
    formula: t('clv.formula.pareto', { share: label }),
    computation: `${money(topSum, c)} / ${money(sum, c)} = ${formatPercent(value, c.locale, 1)}`,
    facts: facts(r, c),
    inputs: [
      { id: 'top', label: t('clv.sym.topCustomers', { share: label }), value: `${num(top, c)} / ${num(n, c)}` },
      { id: 'topRevenue', label: t('clv.sym.topRevenue'), value: money(topSum, c) },
      { id: 'revenue', label: t('clv.sym.revenue'), value: money(sum, c) },
    ],
    rules: [t('clv.rule.revenue'), t('clv.rule.paretoCount')],
    notes: [],
    // The ids stay in the worker until the receipt lists them.
    groups: [{ label: t('clv.sym.topCustomers', { share: label }), code: share === 0.2 ? 'top-20' : 'top-1', ids: [], count: top, load: () => analytics.clvIds({ report: r.request, customers: order.slice(0, top) }) }],
    fileBase: `${c.fileBase}-top-${share === 0.2 ? 20 : 1}`,
  };
}

/** Mean P(alive) over the customers it can be judged for. */
export function pAliveReceipt(r: ClvReport, c: ReceiptContext): Receipt {
  const bg = r.bgnbd;
  return {
    key: 'p-alive',
    title: t('clv.kpi.pAlive'),
    value: formatPercent(r.averages.pAlive, c.locale, 1),
    formula: t('clv.formula.pAlive'),
    computation: t('clv.receipt.pAliveComputation', { value: formatPercent(r.averages.pAlive, c.locale, 1), count: r.averages.pAliveJudged }),
    facts: facts(r, c),
    inputs: bg ? [{ id: 'r', label: 'r', value: num(bg.r, c, 4) }, { id: 'alpha', label: 'α', value: num(bg.alpha, c, 4) }, { id: 'a', label: 'a', value: num(bg.a, c, 4) }, { id: 'b', label: 'b', value: num(bg.b, c, 4) }] : [],
    rules: [t('clv.rule.purchaseDays'), t('clv.rule.weeks'), t('clv.rule.pAliveOneTime')],
    notes: [t('clv.receipt.pAliveNote', { count: r.summary.oneTimeBuyers })],
    groups: [],
    fileBase: `${c.fileBase}-p-alive`,
  };
}

/** Mean historical and predicted value of one segment value, with its customers. */
export function segmentReceipt(
  r: ClvReport,
  attribute: string,
  valueLabel: string,
  v: ClvReport['segments'][number]['values'][number],
  ids: readonly string[],
  c: ReceiptContext,
): Receipt {
  return {
    key: `segment-${attribute}-${valueLabel}`,
    title: `${attribute}: ${valueLabel}`,
    value: money(v.historical, c),
    formula: t('clv.formula.segment'),
    computation: `${t('clv.cohort.historical')}: ${money(v.historical, c)}; ${t('clv.cohort.predictive')}: ${money(v.clv, c)}`,
    facts: facts(r, c),
    inputs: [{ id: 'customers', label: t('clv.sym.customers'), value: num(v.customers, c) }],
    rules: [t('clv.rule.revenue'), t('clv.rule.margin'), t('clv.rule.segment')],
    notes: [],
    groups: [{ label: `${attribute}: ${valueLabel}`, code: 'segment', ids }],
    fileBase: `${c.fileBase}-${attribute}-${valueLabel}`,
  };
}
