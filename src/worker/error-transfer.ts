/**
 * Errors as data across the worker boundary (issue #7 item 5). Comlink's default handler sends
 * only `name`, `message` and `stack` of a thrown Error, so a `StorageError('quota')` arrived on
 * the page without its `code` and the "storage full" notice could never appear. This handler
 * also sends `code` and `params` (StorageError, KeepwiseError, anything that carries them); the
 * page side needs nothing new, because Comlink's deserialiser copies every field it receives onto
 * the Error it throws. Installed once by analytics.worker.ts.
 */
import * as Comlink from 'comlink';

/** What a thrown error looks like on the wire. */
export interface WireError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  readonly code?: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** The plain-data form of an error: its name, message and stack, plus `code` and `params` when it has them. */
export function toWireError(e: Error): WireError {
  const { code, params } = e as Error & { code?: unknown; params?: unknown };
  return {
    name: e.name,
    message: e.message,
    ...(e.stack !== undefined ? { stack: e.stack } : {}),
    ...(typeof code === 'string' ? { code } : {}),
    ...(params !== null && typeof params === 'object' ? { params: { ...(params as Record<string, string | number>) } } : {}),
  };
}

/** Replaces Comlink's 'throw' transfer handler with one that keeps `code` and `params`. */
export function installErrorTransfer(): void {
  const original = Comlink.transferHandlers.get('throw') as Comlink.TransferHandler<{ value: unknown }, unknown>;
  const handler: Comlink.TransferHandler<{ value: unknown }, unknown> = {
    canHandle: (value): value is { value: unknown } => original.canHandle(value),
    serialize: (thrown) => (thrown.value instanceof Error ? [{ isError: true, value: toWireError(thrown.value) }, []] : original.serialize(thrown)),
    deserialize: (serialized) => original.deserialize(serialized),
  };
  Comlink.transferHandlers.set('throw', handler as Comlink.TransferHandler<unknown, unknown>);
}
