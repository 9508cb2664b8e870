/**
 * The retention dashboard's state: the chosen parameters, the current report's figures (in
 * $state.raw; the customers behind them stay in the worker until a receipt lists them) and the
 * job that computes it in the worker.
 *
 * Every parameter change sends a new job with a fresh id; a result whose id is not the latest is
 * dropped here (and the worker may return null for it early). Cancel terminates the worker
 * through the analytics client; the next change starts a fresh one.
 *
 * W and the controls are remembered per workspace (issue #8): the dashboard starts from the
 * workspace settings (`windowDays`, null = the suggested W; `retention`, the controls) and
 * writes every change back. While W is left to the data, a report computed with another W than
 * the one it suggests is not shown: it is computed again with the suggestion.
 */
import { analytics, errorCode, errorParams, isCancelled } from './analytics-client.ts';
import { nextJobId } from './job-id.ts';
import { settingsOf, MAX_WINDOW_DAYS } from '../storage/workspaces.ts';
import type { RetentionControls, WorkspaceSettings } from '../storage/entities.ts';
import type { ChurnDefinition, RetentionParams } from '../core/retention/report-types.ts';
import type { RetentionFigures } from './types.ts';
import type { PeriodUnit } from '../core/retention/periods.ts';

export type RetentionSource = 'orders' | 'subscriptions';

/** Wait this long after the last change before computing (typing a window of 120 sends one job, not three). */
const DEBOUNCE_MS = 250;
/** Show the progress bar only for jobs slower than this, so fast recomputes do not flicker. */
const SHOW_PROGRESS_MS = 300;
/** The W of a report computed before the data's suggestion is known (the core's own default). */
const FALLBACK_WINDOW = 90;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

// Job ids grow across dashboard instances: the worker drops any job older than the newest it saw.

/** A job id for a retention report asked for by another page (the CLV what-if): it must outgrow this page's ids too. */
export function nextRetentionJobId(): number {
  return nextJobId();
}

/** What the retention page remembers per workspace: W (null = the suggestion) and the controls. */
export interface SavedRetention {
  readonly windowDays: number | null;
  readonly controls: RetentionControls;
}

/**
 * This session's latest choices per workspace, ahead of the stored settings: a write goes
 * through the worker and may land after the user has already left the page and come back.
 */
// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a cache read when a dashboard starts, not state
const session = new Map<string, SavedRetention>();
/** The W suggested from each workspace's orders, as the latest orders report said. */
// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a cache read when a dashboard starts, not state
const suggestions = new Map<string, number>();

/** The retention choices of a workspace: this session's latest, else its stored settings. */
export function savedRetention(workspaceId: string, settings: WorkspaceSettings): SavedRetention {
  const s = settingsOf(settings);
  return session.get(workspaceId) ?? { windowDays: s.windowDays, controls: s.retention };
}

/**
 * Remembers W and/or the controls for a workspace (this session at once, the workspace settings
 * through the worker). Resolves when stored; a failed write is reported to the caller.
 */
export async function saveRetention(workspaceId: string, settings: WorkspaceSettings, patch: Partial<SavedRetention>): Promise<void> {
  const now = savedRetention(workspaceId, settings);
  const next: SavedRetention = { windowDays: patch.windowDays !== undefined ? patch.windowDays : now.windowDays, controls: patch.controls ?? now.controls };
  session.set(workspaceId, next);
  await analytics.updateWorkspaceSettings({ workspaceId, patch: { windowDays: next.windowDays, retention: next.controls } });
}

/** The last W suggested for a workspace's orders in this session, or undefined. */
export function knownSuggestion(workspaceId: string): number | undefined {
  return suggestions.get(workspaceId);
}

/**
 * The W suggested from a workspace's orders (read off the repurchase curve by the report):
 * known from this session's reports, else computed with a yearly orders report in the worker.
 * null when the workspace has no orders to suggest from.
 */
export async function suggestedWindowOf(workspaceId: string): Promise<number | null> {
  const known = suggestions.get(workspaceId);
  if (known !== undefined) return known;
  try {
    const report = await analytics.retention({ workspaceId, params: { period: 'year', windowDays: FALLBACK_WINDOW, source: 'orders' }, jobId: nextJobId() });
    if (!report?.window) return null;
    suggestions.set(workspaceId, report.window.suggested);
    return report.window.suggested;
  } catch {
    return null; // no orders (or no data yet): nothing to suggest from
  }
}

const sameControls = (a: SavedRetention, b: SavedRetention): boolean =>
  a.windowDays === b.windowDays && (Object.keys(a.controls) as (keyof RetentionControls)[]).every((k) => a.controls[k] === b.controls[k]);

export class RetentionDashboard {
  readonly workspaceId: string;
  period = $state<PeriodUnit>('month');
  /** ISO days; '' = the data's own first / last day. */
  from = $state('');
  to = $state('');
  /**
   * The W the user chose; null = the suggested W (read off the repurchase curve by the report),
   * NaN while the typed text is not a whole number.
   */
  windowChoice = $state<number | null>(null);
  /** The suggested W, once an orders report has said it; null before. */
  suggested = $state<number | null>(null);
  definition = $state<ChurnDefinition>('A');
  /** undefined = let the report choose (subscriptions when there are any). */
  source = $state<RetentionSource | undefined>(undefined);

