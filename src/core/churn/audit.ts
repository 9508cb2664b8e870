/**
 * The churn-reason audit (issue #10; DESIGN.md section 4): "why do customers leave, and what do
 * churned customers have in common?" — one pure function over the workspace's tables. This file
 * only assembles:
 *
 *   who churned, when, why, worth what (churn-status.ts)
 *   -> reasons into categories, counts, no-reason share, trend (reason-taxonomy.ts, reason-counts.ts)
 *   -> attributes as groups (core/customers/customer-groups.ts)
 *   -> churn rate per value, lift, Wilson, z-test, chi-square, BH (churn-profile.ts)
 *   -> ranked findings (findings.ts) -> the loyal profile (ideal-profile.ts).
 *
 * Rates, shares and bounds in percent. Complexity: O(rows + customers x attributes).
 * Bad input: throws what churnStatus throws (no churn data; orders without W).
 */
import type { DataKind } from '../schema/kinds.ts';
import type { Table } from '../table.ts';
import { buildCustomerTable, type CustomerTable } from '../customers/customer-table.ts';
import { customerGroups, type CustomerGroups, type GroupsResult } from '../customers/customer-groups.ts';
import { wilsonInterval } from '../stats/wilson-interval.ts';
import { dayToIso } from '../parse/date.ts';
import { MISSING_DAY } from '../table.ts';
import type { PeriodUnit } from '../retention/periods.ts';
import { churnStatus, type ChurnSource, type ChurnStatus, type ChurnStatusParams } from './churn-status.ts';
import { NO_EDITS, type ReasonEdits } from './reason-taxonomy.ts';
import { reasonCounts, type ReasonRow, type ReasonTrend } from './reason-counts.ts';
import { adjustProfiles, churnProfile, type AttributeProfile } from './churn-profile.ts';
import { churnFindings, type Finding } from './findings.ts';
import { idealProfile, type IdealProfile } from './ideal-profile.ts';

export interface ChurnAuditParams extends ChurnStatusParams {
  /** The user's taxonomy edits (default: none). */
  readonly edits?: ReasonEdits;
  /** Trend periods (default month). */
  readonly period?: PeriodUnit;
  /** Quantile bins of numeric attributes (default 4). */
  readonly bins?: number;
}

export interface ChurnAudit {
  readonly source: ChurnSource;
  /** ISO day churn was judged on (null: a flag table without dates). */
  readonly asOf: string | null;
  readonly windowDays: number | null;
  readonly taxonomyVersion: number;
  /** Customers in the base. */
  readonly customers: number;
  readonly churned: number;
  readonly churnRate: number | null;
  readonly churnLow: number | null;
  readonly churnHigh: number | null;
  readonly noReason: ReturnType<typeof reasonCounts>['noReason'];
  readonly reasons: readonly ReasonRow[];
  readonly originals: readonly string[];
  readonly valueBasis: ChurnStatus['valueBasis'];
  readonly valueLost: number;
  readonly trend: ReasonTrend | null;
  readonly attributes: readonly AttributeProfile[];
  readonly skipped: GroupsResult['skipped'];
  readonly findings: readonly Finding[];
  readonly ideal: IdealProfile | null;
  readonly lifetimeUnit: ChurnStatus['lifetimeUnit'];
  /** Flag values not recognised (the page asks which mean churned); empty otherwise. */
  readonly unknownFlags: readonly string[];
  readonly churnedValues: readonly string[];
  /** Every value of the churn flag (flag source only; empty otherwise). */
  readonly flagValues: readonly string[];
}

type Tables = Readonly<Partial<Record<DataKind, Table>>>;

/** What the audit computed besides the report, for the customers behind a bar (worker cache). */
export interface ChurnAuditState {
  readonly status: ChurnStatus;
  readonly groups: readonly CustomerGroups[];
  readonly assignment: Int32Array;
}

/**
 * The churn audit of a workspace (see the file comment).
 *
 * @param customers the workspace's customer table (built when not given).
 * @example churnAudit({ subscriptions, customers, churn }, {}).reasons[0].category
 */
export function churnAudit(tables: Tables, params: ChurnAuditParams = {}, customers: CustomerTable = buildCustomerTable(tables)): ChurnAudit {
  return churnAuditWithState(tables, params, customers).audit;
}

/** The audit and the per-customer state behind it (see ChurnAuditState). */
export function churnAuditWithState(tables: Tables, params: ChurnAuditParams = {}, customers: CustomerTable = buildCustomerTable(tables)): { audit: ChurnAudit; state: ChurnAuditState } {
  const status = churnStatus(tables, customers, params);
  const edits = params.edits ?? NO_EDITS;
  const counts = reasonCounts(status, edits, params.period ?? 'month');
  let N = 0;
  for (let k = 0; k < customers.count; k++) N += status.base[k];
  const X = counts.churned;
  const ci = wilsonInterval(X, N);
  const overall = N === 0 ? null : (X / N) * 100;
  const groups = customerGroups(tables, customers, { base: status.base, ...(params.bins ? { bins: params.bins } : {}) });
  const attributes = adjustProfiles(groups.groups.map((g) => churnProfile(g, status.base, status.churned)));
  const revenue = Float64Array.from(customers.facts.revenue);
  let valueLost = 0;
  for (let k = 0; k < customers.count; k++) if (status.churned[k] && Number.isFinite(status.valueLost[k])) valueLost += status.valueLost[k];
  const audit: ChurnAudit = {
    source: status.source,
    asOf: status.asOf === MISSING_DAY ? null : dayToIso(status.asOf),
    windowDays: status.windowDays,
    taxonomyVersion: edits.version,
    customers: N,
    churned: X,
    churnRate: overall,
    churnLow: ci ? ci.low * 100 : null,
    churnHigh: ci ? ci.high * 100 : null,
    noReason: counts.noReason,
    reasons: counts.reasons,
    originals: counts.originals,
    valueBasis: status.valueBasis,
    valueLost,
    trend: counts.trend,
    attributes,
    skipped: groups.skipped,
    findings: overall === null ? [] : churnFindings(attributes, overall),
    ideal: idealProfile(groups.groups, status.base, status.churned, revenue, status.lifetime),
    lifetimeUnit: status.lifetimeUnit,
    unknownFlags: status.unknownFlags,
    churnedValues: status.churnedValues,
    flagValues: status.flagValues,
  };
  return { audit, state: { status, groups: groups.groups, assignment: counts.assignment } };
}

/**
 * The customers behind one bar of the audit: a reason category (its index in `reasons`, or -1
 * for "no reason recorded"), or an attribute value (churned customers with that value, or all
 * customers of the value with `churnedOnly: false`). Ids in customer-table order.
 */
export function churnMembers(
  state: ChurnAuditState,
  customers: CustomerTable,
  query: { readonly category: number } | { readonly key: string; readonly value: number; readonly churnedOnly?: boolean },
): string[] {
  const out: string[] = [];
  if ('category' in query) {
    for (let k = 0; k < customers.count; k++) if (state.assignment[k] === query.category) out.push(customers.ids[k]);
    return out;
  }
  const g = state.groups.find((x) => x.key === query.key);
  if (!g) return out;
  const churnedOnly = query.churnedOnly ?? true;
  for (let k = 0; k < customers.count; k++) {
    if (!state.status.base[k] || g.codes[k] !== query.value) continue;
    if (churnedOnly && !state.status.churned[k]) continue;
    out.push(customers.ids[k]);
  }
  return out;
}
