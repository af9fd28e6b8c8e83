import { expect, test, type Page } from '@playwright/test';
import { wake } from './wake';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import Papa from 'papaparse';
import { sampleCsv } from '../../src/lib/orders/sample';
import { createHistory } from '../../src/lib/orders/history/history';
import { validateRow } from '../../src/lib/orders/import/rows';
import { fitModels } from '../../src/lib/orders/pipeline';

const PATH = '/calculators/your-orders/';

/** The sample's figures worked out here in Node from the same library, independently of the page's worker. */
function expectedFromSample() {
  const rows = Papa.parse<string[]>(sampleCsv(), { skipEmptyLines: 'greedy' }).data.slice(1);
  const history = createHistory();
  for (const fields of rows) {
    const check = validateRow(fields, { customer: 0, date: 1, amount: 2, columns: 3 }, 'YYYY-MM-DD');
    if (check.ok) history.add(check.order);
  }
  const summary = history.finish();
  if (!summary) throw new Error('the sample has no orders');
  return summary;
}

/** Opens the page and waits until its island can take a file. */
async function open(page: Page, query = '') {
  await page.goto(`${PATH}${query}`);
  await expect(page.getByTestId('your-orders')).toHaveAttribute('data-hydrated', 'true');
}

async function value(page: Page, name: string): Promise<number> {
  return Number(await page.locator(`[data-result="${name}"]`).getAttribute('data-value'));
}

test('imports the sample file, shows its figures and fits the models, with no request leaving the site', async ({
  page,
}) => {
  const outside: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).hostname !== '127.0.0.1') outside.push(request.url());
  });
  await open(page);
  await page.getByRole('button', { name: 'Try the sample file' }).click();
  await expect(page.getByRole('heading', { name: /Check the columns/ })).toBeVisible();
  await page.getByRole('button', { name: 'Work out my numbers' }).click();
  await expect(page.locator('[data-result="customers"]')).toBeVisible();

  const expected = expectedFromSample();
  expect(await value(page, 'customers')).toBe(expected.customers);
  expect(await value(page, 'orders')).toBe(expected.orders);
  expect(await value(page, 'revenue')).toBeCloseTo(expected.revenue, 6);
  expect(await value(page, 'averageOrderValue')).toBeCloseTo(expected.averageOrderValue, 9);
  expect(await value(page, 'repeatPurchaseRate')).toBeCloseTo(expected.repeatPurchaseRate, 12);
  expect(await value(page, 'annualRetention')).toBeCloseTo(expected.annualRetention.value ?? NaN, 12);
  await expect(page.getByTestId('cohort-table').locator('tbody tr').first()).toBeVisible();

  // The fitted parameters, each positive and with a log-likelihood.
  await expect(page.locator('[data-result="bgnbdLogLikelihood"]')).toBeVisible({ timeout: 20_000 });
  for (const name of ['bgnbdR', 'bgnbdAlpha', 'bgnbdA', 'bgnbdB', 'ggP', 'ggQ', 'ggV']) {
    expect(await value(page, name)).toBeGreaterThan(0);
  }
  expect(await value(page, 'bgnbdLogLikelihood')).toBeLessThan(0);
  expect(await value(page, 'newCustomerClv')).toBeGreaterThan(0);
  expect(outside).toEqual([]);

  // Into the calculator: aggregate numbers only.
  const link = page.getByTestId('to-sale-vs-customer');
  const href = (await link.getAttribute('href')) ?? '';
  expect(href).not.toMatch(/@|customer_id/);
  await link.click();
  await wake(page);
  await expect(page.getByLabel('Average order value')).toHaveValue(
    String(Number(expected.averageOrderValue.toFixed(2))),
  );
  // Sale vs Customer asks for new customers' repeat rate, not the whole base's retention.
  await expect(page.getByLabel('Customers who come back')).toHaveValue(
    String(Number((100 * (expected.newCustomerRetention?.value ?? 0)).toFixed(1))),
  );
});

