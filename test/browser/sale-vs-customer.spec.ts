import { wake } from './wake';
import { expect, openCalculator, test, resultValue } from './calculator';

const PATH = '/calculators/sale-vs-customer/';

test.use({ calculatorId: 'sale-vs-customer' });

test.describe('Sale vs Customer: first load', () => {
  test('server-renders the default results before any script runs', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(PATH);
    // 60 × 40 % = 24; clv worked by hand: 96 × (1 − (6/11)^10) / (5/11) ≈ 210.7076.
    await expect(page.locator('[data-result="sale"]')).toHaveAttribute('data-value', '24');
    const clv = Number(await page.locator('[data-result="clv"]').getAttribute('data-value'));
    expect(clv).toBeCloseTo(210.7076, 3);
    await expect(page.getByLabel('Average order value')).toHaveValue('60');
    await context.close();
  });

  test('hydrates and shows every result with a value or a reason', async ({ page, calculator }) => {
    await calculator.open();
    for (const name of [
      'sale',
      'clv',
      'clvUndiscounted',
      'longRun',
      'activeYears',
      'purchases',
      'multiple',
      'net',
      'clvToCac',
      'paybackMonths',
    ]) {
      const element = page.locator(`[data-result="${name}"]`);
      await expect(element).toHaveCount(1);
      await expect(element).not.toHaveText('');
    }
    expect(await resultValue(page, 'paybackMonths')).toBe('7');
    expect(Number(await resultValue(page, 'longRun'))).toBeCloseTo(211.2, 9);
  });
});

test.describe('Sale vs Customer: typing', () => {
  test('updates the results and the address as the person types', async ({ page, calculator }) => {
    await calculator.open();
    await page.getByLabel('Average order value').fill('100');
    // 100 × 40 % = 40.
    await expect(page.locator('[data-result="sale"]')).toHaveAttribute('data-value', '40');
    await expect(page).toHaveURL(/[?&]aov=100(&|$)/);
    await page.getByLabel('Gross margin').fill('25');
    await expect(page.locator('[data-result="sale"]')).toHaveAttribute('data-value', '25');
    await expect(page).toHaveURL(/[?&]margin=25(&|$)/);
  });

  test('a bad entry gets a message beside it, keeps the text and leaves results on the last valid figure', async ({
    page,
    calculator,
  }) => {
    await calculator.open();
    const field = page.getByLabel('Average order value');
    await field.fill('80');
    await expect(page.locator('[data-result="sale"]')).toHaveAttribute('data-value', '32');
    await field.fill('8o');
    await expect(field).toHaveValue('8o');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    const errorId = (await field.getAttribute('aria-describedby'))
      ?.split(' ')
      .find((id) => id.endsWith('-error'));
    expect(errorId).toBeTruthy();
    await expect(page.locator(`#${errorId}`)).toContainText(/number/i);
    // Results still use 80, and say so.
    await expect(page.locator('[data-result="sale"]')).toHaveAttribute('data-value', '32');
    await expect(page.getByTestId('stale-notice')).toContainText('average order value');
    await field.fill('');
    await expect(page.locator(`#${errorId}`)).toContainText(/enter a number/i);
    await field.fill('2000000000');
    await expect(page.locator(`#${errorId}`)).toBeVisible();
    await field.fill('90');
    await expect(field).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('stale-notice')).toHaveCount(0);
    await expect(page.locator('[data-result="sale"]')).toHaveAttribute('data-value', '36');
  });

  test('undefined results say why in words, never NaN or Infinity', async ({ page, calculator }) => {
    await calculator.open('?margin=0&cac=0&retention=100&discount=0');
    await expect(page.locator('[data-result="multiple"]')).toHaveAttribute('data-value', '');
    await expect(page.locator('[data-result="clvToCac"]')).toHaveAttribute('data-value', '');
    await expect(page.locator('[data-result="longRun"]')).toHaveAttribute('data-value', '');
    await expect(page.locator('[data-result="paybackMonths"]')).toHaveAttribute('data-value', '0');
    await expect(page.getByText('no acquisition cost entered', { exact: false })).toBeVisible();
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/NaN|Infinity/);
    for (const element of await page.locator('[data-result]').all()) {
      expect((await element.innerText()).trim()).not.toBe('');
    }
  });

  test('the currency picker reformats every money figure and is written to the link', async ({
    page,
    calculator,
  }) => {
    await calculator.open('?currency=USD');
    await expect(page.locator('[data-result="sale"]')).toHaveText('$24.00');
    await page.getByLabel('Currency').selectOption('EUR');
    await expect(page.locator('[data-result="sale"]')).toHaveText('€24.00');
    await expect(page).toHaveURL(/currency=EUR/);
    await page.getByLabel('Currency').selectOption('JPY');
    await expect(page.locator('[data-result="sale"]')).toHaveText('¥24');
  });
});

