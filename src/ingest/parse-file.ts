/**
 * `parseFile`: the full read (RELIABILITY.md 1.4 steps 5-8). Decodes with the confirmed dialect,
 * reads every record, converts each mapped cell by its field type (core/schema/kinds.ts) into
 * typed columns (core/table.ts), and collects every problem with line, column, value and reason.
 *
 * Rules:
 * - A row with any error is left out of `table`, counted in `invalidRecords`, and listed (capped).
 * - Missing = empty or a null token (core/parse/null-token.ts). A missing required value is an error.
 * - Ids stay strings (normaliseId: trimmed, NFC). Ids that look like Excel's scientific notation
 *   are errors; invisible characters in ids are a warning.
 * - Key uniqueness: customers.customer_id, subscriptions.subscription_id and (when rows are not
 *   line items) orders.order_id must not repeat: the later row is an error naming both lines.
 * - Line items: for orders with order_id and quantity or unit_price mapped, rows sharing an order
 *   id are rolled up into one order. Each column takes the first non-missing value of the
 *   order's rows (so a Shopify export, which writes the total and status on the first line only,
 *   works); amount is the order total where given, else the sum of quantity x unit_price
 *   (quantity defaults to 1). A later line may leave customer, date and amount empty.
 * - Sign rule (refunds, cancellations, credit notes): when an order's status matches
 *   refund / cancel / storno / credit / return / chargeback / void (any case), its amount is
 *   stored as -|amount|. A row (not rolled up) with a negative quantity also gets -|amount|;
 *   in a rolled-up order, a negative-quantity line subtracts its own value from the sum.
 * Cost: one pass over the records, O(1) work per cell apart from the value parsers; strings are
 * dictionary-encoded with one StringDict per column (string-dict.ts), the row key with a single
 * lookup per row; columns are pre-sized from the line length of the first 64 KB.
 */
import type { ImportIssue } from '../core/issues.ts';
import { ATTRIBUTE_PREFIX, KIND_FIELDS, fieldOf, type DataKind, type FieldType } from '../core/schema/kinds.ts';
import { MISSING_CODE, MISSING_DAY, type Column, type Table } from '../core/table.ts';
import { isNullToken } from '../core/parse/null-token.ts';
import { explainNumber, parseLocaleNumber } from '../core/parse/number.ts';
import { explainDate, parseDate } from '../core/parse/date.ts';
import { hasInvisibleChars, looksLikeScientificNotation, normaliseId } from '../core/parse/id.ts';
import { decode } from './decode.ts';
import { normaliseText } from './normalise-text.ts';
import { MAX_ROWS, readRecords } from './read-records.ts';
import { StringDict } from './string-dict.ts';
import type { ParseOptions, ParsedFile } from './types.ts';

const REFUND = /refund|cancel|storno|credit|gutschrift|return|chargeback|void/i;

/** The main date of each kind (firstDay/lastDay). */
const MAIN_DATE: Record<DataKind, string> = {
  orders: 'date', customers: 'signup_date', subscriptions: 'start_date', churn: 'date', feedback: 'date', referrals: 'date',
};
/** The field whose value identifies a row for dedupe and uniqueness. */
const ROW_KEY: Partial<Record<DataKind, string>> = { customers: 'customer_id', subscriptions: 'subscription_id', orders: 'order_id' };

class Grow {
  static f64(a: Float64Array, n: number): Float64Array {
    if (n < a.length) return a;
    const b = new Float64Array(a.length * 2);
    b.set(a);
    return b;
  }
  static i32(a: Int32Array, n: number): Int32Array {
    if (n < a.length) return a;
    const b = new Int32Array(a.length * 2);
    b.set(a);
    return b;
  }
  static u32(a: Uint32Array, n: number): Uint32Array {
    if (n < a.length) return a;
    const b = new Uint32Array(a.length * 2);
    b.set(a);
    return b;
  }
}

