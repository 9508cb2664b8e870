import { describe, expect, it } from 'vitest';
import { sealNetwork } from '../../../src/worker/seal-network.ts';

describe('sealNetwork', () => {
  it('makes every network API of a worker scope throw, and beacons send nothing', () => {
    const scope: Record<string, unknown> = {
      fetch: () => 'sent',
      XMLHttpRequest: class {},
      WebSocket: class {},
      EventSource: class {},
      navigator: { sendBeacon: () => true },
    };
    const removed = sealNetwork(scope);
    expect(removed).toEqual(['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'sendBeacon']);
    expect(() => (scope.fetch as () => unknown)()).toThrow(/fetch is disabled/);
    expect(() => scope.WebSocket).toThrow(/WebSocket is disabled/);
    expect((scope.navigator as { sendBeacon: () => boolean }).sendBeacon()).toBe(false);
  });
  it('cannot be undone by reassigning fetch', () => {
    const scope: Record<string, unknown> = { fetch: () => 'sent' };
    sealNetwork(scope);
    expect(() => {
      'use strict';
      scope.fetch = () => 'again';
    }).toThrow(TypeError);
  });
});