test.describe('Sale vs Customer: the reader’s locale', () => {
  test.use({ locale: 'de-DE' });

  test('formats in German and defaults to euros, accepting a decimal comma', async ({ page, calculator }) => {
    await calculator.open();
    await expect(page.locator('[data-result="sale"]')).toHaveText(/^24,00\s€$/);
    await page.getByLabel('Average order value').fill('62,5');
    // 62.5 × 40 % = 25.
    await expect(page.locator('[data-result="sale"]')).toHaveAttribute('data-value', '25');
    await expect(page).toHaveURL(/aov=62\.5/);
    await expect(page).toHaveURL(/currency=EUR/);
  });
});

test.describe('Sale vs Customer: links', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('a copied link reopens exactly the same state', async ({ page, context }) => {
    await openCalculator(page, 'sale-vs-customer');
    await page.getByLabel('Average order value').fill('45.5');
    await page.getByLabel('Customers who come back').fill('72');
    await page.getByLabel('Horizon').fill('7');
    await page.getByLabel('Currency').selectOption('GBP');
    const clv = await resultValue(page, 'clv');
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.getByTestId('share-status')).toContainText('Link copied');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toContain('aov=45.5');

    const second = await context.newPage();
    await second.goto(link);
    await wake(second);
    await expect(second.getByLabel('Average order value')).toHaveValue('45.5');
    await expect(second.getByLabel('Customers who come back')).toHaveValue('72');
    await expect(second.getByLabel('Horizon')).toHaveValue('7');
    await expect(second.getByLabel('Currency')).toHaveValue('GBP');
    expect(await resultValue(second, 'clv')).toBe(clv);
    await expect(second.getByTestId('ignored-notice')).toHaveCount(0);
  });

  test('reset returns to the defaults', async ({ page, calculator }) => {
    await calculator.open('?aov=10&years=3&currency=USD');
    await expect(page.locator('[data-result="sale"]')).toHaveAttribute('data-value', '4');
    await page.getByRole('button', { name: 'Reset to defaults' }).click();
    await expect(page.getByLabel('Average order value')).toHaveValue('60');
    await expect(page.getByLabel('Horizon')).toHaveValue('10');
    await expect(page.locator('[data-result="sale"]')).toHaveAttribute('data-value', '24');
    await expect(page).toHaveURL(/aov=60/);
  });

  test('malformed and out-of-range keys are ignored with a notice naming each, and never run', async ({
    page,
    calculator,
  }) => {
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    const hostile = encodeURIComponent('<img src=x onerror=alert(1)>');
    await calculator.open(
      `?aov=abc&margin=150&years=2.5&retention=${hostile}&freq=0&cac=12&utm_source=${hostile}`,
    );
    const notice = page.getByTestId('ignored-notice');
    await expect(notice).toBeVisible();
    for (const key of ['aov', 'margin', 'years', 'retention', 'freq'])
      await expect(notice).toContainText(key);
    await expect(notice).not.toContainText('cac');
    await expect(notice).not.toContainText('utm_source');
    // The ignored keys take their defaults; the valid one is used.
    await expect(page.getByLabel('Average order value')).toHaveValue('60');
    await expect(page.getByLabel('Cost to win a new customer')).toHaveValue('12');
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.content()).not.toContain('onerror=alert');
    expect(dialogs).toEqual([]);
  });
});