test('counts and shows bad rows with their line numbers, and refuses a binary file', async ({ page }) => {
  await open(page);
  const csv = [
    'customer,date,total',
    'ann@example.com,2024-01-05,20.00',
    'bob,2024-01-06,"1,250.50"',
    'carl,not a date,10',
    'dee,2024-02-01,-5',
    ',2024-02-02,5',
    'ann@example.com,2024-03-05,12.5',
  ].join('\r\n');
  await page
    .getByTestId('file-input')
    .setInputFiles({ name: 'orders.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`) });
  await page.getByRole('button', { name: 'Work out my numbers' }).click();
  const bad = page.getByTestId('bad-rows');
  await expect(bad).toContainText('3 lines were not read as orders');
  await expect(bad).toContainText('Line 4');
  await expect(bad).toContainText('Line 5');
  await expect(bad).toContainText('negative amount');
  expect(await value(page, 'orders')).toBe(3);
  expect(await value(page, 'revenue')).toBeCloseTo(20 + 1250.5 + 12.5, 9);

  await page.getByRole('button', { name: 'Analyse another file' }).click();
  const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
  await page
    .getByTestId('file-input')
    .setInputFiles({ name: 'photo.csv', mimeType: 'text/csv', buffer: binary });
  await expect(page.getByRole('alert')).toContainText('does not look like an order export');
});

test('keeps its settings in the link, and ignores a malformed one with a notice', async ({ page }) => {
  await open(page, '?horizon=5&discount=8&margin=55&calibrationEnd=2024-02-30');
  await expect(page.getByRole('status').first()).toContainText('calibrationEnd');
  await page.getByRole('button', { name: 'Try the sample file' }).click();
  await page.getByRole('button', { name: 'Work out my numbers' }).click();
  await expect(page.getByLabel('Horizon (years)')).toHaveValue('5');
  await expect(page.getByLabel('Gross margin (% of order value)')).toHaveValue('55');
  await page.getByLabel('Calibration end', { exact: true }).fill('2024-06-30');
  await page.getByRole('button', { name: 'Update the forecast' }).click();
  await expect(page).toHaveURL(/calibrationEnd=2024-06-30/);
  await expect(page).toHaveURL(/horizon=5/);
  expect(page.url()).not.toMatch(/customer|@/);
});

test('settings: an emptied or negative horizon says why beside its box, and the calibration end shows the day in use', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await open(page);
  await page.getByRole('button', { name: 'Try the sample file' }).click();
  await page.getByRole('button', { name: 'Work out my numbers' }).click();
  await expect(page.locator('[data-result="bgnbdLogLikelihood"]')).toBeVisible({ timeout: 20_000 });
  const expected = expectedFromSample();
  // The box shows the last order day, which is the calibration end in use.
  await expect(page.getByLabel('Calibration end', { exact: true })).toHaveValue(
    new Date(expected.lastDay * 86_400_000).toISOString().slice(0, 10),
  );

  const horizon = page.getByLabel('Horizon (years)');
  await horizon.fill('');
  await expect(page.getByText('Enter a number.')).toBeVisible();
  await expect(horizon).toHaveValue('');
  await expect(page.getByRole('button', { name: 'Update the forecast' })).toBeDisabled();
  await horizon.fill('-5');
  await expect(page.getByText('Enter at least 1.')).toBeVisible();
  await expect(page.getByText(/in the next -5/)).toHaveCount(0);
  await expect(page.getByText('Expected orders per customer in the next 3 years')).toBeVisible();

  await horizon.fill('2');
  await page.getByRole('button', { name: 'Update the forecast' }).click();
  await expect(page.getByText('Expected orders per customer in the next 2 years')).toBeVisible();
  await expect(page).toHaveURL(/horizon=2/);
  expect(page.url()).not.toMatch(/calibrationEnd/);
  expect(errors).toEqual([]);
});

test('accounts for every line: a quote left open, a future order and an absurd first line block nothing', async ({
  page,
}) => {
  await open(page);
  const lines = ['customer,date,amount', `${'x'.repeat(2_000_000)},2024-01-01,1`, 'a,2024-01-02,"10'];
  for (let n = 0; n < 50; n++) lines.push(`c${n},2024-02-${String(1 + (n % 28)).padStart(2, '0')},2`);
  lines.push('z,2099-01-01,5');
  await page
    .getByTestId('file-input')
    .setInputFiles({ name: 'orders.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
  // The date format is found from the readable lines, past the absurd one.
  await page.getByRole('button', { name: 'Work out my numbers' }).click();
  await expect(page.locator('[data-result="lines"]')).toHaveAttribute('data-value', '53');
  expect(await value(page, 'orderLines')).toBe(50);
  expect(await value(page, 'excludedLines')).toBe(1);
  expect(await value(page, 'unreadableLines')).toBe(2);
  await expect(page.getByTestId('line-accounting')).toContainText('dated after today');
  const bad = page.getByTestId('bad-rows');
  await expect(bad).toContainText('Line 3: a quote is left open on this line');
  await expect(bad).toContainText('Line 2: line longer than');
  expect(await value(page, 'revenue')).toBe(100);
});

const fixture = (name: string) => readFileSync(new URL(`../fixtures/orders/${name}`, import.meta.url));

test('recognises a Shopify export and counts the orders Shopify counts, in its currency', async ({
  page,
}) => {
  await open(page);
  await page
    .getByTestId('file-input')
    .setInputFiles({ name: 'orders_export.csv', mimeType: 'text/csv', buffer: fixture('shopify.csv') });
  await expect(page.getByTestId('platform')).toContainText('A Shopify orders export');
  await page.getByRole('button', { name: 'Work out my numbers' }).click();
  // Hand counts in test/lib/orders/fixtures.test.ts.
  await expect(page.locator('[data-result="orders"]')).toHaveAttribute('data-value', '3');
  expect(await value(page, 'revenue')).toBe(135.5);
  expect(await value(page, 'lines')).toBe(12);
  expect(await value(page, 'orderLines')).toBe(5);
  expect(await value(page, 'excludedLines')).toBe(7);
  expect(await value(page, 'unreadableLines')).toBe(0);
  await expect(page.getByTestId('line-accounting')).toContainText('refunded in full');
  await expect(page.getByText('Amounts are in USD, the file’s own currency.')).toBeVisible();
});

test('a Stripe export in two currencies: says so, and analyses the one picked', async ({ page }) => {
  await open(page);
  await page
    .getByTestId('file-input')
    .setInputFiles({ name: 'payments.csv', mimeType: 'text/csv', buffer: fixture('stripe.csv') });
  await expect(page.getByTestId('platform')).toContainText('A Stripe payments export');
  await page.getByRole('button', { name: 'Work out my numbers' }).click();
  await expect(page.locator('[data-result="revenue"]')).toHaveAttribute('data-value', '90');
  const pick = page.getByLabel(/orders in 2 currencies/);
  await pick.selectOption('EUR');
  await expect(page.locator('[data-result="revenue"]')).toHaveAttribute('data-value', '12');
  expect(await value(page, 'orderLines')).toBe(1);
  expect(await value(page, 'excludedLines')).toBe(6);
});

test('recognises an Etsy sold orders export and counts the orders Etsy counts', async ({ page }) => {
  await open(page);
  await page.getByTestId('file-input').setInputFiles({
    name: 'EtsySoldOrders2024.csv',
    mimeType: 'text/csv',
    buffer: fixture('etsy-sold-orders.csv'),
  });
  await expect(page.getByTestId('platform')).toContainText('An Etsy sold orders export');
  await page.getByRole('button', { name: 'Work out my numbers' }).click();
  // Hand counts in test/lib/orders/fixtures.test.ts.
  await expect(page.locator('[data-result="orders"]')).toHaveAttribute('data-value', '3');
  expect(await value(page, 'revenue')).toBe(95);
  expect(await value(page, 'lines')).toBe(9);
  expect(await value(page, 'orderLines')).toBe(3);
  expect(await value(page, 'excludedLines')).toBe(5);
  expect(await value(page, 'unreadableLines')).toBe(1);
  await expect(page.getByTestId('line-accounting')).toContainText('refunded in full');
  await expect(page.getByText('Amounts are in USD, the file’s own currency.')).toBeVisible();
});

/** The sample orders' customer summary as the shipped DuckDB query writes it, run in a real DuckDB. */
async function summaryFromDuckDb(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'cfl-summary-'));
  try {
    writeFileSync(join(dir, 'orders.csv'), sampleCsv());
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run('CREATE TABLE orders (customer_id VARCHAR, order_date DATE, amount DECIMAL(12, 2))');
    await connection.run(`COPY orders FROM '${join(dir, 'orders.csv')}' (HEADER)`);
    const sql = readFileSync(
      new URL('../../public/sql/customer-summary.duckdb.sql', import.meta.url),
      'utf8',
    );
    await connection.run(
      `COPY (${sql.trim().replace(/;$/, '')}) TO '${join(dir, 'summary.csv')}' (HEADER, DELIMITER ',')`,
    );
    connection.closeSync();
    instance.closeSync();
    return readFileSync(join(dir, 'summary.csv'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a customer summary from the shipped DuckDB query: says what it is, fits as the orders do, explains what is missing', async ({
  page,
}) => {
  const csv = await summaryFromDuckDb();
  const expected = expectedFromSample();
  const fromOrders = fitModels(expected, {
    horizonYears: 3,
    discount: 10,
    margin: 40,
    cohortPeriod: 'month',
  });
  await open(page);
  await page
    .getByTestId('file-input')
    .setInputFiles({ name: 'customer-summary.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByTestId('platform')).toContainText('A customer summary, one line per customer');
  await page.getByRole('button', { name: 'Work out my numbers' }).click();
  await expect(page.getByTestId('file-kind')).toContainText('A customer summary, one line per customer');
  expect(await value(page, 'customers')).toBe(expected.customers);
  expect(await value(page, 'lines')).toBe(expected.customers);
  expect(await value(page, 'orderLines')).toBe(expected.customers);
  expect(await value(page, 'unreadableLines')).toBe(0);
  expect(await value(page, 'purchaseDays')).toBe(expected.transactions);
  expect(await value(page, 'repeatPurchaseRate')).toBeCloseTo(expected.repeatPurchaseRate, 12);
  await expect(page.getByTestId('not-from-summary')).toContainText('Cohorts');
  await expect(page.getByTestId('cohort-table')).toHaveCount(0);
  await expect(page.getByTestId('calibration-not-applicable')).toContainText('does not apply');
  await expect(page.locator('[data-result="bgnbdLogLikelihood"]')).toBeVisible({ timeout: 20_000 });
  for (const [name, fitted] of [
    ['bgnbdR', fromOrders.bgnbd?.r],
    ['bgnbdAlpha', fromOrders.bgnbd?.alpha],
    ['ggP', fromOrders.gammaGamma?.p],
    ['ggQ', fromOrders.gammaGamma?.q],
    ['bgnbdLogLikelihood', fromOrders.bgnbd?.logLikelihood],
  ] as const) {
    const shown = await value(page, name);
    expect(Math.abs(shown - (fitted ?? NaN))).toBeLessThanOrEqual(1e-4 * Math.abs(fitted ?? NaN));
  }
  // The horizon still applies: a refit changes the forecast's words.
  await page.getByLabel('Horizon (years)').fill('2');
  await page.getByRole('button', { name: 'Update the forecast' }).click();
  await expect(page.getByText('Expected orders per customer in the next 2 years')).toBeVisible();
});
