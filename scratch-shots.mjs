import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu'] });
const summary = readFileSync('/tmp/wh-summary.csv');
const etsy = readFileSync('test/fixtures/orders/etsy-sold-orders.csv');
for (const width of [390, 1280]) {
  for (const [name, buffer] of [['summary', summary], ['etsy', etsy]]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto('http://127.0.0.1:4412/calculators/your-orders/');
    await page.locator('[data-hydrated="true"]').waitFor();
    await page.getByTestId('file-input').setInputFiles({ name: `${name}.csv`, mimeType: 'text/csv', buffer });
    await page.getByRole('button', { name: 'Work out my numbers' }).click();
    await page.locator('[data-result="bgnbdLogLikelihood"]').waitFor({ timeout: 30000 }).catch(() => {});
    await page.locator('#summary-heading, #history-heading').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/warehouse-${name}-${width}.png`, fullPage: true });
    console.log(name, width, await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]));
    await page.close();
  }
}
await browser.close();
