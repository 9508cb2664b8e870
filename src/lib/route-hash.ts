/**
 * The URL hash of a page and its options (#/segments?key=plan), read and written without the
 * browser (router.svelte.ts holds the state), so the format has a Node test. An unknown page is
 * the overview; options are plain strings, in a fixed order so one route is one hash.
 */
export type Page = 'overview' | 'retention' | 'churn' | 'segments' | 'clv' | 'satisfaction' | 'referrals' | 'report' | 'import' | 'settings' | 'privacy';
export const PAGES: readonly Page[] = ['overview', 'retention', 'churn', 'segments', 'clv', 'satisfaction', 'referrals', 'report', 'import', 'settings', 'privacy'];

/** A page's options from the hash (`?key=plan`); empty for none. */
export type RouteQuery = Readonly<Record<string, string>>;

export interface Route {
  readonly page: Page;
  readonly query: RouteQuery;
}

/** `#/segments?key=plan` -> { page: 'segments', query: { key: 'plan' } }; '#/nowhere' -> the overview. */
export function parseHash(hash: string): Route {
  const rest = hash.replace(/^#\/?/, '');
  const at = rest.indexOf('?');
  const name = at < 0 ? rest : rest.slice(0, at);
  const page = (PAGES as readonly string[]).includes(name) ? (name as Page) : 'overview';
  const query: Record<string, string> = {};
  if (at >= 0 && page === name) for (const [k, v] of new URLSearchParams(rest.slice(at + 1))) if (!Object.hasOwn(query, k)) query[k] = v;
  return { page, query };
}

/** The hash of a page with options (empty values left out): hashOf('segments', { key: 'plan' }) = '#/segments?key=plan'. */
export function hashOf(page: Page, query: RouteQuery = {}): string {
  const params = new URLSearchParams();
  for (const k of Object.keys(query).sort()) if (query[k] !== '') params.set(k, query[k]);
  const search = params.toString();
  return search === '' ? `#/${page}` : `#/${page}?${search}`;
}
