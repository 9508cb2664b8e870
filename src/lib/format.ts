/**
 * Numbers, money, percents, dates, durations and byte sizes for the page, all through Intl for
 * the given locale (an Intl tag such as 'sl-SI'). Formatters are cached per locale and options.
 * Missing values (null, NaN, Infinity) print as an em dash rather than "NaN".
 */
import { dayToUtcMs } from '../core/parse/date.ts';

const DASH = '—';
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.NumberFormat(locale, options)));
  return f;
}

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

const usable = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n);

export function formatNumber(n: number | null | undefined, locale: string, maximumFractionDigits = 2): string {
  return usable(n) ? numberFormat(locale, { maximumFractionDigits }).format(n) : DASH;
}

/** Money in the workspace currency (ISO 4217 code); an unknown code falls back to a plain number plus the code. */
export function formatMoney(n: number | null | undefined, currency: string, locale: string): string {
  if (!usable(n)) return DASH;
  try {
    return numberFormat(locale, { style: 'currency', currency }).format(n);
  } catch {
    return `${formatNumber(n, locale)} ${currency}`;
  }
}

/** A share (0.25) as a percent ("25 %" in Slovenian). */
export function formatPercent(share: number | null | undefined, locale: string, maximumFractionDigits = 1): string {
  return usable(share) ? numberFormat(locale, { style: 'percent', maximumFractionDigits }).format(share) : DASH;
}

/**
 * A calendar day stored as days since 1970-01-01. Formatted in UTC, because the day number has
 * no time zone: formatting it in local time would show the previous day west of Greenwich.
 */
export function formatDay(day: number | null | undefined, locale: string): string {
  return usable(day) ? dateFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(dayToUtcMs(day))) : DASH;
}

/**
 * A stored date as written in the file, `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS` (no time zone):
 * formatted in UTC like {@link formatDay}, with the time of day when it has one.
 */
export function formatStoredDate(iso: string, locale: string): string {
  const d = new Date(`${iso.length > 10 ? iso : `${iso}T00:00:00`}Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return dateFormat(locale, iso.length > 10 ? { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' } : { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}

/** A moment (ms since epoch, Date or ISO string) in the user's own time zone. */
export function formatDateTime(when: number | string | Date | null | undefined, locale: string): string {
  if (when === null || when === undefined) return DASH;
  const d = when instanceof Date ? when : new Date(when);
  return Number.isNaN(d.getTime()) ? DASH : dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** Seconds as "45 s", "3 min 5 s" or "1 h 2 min" (units from Intl, so "min" / "h" read right in every language). */
export function formatDuration(seconds: number | null | undefined, locale: string): string {
  if (!usable(seconds) || seconds < 0) return DASH;
  const s = Math.round(seconds);
  const unit = (value: number, u: 'hour' | 'minute' | 'second') =>
    numberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'short' }).format(value);
  if (s < 60) return unit(s, 'second');
  if (s < 3600) {
    const m = Math.floor(s / 60);
    return s % 60 ? `${unit(m, 'minute')} ${unit(s % 60, 'second')}` : unit(m, 'minute');
  }
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return m ? `${unit(h, 'hour')} ${unit(m, 'minute')}` : unit(h, 'hour');
}

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** Bytes in powers of 1000 (as disks and browsers report them): "4.2 MB". */
export function formatBytes(bytes: number | null | undefined, locale: string): string {
  if (!usable(bytes) || bytes < 0) return DASH;
  let i = 0;
  let v = bytes;
  while (v >= 1000 && i < BYTE_UNITS.length - 1) {
    v /= 1000;
    i++;
  }
  return numberFormat(locale, {
    style: 'unit',
    unit: BYTE_UNITS[i],
    unitDisplay: 'short',
    maximumFractionDigits: i === 0 ? 0 : 1,
  }).format(v);
}

/**
 * Builds the formatters the import and retention pages use, while the browser is idle: the first
 * Intl.NumberFormat of a session loads locale data (~60 ms), which would otherwise land inside the
 * task that handles a dropped file.
 */
export function warmUpFormatters(locale: string): void {
  formatNumber(1234.5, locale);
  formatPercent(0.5, locale);
  formatDay(0, locale);
  formatBytes(1024, locale);
  formatDuration(61, locale);
}
