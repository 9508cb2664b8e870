/**
 * Column-mapping suggestions: which CSV column holds which field of a kind, and which kind a
 * file most likely is (DESIGN.md section 1: every import goes through a mapping, auto-suggested
 * from header names and values and confirmed by the user).
 *
 * Safety: header text is user input. It is never used as a key of a plain object; lookups go
 * through Maps, results are arrays by column index, so headers such as `__proto__`,
 * `constructor` or `hasOwnProperty` are ordinary strings here (hostile-inputs/proto-headers.csv).
 */
import { ATTRIBUTE_PREFIX, DATA_KINDS, KIND_FIELDS } from '../schema/kinds.ts';
import type { DataKind, FieldDef, Mapping } from '../schema/kinds.ts';
import { idLikeness, type ColumnProfile } from './column-profile.ts';
import { MIN_VALUE_SHARE, RE_EMAIL_HEADER, RE_ID_WORD, RE_NAME_HEADER, RE_NOT_A_PERSON, fitsType, headerRulesOut, isFreeText, profileColumns, valueFit } from './field-fit.ts';

export { isFreeText, profileColumns } from './field-fit.ts';
import type { KindGuess } from './formats.ts';
import { FIELD_SYNONYMS, PII_PHRASES, PII_WORDS } from './synonyms.ts';

