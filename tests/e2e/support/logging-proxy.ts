/**
 * The ground truth for "nothing leaves the browser" (RELIABILITY.md 3.2): Chromium is launched
 * with this HTTP proxy, so every request that is not for loopback arrives here, as
 * `GET http://host/...` or `CONNECT host:443`, from pages, workers and the service worker
 * alike. The proxy logs each one and refuses it: nothing is forwarded anywhere.
 *
 * Test processes read the log over HTTP from the proxy itself (origin-form requests, which a
 * browser never sends to a proxy): GET /__keepwise/log, POST /__keepwise/clear.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxyEntry {
  /** 'request' for plain http (absolute-form), 'connect' for a tunnel (https, wss). */
  readonly kind: 'request' | 'connect';
  readonly method: string;
  /** Absolute URL of a request, or host:port of a CONNECT. */
  readonly target: string;
  readonly host: string;
  readonly at: number;
}

export interface LoggingProxy {
  readonly url: string;
  readonly port: number;
  readonly entries: ProxyEntry[];
  clear(): void;
  close(): Promise<void>;
}

const hostOf = (target: string): string => {
  try {
    return new URL(target.includes('://') ? target : `http://${target}`).hostname;
  } catch {
    return target;
  }
};

export async function startLoggingProxy(): Promise<LoggingProxy> {
  const entries: ProxyEntry[] = [];
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '';
    if (url.startsWith('/')) {
      // Control endpoints for the test process.
      if (url === '/__keepwise/log') {
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(entries));
      } else if (url === '/__keepwise/clear' && req.method === 'POST') {
        entries.length = 0;
        res.writeHead(204).end();
      } else {
        res.writeHead(404).end();
      }
      return;
    }
    entries.push({ kind: 'request', method: req.method ?? '', target: url, host: hostOf(url), at: Date.now() });
    res.writeHead(502, { 'Content-Type': 'text/plain', Connection: 'close' }).end('refused by the Keepwise test proxy');
  });
  server.on('connect', (req, socket) => {
    const target = req.url ?? '';
    entries.push({ kind: 'connect', method: 'CONNECT', target, host: hostOf(target), at: Date.now() });
    socket.on('error', () => {});
    socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    entries,
    clear: () => {
      entries.length = 0;
    },
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** Reads the log of a proxy running in another process (the vitest global setup). */
export async function readProxyLog(proxyUrl: string): Promise<ProxyEntry[]> {
  const res = await fetch(`${proxyUrl}/__keepwise/log`);
  return (await res.json()) as ProxyEntry[];
}

export async function clearProxyLog(proxyUrl: string): Promise<void> {
  await fetch(`${proxyUrl}/__keepwise/clear`, { method: 'POST' });
}
