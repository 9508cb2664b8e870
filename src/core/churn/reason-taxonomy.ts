/**
 * The churn-reason taxonomy (issue #10 item 1; DESIGN.md section 4): how the reasons customers
 * typed (or the codes an export wrote) become the categories the audit counts.
 *
 * 1. Every reason is normalised: Unicode NFC, trimmed, inner whitespace collapsed to one space,
 *    lower case (locale-free), leading/trailing punctuation dropped ("Too expensive!" and
 *    " too expensive " are one reason); accents are kept ("Preveč drago" stays itself). Null
 *    tokens (n/a, none, -, empty) mean "no reason recorded".
 * 2. A reason gets its category, first match wins:
 *    a. the user's assignment for that reason (a split, or a reason moved by hand);
 *    b. the category the file itself wrote most often beside that reason (cancellation exports
 *       often fill a category column only some of the time: the majority spreads to the rest);
 *    c. a built-in rule: Stripe's cancellation-feedback codes, and keyword groups for the
 *       obvious duplicates ("Price too high", "Found a cheaper alternative" -> Price);
 *    d. the reason itself (its most common spelling) as a category of its own.
 * 3. Then the user's renames and merges apply to b-d (`renames`: original category -> the name
 *    shown; no chains: renaming a shown category rewrites every entry that points at it), so a
 *    merge is several renames onto one name. A user's assignment (a) is already a shown name.
 *
 * The user's edits are a plain, versioned object saved per workspace (`ReasonEdits`): every edit
 * raises `version` and appends to `log`, and every audit result carries the version it was
 * computed with, so a renamed category never mixes old and new counts without saying so.
 *
 * Complexity: O(distinct reasons x rules) to classify, O(rows) to count.
 */
import { isNullToken } from '../parse/null-token.ts';

/** Built-in categories (English names; the UI translates built-in names it knows). */
export const BUILT_IN_CATEGORIES = Object.freeze(['Price', 'Competitor', 'Missing features', 'Too complex', 'Quality', 'Support', 'No longer needed', 'Other'] as const);

/** Whether a built-in category is avoidable (the business could have acted). */
export const BUILT_IN_AVOIDABLE: Readonly<Record<string, boolean>> = Object.freeze({
  Price: true,
  Competitor: true,
  'Missing features': true,
  'Too complex': true,
  Quality: true,
  Support: true,
  Product: true,
  'No longer needed': false,
  'No need': false,
});

/** Stripe's cancellation-feedback codes (Billing customer portal) and the category each one means. */
export const STRIPE_FEEDBACK: Readonly<Record<string, string>> = Object.freeze({
  too_expensive: 'Price',
  missing_features: 'Missing features',
  switched_service: 'Competitor',
  unused: 'No longer needed',
  customer_service: 'Support',
  too_complex: 'Too complex',
  low_quality: 'Quality',
  other: 'Other',
});

