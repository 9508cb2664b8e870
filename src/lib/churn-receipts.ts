/**
 * Receipts of the churn audit (issue #10 item 6): every figure on the page explains itself in
 * the receipt dialog (ui/retention/ReceiptDialog.svelte): the formula, the same with the numbers
 * put in, the inputs, the rules that chose the customers, and the customers behind it.
 */
import { formatDay, formatMoney, formatNumber } from './format.ts';
import { t, type MessageKey } from './i18n/i18n.svelte.ts';
import { isoToDay } from './retention-receipts.ts';
import type { Receipt, ReceiptFact, ReceiptGroup } from './receipt.ts';
import type { ChurnAudit } from './types.ts';
import { intervalText, pEquals, pct } from './churn-text.ts';

const SOURCE_KEYS: Readonly<Record<ChurnAudit['source'], MessageKey>> = {
  flag: 'churn.source.flag',
  subscriptions: 'churn.source.subscriptions',
  orders: 'churn.source.orders',
  cancellations: 'churn.source.cancellations',
};

/** The source of the audit in a few words ("subscriptions", "orders, W = 60 days"). */
export function sourceText(a: ChurnAudit): string {
  if (a.source === 'orders') return t('churn.source.ordersW', { days: t('retention.unit.days', { count: a.windowDays ?? 0 }) });
  return t(SOURCE_KEYS[a.source]);
}

/** The rule that says who is in the base and who churned, as a sentence. */
export function sourceRule(a: ChurnAudit, locale: string): string {
  const date = a.asOf ? formatDay(isoToDay(a.asOf), locale) : '';
  switch (a.source) {
    case 'flag':
      return t('churn.rule.flag', { values: a.churnedValues.join(', ') || '—' });
    case 'subscriptions':
      return t('churn.rule.subscriptions', { date });
    case 'orders':
      return t('churn.rule.orders', { date, days: t('retention.unit.days', { count: a.windowDays ?? 0 }) });
    case 'cancellations':
      return t('churn.rule.cancellations', { date });
  }
}

/** What "value lost" means for the audit's source, or null when it has none. */
export function valueRule(a: ChurnAudit): string | null {
  if (a.valueBasis === 'mrr') return t('churn.rule.valueMrr');
  if (a.valueBasis === 'revenue-12m') return t('churn.rule.valueRevenue');
  return null;
}

function facts(a: ChurnAudit, locale: string): ReceiptFact[] {
  const out: ReceiptFact[] = [{ label: t('churn.receipt.source'), value: sourceText(a) }];
  if (a.asOf) out.push({ id: 'asOf', label: t('churn.receipt.asOf'), value: formatDay(isoToDay(a.asOf), locale) });
  out.push({ id: 'version', label: t('churn.receipt.version'), value: String(a.taxonomyVersion) });
  return out;
}

const num = (n: number, locale: string) => formatNumber(n, locale, 0);

/** The churn rate of the base with its Wilson interval. */
export function churnRateReceipt(a: ChurnAudit, locale: string, fileBase: string): Receipt {
  return {
    key: 'churn-rate',
    title: t('churn.header.rate'),
    value: pct(a.churnRate, locale),
    formula: t('churn.formula.rate'),
    computation: `${num(a.churned, locale)} / ${num(a.customers, locale)} × 100 = ${pct(a.churnRate, locale, 2)}`,
    facts: facts(a, locale),
    inputs: [
      { id: 'churned', label: t('churn.sym.churned'), value: num(a.churned, locale) },
      { id: 'customers', label: t('churn.sym.base'), value: num(a.customers, locale) },
      { id: 'interval', label: t('churn.sym.interval'), value: intervalText(a.churnLow, a.churnHigh, locale) },
    ],
    rules: [sourceRule(a, locale), t('churn.formula.wilson')],
    notes: [],
    groups: [],
    fileBase: `${fileBase}-churn-rate`,
  };
}

/**
 * The share of churned customers in one reason category (index into `reasons`) or without a
 * reason (-1), with the customers behind it.
 */
