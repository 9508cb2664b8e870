/** The pages, addressed by the URL hash (#/import, #/segments?key=plan), so Back/Forward and reloads work offline. */
import { hashOf, parseHash, type Page, type RouteQuery } from './route-hash.ts';

export { PAGES, type Page, type RouteQuery } from './route-hash.ts';

class Router {
  page = $state<Page>(parseHash(location.hash).page);
  /** The page's options from the hash (`{ key: 'plan' }`); empty for none. */
  query = $state.raw<RouteQuery>(parseHash(location.hash).query);

  constructor() {
    window.addEventListener('hashchange', () => {
      const route = parseHash(location.hash);
      this.page = route.page;
      this.query = route.query;
    });
  }

  /** Opens a page (with options: a new history entry, so Back returns). */
  go(page: Page, query: RouteQuery = {}): void {
    const hash = hashOf(page, query);
    if (location.hash !== hash) location.hash = hash;
    this.page = page;
    this.query = query;
  }

  /** Changes the current page's options in place (the address follows; no history entry, no navigation). */
  replaceQuery(query: RouteQuery): void {
    const hash = hashOf(this.page, query);
    if (location.hash !== hash) history.replaceState(history.state, '', hash);
    this.query = query;
  }
}

export const router = new Router();
export const hrefOf = (page: Page, query?: RouteQuery): string => hashOf(page, query);
