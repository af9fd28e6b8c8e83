import { describe, expect, it } from 'vitest';
import { buildPrecache, isPrecached, precacheUrl, precacheVersion } from '../../../src/lib/offline/precache';

describe('precacheUrl', () => {
  it.each([
    ['index.html', '/'],
    ['calculators/sale-vs-customer/index.html', '/calculators/sale-vs-customer/'],
    ['404.html', '/404.html'],
    ['_astro/client.Ce2WVs2G.js', '/_astro/client.Ce2WVs2G.js'],
    ['pagefind/fragment/en_1a2b.pf_fragment', '/pagefind/fragment/en_1a2b.pf_fragment'],
  ])('serves %s at %s', (path, url) => {
    expect(precacheUrl(path)).toBe(url);
  });
});

describe('isPrecached', () => {
  it.each([
    'index.html',
    'glossary/index.html',
    '_astro/papaparse.min.kIb9c9Ag.js',
    'pagefind/pagefind.js',
    'pagefind/pagefind-worker.js',
    'pagefind/wasm.en.pagefind',
    'pagefind/index/en_3f.pf_index',
    'samples/orders-sample.csv',
    'manifest.webmanifest',
    'icons/icon-maskable-512.png',
    'favicon.svg',
    'rss.xml',
  ])('keeps %s', (path) => {
    expect(isPrecached(path)).toBe(true);
  });

  it.each([
    'og/site.png',
    'og/articles/a-sale-or-a-customer.png',
    'sitemap-index.xml',
    'sitemap-0.xml',
    '_headers',
    'sw.js',
    'pagefind/pagefind-ui.js',
    'pagefind/pagefind-component-ui.css',
    'pagefind/pagefind-modular-ui.js',
    'pagefind/pagefind-highlight.js',
  ])('leaves out %s', (path) => {
    expect(isPrecached(path)).toBe(false);
  });

  it('leaves out only the top-level og folder, not a page whose name starts with og', () => {
    expect(isPrecached('articles/og-tags/index.html')).toBe(true);
  });
});

describe('precacheVersion', () => {
  const entries = [
    { url: '/', digest: 'aa' },
    { url: '/404.html', digest: 'bb' },
  ];

  it('is 16 hex digits, the same for the same files in any order', () => {
    const version = precacheVersion(entries);
    expect(version).toMatch(/^[0-9a-f]{16}$/);
    expect(precacheVersion([...entries].reverse())).toBe(version);
  });

  it('changes when a file’s content, its URL or the set of files changes', () => {
    const version = precacheVersion(entries);
    expect(precacheVersion([{ url: '/', digest: 'ab' }, entries[1]!])).not.toBe(version);
    expect(precacheVersion([{ url: '/x/', digest: 'aa' }, entries[1]!])).not.toBe(version);
    expect(precacheVersion([...entries, { url: '/rss.xml', digest: 'cc' }])).not.toBe(version);
    expect(precacheVersion(entries.slice(1))).not.toBe(version);
  });

  it('keeps each URL apart from its digest', () => {
    expect(precacheVersion([{ url: '/a', digest: 'b c' }])).not.toBe(
      precacheVersion([{ url: '/a b', digest: 'c' }]),
    );
  });
});

describe('buildPrecache', () => {
  const files = [
    { path: 'index.html', digest: '1' },
    { path: 'og/site.png', digest: '2' },
    { path: 'glossary/index.html', digest: '3' },
    { path: '_astro/a.js', digest: '4' },
  ];

  it('lists the kept files’ URLs, sorted, and leaves the rest out of the version too', () => {
    const precache = buildPrecache(files);
    expect(precache.urls).toEqual(['/', '/_astro/a.js', '/glossary/']);
    const withoutPreview = buildPrecache(files.filter((file) => !file.path.startsWith('og/')));
    expect(withoutPreview.version).toBe(precache.version);
    const newPreview = buildPrecache(
      files.map((f) => (f.path.startsWith('og/') ? { ...f, digest: '9' } : f)),
    );
    expect(newPreview.version).toBe(precache.version);
  });

  it('gives a new version when a kept file changes', () => {
    const changed = files.map((file) =>
      file.path === 'glossary/index.html' ? { ...file, digest: '5' } : file,
    );
    expect(buildPrecache(changed).version).not.toBe(buildPrecache(files).version);
  });

  it('refuses two files served at one URL', () => {
    expect(() =>
      buildPrecache([
        { path: 'x/index.html', digest: '1' },
        { path: 'x/', digest: '2' },
      ]),
    ).toThrow('/x/');
  });
});
