import { expect, test, type Browser, type Page } from '@playwright/test';
import { wake } from './wake';
import { readFileSync } from 'node:fs';
import { builtPages } from './site-pages';

const pages = builtPages();
const CALCULATORS = ['/calculators/sale-vs-customer/', '/calculators/retention-vs-acquisition/'];

/**
 * Opens `path` as a reader would: waits for its scripts to settle, then scrolls to the bottom so lazily drawn parts (the chart and its table) are on the page before anything is measured.
 */
async function openFully(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => window.scrollTo(0, 0));
}

/**
 * How far the page scrolls sideways, and the elements that stick out past the right edge without being inside
 * a region that scrolls (or clips) on its own, which is where a wide table is allowed to be.
 */
async function horizontalOverflow(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const contained = (element: Element): boolean => {
      for (let node = element.parentElement; node && node !== document.body; node = node.parentElement) {
        const overflowX = getComputedStyle(node).overflowX;
        if (overflowX !== 'visible') return true;
      }
      return false;
    };
    const culprits: string[] = [];
    for (const element of document.body.querySelectorAll('*')) {
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 || rect.right <= width + 1 || contained(element)) continue;
      const name =
        element.tagName.toLowerCase() +
        (element.id ? `#${element.id}` : '') +
        (typeof element.className === 'string' && element.className
          ? `.${element.className.trim().split(/\s+/).join('.')}`
          : '');
      culprits.push(`${name} (right edge ${Math.round(rect.right)} > ${width})`);
      if (culprits.length >= 5) break;
    }
    return { scrollWidth: root.scrollWidth, clientWidth: width, culprits };
  });
}

async function checkReflow(browser: Browser, viewport: { width: number; height: number }, scale: number) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: scale });
  const page = await context.newPage();
  const failures: string[] = [];
  for (const path of pages) {
    await openFully(page, path);
    const result = await horizontalOverflow(page);
    if (result.scrollWidth > result.clientWidth + 1) {
      failures.push(
        `${path}: scrollWidth ${result.scrollWidth} > clientWidth ${result.clientWidth}; ${result.culprits.join(', ')}`,
      );
    }
  }
  await context.close();
  return failures;
}

test.describe('reflow: no horizontal scrolling', () => {
  test('every page at 320 CSS pixels wide', async ({ browser }) => {
    test.setTimeout(90_000);
    expect(await checkReflow(browser, { width: 320, height: 640 }, 1)).toEqual([]);
  });

  test('every page at 1280 pixels with 200 % zoom (640 CSS pixels at device scale 2)', async ({
    browser,
  }) => {
    test.setTimeout(90_000);
    expect(await checkReflow(browser, { width: 640, height: 400 }, 2)).toEqual([]);
  });
});

