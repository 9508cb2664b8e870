/**
 * The `orders` relation of docs/sql/ from a CSV file, as DuckDB SQL (`--engine duckdb`, issue #13):
 * DuckDB reads the file itself (read_csv, every column as text, named by position) with the
 * dialect and mapping the app's inspection found, and the SELECT below turns the text into
 * (customer_id, order_date, amount) one row per order, with the importer's rules that matter to
 * retention:
 * - missing = empty, whitespace or a null token (core/parse/null-token.ts);
 * - ids trimmed and NFC-normalised, e-mail addresses as customer ids in lower case;
 * - dates as parseDate reads them (core/parse/date.ts): year first `yyyy-mm-dd` with - / or .,
 *   `d.m.yyyy` day first, `d/m/yyyy` and `d-m-yyyy` by the file's date order, two-digit years
 *   00-69 = 20xx, compact `yyyymmdd` / `yymmdd`, a time after the date ignored (the day as written);
 * - amounts with the file's decimal mark and thousands separator, a currency sign or code around
 *   the number allowed;
 * - line items (rows sharing an order id and customer) rolled up (ingest/steps/rollup.ts): the
 *   order's date is its earliest, its amount the lines' sum when the amount varies between the
 *   lines of some order (line amounts; a line with a negative quantity subtracts), else the
 *   amount given (an order total, on the first line or repeated), else quantity x unit price;
 * - the status effects (refunded, cancelled ... = 0; refund, chargeback ... = negative; the words
 *   are rollup.ts's statusEffect), a refunded-amount column netted, credit-note numbers (`C123`
 *   among plain numbers) negative;
 * - implausible dates (before 1970, over a year ahead, or far from the others: plausible-dates.ts)
 *   left out unless kept.
 * What it does not do (the core engine does): Excel serial dates, the "amount equals quantity x
 * price on every line" reading of repeated amounts, accounting negatives "(12.50)", and naming
 * the line of a bad value (it counts them).
 */
import { NULL_TOKENS } from '../src/core/parse/null-token.ts';
import type { Inspection } from '../src/ingest/types.ts';

/** A SQL string literal. */
export const lit = (s: string): string => `'${s.replace(/'/g, "''")}'`;

export interface SourceOptions {
  /** Physical line of the header (0: none); the lines above it and it are skipped. */
  readonly headerLine: number;
  /** Physical lines before the first data line when there is no header (a `sep=` line). */
  readonly linesBefore: number;
  /** Table DuckDB lists the rows it could not split into the header's fields (or type) in. */
  readonly rejectsTable: string;
  /** Read the date column as DATE (yyyy-mm-dd) in the reader: see `typedDates`. */
  readonly typedDates?: boolean;
}

/**
 * Can DuckDB's reader type the date column itself (much faster than parsing text in SQL)? When
 * the file's dates are year first and every sampled one is `yyyy-mm-dd`, the importer's own
 * fast path. A value the reader cannot type is rejected, and the engine then reads the file
 * again as text (so the result never depends on this choice).
 */
export function typedDates(inspection: Inspection): boolean {
  const c = inspection.mapping.indexOf('date');
  if (c < 0 || inspection.dialect.dateOrder !== 'YMD') return false;
  const values = inspection.sampleRows.map((r) => r[c]).filter((v) => v !== undefined && v !== '');
  return values.length > 0 && values.every((v) => /^\d{4}-\d{2}-\d{2}$/.test(v));
}

/** `read_csv(...)` of the file with the inspection's dialect: columns c0, c1, ... as text. */
export function readCsvSql(path: string, inspection: Inspection, options: SourceOptions): string {
  const d = inspection.dialect;
  const dateColumn = options.typedDates ? inspection.mapping.indexOf('date') : -1;
  const columns = inspection.headers.map((_, i) => `'c${i}': '${i === dateColumn ? 'DATE' : 'VARCHAR'}'`).join(', ');
  const skip = options.headerLine > 0 ? options.headerLine : options.linesBefore;
  // Rows with too many or too few fields are rejected (counted as invalid rows, as the importer's
  // ragged-row errors), not padded.
  return `read_csv(${lit(path)}, delim = ${lit(d.delimiter)}, quote = '"', escape = '"', header = false, skip = ${skip}, columns = {${columns}}, auto_detect = false, dateformat = '%Y-%m-%d', ignore_errors = true, store_rejects = true, rejects_table = ${lit(options.rejectsTable)}, rejects_scan = ${lit(`${options.rejectsTable}_scans`)})`;
}

