/**
 * Writes the bundled sample business (public/sample/): three years (2023-01-01..2025-12-31) of a
 * small European subscription + webshop business with 5,000 customers.
 *
 *   npm run sample                  # writes public/sample/
 *   npx tsx scripts/generate-sample.ts <outDir> [seed]
 *
 * Deterministic: a seeded PRNG, integer day arithmetic in UTC and fixed-point formatting, so the
 * same seed gives the same bytes everywhere (a unit test checks it).
 *
 * How the business behaves (so the analyses have something to find):
 * - signups grow over the three years, with January and September bumps;
 * - each customer has its own purchase rate (gamma-distributed, higher on bigger plans) and its
 *   own churn hazard (monthly, higher in the first three months, on Basic, and for paid/social
 *   acquisition; lower for referrals); orders follow a seasonal Poisson process (November and
 *   December peak, summer dip) until the customer cancels, and some stop buying silently;
 * - ~2 % of orders get a refund row with a negative amount;
 * - cancellation reasons are free text with the variants real exports have ("Too expensive",
 *   "too expensive ", "Price" ...) and a category that is filled in only three times out of four;
 * - NPS feedback scores drop before a customer leaves.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { dayToIso, dayToUtcMs, daysFromCivil } from '../src/core/parse/date.ts';
import { createRandom, type Random } from './sample/random.ts';

export const SAMPLE_SEED = 20230101;
export const SAMPLE_CUSTOMERS = 5000;

export const FIRST_DAY = daysFromCivil(2023, 1, 1);
export const LAST_DAY = daysFromCivil(2025, 12, 31);
const SPAN = LAST_DAY - FIRST_DAY + 1;

export const isoDay = (day: number): string => dayToIso(day);
const monthOf = (day: number): number => new Date(dayToUtcMs(day)).getUTCMonth();
const money = (x: number): string => (Math.round(x * 100) / 100).toFixed(2);

type Plan = 'Basic' | 'Pro' | 'Business';
const PLANS: readonly (readonly [Plan, number])[] = [
  ['Basic', 55],
  ['Pro', 33],
  ['Business', 12],
];
const PLAN_MRR: Record<Plan, number> = { Basic: 29, Pro: 79, Business: 249 };
/** Orders per month, mean of the gamma-distributed personal rate. */
const PLAN_RATE: Record<Plan, number> = { Basic: 0.32, Pro: 0.62, Business: 1.05 };
/** Median unit price of an order. */
const PLAN_PRICE: Record<Plan, number> = { Basic: 42, Pro: 115, Business: 360 };
const PLAN_HAZARD: Record<Plan, number> = { Basic: 0.036, Pro: 0.022, Business: 0.012 };
const PLAN_SIZE: Record<Plan, number> = { Basic: 4, Pro: 22, Business: 140 };

const COUNTRIES: readonly (readonly [readonly [string, string], number])[] = [
  [['Slovenia', 'Central Europe'], 16],
  [['Austria', 'Central Europe'], 9],
  [['Germany', 'Western Europe'], 18],
  [['Netherlands', 'Western Europe'], 6],
  [['France', 'Western Europe'], 7],
  [['Croatia', 'Southern Europe'], 8],
  [['Italy', 'Southern Europe'], 8],
  [['Spain', 'Southern Europe'], 5],
  [['Poland', 'Eastern Europe'], 6],
  [['Bulgaria', 'Eastern Europe'], 4],
  [['Estonia', 'Nordics & Baltics'], 3],
  [['Sweden', 'Nordics & Baltics'], 3],
  [['United Kingdom', 'Western Europe'], 4],
  [['United States', 'North America'], 3],
];

const CHANNELS: readonly (readonly [string, number])[] = [
  ['Organic search', 30],
  ['Paid search', 22],
  ['Social', 12],
  ['Referral', 14],
  ['Partner', 10],
  ['Email', 7],
  ['Events', 5],
];
const CHANNEL_HAZARD: Record<string, number> = {
  'Organic search': 1,
  'Paid search': 1.3,
  Social: 1.25,
  Referral: 0.7,
  Partner: 0.85,
  Email: 1,
  Events: 0.9,
};

