/**
 * How safe the data is on this device: usage and quota, whether the origin's storage is
 * persistent, and the request to make it so. persist() exists only in the window, never in
 * workers (RELIABILITY.md 2.2), so the page asks after the first import and from Settings.
 */
import { db } from '../storage/db.ts';
import { analytics } from './analytics-client.ts';
import { dbStatus } from './db-status.svelte.ts';

export type Persistence = 'persisted' | 'not-persisted' | 'unsupported';

class StorageStatus {
  usage = $state<number | null>(null);
  quota = $state<number | null>(null);
  persistence = $state<Persistence>('unsupported');
  denied = $state(false);

  /** Bytes still available to this site, when the browser says. */
  get free(): number | null {
    return this.usage !== null && this.quota !== null ? Math.max(0, this.quota - this.usage) : null;
  }

  /** A tiny quota is the mark of a private window (RELIABILITY.md 2.2). */
  get privateWindow(): boolean {
    return this.quota !== null && this.quota < 200 * 1024 * 1024;
  }

  async refresh(): Promise<void> {
    const storage = navigator.storage;
    if (storage?.estimate) {
      const e = await storage.estimate();
      this.usage = e.usage ?? null;
      this.quota = e.quota ?? null;
    }
    if (storage?.persisted) this.persistence = (await storage.persisted()) ? 'persisted' : 'not-persisted';
  }

  async persist(): Promise<boolean> {
    if (!navigator.storage?.persist) return false;
    const granted = await navigator.storage.persist();
    this.denied = !granted;
    this.persistence = granted ? 'persisted' : 'not-persisted';
    return granted;
  }
}

export const storageStatus = new StorageStatus();

let askedAfterImport = false;

/** Called after a successful import: the first one is the moment the data becomes worth keeping. */
export async function persistAfterImport(): Promise<void> {
  if (askedAfterImport) return;
  askedAfterImport = true;
  try {
    if (navigator.storage?.persisted && !(await navigator.storage.persisted())) await storageStatus.persist();
    await storageStatus.refresh();
  } catch {
    // best effort: Settings shows the state and offers the button again
  }
}

/**
 * Erases everything Keepwise stored in this browser (RELIABILITY.md 3.7), then reloads:
 * closes our connection and the worker's, deletes the database (the raw request, because only
 * it reports `blocked`, i.e. another tab still holds a connection), the caches, local storage
 * and the service worker.
 */
export async function eraseAllData(onBlocked: () => void): Promise<void> {
  dbStatus.erasing = true;
  analytics.cancel(); // the worker holds a connection of its own
  db.close();
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(db.name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error('could not delete the database'));
    request.onblocked = () => onBlocked();
  });
  if ('caches' in window) for (const key of await caches.keys()) await caches.delete(key);
  try {
    localStorage.clear();
    sessionStorage.clear();
  } catch {
    // nothing to clear
  }
  if ('serviceWorker' in navigator) {
    for (const reg of await navigator.serviceWorker.getRegistrations()) await reg.unregister();
  }
  location.reload();
}
