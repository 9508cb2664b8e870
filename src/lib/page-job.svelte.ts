/**
 * A page job's busy / slow / cancelled / error state and its elapsed-time ticker, for the pages
 * that run one worker job at a time (churn audit, segments, satisfaction, referrals).
 */
import { isCancelled } from './analytics-client.ts';

/** A job shows a progress bar once it has run this long. */
const SHOW_PROGRESS_MS = 300;

export class PageJob {
  busy = $state(false);
  slow = $state(false);
  elapsedMs = $state(0);
  error = $state<string | null>(null);
  cancelled = $state(false);
  #ticker: ReturnType<typeof setInterval> | undefined;

  start(): void {
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

  fail(e: unknown): void {
    if (isCancelled(e)) this.cancelled = true;
    else this.error = e instanceof Error ? e.message : String(e);
  }

  finish(): void {
    clearInterval(this.#ticker);
    this.busy = false;
    this.slow = false;
  }
}