const ORDER_CHANNELS: readonly (readonly [string, number])[] = [
  ['Web', 62],
  ['Mobile app', 20],
  ['Phone', 8],
  ['Marketplace', 10],
];

/** Relative order intensity per calendar month (Jan..Dec). */
const SEASON = [0.85, 0.8, 0.95, 1, 1, 0.9, 0.75, 0.7, 1.05, 1.1, 1.35, 1.55];
const SEASON_MAX = Math.max(...SEASON);

/** Cancellation reasons as customers type them, per category, with weights by plan. */
const REASONS: Record<string, readonly string[]> = {
  Price: ['Too expensive', 'too expensive ', 'Too expensive!', 'Price', 'price too high', 'Budget cuts', 'Found a cheaper alternative'],
  Competitor: ['Switched to competitor', 'switched to competitor', 'Moved to a competitor', 'Went with another vendor'],
  Product: ['Missing features', 'missing feature', 'Missing integrations', 'Too complicated', 'Hard to use'],
  Support: ['Poor support', 'Slow support response', 'Support never answered'],
  'No need': ['No longer needed', 'Business closed', 'Seasonal business, will come back'],
  Other: ['Other', 'n/a', ''],
};
const REASON_WEIGHTS: Record<Plan, readonly (readonly [string, number])[]> = {
  Basic: [['Price', 38], ['Competitor', 14], ['Product', 14], ['Support', 8], ['No need', 16], ['Other', 10]],
  Pro: [['Price', 24], ['Competitor', 22], ['Product', 22], ['Support', 10], ['No need', 12], ['Other', 10]],
  Business: [['Price', 14], ['Competitor', 28], ['Product', 28], ['Support', 14], ['No need', 8], ['Other', 8]],
};

const TOUCHPOINTS: readonly (readonly [string, number])[] = [
  ['survey', 45],
  ['purchase', 25],
  ['support', 20],
  ['onboarding', 10],
];
const COMMENTS = {
  low: ['Too expensive for what it does', 'Support takes days to answer', 'Missing the export I need, again', 'Hard to use', 'Prices went up, quality did not', 'Not worth it'],
  mid: ['OK, does the job', 'Fine, but the app is slow', 'Would like more integrations', 'Decent, a bit pricey', 'Good, but "advanced" plan is confusing'],
  high: ['Great service, thanks!', 'Love it', 'Fast delivery, friendly support', 'Odlično, hvala!', 'Sehr zufrieden', 'Best tool we use, recommended it to colleagues'],
};

interface Customer {
  readonly index: number;
  readonly id: string;
  readonly signup: number;
  readonly plan: Plan;
  /** Plan at the end (after an upgrade, if any). */
  currentPlan: Plan;
  upgradeDay: number | null;
  readonly country: string;
  readonly region: string;
  readonly companySize: number;
  readonly budget: number;
  readonly channel: string;
  referredBy: string;
  /** Day the subscription was cancelled, or null when still active on LAST_DAY. */
  readonly cancel: number | null;
  /** Last day the customer might buy (cancel day, a silent stop, or LAST_DAY). */
  readonly buyUntil: number;
  readonly rate: number;
}

interface Order {
  customer: Customer;
  day: number;
  amount: number;
  quantity: number;
  channel: string;
  status: string;
  seq: number;
}

/** A CSV cell: quoted only when it must be (comma, quote, newline). */
function cell(v: string | number): string {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
function csv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const out = [header.join(',')];
  for (const r of rows) out.push(r.map(cell).join(','));
  return out.join('\n') + '\n';
}

