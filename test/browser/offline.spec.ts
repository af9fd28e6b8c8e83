import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { wake } from './wake';
import Papa from 'papaparse';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPrecache } from '../../src/lib/offline/precache';
import { builtFiles, bundleWorker } from '../../src/integrations/service-worker';
import { builtPages, distDir } from './site-pages';
import { serveDirectory, type StaticSite } from './static-server';
import { scrollToWhatIsWaiting } from './waiting';

// The site after one visit, with the network cut. Each test serves the build from its own server
// (static-server.ts) so it can stop it: a stopped server is an origin nothing can reach, whatever the
// browser's own offline emulation covers. The rest of the suite blocks service workers (playwright.config.ts).
test.use({ serviceWorkers: 'allow' });

const PRECACHE_PREFIX = 'customer-for-life-';

/** Waits until the worker controls the page; returns its caches' names and what the precache holds. */
async function waitForPrecache(page: Page): Promise<{ names: string[]; paths: string[] }> {
  // The worker claims the page once installed (every file fetched) and activated.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return page.evaluate(async (prefix) => {
    const names = (await caches.keys()).filter((name) => name.startsWith(prefix));
    const requests = names.length === 1 ? await (await caches.open(names[0]!)).keys() : [];
    return { names, paths: requests.map((request) => new URL(request.url).pathname) };
  }, PRECACHE_PREFIX);
}

