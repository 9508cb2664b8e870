/** The one database connection of this realm (page or worker); see schema.ts for the layout. */
import { DB_NAME, KeepwiseDB } from './schema.ts';

export const db = new KeepwiseDB();

/** A separate connection to a database of the given name (tests, restore temporaries). */
export function openDb(name: string = DB_NAME): KeepwiseDB {
  return new KeepwiseDB(name);
}

/**
 * Calls `listener` when another tab opens a newer schema (Dexie then closes this connection, its
 * default) or when this tab's upgrade/delete is blocked by another tab (RELIABILITY.md 2.6), so
 * the page can say "Keepwise was updated in another tab. Reload to continue" or "Close other
 * Keepwise tabs". Returns an unsubscribe function.
 */
export function onDatabaseEvent(listener: (event: 'versionchange' | 'blocked') => void, database: KeepwiseDB = db): () => void {
  const changed = () => listener('versionchange');
  const blocked = () => listener('blocked');
  database.on('versionchange', changed);
  database.on('blocked', blocked);
  return () => {
    database.on('versionchange').unsubscribe(changed);
    database.on('blocked').unsubscribe(blocked);
  };
}