/** Signup day: volume grows ~2x over three years, with January and September bumps. */
function signupDay(rnd: Random): number {
  for (;;) {
    const d = FIRST_DAY + Math.floor(rnd.next() * SPAN);
    const t = (d - FIRST_DAY) / SPAN;
    const m = monthOf(d);
    const w = (1 + t) * (m === 0 || m === 8 ? 1.3 : m === 7 ? 0.75 : 1);
    if (rnd.next() * 2.6 < w) return d;
  }
}

function makeCustomers(rnd: Random, count: number): Customer[] {
  const signups = Array.from({ length: count }, () => signupDay(rnd)).sort((a, b) => a - b);
  const out: Customer[] = [];
  for (let i = 0; i < count; i++) {
    const signup = signups[i];
    const plan = rnd.weighted(PLANS);
    const [country, region] = rnd.weighted(COUNTRIES);
    let channel = rnd.weighted(CHANNELS);
    let referredBy = '';
    if (channel === 'Referral') {
      // The referrer is an earlier customer still subscribed on the signup day.
      for (let tries = 0; tries < 12 && i > 0 && referredBy === ''; tries++) {
        const r = out[rnd.int(0, i - 1)];
        if (r.signup < signup && (r.cancel === null || r.cancel > signup)) referredBy = r.id;
      }
      if (referredBy === '') channel = 'Organic search';
    }
    // Monthly churn hazard with personal heterogeneity; the first three months are riskier.
    const hazard = PLAN_HAZARD[plan] * CHANNEL_HAZARD[channel] * rnd.gamma(3, 1 / 3);
    let cancel: number | null = null;
    for (let m = 0; signup + m * 30 <= LAST_DAY; m++) {
      if (rnd.chance(m < 3 ? hazard * 1.8 : hazard)) {
        const d = signup + m * 30 + rnd.int(1, 30);
        if (d <= LAST_DAY) cancel = d;
        break;
      }
    }
    const end = cancel ?? LAST_DAY;
    // One in eight stops buying a while before cancelling (or without ever cancelling).
    const buyUntil = rnd.chance(0.12) ? signup + Math.floor((end - signup) * rnd.next()) : end;
    const companySize = Math.max(1, Math.round(PLAN_SIZE[plan] * Math.exp(0.8 * rnd.normal())));
    const budget = Math.max(50, Math.round((PLAN_MRR[plan] * 6 * Math.exp(0.5 * rnd.normal())) / 50) * 50);
    out.push({
      index: i,
      id: `C${String(i + 1).padStart(5, '0')}`,
      signup,
      plan,
      currentPlan: plan,
      upgradeDay: null,
      country,
      region,
      companySize,
      budget,
      channel,
      referredBy,
      cancel,
      buyUntil,
      rate: rnd.gamma(2, PLAN_RATE[plan] / 2),
    });
  }
  // Upgrades: some Basic and Pro customers who stay long enough move one plan up.
  for (const c of out) {
    const end = c.cancel ?? LAST_DAY;
    if (c.plan !== 'Business' && end - c.signup > 120 && rnd.chance(0.14)) {
      c.upgradeDay = c.signup + 60 + Math.floor((end - c.signup - 90) * rnd.next());
      c.currentPlan = c.plan === 'Basic' ? 'Pro' : 'Business';
    }
  }
  return out;
}

