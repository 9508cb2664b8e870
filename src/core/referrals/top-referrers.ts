/**
 * Top referrers (issue #12 item 4): the customers whose referrals brought the most buyers —
 * ranked by converted referrals (referred people who bought by the as-of day), then by
 * referrals, then by id. Per referrer: referrals, converted, the last referral day, and the
 * revenue to date of the people they brought (customer-table facts; refunds included).
 *
 * Complexity: O(pairs + r log r) for the r referrers. Bad input: referrals of a referrer no file
 * knows as a customer (referred_by naming an unknown id) are left out; `top` must be a whole
 * number >= 1 (RangeError "topReferrers requires top >= 1, got ...").
 */
import { dayToIso } from '../parse/date.ts';
import { MISSING_DAY } from '../table.ts';
import type { CustomerTable } from '../customers/customer-table.ts';
import { convertedBy, type ReferralPairs } from './referral-pairs.ts';

export interface ReferrerRow {
  readonly customer: number;
  readonly id: string;
  readonly referrals: number;
  readonly converted: number;
  /** Last referral day (ISO; null when none is dated). */
  readonly lastReferral: string | null;
  /** Revenue to date of the referred people (null when none has orders with amounts). */
  readonly referredRevenue: number | null;
}

/**
 * The `top` referrers as of `asOf` (see the file comment), best first.
 *
 * @throws RangeError for a `top` that is not a whole number >= 1
 * @example topReferrers(pairs, customers, asOf, 10)[0].id
 */
export function topReferrers(pairs: ReferralPairs, customers: CustomerTable, asOf: number, top = 20): ReferrerRow[] {
  if (!(Number.isInteger(top) && top >= 1)) throw new RangeError(`topReferrers requires top >= 1, got ${top}`);
  const by = new Map<number, { referrals: number; converted: number; last: number; revenue: number; hasRevenue: boolean }>();
  for (let i = 0; i < pairs.count; i++) {
    const k = pairs.referrer[i];
    const d = pairs.day[i];
    if (k < 0 || (d !== MISSING_DAY && d > asOf)) continue;
    let e = by.get(k);
    if (!e) by.set(k, (e = { referrals: 0, converted: 0, last: MISSING_DAY, revenue: 0, hasRevenue: false }));
    e.referrals++;
    if (d !== MISSING_DAY && d > e.last) e.last = d;
    if (convertedBy(pairs, i, asOf)) e.converted++;
    const referred = pairs.referred[i];
    const rev = referred >= 0 ? customers.facts.revenue[referred] : NaN;
    if (Number.isFinite(rev)) {
      e.revenue += rev;
      e.hasRevenue = true;
    }
  }
  const rows: ReferrerRow[] = [...by].map(([customer, e]) => ({
    customer,
    id: customers.ids[customer],
    referrals: e.referrals,
    converted: e.converted,
    lastReferral: e.last === MISSING_DAY ? null : dayToIso(e.last),
    referredRevenue: e.hasRevenue ? e.revenue : null,
  }));
  rows.sort((a, b) => b.converted - a.converted || b.referrals - a.referrals || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return rows.slice(0, top);
}
