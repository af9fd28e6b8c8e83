import { readFile } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { wake } from './wake';
import { qrSvgPath } from '../../src/lib/qr';

// The printed report: one page of A4 and of US Letter, a QR code of the current link, and the CSV and PNG
// downloads. Sizes in CSS pixels at 96 per inch, with the 12 mm margins of print.css.
const MM = 96 / 25.4;
const MARGIN = 12 * MM;
/** The printable area of each paper: A4 is narrower, Letter shorter. */
const PAPERS = {
  A4: { width: Math.floor(210 * MM - 2 * MARGIN), height: Math.floor(297 * MM - 2 * MARGIN) }, // 703 × 1032
  Letter: { width: Math.floor(8.5 * 96 - 2 * MARGIN), height: Math.floor(11 * 96 - 2 * MARGIN) }, // 725 × 965
} as const;

interface Calculator {
  name: string;
  path: string;
  query: string;
  tableId: string;
  /** A field to change, to check that the QR code follows the state. */
  field: string;
  value: string;
  /** The start of the main chart's downloaded files' names, when it is not the calculator's. */
  fileName?: string;
}

const CALCULATORS: Calculator[] = [
  {
    name: 'sale-vs-customer',
    path: '/calculators/sale-vs-customer/',
    query: '?aov=45&margin=35&freq=6&retention=70&discount=8&years=12&cac=40&referrals=0.2&currency=GBP',
    tableId: 'year-table',
    field: 'Average order value',
    value: '52',
  },
  {
    name: 'retention-vs-acquisition',
    path: '/calculators/retention-vs-acquisition/',
    query: '?customers=2500&churn=25&churnWithProgram=18&programCost=12&cac=180&yearlyMargin=240&years=8',
    tableId: 'survival-table',
    field: 'Active customers today',
    value: '3000',
  },
  {
    name: 'subscription',
    path: '/calculators/subscription/',
    query:
      '?period=year&price=100&margin=70&discount=10&years=10&cac=200&tenure=1&survival=1000,631,468,382,326,289,262,241',
    tableId: 'survival-table',
    field: 'Subscription price',
    value: '120',
    fileName: 'subscriber-survival',
  },
];

/** More states that must print on one page: a long horizon (the printed table thins out) and two scenarios. */
const MORE_STATES: Calculator[] = [
  {
    ...CALCULATORS[0]!,
    name: 'sale-vs-customer',
    query: '?aov=45&margin=35&freq=6&retention=85&years=50&cac=40&referrals=0.3',
  },
  {
    ...CALCULATORS[1]!,
    name: 'retention-vs-acquisition',
    query: '?customers=2500&churn=8&churnWithProgram=5&years=50&b.churnWithProgram=4&b.years=40',
  },
  {
    // Monthly, five years of months: the printed table thins to months and says so.
    ...CALCULATORS[2]!,
    name: 'subscription',
    query: '?period=month&price=30&margin=70&years=5&survival=1000,870,790,735,700,672,650,633,619,607',
  },
];

/** Replaces window.print, which would open a dialog, with a flag the test can read. */
async function stubPrint(page: Page) {
  await page.addInitScript(() => {
    window.print = () => {
      (window as unknown as { __printed: boolean }).__printed = true;
    };
  });
}

async function open(page: Page, calculator: Calculator) {
  await page.goto(`${calculator.path}${calculator.query}`);
  await wake(page);
}

/** Pages in a PDF: page objects, not the /Pages tree nodes. */
function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
}

/** A number as the page shows it (en-US: "£1,234", "21.6%", "1,234.5"), or null for "–" or nothing. */
function shownNumber(text: string): number | null {
  const cleaned = text.replace(/[^\d.-]/g, '');
  return cleaned === '' ? null : Number(cleaned);
}

/** Digits after the decimal point on the page: the precision the page rounded to. */
function shownDecimals(text: string): number {
  return /\.(\d+)/.exec(text)?.[1]?.length ?? 0;
}

/** RFC 4180 records (CRLF line ends, quoted fields); enough for the files this site writes. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 1;
    } else field += c;
  }
  expect(field, 'the last record ends with CRLF').toBe('');
  return records;
}

/**
 * Presses Print report (window.print stubbed), checks the chart woke and the reader was left where they
 * were, then checks the print layout: a height within each paper's printable area, and one page in the
 * browser's own PDF of A4 and of Letter. Leaves a print-media screenshot per paper in the test's output.
 */
