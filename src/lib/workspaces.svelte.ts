/**
 * The workspace list (live from IndexedDB) and the current workspace, whose id is remembered in
 * localStorage. Writes go through the worker; reads come straight from Dexie.
 */
import { db } from '../storage/db.ts';
import { LiveQuery } from './live-query.svelte.ts';
import type { Workspace } from './types.ts';

const CURRENT_KEY = 'keepwise.workspace';

function readSaved(): string | null {
  try {
    return localStorage.getItem(CURRENT_KEY);
  } catch {
    return null;
  }
}

const byCreation = (a: Workspace, b: Workspace) => String(a.createdAt).localeCompare(String(b.createdAt), 'en', { numeric: true });

class Workspaces {
  #list = new LiveQuery<Workspace[]>(async () => (await db.workspaces.toArray()).sort(byCreation), []);
  #chosen = $state<string | null>(readSaved());

  get list(): Workspace[] {
    return this.#list.current;
  }

  get loaded(): boolean {
    return this.#list.loaded;
  }

  get error(): Error | null {
    return this.#list.error;
  }

  /** The chosen workspace, or the first one when the chosen one is gone (deleted, or erased in another tab). */
  get current(): Workspace | null {
    const list = this.#list.current;
    return list.find((w) => w.id === this.#chosen) ?? list[0] ?? null;
  }

  get currentId(): string | null {
    return this.current?.id ?? null;
  }

  select(id: string | null): void {
    this.#chosen = id;
    try {
      if (id) localStorage.setItem(CURRENT_KEY, id);
      else localStorage.removeItem(CURRENT_KEY);
    } catch {
      // not fatal: the first workspace is chosen next time
    }
  }
}

export const workspaces = new Workspaces();
