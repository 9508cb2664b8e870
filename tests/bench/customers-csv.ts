/**
 * The benchmark's synthetic customers file for the churn audit and segments (issue #10 item 8):
 * one row per customer of the orders file (C000001 .. C100000) with 20 attributes — 10
 * categorical (tier with 5 values for the segment comparison, plan, region, industry, country,
 * 5 more) and 10 numeric (company size, budget, 8 more). Deterministic (seeded).
 */
import { writeFileSync } from 'node:fs';
import { createRandom } from '../../scripts/sample/random.ts';

const PICK = {
  tier: ['Bronze', 'Silver', 'Gold', 'Platinum', 'Diamond'],
  plan: ['Basic', 'Pro', 'Business'],
  region: ['North', 'South', 'East', 'West', 'Central', 'Islands', 'Coast', 'Alps'],
  industry: ['Retail', 'Food', 'Tech', 'Health', 'Travel', 'Education', 'Finance', 'Media', 'Sport', 'Home', 'Auto', 'Other'],
  country: ['SI', 'DE', 'AT', 'HR', 'IT', 'FR', 'NL', 'PL', 'BG', 'EE'],
  source: ['ads', 'search', 'social', 'referral', 'partner', 'event'],
  device: ['desktop', 'mobile', 'tablet'],
  language: ['sl', 'de', 'en', 'hr', 'it', 'bg', 'et'],
  support: ['none', 'basic', 'priority', 'dedicated'],
  billing: ['card', 'invoice', 'paypal', 'bank'],
} as const;
const NUMBERS = ['company_size', 'budget', 'seats', 'logins', 'tickets', 'projects', 'storage_gb', 'age_days', 'discount', 'nps_hint'] as const;

export const CUSTOMER_ATTRIBUTES = Object.keys(PICK).length + NUMBERS.length;

/** Writes the customers CSV to `path`; returns its byte size. */
export function writeCustomersCsv(path: string, customers = 100_000, seed = 7): number {
  const rnd = createRandom(seed);
  const lines = [['customer_id', ...Object.keys(PICK), ...NUMBERS].join(',')];
  for (let i = 1; i <= customers; i++) {
    const cats = Object.values(PICK).map((values) => values[Math.floor(rnd.next() * values.length)]);
    const nums = NUMBERS.map((_, j) => (j === 1 ? (50 + rnd.exponential(500)).toFixed(2) : String(Math.floor(rnd.exponential(20 * (j + 1))))));
    lines.push([`C${String(i).padStart(6, '0')}`, ...cats, ...nums].join(','));
  }
  const text = lines.join('\n') + '\n';
  writeFileSync(path, text);
  return Buffer.byteLength(text);
}
