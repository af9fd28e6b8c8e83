// How the service worker answers a request, as a pure function of the request and the precached URLs
// (src/integrations/service-worker/worker.ts does the fetching and caching).

/** The page shown for an unknown address when the network cannot be reached. */
export const NOT_FOUND_PAGE = '/404.html';

/** What to do with a request: leave it to the browser, or answer it from the cache, the network, or both. */
export type Route =
  /** Not the worker's business (another origin, not a GET, not a file of this build): no respondWith. */
  | { readonly kind: 'pass' }
  /** A precached file, whatever its query string: from the cache, else the network. */
  | { readonly kind: 'cache'; readonly key: string }
  /** A page this build does not have: the network, else the 404 page. */
  | { readonly kind: 'network'; readonly fallback: string };

/** A request as the worker sees it. */
export interface RouteRequest {
  readonly url: string;
  readonly method: string;
  /** 'navigate' for a page being opened. */
  readonly mode: string;
}

/**
 * Where `request` is answered from. The query string is ignored, as a static host ignores it: calculator
 * links carry their inputs in it (the page reads them itself), Pagefind adds one to bust caches. For a
 * page, `/x` and `/x/index.html` are `/x/`.
 */
export function routeRequest(request: RouteRequest, origin: string, precached: ReadonlySet<string>): Route {
  const url = new URL(request.url);
  if (url.origin !== origin || request.method !== 'GET') return { kind: 'pass' };
  if (request.mode !== 'navigate') {
    return precached.has(url.pathname) ? { kind: 'cache', key: url.pathname } : { kind: 'pass' };
  }
  const path = url.pathname.replace(/\/index\.html$/, '/');
  for (const key of [path, `${path}/`]) if (precached.has(key)) return { kind: 'cache', key };
  return { kind: 'network', fallback: NOT_FOUND_PAGE };
}
