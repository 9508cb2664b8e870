/** Test helper: reads the shared reference CSVs (tiny RFC 4180 reader, enough for these small files). */
import { readFileSync } from 'node:fs';
import { SHARED_DATA } from '../../../support/shared-data.ts';

export const DATA = SHARED_DATA.replace(/\/$/, '');

/** Splits CSV text into rows of fields (quotes, doubled quotes, CRLF). */
export function parseCsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Reads a shared CSV: header row and data rows. */
export function readCsv(path: string, delimiter = ','): { header: string[]; rows: string[][] } {
  const text = readFileSync(`${DATA}/${path}`, 'utf8').replace(/^\uFEFF/, '');
  const [header, ...rows] = parseCsv(text, delimiter);
  return { header, rows };
}

/** One column of a shared CSV by header name. */
export function column(path: string, name: string, delimiter = ','): string[] {
  const { header, rows } = readCsv(path, delimiter);
  const i = header.indexOf(name);
  if (i < 0) throw new Error(`${path} has no column ${name}`);
  return rows.map((r) => r[i]);
}
