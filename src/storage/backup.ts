/**
 * Backup and restore of a workspace (DESIGN.md section 1; RELIABILITY.md 2.5: browsers evict site
 * data, Safari after 7 days without a visit). One self-contained file holds everything the
 * workspace is: its record (name, settings), its imports (the ledger, with updates), its column
 * chunks and its remembered mappings.
 *
 * Format (`format: 'keepwise-backup'`, `version: 1`): JSON. Typed arrays are written as
 * `{ "$typed": "Float64Array", "base64": "..." }` (their bytes, little-endian as in memory), so
 * a restore gives back the same bytes and every figure is equal. Restoring gives the workspace a
 * new id (and its imports new ids), so a backup can be restored beside the original, in the same
 * or another browser; the name gets " (restored)" when that name exists. One transaction: a
 * restore lands completely or not at all. O(size of the workspace).
 */
import { db } from './db.ts';
import type { ChunkRecord, ImportRecord, MappingMemory, Workspace } from './entities.ts';
import { StorageError, toStorageError } from './errors.ts';

export const BACKUP_FORMAT = 'keepwise-backup';
export const BACKUP_VERSION = 1;

interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: number;
  workspace: Workspace;
  imports: ImportRecord[];
  chunks: Omit<ChunkRecord, 'id'>[];
  mappings: MappingMemory[];
}

const TYPED: Record<string, { new (b: ArrayBuffer): ArrayBufferView }> = {
  Float64Array, Int32Array, Uint32Array, Uint8Array,
};

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(b64: string): ArrayBuffer {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out.buffer;
}

const replacer = (_key: string, value: unknown): unknown => {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const v = value as ArrayBufferView;
    return { $typed: v.constructor.name, base64: toBase64(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)) };
  }
  return value;
};

const reviver = (_key: string, value: unknown): unknown => {
  if (value && typeof value === 'object' && '$typed' in value && 'base64' in value) {
    const { $typed, base64 } = value as { $typed: string; base64: string };
    const Ctor = TYPED[$typed];
    if (!Ctor) throw new StorageError('invalid-file', `This backup holds an unknown column type (${$typed}).`);
    return new Ctor(fromBase64(base64));
  }
  return value;
};

/** The backup file of a workspace, as UTF-8 JSON text. */
export async function exportWorkspace(workspaceId: string): Promise<string> {
  try {
    const file = await db.transaction('r', [db.workspaces, db.imports, db.chunks, db.mappings], async (): Promise<BackupFile> => {
      const workspace = await db.workspaces.get(workspaceId);
      if (!workspace) throw new StorageError('not-found', 'This workspace no longer exists.');
      const chunks = (await db.chunks.where('workspaceId').equals(workspaceId).toArray()).map(({ id: _id, ...rest }) => rest);
      return {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        exportedAt: Date.now(),
        workspace,
        imports: await db.imports.where('workspaceId').equals(workspaceId).toArray(),
        chunks,
        mappings: await db.mappings.where('workspaceId').equals(workspaceId).toArray(),
      };
    });
    return JSON.stringify(file, replacer);
  } catch (e) {
    throw toStorageError(e);
  }
}

/**
 * Restores a backup file as a new workspace (new ids; see the module doc).
 *
 * @throws StorageError 'invalid-file' when the text is not a Keepwise backup of a known version.
 */
export async function restoreWorkspace(text: string): Promise<Workspace> {
  let file: BackupFile;
  try {
    file = JSON.parse(text, reviver) as BackupFile;
  } catch (e) {
    if (e instanceof StorageError) throw e;
    throw new StorageError('invalid-file', 'This is not a Keepwise backup (it is not valid JSON).');
  }
  if (file?.format !== BACKUP_FORMAT) throw new StorageError('invalid-file', 'This is not a Keepwise backup.');
  if (file.version !== BACKUP_VERSION) throw new StorageError('invalid-file', `This backup has version ${file.version}; this app reads version ${BACKUP_VERSION}.`);
  const workspaceId = crypto.randomUUID();
  const importIds = new Map(file.imports.map((i) => [i.id, crypto.randomUUID()] as const));
  try {
    return await db.transaction('rw', [db.workspaces, db.imports, db.chunks, db.mappings], async () => {
      const names = new Set((await db.workspaces.toArray()).map((w) => w.name));
      const name = names.has(file.workspace.name) ? `${file.workspace.name} (restored)` : file.workspace.name;
      const workspace: Workspace = { ...file.workspace, id: workspaceId, name };
      await db.workspaces.add(workspace);
      await db.imports.bulkAdd(
        file.imports.map((i) => ({
          ...i,
          id: importIds.get(i.id)!,
          workspaceId,
          ...(i.supersedes ? { supersedes: i.supersedes.filter((s) => importIds.has(s.importId)).map((s) => ({ importId: importIds.get(s.importId)!, rows: s.rows })) } : {}),
        })),
      );
      await db.chunks.bulkAdd(file.chunks.filter((c) => importIds.has(c.importId)).map((c) => ({ ...c, workspaceId, importId: importIds.get(c.importId)! })));
      await db.mappings.bulkAdd(file.mappings.map((m) => ({ ...m, workspaceId, id: m.id.replace(file.workspace.id, workspaceId) })));
      return workspace;
    });
  } catch (e) {
    throw toStorageError(e);
  }
}
