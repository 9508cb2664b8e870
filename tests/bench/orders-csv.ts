/**
 * The benchmark's synthetic orders file, the same shape as PERF.md: order_id, customer_id,
 * order_date (YYYY-MM-DD), amount (2 decimals), channel, country; ~100k customers over three
 * years (2023-2025). Deterministic (seeded), written in pieces so 1M rows never sit in one string.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { createRandom } from '../../scripts/sample/random.ts';

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2023, 0, 1) / DAY_MS;
const SPAN = Date.UTC(2025, 11, 31) / DAY_MS - FIRST_DAY + 1;
const CHANNELS = ['web', 'web', 'web', 'app', 'store', 'phone', 'marketplace'];
const COUNTRIES = ['SI', 'DE', 'AT', 'HR', 'IT', 'FR', 'NL', 'PL', 'BG', 'EE', 'ES', 'SE'];

export const BENCH_HEADER = 'order_id,customer_id,order_date,amount,channel,country';

/** Writes `rows` data rows (plus the header) to `path`; returns the byte size. */
export function writeOrdersCsv(path: string, rows: number, customers = 100_000, seed = 42): number {
  const rnd = createRandom(seed);
  // ISO date strings once per day, not per row.
  const days = Array.from({ length: SPAN }, (_, i) => new Date((FIRST_DAY + i) * DAY_MS).toISOString().slice(0, 10));
  const fd = openSync(path, 'w');
  let bytes = 0;
  try {
    let buf = BENCH_HEADER + '\n';
    for (let i = 1; i <= rows; i++) {
      const customer = 1 + Math.floor(Math.pow(rnd.next(), 1.3) * customers);
      const amount = (5 + rnd.exponential(60)).toFixed(2);
      buf += `ORD${String(i).padStart(7, '0')},C${String(customer).padStart(6, '0')},${days[Math.floor(rnd.next() * SPAN)]},${amount},${CHANNELS[Math.floor(rnd.next() * CHANNELS.length)]},${COUNTRIES[Math.floor(rnd.next() * COUNTRIES.length)]}\n`;
      if (buf.length > 1 << 20) {
        bytes += writeSync(fd, buf);
        buf = '';
      }
    }
    bytes += writeSync(fd, buf);
  } finally {
    closeSync(fd);
  }
  return bytes;
}
