import { expect, test, type Page } from '@playwright/test';
import { builtPages } from './site-pages';

// The look of every page, compared with the baselines in test/browser/__screenshots__ so that a layout break
// fails CI. To keep the baselines light (they stay in the history forever), each page is taken as its first
// screen, not whole: at a phone and a desktop width in light, at the phone width in dark (the palette is the
// same at every width), and its first printed sheet; the parts that change with the numbers (the calculators'
// results and charts with their tables) are taken whole as element screenshots at both widths, and a
// calculator's report is printed whole, so a report that runs onto a second sheet fails. All at device scale 1.
// After a deliberate change of look, regenerate them with `npm run test:visual:update` (see the README).

const pages = builtPages();
const views = [
  { name: 'phone-light', width: 390, colorScheme: 'light' },
  { name: 'desktop-light', width: 1280, colorScheme: 'light' },
  { name: 'phone-dark', width: 390, colorScheme: 'dark' },
] as const;
/** The parts whose look depends on the numbers, taken whole on the calculator pages at both light widths. */
const parts = [
  { name: 'results', selector: '[data-testid="calculator"] .results' },
  { name: 'over-time', selector: '[data-testid="over-time"]' },
] as const;
const screenshotOptions = { animations: 'disabled', caret: 'hide', maxDiffPixelRatio: 0.01 } as const;
/** The date the report header prints, fixed so the print baselines do not change from day to day. */
const FIXED_NOW = new Date('2026-11-22T12:00:00Z');

/** Wakes every lazily hydrated part (they wait to be scrolled to), waits for charts and fonts, back to the top. */
async function settle(page: Page) {
  // A key press that changes nothing: the calculators hydrate on the reader's first use (client:firstuse).
  await page.keyboard.press('Shift');
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
  const isCalculator = path.startsWith('/calculators/') && path !== '/calculators/';
  test.describe(`look of ${path}`, () => {
    for (const view of views) {
      test(view.name, async ({ browser }) => {
        const context = await browser.newContext({
          viewport: { width: view.width, height: 900 },
          deviceScaleFactor: 1,
          colorScheme: view.colorScheme,
          reducedMotion: 'reduce',
          locale: 'en-US',
          timezoneId: 'UTC',
        });
        const page = await context.newPage();
        await page.clock.setFixedTime(FIXED_NOW);
        await page.goto(path);
        await settle(page);
        await expect(page).toHaveScreenshot(`${slug}--${view.name}.png`, screenshotOptions);
        if (isCalculator && view.colorScheme === 'light') {
          for (const part of parts) {
            const found = await page.locator(part.selector).all();
            for (const [index, element] of found.entries()) {
              await expect(element).toHaveScreenshot(
                `${slug}--${view.name}--${part.name}-${index + 1}.png`,
                screenshotOptions,
              );
            }
          }
        }
        await context.close();
      });
    }

    test('print', async ({ browser }) => {
      const context = await browser.newContext({
        viewport: { width: 794, height: 1123 },
        deviceScaleFactor: 1,
        reducedMotion: 'reduce',
        locale: 'en-US',
        timezoneId: 'UTC',
      });
      const page = await context.newPage();
      await page.clock.setFixedTime(FIXED_NOW);
      await page.goto(path);
      await settle(page);
      await page.emulateMedia({ media: 'print' });
      const report = page.getByTestId('print-header');
      await expect(page).toHaveScreenshot(`${slug}--print.png`, {
        ...screenshotOptions,
        // A calculator's report must fit one sheet, so it is taken whole; any other page (an article with an
        // embedded calculator too) by its first sheet, 794 × 1123 px.
        fullPage: isCalculator && (await report.count()) > 0,
        // The report's link and QR code carry the test server's address, which differs between runs.
        mask: [report.locator('.link, .qr')],
      });
      await context.close();
    });
  });
}
