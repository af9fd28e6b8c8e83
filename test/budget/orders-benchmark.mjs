// Speed of the your-orders page in Chromium, against the budgets of issue 6, in test/budget/budget.json:
// 1,000,000 order rows from file to the history figures; the model fit on 25,000 customers; and no task on
// the page's main thread longer than the limit while it works; and (issue 11) a customer summary of 1,000,000
// customers from file to fitted models.
//   npm run benchmark:orders        (after `npm run build`)
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { createServer } from 'vite';

const root = new URL('../..', import.meta.url).pathname;
const budget = JSON.parse(readFileSync(join(root, 'test/budget/budget.json'), 'utf8')).orders;
const port = Number(process.env.BENCH_PORT ?? 4399);
const base = `http://127.0.0.1:${port}`;

/** Writes a generated export of `rows` orders (about `rows / 5` customers) to a temporary file. */
async function generate(rows, dir, kind = 'orders') {
  const vite = await createServer({
    root,
    server: { middlewareMode: true },
    appType: 'custom',
    logLevel: 'error',
    configFile: false,
  });
  try {
    const file = join(dir, `${kind}-${rows}.csv`);
    if (kind === 'summary') {
      const { generateCustomerSummaryCsv } = await vite.ssrLoadModule(
        '/src/lib/orders/history/summary-sample.ts',
      );
      writeFileSync(file, [...generateCustomerSummaryCsv(rows, 42)].join(''));
    } else {
      const { generateLargeCsv } = await vite.ssrLoadModule('/src/lib/orders/sample.ts');
      writeFileSync(file, [...generateLargeCsv(rows, 42)].join(''));
    }
    return file;
  } finally {
    await vite.close();
  }
}

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the preview server did not start');
}

