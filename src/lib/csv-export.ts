/**
 * CSV for people who open it in a spreadsheet (RELIABILITY.md 3.4): RFC 4180 quoting, CRLF line
 * ends, a UTF-8 BOM so Excel reads accents right, numbers written as plain numbers, and every text
 * cell that a spreadsheet would run as a formula prefixed with `'`.
 *
 * Hand-written rather than Papa.unparse because its `escapeFormulae` misses a leading space and
 * the full-width `＝` [measured], and the page should not pull PapaParse into the main bundle.
 */

export type CsvCell = string | number | boolean | null | undefined;
export type CsvRow = readonly CsvCell[];

export const CSV_BOM = '\uFEFF';
export const CSV_MIME = 'text/csv;charset=utf-8';

/**
 * A text cell is dangerous when, after any leading white space (including no-break and
 * ideographic spaces), it starts with = + - @ (ASCII or full-width), a tab, a CR or NUL:
 * OWASP ASVS 5.0 V1.2.10, CWE-1236.
 */
const FORMULA_START = /^[\s\u00a0\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\t\r\0]/;

export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text);
}

/** One cell as CSV text: numbers stay numbers, formula-like text gets a `'`, quoting when needed. */
export function csvCell(value: CsvCell, delimiter = ','): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = isFormulaLike(value) ? `'${value}` : value;
  const needsQuotes = text.includes(delimiter) || /["\r\n]/.test(text);
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV text with a BOM (unless `bom: false`) and CRLF after every row. */
export function toCsv(rows: readonly CsvRow[], options: { delimiter?: string; bom?: boolean } = {}): string {
  const delimiter = options.delimiter ?? ',';
  let out = options.bom === false ? '' : CSV_BOM;
  for (const row of rows) out += row.map((cell) => csvCell(cell, delimiter)).join(delimiter) + '\r\n';
  return out;
}

export function csvBlob(rows: readonly CsvRow[], options?: { delimiter?: string }): Blob {
  return new Blob([toCsv(rows, options)], { type: CSV_MIME });
}
