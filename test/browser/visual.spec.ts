import { expect, test, type Page } from '@playwright/test';
import { builtPages } from './site-pages';

// Screenshots of every page at a phone and a desktop width, in light and dark, and in print, compared with the
// committed baselines in test/browser/__screenshots__ so that a layout break fails CI. After a deliberate change
// of look, regenerate them with `npm run test:visual:update` and look at the new images before committing.

const pages = builtPages();
// Light pages whole; dark ones as the first screen, which shows the palette without doubling the baselines' size.
const views = [
  { name: 'phone-light', width: 390, colorScheme: 'light', fullPage: true },
  { name: 'desktop-light', width: 1280, colorScheme: 'light', fullPage: true },
  { name: 'desktop-dark', width: 1280, colorScheme: 'dark', fullPage: false },
  { name: 'phone-dark', width: 390, colorScheme: 'dark', fullPage: false },
] as const;
/** The date the report header prints, fixed so the print baselines do not change from day to day. */
const FIXED_NOW = new Date('2026-11-22T12:00:00Z');

/** Wakes every lazily hydrated part (they wait to be scrolled to), waits for charts and fonts, back to the top. */
async function settle(page: Page) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y < height; y += 600) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(30);
  }
  await page.waitForLoadState('networkidle');
  for (const island of await page.locator('[data-testid="over-time"]').all()) {
    await expect(island).toHaveAttribute('data-hydrated', 'true');
  }
  // A chart draws when it is seen: bring each into view (the quick scroll above may have passed it before
  // its island woke) and wait for it.
  for (const canvas of await page.locator('canvas').all()) {
    await canvas.scrollIntoViewIfNeeded();
    await expect(canvas.locator('xpath=ancestor::figure[1]')).toHaveAttribute('data-drawn', 'true');
  }
  // The print header's QR code is drawn a moment after load.
  for (const header of await page.getByTestId('print-header').all())
    await expect(header).toHaveAttribute('data-qr', 'ready');
  await page.evaluate(() => document.fonts.ready);
  await page.evaluate(() => window.scrollTo(0, 0));
}

for (const path of pages) {
  const slug = path === '/' ? 'home' : path.replace(/^\/|\/$/g, '').replace(/\//g, '--');
  test.describe(`look of ${path}`, () => {
    for (const view of views) {
      test(view.name, async ({ browser }) => {
        const context = await browser.newContext({
          viewport: { width: view.width, height: 900 },
          colorScheme: view.colorScheme,
          reducedMotion: 'reduce',
          locale: 'en-US',
          timezoneId: 'UTC',
        });
        const page = await context.newPage();
        await page.clock.setFixedTime(FIXED_NOW);
        await page.goto(path);
        await settle(page);
        await expect(page).toHaveScreenshot(`${slug}--${view.name}.png`, {
          fullPage: view.fullPage,
          animations: 'disabled',
          caret: 'hide',
          maxDiffPixelRatio: 0.01,
        });
        await context.close();
      });
    }

    test('print', async ({ browser }) => {
      const context = await browser.newContext({
        viewport: { width: 794, height: 1123 },
        reducedMotion: 'reduce',
        locale: 'en-US',
        timezoneId: 'UTC',
      });
      const page = await context.newPage();
      await page.clock.setFixedTime(FIXED_NOW);
      await page.goto(path);
      await settle(page);
      await page.emulateMedia({ media: 'print' });
      await expect(page).toHaveScreenshot(`${slug}--print.png`, {
        fullPage: true,
        // The report's link and QR code carry the test server's address, which differs between runs.
        mask: [page.getByTestId('print-header').locator('.link, .qr')],
        animations: 'disabled',
        caret: 'hide',
        maxDiffPixelRatio: 0.01,
      });
      await context.close();
    });
  });
}
