/**
 * Null tokens: the spellings of "missing" that a cell may hold (RELIABILITY.md section 4,
 * hostile-inputs/null-tokens.csv).
 *
 * Policy (explicit and shown to the user, after csvkit's default null values): a cell is missing
 * when it is empty, whitespace only, or, trimmed and compared case-insensitively, one of
 * {@link NULL_TOKENS}. `NA` is therefore never read as Namibia or as text in a numeric column;
 * a file that really means Namibia must spell the country out or use `NAM`.
 */

import { isSpaceCode } from './chars.ts';

/** The tokens read as missing, as shown to the user (compared trimmed and case-insensitively). */
export const NULL_TOKENS: readonly string[] = Object.freeze([
  'NULL',
  'N/A',
  'NA',
  '#N/A',
  'none',
  'nil',
  '-',
  '—',
  '.',
]);

const LOWER_TOKENS: ReadonlySet<string> = new Set(NULL_TOKENS.map((t) => t.toLowerCase()));
/** Longest token length: longer cells skip the lookup without allocating. */
const MAX_TOKEN_LENGTH = 4;

/**
 * Is this cell missing? True for '', whitespace-only text and the {@link NULL_TOKENS}
 * (trimmed, case-insensitive).
 *
 * Hot path: called once per cell before any value parser. It scans the ends of the string and
 * allocates only when the trimmed text is at most 4 characters long.
 * Complexity: O(length of leading/trailing whitespace), O(1) otherwise.
 *
 * @example isNullToken(' n/a ') // true
 * @example isNullToken('0') // false
 */
export function isNullToken(text: string): boolean {
  let start = 0;
  let end = text.length;
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  const n = end - start;
  if (n === 0) return true;
  if (n > MAX_TOKEN_LENGTH) return false;
  const c = text.charCodeAt(start);
  // Cheap rejection: every token starts with one of n N # - — . (digits are the common case).
  if (c !== 0x6e && c !== 0x4e && c !== 0x23 && c !== 0x2d && c !== 0x2014 && c !== 0x2e) return false;
  return LOWER_TOKENS.has(text.slice(start, end).toLowerCase());
}
