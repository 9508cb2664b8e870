/**
 * The churn audit's words in the user's language (issue #10): attribute names, attribute values
 * (numeric bins formatted in the locale from their edges, not the core's English label), the
 * built-in reason categories, findings as sentences, p/q values and intervals. Pure (a locale
 * in, text out), so it runs in Node tests like issue-text.ts.
 */
import { translate } from './i18n/translate.ts';
import { isMessageKey } from './i18n/translate.ts';
import { columnLabel } from './i18n/issue-text.ts';
import type { Locale, MessageKey } from './i18n/messages.ts';
import { formatNumber, formatPercent } from './format.ts';
import { EXPOSURE_ATTRIBUTES } from '../core/churn/findings.ts';
import { BUILT_IN_AVOIDABLE } from '../core/churn/reason-taxonomy.ts';
import type { Finding, GroupValue, ReasonEdit } from './types.ts';

/** Derived attribute keys and their message keys. */
const DERIVED: Readonly<Record<string, MessageKey>> = {
  'derived:cohort': 'churn.derived.cohort',
  'derived:first-channel': 'churn.derived.firstChannel',
  'derived:first-product': 'churn.derived.firstProduct',
  'derived:aov': 'churn.derived.aov',
  'derived:referred': 'churn.derived.referred',
  'derived:nps': 'churn.derived.nps',
};

/** Codes of derived groups the page translates (cohorts, channels and products stay as written). */
const DERIVED_VALUES: Readonly<Record<string, MessageKey>> = {
  promoter: 'churn.value.promoter',
  passive: 'churn.value.passive',
  detractor: 'churn.value.detractor',
  'no answer': 'churn.value.noAnswer',
  referred: 'churn.value.referred',
  'not referred': 'churn.value.notReferred',
  // The two segments of a filter (core/segments SegmentFilter).
  'filter-match': 'segments.filter.match',
  'filter-rest': 'segments.filter.rest',
};

/** The built-in reason categories of core/churn/reason-taxonomy.ts and their message keys. */
const CATEGORIES: Readonly<Record<string, MessageKey>> = {
  Price: 'churn.category.price',
  Competitor: 'churn.category.competitor',
  'Missing features': 'churn.category.missingFeatures',
  'Too complex': 'churn.category.tooComplex',
  Quality: 'churn.category.quality',
  Support: 'churn.category.support',
  'No longer needed': 'churn.category.noLongerNeeded',
  Other: 'churn.category.other',
};

/**
 * The name of an attribute as the user knows it: the column header it came from, else the
 * translated name of a derived attribute, else the field's label, else the key.
 */
export function attributeName(locale: Locale, key: string, headers: Readonly<Record<string, string>>): string {
  if (Object.hasOwn(headers, key)) return columnLabel(locale, headers[key]);
  if (Object.hasOwn(DERIVED, key)) return translate(locale, DERIVED[key]);
  if (key.startsWith('attr:')) return columnLabel(locale, key.slice(5));
  const field = `field.${key}`;
  return isMessageKey(field) ? translate(locale, field) : key;
}

/** How the edges of a numeric bin are written (default: a plain number in the locale). */
export type EdgeFormat = (x: number) => string;

/**
 * One value of an attribute in the user's language: categories as written, numeric bins from
 * their edges ("under 500", "500 to under 1,000", "1,000 or more"), derived codes translated.
 */
export function valueText(locale: Locale, intlLocale: string, value: GroupValue, edge: EdgeFormat = (x) => formatNumber(x, intlLocale)): string {
  switch (value.kind) {
    case 'none':
      return translate(locale, 'churn.value.none');
    case 'other':
      return translate(locale, 'churn.value.other');
    case 'bin': {
      const low = value.low ?? null;
      const high = value.high ?? null;
      if (low === null && high !== null) return translate(locale, 'churn.bin.under', { high: edge(high) });
      if (low !== null && high === null) return translate(locale, 'churn.bin.atLeast', { low: edge(low) });
      if (low !== null && high !== null) return translate(locale, 'churn.bin.between', { low: edge(low), high: edge(high) });
      return translate(locale, 'churn.bin.all');
    }
    case 'derived': {
      const code = value.code ?? value.label;
      return Object.hasOwn(DERIVED_VALUES, code) ? translate(locale, DERIVED_VALUES[code]) : value.label;
    }
    default:
      return value.label;
  }
}

/** A reason category as shown: built-in names translated, the user's and the file's own as written. */
export function categoryName(locale: Locale, category: string): string {
  return Object.hasOwn(CATEGORIES, category) ? translate(locale, CATEGORIES[category]) : category;
}

/** A p or q value: three decimals, "< 0.001" below that (in the locale). */
export function formatP(p: number | null | undefined, intlLocale: string): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '—';
  if (p < 0.001) return `< ${formatNumber(0.001, intlLocale, 3)}`;
  return formatNumber(p, intlLocale, 3);
}

