// The CDNOW sample (Fader & Hardie; /work/shared/data/cdnow, README.md there) as an orders table
// for the CLV tests (not a test file itself): CDNOW_sample.txt, customer id = the sample's own
// id (column 2, 0001-2357, the `ID` of the published summaries), date YYYYMMDD, amount in dollars.
import { readFileSync } from 'node:fs';
import { daysFromCivil } from '../../../../src/core/parse/date.ts';
import type { Table } from '../../../../src/core/table.ts';

export const CDNOW_DIR = new URL('../../../../../shared/data/cdnow/', import.meta.url);

/** Day number of 'YYYYMMDD' or 'YYYY-MM-DD'. */
export function dayOf(ymd: string): number {
  const s = ymd.replace(/-/g, '');
  return daysFromCivil(Number(s.slice(0, 4)), Number(s.slice(4, 6)), Number(s.slice(6, 8)));
}

export const CALIBRATION_END = dayOf('1997-09-30');
export const HOLDOUT_END = dayOf('1998-06-30');

/** CDNOW_sample.txt as a frozen orders table. */
export function cdnowSampleOrders(): Table {
  const lines = readFileSync(new URL('CDNOW_sample.txt', CDNOW_DIR), 'latin1').split(/\r?\n/).filter((l) => l.trim() !== '');
  const rows = lines.map((l) => {
    const [, id, ymd, , amount] = l.trim().split(/\s+/);
    return { id, day: dayOf(ymd), amount: Number(amount) };
  });
  const dict = [...new Set(rows.map((r) => r.id))];
  const codeOf = new Map(dict.map((id, i) => [id, i]));
  return Object.freeze({
    length: rows.length,
    columns: Object.freeze({
      customer_id: Object.freeze({ type: 'dict' as const, dict, codes: Uint32Array.from(rows, (r) => codeOf.get(r.id)!) }),
      date: Object.freeze({ type: 'day' as const, data: Int32Array.from(rows, (r) => r.day) }),
      amount: Object.freeze({ type: 'num' as const, data: Float64Array.from(rows, (r) => r.amount) }),
    }),
  });
}

/** A published summary CSV as rows of numbers keyed by the header (ID as a number). */
export function readSummary(file: string): Record<string, number>[] {
  const [head, ...lines] = readFileSync(new URL(file, CDNOW_DIR), 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  const keys = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [keys[i], Number(v)])));
}

export const REFERENCE = JSON.parse(readFileSync(new URL('reference_values.json', CDNOW_DIR), 'utf8')) as {
  summary: Record<string, number>;
  bgnbd: { published: Record<string, number>; optimum: Record<string, number>; checks: Record<string, Record<string, unknown>> };
  pnbd: { published: Record<string, number>; optimum: Record<string, number>; checks: Record<string, Record<string, unknown>> };
  gamma_gamma: { published: Record<string, number>; optimum: Record<string, number>; corr_x_mx: number; checks: { E_M_customers_1_to_10: number[] } };
};