function makeOrders(rnd: Random, customers: readonly Customer[]): Order[] {
  const orders: Order[] = [];
  let seq = 0;
  for (const c of customers) {
    if (rnd.chance(0.04)) continue; // signed up, never bought
    // First order shortly after signup.
    let day = c.signup + Math.floor(rnd.exponential(4));
    // Seasonal Poisson process by thinning: candidate gaps at the peak rate.
    const peakPerDay = (c.rate * SEASON_MAX) / 30.44;
    let first = true;
    while (day <= c.buyUntil) {
      if (first || rnd.next() < SEASON[monthOf(day)] / SEASON_MAX) {
        const plan = c.upgradeDay !== null && day >= c.upgradeDay ? c.currentPlan : c.plan;
        const quantity = rnd.weighted([
          [1, 70],
          [2, 18],
          [3, 7],
          [4, 3],
          [5, 2],
        ] as const);
        // Prices creep up ~4 % a year.
        const unit = PLAN_PRICE[plan] * Math.exp(0.45 * rnd.normal()) * (1 + (0.04 * (day - FIRST_DAY)) / 365);
        orders.push({ customer: c, day, amount: unit * quantity, quantity, channel: rnd.weighted(ORDER_CHANNELS), status: 'completed', seq: seq++ });
        first = false;
      }
      day += 1 + Math.floor(rnd.exponential(1 / peakPerDay));
    }
  }
  const refunds: Order[] = [];
  for (const o of orders) {
    if (!rnd.chance(0.02)) continue;
    const day = o.day + rnd.int(2, 25);
    if (day > LAST_DAY) continue;
    const full = rnd.chance(0.7);
    refunds.push({ ...o, day, amount: -(full ? o.amount : o.amount * (0.2 + 0.5 * rnd.next())), quantity: full ? -o.quantity : 0, status: 'refunded', seq: seq++ });
  }
  const all = orders.concat(refunds);
  all.sort((a, b) => a.day - b.day || a.seq - b.seq);
  return all;
}

function chooseReason(rnd: Random, plan: Plan): { reason: string; category: string } {
  const category = rnd.weighted(REASON_WEIGHTS[plan]);
  return { reason: rnd.pick(REASONS[category]), category };
}