export function reasonReceipt(a: ChurnAudit, index: number, label: string, ids: readonly string[], locale: string, currency: string, fileBase: string): Receipt {
  const none = index < 0;
  const row = none ? null : a.reasons[index];
  const count = none ? a.noReason.count : row!.count;
  const share = none ? a.noReason.share : row!.share;
  const low = none ? a.noReason.low : row!.low;
  const high = none ? a.noReason.high : row!.high;
  const inputs: ReceiptFact[] = [
    { id: 'count', label: none ? t('churn.sym.noReason') : t('churn.sym.inCategory', { category: label }), value: num(count, locale) },
    { id: 'churned', label: t('churn.sym.churned'), value: num(a.churned, locale) },
    { id: 'interval', label: t('churn.sym.interval'), value: intervalText(low, high, locale) },
  ];
  const rules = [sourceRule(a, locale), t('churn.rule.reason'), t('churn.formula.wilson')];
  if (row && a.valueBasis) {
    inputs.push({ id: 'valueLost', label: t('churn.col.valueLost'), value: formatMoney(row.valueLost, currency, locale) });
    rules.push(valueRule(a)!);
  }
  const group: ReceiptGroup = { label: none ? t('churn.reasons.noReason') : label, code: none ? 'no-reason' : 'churned', ids };
  return {
    key: none ? 'no-reason' : `reason-${index}`,
    title: none ? t('churn.reasons.noReason') : t('churn.receipt.category', { category: label }),
    value: pct(share, locale),
    formula: t('churn.formula.share'),
    computation: `${num(count, locale)} / ${num(a.churned, locale)} × 100 = ${pct(share, locale, 2)}`,
    facts: facts(a, locale),
    inputs,
    rules,
    notes: none ? [] : [t('churn.receipt.versionNote', { version: a.taxonomyVersion })],
    groups: [group],
    fileBase: `${fileBase}-${none ? 'no-reason' : `reason-${label}`}`,
  };
}

/** The churn rate of one attribute value against the rest, with the churned customers of the value. */
export function valueReceipt(
  a: ChurnAudit,
  attribute: string,
  valueLabel: string,
  v: ChurnAudit['attributes'][number]['values'][number],
  ids: readonly string[],
  locale: string,
  fileBase: string,
): Receipt {
  return {
    key: `value-${attribute}-${valueLabel}`,
    title: `${attribute}: ${valueLabel}`,
    value: pct(v.rate, locale),
    formula: t('churn.formula.valueRate'),
    computation: `${num(v.churned, locale)} / ${num(v.customers, locale)} × 100 = ${pct(v.rate, locale, 2)}; ${t('churn.col.lift')} = ${pct(v.rate, locale, 2)} / ${pct(a.churnRate, locale, 2)} = ${formatNumber(v.lift, locale, 2)}`,
    facts: facts(a, locale),
    inputs: [
      { id: 'churned', label: t('churn.sym.churnedWith'), value: num(v.churned, locale) },
      { id: 'customers', label: t('churn.sym.customersWith'), value: num(v.customers, locale) },
      { id: 'overall', label: t('churn.sym.overall'), value: pct(a.churnRate, locale) },
      { id: 'interval', label: t('churn.sym.interval'), value: intervalText(v.low, v.high, locale) },
      { id: 'p', label: t('churn.sym.p'), value: pEquals('p', v.p, locale) },
      { id: 'q', label: t('churn.sym.q'), value: pEquals('q', v.q, locale) },
    ],
    rules: [sourceRule(a, locale), t('churn.formula.wilson'), t('churn.formula.zTest'), t('churn.formula.bh')],
    notes: v.small ? [t('churn.attributes.smallNote', { count: v.customers })] : [],
    groups: [{ label: t('churn.receipt.churnedWith', { value: valueLabel }), code: 'churned', ids }],
    fileBase: `${fileBase}-${attribute}-${valueLabel}`,
  };
}
