/**
 * The page's handle on the analytics worker. The worker starts on first use; `cancel()`
 * terminates it (the only way to stop a parse mid-file) and the next call starts a fresh one.
 * Comlink never settles calls to a terminated worker, so every call is tracked here and
 * rejected with CancelledError when its worker dies. Pages and components call the typed
 * methods below (one request object each, worker/contract.ts); raw Comlink calls stay private here.
 */
import * as Comlink from 'comlink';
import type { AnalyticsApi } from '../worker/analytics.worker.ts';
import type { ImportProgress } from './types.ts';
import type { CommitImportRequest, CreateWorkspaceRequest, DiscardImportRequest, InspectRequest, PrepareImportRequest, RemoveImportRequest, RenameWorkspaceRequest } from '../worker/contract.ts';
import type { RestoreWorkspaceRequest, UpdateSettingsRequest, WorkspaceRequest } from '../worker/contract.ts';
import type { CohortMembersRequest, ReceiptMembersRequest, RetentionExportRequest, RetentionRequest } from '../worker/contract.ts';
import type { ChurnAuditRequest, ChurnedValuesRequest, ChurnMembersRequest, EditReasonsRequest, SegmentRequest } from '../worker/contract.ts';
import type { ClvIdsRequest, ClvMembersRequest, ClvRequest } from '../worker/contract.ts';
import type { ReferralRequest, ReturningRequest, SatisfactionListRequest, SatisfactionRequest } from '../worker/contract.ts';
import type { SatisfactionListResult } from '../worker/contract.ts';

export class CancelledError extends Error {
  override name = 'CancelledError';
  constructor() {
    super('cancelled');
  }
}

export const isCancelled = (e: unknown): boolean => e instanceof CancelledError;

function toError(e: unknown): Error {
  return e instanceof Error ? e : new Error(typeof e === 'string' ? e : 'internal error');
}

type Api = Comlink.Remote<AnalyticsApi>;

class AnalyticsClient {
  #worker: Worker | null = null;
  #api: Api | null = null;
  #generation = 0;
  #pending = new Set<(e: Error) => void>();

  /** Increases every time the worker is replaced: staged imports of older generations are gone. */
  get generation(): number {
    return this.#generation;
  }

  #ensure(): Api {
    if (this.#api) return this.#api;
    const worker = new Worker(new URL('../worker/analytics.worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.#stop(new Error(event.message || 'the analysis worker failed to start'));
    });
    this.#worker = worker;
    this.#api = Comlink.wrap<AnalyticsApi>(worker);
    return this.#api;
  }

  #stop(reason: Error): void {
    this.#worker?.terminate();
    this.#worker = null;
    this.#api = null;
    this.#generation++;
    const pending = [...this.#pending];
    this.#pending.clear();
    for (const reject of pending) reject(reason);
  }

