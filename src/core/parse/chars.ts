/** Character-code predicates shared by the value parsers (no allocation, no regex). */

/** ASCII digit 0-9. */
export function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Whitespace as String.prototype.trim sees it (includes NBSP, U+202F and the BOM). */
export function isSpaceCode(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Space-like digit-group separators: space, NBSP, thin, figure and narrow no-break space. */
export function isSpaceGroupCode(c: number): boolean {
  return c === 0x20 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 0x2007;
}

/** Apostrophe-like digit-group separators (Swiss 1'234.50): ' and U+2019. */
export function isApostropheCode(c: number): boolean {
  return c === 0x27 || c === 0x2019;
}

/** Single-character currency signs: $ ¢ £ ¤ ¥ ֏ ฿ ﷼ and the Unicode currency block U+20A0-U+20CF (€ ₹ ₽ ...). */
export function isCurrencySignCode(c: number): boolean {
  return (
    c === 0x24 ||
    (c >= 0xa2 && c <= 0xa5) ||
    c === 0x58f ||
    c === 0xe3f ||
    c === 0xfdfc ||
    (c >= 0x20a0 && c <= 0x20cf)
  );
}

/** Letters that may spell a currency word: Latin (with accents), Cyrillic, Armenian. */
export function isWordLetterCode(c: number): boolean {
  return (
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x400 && c <= 0x4ff) ||
    (c >= 0x531 && c <= 0x587)
  );
}

/** ASCII upper-case letter A-Z. */
export function isUpperAsciiCode(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}
