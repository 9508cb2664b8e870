/**
 * Expected figures computed from the files themselves, so tests never hard-code what the
 * generator happens to produce. CSV read with tests/support/csv.ts.
 */
import { csvTable } from '../../support/csv.ts';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const SAMPLE_DIR = resolve('public/sample');
export const FIXTURES = resolve('tests/fixtures/e2e');

export function readRows(path: string, delimiter = ','): { header: string[]; rows: string[][] } {
  return csvTable(readFileSync(path, 'utf8'), delimiter);
}

export interface SampleExpectations {
  customers: number;
  orders: number;
  revenue: number;
  firstOrderDate: string;
  lastOrderDate: string;
}

export function sampleExpectations(): SampleExpectations {
  const customers = readRows(resolve(SAMPLE_DIR, 'customers.csv'));
  const orders = readRows(resolve(SAMPLE_DIR, 'orders.csv'));
  const cid = orders.header.indexOf('customer_id');
  const amount = orders.header.indexOf('amount');
  const date = orders.header.indexOf('order_date');
  const ids = new Set(customers.rows.map((r) => r[0]));
  for (const r of orders.rows) ids.add(r[cid]);
  let cents = 0;
  const dates = orders.rows.map((r) => r[date]).sort();
  for (const r of orders.rows) cents += Math.round(Number(r[amount]) * 100);
  return { customers: ids.size, orders: orders.rows.length, revenue: cents / 100, firstOrderDate: dates[0], lastOrderDate: dates[dates.length - 1] };
}

/**
 * tests/fixtures/e2e/european-orders.csv, by hand (see the README beside it): 20 orders,
 * 8 customers (K-001..K-008), 3.01.2024..28.06.2024, revenue 30.865,67.
 */
export const EUROPEAN = Object.freeze({ orders: 20, customers: 8, revenue: 30865.67, first: '2024-01-03', last: '2024-06-28' });

/** Sums the European fixture with the reader above, as a cross-check of the hand figures. */
export function europeanFromFile(): { orders: number; customers: number; revenue: number } {
  const { rows } = readRows(resolve(FIXTURES, 'european-orders.csv'), ';');
  let cents = 0;
  for (const r of rows) cents += Number(r[3].replace(/\./g, '').replace(',', ''));
  return { orders: rows.length, customers: new Set(rows.map((r) => r[1])).size, revenue: cents / 100 };
}