/** Every error a page reports: script errors, console errors and requests that failed or were refused. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} ${message.location().url}`);
  });
  page.on('requestfailed', (request) => {
    // Chromium fetches the tab's icon itself, outside the page and its service worker.
    if (new URL(request.url()).pathname !== '/favicon.svg') {
      errors.push(`failed: ${request.url()} (${request.failure()?.errorText ?? 'no reason given'})`);
    }
  });
  return errors;
}

async function openSite(context: BrowserContext, site: StaticSite, path = '/') {
  const page = await context.newPage();
  await page.goto(`${site.origin}${path}`);
  return page;
}

test('after one visit every page, the calculators, search and the orders sample work with no network', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const site = await serveDirectory(distDir);
  const context = await browser.newContext({ baseURL: site.origin });
  const page = await openSite(context, site);
  const { names, paths } = await waitForPrecache(page);
  expect(names).toHaveLength(1);
  const pages = builtPages();
  expect(paths).toEqual(
    expect.arrayContaining([
      ...pages,
      '/404.html',
      '/pagefind/pagefind.js',
      '/pagefind/pagefind-worker.js',
      '/samples/orders-sample.csv',
      '/manifest.webmanifest',
      '/icons/icon-512.png',
    ]),
  );
  // The link-preview cards are for other sites' crawlers, not for reading offline.
  expect(paths.filter((path) => path.startsWith('/og/'))).toEqual([]);

  // Chromium's own installability check: nothing is missing but a normal profile (test contexts are
  // incognito-like).
  const cdp = await context.newCDPSession(page);
  expect((await cdp.send('Page.getAppManifest')).errors).toEqual([]);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors.map((error) => error.errorId).filter((id) => id !== 'in-incognito')).toEqual(
    [],
  );
  await cdp.detach();

  await site.close();
  await context.setOffline(true);
  // The origin is gone: what the worker does not keep cannot be fetched.
  expect(
    await page.evaluate(() =>
      fetch('/og/site.png').then(
        (response) => `status ${response.status}`,
        () => 'unreachable',
      ),
    ),
  ).toBe('unreachable');

  const errors = collectErrors(page);
  for (const path of pages) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    expect(response?.fromServiceWorker(), path).toBe(true);
    await expect(page, path).toHaveTitle(/\S.* · Customer for Life$|^Customer for Life$/);
    await expect(page.locator('h1').first(), path).toBeVisible();
    await expect(page.locator('main'), path).not.toBeEmpty();
    // Every island hydrates and every chart in sight draws, their lazily loaded code (Chart.js among it) coming
    // from the cache; a calculator waits for the reader's first use (client:firstuse), here a key press that
    // changes nothing.
    await page.keyboard.press('Shift');
    await expect.poll(() => page.evaluate(scrollToWhatIsWaiting), { message: path }).toBe(0);
    expect(errors, path).toEqual([]);
  }

  // An unknown address gets the 404 page.
  const missing = await page.goto('/no-such-page/');
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('not here');
  expect(errors.splice(0)).toEqual([expect.stringMatching(/status of 404 .*\/no-such-page\//)]);

  // A calculator link with its inputs in the query string, then typing.
  await page.goto('/calculators/sale-vs-customer/?aov=45&margin=40');
  await wake(page);
  await expect(page.getByLabel('Average order value')).toHaveValue('45');
  // 45 × 40 % = 18, then 100 × 40 % = 40.
  await expect(page.locator('[data-result="sale"]').first()).toHaveAttribute('data-value', '18');
  await page.getByLabel('Average order value').fill('100');
  await expect(page.locator('[data-result="sale"]').first()).toHaveAttribute('data-value', '40');

  // Search: Pagefind's script, worker, WebAssembly and index chunks all come from the cache.
  await page.goto('/search/');
  await page.getByLabel('Search for').fill('retention');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.locator('[data-search-status]')).toContainText(/\d+ pages? found/);
  await expect(page.locator('[data-search-results] li').first()).toBeVisible();

  // The orders page: its worker, the CSV library and the sample file.
  const sample = Papa.parse<string[]>(readFileSync(join(distDir, 'samples/orders-sample.csv'), 'utf8'), {
    skipEmptyLines: 'greedy',
  }).data.slice(1);
  await page.goto('/calculators/your-orders/');
  await expect(page.getByTestId('your-orders')).toHaveAttribute('data-hydrated', 'true');
  await page.getByRole('button', { name: 'Try the sample file' }).click();
  await page.getByRole('button', { name: 'Work out my numbers' }).click();
  await expect(page.locator('[data-result="customers"]')).toHaveAttribute(
    'data-value',
    String(new Set(sample.map((row) => row[0])).size),
  );
  await expect(page.locator('[data-result="orders"]')).toHaveAttribute('data-value', String(sample.length));
  expect(errors).toEqual([]);
  await context.close();
});

test('a new build takes over at the next visit, says so in a note, and its predecessor’s cache is removed', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  // A copy of the build to deploy a second build into.
  const root = mkdtempSync(join(tmpdir(), 'cfl-offline-'));
  cpSync(distDir, root, { recursive: true });
  const site = await serveDirectory(root);
  try {
    const context = await browser.newContext({ baseURL: site.origin });
    const page = await openSite(context, site);
    const first = await waitForPrecache(page);
    expect(first.names).toHaveLength(1);

    // The second build: one page changed, and its worker written the way the build writes it.
    const glossary = join(root, 'glossary/index.html');
    writeFileSync(
      glossary,
      readFileSync(glossary, 'utf8').replace('</main>', '<p data-second-build>2</p></main>'),
    );
    const precache = buildPrecache(await builtFiles(root));
    writeFileSync(join(root, 'sw.js'), await bundleWorker(precache));
    const secondName = `${PRECACHE_PREFIX}${precache.version}`;
    expect(first.names).not.toContain(secondName);

    // The browser checks the worker when a page is opened; the page asks here to be sure it has.
    await page.goto('/articles/');
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await page.waitForFunction(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return registration?.waiting?.state === 'installed';
    });

    // While the site is open, the old build stays: an open page may still load chunks of its own build.
    await page.goto('/glossary/');
    await expect(page.locator('[data-second-build]')).toHaveCount(0);
    expect((await waitForPrecache(page)).names).toEqual(expect.arrayContaining(first.names));

    // The next visit, once the site's tabs are closed, is the new build's, with the note.
    await page.close();
    // With no page open the browser activates the waiting build, which removes the old cache (a reader
    // would come back later; a worker may restart meanwhile, so any live one is asked).
    const cacheNames = () =>
      Promise.any(context.serviceWorkers().map((worker) => worker.evaluate(() => caches.keys()))).catch(
        () => [],
      );
    await expect.poll(cacheNames).toEqual([secondName]);
    const next = await openSite(context, site, '/glossary/');
    const errors = collectErrors(next);
    await expect(next.locator('[data-second-build]')).toHaveCount(1);
    const note = next.locator('[data-update-note]');
    await expect(note).toHaveRole('status');
    await expect(note).toContainText('updated');
    const after = await waitForPrecache(next);
    expect(after.names).toEqual([secondName]);
    expect(after.paths).toContain('/glossary/');

    // Polite and out of the way: axe finds nothing, the keyboard reaches and dismisses it.
    const axe = await new AxeBuilder({ page: next }).include('[data-update-note]').analyze();
    expect(axe.violations.map((violation) => violation.id)).toEqual([]);
    await next.keyboard.press('Tab');
    await next.keyboard.press('Tab');
    await expect(next.getByRole('button', { name: 'Dismiss' })).toBeFocused();
    await next.keyboard.press('Enter');
    await expect(note).toBeHidden();
    await expect(note).toBeEmpty();

    // Shown once: the next page has no note.
    await next.goto('/articles/');
    await next.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await next.waitForTimeout(500);
    await expect(note).toBeHidden();
    expect(errors).toEqual([]);
    await context.close();
  } finally {
    await site.close();
    rmSync(root, { recursive: true, force: true });
  }
});
