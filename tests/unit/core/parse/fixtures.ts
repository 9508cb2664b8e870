/** Test helper: reads the shared reference CSVs (tiny RFC 4180 reader, enough for these small files). */
import { readFileSync } from 'node:fs';
import { parseCsv } from '../../../support/csv.ts';
import { SHARED_DATA } from '../../../support/shared-data.ts';

export { parseCsv };

export const DATA = SHARED_DATA.replace(/\/$/, '');

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
