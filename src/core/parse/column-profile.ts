/**
 * What a column's values are, from a sample: the value-based half of kind and mapping
 * suggestions (header names are the other half, header-match.ts). Issue #6: "score every
 * candidate column by what its values are".
 *
 * A profile counts, over the non-missing sample values: distinct values (and keeps them when
 * there are at most three: a flag's levels), plain integers and their range, numbers (any
 * locale) and negative numbers, money-looking numbers (a fraction, a sign or a currency
 * mark), dates, compact dates (`930101`, `20240115`), e-mail addresses, words (values with a
 * space), credit-note style ids (`C536379`), a row-number run (1, 2, 3, ...), and currency
 * marks seen. Everything is a share of the sample (0..1) so thresholds read the same for any
 * sample size. O(total length of the sample values).
 */
import { parseDate } from './date.ts';
import { detectDateOrder } from './date-detect.ts';
import { isNullToken } from './null-token.ts';
import { detectNumberFormat, parseLocaleNumber } from './number.ts';

export interface ColumnProfile {
  /** Non-missing sample values. */
  readonly values: number;
  readonly distinct: number;
  /** The distinct values when there are at most {@link FEW_LEVELS} of them (a flag's Yes/No), else empty. */
  readonly levels: readonly string[];
  /** distinct / values (0 when empty). */
  readonly distinctShare: number;
  /** Share of values that are plain integers (digits, optional sign). */
  readonly integers: number;
  readonly min: number;
  readonly max: number;
  /** Share that parse as numbers in the column's own detected format. */
  readonly numeric: number;
  /** Share that parse as numbers below zero (a tenure or a count has none). */
  readonly negatives: number;
  /** Some value has a fraction (`12.50`, `12,5`), an explicit `+`, or a currency mark. */
  readonly moneyLike: boolean;
  /** Share that parse as dates (column order decided from the column). */
  readonly dates: number;
  /** All values are numbers 20000..80000: Excel serial days (the importer asks). */
  readonly excelSerial: boolean;
  /** Share of 6- or 8-digit values that read as yymmdd / yyyymmdd dates. */
  readonly compactDates: number;
  readonly emails: number;
  /** Share of values with a space inside (names, free text). */
  readonly words: number;
  /** Mean length of the values. */
  readonly meanLength: number;
  /** Share of ids written as letters + digits (`C536379`, `INV-0001`). */
  readonly codes: number;
  /** The values are 1, 2, 3, ... in order (a row-number column). */
  readonly rowNumbers: boolean;
  /** ISO 4217 codes or symbols seen in the values (`$`, `USD`, `€` ...), most frequent first. */
  readonly currencies: readonly string[];
}

/** Up to this many distinct values are kept in a profile's `levels` (a churn flag has two or three). */
export const FEW_LEVELS = 3;

const RE_INT = /^[-+]?\d+$/;
const RE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const RE_CODE = /^[A-Za-z]{1,4}[-_/]?\d{2,}$/;
const RE_FRACTION = /\d[.,]\d{1,2}(?!\d)|^\s*\+|[$\u00a3\u00a5\u20ac\u20a0-\u20cf]|\b[A-Z]{3}\b/;
const SYMBOLS: Readonly<Record<string, string>> = { $: 'USD', '£': 'GBP', '€': 'EUR', '¥': 'JPY', '₹': 'INR', '₽': 'RUB', '₺': 'TRY', '₩': 'KRW', '֏': 'AMD', 'zł': 'PLN', 'лв': 'BGN', 'kč': 'CZK' };
const ISO_CODES: ReadonlySet<string> = new Set(['EUR', 'USD', 'GBP', 'CHF', 'JPY', 'CAD', 'AUD', 'NZD', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'HUF', 'RON', 'BGN', 'HRK', 'RSD', 'BAM', 'MKD', 'ALL', 'TRY', 'RUB', 'UAH', 'AMD', 'GEL', 'AZN', 'INR', 'CNY', 'BRL', 'MXN', 'ZAR', 'ISK']);

/** Currency of a value: an ISO code or a symbol (mapped to its code), or undefined. */
export function currencyOf(value: string): string | undefined {
  const t = value.trim();
  const code = /\b([A-Za-z]{3})\b/.exec(t)?.[1]?.toUpperCase();
  if (code && ISO_CODES.has(code)) return code;
  for (const [sym, iso] of Object.entries(SYMBOLS)) if (t.toLowerCase().includes(sym)) return iso;
  return undefined;
}

