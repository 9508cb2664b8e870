import { describe, expect, it } from 'vitest';
import { QUOTA_MESSAGE, StorageError, isQuotaError, toStorageError } from '../../../src/storage/errors.ts';

describe('storage errors', () => {
  it('recognises quota errors directly and wrapped by Dexie (inner)', () => {
    expect(isQuotaError(new DOMException('x', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe(true);
    expect(isQuotaError(new Error('other'))).toBe(false);
    expect(toStorageError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toMatchObject({ code: 'quota', message: QUOTA_MESSAGE });
  });
  it('passes StorageErrors through and labels the rest internal', () => {
    const e = new StorageError('not-found', 'gone');
    expect(toStorageError(e)).toBe(e);
    expect(toStorageError(new TypeError('bad'))).toMatchObject({ code: 'internal', message: 'Internal storage error: bad' });
  });
});
