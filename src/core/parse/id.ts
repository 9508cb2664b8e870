/**
 * Identifiers (customer, order, subscription ids): kept as strings exactly as written, never
 * numbers (`00123` stays `00123`; DESIGN.md section 1), with checks for the two ways exports
 * damage them: invisible characters and Excel's scientific notation
 * (RELIABILITY.md section 4, hostile-inputs/unicode-tricks.csv and excel-mangled-ids.csv).
 */

/**
 * Normalises an id: trims whitespace (including NBSP and the BOM) and applies Unicode NFC, so
 * `Zoë` typed with a combining diaeresis equals the precomposed `Zoë`. Nothing else changes:
 * case, leading zeros and inner spaces are kept, and invisible characters are not removed
 * (they are flagged with {@link hasInvisibleChars} instead, so the user decides).
 *
 * Hot path: ASCII-only ids (the common case) skip normalisation. O(n).
 *
 * @example normaliseId(' 00123 ') // '00123'
 */
export function normaliseId(text: string): string {
  const t = text.trim();
  for (let i = 0; i < t.length; i++) {
    if (t.charCodeAt(i) >= 0x80) return t.normalize('NFC');
  }
  return t;
}

/** Invisible or direction-changing code points. */
function isInvisibleCode(c: number): boolean {
  return (
    c < 0x20 || // C0 controls (tab, NUL, ...)
    c === 0x7f ||
    (c >= 0x80 && c <= 0x9f) || // C1 controls
    c === 0xad || // soft hyphen
    c === 0x34f || // combining grapheme joiner
    c === 0x61c || // Arabic letter mark
    c === 0x180e || // Mongolian vowel separator
    (c >= 0x200b && c <= 0x200f) || // zero-width space/non-joiner/joiner, LRM, RLM
    (c >= 0x202a && c <= 0x202e) || // bidi embeddings and overrides
    (c >= 0x2060 && c <= 0x2064) || // word joiner, invisible operators
    (c >= 0x2066 && c <= 0x2069) || // bidi isolates
    c === 0xfeff // BOM / zero-width no-break space
  );
}

/**
 * Does the text contain a character that is invisible on screen: zero-width space, non-joiner
 * and joiner, word joiner, BOM, soft hyphen, bidi marks, embeddings, overrides and isolates, or
 * control characters? Two ids that look identical may then differ, and an RTL override can make
 * `A\u202Egnp.exe` display as `Aexe.png`. O(n), no allocation.
 *
 * @example hasInvisibleChars('C001\u200b') // true
 */
export function hasInvisibleChars(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (isInvisibleCode(text.charCodeAt(i))) return true;
  }
  return false;
}

/** Excel's "General" format for long numbers: one digit, decimals, `E+`/`E-`, two or more digits. */
const RE_EXCEL_SCIENTIFIC = /^\s*[-+]?\d(?:[.,]\d+)?[eE][+-]\d{2,}\s*$/;

/**
 * Does the id look like Excel's scientific notation (`1.23457E+11`)? Excel shows long numeric
 * ids so and saves them so in CSV: the digits are already lost and the file must be exported
 * again with the column formatted as Text. The sign after `E` is required (Excel always writes
 * it), so product codes such as `2E10` are not flagged. O(n).
 *
 * @example looksLikeScientificNotation('1.23457E+11') // true
 */
export function looksLikeScientificNotation(text: string): boolean {
  // Hot path (once per id cell): without an `e`/`E` the regex cannot match.
  if (text.indexOf('E') < 0 && text.indexOf('e') < 0) return false;
  return RE_EXCEL_SCIENTIFIC.test(text);
}