/** The orders page with a file's results on it: the Shopify fixture, read and fitted. */
async function ordersWithResults(page: Page) {
  await page.goto('/calculators/your-orders/');
  await expect(page.getByTestId('your-orders')).toHaveAttribute('data-hydrated', 'true');
  const file = readFileSync(new URL('../fixtures/orders/shopify.csv', import.meta.url));
  await page
    .getByTestId('file-input')
    .setInputFiles({ name: 'orders.csv', mimeType: 'text/csv', buffer: file });
  await page.getByRole('button', { name: 'Work out my numbers' }).click();
  await expect(page.getByTestId('line-accounting')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your numbers, predicted' })).toBeVisible();
  await expect(page.getByText('Fitting the models…')).toHaveCount(0, { timeout: 20_000 });
}

test.describe('reflow: the orders page with results loaded', () => {
  for (const [name, viewport, scale] of [
    ['320 CSS pixels wide', { width: 320, height: 640 }, 1],
    ['390 CSS pixels wide', { width: 390, height: 844 }, 1],
    ['1280 pixels at 200 % zoom', { width: 640, height: 400 }, 2],
  ] as const) {
    test(`${name}: no sideways scrolling; wide tables scroll in their own labelled, focusable region`, async ({
      browser,
    }) => {
      const context = await browser.newContext({ viewport, deviceScaleFactor: scale });
      const page = await context.newPage();
      await ordersWithResults(page);
      const result = await horizontalOverflow(page);
      expect(result.culprits).toEqual([]);
      expect(result.scrollWidth).toBeLessThanOrEqual(result.clientWidth + 1);
      // Every panel fits the screen.
      const panels = await page
        .locator('[data-testid="your-orders"] .panel')
        .evaluateAll((nodes) => nodes.map((node) => node.getBoundingClientRect().right));
      for (const right of panels) expect(right).toBeLessThanOrEqual(viewport.width + 1);
      // A table wider than its region scrolls inside it, and a keyboard can reach the region to scroll it;
      // the charts' tables are made when opened, so open them as a reader would.
      for (const summary of await page.locator('[data-testid="your-orders"] details.table > summary').all())
        await summary.click();
      const reopened = await horizontalOverflow(page);
      expect(reopened.culprits).toEqual([]);
      const regions = await page.locator('[data-testid="your-orders"] .scroller').evaluateAll((nodes) =>
        nodes.map((node) => {
          // a label of its own, or the text of the caption it names (a chart's table, DataTable.svelte)
          const labelledBy = node.getAttribute('aria-labelledby');
          const label =
            node.getAttribute('aria-label') ??
            (labelledBy ? (document.getElementById(labelledBy)?.textContent ?? '') : '');
          // a <section> with an accessible name is a region without saying so
          const implicit = node.tagName === 'SECTION' && label.trim() !== '' ? 'region' : null;
          return {
            label,
            role: node.getAttribute('role') ?? implicit,
            tabindex: node.getAttribute('tabindex'),
          };
        }),
      );
      expect(regions.length).toBeGreaterThanOrEqual(3);
      for (const region of regions)
        expect(region).toMatchObject({ role: 'region', tabindex: '0', label: expect.stringMatching(/\w/) });
      await expect(
        page.getByTestId('line-accounting').locator('xpath=ancestor::*[contains(@class, "scroller")]'),
      ).toHaveCount(1);
      await context.close();
    });
  }
});

/**
 * The `animation` option of the Chart.js instance drawn on the page's canvas. Chart.js is loaded lazily as its
 * own module; importing that same module URL again returns the same instance, whose `getChart` finds the chart
 * by its canvas. Nothing is exposed on `window` for the test.
 */
async function chartAnimation(page: Page): Promise<unknown> {
  return page.evaluate(async () => {
    const url = performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .find((name) => /\/chart-runtime[.\w-]*\.js$/.test(name));
    if (!url) throw new Error('Chart.js module not loaded');
    const module = (await import(url)) as Record<string, unknown>;
    const Chart = Object.values(module).find(
      (value): value is { getChart: (canvas: HTMLCanvasElement) => { options: { animation: unknown } } } =>
        typeof value === 'function' && 'getChart' in value,
    );
    if (!Chart) throw new Error('Chart.js module has no Chart export');
    const canvas = document.querySelector('canvas');
    const chart = canvas ? Chart.getChart(canvas) : undefined;
    if (!chart) throw new Error('no chart on the canvas');
    const animation = chart.options.animation;
    return animation === false ? false : (JSON.parse(JSON.stringify(animation ?? null)) as unknown);
  });
}

async function drawChart(page: Page, path: string) {
  await page.goto(path);
  await wake(page);
  await page.locator('canvas').scrollIntoViewIfNeeded();
  await expect(page.locator('figure.chart')).toHaveAttribute('data-drawn', 'true');
}

test.describe('reduced motion', () => {
  for (const path of CALCULATORS) {
    test(`${path}: the chart does not animate when the reader asks for less motion`, async ({ page }) => {
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await drawChart(page, path);
      expect(await chartAnimation(page)).toBe(false);
      // Still off after the chart is updated in place by a change of input.
      await page.getByLabel('Horizon').fill('3');
      await expect(page.locator('[id$="table"] tbody tr').first()).toBeVisible();
      await expect.poll(() => chartAnimation(page)).toBe(false);
    });
  }

  test('the probe sees animation when motion is not reduced (so the check above can fail)', async ({
    page,
  }) => {
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await drawChart(page, CALCULATORS[0]!);
    expect(await chartAnimation(page)).toEqual(expect.objectContaining({ duration: expect.any(Number) }));
  });
});

/** A description of the focused element, and whether its focus indicator is visible. */
async function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadowed = style.boxShadow !== 'none' && style.boxShadow !== '';
    return {
      tag: element.tagName.toLowerCase(),
      href: element.getAttribute('href'),
      text: (element.textContent ?? '').trim().replace(/\s+/g, ' '),
      inHeader: element.closest('header.site-header') !== null,
      inFooter: element.closest('footer') !== null,
      visible: outlined || shadowed,
      // The element itself, numbered the first time it is focused, so two alike buttons are told apart.
      key: (() => {
        const store = window as unknown as { __focusIds?: Map<Element, number> };
        const ids = (store.__focusIds ??= new Map());
        if (!ids.has(element)) ids.set(element, ids.size);
        return `${ids.get(element)} ${element.tagName.toLowerCase()} ${element.id || (element.textContent ?? '').trim().slice(0, 30)}`;
      })(),
    };
  });
}