/** Imports a file on the page; returns seconds to the history figures and to the fitted models, and the longest task. */
async function run(browser, file, { summary = false } = {}) {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longest = Math.max(window.__longest, entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${base}/calculators/your-orders/`);
  await page.locator('[data-testid="your-orders"][data-hydrated="true"]').waitFor();
  await page.getByTestId('file-input').setInputFiles(file);
  await page.getByRole('button', { name: 'Work out my numbers' }).waitFor();
  await page.evaluate(() => (window.__longest = 0));
  const started = Date.now();
  await page.getByRole('button', { name: 'Work out my numbers' }).click();
  await page.locator('[data-result="customers"]').waitFor({ timeout: 120_000 });
  const history = (Date.now() - started) / 1000;
  await page.locator('[data-result="bgnbdLogLikelihood"]').waitFor({ timeout: 120_000 });
  const total = (Date.now() - started) / 1000;
  // The worker times the fit itself (the history and the fit arrive in separate messages).
  const models = Number(await page.getByTestId('fit-seconds').getAttribute('data-seconds'));
  const customers = Number(await page.locator('[data-result="customers"]').getAttribute('data-value'));
  if (summary) {
    // A customer summary has no single orders, so no holdout check: its figure is the file to fitted models.
    const longest = await page.evaluate(() => window.__longest);
    await page.close();
    return { history, models, customers, longest, total };
  }
  // Issue 12: every customer's forecast, the follow-up list and the CSV, all made in the worker.
  await page.locator('[data-customer-row]').first().waitFor({ timeout: 120_000 });
  await page.locator('[data-export="customers"]').waitFor({ timeout: 120_000 });
  const csvReady = (Date.now() - started) / 1000;
  const timing = page.getByTestId('customers-seconds');
  const perCustomer = Number(await timing.getAttribute('data-seconds'));
  const csv = Number(await timing.getAttribute('data-csv-seconds'));
  const rows = Number(await page.getByTestId('customer-table').getAttribute('aria-rowcount')) - 1;
  const scroll = await scrollTable(page);
  const sort = await timeSort(page);
  // The holdout check: the second link refits as of two thirds into the history.
  await page.getByTestId('holdout-check-link').click();
  await page.locator('[data-result="holdoutRepeatPredicted"]').waitFor({ timeout: 120_000 });
  await page.locator('[data-customer-row]').first().waitFor({ timeout: 120_000 });
  const checkSeconds = Number(await timing.getAttribute('data-seconds'));
  const checkRows = Number(await page.getByTestId('customer-table').getAttribute('aria-rowcount')) - 1;
  const longest = await page.evaluate(() => window.__longest);
  await page.close();
  return {
    history,
    models,
    customers,
    longest,
    total,
    perCustomer,
    csv,
    csvReady,
    rows,
    scroll,
    sort,
    checkSeconds,
    checkRows,
  };
}

/** Scrolls the customer table 2,000 px a frame for 150 frames; returns the longest and the 95th-percentile frame, ms. */
async function scrollTable(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const viewport = document.querySelector('[data-testid="customer-table"]').closest('.viewport');
        const gaps = [];
        let last = performance.now();
        let frames = 0;
        const step = (now) => {
          gaps.push(now - last);
          last = now;
          viewport.scrollTop += 2000;
          if (++frames < 150) requestAnimationFrame(step);
          else {
            gaps.sort((a, b) => a - b);
            resolve({ longest: gaps.at(-1), p95: gaps[Math.floor(gaps.length * 0.95)] });
          }
        };
        requestAnimationFrame(step);
      }),
  );
}

/** Seconds from a click on a column heading to the table's rows in that order. */
async function timeSort(page) {
  const started = Date.now();
  await page.locator('button[data-column="p_alive"]').click();
  await page.locator('th[aria-sort="descending"] button[data-column="p_alive"]').waitFor();
  await page.getByText(/sorted by chance still buying/).waitFor({ timeout: 60_000 });
  return (Date.now() - started) / 1000;
}

const dir = mkdtempSync(join(tmpdir(), 'orders-bench-'));
const server = spawn(
  join(root, 'node_modules/.bin/astro'),
  ['preview', '--ignore-lock', '--host', '127.0.0.1', '--port', String(port)],
  {
    cwd: root,
    stdio: 'ignore',
  },
);
let failed = false;
try {
  const large = await generate(1_000_000, dir);
  const fitFile = await generate(125_000, dir); // about 25,000 customers
  const summaryFile = await generate(1_000_000, dir, 'summary');
  await waitForServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const big = await run(browser, large);
    const fit = await run(browser, fitFile);
    const summary = await run(browser, summaryFile, { summary: true });
    const rows = [
      ['1,000,000 rows: file to history figures', big.history, budget.historySeconds, 's'],
      [`model fit on ${fit.customers.toLocaleString('en-US')} customers`, fit.models, budget.fitSeconds, 's'],
      [
        `per-customer forecasts on ${fit.rows.toLocaleString('en-US')} customers`,
        fit.perCustomer,
        budget.perCustomerSeconds,
        's',
      ],
      [
        `per-customer forecasts + holdout check on ${fit.checkRows.toLocaleString('en-US')} customers`,
        fit.checkSeconds,
        budget.perCustomerSeconds,
        's',
      ],
      [
        `customers CSV of ${big.rows.toLocaleString('en-US')} customers, made in the worker`,
        big.csv,
        budget.csvSeconds,
        's',
      ],
      [
        `scrolling ${big.rows.toLocaleString('en-US')} customers: longest frame`,
        big.scroll.longest,
        budget.scrollFrameMs,
        'ms',
      ],
      ['longest main-thread task (1,000,000 rows)', big.longest, budget.longTaskMs, 'ms'],
      ['longest main-thread task (fit run)', fit.longest, budget.longTaskMs, 'ms'],
      [
        `summary of ${summary.customers.toLocaleString('en-US')} customers: file to fitted models`,
        summary.total,
        budget.summarySeconds,
        's',
      ],
      ['longest main-thread task (summary run)', summary.longest, budget.longTaskMs, 'ms'],
    ];
    console.log('\nyour-orders in Chromium\n');
    for (const [label, value, limit, unit] of rows) {
      const ok = value <= limit;
      failed ||= !ok;
      console.log(
        `  ${ok ? 'ok  ' : 'FAIL'}  ${label}: ${value.toFixed(unit === 's' ? 2 : 0)} ${unit} (budget ${limit} ${unit})`,
      );
    }
    console.log(
      `  (${big.rows.toLocaleString('en-US')} customers: scroll frames p95 ${big.scroll.p95.toFixed(1)} ms; per-customer forecasts ${big.perCustomer.toFixed(2)} s; sort by a column ${big.sort.toFixed(2)} s; holdout run ${big.checkSeconds.toFixed(2)} s on ${big.checkRows.toLocaleString('en-US')} customers; file to CSV link ${big.csvReady.toFixed(1)} s)`,
    );
    console.log(
      `  (model fit on the 1,000,000-row file, ${big.customers.toLocaleString('en-US')} customers: ${big.models.toFixed(2)} s)`,
    );
    console.log(
      `  (summary: read in ${summary.history.toFixed(2)} s, models fitted in ${summary.models.toFixed(2)} s)`,
    );
  } finally {
    await browser.close();
  }
} finally {
  server.kill();
  rmSync(dir, { recursive: true, force: true });
}
if (failed) {
  console.error('\n✗ your-orders speed budget exceeded (budgets in test/budget/budget.json, "orders")');
  process.exit(1);
}
console.log('\n✓ your-orders within its speed budget');