/** Keyword groups for the obvious duplicates: a normalised reason containing a pattern gets the category. */
const RULES: readonly (readonly [RegExp, string])[] = [
  [/\b(too expensive|expensive|price|pricing|cost(s|ly)?|cheaper|budget|afford|teuer|drago|preskupo)\b/u, 'Price'],
  [/\b(competitor|another (vendor|provider|tool|service)|switch(ed|ing)? to|moved to|went with|alternative)\b/u, 'Competitor'],
  [/\b(missing|feature|features|integration|integrations|functionality)\b/u, 'Missing features'],
  [/\b(too complicated|complicated|complex|hard to use|difficult|confusing)\b/u, 'Too complex'],
  [/\b(quality|bug|bugs|buggy|slow|unreliable|crash(es)?|broken)\b/u, 'Quality'],
  [/\b(support|service|customer service|answer(ed)?|response)\b/u, 'Support'],
  [/\b(no longer need(ed)?|not needed|don'?t need|no need|unused|closed|closing|seasonal|not using)\b/u, 'No longer needed'],
  [/^(other|others|misc|miscellaneous|sonstiges|drugo)$/u, 'Other'],
];

/** The user's edits to the taxonomy of one workspace (saved with it). */
export interface ReasonEdits {
  /** Raised by every edit; 0 = the built-in taxonomy. */
  readonly version: number;
  /** Normalised reason -> category (splits and moves). */
  readonly assign: Readonly<Record<string, string>>;
  /** Category -> category (renames; a merge renames several onto one). */
  readonly renames: Readonly<Record<string, string>>;
  /** Category -> avoidable (overrides the built-in flags). */
  readonly avoidable: Readonly<Record<string, boolean>>;
  /** What was done, oldest first ("rename Price -> Cost"). */
  readonly log: readonly ReasonEdit[];
}

export type ReasonEdit =
  | { readonly op: 'rename'; readonly from: string; readonly to: string }
  | { readonly op: 'merge'; readonly from: readonly string[]; readonly to: string }
  | { readonly op: 'split'; readonly reasons: readonly string[]; readonly to: string }
  | { readonly op: 'avoidable'; readonly category: string; readonly avoidable: boolean | null };

export const NO_EDITS: ReasonEdits = Object.freeze({ version: 0, assign: Object.freeze({}), renames: Object.freeze({}), avoidable: Object.freeze({}), log: Object.freeze([]) });

/**
 * Normalised form of a reason (see the file comment), or null for "no reason recorded".
 *
 * @example normaliseReason('  Too   expensive! ') // 'too expensive'
 */
export function normaliseReason(text: string | undefined | null): string | null {
  if (text === undefined || text === null) return null;
  const t = text
    .normalize('NFC')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLowerCase()
    .replace(/^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu, '');
  if (t === '' || isNullToken(t) || t === 'none' || t === 'no reason' || t === 'unknown') return null;
  return t;
}

/** The built-in category of a normalised reason (Stripe code or keyword group), or null. */
export function builtInCategory(reason: string): string | null {
  const code = reason.replace(/ /gu, '_');
  if (Object.hasOwn(STRIPE_FEEDBACK, code)) return STRIPE_FEEDBACK[code];
  for (const [pattern, category] of RULES) if (pattern.test(reason)) return category;
  return null;
}

/** The category a built-in, file or own-name category is shown as after the user's renames. */
export function renamedCategory(edits: ReasonEdits, category: string): string {
  return Object.hasOwn(edits.renames, category) ? edits.renames[category] : category;
}

/** Whether a category is avoidable: the user's flag, else the built-in one, else null (not known). */
export function isAvoidable(edits: ReasonEdits, category: string): boolean | null {
  if (Object.hasOwn(edits.avoidable, category)) return edits.avoidable[category];
  if (Object.hasOwn(BUILT_IN_AVOIDABLE, category)) return BUILT_IN_AVOIDABLE[category];
  return null;
}

/** One reason as the taxonomy classified it. */
export interface ClassifiedReason {
  /** Normalised reason. */
  readonly reason: string;
  /** Its most common spelling in the data. */
  readonly label: string;
  /** The category shown (after the user's renames). */
  readonly category: string;
  /** The category before the user's renames (what editReasons rewrites). */
  readonly original: string;
  /** How the category was found. */
  readonly by: 'user' | 'file' | 'built-in' | 'itself';
}

/**
 * Classifies the distinct reasons of a workspace (see the file comment, step 2 and 3).
 *
 * @param observed per normalised reason: the spellings seen (with counts) and the file's own
 *   categories seen beside it (with counts).
 * @example classifyReasons(new Map([['too expensive', { spellings: new Map([['Too expensive', 3]]), categories: new Map() }]]), NO_EDITS)
 */
export function classifyReasons(
  observed: ReadonlyMap<string, { readonly spellings: ReadonlyMap<string, number>; readonly categories: ReadonlyMap<string, number> }>,
  edits: ReasonEdits,
): Map<string, ClassifiedReason> {
  const out = new Map<string, ClassifiedReason>();
  for (const [reason, seen] of observed) {
    const label = mostCommon(seen.spellings) ?? reason;
    let category: string;
    let by: ClassifiedReason['by'];
    const fileCategory = mostCommon(seen.categories);
    const rule = builtInCategory(reason);
    if (Object.hasOwn(edits.assign, reason)) {
      category = edits.assign[reason];
      by = 'user';
    } else if (fileCategory !== null) {
      category = fileCategory;
      by = 'file';
    } else if (rule !== null) {
      category = rule;
      by = 'built-in';
    } else {
      category = label;
      by = 'itself';
    }
    out.set(reason, { reason, label, category: by === 'user' ? category : renamedCategory(edits, category), original: category, by });
  }
  return out;
}

/** The key with the largest count (ties: the first seen), or null when empty. */
function mostCommon(counts: ReadonlyMap<string, number>): string | null {
  let best: string | null = null;
  let n = -1;
  for (const [k, c] of counts) if (c > n) [best, n] = [k, c];
  return best;
}

/**
 * Applies one edit and returns the new edits (version + 1, the edit appended to the log).
 * The categories an edit names are the ones the user sees (after earlier renames):
 * - rename / merge: every original category and every user assignment shown as one of `from`
 *   is shown as `to` from now on (a rename onto itself changes nothing and is not logged);
 * - split: the listed normalised reasons are assigned to `to`;
 * - avoidable: the flag of a shown category (null: back to the built-in flag, or not known).
 *
 * @param originals the original categories (file, built-in and own-name) a rename may have to
 *   rewrite, e.g. every `category` before renames in the current audit.
 * @throws RangeError "editReasons requires a category name" when `to` is empty.
 * @example editReasons(NO_EDITS, { op: 'merge', from: ['Price', 'Cost'], to: 'Price' }, ['Price', 'Cost'])
 */
export function editReasons(edits: ReasonEdits, edit: ReasonEdit, originals: readonly string[]): ReasonEdits {
  const renames: Record<string, string> = { ...edits.renames };
  const assign: Record<string, string> = { ...edits.assign };
  const avoidable: Record<string, boolean> = { ...edits.avoidable };
  if (edit.op === 'avoidable') {
    // null: back to the built-in flag (or "not known").
    if (edit.avoidable === null) delete avoidable[edit.category];
    else avoidable[edit.category] = edit.avoidable;
  } else {
    const to = edit.to.trim();
    if (to === '') throw new RangeError('editReasons requires a category name');
    if (edit.op === 'split') {
      for (const r of edit.reasons) assign[r] = to;
    } else {
      const from = new Set(edit.op === 'rename' ? [edit.from] : edit.from);
      from.delete(to);
      if (from.size === 0) return edits;
      for (const o of originals) if (from.has(renamedCategory(edits, o))) renames[o] = to;
      for (const [r, c] of Object.entries(assign)) if (from.has(c)) assign[r] = to;
      // The flag travels with the category (the user's, else the built-in one), unless `to` has its own.
      for (const c of from) {
        const flag = isAvoidable(edits, c);
        if (flag !== null && isAvoidable({ ...edits, avoidable }, to) === null) avoidable[to] = flag;
        delete avoidable[c];
      }
    }
  }
  return { version: edits.version + 1, assign, renames, avoidable, log: [...edits.log, edit] };
}
