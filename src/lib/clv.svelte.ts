/**
 * The CLV page's state (issue #11): the controls (horizon, yearly discount rate, the simple
 * CLV's trailing window, an optional hold-out), the job that computes the CLV report in the
 * worker, its result (in $state.raw: per-customer typed arrays, replaced whole), progress and
 * errors.
 *
 * As on the churn page (churn.svelte.ts): every request gets a fresh job id, a result whose id
 * is not the latest is dropped here (and the worker returns null for it early), Cancel
 * terminates the worker through the analytics client. Control changes are debounced, so typing
 * a horizon of 24 sends one job, not two.
 */
import { analytics, isCancelled } from './analytics-client.ts';
import { nextJobId } from './job-id.ts';
import { windowOf } from './churn.svelte.ts';
import { nextRetentionJobId } from './retention.svelte.ts';
import { ordersBasis, subscriptionBasis, type WhatIfBasis } from './clv-what-if.ts';
import { isoToDay } from '../core/parse/date.ts';
import type { ClvMembersQuery, ClvReport, ClvRequest, WorkspaceSettings } from './types.ts';

const DEBOUNCE_MS = 250;
/** Show the progress bar only for jobs slower than this, so fast recomputes do not flicker. */
const SHOW_PROGRESS_MS = 300;

export const HORIZON_MONTHS = { min: 1, max: 120, initial: 12 } as const;
/** Yearly discount rate in percent. */
export const DISCOUNT_PERCENT = { min: 0, max: 100, initial: 10 } as const;
export const TRAILING_MONTHS = [3, 6, 12, 24] as const;
/** Hold-out lengths offered (weeks at the end of the data kept out of the fit; 0 = none). */
export const HOLDOUT_WEEKS = [0, 13, 26, 39, 52] as const;


/** Whether the controls can be sent as they are (the core throws on anything else). */
export function validHorizon(months: number): boolean {
  return Number.isInteger(months) && months >= HORIZON_MONTHS.min && months <= HORIZON_MONTHS.max;
}

export function validDiscount(percent: number): boolean {
  return Number.isFinite(percent) && percent >= DISCOUNT_PERCENT.min && percent <= DISCOUNT_PERCENT.max;
}

export class ClvJob {
  readonly workspaceId: string;
  horizonMonths = $state<number>(HORIZON_MONTHS.initial);
  discountPercent = $state<number>(DISCOUNT_PERCENT.initial);
  trailingMonths = $state<number>(6);
  holdoutWeeks = $state<number>(0);

  report = $state.raw<ClvReport | null>(null);
  /** The request `report` answered (the customers behind a bar come from the same one). */
  shownRequest = $state.raw<ClvRequest | null>(null);
  busy = $state(false);
  slow = $state(false);
  elapsedMs = $state(0);
  error = $state<string | null>(null);
  cancelled = $state(false);

  #job = 0;
  #ticker: ReturnType<typeof setInterval> | undefined;
  #debounce: ReturnType<typeof setTimeout> | undefined;

  constructor(workspaceId: string) {
    this.workspaceId = workspaceId;
  }

  /** The controls are all sendable. */
  get valid(): boolean {
    return validHorizon(this.horizonMonths) && validDiscount(this.discountPercent);
  }

  /** The request of the current controls; the hold-out needs the data's last day (known after the first report). */
  request(jobId: number): ClvRequest {
    const req: ClvRequest = {
      workspaceId: this.workspaceId,
      horizonMonths: this.horizonMonths,
      discountYearly: this.discountPercent / 100,
      trailingMonths: this.trailingMonths,
      jobId,
    };
    const lastDay = this.report?.params.lastDay;
    if (this.holdoutWeeks > 0 && lastDay !== undefined) req.calibrationEnd = lastDay - 7 * this.holdoutWeeks;
    return req;
  }

  /** Computes the report now (opening the page, new data, Retry). */
  async load(): Promise<void> {
    clearTimeout(this.#debounce);
    if (!this.valid) return;
    const job = (this.#job = nextJobId());
    this.#start();
    const req = this.request(job);
    try {
      const report = await analytics.clvReport(req);
      if (job !== this.#job || report === null) return;
      this.report = report;
      this.shownRequest = req;
    } catch (e) {
      if (job !== this.#job) return;
      if (isCancelled(e)) this.cancelled = true;
      else this.error = e instanceof Error ? e.message : String(e);
    } finally {
      if (job === this.#job) this.#finish();
    }
  }

  /** A control changed: computes again after a short pause. */
  changed(): void {
    clearTimeout(this.#debounce);
    this.#debounce = setTimeout(() => void this.load(), DEBOUNCE_MS);
  }

  /** The customer ids behind a list, an RFM group or a segment value of the report on screen. */
  async members(query: ClvMembersQuery): Promise<string[]> {
    if (!this.shownRequest) return [];
    return analytics.clvMembers({ report: this.shownRequest, query });
  }

  /** Stops the running computation; the last report stays on screen. */
  cancel(): void {
    if (!this.busy) return;
    this.#job = nextJobId();
    analytics.cancel();
    this.cancelled = true;
    this.#finish();
  }

  dispose(): void {
    clearTimeout(this.#debounce);
    this.#job = nextJobId();
    this.#finish();
  }

  #start(): void {
    this.busy = true;
    this.slow = false;
    this.cancelled = false;
    this.error = null;
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

/**
 * The what-if's figures (clv-what-if.ts): from the simple subscription CLV of the report when
 * it has a churn rate, else from the orders' monthly retention rows with the retention page's
 * W (a retention report in the worker, asked for once per CLV report).
 */
export class WhatIfSource {
  readonly workspaceId: string;
  basis = $state.raw<WhatIfBasis | null>(null);
  /** W of the orders basis (null for subscriptions). */
  windowDays = $state<number | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);
  #job = 0;

  constructor(workspaceId: string) {
    this.workspaceId = workspaceId;
  }

  async load(report: ClvReport, settings: WorkspaceSettings): Promise<void> {
    const job = ++this.#job;
    this.error = null;
    const subs = report.simple ? subscriptionBasis(report.simple) : null;
    if (subs || report.perCustomer.revenue.length === 0) {
      this.basis = subs;
      this.windowDays = null;
      this.loading = false;
      return;
    }
    this.loading = true;
    try {
      const w = await windowOf(this.workspaceId, settings);
      const rr = await analytics.retention({ workspaceId: this.workspaceId, params: { period: 'month', windowDays: w.days, source: 'orders', definition: 'A' }, jobId: nextRetentionJobId() });
      if (job !== this.#job || rr === null) return;
      this.basis = ordersBasis(rr.periods, rr.kpis.customersNow.value, report.params.trailingMonths, isoToDay);
      this.windowDays = w.days;
    } catch (e) {
      if (job === this.#job && !isCancelled(e)) this.error = e instanceof Error ? e.message : String(e);
    } finally {
      if (job === this.#job) this.loading = false;
    }
  }

  dispose(): void {
    this.#job++;
  }
}
