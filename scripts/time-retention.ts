/**
 * Times the full retention report (core/retention/report.ts) on 1,000,000 synthetic orders of
 * 100,000 customers over three years, in Node: `npx tsx scripts/time-retention.ts`.
 * Prints wall and CPU time per run and per pipeline step; asserts nothing (DESIGN.md section 8:
 * the promise is measured by `npm run bench` in Chromium, never by a timed unit test).
 */
import { retentionReport } from '../src/core/retention/report.ts';
import type { Table } from '../src/core/table.ts';

const n = 1_000_000;
const customers = 100_000;
const dict = Array.from({ length: customers }, (_, i) => `c${i}`);
const codes = new Uint32Array(n);
const days = new Int32Array(n);
const amounts = new Float64Array(n);
let seed = 12345;
const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
for (let i = 0; i < n; i++) {
  codes[i] = Math.floor(rnd() * customers);
  days[i] = 14975 + Math.floor(rnd() * 1095); // 2011-01-01 + up to 3 years
  amounts[i] = i % 20 === 0 ? -10 : 25; // every 20th row a refund
}
const orders: Table = {
  length: n,
  columns: { customer_id: { type: 'dict', dict, codes }, date: { type: 'day', data: days }, amount: { type: 'num', data: amounts } },
};

for (const period of ['month', 'month', 'month', 'quarter', 'year'] as const) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let t = t0;
  const steps: string[] = [];
  const r = retentionReport({ orders }, { period, windowDays: 90 }, (done) => {
    const now = performance.now();
    steps.push(`${done}:${(now - t).toFixed(0)}`);
    t = now;
  });
  const cpu = process.cpuUsage(cpu0);
  console.log(
    `${period.padEnd(7)} wall ${(performance.now() - t0).toFixed(0)} ms, cpu ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms, steps ${steps.join(' ')}; ` +
      `${r.periods.length} periods, ${r.customers.length} customers, JSON ${(JSON.stringify(r).length / 1e6).toFixed(1)} MB`,
  );
}

// 150,000 subscriptions of 100,000 customers (a third renew or upgrade), MRR and cancellations.
const m = 150_000;
const subCodes = new Uint32Array(m);
const starts = new Int32Array(m);
const ends = new Int32Array(m);
const mrr = new Float64Array(m);
for (let i = 0; i < m; i++) {
  subCodes[i] = i < customers ? i : Math.floor(rnd() * customers);
  starts[i] = 14975 + Math.floor(rnd() * 1000);
  ends[i] = rnd() < 0.5 ? -2147483648 : starts[i] + 30 + Math.floor(rnd() * 700);
  mrr[i] = 10 + Math.floor(rnd() * 5) * 10;
}
const subscriptions: Table = {
  length: m,
  columns: {
    customer_id: { type: 'dict', dict, codes: subCodes },
    start_date: { type: 'day', data: starts },
    end_date: { type: 'day', data: ends },
    mrr: { type: 'num', data: mrr },
  },
};
for (let rep = 0; rep < 3; rep++) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const r = retentionReport({ subscriptions }, { period: 'month', windowDays: 90 });
  const cpu = process.cpuUsage(cpu0);
  console.log(`subscriptions month wall ${(performance.now() - t0).toFixed(0)} ms, cpu ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms; ${r.periods.length} periods, NRR ${r.kpis.nrr?.value?.toFixed(1)}`);
}
