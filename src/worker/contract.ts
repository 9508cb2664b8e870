/**
 * Types that cross the worker boundary (plain, structured-cloneable data): the requests' option
 * objects and the responses of the feature modules (import-api.ts, workspace-api.ts,
 * retention-api.ts, ...). Every handler takes one request object (issue #7 item 4); the only
 * second argument is a progress callback, because Comlink proxies a function only when it is an
 * argument of its own (`Comlink.proxy(fn)`), never as a field of an object it structured-clones.
 * The page derives its own types from these (lib/types.ts).
 */
import type { PlausibilityReport } from '../core/import/plausibility.ts';
import type { DataKind, Mapping } from '../core/schema/kinds.ts';
import type { Dialect, ParseTimings } from '../ingest/types.ts';
import type { InspectOverrides } from '../ingest/inspect.ts';
import type { ImportIssue } from '../core/issues.ts';
import type { FieldChange } from '../core/table-diff.ts';
import type { ImportRecord, RetentionControls, WorkspaceSettings } from '../storage/entities.ts';
import type { CommitTimings } from '../storage/imports.ts';
import type { PeriodUnit } from '../core/retention/periods.ts';
import type { CancellationChurn, CohortReport, DefinitionRow, DefinitionsReport, Kpi, Kpis, MrrRow, PeriodRow, Receipt, ReceiptInput, Reconciliation, RetentionParams, RetentionReport } from '../core/retention/report-types.ts';
import type { MrrMovement } from '../core/retention/mrr.ts';
import type { PeriodSet } from '../core/retention/report-receipts.ts';
import type { RfmGroup } from '../core/clv/rfm.ts';
import type { ClvPerCustomer, ClvReport } from '../core/clv/report.ts';
import type { CohortMembersQuery } from '../core/retention/cohort-members.ts';
import type { ReasonEdit } from '../core/churn/reason-taxonomy.ts';
import type { AnswerFilter } from '../core/satisfaction/comment-search.ts';
import type { ChurnAudit } from '../core/churn/audit.ts';
import type { ReasonEdits } from '../core/churn/reason-taxonomy.ts';
import type { AnswerRow } from '../core/satisfaction/answer-rows.ts';
import type { PromoterRow } from '../core/referrals/promoters-to-ask.ts';
import type { ReferrerRow } from '../core/referrals/top-referrers.ts';

export interface ImportProgress {
  phase: 'reading' | 'parsing' | 'saving';
  rows: number;
  bytesDone: number;
  bytesTotal: number;
  rowsPerSecond: number;
  /** null until the rate is known. */
  secondsLeft: number | null;
}

export interface PreparedImport {
  token: string;
  fileName: string;
  kind: DataKind;
  recordsRead: number;
  validRows: number;
  invalidRecords: number;
  errors: ImportIssue[];
  errorCount: number;
  warnings: ImportIssue[];
  fatal?: ImportIssue;
  /** The first rows exactly as they will be stored. */
  preview: { columns: string[]; rows: (string | number | null)[][] };
  /** The same file (by SHA-256) was imported into this workspace before. */
  alreadyImported?: ImportRecord;
  lineItemsRolledUp: number;
  firstDay: number | null;
  lastDay: number | null;
  customers: number;
  /** What the import adds and what looks wrong, before anything is stored (core/import/plausibility.ts). */
  plausibility: PlausibilityReport;
  /** Against what the workspace stores: new rows, updates of rows with the same id (with the changed fields), unchanged rows. */
  updates: { added: number; updated: number; unchanged: number; changes: readonly { readonly key: string; readonly fields: readonly FieldChange[] }[] };
  /** Where the time went (ms): the file's bytes read, parseFile's steps, and the checks after it (preview, plausibility, updates). For the benchmark. */
  timings: { readFile: number; parse?: ParseTimings; checks: number };
}

export type WorkspaceSummary = {
  customers: number;
  imports: number;
  byKind: Partial<Record<DataKind, { rows: number; firstDay: number | null; lastDay: number | null; revenue?: number; amountRows?: number }>>;
};

/** Request of `inspect`: a file read for its dialect, kind and mapping (a remembered mapping of the workspace wins). */
export interface InspectRequest {
  file: Blob;
  fileName: string;
  workspaceId: string;
  /** The user's answers (dialect, kind, columns); with them no remembered mapping is applied. */
  overrides?: InspectOverrides;
}

