/**
 * The retention dashboard's memory (issue #8): W is the data's suggestion until the user
 * chooses one, a report computed with another W is recomputed with the suggestion instead of
 * shown, and every choice is written to the workspace settings (and read back by the next
 * dashboard of the workspace, also before the write has landed). The worker is a stub here.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RetentionParams, RetentionReport } from '../../../src/core/retention/report-types.ts';
import type { WorkspaceSettings } from '../../../src/storage/entities.ts';
import { RetentionDashboard, knownSuggestion, savedRetention } from '../../../src/lib/retention.svelte.ts';

const calls = vi.hoisted(() => ({
  retention: [] as RetentionParams[],
  settings: [] as { id: string; patch: Partial<WorkspaceSettings> }[],
}));

vi.mock('../../../src/lib/analytics-client.ts', () => ({
  analytics: {
    retention: async ({ params }: { params: RetentionParams }): Promise<RetentionReport> => {
      calls.retention.push(params);
      return fakeReport(params);
    },
    updateWorkspaceSettings: async ({ workspaceId: id, patch }: { workspaceId: string; patch: Partial<WorkspaceSettings> }) => {
      calls.settings.push({ id, patch });
      return {};
    },
  },
  errorCode: () => undefined,
  errorParams: () => undefined,
  isCancelled: () => false,
}));

/** An orders report whose data suggest W = 77, computed with `params`. */
function fakeReport(params: RetentionParams): RetentionReport {
  return {
    source: params.source ?? 'orders',
    params: { ...params, from: '', to: '', definition: params.definition ?? 'A', source: params.source ?? 'orders', sbgCohort: null },
    window: { used: params.windowDays, suggested: 77 },
  } as unknown as RetentionReport;
}

/** A workspace stored before issue #8: W = 90 (the old default) and no retention controls. */
const LEGACY: WorkspaceSettings = { currency: 'EUR', grossMargin: 1, windowDays: 90, locale: 'en' };

/** Lets the debounced job run and its promise settle. */
async function settle(): Promise<void> {
  await vi.advanceTimersByTimeAsync(300);
  await vi.advanceTimersByTimeAsync(0);
}

beforeEach(() => {
  vi.useFakeTimers();
  calls.retention.length = 0;
  calls.settings.length = 0;
});
afterEach(() => {
  vi.useRealTimers();
});

describe('retention dashboard: W and the remembered controls', () => {
  it('starts from the suggestion, and recomputes a report made with another W instead of showing it', async () => {
    const view = new RetentionDashboard('ws-a', LEGACY);
    expect(view.windowSuggested).toBe(true);
    expect(view.windowDays).toBe(90); // nothing suggested yet: the core's default for the first job
    view.request('ws-a');
    await settle();
    expect(calls.retention.map((p) => p.windowDays)).toEqual([90]);
    // Not shown: computed with 90 while the data suggest 77.
    expect(view.report).toBeNull();
    expect(view.busy).toBe(true);
    expect(view.suggested).toBe(77);
    expect(view.windowDays).toBe(77);
    expect(knownSuggestion('ws-a')).toBe(77);
    // The page's effect asks again with the new params.
    view.request('ws-a');
    await settle();
    expect(calls.retention.map((p) => p.windowDays)).toEqual([90, 77]);
    expect(view.report?.params.windowDays).toBe(77);
    expect(view.busy).toBe(false);
    // Nothing was chosen: nothing written.
    expect(calls.settings).toEqual([]);
    view.dispose();
  });

  it('a second dashboard of the workspace starts with the known suggestion: one job, no recompute', async () => {
    const view = new RetentionDashboard('ws-a', LEGACY);
    expect(view.windowDays).toBe(77);
    view.request('ws-a');
    await settle();
    expect(calls.retention.map((p) => p.windowDays)).toEqual([77]);
    expect(view.report).not.toBeNull();
    view.dispose();
  });

  it('writes a chosen W and the controls to the workspace settings, once per change', async () => {
    const view = new RetentionDashboard('ws-b', LEGACY);
    view.chooseWindow(30);
    view.period = 'quarter';
    view.source = 'orders';
    view.request('ws-b');
    await settle();
    expect(calls.settings).toEqual([
      { id: 'ws-b', patch: { windowDays: 30, retention: { source: 'orders', period: 'quarter', from: '', to: '', definition: 'A' } } },
    ]);
    // A chosen W is used as it is, even when the data suggest another.
    expect(view.report?.params.windowDays).toBe(30);
    // The same choices again (a new import recomputes): no second write.
    view.request('ws-b');
    await settle();
    expect(calls.settings).toHaveLength(1);
    // Invalid input is neither computed nor stored.
    view.chooseWindow(Number.NaN);
    expect(view.validWindow).toBe(false);
    view.dispose();
    expect(calls.settings).toHaveLength(1);
  });

  it('the next dashboard of the workspace starts from the choices, before the stored settings have caught up', () => {
    expect(savedRetention('ws-b', LEGACY).windowDays).toBe(30);
    const view = new RetentionDashboard('ws-b', LEGACY);
    expect(view.windowSuggested).toBe(false);
    expect(view.windowDays).toBe(30);
    expect(view.period).toBe('quarter');
    expect(view.source).toBe('orders');
    view.dispose();
  });

  it('reads stored settings of another session: a chosen W and the controls', () => {
    const stored: WorkspaceSettings = { ...LEGACY, windowDays: 45, retention: { source: 'subscriptions', period: 'year', from: '2024-01-01', to: '', definition: 'C' } };
    const view = new RetentionDashboard('ws-c', stored);
    expect(view.windowDays).toBe(45);
    expect([view.source, view.period, view.from, view.to, view.definition]).toEqual(['subscriptions', 'year', '2024-01-01', '', 'C']);
    expect(view.params).toEqual({ period: 'year', windowDays: 45, definition: 'C', from: '2024-01-01', source: 'subscriptions' });
    view.dispose();
  });

  it('"use the suggestion" stores null, so W follows the data again', async () => {
    const view = new RetentionDashboard('ws-b', LEGACY);
    view.useSuggestion();
    expect(view.windowDays).toBe(77);
    view.request('ws-b');
    await settle();
    expect(calls.settings.at(-1)?.patch.windowDays).toBeNull();
    view.dispose();
  });

  it('does not store a range whose start is after its end', async () => {
    const view = new RetentionDashboard('ws-d', LEGACY);
    view.from = '2025-06-01';
    view.to = '2025-01-01';
    expect(view.rangeInvalid).toBe(true);
    view.dispose();
    expect(calls.settings).toEqual([]);
  });
});
