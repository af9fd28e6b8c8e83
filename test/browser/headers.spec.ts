import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtPages, distDir } from './site-pages';

// Checks dist/_headers (from public/_headers, Netlify and Cloudflare Pages format); needs no browser.

interface Rule {
  path: string;
  headers: [name: string, value: string][];
}

/** The rules of a `_headers` file: an unindented path, then its indented `Name: value` lines. */
function parseHeaders(text: string): Rule[] {
  const rules: Rule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: [] });
      continue;
    }
    const match = /^\s+([\w-]+):\s*(.+)$/.exec(line);
    const rule = rules.at(-1);
    if (!match || !rule) throw new Error(`Not a header line: ${line}`);
    rule.headers.push([match[1]!.toLowerCase(), match[2]!.trim()]);
  }
  return rules;
}

/** Every value of header `name` that the host sends for `path` (`*` matches any characters). */
function headersFor(rules: Rule[], path: string, name: string): string[] {
  return rules
    .filter((rule) => new RegExp(`^${rule.path.split('*').map(escape).join('.*')}$`).test(path))
    .flatMap((rule) => rule.headers.filter(([n]) => n === name.toLowerCase()).map(([, value]) => value));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const rules = parseHeaders(readFileSync(join(distDir, '_headers'), 'utf8'));
const pages = [...builtPages(), '/404.html'];

test('every response gets the site-wide security headers', () => {
  for (const path of [...pages, '/_astro/x.js', '/og/home.png', '/rss.xml', '/sw.js']) {
    expect(headersFor(rules, path, 'Referrer-Policy'), path).toEqual(['no-referrer']);
    expect(headersFor(rules, path, 'X-Content-Type-Options'), path).toEqual(['nosniff']);
    const permissions = headersFor(rules, path, 'Permissions-Policy');
    expect(permissions, path).toHaveLength(1);
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'browsing-topics']) {
      expect(permissions[0], path).toContain(`${feature}=()`);
    }
  }
});

test('every page gets exactly one CSP header, framable only under /embed/', () => {
  for (const path of pages) {
    const csp = headersFor(rules, path, 'Content-Security-Policy');
    // Two rules setting it would be joined into two policies, both enforced.
    expect(csp, path).toHaveLength(1);
    const directives = csp[0]!.split(';').map((d) => d.trim());
    expect(directives, path).toEqual(
      expect.arrayContaining(["base-uri 'self'", "object-src 'none'", "form-action 'self'"]),
    );
    expect(directives, path).toContain(
      path.startsWith('/embed/') ? 'frame-ancestors *' : "frame-ancestors 'self'",
    );
    // The page's <meta> policy holds the hashes of its inline scripts and styles; a fetch directive here
    // would be enforced beside it and block them.
    expect(csp[0], path).not.toMatch(/(^|;)\s*(default|script|style)-src/);
    expect(csp[0], path).not.toContain("'unsafe-inline'");
    expect(csp[0], path).not.toContain("'unsafe-eval'");
  }
});

test('hashed build assets are cached for a year', () => {
  expect(headersFor(rules, '/_astro/index.Bx1y2z.js', 'Cache-Control')).toEqual([
    'public, max-age=31536000, immutable',
  ]);
  for (const path of pages) expect(headersFor(rules, path, 'Cache-Control'), path).toEqual([]);
});

test('the service worker is revalidated on every check, so a new build is found at the next visit', () => {
  expect(headersFor(rules, '/sw.js', 'Cache-Control')).toEqual(['no-cache']);
  // Served at the root, its scope is the whole site without a Service-Worker-Allowed header.
  expect(headersFor(rules, '/sw.js', 'Service-Worker-Allowed')).toEqual([]);
  expect(readFileSync(join(distDir, 'sw.js'), 'utf8')).toContain('addEventListener');
});
