/**
 * Errors that carry a stable `code` and `params` (DESIGN: every message translatable, every
 * figure auditable). The core throws them for limits the user can act on ("too many periods:
 * choose a date range"); the worker passes `{ name, code, message, params }` across the
 * boundary (worker/error-transfer.ts) so the page can translate by code.
 */
export class KeepwiseError extends Error {
  override name = 'KeepwiseError';
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;

  constructor(code: string, message: string, params: Record<string, string | number> = {}) {
    super(message);
    this.code = code;
    this.params = params;
  }
}

/** The most periods one analysis builds (30 years of months): a cap on memory and time whatever the dates. */
export const MAX_PERIODS = 360;
