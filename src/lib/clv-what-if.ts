/**
 * The what-if of the CLV page (issue #11 item 6; DESIGN.md section 7): "if churn fell by x
 * points", the change in customers, revenue and CLV over 1-3 years, from the workspace's own
 * figures (the playbooks' "5 % more retention = 25-95 % more profit", worked out on this data).
 *
 * Model (the assumptions the page states in words): the customers of today only (no new
 * customers), a constant monthly churn rate c, and revenue R per customer per month. Of N0
 * customers, N0 · s^k remain after k months (s = 1 − c); a customer present at the start of a
 * month pays R in it; money is discounted at the month's end at d_m = (1 + d)^(1/12) − 1, the
 * monthly rate that compounds to the yearly rate d, as the predictive CLV does
 * (core/clv/discounted-clv.ts):
 *
 *   customers after Y years   N_Y   = N0 · s^(12Y)
 *   revenue over Y years      Rev_Y = N0 · R · Σ_{k=0}^{12Y−1} s^k            (undiscounted)
 *   CLV over Y years          CLV_Y = m · R · Σ_{k=0}^{12Y−1} s^k / (1 + d_m)^(k+1)   (per customer of today, margin m)
 *
 * The scenario is the same with c' = max(0, c − x / 100), x in percentage points of the monthly
 * churn rate. The sums run month by month (36 terms at most), no closed form: easy to check.
 *
 * Bad-input policy: a baseline with a churn rate outside [0, 1], a negative or non-finite
 * customer count or revenue, or a margin outside [0, 1] throws RangeError
 * "whatIf requires a churn rate between 0 and 1" (and the like); x below 0 throws.
 */

export interface WhatIfBaseline {
  /** Customers of today (N0). */
  readonly customers: number;
  /** Monthly churn rate c, 0..1. */
  readonly churnMonthly: number;
  /** Revenue per customer per month (R). */
  readonly revenueMonthly: number;
  /** Gross margin m, 0..1. */
  readonly margin: number;
  /** Yearly discount rate d of the CLV. */
  readonly discountYearly: number;
}

export interface WhatIfFigure {
  readonly base: number;
  readonly scenario: number;
  /** scenario − base. */
  readonly change: number;
  /** change / base (null when the base is 0). */
  readonly relative: number | null;
}

export interface WhatIfYear {
  readonly years: number;
  readonly customers: WhatIfFigure;
  readonly revenue: WhatIfFigure;
  readonly clv: WhatIfFigure;
}

export interface WhatIfResult {
  /** Monthly churn before and after (0..1). */
  readonly churn: number;
  readonly churnScenario: number;
  /** The drop actually applied, in points (x, capped at the churn rate itself). */
  readonly points: number;
  /** Years 1..years. */
  readonly rows: WhatIfYear[];
  /** Customers left at the start of every month 0..12·years, before and after. */
  readonly curve: { readonly base: number[]; readonly scenario: number[] };
}

const figure = (base: number, scenario: number): WhatIfFigure => ({ base, scenario, change: scenario - base, relative: base !== 0 ? (scenario - base) / base : null });

/** Customers, revenue and CLV of one monthly churn rate, per year 1..years, and the monthly curve. */
function project(b: WhatIfBaseline, churn: number, years: number) {
  const s = 1 - churn;
  const factor = 1 / (1 + (Math.pow(1 + b.discountYearly, 1 / 12) - 1));
  const curve = [b.customers];
  const perYear: { customers: number; revenue: number; clv: number }[] = [];
  let alive = 1; // s^k
  let discount = 1;
  let revenuePerCustomer = 0; // R Σ s^k
  let clv = 0; // m R Σ s^k / (1 + d_m)^(k+1)
  for (let k = 0; k < 12 * years; k++) {
    discount *= factor;
    revenuePerCustomer += b.revenueMonthly * alive;
    clv += b.margin * b.revenueMonthly * alive * discount;
    alive *= s;
    curve.push(b.customers * alive);
    if ((k + 1) % 12 === 0) perYear.push({ customers: b.customers * alive, revenue: b.customers * revenuePerCustomer, clv });
  }
  return { perYear, curve };
}

/**
 * The what-if of a drop of `points` percentage points in the monthly churn rate, over 1 to
 * `years` years (see the file comment).
 *
 * @throws RangeError "whatIf requires a churn rate between 0 and 1" (also for a bad customer
 *   count, revenue, margin, discount, points or years)
 * @example whatIf({ customers: 1000, churnMonthly: 0.05, revenueMonthly: 50, margin: 0.5, discountYearly: 0 }, 1).rows[0].customers.change // 72.35
 */
