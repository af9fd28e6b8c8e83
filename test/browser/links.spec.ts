import { expect, test } from '@playwright/test';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { builtPages, distDir } from './site-pages';

// Reads the built HTML: every internal link and anchor must land somewhere, and the feed and sitemap must
// list exactly the pages there are.

function htmlFiles(dir = distDir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === '_astro' || name === 'pagefind' ? [] : htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

function idsIn(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] ?? ''));
}

/** The built file a site path is served from, if any. */
function fileFor(path: string): string | undefined {
  const clean = decodeURIComponent(path);
  const candidates = [join(distDir, clean), join(distDir, clean, 'index.html')];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

test('every internal link and anchor on every page resolves', () => {
  const broken: string[] = [];
  for (const file of htmlFiles()) {
    const page =
      '/' +
      relative(distDir, file)
        .split(sep)
        .join('/')
        .replace(/index\.html$/, '');
    const html = readFileSync(file, 'utf8');
    for (const match of html.matchAll(/\shref="([^"]+)"/g)) {
      const href = (match[1] ?? '').replace(/&amp;/g, '&');
      if (/^(https?:|mailto:|data:)/.test(href)) continue;
      const url = new URL(href, `http://site.test${page}`);
      const target = url.pathname === page ? file : fileFor(url.pathname);
      if (!target) {
        broken.push(`${page} → ${href}`);
        continue;
      }
      const anchor = decodeURIComponent(url.hash.slice(1));
      if (anchor && target.endsWith('.html') && !idsIn(readFileSync(target, 'utf8')).has(anchor)) {
        broken.push(`${page} → ${href} (no #${anchor})`);
      }
    }
  }
  expect(broken).toEqual([]);
});

test('the sitemap lists every page except the embeds, and nothing else', () => {
  const index = readFileSync(join(distDir, 'sitemap-index.xml'), 'utf8');
  const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? '').pathname);
  const listed = sitemaps
    .flatMap((path) => [...readFileSync(join(distDir, path), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)])
    .map((m) => new URL(m[1] ?? '').pathname)
    .sort();
  expect(listed).toEqual(builtPages().filter((path) => !path.startsWith('/embed/')));
});

test('the RSS feed is well formed and lists every article', async ({ request }) => {
  const response = await request.get('/rss.xml');
  expect(response.ok()).toBe(true);
  const xml = await response.text();
  expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
  expect(xml).toContain('<rss version="2.0"');
  const articles = builtPages().filter((path) => /^\/articles\/.+\/$/.test(path));
  const links = [...xml.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>[\s\S]*?<\/item>/g)].map(
    (m) => new URL(m[1] ?? '').pathname,
  );
  expect(links.sort()).toEqual(articles.sort());
  for (const item of xml.match(/<item>[\s\S]*?<\/item>/g) ?? []) {
    expect(item).toMatch(/<title>[^<]+<\/title>/);
    expect(item).toMatch(/<pubDate>[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} /);
    expect(item).toMatch(/<description>[^<]+<\/description>/);
  }
});