const RE_COMBINING = /[\u0300-\u036f]/g;
const RE_SEPARATORS = /[_\-./\s\u00a0\u202f]+/g;
/** A lower-case letter followed by an upper-case one: `InvoiceNo`, `CustomerID`, `UnitPrice`. */
const RE_CAMEL = /(\p{Ll})(\p{Lu})/gu;
const RE_EDGE_QUOTES = /^["'`\u2018\u2019\u201a\u201c\u201d\u201e\u00ab\u00bb]+|["'`\u2018\u2019\u201a\u201c\u201d\u201e\u00ab\u00bb]+$/g;
const RE_INVISIBLE = /[\ufeff\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u00ad]/g;

/**
 * Normalises a header for matching: strips the BOM and invisible characters, surrounding
 * quotes and whitespace; lower-cases (locale-independent `toLowerCase`, so no Turkish dotless
 * i); strips diacritics (NFD, drop combining marks U+0300-U+036F, then NFC: `Šifra` -> `sifra`,
 * `й` -> `и`); `ß` -> `ss`; splits camelCase words (`InvoiceNo` -> `invoice no`); turns `_`,
 * `-`, `.`, `/` and runs of whitespace into one space.
 * O(n); allocates (called once per header, not per cell).
 *
 * @example normaliseHeader('\uFEFF"Customer_ID" ') // 'customer id'
 * @example normaliseHeader('Šifra  stranke') // 'sifra stranke'
 * @example normaliseHeader('InvoiceNo') // 'invoice no'
 */
export function normaliseHeader(h: string): string {
  return h
    .replace(RE_INVISIBLE, '')
    .trim()
    .replace(RE_EDGE_QUOTES, '')
    .replace(RE_CAMEL, '$1 $2')
    .toLowerCase()
    .normalize('NFD')
    .replace(RE_COMBINING, '')
    .normalize('NFC')
    .replace(/ß/g, 'ss')
    .replace(RE_SEPARATORS, ' ')
    .trim();
}

const PII_WORD_SET: ReadonlySet<string> = new Set(PII_WORDS.map(normaliseHeader));
const PII_PHRASE_LIST: readonly string[] = PII_PHRASES.map(normaliseHeader);

/**
 * Does a header name personal data (email, name, phone, address, ...) in any of the six
 * languages? Such columns are never kept as customer attributes. Takes a raw header.
 *
 * @example isPiiHeader('E-pošta') // true
 * @example isPiiHeader('Plan') // false
 */
export function isPiiHeader(header: string): boolean {
  return isPiiNormalised(normaliseHeader(header));
}

function isPiiNormalised(h: string): boolean {
  if (h === '') return false;
  for (const w of h.split(' ')) {
    if (PII_WORD_SET.has(w)) return true;
    // "customer_email", "billingname": word glued to a PII word
    if (w.endsWith('email') || w.endsWith('phone')) return true;
  }
  const padded = ` ${h} `;
  return PII_PHRASE_LIST.some((p) => padded.includes(` ${p} `));
}

/** One synonym entry: the field, the normalised name and its rank within the field's list. */
interface Synonym {
  readonly field: string;
  readonly name: string;
  readonly rank: number;
}

const synonymCache = new Map<DataKind, { exact: Map<string, Synonym>; all: readonly Synonym[] }>();

/** Normalised synonyms of a kind: exact lookup Map (first field listed wins) and the full list. */
function synonymsOf(kind: DataKind): { exact: Map<string, Synonym>; all: readonly Synonym[] } {
  let entry = synonymCache.get(kind);
  if (entry === undefined) {
    const exact = new Map<string, Synonym>();
    const all: Synonym[] = [];
    for (const def of KIND_FIELDS[kind]) {
      const names = FIELD_SYNONYMS[kind][def.key] ?? [];
      names.forEach((raw, rank) => {
        const name = normaliseHeader(raw);
        const syn: Synonym = { field: def.key, name, rank };
        if (!exact.has(name)) exact.set(name, syn);
        all.push(syn);
      });
      // The field key itself ("customer_id" -> "customer id") always matches.
      const keyName = normaliseHeader(def.key);
      if (!exact.has(keyName)) exact.set(keyName, { field: def.key, name: keyName, rank: 0 });
    }
    entry = { exact, all };
    synonymCache.set(kind, entry);
  }
  return entry;
}

/** A candidate assignment of a column to a field. */
interface Candidate {
  readonly column: number;
  readonly field: string;
  readonly score: number;
}

/**
 * Header candidates for one column: the exact synonym (score 1 minus a tiny rank penalty), and
 * containment matches (`customer id (internal)` contains `customer id`), scored 0.5-0.9 by how
 * much of the header the synonym covers. PII headers get exact matches only, so `customer name`
 * never becomes a customer id. A header that rules a field out (`Churn Score` is not the churn
 * flag, `Tenure (years)` not a tenure in months: field-fit.ts headerRulesOut) gets no containment
 * match for it.
 */
function headerCandidates(kind: DataKind, column: number, h: string, pii: boolean, out: Candidate[]): void {
  if (h === '') return;
  const { exact, all } = synonymsOf(kind);
  const hit = exact.get(h);
  if (hit !== undefined) out.push({ column, field: hit.field, score: 1 - hit.rank * 0.0005 });
  if (pii) return;
  const padded = ` ${h} `;
  const best = new Map<string, number>();
  for (const syn of all) {
    if (syn.name.length < 3 || syn.name === h || !padded.includes(` ${syn.name} `) || headerRulesOut(syn.field, h)) continue;
    const score = 0.5 + (0.4 * syn.name.length) / h.length - syn.rank * 0.0005;
    if (score > (best.get(syn.field) ?? 0)) best.set(syn.field, score);
  }
  for (const [field, score] of best) {
    if (hit === undefined || hit.field !== field) out.push({ column, field, score });
  }
}

/** How a column got its field: its header, its values, or a key fallback (e-mail or name as the customer key). */
export type MatchReason = 'header' | 'header-contains' | 'values' | 'email-key' | 'name-key';

/** How a field got its column, for kind scoring. */
interface Assigned {
  readonly column: number;
  readonly credit: number;
}

/** A suggested mapping with the reason for every mapped column. */
export interface MappingSuggestion {
  readonly mapping: Mapping;
  /** Per column: why it got its field (null: not mapped, or an attribute). */
  readonly reasons: readonly (MatchReason | null)[];
  /** Set when the customer key is not an id column: an e-mail or a name (names can collide). */
  readonly keyFallback?: 'email' | 'name';
}

/**
 * The core of {@link suggestMapping} and {@link guessKinds}: assigns columns to fields.
 * Returns the mapping, the reasons and, per field key, the column and the credit (header
 * score, or a lower credit for value-based matches and key fallbacks).
 */
function assign(
  kind: DataKind,
  headers: readonly string[],
  sampleRows: readonly (readonly string[])[],
  profiles: readonly ColumnProfile[],
): MappingSuggestion & { fields: Map<string, Assigned> } {
  const norm = headers.map(normaliseHeader);
  const pii = norm.map(isPiiNormalised);
  const positional = norm.map((h) => /^column \d+$/.test(h));
  const mapping: Mapping = headers.map(() => null);
  const reasons: (MatchReason | null)[] = headers.map(() => null);
  const fields = new Map<string, Assigned>();
  const defs = KIND_FIELDS[kind];
  const defOf = (key: string): FieldDef => defs.find((d) => d.key === key) as FieldDef;
  const put = (column: number, field: string, credit: number, reason: MatchReason): void => {
    mapping[column] = field;
    reasons[column] = reason;
    fields.set(field, { column, credit });
  };
  let keyFallback: 'email' | 'name' | undefined;

  // 1. Header names, best score first; each field and column at most once; values must fit the type.
  const candidates: Candidate[] = [];
  norm.forEach((h, i) => {
    if (!positional[i]) headerCandidates(kind, i, h, pii[i], candidates);
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  for (const c of candidates) {
    if (mapping[c.column] !== null || fields.has(c.field)) continue;
    const exact = c.score > 0.95;
    if (!fitsType(kind, defOf(c.field), profiles[c.column], exact)) continue;
    put(c.column, c.field, c.score, exact ? 'header' : 'header-contains');
  }

  // 2. Values, for required and expected date/money fields still missing (non-PII, unused columns).
  for (const def of defs) {
    if (!(def.required || def.expected) || fields.has(def.key)) continue;
    if (kind === 'orders' && def.key === 'amount' && fields.has('unit_price')) continue;
    let bestColumn = -1;
    let bestFit = MIN_VALUE_SHARE;
    for (let i = 0; i < headers.length; i++) {
      if (mapping[i] !== null || pii[i]) continue;
      const fit = valueFit(def, profiles[i]);
      if (fit >= bestFit && (bestColumn < 0 || fit > bestFit)) {
        bestColumn = i;
        bestFit = fit;
      }
    }
    if (bestColumn >= 0) put(bestColumn, def.key, 0.5, 'values');
  }

  const wantsCustomer = defs.some((d) => d.key === 'customer_id');
  // 3. No customer id by header: a column whose values are ids and whose header says "id" (CLIENTNUM).
  if (wantsCustomer && !fields.has('customer_id')) {
    let best = -1;
    let bestScore = 0.8;
    for (let i = 0; i < headers.length; i++) {
      if (mapping[i] !== null || pii[i] || !(RE_ID_WORD.test(norm[i]) || positional[i])) continue;
      const score = idLikeness(profiles[i], kind === 'customers');
      if (score >= bestScore && (best < 0 || score > bestScore)) {
        best = i;
        bestScore = score;
      }
    }
    if (best >= 0) put(best, 'customer_id', 0.6, 'values');
  }
  // 4. Still none: an e-mail column identifies the customer (Shopify orders do this) ...
  if (wantsCustomer && !fields.has('customer_id')) {
    let i = norm.findIndex((h, k) => mapping[k] === null && RE_EMAIL_HEADER.test(h) && (profiles[k].values === 0 || profiles[k].emails >= 0.5));
    if (i < 0) i = profiles.findIndex((p, k) => mapping[k] === null && p.emails >= MIN_VALUE_SHARE);
    if (i >= 0) {
      put(i, 'customer_id', 0.8, 'email-key');
      keyFallback = 'email';
    }
  }
  // ... 5. or a name column (names can collide: the caller warns).
  if (wantsCustomer && !fields.has('customer_id')) {
    const i = norm.findIndex((h, k) => mapping[k] === null && RE_NAME_HEADER.test(h) && !RE_NOT_A_PERSON.test(h) && profiles[k].values > 0 && profiles[k].emails < 0.5);
    if (i >= 0) {
      put(i, 'customer_id', 0.6, 'name-key');
      keyFallback = 'name';
    }
  }

  // Row numbers (R's write.csv, a spreadsheet's "Row ID") and free text (notes, comments) are
  // not attributes by default: privacy by default, the user maps them to keep them (issue #9).
  // Nor is a second churn flag (IBM's Telco v11 has `Churn Label` Yes/No and `Churn Value` 1/0):
  // it restates the flag, and as an attribute it would "explain" churn perfectly in the audit.
  if (kind === 'customers') {
    const flagTwin = (i: number): boolean => fields.has('churned') && synonymsOf(kind).exact.get(norm[i])?.field === 'churned';
    addAttributes(headers, mapping, pii.map((x, i) => x || profiles[i].rowNumbers || isFreeText(norm[i], profiles[i]) || flagTwin(i)));
  }
  return { mapping, reasons, fields, ...(keyFallback ? { keyFallback } : {}) };
}

/**
 * Customers only: maps every still-unmapped, non-PII, non-empty column to `attr:<header>` (the
 * header trimmed, BOM removed; a repeated name gets ` (2)`, ` (3)` ...). Mutates `mapping`.
 */
export function addAttributes(headers: readonly string[], mapping: Mapping, pii?: readonly boolean[]): void {
  const used = new Set<string>();
  for (const t of mapping) if (t !== null) used.add(t);
  headers.forEach((raw, i) => {
    if (mapping[i] !== null) return;
    const name = raw.replace(RE_INVISIBLE, '').trim();
    if (name === '' || (pii ? pii[i] : isPiiHeader(raw))) return;
    let target = ATTRIBUTE_PREFIX + name;
    for (let k = 2; used.has(target); k++) target = `${ATTRIBUTE_PREFIX}${name} (${k})`;
    used.add(target);
    mapping[i] = target;
  });
}

/**
 * Suggests a column mapping for a kind: one target per column index (a field key of the kind,
 * `attr:<header>` for other non-PII customer columns, or null = ignored).
 *
 * Steps: (1) normalised header names against FIELD_SYNONYMS (exact, then containment), best
 * score first, each field and each column used at most once, and only where the column's
 * values fit the field's type (a `Customer_Age` column is not a customer id: small repeating
 * integers; a packed `fee_items` text is not an amount); (2) for required and expected date and
 * money fields still missing, the unused non-PII column whose sample values fit best (at least
 * 80 %; money also needs cents, a sign or a currency somewhere); (3) no customer id yet: a
 * column whose values are ids and whose header says id/no/num/code; (4) an e-mail column;
 * (5) a name column (the caller warns that names collide); (6) customers only: the remaining
 * non-PII columns become attributes. PII columns are never attributes. Complexity
 * O(columns x synonyms + samples).
 *
 * @example suggestMapping('orders', ['Kundennummer', 'Datum', 'Betrag'], [])
 *   // ['customer_id', 'date', 'amount']
 */
export function suggestMapping(
  kind: DataKind,
  headers: readonly string[],
  sampleRows: readonly (readonly string[])[],
): Mapping {
  return assign(kind, headers, sampleRows, profileColumns(headers, sampleRows)).mapping;
}

/** {@link suggestMapping} with the reason for each column and the key fallback, from precomputed profiles. */
export function suggestMappingDetailed(
  kind: DataKind,
  headers: readonly string[],
  sampleRows: readonly (readonly string[])[],
  profiles: readonly ColumnProfile[] = profileColumns(headers, sampleRows),
): MappingSuggestion {
  const { mapping, reasons, keyFallback } = assign(kind, headers, sampleRows, profiles);
  return { mapping, reasons, ...(keyFallback ? { keyFallback } : {}) };
}

/** Customers fields that describe a churn a flag, tenure or sign-up date of the same table qualifies. */
const CHURN_COMPANIONS: ReadonlySet<string> = new Set(['churn_date', 'churn_reason', 'churn_category']);

/**
 * Scores how well a file fits each of the six kinds, best first (ties in DATA_KINDS order).
 *
 * score = 0.5 x (credit of required fields and of expected fields present / their number)
 *       + 0.2 x min(1, credit of optional fields / min(3, number of optional fields))
 *       + 0.3 x (credit of all mapped fields / number of columns that could hold a field)
 * A field matched by an exact header name earns 1, a containment match 0.5-0.9, a value-based
 * match 0.5, the e-mail fallback for customer id 0.8 and a name 0.6; an orders amount missing
 * while a unit price is mapped earns 0.9 x the price's credit (quantity x price). A churn file
 * without a reason, category or comment scores 0.6 x (customer + date alone is more likely
 * orders or visits), and a customers file with no field but the id 0.8 x. Header matches count
 * only where the values fit. Required fields weigh most; three
 * optional fields are enough for the optional part; the last part rewards the kind that
 * explains most of the file (PII and unnamed columns are not counted unless mapped), so an
 * orders file with only customer, date and amount beats "customers with two unknown columns".
 * A customers table's churn date, reason and category earn nothing without its churn flag, tenure
 * or sign-up date: customer, cancel date and reason alone are a cancellations file.
 * Complexity: six runs of {@link suggestMapping}.
 *
 * @example guessKinds(['Kundennummer', 'Bestelldatum', 'Betrag'], [])[0].kind // 'orders'
 */
export function guessKinds(
  headers: readonly string[],
  sampleRows: readonly (readonly string[])[],
  profiles: readonly ColumnProfile[] = profileColumns(headers, sampleRows),
): KindGuess[] {
  const norm = headers.map(normaliseHeader);
  const guesses = DATA_KINDS.map((kind, order) => {
    const { mapping, fields } = assign(kind, headers, sampleRows, profiles);
    const defs = KIND_FIELDS[kind];
    // Expected fields (an orders amount, a feedback date) count like required ones when present,
    // and do not count against a file that lacks them (visits without amounts, a dateless survey).
    const credit = (key: string): number => {
      const c = fields.get(key)?.credit ?? 0;
      // Line items without a total: quantity x unit price is the amount.
      return c === 0 && kind === 'orders' && key === 'amount' ? 0.9 * (fields.get('unit_price')?.credit ?? 0) : c;
    };
    const required = defs.filter((d) => d.required || (d.expected && credit(d.key) > 0));
    const optional = defs.filter((d) => !d.required && !d.expected);
    let req = 0;
    let opt = 0;
    for (const d of required) req += credit(d.key);
    // A churn date, reason or category alone make a cancellations file (kind churn); in a
    // customers table they accompany a churn flag, a tenure or a sign-up date.
    const companionsCount = kind !== 'customers' || fields.has('churned') || fields.has('tenure_months') || fields.has('signup_date');
    for (const d of optional) if (companionsCount || !CHURN_COMPANIONS.has(d.key)) opt += fields.get(d.key)?.credit ?? 0;
    let countable = 0;
    norm.forEach((h, i) => {
      const target = mapping[i];
      const isField = target !== null && !target.startsWith(ATTRIBUTE_PREFIX);
      if (isField || (h !== '' && !isPiiNormalised(h))) countable++;
    });
    const reqPart = required.length === 0 ? 1 : req / required.length;
    const optPart = optional.length === 0 ? 0 : Math.min(1, opt / Math.min(3, optional.length));
    const coverage = countable === 0 ? 0 : Math.min(1, (req + opt) / countable);
    let score = Math.min(1, Math.max(0, 0.5 * reqPart + 0.2 * optPart + 0.3 * coverage));
    // A cancellations file says why or how (reason, category, comment); customer + date alone is more likely orders or visits.
    if (kind === 'churn' && !fields.has('reason') && !fields.has('category') && !fields.has('comment')) score *= 0.6;
    // A "customers table" of an id and unknown columns says little: a kind with a telling field (a score, a date) beats it.
    if (kind === 'customers' && opt === 0) score *= 0.8;
    return { kind, score: Math.round(score * 1000) / 1000, order };
  });
  guesses.sort((a, b) => b.score - a.score || a.order - b.order);
  return guesses.map(({ kind, score }) => ({ kind, score }));
}
