/**
 * Dexie liveQuery as a rune: `current` updates whenever the queried tables change, in this tab
 * or another one. Use `liveState` inside components (the query is re-subscribed when the
 * reactive values read by `make` change) and `LiveQuery` for app-lifetime queries.
 */
import { liveQuery, type Subscription } from 'dexie';

export class LiveQuery<T> {
  current = $state.raw<T>() as T;
  error = $state.raw<Error | null>(null);
  loaded = $state(false);
  #sub: Subscription;

  constructor(query: () => Promise<T> | T, initial: T) {
    this.current = initial;
    this.#sub = liveQuery(query).subscribe({
      next: (value) => {
        this.current = value;
        this.error = null;
        this.loaded = true;
      },
      error: (error: unknown) => {
        this.error = error instanceof Error ? error : new Error(String(error));
        this.loaded = true;
      },
    });
  }

  stop(): void {
    this.#sub.unsubscribe();
  }
}

/**
 * Component-scoped live query. `make` runs in an effect: read reactive inputs there and return
 * the querier, e.g. `liveState(() => { const id = ws.id; return () => db.imports.where(...) }, [])`.
 */
export function liveState<T>(make: () => (() => Promise<T> | T) | null, initial: T): { readonly current: T; readonly loaded: boolean; readonly error: Error | null } {
  let query = $state.raw<LiveQuery<T> | null>(null);
  $effect(() => {
    const querier = make();
    if (!querier) {
      query = null;
      return;
    }
    const q = new LiveQuery(querier, initial);
    query = q;
    return () => q.stop();
  });
  return {
    get current() {
      return query ? query.current : initial;
    },
    get loaded() {
      return query?.loaded ?? false;
    },
    get error() {
      return query?.error ?? null;
    },
  };
}
