/**
 * The pure half of i18n: look a key up in a dictionary, pick the plural form and fill in
 * `{name}` placeholders. Kept free of runes so it can be tested in Node.
 */
import { en } from './en.ts';
import { sl } from './sl.ts';
import { bg } from './bg.ts';
import { et } from './et.ts';
import { hy } from './hy.ts';
import { de } from './de.ts';
import { LOCALES, type Locale, type MessageKey, type Messages, type PluralForms } from './messages.ts';

export type Params = Readonly<Record<string, string | number>>;

/** Every language is complete: each dictionary is typed Messages, so a missing key is a compile error. */
export const DICTIONARIES: Readonly<Record<Locale, Messages>> = { en, sl, bg, et, hy, de };

/** The Intl locale behind each UI language (numbers, money, dates and plural rules). */
export const INTL_LOCALE: Readonly<Record<Locale, string>> = { en: 'en-GB', sl: 'sl-SI', bg: 'bg-BG', et: 'et-EE', hy: 'hy-AM', de: 'de-DE' };

const pluralRules = new Map<Locale, Intl.PluralRules>();
const numberFormats = new Map<Locale, Intl.NumberFormat>();

function plural(locale: Locale): Intl.PluralRules {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(INTL_LOCALE[locale])));
  return rules;
}

function numberFormat(locale: Locale): Intl.NumberFormat {
  let nf = numberFormats.get(locale);
  if (!nf) numberFormats.set(locale, (nf = new Intl.NumberFormat(INTL_LOCALE[locale])));
  return nf;
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

/**
 * Translates `key` for `locale`. Plural entries choose their form from `params.count`;
 * numbers in params are formatted for the locale; unknown placeholders are left as written.
 */
export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  // A key missing at run time (a typed caller cannot do that) shows itself rather than crashing the page.
  const entry: string | PluralForms | undefined = DICTIONARIES[locale][key] ?? DICTIONARIES.en[key];
  let text: string;
  if (entry === undefined) return key;
  if (typeof entry === 'string') text = entry;
  else {
    const count = Number(params?.count ?? 0);
    text = entry[plural(locale).select(count)] ?? entry.other;
  }
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(params, name)) return whole;
    const value = params[name];
    return typeof value === 'number' ? numberFormat(locale).format(value) : value;
  });
}

/**
 * The UI language to start with when nothing was chosen: the first of the browser's languages
 * the app speaks (de-AT -> de, hy-AM -> hy), else English.
 */
export function defaultLocale(languages: readonly string[]): Locale {
  for (const l of languages) {
    const base = l.toLowerCase().split('-')[0];
    if ((LOCALES as readonly string[]).includes(base)) return base as Locale;
  }
  return 'en';
}
