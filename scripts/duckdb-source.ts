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
  /** Table DuckDB lists the rows it could not split into the header's fields in. */
  readonly rejectsTable: string;
}

/** `read_csv(...)` of the file with the inspection's dialect: columns c0, c1, ... as text. */
export function readCsvSql(path: string, inspection: Inspection, options: SourceOptions): string {
  const d = inspection.dialect;
  const columns = inspection.headers.map((_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  const skip = options.headerLine > 0 ? options.headerLine : options.linesBefore;
  // Rows with too many or too few fields are rejected (counted as invalid rows, as the importer's
  // ragged-row errors), not padded.
  return `read_csv(${lit(path)}, delim = ${lit(d.delimiter)}, quote = '"', escape = '"', header = false, skip = ${skip}, columns = {${columns}}, auto_detect = false, all_varchar = true, ignore_errors = true, store_rejects = true, rejects_table = ${lit(options.rejectsTable)}, rejects_scan = ${lit(`${options.rejectsTable}_scans`)})`;
}

/** SQL: `x` is missing (NULL, blank, or a null token). */
function missing(x: string): string {
  return `(${x} IS NULL OR trim(${x}) = '' OR upper(trim(${x})) IN (${NULL_TOKENS.map((t) => lit(t.toUpperCase())).join(', ')}))`;
}

/** SQL: the text of `x`, NULL when missing, trimmed and NFC-normalised. */
function text(x: string): string {
  return `CASE WHEN ${missing(x)} THEN NULL ELSE nfc_normalize(trim(${x})) END`;
}

/** SQL: a two-digit year expanded (00-69 = 20xx, 70-99 = 19xx); other lengths as written. */
function year(x: string): string {
  return `CASE WHEN length(${x}) = 2 THEN CASE WHEN CAST(${x} AS INTEGER) < 70 THEN 2000 ELSE 1900 END + CAST(${x} AS INTEGER) WHEN length(${x}) = 4 THEN CAST(${x} AS INTEGER) END`;
}

/** SQL: a DATE from y, m, d expressions, NULL when it is not a calendar day. */
function makeDate(y: string, m: string, d: string): string {
  return `try_strptime(CAST(${y} AS VARCHAR) || '-' || CAST(${m} AS VARCHAR) || '-' || CAST(${d} AS VARCHAR), '%Y-%m-%d')::DATE`;
}

/** SQL: the date in text `t` (trimmed), by the file's date order; NULL when unreadable. */
function dateOf(t: string, order: string): string {
  const parts = `regexp_extract(${t}, '^([0-9]{1,4})([-/.])([0-9]{1,2})([-/.])([0-9]{1,4})(.*)$', ['a', 's1', 'b', 's2', 'c', 'rest'])`;
  const p = (k: string) => `(${parts}).${k}`;
  const tailOk = `(${p('rest')} = '' OR (${p('s1')} = '.' AND ${p('rest')} = '.') OR regexp_matches(${p('rest')}, '^[.]?[ T]'))`;
  const yearFirst = `CASE WHEN length(${p('c')}) <= 2 THEN ${makeDate(`CAST(${p('a')} AS INTEGER)`, p('b'), p('c'))} END`;
  const dayFirst = makeDate(year(p('c')), p('b'), p('a'));
  const monthFirst = makeDate(year(p('c')), p('a'), p('b'));
  const short = order === 'DMY' ? dayFirst : order === 'MDY' ? monthFirst : 'NULL';
  const compact8 = `CASE WHEN CAST(substr(${t}, 1, 4) AS INTEGER) BETWEEN 1900 AND 2099 THEN ${makeDate(`substr(${t}, 1, 4)`, `substr(${t}, 5, 2)`, `substr(${t}, 7, 2)`)} END`;
  const compact6 = makeDate(year(`substr(${t}, 1, 2)`), `substr(${t}, 3, 2)`, `substr(${t}, 5, 2)`);
  return `CASE
      WHEN regexp_matches(${t}, '^[0-9]{8}$') THEN ${compact8}
      WHEN regexp_matches(${t}, '^[0-9]{6}$') THEN ${compact6}
      WHEN ${p('a')} = '' OR ${p('s1')} <> ${p('s2')} OR NOT ${tailOk} THEN NULL
      WHEN length(${p('a')}) = 4 THEN ${yearFirst}
      WHEN length(${p('a')}) > 2 THEN NULL
      WHEN ${p('s1')} = '.' THEN ${dayFirst}
      ELSE ${short}
    END`;
}

/** SQL: the number in text `t` with the file's marks; NULL when it is not a plain number. */
function numberOf(t: string, decimal: string, thousands: string): string {
  let x = `regexp_replace(${t}, '^[€$£¥]\\s*|\\s*[€$£¥]$|^[A-Z]{3}\\s+|\\s+[A-Z]{3}$', '')`;
  x = `regexp_replace(${x}, '[\\s\u00a0\u202f]', '', 'g')`;
  if (thousands && thousands !== ' ') x = `replace(${x}, ${lit(thousands)}, '')`;
  if (decimal === ',') x = `replace(${x}, ',', '.')`;
  return `CASE WHEN regexp_matches(${x}, '^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)$') THEN CAST(${x} AS DOUBLE) END`;
}

export interface OrdersSql {
  /** SELECT of the typed rows with an `invalid` flag (one row per CSV row). */
  readonly lines: string;
  /** SELECT of one row per order over `lines_table` (valid lines only): customer_id, order_id, order_date, amount. */
  readonly orders: (linesTable: string, statusEffects: string | undefined) => string;
  /** The status column is mapped: its distinct values are needed for `orders` (statusEffect each). */
  readonly hasStatus: boolean;
}

/**
 * The SQL that turns the CSV (`from`: a read_csv call) into lines and orders, for the mapping of
 * `inspection` (column index -> field key). See the module doc for the rules.
 */
export function ordersSql(from: string, inspection: Inspection): OrdersSql {
  const d = inspection.dialect;
  const col = (key: string): string | undefined => {
    const i = inspection.mapping.indexOf(key);
    return i < 0 ? undefined : `c${i}`;
  };
  const customer = col('customer_id');
  const date = col('date');
  const amount = col('amount');
  const orderId = col('order_id');
  const status = col('status');
  const refunded = col('refunded');
  const quantity = col('quantity');
  const price = col('unit_price');
  const t = (c: string) => `trim(${c})`;
  const num = (c: string) => numberOf(t(c), d.decimal, d.thousands);
  const email = `'^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$'`;
  const fields = [
    `${orderId ? text(orderId) : 'NULL'} AS order_id`,
    customer ? `CASE WHEN ${missing(customer)} THEN NULL WHEN regexp_matches(${text(customer)}, ${email}) THEN lower(${text(customer)}) ELSE ${text(customer)} END AS customer_id` : 'CAST(NULL AS VARCHAR) AS customer_id',
    date ? `CASE WHEN ${missing(date)} THEN NULL ELSE ${dateOf(t(date), d.dateOrder)} END AS order_date` : 'CAST(NULL AS DATE) AS order_date',
    date ? `${missing(date)} AS date_missing` : 'TRUE AS date_missing',
    amount ? `CASE WHEN ${missing(amount)} THEN NULL ELSE ${num(amount)} END AS amount` : 'CAST(NULL AS DOUBLE) AS amount',
    amount ? `(NOT ${missing(amount)} AND ${num(amount)} IS NULL) AS amount_bad` : 'FALSE AS amount_bad',
    quantity ? `CASE WHEN ${missing(quantity)} THEN NULL ELSE ${num(quantity)} END AS quantity` : 'CAST(NULL AS DOUBLE) AS quantity',
    refunded ? `CASE WHEN ${missing(refunded)} THEN NULL ELSE ${num(refunded)} END AS refunded` : 'CAST(NULL AS DOUBLE) AS refunded',
    price ? `CASE WHEN ${missing(price)} THEN NULL ELSE ${num(price)} END AS unit_price` : 'CAST(NULL AS DOUBLE) AS unit_price',
    status ? `${text(status)} AS status` : 'CAST(NULL AS VARCHAR) AS status',
  ];
  // A line is invalid when its amount or date cannot be read, or its date is missing (a later
  // line of an order may leave the date empty when another line of the order gives it).
  const undated = orderId ? '(order_id IS NULL OR COUNT(order_date) OVER (PARTITION BY order_id) = 0)' : 'TRUE';
  const lines = `SELECT *, (amount_bad OR (NOT date_missing AND order_date IS NULL) OR (date_missing AND ${undated})) AS invalid
    FROM (SELECT ${fields.join(',\n      ')} FROM ${from}) typed`;

  const orders = (linesTable: string, statusEffects: string | undefined): string => {
    const effect = statusEffects ? `COALESCE(fx.effect, 'none')` : `'none'`;
    const effectJoin = statusEffects ? `LEFT JOIN (${statusEffects}) fx ON fx.status = o.status` : '';
    return `WITH
  valid AS (SELECT * FROM ${linesTable} WHERE NOT invalid),
  owned AS (
    -- A later line that leaves the customer empty belongs to its order's customer.
    SELECT v.*, CASE WHEN v.customer_id IS NULL AND v.order_id IS NOT NULL THEN MIN(v.customer_id) OVER (PARTITION BY v.order_id) ELSE v.customer_id END AS owner,
           CASE WHEN v.quantity < 0 AND v.amount > 0 THEN -v.amount ELSE v.amount END AS line_amount
    FROM valid v
  ),
  level AS (
    -- Line amounts when the amount varies between the lines of some order, else order totals.
    SELECT COUNT(*) > 0 AS line_amounts FROM (
      SELECT order_id FROM owned WHERE order_id IS NOT NULL GROUP BY order_id, owner HAVING COUNT(*) > 1 AND COUNT(DISTINCT amount) > 1
    ) varying
  ),
  orders_of_lines AS (
    -- An order's amount: the lines summed (line amounts), the amount given (an order total; a
    -- one-line order's negative quantity subtracts), else quantity x unit price (quantity 1 when missing).
    SELECT owner AS customer_id, order_id, MIN(order_date) AS order_date,
           CASE WHEN (SELECT line_amounts FROM level) THEN SUM(line_amount) WHEN COUNT(*) = 1 THEN MAX(line_amount) ELSE MAX(amount) END AS amount,
           CASE WHEN COUNT(unit_price) > 0 THEN SUM(COALESCE(quantity, 1) * unit_price) END AS from_price,
           MIN(status) AS status, SUM(refunded) AS refunded
    FROM owned WHERE order_id IS NOT NULL
    GROUP BY owner, order_id
    UNION ALL
    SELECT owner, order_id, order_date, line_amount, COALESCE(quantity, 1) * unit_price, status, refunded FROM owned WHERE order_id IS NULL
  ),
  grouped AS (
    SELECT customer_id, order_id, order_date, COALESCE(amount, from_price) AS amount, status, refunded FROM orders_of_lines
  ),
  credit AS (
    SELECT COUNT(CASE WHEN regexp_matches(order_id, '^[Cc][0-9]+$') THEN 1 END) AS prefixed,
           COUNT(CASE WHEN regexp_matches(order_id, '^[0-9]+$') THEN 1 END) AS digits
    FROM (SELECT DISTINCT order_id FROM valid WHERE order_id IS NOT NULL) ids
  ),
  signed AS (
    SELECT o.customer_id, o.order_id, o.order_date, o.status, o.refunded, ${effect} AS effect,
           CASE WHEN o.amount > 0 AND c.prefixed > 0 AND c.digits >= c.prefixed AND regexp_matches(o.order_id, '^[Cc][0-9]+$') THEN -o.amount ELSE o.amount END AS amount
    FROM grouped o CROSS JOIN credit c ${effectJoin}
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
  return { lines, orders, hasStatus: status !== undefined };
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