test.describe('Sale vs Customer: keyboard', () => {
  test('every control is reachable and usable without a mouse', async ({ page, calculator }) => {
    await calculator.open('?currency=USD');
    await page.getByLabel('Currency').focus();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Compare with a second scenario' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel(/Start from an example business/)).toBeFocused();
    // "Use these figures" stays disabled, so out of the tab order, until a business is chosen.
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Average order value')).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(page.getByLabel('Average order value')).toHaveValue('61');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByLabel('Average order value')).toHaveValue('59');
    // 59 × 40 % = 23.6
    await expect(page.locator('[data-result="sale"]')).toHaveAttribute('data-value', '23.6');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Gross margin')).toBeFocused();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('50');
    await expect(page.locator('[data-result="sale"]')).toHaveAttribute('data-value', '29.5');
    for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
    await expect(page.getByLabel('Referrals')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Copy link' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Reset to defaults' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Gross margin')).toHaveValue('40');
  });
});

test.describe('Sale vs Customer: chart', () => {
  test('loads Chart.js only when the chart nears the screen, then updates it in place', async ({
    page,
    calculator,
  }) => {
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.setViewportSize({ width: 1280, height: 700 });
    await calculator.open();
    const before = scripts.length;
    const canvas = page.locator('canvas');
    await canvas.scrollIntoViewIfNeeded();
    await expect.poll(() => scripts.length).toBeGreaterThan(before);
    // Chart.js sizes the canvas once it has drawn.
    await expect.poll(async () => (await canvas.boundingBox())?.height ?? 0).toBeGreaterThan(100);
    const handle = await canvas.elementHandle();
    await page.getByLabel('Horizon').fill('3');
    await expect(page.locator('#year-table tbody tr')).toHaveCount(3);
    // Same canvas element: the chart was updated, not re-created.
    expect(await handle?.evaluate((node) => node.isConnected)).toBe(true);
    await expect(page.locator('canvas')).toHaveCount(1);
    await expect(page.getByRole('img', { name: /running total by year/ })).toHaveAttribute(
      'aria-describedby',
      'year-table',
    );
  });

  test('the year table holds the chart’s numbers', async ({ page, calculator }) => {
    await calculator.open('?years=3&currency=USD');
    await page.locator('#year-table').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('over-time')).toHaveAttribute('data-hydrated', 'true');
    const rows = page.locator('#year-table tbody tr');
    await expect(rows).toHaveCount(3);
    // Year 2: chance 60 %, 2.4 orders, margin 96 × 0.6 = 57.60, value 57.6 ÷ 1.1 = 52.36, total 148.36.
    await expect(rows.nth(1)).toContainText('60%');
    await expect(rows.nth(1)).toContainText('2.4');
    await expect(rows.nth(1)).toContainText('$57.60');
    await expect(rows.nth(1)).toContainText('$52.36');
    await expect(rows.nth(1)).toContainText('$148.36');
  });
});

test.describe('Sale vs Customer: two scenarios', () => {
  test('compares A and B side by side, in the link, in the chart and in the table', async ({
    page,
    context,
  }) => {
    await openCalculator(page, 'sale-vs-customer', '?currency=USD');
    await page.getByRole('button', { name: 'Compare with a second scenario' }).click();
    // B starts as a copy of A and the form now edits B.
    await expect(page.getByRole('radio', { name: 'Scenario B' })).toBeChecked();
    await page.getByLabel('Customers who come back').fill('75');
    const b = page.locator('[data-result="clv"][data-scenario="b"]');
    const difference = page.locator('[data-result="clv"][data-scenario="difference"]');
    // A is unchanged: 210.7076…; B at 75 % retention: 96 × (1 − q¹⁰) / (1 − q), q = 0.75/1.1.
    const q = 0.75 / 1.1;
    const expectedB = (96 * (1 - q ** 10)) / (1 - q);
    await expect(page.locator('[data-result="clv"]:not([data-scenario])')).toHaveAttribute(
      'data-value',
      /^210\.70/,
    );
    expect(Number(await b.getAttribute('data-value'))).toBeCloseTo(expectedB, 9);
    expect(Number(await difference.getAttribute('data-value'))).toBeCloseTo(
      expectedB - 210.70764362431314,
      9,
    );
    await expect(difference).toHaveText(/^\+\$/);
    await expect(page).toHaveURL(/[?&]retention=60&.*b\.retention=75/);

    // The link reopens both scenarios.
    const second = await context.newPage();
    await second.goto(page.url());
    await wake(second);
    expect(
      Number(await second.locator('[data-result="clv"][data-scenario="b"]').getAttribute('data-value')),
    ).toBeCloseTo(expectedB, 9);
    await second.getByRole('radio', { name: 'Scenario B' }).check();
    await expect(second.getByLabel('Customers who come back')).toHaveValue('75');
    await second.getByRole('radio', { name: 'Scenario A' }).check();
    await expect(second.getByLabel('Customers who come back')).toHaveValue('60');

    // The table under the chart carries both running totals.
    await second.locator('#year-table').scrollIntoViewIfNeeded();
    await expect(second.getByTestId('over-time')).toHaveAttribute('data-hydrated', 'true');
    await expect(second.locator('#year-table thead')).toContainText('Running total, scenario B');

    // Stopping the comparison drops B from the link; a one-scenario link is as it was.
    await page.getByRole('button', { name: 'Stop comparing' }).click();
    await expect(page).not.toHaveURL(/b\.retention/);
    await expect(page.getByTestId('comparison')).toHaveCount(0);
  });

  test('a link with only some b. keys takes the rest from A, and reports bad ones', async ({
    page,
    calculator,
  }) => {
    await calculator.open('?aov=80&b.retention=70&b.margin=abc');
    await expect(page.getByTestId('comparison')).toBeVisible();
    await expect(page.getByTestId('ignored-notice')).toContainText('b.margin');
    await page.getByRole('radio', { name: 'Scenario B' }).check();
    await expect(page.getByLabel('Average order value')).toHaveValue('80');
    await expect(page.getByLabel('Gross margin')).toHaveValue('40');
    await expect(page.getByLabel('Customers who come back')).toHaveValue('70');
  });
});
