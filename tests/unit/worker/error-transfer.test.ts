import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import { KeepwiseError } from '../../../src/core/errors.ts';
import { QUOTA_MESSAGE, StorageError } from '../../../src/storage/errors.ts';
import { errorCode, errorParams, isQuotaError } from '../../../src/lib/analytics-client.ts';
import { installErrorTransfer } from '../../../src/worker/error-transfer.ts';

describe('errors as data across a Comlink boundary (a MessageChannel, as between page and worker)', () => {
  it('StorageError keeps its code, so the page recognises a full storage by code, not by the wording', async () => {
    installErrorTransfer();
    const { port1, port2 } = new MessageChannel();
    Comlink.expose(
      {
        fill: () => {
          throw new StorageError('quota', QUOTA_MESSAGE);
        },
        tooLong: () => {
          throw new KeepwiseError('too-many-periods', 'the data span 1512 months', { periods: 1512, max: 360 });
        },
        plain: () => {
          throw new TypeError('bad argument');
        },
      },
      port1,
    );
    const api = Comlink.wrap<{ fill(): void; tooLong(): void; plain(): void }>(port2);
    const quota = await api.fill().then(() => undefined, (e: unknown) => e);
    expect(quota).toBeInstanceOf(Error);
    expect((quota as Error).name).toBe('StorageError');
    expect(errorCode(quota)).toBe('quota');
    expect(isQuotaError(quota)).toBe(true);
    // QUOTA_MESSAGE does not contain the word "quota": the old regex test could never match it.
    expect(/quota/i.test(QUOTA_MESSAGE)).toBe(false);
    const limit = await api.tooLong().then(() => undefined, (e: unknown) => e);
    expect(errorCode(limit)).toBe('too-many-periods');
    expect(errorParams(limit)).toEqual({ periods: 1512, max: 360 });
    const plain = await api.plain().then(() => undefined, (e: unknown) => e);
    expect([(plain as Error).name, (plain as Error).message, errorCode(plain)]).toEqual(['TypeError', 'bad argument', undefined]);
    port1.close();
    port2.close();
  });
});
