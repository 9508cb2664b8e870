/**
 * The page's handle on the analytics worker. The worker starts on first use; `cancel()`
 * terminates it (the only way to stop a parse mid-file) and the next call starts a fresh one.
 * Comlink never settles calls to a terminated worker, so every call is tracked here and
 * rejected with CancelledError when its worker dies. Pages and components call the typed
 * methods below, never `call` with a raw Comlink function.
 */
import * as Comlink from 'comlink';
import type { AnalyticsApi } from '../worker/analytics.worker.ts';
import type { ImportProgress, InspectOverrides } from './types.ts';
import type { RetentionParams } from '../core/retention/report-types.ts';
import type { ChurnAuditRequest, ChurnMembersQuery, SegmentRequest } from '../worker/contract.ts';
import type { ClvMembersQuery, ClvRequest } from '../worker/contract.ts';
import type { ReferralRequest, ReturningRequest, SatisfactionListRequest, SatisfactionRequest } from '../worker/contract.ts';
import type { SatisfactionListResult } from '../worker/satisfaction-api.ts';
import type { ReasonEdit } from '../core/churn/reason-taxonomy.ts';

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
  call<R>(fn: (api: Api) => Promise<R>): Promise<R> {
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

  inspect(file: Blob, fileName: string, workspaceId: string, overrides?: InspectOverrides) {
    return this.call((api) => api.inspect(file, fileName, workspaceId, overrides));
  }

  prepareImport(
    workspaceId: string,
    file: Blob,
    fileName: string,
    options: Parameters<AnalyticsApi['prepareImport']>[3],
    onProgress?: (p: ImportProgress) => void,
  ) {
    return this.call((api) =>
      api.prepareImport(workspaceId, file, fileName, options, onProgress ? Comlink.proxy(onProgress) : undefined),
    );
  }

  commitImport(token: string, options: { skipInvalid: boolean }) {
    return this.call((api) => api.commitImport(token, options));
  }

  discardImport(token: string) {
    return this.call((api) => api.discardImport(token));
  }

  summary(workspaceId: string) {
    return this.call((api) => api.summary(workspaceId));
  }

  createWorkspace(...args: Parameters<AnalyticsApi['createWorkspace']>) {
    return this.call((api) => api.createWorkspace(...args));
  }

  renameWorkspace(...args: Parameters<AnalyticsApi['renameWorkspace']>) {
    return this.call((api) => api.renameWorkspace(...args));
  }

  updateWorkspaceSettings(...args: Parameters<AnalyticsApi['updateWorkspaceSettings']>) {
    return this.call((api) => api.updateWorkspaceSettings(...args));
  }

  deleteWorkspace(...args: Parameters<AnalyticsApi['deleteWorkspace']>) {
    return this.call((api) => api.deleteWorkspace(...args));
  }

  removeImport(...args: Parameters<AnalyticsApi['removeImport']>) {
    return this.call((api) => api.removeImport(...args));
  }

  exportWorkspace(workspaceId: string) {
    return this.call((api) => api.exportWorkspace(workspaceId));
  }

  /** A backup file (or its text) restored as a new workspace; the worker reads and parses it. */
  restoreWorkspace(file: Blob | string) {
    return this.call((api) => api.restoreWorkspace(file));
  }

  /** The retention report of a workspace; null when a newer job superseded this one. */
  retention(workspaceId: string, params: RetentionParams, jobId: number, onProgress?: (done: number, total: number) => void) {
    return this.call((api) => api.retention(workspaceId, params, jobId, onProgress ? Comlink.proxy(onProgress) : undefined));
  }

  /** The customer ids behind one cohort cell. */
  cohortMembers(...args: Parameters<AnalyticsApi['cohortMembers']>) {
    return this.call((api) => api.cohortMembers(...args));
  }

  /** Whether the workspace has churn data (a churn flag, subscriptions, dated orders or cancellations). */
  hasChurnData(workspaceId: string) {
    return this.call((api) => api.hasChurnData(workspaceId));
  }

  /** The churn-reason audit with the workspace's saved taxonomy; null when a newer job superseded this one. */
  churnAudit(request: ChurnAuditRequest) {
    return this.call((api) => api.churnAudit(request));
  }

  /** The customer ids behind one bar of the audit (the same request the audit came from). */
  churnMembers(request: ChurnAuditRequest, query: ChurnMembersQuery) {
    return this.call((api) => api.churnMembers(request, query));
  }

  /** One taxonomy edit (merge, rename, split, avoidable), saved with the workspace; returns the new edits. */
  editReasons(workspaceId: string, edit: ReasonEdit, originals: readonly string[]) {
    return this.call((api) => api.editReasons(workspaceId, edit, originals));
  }

  /** Back to the built-in taxonomy (a new version). */
  resetReasons(workspaceId: string) {
    return this.call((api) => api.resetReasons(workspaceId));
  }

  /** Which churn-flag values mean churned (when the audit could not tell). */
  setChurnedValues(workspaceId: string, values: readonly string[]) {
    return this.call((api) => api.setChurnedValues(workspaceId, values));
  }

  /** Segments of one attribute side by side; null when superseded. */
  segmentComparison(request: SegmentRequest) {
    return this.call((api) => api.segmentComparison(request));
  }

  /** The CLV report of a workspace (margin from its settings); null when a newer job superseded this one. */
  clvReport(request: ClvRequest) {
    return this.call((api) => api.clvReport(request));
  }

  /** The customer ids behind a CLV list, an RFM group or a segment bar (the same request the report came from). */
  clvMembers(request: ClvRequest, query: ClvMembersQuery) {
    return this.call((api) => api.clvMembers(request, query));
  }

  /** Which of the satisfaction, referral and returning-vs-new reports the workspace has data for. */
  satisfactionData(workspaceId: string) {
    return this.call((api) => api.satisfactionData(workspaceId));
  }

  /** NPS / CSAT, trend, touchpoints, segments, churn by NPS group, recent detractors; null when superseded. */
  satisfactionReport(request: SatisfactionRequest) {
    return this.call((api) => api.satisfactionReport(request));
  }

  /** The referral programme: rate, conversion, referred vs other, top referrers; null when superseded. */
  referralReport(request: ReferralRequest) {
    return this.call((api) => api.referralReport(request));
  }

  /** Returning vs new customers per period and "returning customers spend x % more"; null when superseded. */
  returningReport(request: ReturningRequest) {
    return this.call((api) => api.returningReport(request));
  }

  /** The rows of a list (recent detractors, comment search, promoters to ask, top referrers); null when superseded. */
  satisfactionList(request: SatisfactionListRequest) {
    return this.call<SatisfactionListResult | null>((api) => api.satisfactionList(request));
  }

  /** The customer ids of a list, for an export. */
  satisfactionListIds(request: SatisfactionListRequest) {
    return this.call((api) => api.satisfactionListIds(request));
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
