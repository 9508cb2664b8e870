/**
 * Numbers and dates the user types, in the user's convention (issue #14 item 4): a Slovenian or
 * German user writes 35,5 and 31.12.2025, a British one 35.5 and 31/12/2025; every form also
 * takes ISO dates (2025-12-31) and a plain number. The convention comes from Intl for the page's
 * locale, so it follows the language setting, not the browser's.
 */
import { parseLocaleNumber } from '../core/parse/number.ts';
import { isoToDay, dayToIso } from '../core/parse/date.ts';
import type { DecimalMark, ThousandsMark } from '../core/parse/formats.ts';

/** The decimal mark and the group separator Intl uses for a locale (spaces of any width read as ' '). */
export function numberMarks(intlLocale: string): { decimal: DecimalMark; group: ThousandsMark } {
  const parts = new Intl.NumberFormat(intlLocale).formatToParts(12345.6);
  const decimal = parts.find((p) => p.type === 'decimal')?.value === ',' ? ',' : '.';
  const g = parts.find((p) => p.type === 'group')?.value ?? '';
  const group: ThousandsMark = /\s/u.test(g) ? ' ' : g === ',' || g === '.' || g === "'" ? g : '';
  return { decimal, group };
}

/**
 * A number typed in the locale's convention ("35,5" in sl, "35.5" in en, "1 234,5" in et), or
 * NaN. A plain integer is always accepted; the other convention's decimal mark is accepted when
 * the text can only mean that ("35.5" in sl has no grouping of three digits).
 *
 * @example parseUserNumber('35,5', 'sl-SI') // 35.5
 */
export function parseUserNumber(text: string, intlLocale: string): number {
  const t = text.replace(/[\s\u00a0\u202f]+/gu, ' ').trim();
  if (t === '') return NaN;
  const { decimal, group } = numberMarks(intlLocale);
  const n = parseLocaleNumber(t, decimal, group);
  if (!Number.isNaN(n)) return n;
  // "35.5" typed on a comma-decimal keyboard layout, or the reverse: one mark, not a group of three.
  const other = decimal === ',' ? '.' : ',';
  if (new RegExp(`^-?\\d+\\${other}\\d{1,2}$`, 'u').test(t) || new RegExp(`^-?\\d+\\${other}\\d{4,}$`, 'u').test(t)) return Number(t.replace(other, '.'));
  return NaN;
}

/** A number as the user would type it in the locale (no grouping, so it can be edited). */
export function formatUserNumber(n: number, intlLocale: string, maximumFractionDigits = 2): string {
  return Number.isFinite(n) ? new Intl.NumberFormat(intlLocale, { useGrouping: false, maximumFractionDigits }).format(n) : '';
}

/** The order of day, month and year in the locale's numeric dates, and its separator ("31.12.2025": DMY, "."). */
export function dateConvention(intlLocale: string): { order: ('day' | 'month' | 'year')[]; separator: string; example: string } {
  const f = new Intl.DateTimeFormat(intlLocale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
  const parts = f.formatToParts(Date.UTC(2025, 11, 31));
  const order = parts.filter((p) => p.type === 'day' || p.type === 'month' || p.type === 'year').map((p) => p.type as 'day' | 'month' | 'year');
  const separator = parts.find((p) => p.type === 'literal')?.value.trim() || '.';
  return { order, separator, example: f.format(Date.UTC(2025, 11, 31)).replace(/\s/gu, '') };
}

/**
 * A date typed as ISO (2025-12-31) or in the locale's numeric order ("31.12.2025", "31. 12. 2025"
 * in sl, "31/12/2025" in en-GB, "12/31/2025" in en-US), as an ISO day; null when it is no
 * calendar date.
 *
 * @example parseUserDate('31. 12. 2025', 'sl-SI') // '2025-12-31'
 */
export function parseUserDate(text: string, intlLocale: string): string | null {
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/u.test(t)) return Number.isNaN(isoToDay(t)) ? null : t;
  const nums = t.split(/[^\d]+/u).filter((x) => x !== '');
  if (nums.length !== 3) return null;
  const { order } = dateConvention(intlLocale);
  const v: Record<string, number> = {};
  order.forEach((part, i) => (v[part] = Number(nums[i])));
  if (!(v.year >= 1900 && v.year <= 9999)) return null;
  const iso = `${String(v.year).padStart(4, '0')}-${String(v.month).padStart(2, '0')}-${String(v.day).padStart(2, '0')}`;
  const day = isoToDay(iso);
  return Number.isNaN(day) || dayToIso(day) !== iso ? null : iso;
}

/** An ISO day as the user would type it in the locale ('' for none). */
export function formatUserDate(iso: string | null | undefined, intlLocale: string): string {
  if (!iso) return '';
  const day = isoToDay(iso);
  if (Number.isNaN(day)) return '';
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(intlLocale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d)).replace(/\s/gu, '');
}