async function checkReport(page: Page, testInfo: TestInfo, calculator: Calculator, label: string) {
  await stubPrint(page);
  await open(page, calculator);
  const overTime = page.getByTestId('over-time').first();
  const button = page.getByRole('button', { name: 'Print report' });
  // The report tools arrive at the reader's first interaction (here the focus), in place of the stand-in.
  await button.focus();
  await expect(page.locator('[data-lazy="ready"]').filter({ has: button })).toHaveCount(1);
  await button.scrollIntoViewIfNeeded();
  const scrolledBefore = await page.evaluate(() => window.scrollY);
  await button.click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __printed?: boolean }).__printed))
    .toBe(true);
  await expect(overTime).toHaveAttribute('data-hydrated', 'true');
  await expect(overTime.locator('figure[data-drawn="true"] canvas')).toHaveCount(1);
  await expect(page.getByTestId('print-header')).toHaveAttribute('data-qr', 'ready');
  // The reader is left where they were.
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolledBefore);

  // What the browser does before it lays the page out for paper (the chart redraws at its print size).
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  for (const [paper, area] of Object.entries(PAPERS)) {
    // A short window, so the document's height is the content's, not the window's.
    await page.setViewportSize({ width: area.width, height: 400 });
    await expect(page.locator('.site-header')).toBeHidden();
    await expect(page.locator('.site-footer')).toBeHidden();
    await expect(page.getByRole('button', { name: 'Print report' })).toBeHidden();
    await expect(page.getByTestId('print-header')).toBeVisible();
    await expect(overTime.locator('canvas')).toBeVisible();
    // One year table prints: the table itself, or for a long horizon its print-only selection of years.
    await expect(overTime.locator('table:visible')).toHaveCount(1);
    await expect(overTime.locator(`table:visible[id^="${calculator.tableId}"]`)).toHaveCount(1);
    await page.screenshot({ path: testInfo.outputPath(`print-${label}-${paper}.png`), fullPage: true });
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    testInfo.annotations.push({ type: `${paper} height`, description: `${height} px of ${area.height}` });
    expect(height, `height on ${paper}`).toBeLessThanOrEqual(area.height);
  }

  // And the browser's own print layout: one page of each paper.
  for (const format of Object.keys(PAPERS)) {
    const pdf = await page.pdf({ format });
    await testInfo.attach(`report-${format}.pdf`, { body: pdf, contentType: 'application/pdf' });
    expect(pdfPageCount(pdf), `${format} pages`).toBe(1);
  }
}

