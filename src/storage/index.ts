// Keepwise storage: Dexie database, workspaces, atomic imports, mapping memory.
export * from './entities.ts';
export { KeepwiseDB, DB_NAME } from './schema.ts';
export { db, openDb, onDatabaseEvent } from './db.ts';
export * from './errors.ts';
export * from './workspaces.ts';
export * from './imports.ts';
export * from './load.ts';
export * from './mappings.ts';
export * from './column-codec.ts';
export { previewCommit, supersededRows, type RowUpdate } from './updates.ts';
export { exportWorkspace, restoreWorkspace, BACKUP_FORMAT, BACKUP_VERSION } from './backup.ts';
