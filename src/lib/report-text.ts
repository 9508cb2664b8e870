/**
 * The client report's words (issue #14 item 3): period labels as the locale writes them and the
 * one-line reading under each chart ("CRR stayed between 95.6 % and 98.9 % from January 2023 to
 * November 2025; lowest in August 2025"), from figures the worker computed. Pure (a locale in,
 * text out), so it runs in Node tests like churn-text.ts. Rates are percents (0-100) as the
 * core gives them; null values (no base) are left out of every reading.
 */
import { translate } from './i18n/translate.ts';
import type { Locale, MessageKey } from './i18n/messages.ts';
import { pct } from './churn-text.ts';
import type { PeriodUnit } from '../core/retention/periods.ts';

const MONTH = /^(\d{4})-(\d{2})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

const monthFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A period label of the core ('2025-08', '2025-Q3', '2025') as the locale writes it: "August
 * 2025" (long) or "Aug 2025" (short), "Q3 2025", "2025". Anything else is returned as written.
 */
export function periodName(locale: Locale, intlLocale: string, label: string, style: 'long' | 'short' = 'long'): string {
  const m = MONTH.exec(label);
  if (m) {
    const key = `${intlLocale}|${style}`;
    let f = monthFormats.get(key);
    if (!f) monthFormats.set(key, (f = new Intl.DateTimeFormat(intlLocale, { month: style, year: 'numeric', timeZone: 'UTC' })));
    return f.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)));
  }
  const q = QUARTER.exec(label);
  if (q) return translate(locale, 'report.period.quarter', { year: q[1], quarter: q[2] });
  return label;
}

/** A count of periods: "1 month", "12 quarters". */
export function periodsText(locale: Locale, unit: PeriodUnit, count: number): string {
  const key: MessageKey = unit === 'month' ? 'report.unit.months' : unit === 'quarter' ? 'report.unit.quarters' : 'report.unit.years';
  return translate(locale, key, { count });
}

export interface Point {
  readonly label: string;
  readonly value: number | null;
}

const known = (points: readonly Point[]): { label: string; value: number }[] =>
  points.filter((p): p is { label: string; value: number } => p.value !== null && Number.isFinite(p.value));

/**
 * The range of a rate over periods in one sentence: "CRR stayed between 95.6 % and 98.9 % from
 * January 2023 to November 2025; lowest in August 2025." ('' without a value).
 */
export function rangeReading(locale: Locale, intlLocale: string, figure: string, points: readonly Point[]): string {
  const xs = known(points);
  if (xs.length === 0) return '';
  const name = (label: string) => periodName(locale, intlLocale, label);
  if (xs.length === 1) return translate(locale, 'report.reading.single', { figure, value: pct(xs[0].value, intlLocale), period: name(xs[0].label) });
  let low = xs[0];
  let high = xs[0];
  for (const p of xs) {
    if (p.value < low.value) low = p;
    if (p.value > high.value) high = p;
  }
  const from = name(xs[0].label);
  const to = name(xs[xs.length - 1].label);
  if (pct(low.value, intlLocale) === pct(high.value, intlLocale)) return translate(locale, 'report.reading.flat', { figure, value: pct(low.value, intlLocale), from, to });
  return translate(locale, 'report.reading.range', { figure, min: pct(low.value, intlLocale), max: pct(high.value, intlLocale), from, to, lowest: name(low.label) });
}

/**
 * The average cohort curve in one sentence: the share still active one period after the start
 * and at the last period at least `minCohorts` cohorts reached (fewer cohorts make a noisy tail).
 * '' when no cohort reached one period.
 */
export function cohortReading(locale: Locale, intlLocale: string, unit: PeriodUnit, ofStart: readonly (number | null)[], cohorts: readonly number[], minCohorts = 3): string {
  const first = ofStart[1];
  if (first === null || first === undefined) return '';
  const floor = Math.min(minCohorts, cohorts[1] ?? 0);
  let last = 1;
  for (let k = 2; k < ofStart.length; k++) if (ofStart[k] !== null && (cohorts[k] ?? 0) >= floor) last = k;
  const one = periodsText(locale, unit, 1);
  if (last === 1) return translate(locale, 'report.reading.cohortOne', { first: pct(first, intlLocale), one });
  return translate(locale, 'report.reading.cohort', { first: pct(first, intlLocale), one, last: pct(ofStart[last], intlLocale), many: periodsText(locale, unit, last) });
}

export interface NamedValue {
  readonly name: string;
  readonly value: number | null;
}

/**
 * Where a rate is highest and lowest across groups: "Churn is highest for Basic (31.2 %) and
 * lowest for Business (12.0 %)." ('' with fewer than two groups that have a value).
 */
export function highLowReading(locale: Locale, intlLocale: string, figure: 'churn' | 'crr', rows: readonly NamedValue[]): string {
  const xs = rows.filter((r): r is { name: string; value: number } => r.value !== null && Number.isFinite(r.value));
  if (xs.length < 2) return '';
  let low = xs[0];
  let high = xs[0];
  for (const r of xs) {
    if (r.value < low.value) low = r;
    if (r.value > high.value) high = r;
  }
  if (low === high || pct(low.value, intlLocale) === pct(high.value, intlLocale)) return translate(locale, figure === 'churn' ? 'report.reading.churnSame' : 'report.reading.crrSame', { rate: pct(low.value, intlLocale) });
  return translate(locale, figure === 'churn' ? 'report.reading.churnHighLow' : 'report.reading.crrHighLow', {
    high: high.name,
    highRate: pct(high.value, intlLocale),
    low: low.name,
    lowRate: pct(low.value, intlLocale),
  });
}

/**
 * The reasons in one sentence: the most common category and its share of the churned
 * customers, and the share without a reason.
 */
export function reasonsReading(locale: Locale, intlLocale: string, top: { readonly name: string; readonly share: number } | null, noReasonShare: number | null): string {
  const none = noReasonShare ?? 0;
  if (!top) return translate(locale, 'churn.reasons.none');
  return translate(locale, none > 0 ? 'report.reading.reasons' : 'report.reading.reasonsAll', { category: top.name, share: pct(top.share, intlLocale), noReason: pct(none, intlLocale) });
}

/** The largest group of a breakdown: "The largest group is Champions: 812 customers, 16.2 % of them." ('' when empty). */
export function largestReading(locale: Locale, intlLocale: string, groups: readonly { readonly name: string; readonly count: number }[]): string {
  let total = 0;
  let top: { name: string; count: number } | null = null;
  for (const g of groups) {
    total += g.count;
    if (g.count > 0 && (!top || g.count > top.count)) top = g;
  }
  if (!top || total === 0) return '';
  return translate(locale, 'report.reading.largest', { group: top.name, count: top.count, share: pct((top.count / total) * 100, intlLocale) });
}
