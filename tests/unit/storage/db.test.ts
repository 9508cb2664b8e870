import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { onDatabaseEvent, openDb } from '../../../src/storage/db.ts';

describe('database connection', () => {
  it('opens version 1 with the four tables and their indexes', async () => {
    const d = openDb('keepwise-schema-test');
    await d.open();
    expect(d.verno).toBe(1);
    expect(d.tables.map((t) => t.name).sort()).toEqual(['chunks', 'imports', 'mappings', 'workspaces']);
    expect(d.chunks.schema.indexes.map((i) => i.name).sort()).toEqual(['[workspaceId+kind]', 'importId', 'workspaceId']);
    d.close();
  });

  it('tells the page when another tab opens a newer schema', async () => {
    const d = openDb('keepwise-vc-test');
    await d.open();
    const events: string[] = [];
    onDatabaseEvent((e) => events.push(e), d);
    // Another tab with a newer declaration.
    const newer = new Dexie('keepwise-vc-test');
    newer.version(2).stores({ workspaces: 'id, createdAt' });
    await newer.open();
    expect(events).toEqual(['versionchange']);
    expect(d.isOpen()).toBe(false);
    newer.close();
  });
});
