/**
 * The churn audit page's job (src/lib/churn.svelte.ts): W from the workspace settings the
 * retention page writes (the user's choice, else the data's suggestion), superseded results
 * dropped, an edit saved with the audit's originals and the audit computed again, and the
 * segments' retention parameters as the retention page sends them. The worker is a stub here.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChurnAuditRequest, ChurnAuditResult, ReasonEdit, SegmentRequest, WorkspaceSettings } from '../../../src/lib/types.ts';
import { ChurnAuditJob, SegmentJob, retentionParamsOf, windowOf } from '../../../src/lib/churn.svelte.ts';

const calls = vi.hoisted(() => ({
  audits: [] as ChurnAuditRequest[],
  edits: [] as { id: string; edit: ReasonEdit; originals: readonly string[] }[],
  segments: [] as SegmentRequest[],
  retention: 0,
  /** Resolvers of audits held back by a test (to finish them out of order). */
  held: [] as (() => void)[],
  hold: false,
}));

vi.mock('../../../src/lib/analytics-client.ts', () => ({
  analytics: {
    hasChurnData: async () => true,
    churnAudit: async (req: ChurnAuditRequest): Promise<ChurnAuditResult> => {
      calls.audits.push(req);
      if (calls.hold) await new Promise<void>((resolve) => calls.held.push(resolve));
      return { audit: { taxonomyVersion: req.jobId, originals: ['Price', 'Cost'] }, headers: {}, edits: {} } as unknown as ChurnAuditResult;
    },
    editReasons: async ({ workspaceId: id, edit, originals }: { workspaceId: string; edit: ReasonEdit; originals: readonly string[] }) => {
      calls.edits.push({ id, edit, originals });
      return {};
    },
    segmentComparison: async (req: SegmentRequest) => {
      calls.segments.push(req);
      return { key: req.key, segments: [] };
    },
    // The suggestion of W comes from a yearly orders report (retention.svelte.ts).
    retention: async () => {
      calls.retention++;
      return { window: { suggested: 61 } };
    },
    updateWorkspaceSettings: async () => ({}),
    cancel: () => {},
  },
  errorCode: () => undefined,
  errorParams: () => undefined,
  isCancelled: () => false,
}));

const SETTINGS: WorkspaceSettings = { currency: 'EUR', grossMargin: 1, windowDays: null, locale: 'en' };

beforeEach(() => {
  calls.audits.length = 0;
  calls.edits.length = 0;
  calls.segments.length = 0;
  calls.held.length = 0;
  calls.hold = false;
});

describe('churn audit job', () => {
  it('W is the chosen one, else the data’s suggestion (asked once per workspace)', async () => {
    await expect(windowOf('ws-1', { ...SETTINGS, windowDays: 30 })).resolves.toEqual({ days: 30, suggested: false });
    await expect(windowOf('ws-1', SETTINGS)).resolves.toEqual({ days: 61, suggested: true });
    await expect(windowOf('ws-1', SETTINGS)).resolves.toEqual({ days: 61, suggested: true });
    expect(calls.retention).toBe(1);
  });

  it('loads the audit with W and the trend period, and drops a superseded result', async () => {
    const job = new ChurnAuditJob('ws-1', SETTINGS);
    await job.load();
    expect(calls.audits).toHaveLength(1);
    expect(calls.audits[0]).toMatchObject({ workspaceId: 'ws-1', windowDays: 61, period: 'month' });
    const first = calls.audits[0].jobId;
    expect(job.result?.audit.taxonomyVersion).toBe(first);
    // Two recomputes in flight; the older finishes last and must not reach the screen.
    calls.hold = true;
    job.period = 'quarter';
    const older = job.refresh();
    const newer = job.refresh();
    await vi.waitFor(() => expect(calls.held).toHaveLength(2));
    calls.held[1]();
    await newer;
    calls.held[0]();
    await older;
    expect(calls.audits[2].period).toBe('quarter');
    expect(job.result?.audit.taxonomyVersion).toBe(calls.audits[2].jobId);
    expect(job.shownRequest?.jobId).toBe(calls.audits[2].jobId);
    expect(job.job.busy).toBe(false);
    job.dispose();
  });

  it('an edit is saved with the audit’s originals, then the audit is computed again', async () => {
    const job = new ChurnAuditJob('ws-1', SETTINGS);
    await job.load();
    const edit: ReasonEdit = { op: 'merge', from: ['Price', 'Cost'], to: 'Price' };
    await expect(job.edit(edit)).resolves.toBe(true);
    expect(calls.edits).toEqual([{ id: 'ws-1', edit, originals: ['Price', 'Cost'] }]);
    expect(calls.audits).toHaveLength(2);
    job.dispose();
  });
});

describe('segments', () => {
  it('splits the retention report the retention page shows: its period, range, source and W', async () => {
    const settings: WorkspaceSettings = { ...SETTINGS, windowDays: 45, retention: { source: 'orders', period: 'quarter', from: '2024-01-01', to: '', definition: 'B' } };
    const params = retentionParamsOf('ws-2', settings, 45);
    expect(params).toEqual({ period: 'quarter', windowDays: 45, definition: 'B', from: '2024-01-01', source: 'orders' });
    const seg = new SegmentJob('ws-2');
    await seg.compare('plan', params);
    expect(calls.segments).toEqual([{ workspaceId: 'ws-2', key: 'plan', params, jobId: expect.any(Number) }]);
    expect(seg.result?.key).toBe('plan');
    expect(seg.shownBy).toBe('plan');
    seg.dispose();
  });

  it('sends a filter as plain conditions (no key), and remembers what the result on screen was computed for', async () => {
    const params = retentionParamsOf('ws-3', SETTINGS, 90);
    const seg = new SegmentJob('ws-3');
    const filter = [
      { key: 'plan', values: ['Basic'] },
      { key: 'acquisition_channel', values: ['Paid search', 'Social'] },
    ];
    await seg.compare(filter, params);
    expect(calls.segments).toEqual([{ workspaceId: 'ws-3', key: '', filter, params, jobId: expect.any(Number) }]);
    // Copies: a page's reactive arrays never cross to the worker.
    expect(calls.segments[0].filter).not.toBe(filter);
    expect(seg.key).toBe(null);
    expect(seg.shownBy).toBe(filter);
    seg.dispose();
  });
});
