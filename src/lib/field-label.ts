import { t } from './i18n/i18n.svelte.ts';
import { isMessageKey } from './i18n/translate.ts';

/** The translated name of a field key ('customer_id' -> "Customer ID"), or the key itself. */
export function fieldLabel(key: string): string {
  const k = `field.${key}`;
  return isMessageKey(k) ? t(k) : key;
}
