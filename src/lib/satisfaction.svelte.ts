/**
 * The satisfaction and referrals pages' state (issue #12): the jobs that compute the
 * satisfaction, referral and returning-vs-new reports in the worker, the lists behind them
 * (recent detractors for another window, every comment), results in $state.raw (large, replaced
 * whole), progress, Cancel and errors.
 *
 * As on the churn page (churn.svelte.ts): every request gets a fresh job id and a result whose id
 * is not the latest is dropped; Cancel terminates the worker through the analytics client. W and
 * the period come from the retention page's settings (windowOf), so churn by NPS group and
 * referred vs other agree with the Churn and Segments pages. A workspace without the data a
 * report needs is an empty state (satisfactionData says so up front), never an error.
 */
import { analytics, errorCode, isCancelled } from './analytics-client.ts';
import { windowOf } from './churn.svelte.ts';
import { nextJobId } from './job-id.ts';
import { PageJob } from './page-job.svelte.ts';
import { savedRetention } from './retention.svelte.ts';
import type { PeriodUnit } from '../core/retention/periods.ts';
import type {
  AnswerRow,
  ClvReport,
  ClvSegment,
  ReferralReport,
  ReturningReport,
  SatisfactionData,
  SatisfactionListQuery,
  SatisfactionListRequest,
  SatisfactionReport,
  WorkspaceSettings,
} from './types.ts';

/** Show the progress bar only for jobs slower than this, so fast recomputes do not flicker. */
/** The recent-detractors windows offered (days); the report's own is 90. */
export const DETRACTOR_DAYS = [30, 90, 180, 365] as const;
const REPORT_DETRACTOR_DAYS = 90;

// The page's one job-id sequence: each worker feature keeps the largest id it saw (lib/job-id.ts).
const nextId = nextJobId;

/** Codes of the worker's "this workspace has no such data" errors (shown as empty states). */
const MISSING_DATA = new Set(['no-feedback', 'no-referrals', 'no-order-amounts']);

/** What both pages resolve first: W (the retention page's), the period, and which data the workspace has. */
abstract class ReportJob {
  readonly workspaceId: string;
  readonly job = new PageJob();
  data = $state.raw<SatisfactionData | null>(null);
  windowDays = $state<number | null>(null);
  windowSuggested = $state(true);
  period = $state<PeriodUnit>('month');
  protected current = 0;
  #settings: WorkspaceSettings;

  constructor(workspaceId: string, settings: WorkspaceSettings) {
    this.workspaceId = workspaceId;
    this.#settings = settings;
    this.period = savedRetention(workspaceId, settings).controls.period;
  }

  set settings(settings: WorkspaceSettings) {
    this.#settings = settings;
  }