/** SQL: the trimmed text `x` is missing (NULL, empty, or a null token: none is longer than 4 characters). */
function missing(x: string): string {
  return `(${x} IS NULL OR ${x} = '' OR (length(${x}) <= 4 AND upper(${x}) IN (${NULL_TOKENS.map((t) => lit(t.toUpperCase())).join(', ')})))`;
}

/** SQL: a two-digit year expanded (00-69 = 20xx, 70-99 = 19xx); other lengths as written. */
function year(x: string): string {
  return `CASE WHEN length(${x}) = 2 THEN CASE WHEN CAST(${x} AS INTEGER) < 70 THEN 2000 ELSE 1900 END + CAST(${x} AS INTEGER) WHEN length(${x}) = 4 THEN CAST(${x} AS INTEGER) END`;
}

/** SQL: a DATE from y, m, d expressions, NULL when it is not a calendar day. */
function makeDate(y: string, m: string, d: string): string {
  return `try_strptime(CAST(${y} AS VARCHAR) || '-' || CAST(${m} AS VARCHAR) || '-' || CAST(${d} AS VARCHAR), '%Y-%m-%d')::DATE`;
}

/** SQL: `x` (trimmed) has the shape yyyy-mm-dd, which a cast reads (the importer's fast path too). */
const isoShape = (x: string): string => `(length(${x}) = 10 AND substr(${x}, 5, 1) = '-' AND substr(${x}, 8, 1) = '-')`;

/** SQL: the parts of a date that is not yyyy-mm-dd: n1 sep n2 sep n3 and the rest (a time). */
const dateParts = (x: string): string => `regexp_extract(${x}, '^([0-9]{1,4})([-/.])([0-9]{1,2})([-/.])([0-9]{1,4})(.*)$', ['a', 's1', 'b', 's2', 'c', 'rest'])`;

/** SQL: the date of text `x` (trimmed, with its `parts`), by the file's date order; NULL when unreadable. */
function dateOf(x: string, parts: string, order: string): string {
  const p = (k: string) => `${parts}.${k}`;
  const tailOk = `(${p('rest')} = '' OR (${p('s1')} = '.' AND ${p('rest')} = '.') OR regexp_matches(${p('rest')}, '^[.]?[ T]'))`;
  const yearFirst = `CASE WHEN length(${p('c')}) <= 2 THEN ${makeDate(`CAST(${p('a')} AS INTEGER)`, p('b'), p('c'))} END`;
  const dayFirst = makeDate(year(p('c')), p('b'), p('a'));
  const monthFirst = makeDate(year(p('c')), p('a'), p('b'));
  const short = order === 'DMY' ? dayFirst : order === 'MDY' ? monthFirst : 'NULL';
  const compact8 = `CASE WHEN CAST(substr(${x}, 1, 4) AS INTEGER) BETWEEN 1900 AND 2099 THEN ${makeDate(`substr(${x}, 1, 4)`, `substr(${x}, 5, 2)`, `substr(${x}, 7, 2)`)} END`;
  const compact6 = makeDate(year(`substr(${x}, 1, 2)`), `substr(${x}, 3, 2)`, `substr(${x}, 5, 2)`);
  return `CASE
      WHEN ${isoShape(x)} THEN TRY_CAST(${x} AS DATE)
      WHEN regexp_full_match(${x}, '[0-9]{8}') THEN ${compact8}
      WHEN regexp_full_match(${x}, '[0-9]{6}') THEN ${compact6}
      WHEN ${p('a')} = '' OR ${p('s1')} <> ${p('s2')} OR NOT ${tailOk} THEN NULL
      WHEN length(${p('a')}) = 4 THEN ${yearFirst}
      WHEN length(${p('a')}) > 2 THEN NULL
      WHEN ${p('s1')} = '.' THEN ${dayFirst}
      ELSE ${short}
    END`;
}

