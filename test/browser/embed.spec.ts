import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Frame, type Page } from '@playwright/test';
import { wake } from './wake';
import { EMBED_RESIZE_MESSAGE, embedListenerSnippet, embedSnippet } from '../../src/lib/embed';

// The embed pages (/embed/<calculator>/) on their own, and inside an iframe on a host page of another origin.
// The host page is served by page.route at https://host.test/, so no request leaves the machine. Chromium's
// Local Network Access checks block a public page from framing 127.0.0.1 unless the host is a secure context
// and has been granted "local-network-access", as a reader's browser would ask; the test grants it.

const HOST = 'https://host.test/';

declare global {
  interface Window {
    /** Every message the host page received from the embed's origin, in order. */
    received?: { type: string; height: number; path: string }[];
  }
}

async function open(page: Page, path: string) {
  await page.goto(path);
  await wake(page);
}

test.describe('embed pages', () => {
  test('show the calculator with minimal chrome and honour the URL keys', async ({ page }) => {
    await open(page, '/embed/sale-vs-customer/?aov=100&currency=USD');
    // 100 × 40 % = 40.
    await expect(page.locator('[data-result="sale"]')).toHaveAttribute('data-value', '40');
    await expect(page.locator('.site-header, .site-footer, nav')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Sale vs Customer');
    // Not listed in the sitemap; the canonical link names the full page, so search engines credit it.
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/calculators\/[a-z-]+\/$/);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
      'href',
      /^https:\/\/[^/]+\/calculators\/sale-vs-customer\/$/,
    );

    const full = page.getByRole('link', { name: /Open the full calculator/ });
    await expect(full).toHaveAttribute('target', '_blank');
    await expect(full).toHaveAttribute('rel', /noopener/);
    await expect(full).toHaveAttribute('href', /\/calculators\/sale-vs-customer\/\?aov=100&currency=USD$/);
    await expect(page.getByRole('link', { name: /Customer for Life/ })).toHaveAttribute(
      'href',
      /\/calculators\/sale-vs-customer\/\?aov=100&currency=USD$/,
    );

    // The calculator rewrites the address as the reader types; the link carries the new state when used.
    await page.getByLabel('Average order value').fill('80');
    await expect(page).toHaveURL(/[?&]aov=80(&|$)/);
    await full.focus();
    await expect(full).toHaveAttribute('href', /\/calculators\/sale-vs-customer\/\?(.*&)?aov=80(&|$)/);
  });

  test('the retention embed honours its keys too', async ({ page }) => {
    await open(page, '/embed/retention-vs-acquisition/?programCost=12&currency=USD');
    // 45,000 − (12 × 1,000 + 30,000) = 3,000 a year (the default programme, 10, would save 5,000).
    await expect(page.locator('[data-result="savingsPerYear"]')).toHaveAttribute('data-value', '3000');
    await expect(page.locator('.site-header, .site-footer, nav')).toHaveCount(0);
    await expect(page.getByRole('link', { name: /Open the full calculator/ })).toHaveAttribute(
      'href',
      /\/calculators\/retention-vs-acquisition\/\?programCost=12&currency=USD$/,
    );
  });

  for (const path of ['/embed/sale-vs-customer/', '/embed/retention-vs-acquisition/']) {
    test(`${path} has no axe violations`, async ({ page }) => {
      await open(page, path);
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForLoadState('networkidle');
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
        .analyze();
      expect(
        results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      ).toEqual([]);
    });
  }
});

test.describe('an embed in a host page', () => {
  // One column, so anything added to the calculator makes the page taller.
  test.use({ viewport: { width: 700, height: 900 } });

  /** A host page of another origin with the snippet and listener the Embed dialog hands out. */
  function hostPage(origin: string): string {
    return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>A host page</title></head>
<body>
  <h1>A host page</h1>
  ${embedSnippet(origin, 'sale-vs-customer', 'aov=100', 'Sale vs Customer calculator')}
  <script>
    window.received = [];
    window.addEventListener('message', function (event) {
      if (event.origin === ${JSON.stringify(origin)}) window.received.push(event.data);
    });
  </script>
  ${embedListenerSnippet(origin)}
</body>
</html>`;
  }

  const lastHeight = (page: Page) => page.evaluate(() => window.received?.at(-1)?.height ?? 0);
  const frameHeight = (page: Page) =>
    page.evaluate(() => document.querySelector('iframe')?.clientHeight ?? 0);
  const contentHeight = (frame: Frame) =>
    frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));

  /** Waits until the last height posted is the embed's current height, and returns it. */
  async function settled(page: Page, frame: Frame): Promise<number> {
    await expect.poll(async () => (await lastHeight(page)) === (await contentHeight(frame))).toBe(true);
    return lastHeight(page);
  }

  test('reports its height, and again whenever it changes; the listener resizes the frame', async ({
    page,
    context,
    baseURL,
  }) => {
    const origin = new URL(baseURL ?? '').origin;
    await context.grantPermissions(['local-network-access'], { origin: new URL(HOST).origin });
    await page.route(HOST, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: hostPage(origin) }),
    );
    await page.goto(HOST);

    const inside = page.frameLocator('iframe');
    await expect(inside.getByTestId('calculator')).toHaveAttribute('data-hydrated', 'true');
    await expect(inside.locator('[data-result="sale"]')).toHaveAttribute('data-value', '40');
    const frame = page.frame({ url: /\/embed\/sale-vs-customer\/\?aov=100$/ });
    expect(frame).not.toBeNull();
    if (!frame) return;

    // The first message: the right shape, a real page's height, and the frame follows it.
    await expect.poll(() => page.evaluate(() => window.received?.length ?? 0)).toBeGreaterThan(0);
    const first = await page.evaluate(() => window.received?.[0]);
    expect(first).toEqual({
      type: EMBED_RESIZE_MESSAGE,
      height: expect.any(Number),
      path: '/embed/sale-vs-customer/',
    });
    expect(first?.height).toBeGreaterThan(600);

    const before = await settled(page, frame);
    await expect.poll(() => frameHeight(page)).toBe(before);
    // Sized to its content, the frame needs no scroll bar of its own.
    expect(await frame.evaluate(() => document.documentElement.scrollHeight <= innerHeight)).toBe(true);

    // A bad entry adds an error message and a notice: the page grows, and says so.
    await inside.getByLabel('Average order value').fill('8o');
    await expect(inside.getByLabel('Average order value')).toHaveAttribute('aria-invalid', 'true');
    await expect.poll(() => lastHeight(page)).toBeGreaterThan(before);
    const taller = await settled(page, frame);
    expect(taller).toBeGreaterThan(before);
    await expect.poll(() => frameHeight(page)).toBe(taller);

    // Put right, the messages go away: the page shrinks again, and the frame with it.
    await inside.getByLabel('Average order value').fill('100');
    await expect(inside.getByLabel('Average order value')).not.toHaveAttribute('aria-invalid', 'true');
    await expect.poll(() => lastHeight(page)).toBeLessThan(taller);
    const shorter = await settled(page, frame);
    await expect.poll(() => frameHeight(page)).toBe(shorter);

    // Every message came from the embed page, and none repeated the height before it.
    const heights = await page.evaluate(() => (window.received ?? []).map((m) => m.height));
    heights.forEach((height, i) => expect(height).not.toBe(heights[i - 1]));
  });
});