  report = $state.raw<RetentionFigures | null>(null);
  /** The parameters `report` was computed with. */
  shownParams = $state.raw<RetentionParams | null>(null);
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
  #settings: WorkspaceSettings;
  /** What the workspace has stored (or this session has sent) for it, to write only changes. */
  #saved: SavedRetention;

  /** A dashboard for one workspace, starting from its remembered W and controls. */
  constructor(workspaceId: string, settings: WorkspaceSettings) {
    this.workspaceId = workspaceId;
    this.#settings = settings;
    const saved = (this.#saved = savedRetention(workspaceId, settings));
    const c = saved.controls;
    this.period = c.period;
    this.from = c.from;
    this.to = c.to;
    this.definition = c.definition;
    this.source = c.source ?? undefined;
    const w = saved.windowDays;
    if (w !== null && Number.isInteger(w) && w >= 1 && w <= MAX_WINDOW_DAYS) this.windowChoice = w;
    this.suggested = suggestions.get(workspaceId) ?? null;
  }

  /** The W in force: the user's choice, else the suggestion, else 90 until the suggestion is known. */
  get windowDays(): number {
    return this.windowChoice ?? this.suggested ?? FALLBACK_WINDOW;
  }

  /** True when W is the data's suggestion (not a number the user chose). */
  get windowSuggested(): boolean {
    return this.windowChoice === null;
  }

  /** The user typed a W (NaN = not a whole number yet). */
  chooseWindow(days: number): void {
    this.windowChoice = days;
  }

  /** Back to the suggested W (and follow it when the data changes). */
  useSuggestion(): void {
    this.windowChoice = null;
  }

  /** The latest stored settings of the workspace (they change when another page writes them). */
  set settings(settings: WorkspaceSettings) {
    this.#settings = settings;
  }

  /** The parameters as the worker wants them (plain data; invalid inputs fall back to defaults). */
  get params(): RetentionParams {
    const p: RetentionParams = { period: this.period, windowDays: this.validWindow ? this.windowDays : FALLBACK_WINDOW, definition: this.definition };
    if (ISO_DAY.test(this.from)) p.from = this.from;
    if (ISO_DAY.test(this.to)) p.to = this.to;
    if (this.source) p.source = this.source;
    return p;
  }

  get validWindow(): boolean {
    return Number.isInteger(this.windowDays) && this.windowDays >= 1 && this.windowDays <= MAX_WINDOW_DAYS;
  }

  get rangeInvalid(): boolean {
    return ISO_DAY.test(this.from) && ISO_DAY.test(this.to) && this.from > this.to;
  }

  /** The choices to remember, as they stand. */
  get choices(): SavedRetention {
    return {
      windowDays: this.windowChoice,
      controls: { source: this.source ?? null, period: this.period, from: ISO_DAY.test(this.from) ? this.from : '', to: ISO_DAY.test(this.to) ? this.to : '', definition: this.definition },
    };
  }

  /** Stores the choices in the workspace settings when they changed (valid ones only). */
  #remember(): void {
    if (this.rangeInvalid || (!this.validWindow && this.windowChoice !== null)) return;
    const next = this.choices;
    if (sameControls(next, this.#saved)) return;
    this.#saved = next;
    // Not fatal: the choices still hold for this session, and the next change writes again.
    saveRetention(this.workspaceId, this.#settings, next).catch(() => {});
  }

  /** Schedules a recomputation (debounced); call from an $effect that reads the parameters. */
  request(workspaceId: string, params: RetentionParams = this.params): void {
    clearTimeout(this.#debounce);
    const job = (this.#job = nextJobId());
    this.#debounce = setTimeout(() => {
      this.#remember();
      void this.#run(workspaceId, params, job);
    }, DEBOUNCE_MS);
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
    let handedOver = false;
    try {
      const onProgress = (done: number, total: number) => {
        if (job !== this.#job) return;
        this.done = done;
        this.total = total;
      };
      const result = await analytics.retention({ workspaceId, params, jobId: job }, onProgress);
      // Superseded: a newer job owns the screen (or the worker said so with null).
      if (job !== this.#job || result === null) return;
      if (result.window) {
        const suggested = result.window.suggested;
        suggestions.set(workspaceId, suggested);
        // W is left to the data and this report used another one (the suggestion was not known
        // yet, or new data moved it): compute again with the suggestion instead of showing it.
        if (this.windowChoice === null && result.params.windowDays !== suggested && this.suggested !== suggested) {
          handedOver = true;
          this.suggested = suggested; // the page's effect sees new params and asks again
          return;
        }
      }
      this.report = result;
      this.shownParams = params;
    } catch (e) {
      if (job !== this.#job) return;
      if (isCancelled(e)) this.cancelled = true;
      else {
        this.error = e instanceof Error ? e.message : String(e);
        this.errorCode = errorCode(e) ?? null;
        this.errorParams = errorParams(e) ?? {};
      }
    } finally {
      if (job === this.#job && !handedOver) this.#finish();
    }
  }

  /** Stops the running computation; the last report stays on screen. */
  cancel(): void {
    clearTimeout(this.#debounce);
    if (!this.busy) return;
    this.#job = nextJobId();
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
    this.#remember();
    this.#job = nextJobId();
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