/** SQL: the number in text `x` (trimmed) with the file's marks; NULL when it is not a plain number. */
function numberOf(x: string, decimal: string, thousands: string): string {
  // The common case first: digits with the decimal mark and nothing else.
  const plain = decimal === ',' ? `'[+-]?[0-9]+(,[0-9]*)?'` : `'[+-]?[0-9]+([.][0-9]*)?'`;
  const plainValue = decimal === ',' ? `CAST(replace(${x}, ',', '.') AS DOUBLE)` : `CAST(${x} AS DOUBLE)`;
  let y = `regexp_replace(${x}, '^[€$£¥]\\s*|\\s*[€$£¥]$|^[A-Z]{3}\\s+|\\s+[A-Z]{3}$', '')`;
  y = `regexp_replace(${y}, '[\\s\u00a0\u202f]', '', 'g')`;
  if (thousands && thousands !== ' ') y = `replace(${y}, ${lit(thousands)}, '')`;
  if (decimal === ',') y = `replace(${y}, ',', '.')`;
  return `CASE WHEN regexp_full_match(${x}, ${plain}) THEN ${plainValue} WHEN regexp_full_match(${y}, '[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)') THEN CAST(${y} AS DOUBLE) END`;
}

/** What the lines say about the roll-up (one query over them; see `OrdersSql.facts`). */
export interface LineFacts {
  /** Lines whose date or amount cannot be read, or that have no date and no order id. */
  readonly invalid: number;
  /** Valid lines without a date (they have an order id: another line may date the order). */
  readonly undated: number;
  /** Valid lines with an order id but no customer (they belong to the order's customer). */
  readonly ownerless: number;
  /** Valid lines with an order id, and the distinct order ids among them. */
  readonly withId: number;
  readonly ids: number;
  /** Distinct credit-note numbers (`C123`) and plain-number order ids. */
  readonly prefixed: number;
  readonly digits: number;
}

export interface OrdersSql {
  /** SELECT of the typed lines, one per CSV row, with `invalid`. */
  readonly lines: string;
  /** SELECT of the distinct values of the status column over the lines table, when one is mapped. */
  readonly statuses?: (lines: string) => string;
  /** SELECT of the LineFacts over the lines table (`digits` only when there are credit-note numbers). */
  readonly facts: (lines: string) => string;
  /** SELECT of the valid lines whose order has no date anywhere: they are invalid too. */
  readonly undatedOrders: (lines: string) => string;
  /** SELECT of the facts' "amount varies between the lines of an order" (line amounts). */
  readonly lineAmounts: (lines: string, facts: LineFacts) => string;
  /** SELECT of one row per order: customer_id, order_id, order_date, amount. */
  readonly orders: (lines: string, facts: LineFacts, lineAmounts: boolean, statusEffects: string | undefined) => string;
}

/**
 * The SQL that turns the CSV (`from`: a read_csv call) into lines and orders, for the mapping of
 * `inspection` (column index -> field key). See the module doc for the rules. The engine runs
 * it in steps (lines into a table, the facts, then the orders) so each decision is one
 * constant in the SQL instead of a window over every row.
 */
