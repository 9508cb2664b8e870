/**
 * Locale-aware numbers and money: `1234.56`, `1,234.56`, `1.234,56`, `1 234,56`, `1'234.56`,
 * `€ 12,50`, `49.00 EUR`, `(12.00)` (DESIGN.md section 1; RELIABILITY.md section 4,
 * hostile-inputs/amount-formats.csv and number-specials.csv).
 *
 * Bad-input policy for the whole family: per-value parsers never throw; they return NaN for
 * anything that is not clearly a number in the given convention, and the caller turns NaN into
 * an ImportIssue (with {@link explainNumber} for the message). Null tokens are not handled here:
 * the caller checks `isNullToken` first.
 */
import {
  isApostropheCode,
  isCurrencySignCode,
  isDigitCode,
  isSpaceCode,
  isSpaceGroupCode,
  isUpperAsciiCode,
  isWordLetterCode,
} from './chars.ts';
import { numberExample, type DecimalMark, type ThousandsMark } from './formats.ts';

// Detection of a column's convention lives beside the parser (number-detect.ts); the number
// family is imported from here.
export { numberExample } from './formats.ts';
export { detectNumberFormat, type NumberFormatGuess } from './number-detect.ts';

/** Exact powers of ten: a 15-digit mantissa divided by one of them is correctly rounded. */
const POW10: readonly number[] = Object.freeze(Array.from({ length: 23 }, (_, i) => 10 ** i));

/** Digits up to which the mantissa is an exact integer (10^15 < 2^53). */
const FAST_DIGITS = 15;

/**
 * Currency words written next to amounts, lower-case. Any three upper-case ASCII letters are
 * also accepted as an ISO 4217 code (EUR, USD, BGN, AMD ...), see {@link isCurrencyWord}.
 */
const CURRENCY_WORDS: ReadonlySet<string> = new Set([
  'eur', 'usd', 'gbp', 'chf', 'bgn', 'amd', 'pln', 'czk', 'huf', 'ron', 'rsd', 'mkd', 'bam', 'sek',
  'nok', 'dkk', 'isk', 'try', 'uah', 'rub', 'gel', 'azn', 'kzt', 'jpy', 'cny', 'inr', 'aud', 'cad',
  'nzd', 'hrk',
  'zł', 'zl', 'kč', 'kc', 'ft', 'lei', 'kn', 'kr', 'kr.', 'fr', 'fr.', 'sfr', 'din', 'din.',
  'лв', 'лв.', 'ден', 'дин', 'дин.', 'руб', 'руб.', 'р.', 'грн', 'դր', 'դր.', 'դրամ',
  'euro', 'euros', 'evro', 'evrov', 'evra', 'евро',
]);

/** Is text[start, end) a currency word? `next` is the code after the word (for `US$`, `HK$`). */
function isCurrencyWord(text: string, start: number, end: number, next: number): boolean {
  const len = end - start;
  let upper = true;
  for (let i = start; i < end; i++) {
    if (!isUpperAsciiCode(text.charCodeAt(i))) {
      upper = false;
      break;
    }
  }
  if (upper && len === 3) return true;
  if (upper && len <= 2 && isCurrencySignCode(next)) return true;
  return CURRENCY_WORDS.has(text.slice(start, end).toLowerCase());
}

/**
 * Skips a currency word starting at i (letters and inner dots, not past `limit`).
 * Returns the index after it, or -1 when the word is not a currency.
 */
function skipCurrencyWord(text: string, i: number, limit: number): number {
  let j = i;
  while (j < limit) {
    const c = text.charCodeAt(j);
    if (isWordLetterCode(c) || (c === 0x2e && j > i)) j++;
    else break;
  }
  const next = j < text.length ? text.charCodeAt(j) : -1;
  return isCurrencyWord(text, i, j, next) ? j : -1;
}

/** Slow path for mantissas over 15 digits: rebuild a plain decimal string and let Number() round it. */
function parseLongDigits(text: string, a: number, b: number, dec: number): number {
  let s = '';
  for (let i = a; i <= b; i++) {
    const c = text.charCodeAt(i);
    if (isDigitCode(c)) s += text[i];
    else if (c === dec) s += '.';
  }
  return Number(s);
}

