/**
 * Removes the network APIs from the worker's global scope. The worker reads files handed to it and
 * IndexedDB, nothing else; a same-origin module worker is governed by the CSP of its own HTTP
 * response, which a static host may not send (RELIABILITY.md 3.1), so this closes that gap in
 * code. Returns the names removed (tests check it).
 */
const NETWORK_APIS = ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'WebTransport', 'importScripts'] as const;

export function sealNetwork(scope: object): string[] {
  const removed: string[] = [];
  for (const name of NETWORK_APIS) {
    if (!(name in scope)) continue;
    try {
      Object.defineProperty(scope, name, {
        configurable: false,
        get() {
          throw new Error(`${name} is disabled: Keepwise never sends data anywhere`);
        },
      });
      removed.push(name);
    } catch {
      // Non-configurable in this runtime: leave it, the CSP header still applies.
    }
  }
  const nav = (scope as { navigator?: { sendBeacon?: unknown } }).navigator;
  if (nav && 'sendBeacon' in nav) {
    try {
      Object.defineProperty(nav, 'sendBeacon', { value: () => false });
      removed.push('sendBeacon');
    } catch {
      // see above
    }
  }
  return removed;
}
