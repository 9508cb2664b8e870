/**
 * How columns are laid out inside an IndexedDB chunk record. Typed arrays are stored as they are;
 * a dictionary column's strings are packed into ONE string joined by NUL, because IndexedDB
 * clones one long string far faster than 64k short ones (a 1M-row import stores millions of ids).
 * No stored string contains NUL: the importer rejects fields with one (a row error).
 *
 * Shared dictionaries: the chunks of one import share each column's dictionary. The first chunk
 * (seq 0) holds it packed (`dictPacked`); the later chunks hold only their codes into it
 * (`dictShared`). A 1M-row import then stores its 100k customer ids once instead of once per
 * chunk (16 x ~48k), and opening the workspace merges each import's dictionary once
 * (concatTables keeps the mapping of a dictionary it has seen). Chunks written before this have
 * a dictionary of their own in every chunk and are read as before.
 */
import type { Column, DictColumn, NumColumn, DayColumn } from '../core/table.ts';

export type PackedDictColumn = { readonly type: 'dictPacked'; readonly packed: string; readonly size: number; readonly codes: Uint32Array };
/** Codes into the dictionary of the same column in chunk 0 of the same import. */
export type SharedDictColumn = { readonly type: 'dictShared'; readonly codes: Uint32Array };
export type StoredColumn = NumColumn | DayColumn | PackedDictColumn | SharedDictColumn;

const SEPARATOR = '\u0000';

/** A column for a chunk of its own (a dictionary column packed with its dictionary). */
export function encodeColumn(column: Column): StoredColumn {
  if (column.type !== 'dict') return column;
  return { type: 'dictPacked', packed: column.dict.join(SEPARATOR), size: column.dict.length, codes: column.codes };
}

/**
 * A column of chunk `seq` of an import whose chunks share their dictionaries: chunk 0 packs the
 * dictionary, the others keep their codes only (`column.dict` must be the import's whole dictionary).
 */
export function encodeSharedColumn(column: Column, seq: number): StoredColumn {
  if (column.type !== 'dict' || seq === 0) return encodeColumn(column);
  return { type: 'dictShared', codes: column.codes };
}

/**
 * A stored column as a column. A `dictShared` column needs its import's chunk 0: read it with a
 * ChunkDecoder.
 *
 * @throws Error when a packed dictionary does not hold the number of strings it says, or for a
 *   shared column (its dictionary is in another record).
 */
export function decodeColumn(column: StoredColumn | DictColumn): Column {
  if (column.type === 'dictShared') throw new Error('a stored chunk refers to the dictionary of its import\'s first chunk, which is missing');
  if (column.type !== 'dictPacked') return column;
  const dict = column.size === 0 ? [] : column.packed.split(SEPARATOR);
  if (dict.length !== column.size) throw new Error(`a stored dictionary holds ${dict.length} strings, expected ${column.size}`);
  return { type: 'dict', dict, codes: column.codes };
}

export function encodeColumns(columns: Readonly<Record<string, Column>>): Record<string, StoredColumn> {
  const out: Record<string, StoredColumn> = {};
  for (const [name, column] of Object.entries(columns)) out[name] = encodeColumn(column);
  return out;
}

/** The columns of chunk `seq` of an import whose chunks share their dictionaries (see encodeSharedColumn). */
export function encodeSharedColumns(columns: Readonly<Record<string, Column>>, seq: number): Record<string, StoredColumn> {
  const out: Record<string, StoredColumn> = {};
  for (const [name, column] of Object.entries(columns)) out[name] = encodeSharedColumn(column, seq);
  return out;
}

/** Decodes the named columns of a chunk of its own (all when `keep` is omitted); see ChunkDecoder for shared dictionaries. */
export function decodeColumns(columns: Readonly<Record<string, StoredColumn>>, keep: (name: string) => boolean = () => true): Record<string, Column> {
  const out: Record<string, Column> = {};
  for (const [name, column] of Object.entries(columns)) if (keep(name)) out[name] = decodeColumn(column);
  return out;
}

/**
 * Decodes chunks of several imports, each import's shared dictionaries once: `dictShared`
 * columns get the very array of their chunk 0 (one decoded dictionary per import and column).
 * Needs chunk 0 of every import whose later chunks it decodes (all chunks of an import are
 * written and removed together).
 */
export class ChunkDecoder {
  private readonly first = new Map<string, { readonly columns: Readonly<Record<string, StoredColumn>> }>();
  private readonly dicts = new Map<string, readonly string[]>();

  constructor(chunks: readonly { readonly importId: string; readonly seq: number; readonly columns: Readonly<Record<string, StoredColumn>> }[]) {
    for (const c of chunks) if (c.seq === 0) this.first.set(c.importId, c);
  }

  /** The import's dictionary of `name` (from its chunk 0), decoded once. */
  dictOf(importId: string, name: string): readonly string[] | undefined {
    const key = `${importId}\u0000${name}`;
    let dict = this.dicts.get(key);
    if (dict === undefined) {
      const column = this.first.get(importId)?.columns[name];
      if (!column || column.type !== 'dictPacked') return undefined;
      dict = (decodeColumn(column) as DictColumn).dict;
      this.dicts.set(key, dict);
    }
    return dict;
  }

  /** The chunk's columns (those `keep` accepts), dictionary columns with their import's dictionary. */
  columns(chunk: { readonly importId: string; readonly seq: number; readonly columns: Readonly<Record<string, StoredColumn>> }, keep: (name: string) => boolean = () => true): Record<string, Column> {
    const out: Record<string, Column> = {};
    for (const [name, column] of Object.entries(chunk.columns)) {
      if (!keep(name)) continue;
      // Chunk 0's own dictionaries go through the cache too, so that all chunks of the import share
      // one array; a chunk of the older layout (seq > 0, packed) has its own.
      const dict = column.type === 'dictShared' || (chunk.seq === 0 && column.type === 'dictPacked') ? this.dictOf(chunk.importId, name) : undefined;
      out[name] = dict && (column.type === 'dictShared' || column.type === 'dictPacked') ? { type: 'dict', dict: dict as string[], codes: column.codes } : decodeColumn(column);
    }
    return out;
  }
}
