/** Column mappings remembered per workspace, kind and header set (DESIGN.md section 1). */
import type { DataKind, Mapping } from '../core/schema/kinds.ts';
import type { Dialect } from '../ingest/types.ts';
import { db } from './db.ts';
import type { MappingMemory } from './entities.ts';
import { toStorageError } from './errors.ts';

/**
 * The header signature: headers normalised (NFC, trimmed, inner whitespace collapsed, lower
 * case) and joined with U+001F, so "Customer ID;Date" and " customer  id ;date" match while
 * different column orders do not (a mapping is by column index).
 */
export function headerSignature(headers: readonly string[]): string {
  return headers.map((h) => h.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase()).join('\u001f');
}

function memoryId(workspaceId: string, kind: DataKind, headers: readonly string[]): string {
  return `${workspaceId}\u001e${kind}\u001e${headerSignature(headers)}`;
}

export async function rememberMapping(workspaceId: string, kind: DataKind, headers: readonly string[], mapping: Mapping, dialect: Dialect): Promise<MappingMemory> {
  const m: MappingMemory = {
    id: memoryId(workspaceId, kind, headers),
    workspaceId,
    kind,
    headers: [...headers],
    mapping: [...mapping],
    dialect: { ...dialect },
    updatedAt: Date.now(),
  };
  try {
    await db.mappings.put(m);
  } catch (e) {
    throw toStorageError(e);
  }
  return m;
}

export async function recallMapping(workspaceId: string, kind: DataKind, headers: readonly string[]): Promise<MappingMemory | undefined> {
  try {
    return await db.mappings.get(memoryId(workspaceId, kind, headers));
  } catch (e) {
    throw toStorageError(e);
  }
}

/**
 * The mapping confirmed last for this header set in the workspace, whatever kind it was confirmed
 * as (a file whose kind was guessed wrong is recognised by its headers, not by the guess).
 */
export async function recallMappingByHeaders(workspaceId: string, headers: readonly string[]): Promise<MappingMemory | undefined> {
  const signature = headerSignature(headers);
  try {
    const all = await db.mappings.where('workspaceId').equals(workspaceId).toArray();
    return all.filter((m) => headerSignature(m.headers) === signature).sort((a, b) => b.updatedAt - a.updatedAt)[0];
  } catch (e) {
    throw toStorageError(e);
  }
}
