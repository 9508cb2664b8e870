/**
 * The activity-window part of the retention report: the W in force, the suggested W
 * (suggest-window.ts) with its numbers, and one sentence saying why. O(gaps log gaps).
 */
import type { OrderIndex } from './customer-index.ts';
import { receiptNumber } from './receipts.ts';
import type { WindowReport } from './report-types.ts';
import { suggestWindow } from './suggest-window.ts';

/** The window report for an order index and the W `used` by the report. */
export function windowReport(index: OrderIndex, used: number): WindowReport {
  const s = suggestWindow(index);
  const explanation =
    s.basis === 'default'
      ? `No customer bought on two different days, so the default of ${s.window} days is suggested.`
      : `${Math.round(s.percentile * 100)} % of the repeat purchases that happen at all come within ${receiptNumber(s.percentileDays)} days of the previous purchase, half within ${receiptNumber(s.medianDays)} days ` +
        `(repurchase curve: ${s.gaps} repeat purchases of ${s.customers} customers, ${s.censored} purchases not yet followed by another, counted as still open)` +
        (s.clamped ? `; clamped to ${s.window} days (7 to 730).` : `; so W = ${s.window} days.`);
  return {
    used,
    suggested: s.window,
    basis: s.basis,
    gaps: s.gaps,
    customers: s.customers,
    censored: s.censored,
    percentile: s.percentile,
    percentileDays: s.percentileDays,
    medianDays: s.medianDays,
    clamped: s.clamped,
    explanation,
  };
}
