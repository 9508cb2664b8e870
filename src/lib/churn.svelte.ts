/**
 * The churn audit and segment pages' state (issue #10): the job that computes each in the
 * worker, its result (in $state.raw: it is large and replaced whole), progress and errors.
 *
 * As on the retention page (retention.svelte.ts): every request gets a fresh job id, a result
 * whose id is not the latest is dropped here (and the worker may return null for it early), and
 * Cancel terminates the worker through the analytics client. W and the retention controls come
 * from the workspace settings the retention page writes: W = the user's choice, else the W the
 * data suggest (the same suggestion the retention page follows).
 */
import { analytics } from './analytics-client.ts';
import { nextJobId } from './job-id.ts';
import { PageJob } from './page-job.svelte.ts';
import { savedRetention, suggestedWindowOf } from './retention.svelte.ts';
import type { PeriodUnit } from '../core/retention/periods.ts';
import type { RetentionParams } from '../core/retention/report-types.ts';
import type { ChurnAuditRequest, ChurnAuditResult, ChurnMembersQuery, ReasonEdit, SegmentComparison, SegmentRequest, WorkspaceSettings } from './types.ts';

/** Show the progress bar only for jobs slower than this, so fast recomputes do not flicker. */
/** W before the data's suggestion is known, and for data with nothing to suggest from (the core's default). */
const FALLBACK_WINDOW = 90;


/**
 * The W of a workspace as the retention page uses it: the user's choice, else the suggestion
 * read off the orders' repurchase curve, else 90 days (no orders: W does not matter).
 */
export async function windowOf(workspaceId: string, settings: WorkspaceSettings): Promise<{ days: number; suggested: boolean }> {
  const chosen = savedRetention(workspaceId, settings).windowDays;
  if (chosen !== null) return { days: chosen, suggested: false };
  return { days: (await suggestedWindowOf(workspaceId)) ?? FALLBACK_WINDOW, suggested: true };
}

/** The retention parameters of a workspace as its retention page would send them (segments split that report). */
export function retentionParamsOf(workspaceId: string, settings: WorkspaceSettings, windowDays: number): RetentionParams {
  const c = savedRetention(workspaceId, settings).controls;
  const p: RetentionParams = { period: c.period, windowDays, definition: c.definition };
  if (c.from) p.from = c.from;
  if (c.to) p.to = c.to;
  if (c.source) p.source = c.source;
  return p;
}

export class ChurnAuditJob {
  readonly workspaceId: string;
  readonly job = new PageJob();
  /** null until known: whether the workspace has churn data at all. */
  hasData = $state<boolean | null>(null);
  /** The W in force (null until resolved) and whether it is the data's suggestion. */
  windowDays = $state<number | null>(null);
  windowSuggested = $state(true);
  /** Trend periods. */
  period = $state<PeriodUnit>('month');
  result = $state.raw<ChurnAuditResult | null>(null);
  /** The request `result` was computed with (the customers behind a bar come from the same one). */
  shownRequest = $state.raw<ChurnAuditRequest | null>(null);
  /** An edit of the taxonomy or the flag values is being saved. */
  saving = $state(false);
  editError = $state<string | null>(null);

  #job = 0;
  #settings: WorkspaceSettings;

  constructor(workspaceId: string, settings: WorkspaceSettings) {
    this.workspaceId = workspaceId;
    this.#settings = settings;
    this.period = savedRetention(workspaceId, settings).controls.period;
  }

  set settings(settings: WorkspaceSettings) {
    this.#settings = settings;
  }

