import { describe, expect, it } from 'vitest';
import { LatestJob, WorkspaceTableCache, yieldToMessages, type WorkspaceTables } from '../../../src/worker/workspace-cache.ts';

describe('WorkspaceTableCache', () => {
  it('loads a workspace once, shares the load, and loads again after invalidate', async () => {
    const loads: string[] = [];
    const cache = new WorkspaceTableCache(async (id) => {
      loads.push(id);
      return { orders: { length: loads.length, columns: {} } } satisfies WorkspaceTables;
    });
    const [a, b] = await Promise.all([cache.get('w1'), cache.get('w1')]);
    expect(a).toBe(b);
    expect(loads).toEqual(['w1']);
    await cache.get('w2');
    cache.invalidate('w1');
    expect(cache.has('w1')).toBe(false);
    expect(cache.has('w2')).toBe(true);
    expect((await cache.get('w1')).orders?.length).toBe(3);
    cache.invalidate();
    expect([cache.has('w1'), cache.has('w2')]).toEqual([false, false]);
  });
  it('builds the customer table once per load and anew after invalidate', async () => {
    const ids = (list: string[]) => ({ type: 'dict' as const, dict: list, codes: Uint32Array.from(list, (_, i) => i) });
    let n = 0;
    const cache = new WorkspaceTableCache(async () => ({ customers: { length: 1, columns: { customer_id: ids([`C${++n}`]) } } }));
    const first = await cache.withCustomers('w');
    expect((await cache.withCustomers('w')).customers).toBe(first.customers);
    expect(first.customers.ids).toEqual(['C1']);
    cache.invalidate('w');
    expect((await cache.withCustomers('w')).customers.ids).toEqual(['C2']);
  });
  it('does not keep a failed load', async () => {
    let fail = true;
    const cache = new WorkspaceTableCache(async () => {
      if (fail) throw new Error('db closed');
      return {};
    });
    await expect(cache.get('w')).rejects.toThrow('db closed');
    fail = false;
    await expect(cache.get('w')).resolves.toEqual({});
  });
});

describe('LatestJob', () => {
  it('marks a job superseded once a newer one has started', async () => {
    const jobs = new LatestJob();
    jobs.start(1);
    expect(jobs.superseded(1)).toBe(false);
    // A newer request arrives while job 1 waits for its tables.
    const first = (async () => {
      await yieldToMessages();
      return jobs.superseded(1);
    })();
    jobs.start(2);
    expect(await first).toBe(true);
    expect(jobs.superseded(2)).toBe(false);
    jobs.start(1); // a late, older id does not win
    expect(jobs.superseded(2)).toBe(false);
  });
});