/**
 * Parses a number or money amount written in a locale convention.
 *
 * Accepted (after trimming): optional sign (`-`, `+`, U+2212) or accounting parentheses
 * `(12.00)` = -12; currency signs and codes before or after the number (`€`, `$`, `£`, `zł`,
 * `Kč`, `лв`, `֏`, `kr`, `US$`, any three-letter ISO code such as `EUR`); digits with an optional
 * decimal part using `decimal`; digit groups of three separated by `thousands` or, always, by a
 * space, NBSP, narrow NBSP (U+202F) or apostrophe (these can never be a decimal mark). A leading
 * decimal mark (`.5`) is accepted.
 *
 * Rejected (NaN): exponents (`1e308`: money is never written so, and Excel-rounded values lose
 * data), hex (`0x1A`), `NaN`/`Infinity`, a trailing minus (`12.5-`), percentages, mixed or
 * misplaced group separators (`1,23,456`), a second decimal mark, the other convention's mark
 * (`1,234.56` read with decimal ',' is ambiguous, so NaN), and non-finite results. `-0` gives 0.
 *
 * Speed: one pass over the characters, no regex and no allocation unless a currency word is
 * present or the number has more than 15 digits. The value is exact-then-divided (Clinger's fast
 * path: an integer mantissa below 2^53 divided by an exact power of ten is correctly rounded).
 * Complexity O(n) in the length of the text.
 *
 * @example parseLocaleNumber('1.234,56', ',', '.') // 1234.56
 * @example parseLocaleNumber('(12.00)', '.', ',') // -12
 * @example parseLocaleNumber('1,234.56', ',', '.') // NaN (ambiguous against the convention)
 */
export function parseLocaleNumber(text: string, decimal: DecimalMark, thousands: ThousandsMark): number {
  let s = 0;
  let e = text.length;
  while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
  while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
  if (s === e) return NaN;
  const dec = decimal === ',' ? 0x2c : 0x2e;
  const th = thousands === ',' || thousands === '.' ? thousands.charCodeAt(0) : -1;

  // Body: from the first digit (or a decimal mark followed by a digit) to the last digit.
  let a = s;
  for (; a < e; a++) {
    const c = text.charCodeAt(a);
    if (isDigitCode(c)) break;
    if (c === dec && a + 1 < e && isDigitCode(text.charCodeAt(a + 1))) break;
  }
  if (a === e) return NaN;
  let b = e - 1;
  while (!isDigitCode(text.charCodeAt(b))) b--;

  // Prefix: spaces, one sign or an opening parenthesis, currency marks.
  let neg = false;
  let sign = false;
  let paren = false;
  let currency = 0;
  for (let i = s; i < a; ) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) i++;
    else if (c === 0x2d || c === 0x2b || c === 0x2212) {
      if (sign || paren) return NaN;
      sign = true;
      neg = c !== 0x2b;
      i++;
    } else if (c === 0x28) {
      if (sign || paren) return NaN;
      paren = true;
      i++;
    } else if (isCurrencySignCode(c)) {
      currency++;
      i++;
    } else if (isWordLetterCode(c)) {
      const j = skipCurrencyWord(text, i, a);
      if (j < 0) return NaN;
      currency++;
      i = j;
    } else return NaN;
  }

  // Suffix: spaces, the closing parenthesis, currency marks. No trailing minus.
  let closed = false;
  for (let i = b + 1; i < e; ) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) i++;
    else if (c === 0x29) {
      if (!paren || closed) return NaN;
      closed = true;
      i++;
    } else if (isCurrencySignCode(c)) {
      currency++;
      i++;
    } else if (isWordLetterCode(c)) {
      const j = skipCurrencyWord(text, i, e);
      if (j < 0) return NaN;
      currency++;
      i = j;
    } else return NaN;
  }
  if (paren !== closed || currency > 2) return NaN;

  // Digits, one decimal mark, groups of three in the integer part.
  let mantissa = 0;
  let digits = 0;
  let fracDigits = 0;
  let inFrac = false;
  let groupLen = 0;
  let groups = 0;
  let groupClass = 0;
  for (let i = a; i <= b; i++) {
    const c = text.charCodeAt(i);
    if (isDigitCode(c)) {
      mantissa = mantissa * 10 + (c - 0x30);
      digits++;
      if (inFrac) fracDigits++;
      else groupLen++;
      continue;
    }
    if (c === dec) {
      if (inFrac || (groups > 0 && groupLen !== 3)) return NaN;
      inFrac = true;
      continue;
    }
    const cls = isSpaceGroupCode(c) ? 1 : isApostropheCode(c) ? 2 : c === th ? 3 : 0;
    if (cls === 0 || inFrac || groupLen === 0) return NaN;
    if (groups === 0) {
      if (groupLen > 3) return NaN;
      groupClass = cls;
    } else if (cls !== groupClass || groupLen !== 3) return NaN;
    groups++;
    groupLen = 0;
  }
  if (!inFrac && groups > 0 && groupLen !== 3) return NaN;

  const value =
    digits > FAST_DIGITS ? parseLongDigits(text, a, b, dec) : fracDigits > 0 ? mantissa / POW10[fracDigits] : mantissa;
  if (!Number.isFinite(value)) return NaN;
  if (value === 0) return 0;
  return neg !== paren ? -value : value;
}


