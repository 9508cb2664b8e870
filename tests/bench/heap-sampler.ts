/**
 * Samples the JS heap of the page and of every worker (dedicated workers have no
 * performance.memory) through the browser's DevTools protocol: attaches to each page/worker
 * target and polls Runtime.getHeapUsage. `usedSize` is the V8 heap; ArrayBuffer backing stores
 * (file bytes, typed-array columns) are outside it.
 */
import type { Browser, CDPSession } from 'playwright-core';

interface Attached {
  readonly sessionId: string;
  readonly type: string;
  readonly url: string;
}

export class HeapSampler {
  private session!: CDPSession;
  private readonly attached = new Map<string, Attached>();
  private readonly pending = new Map<number, (result: unknown) => void>();
  private nextId = 0;
  private timer: NodeJS.Timeout | undefined;
  private busy = false;
  private peakBytes = 0;

  static async start(browser: Browser): Promise<HeapSampler> {
    const s = new HeapSampler();
    s.session = await browser.newBrowserCDPSession();
    s.session.on('Target.receivedMessageFromTarget', (e: { message: string }) => {
      const m = JSON.parse(e.message) as { id?: number; result?: unknown; error?: unknown };
      if (m.id !== undefined) {
        s.pending.get(m.id)?.(m.error ? undefined : m.result);
        s.pending.delete(m.id);
      }
    });
    s.session.on('Target.detachedFromTarget', (e: { sessionId: string }) => {
      for (const [id, a] of s.attached) if (a.sessionId === e.sessionId) s.attached.delete(id);
    });
    return s;
  }

  private ask(sessionId: string, method: string, timeoutMs = 2000): Promise<unknown> {
    const id = ++this.nextId;
    return new Promise((ok) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        ok(undefined);
      }, timeoutMs);
      this.pending.set(id, (r) => {
        clearTimeout(timer);
        ok(r);
      });
      this.session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) }).catch(() => ok(undefined));
    });
  }

  /** Attaches to page and worker targets not attached yet. */
  async refresh(): Promise<void> {
    const { targetInfos } = await this.session.send('Target.getTargets');
    for (const t of targetInfos) {
      if ((t.type !== 'page' && t.type !== 'worker') || this.attached.has(t.targetId)) continue;
      try {
        const { sessionId } = await this.session.send('Target.attachToTarget', { targetId: t.targetId, flatten: false });
        this.attached.set(t.targetId, { sessionId, type: t.type, url: t.url });
      } catch {
        // target went away
      }
    }
  }

  /** Current used JS heap, summed over the attached targets, in bytes. */
  async usedNow(): Promise<number> {
    let sum = 0;
    for (const a of this.attached.values()) {
      const r = (await this.ask(a.sessionId, 'Runtime.getHeapUsage')) as { usedSize?: number } | undefined;
      sum += r?.usedSize ?? 0;
    }
    return sum;
  }

  async collectGarbage(): Promise<void> {
    await this.refresh();
    for (const a of this.attached.values()) await this.ask(a.sessionId, 'HeapProfiler.collectGarbage', 10_000);
  }

  /** Starts polling every `ms`; the peak is reset. */
  async begin(ms = 100): Promise<void> {
    await this.refresh();
    this.peakBytes = 0;
    this.timer = setInterval(() => {
      if (this.busy) return;
      this.busy = true;
      void this.usedNow()
        .then((b) => {
          this.peakBytes = Math.max(this.peakBytes, b);
        })
        .finally(() => {
          this.busy = false;
        });
    }, ms);
  }

  /** Stops polling and returns the peak in bytes. */
  async end(): Promise<number> {
    clearInterval(this.timer);
    this.peakBytes = Math.max(this.peakBytes, await this.usedNow());
    return this.peakBytes;
  }

  async dispose(): Promise<void> {
    clearInterval(this.timer);
    await this.session.detach().catch(() => {});
  }
}