/** Request of `prepareImport`: the file, its workspace, and how to read it. */
export interface PrepareImportRequest extends PrepareImportOptions {
  workspaceId: string;
  file: Blob;
  fileName: string;
}

/** Options of `prepareImport`: how to read the file, and the user's choices for it. */
export interface PrepareImportOptions {
  dialect: Dialect;
  kind: DataKind;
  mapping: Mapping;
  /** What inspect() said of this file with this dialect: spares reading and hashing it again. */
  inspected?: { sha256: string; headers: readonly string[]; keyCandidates?: readonly string[] };
  /** Orders without a customer column, confirmed by the user (orders and revenue only). */
  withoutCustomers?: boolean;
  /** Store keyed pseudonyms instead of the customer keys (an e-mail or name key: ingest/pseudonymise.ts). */
  pseudonymise?: boolean;
  /** Keep rows whose main date is implausible (default: left out and named). */
  keepImplausibleDates?: boolean;
}

/** Response of `commitImport`: the ledger row as stored, and where the commit's time went (ms; for the benchmark). */
export type CommittedImport = ImportRecord & { timings: CommitTimings };

/** Options of `commitImport`. */
export interface CommitImportOptions {
  /** Import only the valid rows of a file that has invalid ones. */
  skipInvalid: boolean;
}

/** Request of `commitImport`: the staged import's token and the user's choice. */
export interface CommitImportRequest extends CommitImportOptions {
  token: string;
}

/** Request of `discardImport`. */
export interface DiscardImportRequest {
  token: string;
}

/** Request of the handlers that need only a workspace (summary, export, delete, hasChurnData, ...). */
export interface WorkspaceRequest {
  workspaceId: string;
}

/** Request of `createWorkspace`. */
export interface CreateWorkspaceRequest {
  name: string;
  settings?: Partial<WorkspaceSettings>;
}

/** Request of `renameWorkspace`. */
export interface RenameWorkspaceRequest {
  workspaceId: string;
  name: string;
}

/** Request of `updateWorkspaceSettings`: the settings to change (the retention controls merge field by field). */
export interface UpdateSettingsRequest {
  workspaceId: string;
  patch: Partial<Omit<WorkspaceSettings, 'retention'>> & { retention?: Partial<RetentionControls> };
}

/** Request of `restoreWorkspace`: a backup file, or its text. */
export interface RestoreWorkspaceRequest {
  file: Blob | string;
}

/** Request of `removeImport`. */
export interface RemoveImportRequest {
  importId: string;
}

/** Request of `retention` (the progress callback is the handler's second argument). */
export interface RetentionRequest {
  workspaceId: string;
  params: RetentionParams;
  /** Increasing per client: a superseded request returns null. */
  jobId: number;
}

// The retention report as the page gets it (issue #13 item 3): every figure, no list with one
// entry per customer. The worker keeps the full report (retention-api.ts) and lists the customers
// behind a count when a receipt opens (`receiptMembers`); worker/retention-figures.ts builds it.

/** A receipt input without its customers (`members`): `receiptMembers` lists them. */
export type InputFigures = Omit<ReceiptInput, 'members'>;
export type ReceiptFigures = Omit<Receipt, 'inputs'> & { readonly inputs: readonly InputFigures[] };
export type KpiFigures = Omit<Kpi, 'receipt'> & { readonly receipt: ReceiptFigures };
export type KpisFigures = { readonly [K in keyof Kpis]: Kpis[K] extends Kpi ? KpiFigures : Kpis[K] extends Kpi | null ? KpiFigures | null : Kpis[K] };
/** Cancellation-date churn of a period, with how many customers (not which) differ between D and E. */
export type CancellationFigures = Omit<CancellationChurn, 'cancelledPaidLater' | 'endedCancelledEarlier'> & {
  readonly cancelledPaidLater: number;
  readonly endedCancelledEarlier: number;
};
export type PeriodFigures = Omit<PeriodRow, 'members' | 'cancellation'> & { readonly cancellation: CancellationFigures | null };
/** An MRR row with how many customers are behind each movement (`receiptMembers` lists them). */
export type MrrFigures = Omit<MrrRow, 'members'> & { readonly customers: Readonly<Record<MrrMovement, number>> };
export type DefinitionsFigures = Omit<DefinitionsReport, 'rows' | 'reconciliation'> & {
  readonly rows: (Omit<DefinitionRow, 'receipt'> & { readonly receipt: ReceiptFigures })[];
  readonly reconciliation: (Omit<Reconciliation, 'counts'> & { readonly counts: Omit<Reconciliation['counts'][number], 'members'>[] })[];
};