const RE_SPECIAL = /^[+-]?(?:nan|inf|infinity)$/i;
const RE_HEX = /^[+-]?0x[0-9a-f]+$/i;
const RE_EXPONENT = /\d[eE][+-]?\d/;
const RE_TRAILING_MINUS = /\d\s*[-\u2212]$/;
const RE_DECIMAL_COMMA = /^(?:\d{1,3}(?:[.\s\u00a0\u202f']\d{3})+|\d*),\d+$/;
const RE_DECIMAL_POINT = /^(?:\d{1,3}(?:[,\s\u00a0\u202f']\d{3})+|\d*)\.\d+$/;
const RE_NOT_NUMBERISH = /[^\d.,'\s\u00a0\u202f\u2019()+\-\u2212]/;

/**
 * Explains in English why {@link parseLocaleNumber} returned NaN for this text (slow path, for
 * the issue list only; uses regexes and allocates freely).
 *
 * @example explainNumber('1.234,56', '.', ',')
 *   // "'1.234,56' has a decimal comma but the file was read with a decimal point"
 */
export function explainNumber(text: string, decimal: DecimalMark, thousands: ThousandsMark): string {
  const t = text.trim();
  const q = `'${t}'`;
  if (!Number.isNaN(parseLocaleNumber(text, decimal, thousands))) return `${q} is a valid number`;
  if (t === '') return 'the value is empty';
  if (RE_SPECIAL.test(t)) return `${q} is not a number`;
  if (RE_HEX.test(t)) return `${q} is a hexadecimal number, which is not accepted`;
  if (RE_EXPONENT.test(t))
    return `${q} is in scientific notation, which is not accepted for amounts (Excel may have rounded it; format the column as Number and export again)`;
  if (RE_TRAILING_MINUS.test(t)) return `${q} has a trailing minus sign; write the minus before the number`;
  if (t.endsWith('%')) return `${q} is a percentage, not an amount`;
  if (!/\d/.test(t)) return `${q} has no digits`;
  // Strip currency words and signs to look at the number itself.
  const core = t.replace(/[^\d.,'\s\u00a0\u202f\u2019]/g, '').trim();
  if (decimal === '.' && RE_DECIMAL_COMMA.test(core) && !RE_DECIMAL_POINT.test(core))
    return `${q} has a decimal comma but the file was read with a decimal point`;
  if (decimal === ',' && RE_DECIMAL_POINT.test(core) && !RE_DECIMAL_COMMA.test(core))
    return `${q} has a decimal point but the file was read with a decimal comma`;
  const other = decimal === '.' ? ',' : '.';
  if (core.includes(other) && thousands !== other)
    return `${q} uses '${other}' as a thousands separator, but the file was read as ${numberExample(decimal, thousands)}`;
  if (core.split(decimal).length > 2) return `${q} has more than one decimal mark '${decimal}'`;
  const stripped = t.replace(/[A-Za-z\u00c0-\u024f\u0400-\u04ff\u0531-\u0587]+\.?|[$\u00a2-\u00a5\u058f\u0e3f\ufdfc\u20a0-\u20cf]/g, '');
  const odd = RE_NOT_NUMBERISH.exec(stripped);
  if (odd !== null) return `${q} contains '${odd[0]}', which is not part of a number or a currency`;
  if (/[a-z]/i.test(t)) return `${q} has letters that are not a known currency`;
  return `${q} is not a number written as ${numberExample(decimal, thousands)} (check the digit groups and signs)`;
}