export function ordersSql(from: string, inspection: Inspection, datesTyped = false): OrdersSql {
  const d = inspection.dialect;
  const col = (key: string): string | undefined => {
    const i = inspection.mapping.indexOf(key);
    return i < 0 ? undefined : `c${i}`;
  };
  const cols = { order_id: col('order_id'), customer_id: col('customer_id'), date: col('date'), amount: col('amount'), status: col('status'), refunded: col('refunded'), quantity: col('quantity'), unit_price: col('unit_price') };
  const trimmed = Object.entries(cols).map(([k, c]) => `${c && !(datesTyped && k === 'date') ? `trim(${c})` : 'CAST(NULL AS VARCHAR)'} AS t_${k}`);
  trimmed.push(`${datesTyped && cols.date ? cols.date : 'CAST(NULL AS DATE)'} AS d_date`);
  const email = `'[^\\s@]+@[^\\s@]+\\.[^\\s@]+'`;
  const num = (x: string) => `CASE WHEN ${missing(x)} THEN NULL ELSE ${numberOf(x, d.decimal, d.thousands)} END`;
  const typed = [
    `CASE WHEN ${missing('t_order_id')} THEN NULL ELSE nfc_normalize(t_order_id) END AS order_id`,
    `CASE WHEN ${missing('t_customer_id')} THEN NULL WHEN contains(t_customer_id, '@') AND regexp_full_match(t_customer_id, ${email}) THEN lower(nfc_normalize(t_customer_id)) ELSE nfc_normalize(t_customer_id) END AS customer_id`,
    datesTyped ? 'd_date AS order_date' : `CASE WHEN ${missing('t_date')} THEN NULL ELSE ${dateOf('t_date', 'date_parts', d.dateOrder)} END AS order_date`,
    datesTyped ? 'd_date IS NULL AS date_missing' : `${missing('t_date')} AS date_missing`,
    `${num('t_amount')} AS amount`,
    `${missing('t_amount')} AS amount_missing`,
    `${num('t_quantity')} AS quantity`,
    `${num('t_refunded')} AS refunded`,
    `${num('t_unit_price')} AS unit_price`,
    `CASE WHEN ${missing('t_status')} THEN NULL ELSE nfc_normalize(t_status) END AS status`,
  ];
  // A line is invalid when its amount or date cannot be read, or it has no date and no order id
  // (a later line of an order may leave the date empty when another line gives it).
  const lines = `SELECT order_id, customer_id, order_date, date_missing, amount, quantity, refunded, unit_price, status,
      ((NOT amount_missing AND amount IS NULL) OR (NOT date_missing AND order_date IS NULL) OR (date_missing AND order_id IS NULL)) AS invalid
    FROM (SELECT ${typed.join(',\n      ')}
      FROM (SELECT *, CASE WHEN t_date IS NOT NULL AND NOT ${isoShape('t_date')} THEN ${dateParts('t_date')} END AS date_parts
        FROM (SELECT ${trimmed.join(', ')} FROM ${from}) trimmed) shaped) typed`;
  const facts = (t: string) => `SELECT COUNT(CASE WHEN invalid THEN 1 END) AS invalid,
      COUNT(CASE WHEN NOT invalid AND date_missing THEN 1 END) AS undated,
      COUNT(CASE WHEN NOT invalid AND customer_id IS NULL AND order_id IS NOT NULL THEN 1 END) AS ownerless,
      COUNT(CASE WHEN NOT invalid THEN order_id END) AS with_id,
      COUNT(DISTINCT CASE WHEN NOT invalid THEN order_id END) AS ids,
      COUNT(DISTINCT CASE WHEN NOT invalid AND (order_id LIKE 'C%' OR order_id LIKE 'c%') AND regexp_full_match(order_id, '[Cc][0-9]+') THEN order_id END) AS prefixed,
      CASE WHEN COUNT(CASE WHEN order_id LIKE 'C%' OR order_id LIKE 'c%' THEN 1 END) = 0 THEN 0
        ELSE COUNT(DISTINCT CASE WHEN NOT invalid AND regexp_full_match(order_id, '[0-9]+') THEN order_id END) END AS digits
    FROM ${t}`;
  const undatedOrders = (t: string) => `SELECT COUNT(*) AS n FROM ${t} WHERE NOT invalid AND order_id IN (
      SELECT order_id FROM ${t} WHERE NOT invalid AND order_id IS NOT NULL GROUP BY order_id HAVING COUNT(order_date) = 0)`;
  // A later line that leaves the customer empty belongs to its order's customer.
  const owned = (t: string, f: LineFacts) => `SELECT l.*,
      ${f.ownerless > 0 ? 'CASE WHEN l.customer_id IS NULL AND l.order_id IS NOT NULL THEN MIN(l.customer_id) OVER (PARTITION BY l.order_id) ELSE l.customer_id END' : 'l.customer_id'} AS owner,
      CASE WHEN l.quantity < 0 AND l.amount > 0 THEN -l.amount ELSE l.amount END AS line_amount
    FROM ${t} l WHERE NOT l.invalid`;
  const lineAmounts = (t: string, f: LineFacts) => `SELECT COUNT(*) AS n FROM (
      SELECT order_id FROM (${owned(t, f)}) o WHERE order_id IS NOT NULL GROUP BY order_id, owner HAVING COUNT(*) > 1 AND COUNT(DISTINCT amount) > 1 LIMIT 1) varying`;
  const orders = (t: string, f: LineFacts, byLine: boolean, statusEffects: string | undefined): string => {
    // An order's amount: the lines summed (line amounts), the amount given (an order total; a
    // one-line order's negative quantity subtracts), else quantity x unit price (quantity 1 when missing).
    const rolled = f.withId > f.ids
      ? `SELECT owner AS customer_id, order_id, MIN(order_date) AS order_date,
            COALESCE(${byLine ? 'SUM(line_amount)' : 'CASE WHEN COUNT(*) = 1 THEN MAX(line_amount) ELSE MAX(amount) END'},
                     CASE WHEN COUNT(unit_price) > 0 THEN SUM(COALESCE(quantity, 1) * unit_price) END) AS amount,
            MIN(status) AS status, SUM(refunded) AS refunded
          FROM owned WHERE order_id IS NOT NULL GROUP BY owner, order_id
          UNION ALL
          SELECT owner, order_id, order_date, COALESCE(line_amount, COALESCE(quantity, 1) * unit_price), status, refunded FROM owned WHERE order_id IS NULL`
      : `SELECT owner AS customer_id, order_id, order_date, COALESCE(line_amount, COALESCE(quantity, 1) * unit_price) AS amount, status, refunded FROM owned`;
    const credit = f.prefixed > 0 && f.digits >= f.prefixed ? `o.amount > 0 AND regexp_full_match(o.order_id, '[Cc][0-9]+')` : 'FALSE';
    const effect = statusEffects ? `COALESCE(fx.effect, 'none')` : `'none'`;
    const effectJoin = statusEffects ? `LEFT JOIN (${statusEffects}) fx ON fx.status = o.status` : '';
    return `WITH
  owned AS (${owned(t, f)}),
  grouped AS (${rolled}),
  signed AS (
    SELECT o.customer_id, o.order_id, o.order_date, o.status, o.refunded, ${effect} AS effect,
           CASE WHEN ${credit} THEN -o.amount ELSE o.amount END AS amount
    FROM grouped o ${effectJoin}
    WHERE o.order_date IS NOT NULL
  )
  SELECT customer_id, order_id, order_date,
    CASE
      WHEN amount IS NULL THEN NULL
      WHEN refunded IS NOT NULL AND refunded <> 0 AND amount > 0 THEN
        CASE WHEN effect = 'void' AND amount - abs(refunded) > 0 AND NOT regexp_matches(lower(status), 'refunded') THEN 0 ELSE amount - abs(refunded) END
      WHEN amount > 0 AND effect = 'reversal' THEN -amount
      WHEN amount > 0 AND effect = 'void' THEN 0
      ELSE amount
    END AS amount
  FROM signed`;
  };
  return {
    lines, facts, undatedOrders, lineAmounts, orders,
    ...(cols.status ? { statuses: (t: string) => `SELECT DISTINCT status FROM ${t} WHERE status IS NOT NULL` } : {}),
  };
}

