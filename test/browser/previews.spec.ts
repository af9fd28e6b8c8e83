import { expect, test } from '@playwright/test';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { builtPages, distDir } from './site-pages';

// Link previews (Open Graph and Twitter cards) are read from the built HTML and the PNGs beside it: what a
// chat or mail client fetches when someone pastes a link. No browser needed.

const pages = builtPages();
const MAX_BYTES = 300 * 1024;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function htmlOf(path: string): string {
  return readFileSync(join(distDir, path, 'index.html'), 'utf8');
}

function decode(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The page's `<meta>` tags as property-or-name → content (the first of each). */
function metaTags(html: string): Map<string, string> {
  const tags = new Map<string, string>();
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/gi)) {
    const attributes = new Map<string, string>();
    for (const match of tag.matchAll(/([a-z:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
      attributes.set(match[1]!.toLowerCase(), decode(match[2] ?? match[3] ?? ''));
    }
    const key = attributes.get('property') ?? attributes.get('name');
    const content = attributes.get('content');
    if (key && content !== undefined && !tags.has(key)) tags.set(key, content);
  }
  return tags;
}

/** The built file an absolute image URL points at. */
function fileOf(url: string): string {
  return join(distDir, decodeURIComponent(new URL(url).pathname));
}

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)], 'PNG signature').toEqual(PNG_SIGNATURE);
  expect(bytes.toString('latin1', 12, 16), 'first chunk').toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('the build has pages to check', () => {
  expect(pages.length).toBeGreaterThan(5);
});

for (const path of pages) {
  test(`page ${path} has link-preview metadata and a 1200×630 PNG card`, () => {
    const meta = metaTags(htmlOf(path));
    for (const key of [
      'og:title',
      'og:description',
      'og:image',
      'og:url',
      'twitter:card',
      'twitter:image',
      'twitter:title',
      'twitter:description',
    ]) {
      expect(meta.get(key)?.trim(), `${key} on ${path}`).toBeTruthy();
    }
    expect(meta.get('twitter:card')).toBe('summary_large_image');
    expect(meta.get('og:image:type')).toBe('image/png');

    const image = meta.get('og:image')!;
    const url = meta.get('og:url')!;
    expect(new URL(image).origin, 'og:image is absolute, on the site').toBe(new URL(url).origin);
    expect(meta.get('twitter:image')).toBe(image);

    const file = fileOf(image);
    expect(existsSync(file), `${image} is built`).toBe(true);
    expect(statSync(file).size).toBeLessThan(MAX_BYTES);
    expect(pngSize(readFileSync(file))).toEqual({ width: 1200, height: 630 });
  });
}

test('calculators and articles have their own cards, different from the site card', () => {
  const own = pages.filter((path) => /^\/(calculators|articles)\/[^/]+\/$/.test(path));
  expect(own).toEqual(
    expect.arrayContaining(['/calculators/sale-vs-customer/', '/calculators/retention-vs-acquisition/']),
  );
  expect(own.some((path) => path.startsWith('/articles/'))).toBe(true);

  const siteImage = readFileSync(fileOf(metaTags(htmlOf('/')).get('og:image')!));
  const seen = new Map<string, string>();
  for (const path of own) {
    const image = metaTags(htmlOf(path)).get('og:image')!;
    expect(new URL(image).pathname).not.toBe(new URL(metaTags(htmlOf('/')).get('og:image')!).pathname);
    const bytes = readFileSync(fileOf(image));
    expect(bytes.equals(siteImage), `${image} differs from the site card`).toBe(false);
    const key = bytes.toString('base64');
    expect(seen.get(key), `${path} has a card of its own`).toBeUndefined();
    seen.set(key, path);
  }
});
