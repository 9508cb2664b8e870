import { csvTable } from '../../support/csv.ts';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIRST_DAY, LAST_DAY, isoDay, writeSample } from '../../../scripts/generate-sample.ts';

const dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'keepwise-sample-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const outA = tempDir();
const outB = tempDir();
writeSample(outA);
writeSample(outB);
const read = (name: string) => csvTable(readFileSync(join(outA, name), 'utf8'));

describe('generate-sample', () => {
  it('writes the same bytes on two runs with the same seed', () => {
    const names = readdirSync(outA).sort();
    expect(names).toEqual(['churn.csv', 'customers.csv', 'feedback.csv', 'manifest.json', 'orders.csv', 'referrals.csv', 'subscriptions.csv']);
    for (const n of names) expect(readFileSync(join(outB, n)).equals(readFileSync(join(outA, n))), n).toBe(true);
  });

  it('writes a different business for a different seed', () => {
    const other = tempDir();
    writeSample(other, 7, 200);
    expect(readFileSync(join(other, 'orders.csv'), 'utf8')).not.toEqual(readFileSync(join(outA, 'orders.csv'), 'utf8'));
  });

  it('has 5,000 customers with unique ids C00001..C05000', () => {
    const { header, rows } = read('customers.csv');
    expect(header).toEqual(['customer_id', 'signup_date', 'plan', 'region', 'country', 'company_size', 'budget', 'acquisition_channel', 'referred_by']);
    expect(rows.length).toBe(5000);
    expect(new Set(rows.map((r) => r[0])).size).toBe(5000);
    expect(rows[0][0]).toBe('C00001');
    expect(rows[4999][0]).toBe('C05000');
    expect(new Set(rows.map((r) => r[2]))).toEqual(new Set(['Basic', 'Pro', 'Business']));
  });

  it('keeps every order inside 2023-01-01..2025-12-31 and on a known customer', () => {
    const customers = new Set(read('customers.csv').rows.map((r) => r[0]));
    const { header, rows } = read('orders.csv');
    expect(header).toEqual(['order_id', 'customer_id', 'order_date', 'amount', 'quantity', 'channel', 'status']);
    expect(rows.length).toBeGreaterThan(20_000);
    const first = isoDay(FIRST_DAY);
    const last = isoDay(LAST_DAY);
    expect([first, last]).toEqual(['2023-01-01', '2025-12-31']);
    let unknown = 0;
    let outOfRange = 0;
    let badAmount = 0;
    let refunds = 0;
    for (const r of rows) {
      if (!customers.has(r[1])) unknown++;
      if (!/^\d{4}-\d\d-\d\d$/.test(r[2]) || r[2] < first || r[2] > last) outOfRange++;
      if (!/^-?\d+\.\d\d$/.test(r[3])) badAmount++;
      if (r[6] === 'refunded') {
        refunds++;
        if (!r[3].startsWith('-')) badAmount++;
      }
    }
    expect({ unknown, outOfRange, badAmount }).toEqual({ unknown: 0, outOfRange: 0, badAmount: 0 });
    expect(refunds / rows.length).toBeGreaterThan(0.01);
    expect(refunds / rows.length).toBeLessThan(0.03);
    expect(new Set(rows.map((r) => r[0])).size).toBe(rows.length);
  });

  it('has seasonality: more orders per day in November-December than in July-August', () => {
    const { rows } = read('orders.csv');
    const byMonth = new Array<number>(12).fill(0);
    for (const r of rows) if (r[6] === 'completed') byMonth[Number(r[2].slice(5, 7)) - 1]++;
    expect((byMonth[10] + byMonth[11]) / 61).toBeGreaterThan((1.5 * (byMonth[6] + byMonth[7])) / 62);
  });

  it('ties churn, subscriptions and referrals to known customers, cancellations after signup', () => {
    const customers = new Map(read('customers.csv').rows.map((r) => [r[0], r]));
    const churn = read('churn.csv');
    expect(churn.header).toEqual(['customer_id', 'cancel_date', 'reason', 'category']);
    expect(churn.rows.length).toBeGreaterThan(500);
    for (const r of churn.rows) {
      expect(customers.has(r[0])).toBe(true);
      expect(r[1] >= customers.get(r[0])![1] && r[1] <= '2025-12-31').toBe(true);
    }
    const reasons = new Set(churn.rows.map((r) => r[2]));
    for (const variant of ['Too expensive', 'too expensive ', 'Price', 'Switched to competitor', 'Missing features']) expect(reasons.has(variant), variant).toBe(true);

    const subs = read('subscriptions.csv');
    expect(subs.rows.filter((r) => r[3] === '').length).toBeGreaterThan(2500); // still active
    for (const r of subs.rows) expect(customers.has(r[1]) && (r[3] === '' || r[3] >= r[2])).toBe(true);

    const refs = read('referrals.csv');
    for (const r of refs.rows) {
      expect(customers.get(r[1])![8]).toBe(r[0]);
      expect(customers.get(r[0])![1] <= customers.get(r[1])![1]).toBe(true);
    }
    const feedback = read('feedback.csv');
    for (const r of feedback.rows) expect(customers.has(r[0]) && Number(r[2]) >= 0 && Number(r[2]) <= 10).toBe(true);
  });

  it('stays small enough to precache (under 4 MB) and lists every file in the manifest', () => {
    const manifest = JSON.parse(readFileSync(join(outA, 'manifest.json'), 'utf8')) as { name: string; files: { file: string; kind: string }[] };
    expect(manifest.name).toBe('Sample business');
    expect(manifest.files.map((f) => f.kind)).toEqual(['customers', 'orders', 'subscriptions', 'churn', 'feedback', 'referrals']);
    let bytes = 0;
    for (const n of readdirSync(outA)) bytes += readFileSync(join(outA, n)).length;
    expect(bytes).toBeLessThan(4 * 1024 * 1024);
  });

  it('is what public/sample/ holds (re-run `npm run sample` after changing the generator)', () => {
    for (const n of readdirSync(outA)) {
      expect(readFileSync(join('public/sample', n)).equals(readFileSync(join(outA, n))), n).toBe(true);
    }
  });
});