/**
 * SQL: the plausible range of main dates (plausible-dates.ts findDateOutliers) over `table`'s
 * order_date: one row (lo, hi) as DATEs; `today` an ISO day.
 */
export function plausibleRangeSql(table: string, today: string): string {
  return `WITH
  hard AS (SELECT DATE '1970-01-01' AS lo, CAST(${lit(today)} AS DATE) + 366 AS hi),
  years AS (
    SELECT year(order_date) AS y, COUNT(*) AS n FROM ${table}, hard
    WHERE order_date IS NOT NULL AND order_date >= hard.lo AND order_date <= hard.hi GROUP BY y
  ),
  runs AS (SELECT y, SUM(n) OVER (ORDER BY y) AS run, SUM(n) OVER () AS total FROM years),
  q AS (
    SELECT MIN(CASE WHEN run >= greatest(1, ceil(0.1 * total)) THEN y END) AS q10,
           MIN(CASE WHEN run >= greatest(1, ceil(0.9 * total)) THEN y END) AS q90
    FROM runs
  )
  SELECT CASE WHEN q.q10 IS NULL THEN NULL ELSE greatest(hard.lo, make_date(CAST(greatest(1, q.q10 - greatest(2, 2 * (q.q90 - q.q10))) AS INTEGER), 1, 1)) END AS lo,
         CASE WHEN q.q10 IS NULL THEN NULL ELSE least(hard.hi, make_date(CAST(least(9999, q.q90 + greatest(2, 2 * (q.q90 - q.q10)) + 1) AS INTEGER), 1, 1) - 1) END AS hi
  FROM q, hard`;
}
