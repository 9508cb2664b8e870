/**
 * The CLV report's words in the user's language (issue #11): the guard rails (codes and
 * parameters from core/clv/guard-rails.ts) as sentences, the RFM group names, the horizon and
 * discount in words ("next 12 months, 10 % a year"), the hold-out verdict. Pure (a locale in,
 * text out), so it runs in Node tests like churn-text.ts.
 */
import { translate } from './i18n/translate.ts';
import type { Locale, MessageKey } from './i18n/messages.ts';
import { formatMoney, formatNumber, formatPercent } from './format.ts';
import type { BgnbdFit, ClvGuard, ClvReport, HoldoutCheck, RfmGroup } from './types.ts';
import { noDropoutEvidence as coreNoDropout } from '../core/clv/bgnbd.ts';

export const RFM_GROUP_KEYS: Readonly<Record<RfmGroup, MessageKey>> = {
  champions: 'clv.rfm.group.champions',
  loyal: 'clv.rfm.group.loyal',
  'potential loyalists': 'clv.rfm.group.potentialLoyalists',
  new: 'clv.rfm.group.new',
  promising: 'clv.rfm.group.promising',
  'need attention': 'clv.rfm.group.needAttention',
  'at risk': 'clv.rfm.group.atRisk',
  "can't lose": 'clv.rfm.group.cantLose',
  hibernating: 'clv.rfm.group.hibernating',
  lost: 'clv.rfm.group.lost',
};

export function rfmGroupName(locale: Locale, group: RfmGroup): string {
  return translate(locale, RFM_GROUP_KEYS[group]);
}

/** A file-name and test-id friendly code of a group ("at-risk", "cant-lose"). */
export function rfmGroupCode(group: RfmGroup): string {
  return group.replace(/'/g, '').replace(/\s+/g, '-');
}

/** "next 12 months, 10 % a year" (the time unit and the discount in words). */
export function horizonText(locale: Locale, intlLocale: string, months: number, discountYearly: number): string {
  return translate(locale, 'clv.horizon.text', { count: months, rate: formatPercent(discountYearly, intlLocale, 2) });
}

/**
 * BG/NBD says nothing about dropout when its dropout distribution Beta(a, b) collapses on 0:
 * a at its lower edge or b at its upper one (the mean dropout chance a / (a + b) goes to 0).
 */
export function noDropoutEvidence(fit: BgnbdFit | null): boolean {
  return fit !== null && coreNoDropout(fit);
}

const MODEL_KEYS: Readonly<Record<'bgnbd' | 'gammaGamma', MessageKey>> = { bgnbd: 'clv.model.bgnbd', gammaGamma: 'clv.model.gammaGamma' };

/** One guard rail as a sentence (the report adds the fit for the not-converged detail). */
export function guardText(locale: Locale, intlLocale: string, guard: ClvGuard, report?: ClvReport): string {
  const n = (x: number, digits = 0) => formatNumber(x, intlLocale, digits);
  switch (guard.code) {
    case 'too-few-repeat-customers':
      return translate(locale, 'clv.guard.tooFewRepeat', { count: guard.params.repeatCustomers, needed: guard.params.needed });
    case 'history-too-short':
      return translate(locale, 'clv.guard.historyTooShort', { weeks: n(guard.params.weeks, 1), needed: guard.params.needed });
    case 'no-dropout-evidence': {
      const names = guard.params.parameters.split(',').filter((p) => p !== '');
      if (names.includes('a') || (report && noDropoutEvidence(report.bgnbd))) return translate(locale, 'clv.guard.noDropout', { parameters: names.join(', ') });
      return translate(locale, 'clv.guard.boundary', { parameters: names.join(', ') });
    }
    case 'not-converged': {
      const model = translate(locale, MODEL_KEYS[guard.params.model]);
      const fit = guard.params.model === 'bgnbd' ? report?.bgnbd : null;
      if (fit) return translate(locale, 'clv.guard.notConvergedStarts', { model, agreeing: fit.agreeing, starts: fit.starts });
      return translate(locale, 'clv.guard.notConverged', { model });
    }
    case 'spend-frequency-correlated':
      return translate(locale, 'clv.guard.correlated', { r: n(guard.params.correlation, 2), threshold: n(guard.params.threshold, 1) });
    case 'non-purchase-days-excluded':
      return translate(locale, 'clv.guard.nonPurchaseDays', { count: guard.params.days });
    case 'no-amount-days-excluded':
      return translate(locale, 'clv.guard.noAmountDays', { count: guard.params.days });
    case 'no-spend-model':
      return translate(locale, 'clv.guard.noSpendModel', { count: guard.params.repeatCustomers });
    case 'one-time-buyers':
      return translate(locale, 'clv.guard.oneTimeBuyers', { count: guard.params.customers });
  }
}

/** Guards that block the model (the "not enough data" reasons). */
export const BLOCKING: ReadonlySet<ClvGuard['code']> = new Set(['too-few-repeat-customers', 'history-too-short']);

/** Guards that are warnings about the figures (shown as such), as opposed to plain notes. */
export const WARNINGS: ReadonlySet<ClvGuard['code']> = new Set(['no-dropout-evidence', 'not-converged', 'spend-frequency-correlated', 'no-spend-model']);

/** The hold-out verdict in plain words: under- or over-forecast by how much. */
export function holdoutText(locale: Locale, intlLocale: string, h: HoldoutCheck): string {
  const params = {
    weeks: formatNumber(h.weeks, intlLocale, 1),
    expected: formatNumber(h.expectedTotal, intlLocale, 0),
    actual: formatNumber(h.actualTotal, intlLocale, 0),
    share: formatPercent(Math.abs(h.forecastError ?? 0), intlLocale, 1),
  };
  if (h.forecastError === null) return translate(locale, 'clv.holdout.nothing', params);
  if (Math.abs(h.forecastError) < 0.005) return translate(locale, 'clv.holdout.exact', params);
  return translate(locale, h.forecastError < 0 ? 'clv.holdout.under' : 'clv.holdout.over', params);
}

const wholeMoney = new Map<string, Intl.NumberFormat | null>();

/** Money without cents, for totals and axes ("€6,384,214"); falls back to formatMoney for an unknown currency. */
export function formatMoneyWhole(n: number | null | undefined, currency: string, intlLocale: string): string {
  if (typeof n !== 'number' || !Number.isFinite(n)) return formatMoney(n, currency, intlLocale);
  const key = `${intlLocale}|${currency}`;
  let f = wholeMoney.get(key);
  if (f === undefined) {
    try {
      f = new Intl.NumberFormat(intlLocale, { style: 'currency', currency, maximumFractionDigits: 0, minimumFractionDigits: 0 });
    } catch {
      f = null;
    }
    wholeMoney.set(key, f);
  }
  return f ? f.format(n) : formatMoney(n, currency, intlLocale);
}
