import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CSP, HEADER_CSP, SECURITY_HEADERS } from '../../../scripts/csp.ts';

describe('Content-Security-Policy', () => {
  it('public/_headers sends exactly the header policy the preview server uses, with frame-ancestors', () => {
    const headers = readFileSync(new URL('../../../public/_headers', import.meta.url), 'utf8');
    const line = headers.split('\n').find((l) => l.trim().startsWith('Content-Security-Policy:'));
    expect(line?.trim().slice('Content-Security-Policy:'.length).trim()).toBe(HEADER_CSP);
    expect(HEADER_CSP).toBe(`${CSP}; frame-ancestors 'none'`);
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(HEADER_CSP);
    expect(headers).toMatch(/X-Frame-Options: DENY/);
    // The <meta> policy has no frame-ancestors (browsers ignore it there and warn).
    expect(CSP).not.toContain('frame-ancestors');
  });
  it('allows nothing from another origin and no inline script or style', () => {
    const directives = new Map(CSP.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    for (const [, sources] of directives) {
      for (const s of sources) expect(s).toMatch(/^('self'|'none'|data:|blob:)$/);
    }
  });
});