  /** Runs one worker call; rejects with CancelledError if the worker is cancelled meanwhile. */
  #call<R>(fn: (api: Api) => Promise<R>): Promise<R> {
    const api = this.#ensure();
    return new Promise<R>((resolve, reject) => {
      this.#pending.add(reject);
      fn(api).then(
        (value) => {
          this.#pending.delete(reject);
          resolve(value);
        },
        (error: unknown) => {
          this.#pending.delete(reject);
          reject(toError(error));
        },
      );
    });
  }

  /** Stops everything the worker is doing; nothing staged is written. */
  cancel(): void {
    if (this.#worker) this.#stop(new CancelledError());
  }

  // Each method takes the worker handler's one request object (worker/contract.ts); a progress
  // callback is a second argument, proxied here (Comlink proxies only top-level arguments).

  /** Dialect, kind and mapping of a file (a remembered mapping of the workspace wins unless overridden). */
  inspect(request: InspectRequest) {
    return this.#call((api) => api.inspect(request));
  }

  /** Reads and checks every row of a file, staged in the worker under a token. */
  prepareImport(request: PrepareImportRequest, onProgress?: (p: ImportProgress) => void) {
    return this.#call((api) => api.prepareImport(request, onProgress ? Comlink.proxy(onProgress) : undefined));
  }

  commitImport(request: CommitImportRequest) {
    return this.#call((api) => api.commitImport(request));
  }

  discardImport(request: DiscardImportRequest) {
    return this.#call((api) => api.discardImport(request));
  }

  summary(request: WorkspaceRequest) {
    return this.#call((api) => api.summary(request));
  }

  createWorkspace(request: CreateWorkspaceRequest) {
    return this.#call((api) => api.createWorkspace(request));
  }

  renameWorkspace(request: RenameWorkspaceRequest) {
    return this.#call((api) => api.renameWorkspace(request));
  }

  updateWorkspaceSettings(request: UpdateSettingsRequest) {
    return this.#call((api) => api.updateWorkspaceSettings(request));
  }

  deleteWorkspace(request: WorkspaceRequest) {
    return this.#call((api) => api.deleteWorkspace(request));
  }

  removeImport(request: RemoveImportRequest) {
    return this.#call((api) => api.removeImport(request));
  }

  exportWorkspace(request: WorkspaceRequest) {
    return this.#call((api) => api.exportWorkspace(request));
  }

  /** A backup file (or its text) restored as a new workspace; the worker reads and parses it. */
  restoreWorkspace(request: RestoreWorkspaceRequest) {
    return this.#call((api) => api.restoreWorkspace(request));
  }

  /** The figures of a workspace's retention report (no per-customer lists); null when a newer job superseded this one. */
  retention(request: RetentionRequest, onProgress?: (done: number, total: number) => void) {
    return this.#call((api) => api.retention(request, onProgress ? Comlink.proxy(onProgress) : undefined));
  }

  /** The customer ids behind one count of a retention report (send the report's `request`). */
  receiptMembers(request: ReceiptMembersRequest) {
    return this.#call((api) => api.receiptMembers(request));
  }

  /** The full retention report (member lists included) for the JSON download. */
  retentionExport(request: RetentionExportRequest) {
    return this.#call((api) => api.retentionExport(request));
  }

  /** The customer ids behind one cohort cell. */
  cohortMembers(request: CohortMembersRequest) {
    return this.#call((api) => api.cohortMembers(request));
  }

  /** Whether the workspace has churn data (a churn flag, subscriptions, dated orders or cancellations). */
  hasChurnData(request: WorkspaceRequest) {
    return this.#call((api) => api.hasChurnData(request));
  }

  /** The churn-reason audit with the workspace's saved taxonomy; null when a newer job superseded this one. */
  churnAudit(request: ChurnAuditRequest) {
    return this.#call((api) => api.churnAudit(request));
  }

  /** The customer ids behind one bar of the audit (the same request the audit came from). */
  churnMembers(request: ChurnMembersRequest) {
    return this.#call((api) => api.churnMembers(request));
  }

  /** One taxonomy edit (merge, rename, split, avoidable), saved with the workspace; returns the new edits. */
  editReasons(request: EditReasonsRequest) {
    return this.#call((api) => api.editReasons(request));
  }

  /** Back to the built-in taxonomy (a new version). */
  resetReasons(request: WorkspaceRequest) {
    return this.#call((api) => api.resetReasons(request));
  }

  /** Which churn-flag values mean churned (when the audit could not tell). */
  setChurnedValues(request: ChurnedValuesRequest) {
    return this.#call((api) => api.setChurnedValues(request));
  }

  /** Segments of one attribute side by side; null when superseded. */
  segmentComparison(request: SegmentRequest) {
    return this.#call((api) => api.segmentComparison(request));
  }

  /** The CLV report of a workspace (margin from its settings); null when a newer job superseded this one. */
  clvReport(request: ClvRequest) {
    return this.#call((api) => api.clvReport(request));
  }

  /** The customer ids behind a CLV list, an RFM group or a segment bar (the same request the report came from). */
  clvMembers(request: ClvMembersRequest) {
    return this.#call((api) => api.clvMembers(request));
  }

  /** The ids of customer numbers of a CLV report (send the report's `request`). */
  clvIds(request: ClvIdsRequest) {
    return this.#call((api) => api.clvIds(request));
  }

  /** Which of the satisfaction, referral and returning-vs-new reports the workspace has data for. */
  satisfactionData(request: WorkspaceRequest) {
    return this.#call((api) => api.satisfactionData(request));
  }

  /** NPS / CSAT, trend, touchpoints, segments, churn by NPS group, recent detractors; null when superseded. */
  satisfactionReport(request: SatisfactionRequest) {
    return this.#call((api) => api.satisfactionReport(request));
  }

  /** The referral programme: rate, conversion, referred vs other, top referrers; null when superseded. */
  referralReport(request: ReferralRequest) {
    return this.#call((api) => api.referralReport(request));
  }

  /** Returning vs new customers per period and "returning customers spend x % more"; null when superseded. */
  returningReport(request: ReturningRequest) {
    return this.#call((api) => api.returningReport(request));
  }

  /** The rows of a list (recent detractors, comment search, promoters to ask, top referrers); null when superseded. */
  satisfactionList(request: SatisfactionListRequest) {
    return this.#call<SatisfactionListResult | null>((api) => api.satisfactionList(request));
  }

  /** The customer ids of a list, for an export. */
  satisfactionListIds(request: SatisfactionListRequest) {
    return this.#call((api) => api.satisfactionListIds(request));
  }
}

export const analytics = new AnalyticsClient();

/** The `code` an error carries across the worker boundary (worker/error-transfer.ts: StorageError, KeepwiseError), if any. */
export function errorCode(e: unknown): string | undefined {
  const code = e instanceof Error ? (e as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/** The `params` an error carries across the worker boundary, if any. */
export function errorParams(e: unknown): Readonly<Record<string, string | number>> | undefined {
  const params = e instanceof Error ? (e as Error & { params?: unknown }).params : undefined;
  return params !== null && typeof params === 'object' ? (params as Record<string, string | number>) : undefined;
}

/** Whether an error means the browser's storage quota is exhausted: StorageError 'quota' from the worker, or a raw QuotaExceededError (RELIABILITY.md 2.2). */
export function isQuotaError(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const inner = (e as Error & { inner?: { name?: string } }).inner;
  return errorCode(e) === 'quota' || e.name === 'QuotaExceededError' || inner?.name === 'QuotaExceededError';
}