/** Does a 6- or 8-digit value read as yymmdd / yyyymmdd? */
function compactDate(t: string): boolean {
  if (t.length !== 6 && t.length !== 8) return false;
  if (!/^\d+$/.test(t)) return false;
  const o = t.length === 6 ? 2 : 4;
  const m = Number(t.slice(o, o + 2));
  const d = Number(t.slice(o + 2, o + 4));
  return m >= 1 && m <= 12 && d >= 1 && d <= 31 && (t.length === 6 || /^(19|20)/.test(t));
}

/**
 * Profiles one column's sample values (null tokens are skipped).
 *
 * @example profileColumn(['1', '2', '3']).rowNumbers // true
 * @example profileColumn(['ana@example.com']).emails // 1
 */
export function profileColumn(samples: readonly string[]): ColumnProfile {
  const values = samples.filter((v) => v !== undefined && !isNullToken(v)).map((v) => v.trim());
  const n = values.length;
  if (n === 0) {
    return { values: 0, distinct: 0, levels: [], distinctShare: 0, integers: 0, min: NaN, max: NaN, numeric: 0, negatives: 0, moneyLike: false, dates: 0, excelSerial: false, compactDates: 0, emails: 0, words: 0, meanLength: 0, codes: 0, rowNumbers: false, currencies: [] };
  }
  const distinctValues = new Set(values);
  const distinct = distinctValues.size;
  let ints = 0;
  let min = Infinity;
  let max = -Infinity;
  let emails = 0;
  let words = 0;
  let length = 0;
  let codes = 0;
  let compact = 0;
  let moneyLike = false;
  let rowNumbers = true;
  const currencies = new Map<string, number>();
  values.forEach((t, i) => {
    length += t.length;
    if (RE_INT.test(t)) {
      ints++;
      const v = Number(t);
      if (v < min) min = v;
      if (v > max) max = v;
    }
    if (rowNumbers && t !== String(i + 1)) rowNumbers = false;
    if (RE_EMAIL.test(t)) emails++;
    if (/\S\s+\S/.test(t)) words++;
    if (RE_CODE.test(t)) codes++;
    if (compactDate(t)) compact++;
    if (RE_FRACTION.test(t)) moneyLike = true;
    const c = currencyOf(t);
    if (c) currencies.set(c, (currencies.get(c) ?? 0) + 1);
  });
  const fmt = detectNumberFormat(values);
  let numeric = 0;
  let negatives = 0;
  for (const v of values) {
    const x = parseLocaleNumber(v, fmt.decimal, fmt.thousands);
    if (Number.isNaN(x)) continue;
    numeric++;
    if (x < 0) negatives++;
  }
  const order = detectDateOrder(values);
  let dates = 0;
  if (!order.excelSerial) for (const v of values) if (!Number.isNaN(parseDate(v, order.ambiguous ? 'DMY' : order.order))) dates++;
  return {
    values: n, distinct, levels: distinct <= FEW_LEVELS ? [...distinctValues] : [], distinctShare: distinct / n, integers: ints / n, min: ints ? min : NaN, max: ints ? max : NaN,
    numeric: numeric / n, negatives: negatives / n, moneyLike: moneyLike && numeric / n >= 0.8, dates: dates / n, excelSerial: order.excelSerial, compactDates: compact / n, emails: emails / n, words: words / n,
    meanLength: length / n, codes: codes / n, rowNumbers: rowNumbers && n >= 3,
    currencies: [...currencies.entries()].sort((a, b) => b[1] - a[1]).map((e) => e[0]),
  };
}

/**
 * Could this column identify a customer, an order or a subscription? 0 (no) .. 1 (very likely),
 * from values only. `unique`: in this kind of file the id must not repeat (a customers table).
 *
 * No: dates, money with fractions, e-mails and names (those are key fallbacks, see
 * header-match.ts), row numbers, a constant column (an own account's IBAN on every line), small
 * integers that repeat (an age, a count: 18..90 is not a client number).
 */
export function idLikeness(p: ColumnProfile, unique: boolean): number {
  if (p.values === 0) return 0;
  if (p.dates >= 0.8 && p.compactDates < 0.8) return 0;
  if (p.moneyLike && p.integers < 0.5) return 0;
  if (p.emails >= 0.5 || p.words >= 0.5 || p.rowNumbers) return 0;
  if (p.values >= 5 && p.distinct === 1) return 0;
  if (p.integers >= 0.9 && p.max < 1000 && p.distinctShare < 0.9) return 0.1;
  if (unique) return p.distinctShare >= 0.98 ? 1 : p.distinctShare >= 0.9 ? 0.5 : 0.1;
  return p.integers >= 0.9 || p.codes >= 0.5 ? 0.8 : p.meanLength <= 40 ? 0.6 : 0.2;
}
