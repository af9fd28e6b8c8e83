import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtPages, distDir } from './site-pages';

const pages = builtPages();

test('the build has the pages the site promises', () => {
  expect(pages).toEqual(
    expect.arrayContaining([
      '/',
      '/calculators/',
      '/calculators/retention-vs-acquisition/',
      '/calculators/sale-vs-customer/',
      '/privacy/',
    ]),
  );
});

for (const path of pages) {
  test.describe(`page ${path}`, () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      test(`has no axe violations in the ${colorScheme} theme`, async ({ page }) => {
        await page.emulateMedia({ colorScheme });
        await page.goto(path);
        await page.waitForLoadState('networkidle');
        const results = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
          .analyze();
        expect(
          results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        ).toEqual([]);
      });
    }

    test('makes no request outside 127.0.0.1 and logs no errors', async ({ page }) => {
      const outside: string[] = [];
      const errors: string[] = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.protocol !== 'data:' && url.hostname !== '127.0.0.1') outside.push(request.url());
      });
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`${message.text()} ${message.location().url}`);
      });
      page.on('response', (response) => {
        if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(path);
      // Scroll to the end so lazily loaded parts (the chart) load too.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForLoadState('networkidle');
      expect(outside).toEqual([]);
      expect(errors).toEqual([]);
    });

    test('has a proper head, a strict CSP and no inline style attributes', () => {
      const file = join(distDir, path, 'index.html');
      const html = readFileSync(file, 'utf8');
      expect(html).toMatch(/<html lang="en"/);
      expect(html).toMatch(/<title>[^<]+<\/title>/);
      expect(html).toMatch(/<meta name="description" content="[^"]{40,}"/);
      expect(html).toMatch(/<link rel="canonical" href="https:\/\/[^"]+"/);
      expect(html).toMatch(/<meta property="og:title"/);
      expect(html).toMatch(/<link rel="icon"/);
      const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain('script-src');
      expect(csp).not.toContain("'unsafe-inline'");
      // 'wasm-unsafe-eval' (the search page's WebAssembly) is allowed; 'unsafe-eval' is not.
      expect(csp).not.toContain("'unsafe-eval'");
      expect(html).not.toMatch(/\sstyle="/);
    });
  });
}

test('an unknown address shows the 404 page with a way back', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('not here');
  await expect(page.getByRole('link', { name: 'The home page' })).toBeVisible();
});

test('the home page leads to the calculator', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: /Work out what a customer is worth/ }).click();
  await expect(page).toHaveURL(/\/calculators\/sale-vs-customer\/$/);
});
