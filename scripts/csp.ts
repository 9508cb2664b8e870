/**
 * The app's Content-Security-Policy, one source for the <meta> tag, the preview server
 * header and public/_headers. Nothing from another origin; connect-src 'self' only because the
 * page fetches the bundled sample CSVs. HEADER_CSP adds `frame-ancestors 'none'` (no site may
 * frame the app: clickjacking), which only a header can carry — browsers ignore it in a <meta>.
 */
export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

/** The policy sent as an HTTP header: CSP plus frame-ancestors (a <meta> cannot carry it). */
export const HEADER_CSP = `${CSP}; frame-ancestors 'none'`;

/** The security headers of every response (vite preview, the test server, public/_headers). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': HEADER_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
});
