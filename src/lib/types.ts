/**
 * The types the page uses from the worker and storage, in one place, so UI components never
 * import from worker/ or ingest/ (lint forbids it). Inspection and Dialect are derived from the
 * worker's own signature, so they stay in step with it.
 */
import type { AnalyticsApi } from '../worker/analytics.worker.ts';

export type { ImportProgress, PreparedImport, WorkspaceSummary } from '../worker/contract.ts';
export type { Workspace, WorkspaceSettings, ImportRecord } from '../storage/entities.ts';
export type { ImportIssue } from '../core/issues.ts';
export type { DataKind, Mapping } from '../core/schema/kinds.ts';

export type Inspection = Awaited<ReturnType<AnalyticsApi['inspect']>>;
export type Dialect = Inspection['dialect'];
export type Question = Inspection['questions'][number];
export type InspectOverrides = NonNullable<Parameters<AnalyticsApi['inspect']>[3]>;

// churn audit and segments (issue #10)
export type { ChurnAuditRequest, ChurnMembersQuery, SegmentRequest } from '../worker/contract.ts';
export type { ChurnAuditResult } from '../worker/churn-api.ts';
export type { ChurnAudit } from '../core/churn/audit.ts';
export type { ReasonRow, ReasonTrend } from '../core/churn/reason-counts.ts';
export type { AttributeProfile, ValueRate } from '../core/churn/churn-profile.ts';
export type { Finding } from '../core/churn/findings.ts';
export type { IdealProfile, IdealRow } from '../core/churn/ideal-profile.ts';
export type { ReasonEdit, ReasonEdits } from '../core/churn/reason-taxonomy.ts';
export type { GroupValue } from '../core/customers/customer-groups.ts';
export type { SegmentComparison, SegmentRow, MeanComparison } from '../core/segments/segment-compare.ts';

// customer lifetime value (issue #11)
export type { ClvRequest, ClvMembersQuery } from '../worker/contract.ts';
export type { ClvReport, ClvParams, ClvAverages, ClvSegment, ClvPerCustomer } from '../core/clv/report.ts';
export type { ClvGuard } from '../core/clv/guard-rails.ts';
export type { BgnbdFit } from '../core/clv/bgnbd.ts';
export type { GammaGammaFit } from '../core/clv/gamma-gamma.ts';
export type { HoldoutCheck, HoldoutRow } from '../core/clv/holdout.ts';
export type { CohortValue } from '../core/clv/historical-clv.ts';
export type { SimpleClv } from '../core/clv/simple-clv.ts';
export type { RfmGroup } from '../core/clv/rfm.ts';
export type { ActionLists, AnniversaryEntry } from '../core/clv/action-lists.ts';