/** One mapped column being built. */
interface Builder {
  readonly source: number;
  readonly header: string;
  readonly key: string;
  readonly type: FieldType;
  readonly required: boolean;
  num: Float64Array;
  day: Int32Array;
  time: Int32Array | undefined;
  codes: Uint32Array;
  /** Dictionary of the id/category/text values (`dict` is `index.strings`). */
  readonly dict: string[];
  readonly index: StringDict;
  /** Per-row scratch of the row being validated. */
  sNum: number;
  sStr: string | undefined;
  /** Shape of this date column's first valid value (see shapeKey; -1 until set), for the inconsistent-format message. */
  shape: number;
  shapeExample: string;
  nullTokens: Set<string> | undefined;
  invisibleLines: number[] | undefined;
}

/**
 * How a date is written, cheaply: the number of leading digits (1-2 or more) and the first
 * separator after them (2024-01-15 and 15.01.2024 differ; a word has no leading digits), as one
 * integer: 0 for a word, else (digits > 2 ? 2 : 1) * 0x20000 + separator code + 1 (0 at the end).
 * No allocation.
 */
function shapeKey(s: string): number {
  let i = 0;
  while (i < s.length && s.charCodeAt(i) === 32) i++;
  const start = i;
  while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  if (i === start) return 0;
  return (i - start > 2 ? 0x40000 : 0x20000) + (i < s.length ? s.charCodeAt(i) + 1 : 0);
}

const emptyParsed = (kind: DataKind, fatal: ImportIssue, extra: Partial<ParsedFile> = {}): ParsedFile => ({
  kind, table: { length: 0, columns: Object.create(null) as Record<string, Column> }, keys: [], recordsRead: 0, invalidRecords: 0,
  errors: [], errorCount: 0, warnings: [], fatal, lineItemsRolledUp: 0, firstDay: null, lastDay: null, customers: 0, ...extra,
});

const isMissingAt = (b: Builder, r: number): boolean =>
  b.type === 'date' ? b.day[r] === MISSING_DAY : b.type === 'money' || b.type === 'number' ? Number.isNaN(b.num[r]) : b.codes[r] === MISSING_CODE;

/** The finished column of `n` rows (copied to exact length). */
function finish(b: Builder, n: number): Column {
  if (b.type === 'date') return b.time ? { type: 'day', data: b.day.slice(0, n), time: b.time.slice(0, n) } : { type: 'day', data: b.day.slice(0, n) };
  if (b.type === 'money' || b.type === 'number') return { type: 'num', data: b.num.slice(0, n) };
  return { type: 'dict', dict: b.dict, codes: b.codes.slice(0, n) };
}

/** One value per order: the first non-missing value along the order's chain of rows. */
function rolled(b: Builder, heads: Int32Array, next: Int32Array): Column {
  const m = heads.length;
  const pick = new Int32Array(m);
  for (let o = 0; o < m; o++) {
    let r = heads[o];
    while (next[r] >= 0 && isMissingAt(b, r)) r = next[r];
    pick[o] = r;
  }
  if (b.type === 'date') {
    const data = Int32Array.from(pick, (r) => b.day[r]);
    return b.time ? { type: 'day', data, time: Int32Array.from(pick, (r) => (b.time as Int32Array)[r]) } : { type: 'day', data };
  }
  if (b.type === 'money' || b.type === 'number') return { type: 'num', data: Float64Array.from(pick, (r) => b.num[r]) };
  return { type: 'dict', dict: b.dict, codes: Uint32Array.from(pick, (r) => b.codes[r]) };
}

