/**
 * The satisfaction and referral pages' tables as CSV rows (issue #12 item 5: "both lists
 * export"): the answer lists (recent detractors, comments), promoters to ask, top referrers, and
 * the figures per period, touchpoint and segment. Headers in the user's language; numbers stay
 * numbers (percent as the core gives them), dates ISO, ids as written in the files. Pure.
 */
import { translate } from './i18n/translate.ts';
import type { Locale, MessageKey } from './i18n/messages.ts';
import type { CsvRow } from './csv-export.ts';
import { npsGroupOf } from '../core/satisfaction/nps.ts';
import type { AnswerRow, PromoterRow, ReferralPeriodRow, ReferrerRow, ReturningPeriodRow, ScoreSummary, TrendRow } from './types.ts';
import { groupName, scaleName } from './satisfaction-text.ts';

const tr = (locale: Locale, key: MessageKey) => translate(locale, key);

/** The answers of a list, one row per answer, in the list's order. */
export function answerCsvRows(rows: readonly AnswerRow[], locale: Locale): CsvRow[] {
  return [
    [
      tr(locale, 'sat.col.customer'),
      tr(locale, 'sat.col.date'),
      tr(locale, 'sat.col.score'),
      tr(locale, 'sat.col.scale'),
      tr(locale, 'sat.col.group'),
      tr(locale, 'sat.col.touchpoint'),
      tr(locale, 'sat.col.comment'),
      tr(locale, 'sat.col.revenue'),
      tr(locale, 'sat.col.mrr'),
    ],
    ...rows.map((r) => [r.id, r.date, r.score, scaleName(locale, r.scale), r.scale === 'nps' ? groupName(locale, npsGroupOf(r.score)) : null, r.touchpoint, r.comment, r.revenue, r.mrr]),
  ];
}

/** Promoters who have not referred yet (the people to ask). */
export function promoterCsvRows(rows: readonly PromoterRow[], locale: Locale): CsvRow[] {
  return [
    [tr(locale, 'sat.col.customer'), tr(locale, 'sat.col.score'), tr(locale, 'sat.col.date'), tr(locale, 'ref.col.active'), tr(locale, 'sat.col.revenue'), tr(locale, 'sat.col.mrr')],
    ...rows.map((r) => [r.id, r.score, r.date, r.active, r.revenue, r.mrr]),
  ];
}

/** Top referrers, best first. */
export function referrerCsvRows(rows: readonly ReferrerRow[], locale: Locale): CsvRow[] {
  return [
    [tr(locale, 'ref.col.rank'), tr(locale, 'sat.col.customer'), tr(locale, 'ref.col.referrals'), tr(locale, 'ref.col.converted'), tr(locale, 'ref.col.lastReferral'), tr(locale, 'ref.col.referredRevenue')],
    ...rows.map((r, i) => [i + 1, r.id, r.referrals, r.converted, r.lastReferral, r.referredRevenue]),
  ];
}

/** The figure columns of a score summary: answers, NPS counts, NPS and its interval, CSAT and its interval. */
function summaryHead(locale: Locale): string[] {
  return [
    tr(locale, 'sat.col.answers'),
    tr(locale, 'sat.col.promoters'),
    tr(locale, 'sat.col.passives'),
    tr(locale, 'sat.col.detractors'),
    'NPS',
    `NPS ${tr(locale, 'churn.col.low')}`,
    `NPS ${tr(locale, 'churn.col.high')}`,
    'CSAT %',
    `CSAT ${tr(locale, 'churn.col.low')}`,
    `CSAT ${tr(locale, 'churn.col.high')}`,
  ];
}

function summaryCells(s: ScoreSummary): CsvRow {
  const n = s.nps;
  const c = s.csat;
  return [s.answers, n?.promoters ?? null, n?.passives ?? null, n?.detractors ?? null, n?.nps ?? null, n?.low ?? null, n?.high ?? null, c?.share ?? null, c?.low ?? null, c?.high ?? null];
}

/** The trend: one row per period, then the answers without a date (period left empty). */
export function trendCsvRows(periods: readonly TrendRow[], undated: ScoreSummary | null, locale: Locale): CsvRow[] {
  const rows: CsvRow[] = [[tr(locale, 'retention.col.period'), tr(locale, 'sat.col.start'), tr(locale, 'sat.col.end'), ...summaryHead(locale)]];
  for (const p of periods) rows.push([p.period, p.start, p.end, ...summaryCells(p.summary)]);
  if (undated) rows.push([tr(locale, 'sat.trend.undatedRow'), null, null, ...summaryCells(undated)]);
  return rows;
}

/** Figures per group (touchpoint, attribute value): `label` names each row. */
export function summaryCsvRows(head: string, rows: readonly { label: string; customers?: number; summary: ScoreSummary }[], locale: Locale, withCustomers = false): CsvRow[] {
  return [
    [head, ...(withCustomers ? [tr(locale, 'churn.col.customers')] : []), ...summaryHead(locale)],
    ...rows.map((r) => [r.label, ...(withCustomers ? [r.customers ?? null] : []), ...summaryCells(r.summary)]),
  ];
}

/** Referrals per period: made, converted by the as-of day, first purchases. */
export function referralPeriodCsvRows(periods: readonly ReferralPeriodRow[], locale: Locale): CsvRow[] {
  return [
    [tr(locale, 'retention.col.period'), tr(locale, 'sat.col.start'), tr(locale, 'sat.col.end'), tr(locale, 'ref.col.referrals'), tr(locale, 'ref.col.converted'), tr(locale, 'ref.col.firstPurchases')],
    ...periods.map((p) => [p.period, p.start, p.end, p.referrals, p.converted, p.firstPurchases]),
  ];
}

/** New vs returning customers per period: customers, revenue, spend per customer, orders, order value; the spend difference with its interval. */
export function returningCsvRows(periods: readonly ReturningPeriodRow[], locale: Locale): CsvRow[] {
  const side = (name: string) => [
    `${name}: ${tr(locale, 'churn.col.customers')}`,
    `${name}: ${tr(locale, 'ret.col.revenue')}`,
    `${name}: ${tr(locale, 'ret.col.spend')}`,
    `${name}: ${tr(locale, 'ret.col.orders')}`,
    `${name}: ${tr(locale, 'ret.col.aov')}`,
  ];
  return [
    [
      tr(locale, 'retention.col.period'),
      tr(locale, 'retention.col.complete'),
      ...side(tr(locale, 'ret.new')),
      ...side(tr(locale, 'ret.returning')),
      tr(locale, 'ret.col.diff'),
      `${tr(locale, 'ret.col.diff')} ${tr(locale, 'churn.col.low')}`,
      `${tr(locale, 'ret.col.diff')} ${tr(locale, 'churn.col.high')}`,
      'p',
    ],
    ...periods.map((p) => [
      p.period,
      p.complete,
      p.new.customers,
      p.new.revenue,
      p.new.spendPerCustomer,
      p.new.orders,
      p.new.aov,
      p.returning.customers,
      p.returning.revenue,
      p.returning.spendPerCustomer,
      p.returning.orders,
      p.returning.aov,
      p.spendDiff?.diff ?? null,
      p.spendDiff?.low ?? null,
      p.spendDiff?.high ?? null,
      p.spendDiff?.p ?? null,
    ]),
  ];
}