for (const calculator of CALCULATORS) {
  test.describe(`Report: ${calculator.name}`, () => {
    test('Print report wakes the chart, prints, and the report fits one page of A4 and of Letter', async ({
      page,
    }, testInfo) => {
      await checkReport(page, testInfo, calculator, calculator.name);
    });

    test('the print header’s QR code encodes the current link', async ({ page }) => {
      await stubPrint(page);
      await open(page, calculator);
      await page.getByLabel(calculator.field, { exact: true }).fill(calculator.value);
      await expect(page).toHaveURL(new RegExp(`=${calculator.value}(&|$)`));
      await page.getByRole('button', { name: 'Print report' }).click();
      await expect
        .poll(() => page.evaluate(() => (window as unknown as { __printed?: boolean }).__printed))
        .toBe(true);
      await page.emulateMedia({ media: 'print' });
      const header = page.getByTestId('print-header');
      const qr = header.locator('svg');
      await expect(qr).toBeVisible();
      const href = await page.evaluate(() => location.href);
      await expect(header).toHaveAttribute('data-url', href);
      await expect(header).toContainText(href);
      // The path drawn is the code of exactly that link.
      const expected = qrSvgPath(href);
      await expect(qr).toHaveAttribute('viewBox', `0 0 ${expected.size} ${expected.size}`);
      await expect(qr.locator('path')).toHaveAttribute('d', expected.path);
    });

    test('Download table (CSV) holds the numbers of the table on the page', async ({ page }) => {
      await open(page, calculator);
      const overTime = page.getByTestId('over-time').first();
      await overTime.scrollIntoViewIfNeeded();
      await expect(overTime).toHaveAttribute('data-hydrated', 'true');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        overTime.getByRole('button', { name: 'Download table (CSV)' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(
        new RegExp(`^${calculator.fileName ?? calculator.name}-\\d{4}-\\d{2}-\\d{2}\\.csv$`),
      );
      const text = (await readFile(await download.path())).toString('utf8');
      expect(text.startsWith('\ufeff'), 'a byte order mark for spreadsheets').toBe(true);
      const [header, ...rows] = parseCsv(text.slice(1));

      const table = page.locator(`#${calculator.tableId}`);
      const shownRows = await table
        .locator('tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent ?? '')),
        );
      const columns = await table.locator('thead th').count();
      expect(header).toHaveLength(columns);
      expect(rows).toHaveLength(shownRows.length);
      rows.forEach((row, r) => {
        const shown = shownRows[r] ?? [];
        expect(row).toHaveLength(shown.length);
        row.forEach((cell, c) => {
          const text = shown[c] ?? '';
          const expected = shownNumber(text);
          if (expected === null) {
            expect(cell, `row ${r + 1}, column ${c + 1}`).toBe('');
            return;
          }
          // The CSV is unrounded where the page rounds: equal to the precision the page shows.
          const tolerance = 0.5 * 10 ** -shownDecimals(text) + 1e-9;
          const difference = Math.abs(Number(cell) - expected);
          expect(difference, `row ${r + 1}, column ${c + 1}: CSV ${cell}, page ${text}`).toBeLessThanOrEqual(
            tolerance,
          );
        });
      });
    });

    test('Download chart (PNG) saves an opaque PNG of the chart', async ({ page }) => {
      await open(page, calculator);
      const overTime = page.getByTestId('over-time').first();
      // To the chart, as a reader scrolls to it: the server's table below it (a monthly horizon's 121 rows
      // on Subscriber value) shrinks to the link's as it wakes, which would leave a centred section off screen.
      await overTime.locator('figure').scrollIntoViewIfNeeded();
      await expect(overTime.locator('figure[data-drawn="true"]')).toHaveCount(1);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        overTime.getByRole('button', { name: 'Download chart (PNG)' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(
        new RegExp(`^${calculator.fileName ?? calculator.name}-\\d{4}-\\d{2}-\\d{2}\\.png$`),
      );
      const png = await readFile(await download.path());
      expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect(png.length).toBeGreaterThan(10_000);
      // Colour type 2 (RGB) or 6 (RGBA); either way the corner pixel is the page's background, not clear.
      const corner = await page.evaluate(
        async (bytes) => {
          const blob = new Blob([new Uint8Array(bytes)], { type: 'image/png' });
          const bitmap = await createImageBitmap(blob);
          const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
          const context = canvas.getContext('2d');
          context?.drawImage(bitmap, 0, 0);
          return [...(context?.getImageData(0, 0, 1, 1).data ?? [])];
        },
        [...png],
      );
      expect(corner[3]).toBe(255);
    });

    test('a plain Ctrl+P before the chart woke prints no stale figures, and says to use Print report', async ({
      page,
    }) => {
      // Keep the chart's island asleep whatever the window size: its code never arrives.
      await page.route(/OverTime\.[\w-]+\.js$/, (route) => route.abort());
      await open(page, calculator);
      const overTime = page.getByTestId('over-time').first();
      await expect(overTime).not.toHaveAttribute('data-hydrated', 'true');
      await page.emulateMedia({ media: 'print' });
      await expect(overTime.getByText('Use Print report for the chart and its table.')).toBeVisible();
      // The server's default figures stay off the paper.
      await expect(page.locator(`#${calculator.tableId}`)).toBeHidden();
      await expect(overTime.locator('canvas')).toBeHidden();
      await expect(overTime.locator('button', { hasText: 'Download table (CSV)' })).toHaveCount(1);
      await expect(overTime.locator('button', { hasText: 'Download table (CSV)' })).toBeHidden();
    });
  });
}

for (const [index, calculator] of MORE_STATES.entries()) {
  test(`Report: ${calculator.name} also fits one page with ${calculator.query}`, async ({
    page,
  }, testInfo) => {
    await checkReport(page, testInfo, calculator, `${calculator.name}-more-${index}`);
    // A monthly cohort's long table is thinned by months, and its caption counts months, not years.
    if (calculator.query.includes('period=month'))
      await expect(page.locator('#survival-table-print caption')).toContainText(
        'then every twelfth month; the CSV download has every month',
      );
  });
}

/** The chart's fixed printed size: 100 mm wide (ChartWithTable) in the shape of its print size, 480 × 252. */
const CHART_MM = { width: 100, height: (100 * 252) / 480 };

/**
 * The chart's clipping rectangles in a PDF's page content, in mm: Chromium draws the canvas clipped to its
 * box. Reads the page's FlateDecode content streams; enough for the PDFs this browser writes.
 */
function pdfClipRectsMm(pdf: Buffer): { width: number; height: number }[] {
  const text = pdf.toString('latin1');
  const rects: { width: number; height: number }[] = [];
  for (const start of text.matchAll(/stream\r?\n/g)) {
    const end = text.indexOf('endstream', start.index);
    let content: string;
    try {
      content = inflateSync(Buffer.from(text.slice(start.index + start[0].length, end), 'latin1')).toString(
        'latin1',
      );
    } catch {
      continue;
    }
    // The page's first transform gives the unit (Skia writes its own units, scaled to points here).
    const scale = Math.abs(Number(/^([-\d.]+) 0 0 [-\d.]+ [-\d.]+ [-\d.]+ cm/m.exec(content)?.[1] ?? 1));
    for (const rect of content.matchAll(/[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+) re\s+W\*? n/g))
      rects.push({
        width: (Number(rect[1]) * scale * 25.4) / 72,
        height: (Number(rect[2]) * scale * 25.4) / 72,
      });
  }
  return rects;
}

test('the chart prints at its fixed size every time, in emulated print and in a real PDF, on a slow machine', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await stubPrint(page);
  // Four times slower, as on a loaded CI machine, where the chart once printed twice as tall.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const box = page.locator('[data-testid="over-time"] .canvas-box');
  const canvas = box.locator('canvas');
  for (let run = 1; run <= 3; run += 1) {
    await page.setViewportSize({ width: 794, height: 1123 });
    await open(page, CALCULATORS[0]!);
    await page.getByRole('button', { name: 'Print report' }).click();
    // Print report waits for Chart.js to arrive and draw, which four times slower can pass the default 10 s.
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __printed?: boolean }).__printed), {
        timeout: 30_000,
      })
      .toBe(true);
    await page.evaluate(() => window.scrollTo(0, 0));

    // Emulated print media, as the visual test does (no beforeprint): print CSS alone fixes the box.
    await page.emulateMedia({ media: 'print' });
    const expected = CHART_MM.height * MM;
    await expect
      // Four times slower, Chart.js (48 kB) can take more than the default 10 s to arrive and draw.
      .poll(async () => (await box.boundingBox())?.height, { message: `run ${run}`, timeout: 30_000 })
      .toBeCloseTo(expected, 0);
    expect((await box.boundingBox())?.width).toBeCloseTo(CHART_MM.width * MM, 0);
    expect((await canvas.boundingBox())?.height).toBeCloseTo(expected, 0);
    // The drawing has the box's shape: not stretched.
    const [bufferWidth, bufferHeight] = await canvas.evaluate((c: HTMLCanvasElement) => [c.width, c.height]);
    expect(bufferWidth / bufferHeight).toBeCloseTo(CHART_MM.width / CHART_MM.height, 1);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    testInfo.annotations.push({ type: `run ${run} emulated print height`, description: `${height} px` });
    expect(height, 'one A4 page at 96 px to the inch').toBeLessThanOrEqual(1123);

    // The browser's own print (which fires beforeprint and afterprint): one page, the chart at its size.
    await page.emulateMedia({ media: null });
    for (const format of ['A4', 'Letter']) {
      const pdf = await page.pdf({ format });
      expect(pdfPageCount(pdf), `run ${run}, ${format} pages`).toBe(1);
      // The canvas's clip is the tallest rectangle of the chart's width (a legend row may share the width).
      const heights = pdfClipRectsMm(pdf)
        .filter((rect) => Math.abs(rect.width - CHART_MM.width) < 1)
        .map((rect) => rect.height);
      expect(heights.length, `run ${run}, ${format}: a clip the chart’s width`).toBeGreaterThan(0);
      const chartHeight = Math.max(...heights);
      testInfo.annotations.push({
        type: `run ${run} ${format} chart`,
        description: `${chartHeight.toFixed(1)} mm`,
      });
      expect(chartHeight, `run ${run}, ${format} chart height in mm`).toBeCloseTo(CHART_MM.height, 0);
    }

    // Back on screen the chart takes its screen size again.
    await page.evaluate(() => dispatchEvent(new Event('afterprint')));
    await expect.poll(async () => (await box.boundingBox())?.height).toBeGreaterThan(300);
  }
});
