/**
 * The types the page uses from the worker and storage, in one place, so UI components never
 * import from worker/ or ingest/ (lint forbids it). Inspection and Dialect are derived from the
 * worker's own signature, so they stay in step with it.
 */
import type { AnalyticsApi } from '../worker/analytics.worker.ts';

export type { ImportProgress, PreparedImport, WorkspaceSummary } from '../worker/contract.ts';
// the retention report as the page gets it (issue #13 item 3)
export type { RetentionFigures, PeriodFigures, MrrFigures, KpiFigures, ReceiptFigures, DefinitionsFigures, RetentionMembersQuery } from '../worker/contract.ts';
export type { Workspace, WorkspaceSettings, ImportRecord } from '../storage/entities.ts';
export type { ImportIssue } from '../core/issues.ts';
export type { DataKind, Mapping } from '../core/schema/kinds.ts';

export type Inspection = Awaited<ReturnType<AnalyticsApi['inspect']>>;
export type Dialect = Inspection['dialect'];
export type Question = Inspection['questions'][number];
export type InspectOverrides = NonNullable<Parameters<AnalyticsApi['inspect']>[0]['overrides']>;

// churn audit and segments (issue #10)
export type { ChurnAuditRequest, ChurnMembersQuery, SegmentRequest } from '../worker/contract.ts';
export type { ChurnAuditResult } from '../worker/contract.ts';
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
export type { ClvParams, ClvAverages, ClvSegment } from '../core/clv/report.ts';
/** The CLV report as the page gets it: no customer ids (analytics.clvIds names the ones a list or an export shows). */
export type { ClvFigures as ClvReport } from '../worker/contract.ts';
export type { ClvGuard } from '../core/clv/guard-rails.ts';
export type { BgnbdFit } from '../core/clv/bgnbd.ts';
export type { ParetoNbdFit } from '../core/clv/pareto-nbd.ts';
export type { GammaGammaFit } from '../core/clv/gamma-gamma.ts';
export type { HoldoutCheck, HoldoutRow } from '../core/clv/holdout.ts';
export type { CohortValue } from '../core/clv/historical-clv.ts';
export type { SimpleClv } from '../core/clv/simple-clv.ts';
export type { RfmGroup } from '../core/clv/rfm.ts';
export type { ActionLists, AnniversaryEntry } from '../core/clv/action-lists.ts';

// satisfaction, referrals, returning vs new (issue #12)
export type { SatisfactionRequest, ReferralRequest, ReturningRequest, SatisfactionListRequest, SatisfactionListQuery } from '../worker/contract.ts';
export type { SatisfactionData, SatisfactionListResult } from '../worker/contract.ts';
export type { SatisfactionReport, SatisfactionParams, SatisfactionNote } from '../core/satisfaction/satisfaction-report.ts';
export type { ScoreSummary, ScaleSummary } from '../core/satisfaction/score-summary.ts';
export type { NpsFigure, NpsGroup } from '../core/satisfaction/nps.ts';
export type { ShareFigure } from '../core/satisfaction/csat.ts';
export type { ScoreScale, ScaleSource } from '../core/satisfaction/score-scale.ts';
export type { TrendRow, SatisfactionTrend } from '../core/satisfaction/satisfaction-trend.ts';
export type { TouchpointRow, AttributeSatisfaction } from '../core/satisfaction/satisfaction-by.ts';
export type { ResponseRate } from '../core/satisfaction/response-rate.ts';
export type { NpsGroupRetention } from '../core/satisfaction/nps-retention.ts';
export type { RecentDetractors } from '../core/satisfaction/recent-detractors.ts';
export type { AnswerRow } from '../core/satisfaction/answer-rows.ts';
export type { AnswerFilter } from '../core/satisfaction/comment-search.ts';
export type { ChurnRateDifference } from '../core/churn/churn-rate-difference.ts';
export type { ReferralReport, ReferralParams } from '../core/referrals/referral-report.ts';
export type { ReferralRate } from '../core/referrals/referral-rate.ts';
export type { ReferralConversion, ConversionWithin } from '../core/referrals/referral-conversion.ts';
export type { ReferralsByPeriod, ReferralPeriodRow } from '../core/referrals/referrals-by-period.ts';
export type { ReferredComparison } from '../core/referrals/referred-comparison.ts';
export type { ReferrerRow } from '../core/referrals/top-referrers.ts';
export type { PromoterRow } from '../core/referrals/promoters-to-ask.ts';
export type { ReturningReport, ReturningParams } from '../core/returning/returning-report.ts';
export type { ReturningPeriodRow, SpendGroup } from '../core/returning/returning-periods.ts';
export type { ReturningUplift, Uplift } from '../core/returning/returning-uplift.ts';