/** "p = 0.012" or "p < 0.001" (q the same). */
export function pEquals(name: 'p' | 'q', p: number | null | undefined, intlLocale: string): string {
  const text = formatP(p, intlLocale);
  return text.startsWith('<') ? `${name} ${text}` : `${name} = ${text}`;
}

/** A rate in percent (0-100) as the locale writes a percent. */
export function pct(rate: number | null | undefined, intlLocale: string, digits = 1): string {
  return formatPercent(rate === null || rate === undefined ? null : rate / 100, intlLocale, digits);
}

/** A 95 % interval of percents: "12.3–18.9 %" written as two percents ("12,3 %–18,9 %"). */
export function intervalText(low: number | null | undefined, high: number | null | undefined, intlLocale: string, digits = 1): string {
  if (low === null || low === undefined || high === null || high === undefined) return '—';
  return `${pct(low, intlLocale, digits)} – ${pct(high, intlLocale, digits)}`;
}

/**
 * Attributes whose churn rates differ by exposure alone (older acquisition cohorts have had more
 * time to churn): shown, marked, and never a finding (core/churn/findings.ts).
 */
export const isExposureAttribute = (key: string): boolean => EXPOSURE_ATTRIBUTES.has(key);

/** Significant after Benjamini-Hochberg correction. */
export const significant = (q: number | null | undefined): boolean => q !== null && q !== undefined && q < 0.05;

/**
 * A finding as one sentence in the user's language, from its code and numbers:
 * "Customers with budget under 500 churn 2.1× as often: 38 % vs 18 % overall (significant, q = 0.001)."
 */
export function findingText(locale: Locale, intlLocale: string, f: Finding, attribute: string, value: string): string {
  // Nobody of the value churned: a lift of 0 has no "× less often".
  if (f.code === 'churn-none') return translate(locale, 'churn.finding.none', { attribute, value, count: f.customers, overall: pct(f.overall, intlLocale, 0), q: pEquals('q', f.q, intlLocale) });
  const more = f.code === 'churn-more';
  return translate(locale, more ? 'churn.finding.more' : 'churn.finding.less', {
    attribute,
    value,
    times: formatNumber(more ? f.lift : 1 / f.lift, intlLocale, 1),
    rate: pct(f.rate, intlLocale, 0),
    overall: pct(f.overall, intlLocale, 0),
    q: pEquals('q', f.q, intlLocale),
    customers: f.customers,
  });
}

/** One entry of the taxonomy's edit log as a sentence (category names as shown). */
export function editText(locale: Locale, edit: ReasonEdit): string {
  const name = (c: string) => categoryName(locale, c);
  switch (edit.op) {
    case 'rename':
      return translate(locale, 'churn.log.rename', { from: name(edit.from), to: name(edit.to) });
    case 'merge':
      return translate(locale, 'churn.log.merge', { from: edit.from.map(name).join(', '), to: name(edit.to) });
    case 'split':
      return translate(locale, 'churn.log.split', { count: edit.reasons.length, reasons: edit.reasons.join(', '), to: name(edit.to) });
    case 'avoidable':
      if (edit.avoidable === null) return translate(locale, 'churn.log.avoidableUnset', { category: name(edit.category) });
      return translate(locale, edit.avoidable ? 'churn.log.avoidable' : 'churn.log.unavoidable', { category: name(edit.category) });
  }
}

/** Whether a category's avoidable flag without an edit of the user's (the built-in one), or null when there is none. */
export function builtInAvoidable(category: string): boolean | null {
  return Object.hasOwn(BUILT_IN_AVOIDABLE, category) ? BUILT_IN_AVOIDABLE[category] : null;
}

/** One condition of a segment filter: an attribute and the labels of the values it keeps (as the core names them). */
export interface FilterCondition {
  readonly key: string;
  readonly values: readonly string[];
}

/**
 * A segment filter in words, in the user's language: "Plan is Basic and Acquisition channel is
 * Paid search or Social" (values as valueText writes them; AND across conditions, OR within one,
 * as core/segments applies them). `valuesOf` gives an attribute's values, to write bins and
 * derived codes in the locale; a label it does not know is written as it is.
 */
export function filterText(
  locale: Locale,
  intlLocale: string,
  filter: readonly FilterCondition[],
  nameOf: (key: string) => string,
  valuesOf: (key: string) => readonly GroupValue[],
): string {
  const or = new Intl.ListFormat(intlLocale, { type: 'disjunction' });
  const and = new Intl.ListFormat(intlLocale, { type: 'conjunction' });
  const conditions = filter.map((c) => {
    const known = valuesOf(c.key);
    const values = c.values.map((label) => {
      const v = known.find((x) => x.label === label);
      return v ? valueText(locale, intlLocale, v) : label;
    });
    return translate(locale, 'segments.filter.condition', { attribute: nameOf(c.key), values: or.format(values) });
  });
  return and.format(conditions);
}