test.describe('keyboard only', () => {
  test('the articles index: skip link, navigation, then every article in order, each with visible focus', async ({
    page,
  }) => {
    await page.goto('/articles/');
    const headerLinks = await page
      .locator('header.site-header a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    const articleLinks = await page
      .locator('main ol a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(articleLinks.length).toBeGreaterThan(3);
    expect(headerLinks).toEqual(expect.arrayContaining(['/articles/', '/calculators/']));

    await page.keyboard.press('Tab');
    const first = await focused(page);
    expect(first).toMatchObject({ href: '#main', text: 'Skip to content', visible: true });
    await expect(page.locator('.skip-link')).toBeInViewport();

    for (const href of headerLinks) {
      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatchObject({ href, inHeader: true, visible: true });
    }
    for (const href of articleLinks) {
      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatchObject({ href, inHeader: false, visible: true });
    }

    // Back to the first article with Shift+Tab, and open it with Enter.
    for (let i = 1; i < articleLinks.length; i++) await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toMatchObject({ href: articleLinks[0] });
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${articleLinks[0]}$`));
    await expect(page.locator('h1')).toBeVisible();
  });

  test('the skip link moves focus to the main content', async ({ page }) => {
    await page.goto('/articles/');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
  });

  for (const path of CALCULATORS) {
    test(`${path}: no keyboard trap, Tab walks through distinct controls to the footer`, async ({ page }) => {
      await page.goto(path);
      await wake(page);
      const seen: string[] = [];
      let reachedFooter = false;
      let invisible: string[] = [];
      for (let i = 0; i < 80 && !reachedFooter; i++) {
        await page.keyboard.press('Tab');
        const now = await focused(page);
        expect(now, `focus lost after ${i + 1} Tab presses`).not.toBeNull();
        if (!now) break;
        if (!now.visible) invisible = [...invisible, `${now.tag} ${now.href ?? ''} ${now.text.slice(0, 40)}`];
        // A trap would bring focus back to something already visited before the footer.
        expect(seen, `focus returned to ${now.key} after ${i + 1} Tab presses`).not.toContain(now.key);
        seen.push(now.key);
        reachedFooter = now.inFooter;
      }
      expect(reachedFooter, `footer not reached in 80 Tab presses (${seen.length} stops)`).toBe(true);
      expect(invisible).toEqual([]);
    });
  }
});
