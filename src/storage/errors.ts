/**
 * Storage failures as typed data (STYLE.md practice 9). The worker passes `code` and `message`
 * to the page; `message` is English and safe to show.
 */
export type StorageErrorCode = 'quota' | 'invalid-name' | 'invalid-setting' | 'invalid-file' | 'not-found' | 'internal';

export const QUOTA_MESSAGE = "Your browser's storage for this site is full. Nothing from this import was saved.";

export class StorageError extends Error {
  readonly code: StorageErrorCode;
  constructor(code: StorageErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageError';
    this.code = code;
  }
}

function nameOf(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'name' in e && typeof e.name === 'string' ? e.name : undefined;
}

/** True for a QuotaExceededError, directly or wrapped by Dexie (AbortError/BulkError with `inner`). */
export function isQuotaError(e: unknown): boolean {
  if (nameOf(e) === 'QuotaExceededError') return true;
  const inner = typeof e === 'object' && e !== null && 'inner' in e ? (e as { inner: unknown }).inner : undefined;
  return nameOf(inner) === 'QuotaExceededError';
}

/**
 * Turns whatever a Dexie call threw into a StorageError: quota errors get the 'quota' message;
 * StorageErrors pass through; anything else is 'internal' with its original message kept as cause.
 */
export function toStorageError(e: unknown): StorageError {
  if (e instanceof StorageError) return e;
  if (isQuotaError(e)) return new StorageError('quota', QUOTA_MESSAGE, { cause: e });
  const msg = e instanceof Error ? e.message : String(e);
  return new StorageError('internal', `Internal storage error: ${msg}`, { cause: e });
}
