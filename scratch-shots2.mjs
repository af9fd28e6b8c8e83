import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu'] });
const files = { summary: readFileSync('/tmp/wh-summary.csv'), etsy: readFileSync('test/fixtures/orders/etsy-sold-orders.csv') };
for (const [name, width] of [['summary', 390], ['summary', 1280], ['etsy', 390]]) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto('http://127.0.0.1:4412/calculators/your-orders/');
  await page.locator('[data-hydrated="true"]').waitFor();
  await page.getByTestId('file-input').setInputFiles({ name: `${name}.csv`, mimeType: 'text/csv', buffer: files[name] });
  await page.screenshot({ path: `/tmp/warehouse-${name}-${width}-columns.png` });
  await page.getByRole('button', { name: 'Work out my numbers' }).click();
  await page.locator('[data-result="bgnbdLogLikelihood"]').waitFor({ timeout: 30000 });
  const panels = page.locator('[data-testid="your-orders"] > .panel, [data-testid="your-orders"] section.panel');
  const n = await panels.count();
  for (let i = 0; i < Math.min(n, 3); i++) await panels.nth(i).screenshot({ path: `/tmp/warehouse-${name}-${width}-panel${i}.png` });
  await page.close();
}
await browser.close();
