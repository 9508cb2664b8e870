/**
 * Searching survey comments (issue #12 item 3: "comments searchable and filterable by score"):
 * a pure filter over answer rows (answer-rows.ts) by text and score range.
 *
 * Text matching is "contains", case-insensitive and accent-insensitive: both the comment and the
 * query are folded (foldText: Unicode NFD, combining marks removed, lower-cased, the few letters
 * NFD does not decompose mapped by hand — ß ss, æ ae, œ oe, ø o, ł l, đ d, ı i — and runs of
 * white space collapsed), so "tres peu" finds "très peu", "odlicno" finds "Odlično" and
 * "SEHR ZUFRIEDEN" finds "Sehr zufrieden". An empty query matches every row; a non-empty one
 * never matches a row without a comment. The score range is inclusive at both ends.
 *
 * Complexity: O(total comment length) per search. Bad input: a minScore above maxScore matches
 * nothing; NaN bounds are ignored; nothing throws.
 */

/** What to keep. */
export interface AnswerFilter {
  /** Text the comment contains (folded, see the file comment). */
  readonly text?: string;
  readonly minScore?: number;
  readonly maxScore?: number;
}

const LETTERS: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ı: 'i', ð: 'd', þ: 'th' };

/**
 * Text folded for accent- and case-insensitive matching. O(length).
 *
 * @example foldText('  Très  PEU ') // 'tres peu'
 * @example foldText('Odlično, hvala!') // 'odlicno, hvala!'
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđıðþ]/gu, (c) => LETTERS[c])
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * The rows whose comment contains `filter.text` and whose score is in [minScore, maxScore], in
 * their order.
 *
 * @example filterAnswers(rows, { text: 'support', maxScore: 6 })
 */
export function filterAnswers<T extends { readonly comment: string | null; readonly score: number }>(rows: readonly T[], filter: AnswerFilter): T[] {
  const query = filter.text === undefined ? '' : foldText(filter.text);
  const min = Number.isNaN(filter.minScore) ? undefined : filter.minScore;
  const max = Number.isNaN(filter.maxScore) ? undefined : filter.maxScore;
  return rows.filter((row) => {
    if (min !== undefined && !(row.score >= min)) return false;
    if (max !== undefined && !(row.score <= max)) return false;
    if (query === '') return true;
    return row.comment !== null && foldText(row.comment).includes(query);
  });
}
