// The your-orders page's charts: drawn once near the screen, with their tables, CSV files, keyboard use and
// axe. The expected numbers are counted here straight from the sample's lines, without the site's
// history or chart code.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { sampleCsv } from '../../src/lib/orders/sample';

const PATH = '/calculators/your-orders/';
/** Fewer customers than this at an age, and the charts stop (src/lib/orders/charts/history-charts.ts). */
const MIN_CUSTOMERS = 20;

interface SampleOrder {
  readonly customer: string;
  /** Months since January of year 0. */
  readonly month: number;
  readonly amount: number;
}

function sampleOrders(): SampleOrder[] {
  const [, ...lines] = sampleCsv().trim().split('\r\n');
  return lines.map((line) => {
    const [customer = '', date = '', amount = ''] = line.split(',');
    const [year = 0, month = 0] = date.split('-').map(Number);
    return { customer, month: 12 * year + month - 1, amount: Number(amount) };
  });
}

/** Each customer's first month, the months they bought in and what they spent in each. */
function customers(orders: readonly SampleOrder[]) {
  const byCustomer = new Map<string, { first: number; spent: Map<number, number> }>();
  for (const order of orders) {
    const entry = byCustomer.get(order.customer) ?? { first: order.month, spent: new Map() };
    entry.first = Math.min(entry.first, order.month);
    entry.spent.set(order.month, (entry.spent.get(order.month) ?? 0) + order.amount);
    byCustomer.set(order.customer, entry);
  }
  return [...byCustomer.values()];
}

/**
 * The sample's retention by year of first order: for each age from 1, of the customers whose first month
 * is at least that many months before the last, the share who bought that month, while at least
 * MIN_CUSTOMERS of the year's customers (or all of them) have reached it. The sample ends on the last day
 * of December 2024, so its last month is whole.
 */
function expectedRetention() {
  const orders = sampleOrders();
  const last = Math.max(...orders.map((order) => order.month));
  const people = customers(orders);
  const years = [...new Set(people.map((person) => Math.floor(person.first / 12)))].sort();
  return years.map((year) => {
    const group = people.filter((person) => Math.floor(person.first / 12) === year);
    const shares: number[] = [];
    for (let age = 1; ; age++) {
      const reached = group.filter((person) => person.first + age <= last);
      if (reached.length === 0 || reached.length < Math.min(MIN_CUSTOMERS, group.length)) break;
      shares.push(reached.filter((person) => person.spent.has(person.first + age)).length / reached.length);
    }
    return { name: `${year} (${group.length} customers)`, shares };
  });
}

/** Revenue per customer to date at each age, over the customers who have reached it, while enough have. */
function expectedValueByAge() {
  const orders = sampleOrders();
  const last = Math.max(...orders.map((order) => order.month));
  const people = customers(orders);
  const rows: { age: number; customers: number; revenue: number }[] = [];
  for (let age = 0; ; age++) {
    const reached = people.filter((person) => person.first + age <= last);
    if (reached.length < Math.min(MIN_CUSTOMERS, people.length)) break;
    const revenue = reached.reduce((sum, person) => {
      let spent = 0;
      for (const [month, amount] of person.spent) if (month <= person.first + age) spent += amount;
      return sum + spent;
    }, 0);
    rows.push({ age, customers: reached.length, revenue: revenue / reached.length });
  }
  return rows;
}

const percent = (share: number) =>
  new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 }).format(share);
const dollars = (value: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(value);

/** Opens the page, reads the sample and waits for the history step. */
async function openWithSample(page: Page) {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(PATH);
  await expect(page.getByTestId('your-orders')).toHaveAttribute('data-hydrated', 'true');
  await page.getByRole('button', { name: 'Try the sample file' }).click();
  await page.getByRole('button', { name: 'Work out my numbers' }).click();
  await expect(page.locator('[data-result="customers"]')).toBeVisible();
}

/** The cells of a table's body, row by row, as shown. */
async function tableCells(table: Locator): Promise<string[][]> {
  return table
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? '')),
    );
}

/** How many of a canvas's pixels have been painted. */
async function paintedPixels(canvas: Locator): Promise<number> {
  return canvas.evaluate((element: HTMLCanvasElement) => {
    const context = element.getContext('2d');
    if (!context) return 0;
    const { data } = context.getImageData(0, 0, element.width, element.height);
    let painted = 0;
    for (let index = 3; index < data.length; index += 4) if ((data[index] ?? 0) > 0) painted++;
    return painted;
  });
}

