/**
 * Keys are stored as one string per chunk, joined by NUL (no key contains one: ids with NUL are
 * row errors, content-hash keys are hex): IndexedDB clones one long string far faster than 64k
 * short ones, and only a commit ever needs them split. When every key of a chunk is the row's
 * value in one dictionary column (its id column), the chunk names that column instead
 * (ChunkRecord.keysColumn): a 1M-row import then stores and reads ~10 MB less.
 */
import { MISSING_CODE, type Column } from '../core/table.ts';
import { decodeColumn, type ChunkDecoder, type StoredColumn } from './column-codec.ts';
import type { ChunkRecord } from './entities.ts';

const KEY_SEPARATOR = '\u0000';
export const joinKeys = (keys: readonly string[]): string => keys.join(KEY_SEPARATOR);
export const splitKeys = (joined: string): string[] => (joined === '' ? [] : joined.split(KEY_SEPARATOR));

/**
 * The name of the dictionary column of `columns` whose values are exactly `keys[from..from + length)`
 * (`candidate`, when it is), so the chunk can store that name instead of the keys.
 */
export function keysColumnOf(columns: Readonly<Record<string, Column>>, candidate: string | undefined, keys: readonly string[], from: number, length: number): string | undefined {
  const c = candidate === undefined ? undefined : columns[candidate];
  if (c?.type !== 'dict') return undefined;
  for (let r = 0; r < length; r++) {
    const code = c.codes[r];
    if (code === MISSING_CODE || c.dict[code] !== keys[from + r]) return undefined;
  }
  return candidate;
}

/**
 * A stored chunk's dedupe keys in row order, from `keys` or from its `keysColumn`. A chunk whose
 * import shares its dictionaries (column-codec.ts) needs the `decoder` of its import's chunks.
 */
export function chunkKeys(chunk: Pick<ChunkRecord, 'keys' | 'keysColumn' | 'columns' | 'length' | 'importId' | 'seq'>, decoder?: ChunkDecoder): string[] {
  const name = chunk.keysColumn;
  if (name === undefined) return splitKeys(chunk.keys);
  const c = decoder ? decoder.columns(chunk, (n) => n === name)[name] : decodeColumn(chunk.columns[name] as StoredColumn);
  if (c?.type !== 'dict') throw new Error(`a stored chunk names ${chunk.keysColumn} as its keys, which is not an id column`);
  const out: string[] = [];
  for (let r = 0; r < chunk.length; r++) out.push(c.dict[c.codes[r]]);
  return out;
}