/**
 * The retention report without customer ids, activity bitsets, member lists and each customer's
 * cohort: its size does not grow with the number of customers.
 */
export type RetentionFigures = Omit<RetentionReport, 'customers' | 'activity' | 'kpis' | 'periods' | 'cohorts' | 'mrr' | 'definitions'> & {
  /** The request this report answers: send it with `receiptMembers` to list the customers behind a count. */
  readonly request: { readonly workspaceId: string; readonly params: RetentionParams };
  /** How many customers the source table has (the full report's `customers.length`). */
  readonly customerCount: number;
  readonly kpis: KpisFigures;
  readonly periods: PeriodFigures[];
  readonly cohorts: Omit<CohortReport, 'customerCohort'>;
  readonly mrr: MrrFigures[] | null;
  readonly definitions: DefinitionsFigures | null;
};

/**
 * The customers behind one count of a retention report: a set of period j (S, E, retained, lost,
 * reactivated, new, newLost), the customers active now (the KPI), or an MRR movement of row j.
 */
export type RetentionMembersQuery = { readonly period: number; readonly set: PeriodSet } | { readonly now: true } | { readonly mrr: number; readonly movement: MrrMovement };

/** Request of `receiptMembers`: the report's `request` and the count to list. */
export interface ReceiptMembersRequest {
  workspaceId: string;
  params: RetentionParams;
  query: RetentionMembersQuery;
}

/** Request of `retentionExport`: the full report (member lists included) for the JSON download. */
export interface RetentionExportRequest {
  workspaceId: string;
  params: RetentionParams;
}

/** Request of `cohortMembers`: the same params as the report the cell came from. */
export interface CohortMembersRequest {
  workspaceId: string;
  params: RetentionParams;
  query: CohortMembersQuery;
}

/** Options of `churnAudit` (and `churnMembers`: the same request the bar came from). */
export interface ChurnAuditRequest {
  workspaceId: string;
  /** Activity window W in days (orders). */
  windowDays: number;
  /** Judge churn on this day (days since 1970-01-01; default the data's last day). */
  asOf?: number;
  period?: PeriodUnit;
  /** Increasing per client: a superseded request returns null. */
  jobId: number;
}

/** The customers behind one bar of the churn audit: a reason category (-1 = no reason) or an attribute value. */
export type ChurnMembersQuery = { category: number } | { key: string; value: number; churnedOnly?: boolean };

/** Request of `churnMembers`: the audit request the bar came from, and the bar. */
export interface ChurnMembersRequest {
  audit: ChurnAuditRequest;
  query: ChurnMembersQuery;
}

/** Request of `editReasons`: one taxonomy edit, with the reasons as the files wrote them. */
export interface EditReasonsRequest {
  workspaceId: string;
  edit: ReasonEdit;
  originals: readonly string[];
}

/** Request of `setChurnedValues`: which churn-flag values mean churned. */
export interface ChurnedValuesRequest {
  workspaceId: string;
  values: readonly string[];
}

/** Options of `segmentComparison`. */
export interface SegmentRequest {
  workspaceId: string;
  /** Attribute key (`plan`, `attr:Contract`, `derived:cohort`); ignored when `filter` is given. */
  key: string;
  /** Segments from several attributes: customers matching every condition vs the rest (core/segments SegmentFilter). */
  filter?: { key: string; values: string[] }[];
  params: RetentionParams;
  jobId: number;
}

/** Options of `clvReport` (and `clvMembers`: the same request the list came from); the margin is the workspace's `grossMargin`. */
export interface ClvRequest {
  workspaceId: string;
  /** Horizon of the predictive CLV in months (default 12). */
  horizonMonths?: number;
  /** Yearly discount rate (default 0.1). */
  discountYearly?: number;
  /** Fit on orders up to this day (days since 1970-01-01); the rest is the hold-out check. Default: the last order day. */
  calibrationEnd?: number;
  /** Trailing window of the simple subscription CLV in months (default 6). */
  trailingMonths?: number;
  /** Increasing per client: a superseded request returns null. */
  jobId: number;
}

