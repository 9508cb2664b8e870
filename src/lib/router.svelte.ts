/** The pages, addressed by the URL hash (#/import), so Back/Forward and reloads work offline. */
export type Page = 'overview' | 'retention' | 'churn' | 'segments' | 'import' | 'settings' | 'privacy';
export const PAGES: readonly Page[] = ['overview', 'retention', 'churn', 'segments', 'import', 'settings', 'privacy'];

function fromHash(): Page {
  const name = location.hash.replace(/^#\/?/, '');
  return (PAGES as readonly string[]).includes(name) ? (name as Page) : 'overview';
}

class Router {
  page = $state<Page>(fromHash());

  constructor() {
    window.addEventListener('hashchange', () => (this.page = fromHash()));
  }

  go(page: Page): void {
    if (location.hash !== `#/${page}`) location.hash = `#/${page}`;
    this.page = page;
  }
}

export const router = new Router();
export const hrefOf = (page: Page): string => `#/${page}`;
