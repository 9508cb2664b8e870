/**
 * The retention dashboard's state: the chosen parameters, the current report (in $state.raw: it
 * holds member lists of every customer) and the job that computes it in the worker.
 *
 * Every parameter change sends a new job with a fresh id; a result whose id is not the latest is
 * dropped here (and the worker may return null for it early). Cancel terminates the worker
 * through the analytics client; the next change starts a fresh one.
 */
import { analytics, errorCode, errorParams, isCancelled } from './analytics-client.ts';
import type { ChurnDefinition, RetentionParams, RetentionReport } from '../core/retention/report-types.ts';
import type { PeriodUnit } from '../core/retention/periods.ts';

export type RetentionSource = 'orders' | 'subscriptions';

/** Wait this long after the last change before computing (typing a window of 120 sends one job, not three). */
const DEBOUNCE_MS = 250;
/** Show the progress bar only for jobs slower than this, so fast recomputes do not flicker. */
const SHOW_PROGRESS_MS = 300;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

// Job ids grow across dashboard instances: the worker drops any job older than the newest it saw.
let lastJobId = 0;

export class RetentionDashboard {
  period = $state<PeriodUnit>('month');
  /** ISO days; '' = the data's own first / last day. */
  from = $state('');
  to = $state('');
  windowDays = $state(90);
  definition = $state<ChurnDefinition>('A');
  /** undefined = let the report choose (subscriptions when there are any). */
  source = $state<RetentionSource | undefined>(undefined);

  report = $state.raw<RetentionReport | null>(null);
  busy = $state(false);
  /** True once a busy job has run long enough to deserve a progress bar. */
  slow = $state(false);
  elapsedMs = $state(0);
  /** Steps of the report pipeline done / total, as the worker reports them (0 / 0 until the first). */
  done = $state(0);
  total = $state(0);
  error = $state<string | null>(null);
  /** The error's code when it is a limit the user can act on ('too-many-periods'), with its params. */
  errorCode = $state<string | null>(null);
  errorParams = $state.raw<Readonly<Record<string, string | number>>>({});
  cancelled = $state(false);

  #job = 0;
  #debounce: ReturnType<typeof setTimeout> | undefined;
  #ticker: ReturnType<typeof setInterval> | undefined;

  constructor(windowDays: number) {
    if (Number.isFinite(windowDays) && windowDays >= 1) this.windowDays = Math.round(windowDays);
  }

  /** The parameters as the worker wants them (plain data; invalid inputs fall back to defaults). */
  get params(): RetentionParams {
    const p: RetentionParams = { period: this.period, windowDays: this.validWindow ? this.windowDays : 90, definition: this.definition };
    if (ISO_DAY.test(this.from)) p.from = this.from;
    if (ISO_DAY.test(this.to)) p.to = this.to;
    if (this.source) p.source = this.source;
    return p;
  }

  get validWindow(): boolean {
    return Number.isInteger(this.windowDays) && this.windowDays >= 1 && this.windowDays <= 3650;
  }

  get rangeInvalid(): boolean {
    return ISO_DAY.test(this.from) && ISO_DAY.test(this.to) && this.from > this.to;
  }

  /** Schedules a recomputation (debounced); call from an $effect that reads the parameters. */
  request(workspaceId: string, params: RetentionParams = this.params): void {
    clearTimeout(this.#debounce);
    const job = (this.#job = ++lastJobId);
    this.#debounce = setTimeout(() => void this.#run(workspaceId, params, job), DEBOUNCE_MS);
  }

  async #run(workspaceId: string, params: RetentionParams, job: number): Promise<void> {
    if (job !== this.#job) return;
    this.busy = true;
    this.slow = false;
    this.cancelled = false;
    this.error = null;
    this.errorCode = null;
    this.done = 0;
    this.total = 0;
    this.#startTicker();
    try {
      const onProgress = (done: number, total: number) => {
        if (job !== this.#job) return;
        this.done = done;
        this.total = total;
      };
      const result = await analytics.retention(workspaceId, params, job, onProgress);
      // Superseded: a newer job owns the screen (or the worker said so with null).
      if (job !== this.#job || result === null) return;
      this.report = result;
    } catch (e) {
      if (job !== this.#job) return;
      if (isCancelled(e)) this.cancelled = true;
      else {
        this.error = e instanceof Error ? e.message : String(e);
        this.errorCode = errorCode(e) ?? null;
        this.errorParams = errorParams(e) ?? {};
      }
    } finally {
      if (job === this.#job) this.#finish();
    }
  }

  /** Stops the running computation; the last report stays on screen. */
  cancel(): void {
    clearTimeout(this.#debounce);
    if (!this.busy) return;
    this.#job = ++lastJobId;
    analytics.cancel();
    this.cancelled = true;
    this.#finish();
  }

  /** Runs the current parameters again (after a cancel or an error). */
  retry(workspaceId: string): void {
    this.request(workspaceId);
  }

  dispose(): void {
    clearTimeout(this.#debounce);
    this.#job = ++lastJobId;
    this.#finish();
  }

  #startTicker(): void {
    clearInterval(this.#ticker);
    const started = performance.now();
    this.elapsedMs = 0;
    this.#ticker = setInterval(() => {
      this.elapsedMs = performance.now() - started;
      if (this.elapsedMs >= SHOW_PROGRESS_MS) this.slow = true;
    }, 100);
  }

  #finish(): void {
    clearInterval(this.#ticker);
    this.busy = false;
    this.slow = false;
  }
}