/** The customers behind a CLV list, an RFM group, or one value (group code) of a segment attribute. */
export type ClvMembersQuery =
  | { list: 'reorder' | 'slipping' | 'anniversaries' }
  | { rfmGroup: RfmGroup }
  | { key: string; value: number };

/**
 * The CLV report as the page gets it (issue #13 item 3): the per-customer arrays (transferred,
 * clv-api.ts) without the customer ids; `clvIds` names the customers a list, an export or a
 * receipt shows.
 */
export type ClvFigures = Omit<ClvReport, 'perCustomer' | 'lists'> & {
  /** The request this report answers (send it with clvIds and clvMembers). */
  readonly request: ClvRequest;
  /** Indexed by customer number; `clvIds` gives the ids. */
  readonly perCustomer: Omit<ClvPerCustomer, 'ids'>;
  /** The lists to act on; the anniversaries as columns (entry i: customer[i], day[i], years[i]), soonest first. */
  readonly lists: Omit<ClvReport['lists'], 'anniversaries'> & { readonly anniversaries: ClvAnniversaries };
};

/** The first-purchase anniversaries list as typed columns (transferred, not one object per customer). */
export interface ClvAnniversaries {
  readonly customer: Uint32Array;
  /** The anniversary's day number. */
  readonly day: Int32Array;
  /** Years since the first purchase. */
  readonly years: Uint16Array;
}

/** Request of `clvIds`: the ids of some customer numbers of the report for `report`. */
export interface ClvIdsRequest {
  report: ClvRequest;
  customers: readonly number[];
}

/** Request of `clvMembers`: the CLV request the list came from, and the list. */
export interface ClvMembersRequest {
  report: ClvRequest;
  query: ClvMembersQuery;
}

/** Options of `satisfactionReport` (issue #12). */
export interface SatisfactionRequest {
  workspaceId: string;
  /** Activity window W in days (orders: churn and retention by NPS group). */
  windowDays: number;
  /** Trend periods (default month). */
  period?: PeriodUnit;
  /** Judge churn on this day and end the recent-detractors window on it (days since 1970-01-01). */
  asOf?: number;
  /** The recent-detractors window in days (default 90). */
  recentDays?: number;
  /** Increasing per client: a superseded request returns null. */
  jobId: number;
}

/** Options of `referralReport` (issue #12). */
export interface ReferralRequest {
  workspaceId: string;
  /** Activity window W in days (who is an active customer; churn). */
  windowDays: number;
  period?: PeriodUnit;
  /** The as-of day (default the data's last day). */
  asOf?: number;
  /** How many top referrers (default 20). */
  top?: number;
  jobId: number;
}

/** Options of `returningReport` (issue #12). */
export interface ReturningRequest {
  workspaceId: string;
  period: PeriodUnit;
  /** ISO days; whole periods are used (default the data's range). */
  from?: string;
  to?: string;
  jobId: number;
}

/** One list of the satisfaction and referral views. */
export type SatisfactionListQuery =
  | { list: 'recent-detractors'; days?: number; filter?: AnswerFilter }
  | { list: 'comments'; filter?: AnswerFilter }
  | { list: 'promoters-to-ask'; activeOnly?: boolean }
  | { list: 'top-referrers'; top?: number };

/** Options of `satisfactionList` and `satisfactionListIds`. */
export interface SatisfactionListRequest {
  workspaceId: string;
  /** Activity window W in days (promoters to ask: active or not). */
  windowDays: number;
  asOf?: number;
  query: SatisfactionListQuery;
  jobId: number;
}

/** The churn audit's result as the page gets it: the audit, the attribute names and the taxonomy edits. */
export interface ChurnAuditResult {
  readonly audit: ChurnAudit;
  /** Attribute key -> the column header it came from (customers files). */
  readonly headers: Readonly<Record<string, string>>;
  readonly edits: ReasonEdits;
}

/** The rows of one satisfaction or referral list (ids as written in the files). */
export type SatisfactionListResult =
  | { readonly list: 'recent-detractors' | 'comments'; readonly rows: readonly AnswerRow[] }
  | { readonly list: 'promoters-to-ask'; readonly rows: readonly PromoterRow[] }
  | { readonly list: 'top-referrers'; readonly rows: readonly ReferrerRow[] };

/** What the workspace has for the satisfaction views (the page shows an empty state for the others). */
export interface SatisfactionData {
  readonly feedback: boolean;
  readonly referrals: boolean;
  readonly orderAmounts: boolean;
}