  /** Resolves W and whether there is churn data, then computes the audit. */
  async load(): Promise<void> {
    const job = (this.#job = nextJobId());
    this.job.start();
    try {
      const [w, has] = await Promise.all([windowOf(this.workspaceId, this.#settings), analytics.hasChurnData({ workspaceId: this.workspaceId })]);
      if (job !== this.#job) return;
      this.windowDays = w.days;
      this.windowSuggested = w.suggested;
      this.hasData = has;
      if (!has) {
        this.result = null;
        return;
      }
    } catch (e) {
      if (job === this.#job) this.job.fail(e);
      if (job === this.#job) this.job.finish();
      return;
    }
    await this.#run(job);
  }

  /** Computes the audit again (after an edit, or a new trend period). */
  async refresh(): Promise<void> {
    if (this.windowDays === null || !this.hasData) return this.load();
    const job = (this.#job = nextJobId());
    this.job.start();
    await this.#run(job);
  }

  async #run(job: number): Promise<void> {
    const request: ChurnAuditRequest = { workspaceId: this.workspaceId, windowDays: this.windowDays ?? FALLBACK_WINDOW, period: this.period, jobId: job };
    try {
      const result = await analytics.churnAudit(request);
      if (job !== this.#job || result === null) return;
      this.result = result;
      this.shownRequest = request;
    } catch (e) {
      if (job === this.#job) this.job.fail(e);
    } finally {
      if (job === this.#job) this.job.finish();
    }
  }

  /** The customer ids behind one bar of the audit on screen. */
  async members(query: ChurnMembersQuery): Promise<string[]> {
    if (!this.shownRequest) return [];
    return analytics.churnMembers({ audit: this.shownRequest, query });
  }

  /** One taxonomy edit, saved with the workspace; then the audit is computed again with it. */
  async edit(edit: ReasonEdit): Promise<boolean> {
    const originals = this.result?.audit.originals ?? [];
    return this.#save(() => analytics.editReasons({ workspaceId: this.workspaceId, edit, originals }));
  }

  /** Back to the built-in taxonomy (a new version, so old exports stay distinguishable). */
  async reset(): Promise<boolean> {
    return this.#save(() => analytics.resetReasons({ workspaceId: this.workspaceId }));
  }

  /** Which flag values mean churned. */
  async setChurnedValues(values: readonly string[]): Promise<boolean> {
    return this.#save(() => analytics.setChurnedValues({ workspaceId: this.workspaceId, values }));
  }

  async #save(work: () => Promise<unknown>): Promise<boolean> {
    this.saving = true;
    this.editError = null;
    try {
      await work();
    } catch (e) {
      this.editError = e instanceof Error ? e.message : String(e);
      return false;
    } finally {
      this.saving = false;
    }
    await this.refresh();
    return true;
  }

  /** Stops the running computation; the last audit stays on screen. */
  cancel(): void {
    if (!this.job.busy) return;
    this.#job = nextJobId();
    analytics.cancel();
    this.job.cancelled = true;
    this.job.finish();
  }

  dispose(): void {
    this.#job = nextJobId();
    this.job.finish();
  }
}

/** Segments from a filter built from several attributes: every condition's attribute key and value labels. */
export type SegmentFilterSpec = readonly { readonly key: string; readonly values: readonly string[] }[];

/** What defines the segments: one attribute's key, or a filter (the customers matching it vs the rest). */
export type SegmentBy = string | SegmentFilterSpec;

export class SegmentJob {
  readonly workspaceId: string;
  readonly job = new PageJob();
  /** The attribute of the latest request (null for a filter). */
  key = $state<string | null>(null);
  result = $state.raw<SegmentComparison | null>(null);
  /** What `result` was computed for (the attribute key or the filter). */
  shownBy = $state.raw<SegmentBy | null>(null);
  #job = 0;

  constructor(workspaceId: string) {
    this.workspaceId = workspaceId;
  }

  /** Compares the segments of an attribute, or of a filter, with the retention parameters the retention page uses. */
  async compare(by: SegmentBy, params: RetentionParams): Promise<void> {
    const job = (this.#job = nextJobId());
    this.key = typeof by === 'string' ? by : null;
    this.job.start();
    const request: SegmentRequest =
      typeof by === 'string'
        ? { workspaceId: this.workspaceId, key: by, params, jobId: job }
        : { workspaceId: this.workspaceId, key: '', filter: by.map((c) => ({ key: c.key, values: [...c.values] })), params, jobId: job };
    try {
      const result = await analytics.segmentComparison(request);
      if (job !== this.#job || result === null) return;
      this.result = result;
      this.shownBy = by;
    } catch (e) {
      if (job === this.#job) this.job.fail(e);
    } finally {
      if (job === this.#job) this.job.finish();
    }
  }

  cancel(): void {
    if (!this.job.busy) return;
    this.#job = nextJobId();
    analytics.cancel();
    this.job.cancelled = true;
    this.job.finish();
  }

  dispose(): void {
    this.#job = nextJobId();
    this.job.finish();
  }
}
