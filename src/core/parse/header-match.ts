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
import { detectDateOrder, parseDate } from './date.ts';
import type { KindGuess } from './formats.ts';
import { isNullToken } from './null-token.ts';
import { detectNumberFormat, parseLocaleNumber } from './number.ts';
import { FIELD_SYNONYMS, PII_PHRASES, PII_WORDS } from './synonyms.ts';

const RE_COMBINING = /[\u0300-\u036f]/g;
const RE_SEPARATORS = /[_\-.\s\u00a0\u202f]+/g;
const RE_EDGE_QUOTES = /^["'`\u2018\u2019\u201a\u201c\u201d\u201e\u00ab\u00bb]+|["'`\u2018\u2019\u201a\u201c\u201d\u201e\u00ab\u00bb]+$/g;
const RE_INVISIBLE = /[\ufeff\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u00ad]/g;

/**
 * Normalises a header for matching: strips the BOM and invisible characters, surrounding
 * quotes and whitespace; lower-cases (locale-independent `toLowerCase`, so no Turkish dotless
 * i); strips diacritics (NFD, drop combining marks U+0300-U+036F, then NFC: `Šifra` -> `sifra`,
 * `й` -> `и`); `ß` -> `ss`; turns `_`, `-`, `.` and runs of whitespace into one space.
 * O(n); allocates (called once per header, not per cell).
 *
 * @example normaliseHeader('\uFEFF"Customer_ID" ') // 'customer id'
 * @example normaliseHeader('Šifra  stranke') // 'sifra stranke'
 */
export function normaliseHeader(h: string): string {
  return h
    .replace(RE_INVISIBLE, '')
    .trim()
    .replace(RE_EDGE_QUOTES, '')
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
 * never becomes a customer id.
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
    if (syn.name.length < 3 || syn.name === h || !padded.includes(` ${syn.name} `)) continue;
    const score = 0.5 + (0.4 * syn.name.length) / h.length - syn.rank * 0.0005;
    if (score > (best.get(syn.field) ?? 0)) best.set(syn.field, score);
  }
  for (const [field, score] of best) {
    if (hit === undefined || hit.field !== field) out.push({ column, field, score });
  }
}

/** Sample values of one column (ragged rows tolerated), null tokens dropped. */
function columnSamples(rows: readonly (readonly string[])[], column: number): string[] {
  const values: string[] = [];
  for (const row of rows) {
    const v = column < row.length ? row[column] : undefined;
    if (v !== undefined && !isNullToken(v)) values.push(v);
  }
  return values;
}

const MIN_VALUE_SHARE = 0.8;
/** Normalised headers that name an email address (`email`, `E-mail`, `e-pošta`, `имейл`, `էլ. փոստ` ...). */
const RE_EMAIL_HEADER = /(^| )(e ?mail|e posta|eposta|e post|epost|имейл|е поща|էլ ?փոստ)( |$)/;
const RE_HAS_FRACTION_OR_CURRENCY = /\d[.,]\d{1,2}(?:\D|$)|[$\u00a3\u00a5\u20a0-\u20cf]|[A-Z]{3}/;

/** Share of a column's samples that parse as the field's type (0 for empty columns). */
function valueFit(def: FieldDef, values: readonly string[]): number {
  if (values.length === 0) return 0;
  let ok = 0;
  if (def.type === 'date') {
    const guess = detectDateOrder(values);
    if (guess.excelSerial || guess.mixed) return 0;
    for (const v of values) if (!Number.isNaN(parseDate(v, guess.order))) ok++;
  } else if (def.type === 'money' || def.type === 'number') {
    const fmt = detectNumberFormat(values);
    for (const v of values) if (!Number.isNaN(parseLocaleNumber(v, fmt.decimal, fmt.thousands))) ok++;
    // Money columns show cents or a currency somewhere; plain integers are more likely ids or counts.
    if (def.type === 'money' && !values.some((v) => RE_HAS_FRACTION_OR_CURRENCY.test(v))) return 0;
  } else return 0;
  return ok / values.length;
}

/** How a field got its column, for kind scoring. */
interface Assigned {
  readonly column: number;
  readonly credit: number;
}

/**
 * The core of {@link suggestMapping} and {@link guessKinds}: assigns columns to fields.
 * Returns the mapping and, per field key, the column and the credit (header score, or a lower
 * credit for value-based and email fallbacks).
 */
