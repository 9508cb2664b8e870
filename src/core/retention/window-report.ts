/**
 * The activity-window part of the retention report: the W in force, the suggested W
 * (suggest-window.ts) with its numbers, and why, as a code and its numbers (report-phrases.ts).
 * O(gaps log gaps).
 */
import type { OrderIndex } from './customer-index.ts';
import type { WindowExplanation, WindowReport } from './report-types.ts';
import { suggestWindow, type WindowSuggestion } from './suggest-window.ts';

/** Why the suggestion is what it is: the default, or the repurchase curve's 80 % point (clamped or not). */
function explanationOf(s: WindowSuggestion): WindowExplanation {
  if (s.basis === 'default' || s.percentileDays === null || s.medianDays === null) return { code: 'window-default', params: { days: s.window } };
  return {
    code: s.clamped ? 'window-repurchase-clamped' : 'window-repurchase',
    params: {
      days: s.window,
      percent: Math.round(s.percentile * 100),
      percentileDays: s.percentileDays,
      medianDays: s.medianDays,
      gaps: s.gaps,
      customers: s.customers,
      censored: s.censored,
    },
  };
}

/** The window report for an order index and the W `used` by the report. */
export function windowReport(index: OrderIndex, used: number): WindowReport {
  const s = suggestWindow(index);
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
    explanation: explanationOf(s),
  };
}