export function whatIf(b: WhatIfBaseline, points: number, years = 3): WhatIfResult {
  if (!(b.churnMonthly >= 0 && b.churnMonthly <= 1)) throw new RangeError('whatIf requires a churn rate between 0 and 1');
  if (!(b.customers >= 0 && Number.isFinite(b.customers))) throw new RangeError('whatIf requires a customer count >= 0');
  if (!(b.revenueMonthly >= 0 && Number.isFinite(b.revenueMonthly))) throw new RangeError('whatIf requires a revenue per customer >= 0');
  if (!(b.margin >= 0 && b.margin <= 1)) throw new RangeError('whatIf requires a margin between 0 and 1');
  if (!(b.discountYearly >= 0 && Number.isFinite(b.discountYearly))) throw new RangeError('whatIf requires a discount rate >= 0');
  if (!(points >= 0 && Number.isFinite(points))) throw new RangeError('whatIf requires a drop of 0 points or more');
  if (!Number.isInteger(years) || years < 1) throw new RangeError('whatIf requires a whole number of years >= 1');
  const churnScenario = Math.max(0, b.churnMonthly - points / 100);
  const base = project(b, b.churnMonthly, years);
  const scenario = project(b, churnScenario, years);
  return {
    churn: b.churnMonthly,
    churnScenario,
    points: (b.churnMonthly - churnScenario) * 100,
    rows: base.perYear.map((y, i) => {
      const z = scenario.perYear[i];
      return { years: i + 1, customers: figure(y.customers, z.customers), revenue: figure(y.revenue, z.revenue), clv: figure(y.clv, z.clv) };
    }),
    curve: { base: base.curve, scenario: scenario.curve },
  };
}

/** Where the what-if's figures come from, with the numbers behind them (for the assumptions in words). */
export interface WhatIfBasis {
  readonly source: 'subscriptions' | 'orders';
  readonly customers: number;
  readonly churnMonthly: number;
  readonly revenueMonthly: number;
  /** Months the rates are averaged over, first day of the first and the day after the last. */
  readonly months: number;
  readonly from: number;
  readonly to: number;
  /** Σ lost and Σ customers at risk (customer-months) behind the churn rate. */
  readonly lost: number;
  readonly atRisk: number;
}

/**
 * The basis from the simple subscription CLV (core/clv/simple-clv.ts): its monthly churn rate
 * and ARPU over the trailing window, and the mean subscribers at a month's start (at-risk
 * customer-months / months) as the customers of today. null when it has no churn rate or ARPU.
 */
export function subscriptionBasis(s: {
  readonly months: number;
  readonly from: number;
  readonly to: number;
  readonly arpu: number | null;
  readonly atRisk: number;
  readonly churned: number;
  readonly churnRate: number | null;
}): WhatIfBasis | null {
  if (s.churnRate === null || s.arpu === null || s.atRisk === 0) return null;
  return { source: 'subscriptions', customers: s.atRisk / s.months, churnMonthly: s.churnRate, revenueMonthly: s.arpu, months: s.months, from: s.from, to: s.to, lost: s.churned, atRisk: s.atRisk };
}

/** The fields of a monthly retention period row (core/retention/report-types.ts PeriodRow) the orders basis reads. */
export interface MonthRow {
  readonly complete: boolean;
  readonly S: number;
  readonly lost: number;
  readonly revenueReturning: number | null;
  /** ISO first and last day. */
  readonly start: string;
  readonly end: string;
}

/**
 * The basis from monthly retention rows of orders (the retention page's churn, DESIGN.md
 * section 3, definition A): over the last `months` complete months, churn = Σ lost / Σ S and
 * revenue per customer per month = Σ revenue from customers who were not new that month / Σ S;
 * the customers of today are `customersNow` (active on the last day under W). null without
 * complete months, customers at their start, or revenue.
 */
export function ordersBasis(rows: readonly MonthRow[], customersNow: number | null, months: number, isoToDay: (iso: string) => number): WhatIfBasis | null {
  const used = rows.filter((r) => r.complete).slice(-months);
  let S = 0;
  let lost = 0;
  let revenue = 0;
  for (const r of used) {
    S += r.S;
    lost += r.lost;
    revenue += r.revenueReturning ?? 0;
  }
  if (used.length === 0 || S === 0 || customersNow === null || !used.some((r) => r.revenueReturning !== null)) return null;
  return {
    source: 'orders',
    customers: customersNow,
    churnMonthly: lost / S,
    revenueMonthly: revenue / S,
    months: used.length,
    from: isoToDay(used[0].start),
    to: isoToDay(used[used.length - 1].end) + 1,
    lost,
    atRisk: S,
  };
}