/** Builds every sample file as text, keyed by file name. Pure: same seed, same strings. */
export function buildSample(seed = SAMPLE_SEED, customerCount = SAMPLE_CUSTOMERS): Record<string, string> {
  const rnd = createRandom(seed);
  const customers = makeCustomers(rnd, customerCount);
  const orders = makeOrders(rnd, customers);

  const firstOrder = new Map<Customer, number>();
  for (const o of orders) if (o.amount > 0 && !firstOrder.has(o.customer)) firstOrder.set(o.customer, o.day);

  const customerRows = customers.map((c) => [
    c.id,
    isoDay(c.signup),
    c.currentPlan,
    c.region,
    c.country,
    c.companySize,
    money(c.budget),
    c.channel,
    c.referredBy,
  ]);

  const orderRows = orders.map((o, i) => [
    `O${String(i + 1).padStart(6, '0')}`,
    o.customer.id,
    isoDay(o.day),
    money(o.amount),
    o.quantity,
    o.channel,
    o.status,
  ]);

  const subscriptionRows: (string | number)[][] = [];
  const churnRows: (string | number)[][] = [];
  const reasons = new Map<Customer, { reason: string; category: string }>();
  for (const c of customers) if (c.cancel !== null) reasons.set(c, chooseReason(rnd, c.currentPlan));
  let sub = 0;
  for (const c of customers) {
    const annual = rnd.chance(0.3); // annual billing: 10 % off the monthly price
    const mrr = (p: Plan): string => money(PLAN_MRR[p] * (annual ? 0.9 : 1));
    const subId = (): string => `S${String(++sub).padStart(5, '0')}`;
    const why = reasons.get(c);
    if (c.upgradeDay !== null) {
      subscriptionRows.push([subId(), c.id, isoDay(c.signup), isoDay(c.upgradeDay), mrr(c.plan), c.plan, `Upgraded to ${c.currentPlan}`]);
      subscriptionRows.push([subId(), c.id, isoDay(c.upgradeDay), c.cancel === null ? '' : isoDay(c.cancel), mrr(c.currentPlan), c.currentPlan, why?.reason ?? '']);
    } else {
      subscriptionRows.push([subId(), c.id, isoDay(c.signup), c.cancel === null ? '' : isoDay(c.cancel), mrr(c.plan), c.plan, why?.reason ?? '']);
    }
  }
  for (const c of customers) {
    const why = reasons.get(c);
    // Not every cancellation has an exit survey; a quarter of those have no category yet.
    if (c.cancel === null || why === undefined || rnd.chance(0.08)) continue;
    churnRows.push([c.id, isoDay(c.cancel), why.reason, rnd.chance(0.75) ? why.category : '']);
  }
  churnRows.sort((a, b) => String(a[1]).localeCompare(String(b[1])) || String(a[0]).localeCompare(String(b[0])));

  const feedbackRows: (string | number)[][] = [];
  for (const c of customers) {
    const end = c.cancel ?? LAST_DAY;
    // Baseline satisfaction: churners were less happy, and grow unhappier towards the end.
    const base = c.cancel !== null ? 6.2 : 8.1;
    for (let day = c.signup + rnd.int(10, 120); day <= end; day += rnd.int(90, 240)) {
      if (!rnd.chance(0.45)) continue;
      const closeToEnd = c.cancel !== null && c.cancel - day < 90 ? -1.8 : 0;
      const score = Math.max(0, Math.min(10, Math.round(base + closeToEnd + 1.6 * rnd.normal())));
      const band = score <= 6 ? 'low' : score <= 8 ? 'mid' : 'high';
      const comment = rnd.chance(0.35) ? rnd.pick(COMMENTS[band]) : '';
      feedbackRows.push([c.id, isoDay(day), score, rnd.weighted(TOUCHPOINTS), comment]);
    }
  }
  feedbackRows.sort((a, b) => String(a[1]).localeCompare(String(b[1])) || String(a[0]).localeCompare(String(b[0])));

  const referralRows: (string | number)[][] = [];
  const byId = new Map(customers.map((c) => [c.id, c]));
  for (const c of customers) {
    if (c.referredBy === '') continue;
    const referrer = byId.get(c.referredBy) as Customer;
    const day = Math.max(referrer.signup, c.signup - rnd.int(0, 10));
    const fp = firstOrder.get(c);
    referralRows.push([c.referredBy, c.id, isoDay(day), fp === undefined ? '' : isoDay(fp)]);
  }

  const manifest = {
    name: 'Sample business',
    description: 'A synthetic European subscription and webshop business, 2023-2025, 5,000 customers.',
    files: [
      { file: 'customers.csv', kind: 'customers' },
      { file: 'orders.csv', kind: 'orders' },
      { file: 'subscriptions.csv', kind: 'subscriptions' },
      { file: 'churn.csv', kind: 'churn' },
      { file: 'feedback.csv', kind: 'feedback' },
      { file: 'referrals.csv', kind: 'referrals' },
    ],
  };

  return {
    'customers.csv': csv(['customer_id', 'signup_date', 'plan', 'region', 'country', 'company_size', 'budget', 'acquisition_channel', 'referred_by'], customerRows),
    'orders.csv': csv(['order_id', 'customer_id', 'order_date', 'amount', 'quantity', 'channel', 'status'], orderRows),
    'subscriptions.csv': csv(['subscription_id', 'customer_id', 'start_date', 'end_date', 'mrr', 'plan', 'cancel_reason'], subscriptionRows),
    'churn.csv': csv(['customer_id', 'cancel_date', 'reason', 'category'], churnRows),
    'feedback.csv': csv(['customer_id', 'date', 'score', 'touchpoint', 'comment'], feedbackRows),
    'referrals.csv': csv(['referrer_id', 'referred_id', 'date', 'first_purchase_date'], referralRows),
    'manifest.json': JSON.stringify(manifest, null, 2) + '\n',
  };
}

/** Writes the sample files into `outDir` (created if missing). Returns the file names written. */
export function writeSample(outDir: string, seed = SAMPLE_SEED, customerCount = SAMPLE_CUSTOMERS): string[] {
  mkdirSync(outDir, { recursive: true });
  const files = buildSample(seed, customerCount);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(outDir, name), text, 'utf8');
  return Object.keys(files);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const outDir = resolve(process.argv[2] ?? 'public/sample');
  const seed = process.argv[3] ? Number(process.argv[3]) : SAMPLE_SEED;
  const names = writeSample(outDir, seed);
  console.log(`sample written to ${outDir}: ${names.join(', ')}`);
}
