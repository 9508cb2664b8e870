/**
 * Service-worker prompts (STYLE.md 14): say once that the app works offline, and offer an
 * update with a Reload button. Never reload by ourselves: the user may be mid-import.
 */
import { useRegisterSW } from 'virtual:pwa-register/svelte';

class Pwa {
  offlineReady = $state(false);
  needRefresh = $state(false);
  #update: ((reload?: boolean) => Promise<void>) | null = null;

  start(): void {
    if (this.#update || !('serviceWorker' in navigator)) return;
    const sw = useRegisterSW({
      onRegisterError: (error: unknown) => console.warn('service worker registration failed', error),
    });
    sw.offlineReady.subscribe((v) => (this.offlineReady = v));
    sw.needRefresh.subscribe((v) => (this.needRefresh = v));
    this.#update = sw.updateServiceWorker;
    this.dismissOffline = () => sw.offlineReady.set(false);
  }

  dismissOffline = (): void => {
    this.offlineReady = false;
  };

  /** Reloads into the new version, but never while an import is being written in any tab. */
  async update(): Promise<boolean> {
    const held = (await navigator.locks?.query())?.held ?? [];
    if (held.some((l) => l.name === 'keepwise-import')) return false;
    await this.#update?.(true);
    return true;
  }
}

export const pwa = new Pwa();
