/**
 * The referral report (issue #12 items 4 and 6; DESIGN.md section 7; definitions in
 * docs/metrics.md section 13): is the referral programme working — who referred whom, when, did
 * the referred person buy, and what next? This file only assembles:
 *
 *   pairs, first purchases (referral-pairs.ts)
 *   -> active customers on the as-of day (core/customers/active-on.ts)
 *   -> referral rate against the bands (referral-rate.ts)
 *   -> referrals per period (referrals-by-period.ts)
 *   -> conversion and time to the first purchase (referral-conversion.ts)
 *   -> referred vs other customers (referred-comparison.ts, on segment-compare.ts)
 *   -> top referrers (top-referrers.ts) and promoters who have not referred (promoters-to-ask.ts).
 *
 * The as-of day: `params.asOf`, else the data's last day (orders, subscription starts), else the
 * last referral or first-purchase day. Plain data: numbers, codes, ISO dates; ids only in lists.
 *
 * Complexity: O(rows + customers) plus two retention reports (the comparison). Bad input: null
 * when the workspace has neither a referrals file nor a `referred_by` column; RangeError for a
 * bad W or `top`; KeepwiseError 'too-many-periods' from the periods.
 */
import type { DataKind } from '../schema/kinds.ts';
import { MISSING_DAY, type Table } from '../table.ts';
import { dayToIso } from '../parse/date.ts';
import { buildCustomerTable, type CustomerTable } from '../customers/customer-table.ts';
import { activeCustomersOn } from '../customers/active-on.ts';
import type { PeriodUnit } from '../retention/periods.ts';
import type { RetentionParams } from '../retention/report-types.ts';
import { feedbackAnswers } from '../satisfaction/feedback-answers.ts';
import { referralPairs, type ReferralPairs } from './referral-pairs.ts';
import { referralRate, type ReferralRate } from './referral-rate.ts';
import { referralsByPeriod, type ReferralsByPeriod } from './referrals-by-period.ts';
import { referralConversion, type ReferralConversion } from './referral-conversion.ts';
import { referredComparison, type ReferredComparison } from './referred-comparison.ts';
import { topReferrers, type ReferrerRow } from './top-referrers.ts';
import { promotersToAsk, type PromoterRow } from './promoters-to-ask.ts';

type Tables = Readonly<Partial<Record<DataKind, Table>>>;

export interface ReferralParams {
  /** Activity window W in days for orders (active customers, churn; default 90). */
  readonly windowDays?: number;
  /** The as-of day (day number; see the file comment). */
  readonly asOf?: number;
  /** Periods of the referrals-per-period table and the comparison's retention (default month). */
  readonly period?: PeriodUnit;
  /** How many top referrers (default 20). */
  readonly top?: number;
  /** Retention source and range of the comparison (default: as the retention report). */
  readonly source?: 'orders' | 'subscriptions';
  readonly from?: string;
  readonly to?: string;
  readonly churnedValues?: readonly string[];
}

export interface ReferralReport {
  readonly version: 1;
  readonly source: ReferralPairs['source'];
  readonly asOf: string;
  readonly windowDays: number;
  /** Referral pairs kept, distinct referred people, and rows skipped. */
  readonly referrals: number;
  readonly skipped: ReferralPairs['skipped'];
  readonly activeCustomers: { readonly count: number; readonly byOrders: number; readonly bySubscriptions: number };
  readonly rate: ReferralRate;
  readonly periods: ReferralsByPeriod;
  readonly conversion: ReferralConversion;
  readonly referred: ReferredComparison;
  readonly topReferrers: readonly ReferrerRow[];
  /** Promoters who have not referred yet (null without 0-10 feedback). */
  readonly promotersToAsk: readonly PromoterRow[] | null;
}

/** The as-of day of the report (see the file comment). */
function asOfDay(pairs: ReferralPairs, customers: CustomerTable, asOf: number | undefined): number {
  if (asOf !== undefined) return asOf;
  if (customers.lastDay !== MISSING_DAY) return customers.lastDay;
  let last = MISSING_DAY;
  for (let i = 0; i < pairs.count; i++) for (const d of [pairs.day[i], pairs.firstPurchase[i]]) if (d !== MISSING_DAY && (last === MISSING_DAY || d > last)) last = d;
  return last;
}

/**
 * Builds the referral report (see the file comment); null without referral data.
 *
 * @param customers the workspace's customer table (built from `tables` when not given).
 * @example referralReport(tables, { windowDays: 90 })?.rate.band
 */
export function referralReport(tables: Tables, params: ReferralParams = {}, customers: CustomerTable = buildCustomerTable(tables)): ReferralReport | null {
  const pairs = referralPairs(tables, customers);
  if (!pairs) return null;
  const windowDays = params.windowDays ?? 90;
  const asOf = asOfDay(pairs, customers, params.asOf);
  const active = activeCustomersOn(tables, customers, asOf, windowDays);
  const retention: RetentionParams = {
    period: params.period ?? 'month',
    windowDays,
    ...(params.source ? { source: params.source } : {}),
    ...(params.from ? { from: params.from } : {}),
    ...(params.to ? { to: params.to } : {}),
  };
  const churnParams = { windowDays, ...(params.asOf !== undefined ? { asOf: params.asOf } : {}), ...(params.churnedValues?.length ? { churnedValues: params.churnedValues } : {}) };
  const feedback = tables.feedback;
  const answers = feedback?.columns.score?.type === 'num' ? feedbackAnswers(feedback, customers) : null;
  const hasActivity = (tables.orders?.length ?? 0) > 0 || (tables.subscriptions?.length ?? 0) > 0;
  return {
    version: 1,
    source: pairs.source,
    asOf: asOf === MISSING_DAY ? '' : dayToIso(asOf),
    windowDays,
    referrals: pairs.count,
    skipped: pairs.skipped,
    activeCustomers: { count: active.count, byOrders: active.byOrders, bySubscriptions: active.bySubscriptions },
    rate: referralRate(pairs, active),
    periods: referralsByPeriod(pairs, params.period ?? 'month', asOf === MISSING_DAY ? Infinity : asOf),
    conversion: referralConversion(pairs, asOf === MISSING_DAY ? Infinity : asOf),
    referred: referredComparison(tables, customers, pairs, retention, churnParams),
    topReferrers: topReferrers(pairs, customers, asOf === MISSING_DAY ? Infinity : asOf, params.top ?? 20),
    promotersToAsk: answers && answers.scales.answers.nps > 0 ? promotersToAsk(answers, customers, pairs.hasReferred, hasActivity ? active.active : null) : null,
  };
}