test('the charts load Chart.js only as they near the screen, and draw something', async ({ page }) => {
  const chartCode: string[] = [];
  page.on('request', (request) => {
    if (/chart-runtime/.test(request.url())) chartCode.push(request.url());
  });
  await openWithSample(page);
  // The charts are below the heatmap, far from the first screen: no Chart.js yet.
  expect(chartCode).toEqual([]);
  for (const id of ['retention-curves', 'value-by-age']) {
    const figure = page.locator(`[data-chart="${id}"]`);
    await figure.scrollIntoViewIfNeeded();
    await expect(figure.locator('figure.chart')).toHaveAttribute('data-drawn', 'true');
    const canvas = figure.locator('canvas');
    // The axes, the grid, the legend and the lines: thousands of pixels on a 20 rem tall chart.
    await expect.poll(() => paintedPixels(canvas)).toBeGreaterThan(5000);
    // Named for people who cannot see it, and described by the summary beside it.
    const picture = figure.getByRole('img');
    await expect(picture).toHaveAttribute('aria-describedby', `${id}-summary`);
    await expect(figure.locator(`#${id}-summary`)).not.toBeEmpty();
  }
  expect(chartCode).toHaveLength(1);
});

test('the retention curves: their table and CSV hold the sample’s shares by year of first order', async ({
  page,
}) => {
  const expected = expectedRetention();
  // The sample's 30 monthly cohorts are 10 quarters, more than 6 lines: pooled by year, 2022 to 2024.
  expect(expected.map((group) => group.name.slice(0, 4))).toEqual(['2022', '2023', '2024']);
  await openWithSample(page);
  const figure = page.locator('[data-chart="retention-curves"]');
  await expect(figure).toContainText('pooled into one line per year of first order');
  const table = figure.getByRole('table');
  await expect(table).toBeHidden();
  await figure.getByText('Show the numbers as a table').click();
  await expect(table).toBeVisible();

  const headers = await table.locator('thead th').allTextContents();
  expect(headers).toEqual(['Months since the first order', ...expected.map((group) => group.name)]);
  const ages = Math.max(...expected.map((group) => group.shares.length));
  expect(await tableCells(table)).toEqual(
    Array.from({ length: ages }, (_, index) => [
      String(index + 1),
      ...expected.map((group) => {
        const share = group.shares[index];
        return share === undefined ? '–' : percent(share);
      }),
    ]),
  );

  const downloading = page.waitForEvent('download');
  await figure.getByRole('button', { name: 'Download the data (CSV)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^your-orders-retention-curves-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path()) ?? '', 'utf8');
  const lines = csv.replace(/^\ufeff/, '').split('\r\n');
  expect(lines[0]).toBe(
    ['Months since the first order', ...expected.map((group) => `${group.name} (%)`)].join(','),
  );
  expect(lines.slice(1, -1)).toEqual(
    Array.from({ length: ages }, (_, index) =>
      [
        index + 1,
        ...expected.map((group) => {
          const share = group.shares[index];
          return share === undefined ? '' : String(Number((100 * share).toFixed(4)));
        }),
      ].join(','),
    ),
  );
  expect(lines.at(-1)).toBe('');
});

test('revenue per customer by age: its table and CSV hold the sample’s figures', async ({ page }) => {
  const expected = expectedValueByAge();
  await openWithSample(page);
  const figure = page.locator('[data-chart="value-by-age"]');
  await figure.getByText('Show the numbers as a table').click();
  const table = figure.getByRole('table');
  expect(await table.locator('thead th').allTextContents()).toEqual([
    'Months since the first order',
    'Revenue per customer',
    'Customers observed',
  ]);
  expect(await tableCells(table)).toEqual(
    expected.map((row) => [String(row.age), dollars(row.revenue), String(row.customers)]),
  );

  const downloading = page.waitForEvent('download');
  await figure.getByRole('button', { name: 'Download the data (CSV)' }).click();
  const csv = readFileSync((await (await downloading).path()) ?? '', 'utf8');
  expect(csv).toBe(
    '\ufeffMonths since the first order,Revenue per customer (USD),Customers observed\r\n' +
      expected.map((row) => `${row.age},${Number(row.revenue.toFixed(2))},${row.customers}\r\n`).join(''),
  );
});

test('a chart downloads as a PNG once drawn: the picture on the page, over its background', async ({
  page,
}) => {
  await openWithSample(page);
  const figure = page.locator('[data-chart="value-by-age"]');
  const button = figure.getByRole('button', { name: 'Download the chart (PNG)' });
  await figure.scrollIntoViewIfNeeded();
  await expect(figure.locator('figure.chart')).toHaveAttribute('data-drawn', 'true');
  await expect(button).toBeEnabled();
  const size = await figure
    .locator('canvas')
    .evaluate((canvas: HTMLCanvasElement) => ({ width: canvas.width, height: canvas.height }));
  const downloading = page.waitForEvent('download');
  await button.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^your-orders-value-by-age-\d{4}-\d{2}-\d{2}\.png$/);
  const png = readFileSync((await download.path()) ?? '');
  // The PNG signature, then the IHDR chunk's width and height: the canvas's own pixel size.
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual(size);
  // Drawn over the page's background: the top-left pixel is opaque, where the bare canvas is transparent.
  const corner = await page.evaluate(
    async (bytes) => {
      const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d');
      context?.drawImage(bitmap, 0, 0);
      return [...(context?.getImageData(0, 0, 1, 1).data ?? [])];
    },
    [...png],
  );
  expect(corner[3]).toBe(255);
});

test('on paper: every chart whole and at its print shape, no buttons, the customer table as a line', async ({
  page,
}) => {
  await openWithSample(page);
  for (const id of ['retention-curves', 'value-by-age']) {
    const figure = page.locator(`[data-chart="${id}"]`);
    await figure.scrollIntoViewIfNeeded();
    await expect(figure.locator('figure.chart')).toHaveAttribute('data-drawn', 'true');
  }
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Download the chart (PNG)' }).first()).toBeHidden();
  await expect(page.getByText('Show the numbers as a table').first()).toBeHidden();
  await expect(page.getByTestId('customer-table')).toBeHidden();
  await expect(page.getByText('The table of every customer is left off the printout')).toBeVisible();
  for (const figure of await page.locator('figure.orders-chart').all()) {
    // Cut by a page break, a chart's halves print on two sheets: each chart is kept whole.
    expect(await figure.evaluate((element) => getComputedStyle(element).breakInside)).toBe('avoid');
    const box = await figure.locator('.canvas-box').boundingBox();
    expect(box?.width).toBeGreaterThan(300);
    // LineChart's print shape, 700 × 250, set by CSS alone.
    expect((box?.height ?? 0) / (box?.width ?? 1)).toBeCloseTo(250 / 700, 2);
  }
  // Chromium lays a grid item that a page break cuts over what follows it: the steps print as blocks.
  const layouts = await page
    .locator('#main .panel, #follow-up ol')
    .evaluateAll((elements) => elements.map((element) => getComputedStyle(element).display));
  expect(new Set(layouts)).toEqual(new Set(['block']));
});

test('by keyboard: Tab reaches the table switch, Enter opens it, then the table scrolls and the CSV downloads', async ({
  page,
}) => {
  await openWithSample(page);
  const figure = page.locator('[data-chart="retention-curves"]');
  await figure.locator('canvas').scrollIntoViewIfNeeded();
  // From the last control before the charts (the heatmap's region takes no focus), Tab by Tab.
  await page.locator('#history-heading').evaluate((heading: HTMLElement) => {
    heading.tabIndex = -1;
    heading.focus();
  });
  const switchOpen = figure.locator('summary');
  let presses = 0;
  while (!(await switchOpen.evaluate((element) => element === document.activeElement)) && presses < 40) {
    await page.keyboard.press('Tab');
    presses++;
  }
  await expect(switchOpen).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(figure.getByRole('table')).toBeVisible();
  await page.keyboard.press('Tab');
  // The table's scrolling region takes focus, so arrow keys can scroll a wide table.
  await expect(figure.getByRole('region')).toBeFocused();
  await page.keyboard.press('Tab');
  const button = figure.getByRole('button', { name: 'Download the data (CSV)' });
  await expect(button).toBeFocused();
  const downloading = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  expect((await downloading).suggestedFilename()).toMatch(/^your-orders-retention-curves-/);
  // Enter again closes the table.
  await switchOpen.focus();
  await page.keyboard.press('Enter');
  await expect(figure.getByRole('table')).toBeHidden();
});

test('axe finds nothing in the history step with both charts drawn and their tables open', async ({
  page,
}) => {
  await openWithSample(page);
  for (const id of ['retention-curves', 'value-by-age']) {
    const figure = page.locator(`[data-chart="${id}"]`);
    await figure.scrollIntoViewIfNeeded();
    await expect(figure.locator('figure.chart')).toHaveAttribute('data-drawn', 'true');
    await figure.getByText('Show the numbers as a table').click();
  }
  const results = await new AxeBuilder({ page })
    .include('section[aria-labelledby="history-heading"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const summary = `axe: ${results.passes.length} rules passed, ${results.incomplete.length} to check by hand, ${results.violations.length} violations`;
  console.log(summary);
  test.info().annotations.push({ type: 'axe', description: summary });
  expect(results.passes.length).toBeGreaterThan(10);
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
});

test('on a phone the charts and their open tables stay within the screen; a wide table scrolls in its own region', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openWithSample(page);
  for (const id of ['retention-curves', 'value-by-age']) {
    const figure = page.locator(`[data-chart="${id}"]`);
    await figure.scrollIntoViewIfNeeded();
    await figure.getByText('Show the numbers as a table').click();
    const sizes = await figure.evaluate((element) => {
      const region = element.querySelector('[role="region"], section');
      return {
        figureRight: element.getBoundingClientRect().right,
        canvasRight: element.querySelector('canvas')?.getBoundingClientRect().right ?? Infinity,
        regionRight: region?.getBoundingClientRect().right ?? Infinity,
        regionScrolls: region ? region.scrollWidth > region.clientWidth : false,
        tableWidth: element.querySelector('table')?.getBoundingClientRect().width ?? 0,
      };
    });
    expect(sizes.figureRight).toBeLessThanOrEqual(390);
    expect(sizes.canvasRight).toBeLessThanOrEqual(390);
    expect(sizes.regionRight).toBeLessThanOrEqual(390);
    // The retention table is wider than a phone: it scrolls inside, not the page.
    if (sizes.tableWidth > 390) expect(sizes.regionScrolls).toBe(true);
  }
});
