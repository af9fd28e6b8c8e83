import { createHash } from 'node:crypto';

// Which built files the service worker keeps for offline reading, the URL each is requested at, and the
// build's version. Runs at build time only (src/integrations/service-worker.ts).

/** A built file: its path inside dist/ ("calculators/index.html") and a hash of its bytes. */
export interface BuiltFile {
  readonly path: string;
  readonly digest: string;
}

/** What the service worker is built with: its cache's version and the URLs it keeps. */
export interface Precache {
  readonly version: string;
  readonly urls: readonly string[];
}

/**
 * Files that are not for reading offline: link-preview cards (1200×630, fetched by other sites' crawlers),
 * the crawlers' sitemaps, the hosts' headers file, the worker itself, and Pagefind's ready-made interfaces,
 * which this site does not use (it has its own search page).
 */
const LEFT_OUT: readonly RegExp[] = [
  /^og\//,
  /^sitemap[^/]*\.xml$/,
  /^_headers$/,
  /^_redirects$/,
  /^sw\.js$/,
  /^pagefind\/pagefind-(?:component-|modular-)?ui\./,
  /^pagefind\/pagefind-highlight\.js$/,
];

/** True when the file at `path` (inside dist/, with "/" separators) is kept for offline reading. */
export function isPrecached(path: string): boolean {
  return !LEFT_OUT.some((pattern) => pattern.test(path));
}

/**
 * The URL a built file is requested at: a page's folder for its index.html ("x/index.html" → "/x/", as
 * the site links with trailing slashes), the file's own path for everything else ("404.html" → "/404.html").
 */
export function precacheUrl(path: string): string {
  if (path === 'index.html') return '/';
  if (path.endsWith('/index.html')) return `/${path.slice(0, -'index.html'.length)}`;
  return `/${path}`;
}

/**
 * A short hash of every kept URL and its content: the same files give the same version, so a build that
 * changes nothing leaves the worker byte for byte the same and browsers keep their cache.
 */
export function precacheVersion(entries: readonly { url: string; digest: string }[]): string {
  // One JSON pair a line: no URL or digest can run into the next.
  const lines = entries.map(({ url, digest }) => JSON.stringify([url, digest])).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);
}

/** The precache of a build: the kept files' URLs (sorted) and their version. */
export function buildPrecache(files: readonly BuiltFile[]): Precache {
  const entries = files
    .filter((file) => isPrecached(file.path))
    .map((file) => ({ url: precacheUrl(file.path), digest: file.digest }));
  const urls = entries.map((entry) => entry.url).sort();
  const duplicate = urls.find((url, i) => url === urls[i - 1]);
  if (duplicate) throw new Error(`Two built files are served at ${duplicate}`);
  return { version: precacheVersion(entries), urls };
}
