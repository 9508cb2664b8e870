import Papa from 'papaparse';

/**
 * Checks read-records.ts runs on a record: where a quote problem starts (and whether the record
 * is the file's cut-off last line), bare quotes in unquoted fields, and the display names of a
 * header. Pure string work, linear in the record.
 */

export interface QuoteProblem {
  readonly code: 'unclosed-quote' | 'invalid-quote' | 'backslash-quote';
  readonly line: number;
  /** 0-based column. */
  readonly column: number;
}

/**
 * Finds the first quote problem of the record starting at `start` (physical line `line`):
 * a quote never closed (reported at the line it opened on), text after a closing quote, or a
 * backslash-escaped quote. Spaces between a closing quote and the delimiter are tolerated, as
 * PapaParse does. Linear in the record's length.
 */
export function diagnoseQuotes(text: string, start: number, line: number, delimiter: string): QuoteProblem | undefined {
  const n = text.length;
  let i = start;
  let column = 0;
  while (i < n) {
    if (text.charCodeAt(i) === 34) {
      const openLine = line;
      let j = i + 1;
      for (;;) {
        const k = text.indexOf('"', j);
        const stop = k < 0 ? n : k;
        for (let p = j; p < stop; p++) if (text.charCodeAt(p) === 10) line++;
        if (k < 0) return { code: 'unclosed-quote', line: openLine, column };
        if (text.charCodeAt(k + 1) === 34) {
          j = k + 2;
          continue;
        }
        let after = k + 1;
        while (after < n && text.charCodeAt(after) === 32) after++;
        if (after >= n || text.charCodeAt(after) === 10 || text.startsWith(delimiter, after)) {
          i = after;
          break;
        }
        return { code: text.charCodeAt(k - 1) === 92 ? 'backslash-quote' : 'invalid-quote', line, column };
      }
    } else {
      while (i < n && text.charCodeAt(i) !== 10 && !text.startsWith(delimiter, i)) i++;
    }
    if (i >= n || text.charCodeAt(i) === 10) return undefined;
    i += delimiter.length;
    column++;
  }
  return undefined;
}

/**
 * Display names of a header, unique: an empty name becomes `column N` (1-based position), a
 * repeated name (any case) `name (2)`, `name (3)` ...
 */
export function columnNames(header: readonly string[]): string[] {
  const seen = new Set<string>();
  return header.map((h, c) => {
    let name = h === '' ? `column ${c + 1}` : h;
    if (seen.has(name.toLowerCase())) {
      let k = 2;
      while (seen.has(`${name} (${k})`.toLowerCase())) k++;
      name = `${name} (${k})`;
    }
    seen.add(name.toLowerCase());
    return name;
  });
}

/** Does the record starting at `start` run to the end of the text on its own line (nothing but whitespace after its last newline)? */
export function cutOffLastRecord(text: string, start: number): boolean {
  let end = text.length;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return text.lastIndexOf('\n', end - 1) < start;
}

/** True when `value` (which contains a quote) appears unquoted as a whole field of the raw record. */
export function appearsUnquoted(raw: string, value: string, d: string): boolean {
  return raw === value || raw.startsWith(value + d) || raw.endsWith(d + value) || raw.includes(d + value + d);
}


/**
 * Splits a text WITHOUT quote characters into records with PapaParse in its fastest mode: pieces
 * of about `pieceChars` cut after whole lines (so pieces never split a record), `fastMode`,
 * no step callback. Each line is one record, in order, blank lines included (as `['']`); a
 * final newline adds no record. `onLine(fields, start, end)` gets the line's fields and its
 * span in `text` (`end` past its newline); returning true stops. Linear in the text.
 */
export function readLines(text: string, delimiter: string, pieceChars: number, onLine: (fields: string[], start: number, end: number) => boolean): void {
  const config = { delimiter, newline: '\n' as const, header: false, dynamicTyping: false, skipEmptyLines: false, fastMode: true };
  const d = delimiter.length;
  let pos = 0;
  while (pos < text.length) {
    const cut = pos + pieceChars >= text.length ? -1 : text.indexOf('\n', pos + pieceChars);
    const end = cut < 0 ? text.length : cut;
    const rows = Papa.parse<string[]>(text.slice(pos, end), config).data;
    for (let r = 0; r < rows.length; r++) {
      const fields = rows[r];
      let length = (fields.length - 1) * d;
      for (let c = 0; c < fields.length; c++) length += fields[c].length;
      const next = pos + length + 1;
      if (onLine(fields, pos, next)) return;
      pos = next;
    }
    pos = end + 1;
  }
}
