/**
 * The retention report's sentences as data (issue #7 item 6): each is a `code` from a closed
 * union and the `params` the sentence needs, never words. The page writes them in the user's
 * language (src/lib/retention-text.ts, the dictionaries in src/lib/i18n), the command line in
 * English (scripts/cli-text.ts). A code added here without a rendering is a compile error there,
 * because both switch over the union.
 *
 * Conventions for params: counts are whole numbers; `crr` and `exact` are percentages (0-100,
 * unrounded, as in the report); `share`, `r1` and `rN` are fractions (0-1); days are unrounded
 * day counts; dates are ISO `yyyy-mm-dd`; period labels as in the report (`2011-03`).
 */
import type { PeriodUnit } from './periods.ts';

/**
 * Why the suggested activity window W is what it is (window-report.ts).
 * - `window-default`: no customer bought on two different days; W is the default.
 * - `window-repurchase`: W is the 80 % point of the repurchase curve, rounded up.
 * - `window-repurchase-clamped`: the same point, clamped to 7 .. 730 days.
 */
export type WindowExplanation =
  | { readonly code: 'window-default'; readonly params: { readonly days: number } }
  | {
      readonly code: 'window-repurchase' | 'window-repurchase-clamped';
      readonly params: {
        /** The suggested W in days (after rounding up and clamping). */
        readonly days: number;
        /** The share of the eventual repeat purchases W covers, in percent (80). */
        readonly percent: number;
        /** The day that share is reached, and the day half of it is (before rounding). */
        readonly percentileDays: number;
        readonly medianDays: number;
        /** Repeat purchases, the customers who made them, and purchases not yet followed by another. */
        readonly gaps: number;
        readonly customers: number;
        readonly censored: number;
      };
    };

/**
 * Why CRR and exact retention differ in a period (period-rows.ts); null on the row when they
 * cannot (S = 0, or no customer came back and no new customer was lost).
 * - `crr-above-100`: CRR passes 100 % because customers came back after a pause (never clamped).
 * - `crr-exact-differ`: the customers back after a pause (`reactivated`, CRR counts them as
 *   retained) and the new customers no longer active at the period's end (`newLost`, CRR
 *   subtracts all new customers, exact retention ignores them); either may be 0, not both.
 */
export type CrrExactExplanation = {
  readonly code: 'crr-above-100' | 'crr-exact-differ';
  readonly params: { readonly crr: number | null; readonly exact: number | null; readonly reactivated: number; readonly newLost: number };
};

/**
 * Why the sBG fit gives no projection (survival-report.ts): the optimiser did not converge to
 * finite shapes on cohort `cohort`, whose survival counts are `counts` (n_0, n_1, ...).
 * `sbg-not-converged-flat`: the counts never fall (nobody has left yet).
 */
export type SbgNotProjected = {
  readonly code: 'sbg-not-converged' | 'sbg-not-converged-flat';
  readonly params: { readonly cohort: string; readonly counts: readonly number[] };
};

/**
 * The projected retention rate (beta + t - 1) / (alpha + beta + t - 1) rises with t, from `r1`
 * after the first period to `rN` after period `n`, though no customer becomes more loyal: those
 * likely to leave leave early (survival-report.ts; only for a projection with two rates or more).
 */
export type SbgRising = {
  readonly code: 'sbg-rate-rises';
  readonly params: { readonly r1: number; readonly rN: number; readonly n: number };
};

/**
 * What the repurchase curve says (survival-report.ts).
 * - `repurchase-none`: no 50 % and 80 % points (nobody bought twice yet); `purchases` purchases.
 * - `repurchase-curve`: half of the repeat purchases come within `p50Days` of the previous
 *   purchase, 80 % within `p80Days`; `share` of the purchases are followed by another; the
 *   counts behind the curve, censored on `asOf`.
 */
export type RepurchaseExplanation =
  | { readonly code: 'repurchase-none'; readonly params: { readonly purchases: number } }
  | {
      readonly code: 'repurchase-curve';
      readonly params: {
        readonly p50Days: number;
        readonly p80Days: number;
        readonly p90Days: number | null;
        readonly share: number | null;
        readonly repeats: number;
        readonly customers: number;
        readonly censored: number;
        readonly asOf: string;
      };
    };

/**
 * The counts that reconcile two churn definitions in period `period` (churn-definitions.ts;
 * docs/metrics.md section 5).
 * - `recon-A-B`: `newLost` customers who joined and left count as lost in B, not in A; B also
 *   divides by the `N` new customers (`S` + `N` instead of `S`).
 * - `recon-B-C`: C leaves out the `newLost` customers who joined and left (in B's lost and base).
 * - `recon-A-C`: C divides by `S` + `stillActiveNew` = `base` (the new customers still active
 *   on `end` join the base); the lost count is the same `lost`.
 * - `recon-D-E`: `cancelledPaidLater` customers cancelled in the period but paid into a later
 *   one (in D, not E); `endedCancelledEarlier` whose paid period ended in it had cancelled
 *   earlier (in E, not D).
 */
export type ReconciliationExplanation =
  | { readonly code: 'recon-A-B'; readonly params: { readonly period: string; readonly newLost: number; readonly N: number; readonly S: number } }
  | { readonly code: 'recon-B-C'; readonly params: { readonly period: string; readonly newLost: number } }
  | {
      readonly code: 'recon-A-C';
      readonly params: { readonly period: string; readonly end: string; readonly S: number; readonly stillActiveNew: number; readonly base: number; readonly lost: number };
    }
  | { readonly code: 'recon-D-E'; readonly params: { readonly period: string; readonly cancelledPaidLater: number; readonly endedCancelledEarlier: number } };

/**
 * What each count of a reconciliation is (churn-definitions.ts):
 * `newLost-to-lost` (new customers who joined and left, added to lost), `new-to-base` (new
 * customers, added to the base), `newLost-removed` (joined and left, removed from both),
 * `stillActiveNew-to-base` (new customers still active at the end, added to the base),
 * `cancelledPaidLater` (in D, not E), `endedCancelledEarlier` (in E, not D), `base-SD-S`
 * (the base difference SD - S).
 */
export type ReconciliationCount =
  | 'newLost-to-lost'
  | 'new-to-base'
  | 'newLost-removed'
  | 'stillActiveNew-to-base'
  | 'cancelledPaidLater'
  | 'endedCancelledEarlier'
  | 'base-SD-S';

/**
 * The filters and data rules every receipt lists (report-source.ts `filtersOf`), as codes:
 * - `periods`: calendar `unit`s from `from` to `to` (ISO days; only when there are periods);
 * - `now`: "now" is `asOf`, the data's last day;
 * - `orders-active`: active on day d = an order with amount > 0 dated d - (W - 1) .. d;
 * - `orders-refunds`: orders with amount <= 0 never make a customer active, they count in revenue;
 * - `subscriptions-active`: active on day d = a subscription with start <= d < end (no end =
 *   still running); touching or overlapping subscriptions are one spell;
 * - `rows-skipped`: `rows` rows left out (missing customer id or date; subscriptions also an
 *   end on or before the start).
 */
export type ReportFilter =
  | { readonly code: 'periods'; readonly params: { readonly unit: PeriodUnit; readonly from: string; readonly to: string } }
  | { readonly code: 'now'; readonly params: { readonly asOf: string } }
  | { readonly code: 'orders-active'; readonly params: { readonly window: number } }
  | { readonly code: 'orders-refunds' | 'subscriptions-active'; readonly params: Readonly<Record<string, never>> }
  | { readonly code: 'rows-skipped'; readonly params: { readonly rows: number; readonly source: 'orders' | 'subscriptions' } };
