/**
 * Watches the page's own IndexedDB connection: when another tab upgrades or deletes the
 * database, Dexie closes ours, and the page must ask for a reload (RELIABILITY.md 2.6).
 */
import { db } from '../storage/db.ts';

class DbStatus {
  outdated = $state(false);
  /** Set while this tab erases everything: our own close must not look like another tab's upgrade. */
  erasing = false;
}

export const dbStatus = new DbStatus();

db.on('versionchange', () => {
  if (!dbStatus.erasing) dbStatus.outdated = true;
  // Dexie's default handler closes the connection so the other tab can proceed.
});
