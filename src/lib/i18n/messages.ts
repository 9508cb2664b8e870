import type { en } from './en.ts';

/** A plural entry: one text per Intl.PluralRules category; `other` is always required. */
export type PluralForms = { readonly other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;

export type MessageKey = keyof typeof en;

/** What every language must provide: the same keys as English, plural where English is plural. */
export type Messages = {
  readonly [K in MessageKey]: (typeof en)[K] extends string ? string : PluralForms;
};

export type Locale = 'en' | 'sl' | 'bg' | 'et' | 'hy' | 'de';
/** The UI languages, in the order the language menus list them. */
export const LOCALES: readonly Locale[] = ['en', 'de', 'bg', 'et', 'hy', 'sl'];