  /** Resolves W and the data, then computes the reports. */
  async load(): Promise<void> {
    const job = (this.current = nextId());
    this.job.start();
    try {
      const [w, data] = await Promise.all([windowOf(this.workspaceId, this.#settings), analytics.satisfactionData({ workspaceId: this.workspaceId })]);
      if (job !== this.current) return;
      this.windowDays = w.days;
      this.windowSuggested = w.suggested;
      this.data = data;
      await this.compute(job);
    } catch (e) {
      if (job === this.current && !MISSING_DATA.has(errorCode(e) ?? '')) this.job.fail(e);
    } finally {
      if (job === this.current) this.job.finish();
    }
  }

  /** Computes again with the current controls (a new period). */
  async refresh(): Promise<void> {
    if (this.windowDays === null || this.data === null) return this.load();
    const job = (this.current = nextId());
    this.job.start();
    try {
      await this.compute(job);
    } catch (e) {
      if (job === this.current && !MISSING_DATA.has(errorCode(e) ?? '')) this.job.fail(e);
    } finally {
      if (job === this.current) this.job.finish();
    }
  }

  setPeriod(period: PeriodUnit): void {
    this.period = period;
    void this.refresh();
  }

  /** The reports of job `job`; drop results when `job !== this.current`. */
  protected abstract compute(job: number): Promise<void>;

  /** Stops the running computation; the last figures stay on screen. */
  cancel(): void {
    if (!this.job.busy) return;
    this.current = nextId();
    analytics.cancel();
    this.job.cancelled = true;
    this.job.finish();
  }

  dispose(): void {
    this.current = nextId();
    this.job.finish();
  }
}

export class SatisfactionJob extends ReportJob {
  report = $state.raw<SatisfactionReport | null>(null);
  /** The recent-detractors window; rows of other windows come from the list call. */
  detractorDays = $state<number>(REPORT_DETRACTOR_DAYS);
  /** The recent detractors of `detractorDays` (null while they are fetched). */
  detractors = $state.raw<readonly AnswerRow[] | null>(null);
  /** Every answer with a comment (for the search), loaded after the report. */
  comments = $state.raw<readonly AnswerRow[] | null>(null);
  listError = $state<string | null>(null);
  /**
   * CLV by NPS group: the CLV report's segment `derived:nps` (mean historical and predicted CLV
   * per group, the CLV page's defaults) with the report's parameters; null until computed, or
   * without orders with amounts. Computed after the satisfaction report, in the background.
   */
  clv = $state.raw<{ readonly segment: ClvSegment | null; readonly params: ClvReport['params']; readonly enoughData: boolean } | null>(null);
  clvBusy = $state(false);
  clvError = $state<string | null>(null);
  #clvJob = 0;
  /** The latest request per list: an older answer is dropped. */
  #latest = { detractors: 0, comments: 0 };
  // The worker keeps one latest id for all lists (satisfaction-api.ts): ask for one list at a time.
  #queue: Promise<unknown> = Promise.resolve();

  protected async compute(job: number): Promise<void> {
    if (!this.data?.feedback) {
      this.report = null;
      return;
    }
    const report = await analytics.satisfactionReport({
      workspaceId: this.workspaceId,
      windowDays: this.windowDays ?? 90,
      period: this.period,
      recentDays: REPORT_DETRACTOR_DAYS,
      jobId: job,
    });
    if (job !== this.current || report === null) return;
    this.report = report;
    void this.setDetractorDays(this.detractorDays);
    if (report.counts.comments > 0) {
      this.comments = null;
      void this.#fetch('comments', { list: 'comments' }).then((rows) => rows && (this.comments = rows));
    } else this.comments = [];
    if (this.clv === null && !this.clvBusy) void this.loadClv();
  }

  /** New data: the CLV by NPS group is computed again after the report. */
  override async load(): Promise<void> {
    this.#clvJob = nextId();
    this.clv = null;
    this.clvBusy = false;
    this.clvError = null;
    await super.load();
  }

  /** Computes the CLV by NPS group (after the report; again after a Cancel). */
  async loadClv(): Promise<void> {
    if (!this.data?.orderAmounts) return;
    const job = (this.#clvJob = nextId());
    this.clvBusy = true;
    this.clvError = null;
    try {
      const report = await analytics.clvReport({ workspaceId: this.workspaceId, jobId: job });
      if (job !== this.#clvJob || report === null) return;
      this.clv = { segment: report.segments.find((g) => g.key === 'derived:nps') ?? null, params: report.params, enoughData: report.enoughData };
    } catch (e) {
      if (job === this.#clvJob) this.clvError = isCancelled(e) ? null : e instanceof Error ? e.message : String(e);
    } finally {
      if (job === this.#clvJob) this.clvBusy = false;
    }
  }

  /** Stops the CLV computation (the worker is restarted; the rest of the page stays). */
  cancelClv(): void {
    if (!this.clvBusy) return;
    this.#clvJob = nextId();
    analytics.cancel();
    this.clvBusy = false;
    // The lists asked for meanwhile died with the worker: ask again.
    if (!this.report) return;
    if (this.comments === null) void this.#fetch('comments', { list: 'comments' }).then((rows) => rows && (this.comments = rows));
    if (this.detractors === null) void this.setDetractorDays(this.detractorDays);
  }

  /** The recent detractors of another window (the report's own 90 days need no call). */
  async setDetractorDays(days: number): Promise<void> {
    this.detractorDays = days;
    if (!this.report) return;
    if (days === REPORT_DETRACTOR_DAYS) {
      this.#latest.detractors++;
      this.detractors = this.report.recentDetractors.rows;
      return;
    }
    this.detractors = null;
    const rows = await this.#fetch('detractors', { list: 'recent-detractors', days });
    if (rows) this.detractors = rows;
  }

  /** One list's rows (null when a newer call for the same list, or a failure, replaced it). */
  #fetch(which: 'detractors' | 'comments', query: SatisfactionListQuery): Promise<AnswerRow[] | null> {
    const mine = ++this.#latest[which];
    const run = async (): Promise<AnswerRow[] | null> => {
      if (mine !== this.#latest[which]) return null;
      this.listError = null;
      const request: SatisfactionListRequest = { workspaceId: this.workspaceId, windowDays: this.windowDays ?? 90, query, jobId: nextId() };
      try {
        const result = await analytics.satisfactionList(request);
        if (mine !== this.#latest[which] || !result || (result.list !== 'recent-detractors' && result.list !== 'comments')) return null;
        return [...result.rows];
      } catch (e) {
        if (mine === this.#latest[which] && !isCancelled(e)) this.listError = e instanceof Error ? e.message : String(e);
        return null;
      }
    };
    const next = this.#queue.then(run, run);
    this.#queue = next.catch(() => undefined);
    return next;
  }
}

export class ReferralsJob extends ReportJob {
  referral = $state.raw<ReferralReport | null>(null);
  returning = $state.raw<ReturningReport | null>(null);

  protected async compute(job: number): Promise<void> {
    const data = this.data;
    if (!data?.referrals) this.referral = null;
    else {
      const referral = await analytics.referralReport({ workspaceId: this.workspaceId, windowDays: this.windowDays ?? 90, period: this.period, jobId: job });
      if (job !== this.current) return;
      if (referral) this.referral = referral;
    }
    if (!data?.orderAmounts) this.returning = null;
    else {
      const returning = await analytics.returningReport({ workspaceId: this.workspaceId, period: this.period, jobId: nextId() });
      if (job !== this.current) return;
      if (returning) this.returning = returning;
    }
  }
}