/** FNV-1a of a string, 32 bits, from `seed`. */
function fnvString(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

const hex = (h: number, shift: number): number => {
  const d = (h >>> shift) & 15;
  return d < 10 ? 48 + d : 87 + d;
};

/** U+0001 + 16 hex digits + `:` + occurrence, built in one allocation in the common case k = 1. */
function hashKey(h1: number, h2: number, k: number): string {
  const head = String.fromCharCode(
    1, hex(h1, 28), hex(h1, 24), hex(h1, 20), hex(h1, 16), hex(h1, 12), hex(h1, 8), hex(h1, 4), hex(h1, 0),
    hex(h2, 28), hex(h2, 24), hex(h2, 20), hex(h2, 16), hex(h2, 12), hex(h2, 8), hex(h2, 4), hex(h2, 0), 58, k === 1 ? 49 : 48,
  );
  return k === 1 ? head : head.slice(0, -1) + String(k);
}

/** Mixes a 32-bit word into a hash (murmur3's finaliser on the XOR: every input bit reaches every output bit). */
function mix(h: number, v: number): number {
  h = Math.imul(h ^ v, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * One dedupe key per row (ParsedFile.keys): the row's id as written when `keyColumn` has one,
 * else U+0001 (never in a real id: ids with control characters are flagged) + a 64-bit content hash of the row + `:` + its occurrence number among rows with the
 * same content. The hash covers every column in key order (so column order in the file does not
 * matter): dictionary strings by content (hashed once per entry), numbers by their bits, days
 * and times as integers. No per-row allocation apart from the key string itself.
 */
function dedupeKeys(columns: Record<string, Column>, length: number, keyColumn: { dict: string[]; codes: Uint32Array } | undefined): string[] {
  // Filled in order with push: `new Array(1e6)` would start in slow dictionary mode.
  const keys: string[] = [];
  const cols = Object.keys(columns).sort().map((k) => columns[k]);
  // Dictionary hashes are computed on the first row that needs a content hash (never when
  // every row has its id: hashing a million order ids for nothing cost ~0.7 s).
  let dictHashes: (Uint32Array[] | undefined)[] | undefined;
  const f64 = new Float64Array(1);
  const u32 = new Uint32Array(f64.buffer);
  // Occurrence counts in an open-addressing table on typed arrays (a Map with a million
  // number keys costs seconds in GC).
  let cap = 16;
  while (cap < length * 2) cap *= 2;
  const mask = cap - 1;
  let slotH1 = new Uint32Array(0);
  let slotH2 = slotH1;
  let slotCount = slotH1;
  // Every row has its own id, in row order (a unique key column): the keys are the dictionary.
  if (keyColumn && keyColumn.dict.length >= length) {
    let identity = true;
    for (let r = 0; r < length && identity; r++) identity = keyColumn.codes[r] === r;
    if (identity) return keyColumn.dict.slice(0, length);
  }
  for (let r = 0; r < length; r++) {
    if (keyColumn) {
      const code = keyColumn.codes[r];
      if (code !== MISSING_CODE) {
        keys.push(keyColumn.dict[code]);
        continue;
      }
    }
    if (!dictHashes) {
      slotH1 = new Uint32Array(cap);
      slotH2 = new Uint32Array(cap);
      slotCount = new Uint32Array(cap);
      dictHashes = cols.map((c) => (c.type === 'dict' ? [Uint32Array.from(c.dict, (t) => fnvString(t, 2166136261)), Uint32Array.from(c.dict, (t) => fnvString(t, 0x9747b28c))] : undefined));
    }
    let h1 = 2166136261;
    let h2 = 0x9747b28c;
    for (let j = 0; j < cols.length; j++) {
      const c = cols[j];
      if (c.type === 'num') {
        f64[0] = c.data[r];
        h1 = mix(mix(h1, u32[0]), u32[1]);
        h2 = mix(mix(h2, u32[1]), u32[0]);
      } else if (c.type === 'day') {
        const t = c.time ? c.time[r] : -1;
        h1 = mix(mix(h1, c.data[r]), t);
        h2 = mix(mix(h2, t), c.data[r]);
      } else {
        const code = c.codes[r];
        const dh = dictHashes[j] as Uint32Array[];
        h1 = mix(h1, code === MISSING_CODE ? 0x5bd1e995 : dh[0][code]);
        h2 = mix(h2, code === MISSING_CODE ? 0x1b873593 : dh[1][code]);
      }
    }
    h1 >>>= 0;
    h2 >>>= 0;
    let slot = h1 & mask;
    while (slotCount[slot] !== 0 && (slotH1[slot] !== h1 || slotH2[slot] !== h2)) slot = (slot + 1) & mask;
    slotH1[slot] = h1;
    slotH2[slot] = h2;
    const k = ++slotCount[slot];
    keys.push(hashKey(h1, h2, k));
  }
  return keys;
}

/**
 * Reads the whole file with a confirmed dialect, kind and mapping (see the module doc for the
 * rules). Never throws for bad input (problems are data); throws a DOMException 'AbortError'
 * when `options.signal` aborts. Linear in the file size.
 */
export async function parseFile(bytes: Uint8Array, options: ParseOptions): Promise<ParsedFile> {
  const { dialect, kind, mapping, signal, onProgress } = options;
  const maxListed = options.maxListedErrors ?? 100;
  if (signal?.aborted) throw new DOMException('import cancelled', 'AbortError');
  if (bytes.length === 0) return emptyParsed(kind, { severity: 'fatal', code: 'empty-file', message: 'file is empty' });

  let decoded: string;
  try {
    decoded = decode(bytes, dialect.encoding);
  } catch {
    return emptyParsed(kind, { severity: 'fatal', code: 'invalid-encoding', message: `the file is not valid ${dialect.encoding}; choose another encoding` });
  }
  const { text, linesDropped } = normaliseText(decoded);
  if (text.trim() === '') {
    return emptyParsed(kind, decoded.length ? { severity: 'fatal', code: 'no-header', message: 'no header row (the file has only blank lines)' } : { severity: 'fatal', code: 'empty-file', message: 'file is empty' });
  }

  // Builders are created once the header is known (inside the first record callback we need the header).
  const errors: ImportIssue[] = [];
  let errorCount = 0;
  let invalid = 0;
  const warnings: ImportIssue[] = [];
  const error = (issue: ImportIssue): void => {
    errorCount++;
    if (errors.length < maxListed) errors.push(issue);
  };

  const builders: Builder[] = [];
  let header: string[] = [];
  let setupFatal: ImportIssue | undefined;
  let n = 0; // valid rows stored
  const { decimal, thousands, dateOrder } = dialect;

  // Special columns.
  let keyB: Builder | undefined;
  let orderB: Builder | undefined;
  let rollupCandidate = false;
  /** Line of each key's first row, by its dictionary code. */
  let keyFirstLine: Int32Array = new Int32Array(1024);

  // Rows expected, from the line length of the first 64 KB: pre-sizes the columns and the key
  // dictionary (a hint only; they grow by doubling).
  const sample = Math.min(text.length, 65536);
  let sampleLines = 1;
  for (let p = text.indexOf('\n'); p >= 0 && p < sample; p = text.indexOf('\n', p + 1)) sampleLines++;
  const expectedRows = Math.min(MAX_ROWS + 1, Math.ceil((text.length / sample) * sampleLines * 1.05) + 16);

  const setup = (): void => {
    const fields = KIND_FIELDS[kind];
    const rowKey = ROW_KEY[kind];
    const seen = new Map<string, number>();
    for (let c = 0; c < header.length; c++) {
      const key = mapping[c];
      if (key == null) {
        if (header[c] !== '') {
          warnings.push({ severity: 'warning', code: 'column-ignored', line: 1, column: header[c], message: `column ${header[c]} ignored (not stored: data minimisation)` });
        }
        continue;
      }
      const def = fieldOf(kind, key);
      const isAttr = kind === 'customers' && key.startsWith(ATTRIBUTE_PREFIX) && key.length > ATTRIBUTE_PREFIX.length;
      if (!def && !isAttr) {
        setupFatal = { severity: 'fatal', code: 'unknown-field', column: header[c], message: `column ${header[c]} is mapped to '${key}', which is not a field of ${kind}` };
        return;
      }
      const prev = seen.get(key);
      if (prev !== undefined) {
        setupFatal = { severity: 'fatal', code: 'duplicate-mapping', column: header[c], message: `columns ${header[prev]} and ${header[c]} are both mapped to ${key}` };
        return;
      }
      seen.set(key, c);
      const type: FieldType = def?.type ?? 'text';
      const cap = Math.max(1024, expectedRows);
      const index = new StringDict(key === rowKey ? expectedRows : 0);
      builders.push({
        source: c, header: header[c], key, type, required: def?.required ?? false,
        num: type === 'money' || type === 'number' ? new Float64Array(cap) : new Float64Array(0),
        day: type === 'date' ? new Int32Array(cap) : new Int32Array(0),
        time: undefined,
        codes: type === 'id' || type === 'category' || type === 'text' ? new Uint32Array(cap) : new Uint32Array(0),
        dict: index.strings, index, sNum: NaN, sStr: undefined, shape: -1, shapeExample: '', nullTokens: undefined, invisibleLines: undefined,
      });
    }
    const mappedKeys = new Set(builders.map((b) => b.key));
    const byKey = (k: string): Builder | undefined => builders.find((b) => b.key === k);
    orderB = kind === 'orders' ? byKey('order_id') : undefined;
    rollupCandidate = orderB !== undefined && (mappedKeys.has('quantity') || mappedKeys.has('unit_price'));
    for (const f of fields) {
      if (!f.required || mappedKeys.has(f.key)) continue;
      if (kind === 'orders' && f.key === 'amount' && mappedKeys.has('unit_price')) continue;
      setupFatal = { severity: 'fatal', code: 'missing-column', line: 1, column: f.key, message: `missing column ${f.key}`, params: { field: f.key } };
      return;
    }
    const rk = ROW_KEY[kind];
    keyB = rk ? byKey(rk) : undefined;
  };

  let amountCol: Builder | undefined;
  let priceCol: Builder | undefined;

  const onRecord = (fields: string[], line: number, record: number): void => {
    if (setupFatal) return;
    let ok = true;
    let inherited = false;
    // Line items: a later line of an order already seen may leave the order-level values empty.
    if (rollupCandidate && orderB) {
      const oid = fields[orderB.source];
      if (!isNullToken(oid) && orderB.index.find(normaliseId(oid)) >= 0) inherited = true;
    }
    for (let j = 0; j < builders.length; j++) {
      const b = builders[j];
      const raw = fields[b.source];
      b.sNum = NaN;
      b.sStr = undefined;
      if (isNullToken(raw)) {
        if (raw.length > 0 && raw.trim() !== '') (b.nullTokens ??= new Set()).add(raw.trim());
        let needed = b.required && !inherited;
        if (needed && b.key === 'amount' && priceCol && !isNullToken(fields[priceCol.source])) needed = false;
        if (needed) {
          ok = false;
          error({ severity: 'error', code: 'missing-value', line, record, column: b.header, value: raw, message: `line ${line}, column ${b.header}: a value is required` });
        }
        continue;
      }
      switch (b.type) {
        case 'id': {
          const v = normaliseId(raw);
          if (looksLikeScientificNotation(v)) {
            ok = false;
            error({ severity: 'error', code: 'ids-look-like-scientific-notation', line, record, column: b.header, value: raw, message: `line ${line}, column ${b.header}: '${raw}': IDs look like scientific notation: format the column as Text and re-export` });
          } else {
            if (hasInvisibleChars(raw)) (b.invisibleLines ??= []).push(line);
            b.sStr = v;
          }
          break;
        }
        case 'date': {
          const d = parseDate(raw, dateOrder);
          const shape = shapeKey(raw);
          if (b.shape !== -1 && shape !== b.shape) {
            ok = false;
            error({
              severity: 'error', code: 'inconsistent-date-format', line, record, column: b.header, value: raw,
              message: `line ${line}, column ${b.header}: '${raw.trim()}' is written differently from the first date ('${b.shapeExample}'); use one date format`,
            });
          } else if (Number.isNaN(d)) {
            ok = false;
            error({ severity: 'error', code: 'invalid-date', line, record, column: b.header, value: raw, message: `line ${line}, column ${b.header}: ${explainDate(raw, dateOrder)}` });
          } else {
            if (b.shape === -1) {
              b.shape = shape;
              b.shapeExample = raw.trim();
            }
            b.sNum = d;
          }
          break;
        }
        case 'money':
        case 'number': {
          const v = parseLocaleNumber(raw, decimal, thousands);
          if (Number.isNaN(v)) {
            ok = false;
            error({ severity: 'error', code: 'unparseable-number', line, record, column: b.header, value: raw, message: `line ${line}, column ${b.header}: ${explainNumber(raw, decimal, thousands)}` });
          } else b.sNum = v === 0 ? 0 : v;
          break;
        }
        default:
          b.sStr = raw.trim();
      }
    }
    if (!ok) {
      invalid++;
      return;
    }
    // Uniqueness of the row key (orders: only when rows are not line items).
    // The key is added to its dictionary here (the row is valid unless the key repeats): one
    // dictionary lookup per row for the key column.
    let keyCode = -1;
    if (keyB && keyB.sStr !== undefined && !(keyB === orderB && rollupCandidate)) {
      const before = keyB.index.size;
      const prev = keyB.index.intern(keyB.sStr);
      if (prev < before) {
        invalid++;
        const first = keyFirstLine[prev];
        error({
          severity: 'error', code: 'duplicate-key', line, record, column: keyB.header, value: keyB.sStr,
          message: `line ${line}, column ${keyB.header}: '${keyB.sStr}' appears again (first on line ${first})`, params: { lines: `${first},${line}` },
        });
        return;
      }
      keyCode = prev;
      keyFirstLine = Grow.i32(keyFirstLine, prev);
      keyFirstLine[prev] = line;
    }
    // Commit the row.
    for (let j = 0; j < builders.length; j++) {
      const b = builders[j];
      switch (b.type) {
        case 'date': {
          b.day = Grow.i32(b.day, n);
          if (Number.isNaN(b.sNum)) b.day[n] = MISSING_DAY;
          else {
            const day = Math.floor(b.sNum);
            b.day[n] = day;
            if (day !== b.sNum) {
              if (!b.time) b.time = new Int32Array(b.day.length).fill(-1);
              b.time = Grow.i32(b.time, n);
              b.time[n] = Math.round((b.sNum - day) * 86400);
            } else if (b.time) {
              b.time = Grow.i32(b.time, n);
              b.time[n] = -1;
            }
          }
          break;
        }
        case 'money':
        case 'number':
          b.num = Grow.f64(b.num, n);
          b.num[n] = b.sNum;
          break;
        default: {
          b.codes = Grow.u32(b.codes, n);
          const s = b.sStr;
          if (s === undefined) b.codes[n] = MISSING_CODE;
          else {
            if (b === keyB && keyCode >= 0) b.codes[n] = keyCode;
            else {
              const before = b.index.size;
              const code = b.index.intern(s);
              if (b === keyB && code === before) {
                keyFirstLine = Grow.i32(keyFirstLine, code);
                keyFirstLine[code] = line;
              }
              b.codes[n] = code;
            }
          }
        }
      }
    }
    n++;
  };

  const read = readRecords(text, {
    delimiter: dialect.delimiter, headerRow: dialect.headerRow, lineOffset: linesDropped, signal, maxListedErrors: maxListed,
    onHeader: (h) => {
      header = h;
      setup();
      amountCol = builders.find((b) => b.key === 'amount');
      priceCol = builders.find((b) => b.key === 'unit_price');
      return setupFatal;
    },
    onRecord,
    onProgress: (rows, chars) => onProgress?.({ rows, bytesDone: Math.round((chars / text.length) * bytes.length), bytesTotal: bytes.length }),
  });
  if (read.fatal || setupFatal) {
    return emptyParsed(kind, (read.fatal ?? setupFatal) as ImportIssue, { recordsRead: read.recordsRead, warnings: [...warnings, ...read.warnings] });
  }
  onProgress?.({ rows: read.recordsRead, bytesDone: bytes.length, bytesTotal: bytes.length });

  const allErrors = [...read.errors, ...errors].sort((x, y) => (x.line ?? 0) - (y.line ?? 0)).slice(0, maxListed);
  errorCount += read.errorCount;
  invalid += read.invalidRecords;
  warnings.push(...read.warnings);

  for (const b of builders) {
    if (b.nullTokens?.size) {
      const tokens = [...b.nullTokens];
      warnings.push({
        severity: 'warning', code: 'null-tokens', column: b.header,
        message: `column ${b.header}: ${tokens.map((t) => `'${t}'`).join(', ')} read as missing (null-token policy)`,
        params: { tokens: tokens.join(',') },
      });
    }
    if (b.invisibleLines?.length) {
      const l = b.invisibleLines;
      warnings.push({
        severity: 'warning', code: 'invisible-characters', line: l[0], column: b.header,
        message: `column ${b.header}: invisible characters in IDs (line ${l.slice(0, 10).join(', ')}${l.length > 10 ? ' and more' : ''})`,
        params: { count: l.length },
      });
    }
  }

  // Line items: chain the rows of each order (heads = first row of each order, next = following row).
  let length = n;
  let lineItemsRolledUp = 0;
  let heads: Int32Array | undefined;
  let next: Int32Array | undefined;
  if (rollupCandidate && orderB && orderB.dict.length < n) {
    heads = new Int32Array(n);
    next = new Int32Array(n).fill(-1);
    const last = new Int32Array(orderB.dict.length).fill(-1);
    let m = 0;
    for (let r = 0; r < n; r++) {
      const g = orderB.codes[r];
      if (g !== MISSING_CODE && last[g] >= 0) {
        next[last[g]] = r;
        last[g] = r;
        continue;
      }
      if (g !== MISSING_CODE) last[g] = r;
      heads[m++] = r;
    }
    heads = heads.slice(0, m);
    lineItemsRolledUp = n - m;
    length = m;
  }

  const columns = Object.create(null) as Record<string, Column>;
  for (const b of builders) columns[b.key] = heads && next ? rolled(b, heads, next) : finish(b, n);

  if (kind === 'orders' && (amountCol || priceCol)) {
    const qty = builders.find((b) => b.key === 'quantity');
    const status = builders.find((b) => b.key === 'status');
    const refund = status ? status.dict.map((t) => REFUND.test(t)) : [];
    const out = new Float64Array(length);
    for (let o = 0; o < length; o++) {
      const head = heads ? heads[o] : o;
      let total = NaN;
      if (amountCol) for (let r = head; r >= 0; r = next ? next[r] : -1) if (!Number.isNaN(amountCol.num[r])) {
        total = amountCol.num[r];
        break;
      }
      if (Number.isNaN(total) && priceCol) {
        total = 0;
        for (let r = head; r >= 0; r = next ? next[r] : -1) {
          const p = priceCol.num[r];
          if (!Number.isNaN(p)) total += (qty && !Number.isNaN(qty.num[r]) ? qty.num[r] : 1) * p;
        }
      } else if (!heads && qty && qty.num[o] < 0 && total > 0) total = -total;
      if (status) {
        const col = columns.status as { codes: Uint32Array };
        const code = col.codes[o];
        if (code !== MISSING_CODE && refund[code] && total > 0) total = -total;
      }
      out[o] = total;
    }
    columns.amount = { type: 'num', data: out };
  }
  const table: Table = { length, columns };
  const rowKey = keyB ?? (kind === 'orders' ? orderB : undefined);
  const keyColumn = rowKey ? (columns[rowKey.key] as { dict: string[]; codes: Uint32Array }) : undefined;

  const keys = dedupeKeys(columns, length, keyColumn);

  // First/last day and customers.
  let firstDay: number | null = null;
  let lastDay: number | null = null;
  const main = columns[MAIN_DATE[kind]];
  if (main && main.type === 'day') {
    for (let r = 0; r < length; r++) {
      const d = main.data[r];
      if (d === MISSING_DAY) continue;
      if (firstDay === null || d < firstDay) firstDay = d;
      if (lastDay === null || d > lastDay) lastDay = d;
    }
  }
  const cust = columns.customer_id ?? columns.referrer_id;
  let customers = 0;
  if (cust && cust.type === 'dict') {
    const seen = new Uint8Array(cust.dict.length);
    for (let r = 0; r < length; r++) {
      const c = cust.codes[r];
      if (c !== MISSING_CODE && !seen[c]) {
        seen[c] = 1;
        customers++;
      }
    }
  }

  return {
    kind, table, keys, recordsRead: read.recordsRead, invalidRecords: invalid, errors: allErrors, errorCount, warnings,
    lineItemsRolledUp, firstDay, lastDay, customers,
  };
}
