/**
 * The retention report's sentences in the page's language, from the codes and numbers the core
 * returns (core/retention/report-phrases.ts; issue #7 item 6): why W is what it is, why CRR and
 * exact retention differ, why the sBG fit gives no projection and why its rate rises, and the
 * reconciliation of churn definitions. Each switch covers its union, so a code the core adds
 * without a translation is a compile error. Pure (a locale in, text out), like churn-text.ts.
 */
import type {
  CrrExactExplanation,
  ReconciliationExplanation,
  SbgNotProjected,
  SbgRising,
  WindowExplanation,
} from '../core/retention/report-types.ts';
import { formatDay, formatNumber, formatPercent } from './format.ts';
import type { Locale } from './i18n/messages.ts';
import { translate } from './i18n/translate.ts';
import { isoToDay } from '../core/parse/date.ts';

const day = (iso: string, intl: string): string => {
  const d = isoToDay(iso);
  return formatDay(Number.isNaN(d) ? null : d, intl);
};

/** Why the suggested W is what it is: the repurchase curve's 80 % point (and the clamp), or the default. */
export function windowExplanationText(locale: Locale, intl: string, e: WindowExplanation): string {
  switch (e.code) {
    case 'window-default':
      return translate(locale, 'retention.window.default', { days: e.params.days });
    case 'window-repurchase':
    case 'window-repurchase-clamped': {
      const p = e.params;
      const gaps = translate(locale, 'retention.window.gaps', { percent: formatPercent(p.percent / 100, intl, 0), days: Math.ceil(p.percentileDays), gaps: p.gaps, customers: p.customers });
      return e.code === 'window-repurchase-clamped' ? `${gaps} ${translate(locale, 'retention.window.clamped')}` : gaps;
    }
  }
}

const percentOrNa = (locale: Locale, x: number | null, intl: string): string => (x === null ? translate(locale, 'retention.na') : formatPercent(x / 100, intl, 1));

/** Why CRR passes 100 % in a period ('' unless it does): customers back after a pause. Never clamped. */
export function crrAbove100Text(locale: Locale, intl: string, e: CrrExactExplanation | null): string {
  if (e === null || e.code !== 'crr-above-100') return '';
  return translate(locale, 'retention.why.above100', { count: e.params.reactivated, crr: percentOrNa(locale, e.params.crr, intl), exact: percentOrNa(locale, e.params.exact, intl) });
}

/** Why CRR and exact retention differ in a period ('' when they agree); above 100 %, why CRR passes it. */
export function crrExactText(locale: Locale, intl: string, e: CrrExactExplanation | null): string {
  if (e === null || e.params.crr === null || e.params.exact === null) return '';
  switch (e.code) {
    case 'crr-above-100':
      return crrAbove100Text(locale, intl, e);
    case 'crr-exact-differ': {
      const parts: string[] = [];
      if (e.params.reactivated > 0) parts.push(translate(locale, 'retention.why.reactivated', { count: e.params.reactivated }));
      if (e.params.newLost > 0) parts.push(translate(locale, 'retention.why.newLost', { count: e.params.newLost }));
      if (parts.length === 0) return '';
      return translate(locale, 'retention.why.sentence', { reasons: parts.join(translate(locale, 'retention.why.and')) });
    }
  }
}

/** Why the sBG fit gives no projection, with the cohort's first survival counts. */
export function sbgNotProjectedText(locale: Locale, intl: string, e: SbgNotProjected): string {
  const n = e.params.counts;
  const counts = n.slice(0, 4).map((c) => formatNumber(c, intl, 0)).join(', ') + (n.length > 4 ? ', …' : '');
  const text = translate(locale, 'retention.survival.notProjected', { cohort: e.params.cohort, counts });
  switch (e.code) {
    case 'sbg-not-converged':
      return text;
    case 'sbg-not-converged-flat':
      return `${text} ${translate(locale, 'retention.survival.nobodyLeft')}`;
  }
}

/** Why the projected retention rate rises with t although no customer becomes more loyal. */
export function sbgRisingText(locale: Locale, intl: string, e: SbgRising): string {
  return translate(locale, 'retention.survival.rising', { r1: formatPercent(e.params.r1, intl, 1), rN: formatPercent(e.params.rN, intl, 1), n: e.params.n });
}

/** What the counts reconciling two churn definitions say, in one or two sentences. */
export function reconciliationText(locale: Locale, intl: string, e: ReconciliationExplanation): string {
  switch (e.code) {
    case 'recon-A-B': {
      const { period, newLost, N, S } = e.params;
      return `${translate(locale, 'retention.recon.AB', { count: newLost, period })} ${translate(locale, 'retention.recon.ABbase', { count: N, S, N })}`;
    }
    case 'recon-B-C':
      return translate(locale, 'retention.recon.BC', { count: e.params.newLost, period: e.params.period });
    case 'recon-A-C': {
      const { S, stillActiveNew, base, end, lost } = e.params;
      return translate(locale, 'retention.recon.AC', { count: stillActiveNew, S, base, date: day(end, intl), lost });
    }
    case 'recon-D-E': {
      const { period, cancelledPaidLater, endedCancelledEarlier } = e.params;
      return `${translate(locale, 'retention.recon.D', { count: cancelledPaidLater, period })} ${translate(locale, 'retention.recon.E', { count: endedCancelledEarlier, period })}`;
    }
  }
}
