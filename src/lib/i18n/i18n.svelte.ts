/**
 * The page's language: one rune-backed locale and `t()`, which reads it, so every template
 * that calls `t` re-renders when the language changes.
 */
import { translate, defaultLocale, INTL_LOCALE, type Params } from './translate.ts';
import { LOCALES, type Locale, type MessageKey } from './messages.ts';

const STORAGE_KEY = 'keepwise.locale';

function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved && (LOCALES as readonly string[]).includes(saved)) return saved as Locale;
  } catch {
    // storage can be unavailable (privacy modes); fall back to the browser language
  }
  return defaultLocale(typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language]);
}

class I18n {
  locale = $state<Locale>(initialLocale());

  get intlLocale(): string {
    return INTL_LOCALE[this.locale];
  }

  set(locale: string | undefined): void {
    if (!locale || !(LOCALES as readonly string[]).includes(locale) || locale === this.locale) return;
    this.locale = locale as Locale;
    document.documentElement.lang = locale;
    try {
      localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // not fatal: the workspace settings remember the language too
    }
  }
}

export const i18n = new I18n();

export function t(key: MessageKey, params?: Params): string {
  return translate(i18n.locale, key, params);
}

export { LOCALES, type Locale, type MessageKey };
