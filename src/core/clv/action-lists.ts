/**
 * The lists to act on (issue #11 item 5; the playbooks' re-order reminder, win-back and
 * anniversary campaigns), as customer numbers of the purchase summary, most valuable first.
 *
 * - Re-order overdue: customers whose days since the last purchase passed the repurchase
 *   curve's p50 (half of all repeat purchases come sooner: retention/repurchase.ts) but not yet
 *   its p90 (past that, most who come back would have: a win-back, not a reminder). Sorted by
 *   predicted CLV (historical value when there is no model).
 * - High-value, slipping: customers in the top 20 % by revenue to date whose P(alive) is 0.5 or
 *   less (one-time buyers and boundary fits have no P(alive) and are never listed). Sorted by
 *   revenue.
 * - Anniversaries: customers whose first purchase was on this calendar day one or more years
 *   ago, for the next 30 days after the as-of day (29 February counts on 28 February in other
 *   years). Sorted by the day, then value.
 *
 * Complexity: O(customers log customers).
 */
import { daysFromCivil, isLeapYear, monthIndexOfDay } from '../parse/date.ts';
import { MISSING_DAY } from '../table.ts';

export interface ActionListsInput {
  readonly firstDay: Int32Array;
  /** Last purchase day (any, up to the as-of day). */
  readonly lastDay: Int32Array;
  readonly revenue: Float64Array;
  /** Predicted CLV (NaN: none) and P(alive) (NaN: cannot judge). */
  readonly clv: Float64Array;
  readonly pAlive: Float64Array;
  readonly asOf: number;
  /** Repurchase curve points in days (null without repeat purchases). */
  readonly p50Days: number | null;
  readonly p90Days: number | null;
}

export interface AnniversaryEntry {
  readonly customer: number;
  /** The anniversary's day number, and the years since the first purchase. */
  readonly day: number;
  readonly years: number;
}

export interface ActionLists {
  readonly reorder: Uint32Array;
  readonly slipping: Uint32Array;
  readonly anniversaries: AnniversaryEntry[];
  /** The thresholds used, for the receipt. */
  readonly reorderFromDays: number | null;
  readonly reorderToDays: number | null;
  readonly highValueRevenue: number | null;
}

const byDesc = (score: Float64Array) => (a: number, b: number) => (score[b] === score[b] ? score[b] : -Infinity) - (score[a] === score[a] ? score[a] : -Infinity) || a - b;

/** The anniversary in year y of a first purchase on month m (1-12), day d (29 Feb -> 28 Feb in common years). */
function anniversaryIn(m: number, d: number, y: number): number {
  return daysFromCivil(y, m, m === 2 && d === 29 && !isLeapYear(y) ? 28 : d);
}

/**
 * The three lists (see the file comment).
 *
 * @example actionLists({ ... }).reorder.length
 */
export function actionLists(input: ActionListsInput, days = 30): ActionLists {
  const { firstDay, lastDay, revenue, clv, pAlive, asOf, p50Days, p90Days } = input;
  const n = firstDay.length;
  const reorder: number[] = [];
  const value = Float64Array.from({ length: n }, (_, k) => (clv[k] === clv[k] ? clv[k] : revenue[k]));
  if (p50Days !== null && p90Days !== null) {
    for (let k = 0; k < n; k++) {
      if (lastDay[k] === MISSING_DAY) continue;
      const since = asOf - lastDay[k];
      if (since > p50Days && since <= p90Days) reorder.push(k);
    }
  }
  reorder.sort(byDesc(value));
  const revenues: number[] = [];
  for (let k = 0; k < n; k++) if (firstDay[k] !== MISSING_DAY && revenue[k] === revenue[k]) revenues.push(revenue[k]);
  revenues.sort((a, b) => b - a);
  const threshold = revenues.length > 0 ? revenues[Math.max(0, Math.ceil(0.2 * revenues.length) - 1)] : null;
  const slipping: number[] = [];
  if (threshold !== null) for (let k = 0; k < n; k++) if (revenue[k] >= threshold && pAlive[k] <= 0.5) slipping.push(k);
  slipping.sort(byDesc(revenue));
  const anniversaries: AnniversaryEntry[] = [];
  const year = Math.floor(monthIndexOfDay(asOf) / 12);
  for (let k = 0; k < n; k++) {
    const f = firstDay[k];
    if (f === MISSING_DAY) continue;
    const mi = monthIndexOfDay(f);
    const fy = Math.floor(mi / 12);
    const fm = (mi % 12) + 1;
    const fd = f - daysFromCivil(fy, fm, 1) + 1;
    for (let y = year; y <= year + 1; y++) {
      if (y <= fy) continue;
      const d = anniversaryIn(fm, fd, y);
      if (d > asOf && d <= asOf + days) anniversaries.push({ customer: k, day: d, years: y - fy });
    }
  }
  anniversaries.sort((a, b) => a.day - b.day || byDesc(value)(a.customer, b.customer));
  return {
    reorder: Uint32Array.from(reorder),
    slipping: Uint32Array.from(slipping),
    anniversaries,
    reorderFromDays: p50Days,
    reorderToDays: p90Days,
    highValueRevenue: threshold,
  };
}
