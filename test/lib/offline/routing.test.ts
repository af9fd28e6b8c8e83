import { describe, expect, it } from 'vitest';
import { NOT_FOUND_PAGE, routeRequest } from '../../../src/lib/offline/routing';

const ORIGIN = 'https://customerforlife.example';
const PRECACHED = new Set([
  '/',
  '/calculators/sale-vs-customer/',
  '/404.html',
  '/_astro/a.js',
  '/pagefind/pagefind-entry.json',
]);

const page = (path: string) => ({
  url: path.startsWith('http') ? path : `${ORIGIN}${path}`,
  method: 'GET',
  mode: 'navigate',
});
const file = (path: string) => ({ url: `${ORIGIN}${path}`, method: 'GET', mode: 'cors' });

describe('routeRequest', () => {
  it('answers a precached page from the cache, whatever its query string and hash', () => {
    expect(routeRequest(page('/calculators/sale-vs-customer/?aov=45&margin=35'), ORIGIN, PRECACHED)).toEqual({
      kind: 'cache',
      key: '/calculators/sale-vs-customer/',
    });
    expect(routeRequest(page('/#main'), ORIGIN, PRECACHED)).toEqual({ kind: 'cache', key: '/' });
  });

  it('takes /x and /x/index.html for the page /x/', () => {
    for (const path of ['/calculators/sale-vs-customer', '/calculators/sale-vs-customer/index.html']) {
      expect(routeRequest(page(path), ORIGIN, PRECACHED)).toEqual({
        kind: 'cache',
        key: '/calculators/sale-vs-customer/',
      });
    }
  });

  it('sends an unknown page to the network, with the 404 page to fall back on', () => {
    expect(routeRequest(page('/no-such-page/'), ORIGIN, PRECACHED)).toEqual({
      kind: 'network',
      fallback: NOT_FOUND_PAGE,
    });
    expect(PRECACHED.has(NOT_FOUND_PAGE)).toBe(true);
  });

  it('answers a precached file from the cache, ignoring a cache-busting query', () => {
    expect(routeRequest(file('/_astro/a.js'), ORIGIN, PRECACHED)).toEqual({
      kind: 'cache',
      key: '/_astro/a.js',
    });
    expect(routeRequest(file('/pagefind/pagefind-entry.json?ts=1733220000'), ORIGIN, PRECACHED)).toEqual({
      kind: 'cache',
      key: '/pagefind/pagefind-entry.json',
    });
  });

  it('leaves other files, other methods and other origins to the browser', () => {
    expect(routeRequest(file('/og/site.png'), ORIGIN, PRECACHED)).toEqual({ kind: 'pass' });
    expect(routeRequest({ ...file('/'), method: 'POST' }, ORIGIN, PRECACHED)).toEqual({ kind: 'pass' });
    expect(routeRequest(page('https://elsewhere.example/'), ORIGIN, PRECACHED)).toEqual({ kind: 'pass' });
    expect(routeRequest(file('http://customerforlife.example/_astro/a.js'), ORIGIN, PRECACHED)).toEqual({
      kind: 'pass',
    });
  });
});
