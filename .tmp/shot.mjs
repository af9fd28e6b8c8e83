import { chromium } from '@playwright/test';
const width = Number(process.argv[2] ?? 1280);
const query = process.argv[3] ?? '';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width, height: 900 } });
page.on('console', (m) => m.type() === 'error' && console.log('console:', m.text()));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(`http://127.0.0.1:4413/calculators/your-orders/${query}`);
await page.locator('[data-hydrated="true"]').waitFor();
await page.getByRole('button', { name: 'Try the sample file' }).click();
await page.getByRole('button', { name: 'Work out my numbers' }).click();
await page.locator('[data-testid="customer-table"] tbody tr[data-customer-row]').first().waitFor({ timeout: 30000 });
if (process.argv[4] === 'check') { await page.getByTestId('holdout-check-link').click(); await page.locator('[data-result="holdoutRepeatActual"]').waitFor({timeout: 30000}); }
console.log('scrollWidth', await page.evaluate(() => document.documentElement.scrollWidth), 'rows', await page.locator('tr[data-customer-row]').count());
const fu = page.getByTestId('follow-up');
await fu.screenshot({ path: `/tmp/forecast-followup-${width}.png` });
await page.getByTestId('customers').screenshot({ path: `/tmp/forecast-customers-${width}.png` });
await page.getByTestId('holdout').screenshot({ path: `/tmp/forecast-holdout-${width}.png` });
for (const n of ['holdoutRepeatActual','holdoutRepeatPredicted','holdoutDifferencePercent']) { const l = page.locator(`[data-result="${n}"]`); if (await l.count()) console.log(n, await l.getAttribute('data-value')); }
console.log(await page.getByTestId('holdout').locator('.verdict').textContent().catch(()=>''));
console.log(await page.getByTestId('sale-retention-note').textContent());
await browser.close();
