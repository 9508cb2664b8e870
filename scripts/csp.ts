/**
 * The app's Content-Security-Policy, one source for the <meta> check, the preview server
 * header and public/_headers. Nothing from another origin; connect-src 'self' only because the
 * page fetches the bundled sample CSVs.
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