function assign(
  kind: DataKind,
  headers: readonly string[],
  sampleRows: readonly (readonly string[])[],
): { mapping: Mapping; fields: Map<string, Assigned> } {
  const norm = headers.map(normaliseHeader);
  const pii = norm.map(isPiiNormalised);
  const mapping: Mapping = headers.map(() => null);
  const fields = new Map<string, Assigned>();

  // 1. Header names, best score first; each field and column at most once.
  const candidates: Candidate[] = [];
  norm.forEach((h, i) => headerCandidates(kind, i, h, pii[i], candidates));
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  for (const c of candidates) {
    if (mapping[c.column] !== null || fields.has(c.field)) continue;
    mapping[c.column] = c.field;
    fields.set(c.field, { column: c.column, credit: c.score });
  }

  // 2. Values, for required date/money/number fields still missing (non-PII, unused columns).
  for (const def of KIND_FIELDS[kind]) {
    if (!def.required || fields.has(def.key)) continue;
    let bestColumn = -1;
    let bestFit = MIN_VALUE_SHARE;
    for (let i = 0; i < headers.length; i++) {
      if (mapping[i] !== null || pii[i]) continue;
      const fit = valueFit(def, columnSamples(sampleRows, i));
      if (fit >= bestFit && (bestColumn < 0 || fit > bestFit)) {
        bestColumn = i;
        bestFit = fit;
      }
    }
    if (bestColumn >= 0) {
      mapping[bestColumn] = def.key;
      fields.set(def.key, { column: bestColumn, credit: 0.5 });
    }
  }

  // 3. No customer id column: an email column identifies the customer (Shopify orders do this).
  if (!fields.has('customer_id') && KIND_FIELDS[kind].some((d) => d.key === 'customer_id')) {
    const i = norm.findIndex((h, k) => mapping[k] === null && RE_EMAIL_HEADER.test(h));
    if (i >= 0) {
      mapping[i] = 'customer_id';
      fields.set('customer_id', { column: i, credit: 0.8 });
    }
  }

  if (kind === 'customers') addAttributes(headers, mapping, pii);
  return { mapping, fields };
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
 * score first, each field and each column used at most once; (2) for required date, money and
 * number fields still missing, the unused non-PII column whose sample values parse best (at
 * least 80 % of non-null values; money also needs cents or a currency somewhere); (3) when no
 * customer id was found, an email column; (4) customers only: the remaining non-PII columns
 * become attributes. PII columns (email, name, phone, address in six languages) are never
 * attributes. Complexity O(columns x synonyms + samples).
 *
 * @example suggestMapping('orders', ['Kundennummer', 'Datum', 'Betrag'], [])
 *   // ['customer_id', 'date', 'amount']
 */
export function suggestMapping(
  kind: DataKind,
  headers: readonly string[],
  sampleRows: readonly (readonly string[])[],
): Mapping {
  return assign(kind, headers, sampleRows).mapping;
}

/**
 * Scores how well a file fits each of the six kinds, best first (ties in DATA_KINDS order).
 *
 * score = 0.5 x (credit of required fields / number of required fields)
 *       + 0.2 x min(1, credit of optional fields / min(3, number of optional fields))
 *       + 0.3 x (credit of all mapped fields / number of columns that could hold a field)
 * A field matched by an exact header name earns 1, a containment match 0.5-0.9, a value-based
 * match 0.5 and the email fallback for customer id 0.8. Required fields weigh most; three
 * optional fields are enough for the optional part; the last part rewards the kind that
 * explains most of the file (PII and unnamed columns are not counted unless mapped), so an
 * orders file with only customer, date and amount beats "customers with two unknown columns".
 * Complexity: six runs of {@link suggestMapping}.
 *
 * @example guessKinds(['Kundennummer', 'Bestelldatum', 'Betrag'], [])[0].kind // 'orders'
 */
export function guessKinds(headers: readonly string[], sampleRows: readonly (readonly string[])[]): KindGuess[] {
  const norm = headers.map(normaliseHeader);
  const guesses = DATA_KINDS.map((kind, order) => {
    const { mapping, fields } = assign(kind, headers, sampleRows);
    const defs = KIND_FIELDS[kind];
    const required = defs.filter((d) => d.required);
    const optional = defs.filter((d) => !d.required);
    let req = 0;
    let opt = 0;
    for (const d of required) req += fields.get(d.key)?.credit ?? 0;
    for (const d of optional) opt += fields.get(d.key)?.credit ?? 0;
    let countable = 0;
    norm.forEach((h, i) => {
      const target = mapping[i];
      const isField = target !== null && !target.startsWith(ATTRIBUTE_PREFIX);
      if (isField || (h !== '' && !isPiiNormalised(h))) countable++;
    });
    const reqPart = required.length === 0 ? 1 : req / required.length;
    const optPart = optional.length === 0 ? 0 : Math.min(1, opt / Math.min(3, optional.length));
    const coverage = countable === 0 ? 0 : Math.min(1, (req + opt) / countable);
    const score = Math.min(1, Math.max(0, 0.5 * reqPart + 0.2 * optPart + 0.3 * coverage));
    return { kind, score: Math.round(score * 1000) / 1000, order };
  });
  guesses.sort((a, b) => b.score - a.score || a.order - b.order);
  return guesses.map(({ kind, score }) => ({ kind, score }));
}
