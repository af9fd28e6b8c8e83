import { wake } from './wake';
import { expect, openCalculator, test, result } from './calculator';

const PATH = '/calculators/retention-vs-acquisition/';

test.use({ calculatorId: 'retention-vs-acquisition' });

test.describe('Retention vs Acquisition: first load', () => {
  test('server-renders the defaults, where the programme pays', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(PATH);
    // 300 × 150 = 45,000 against 10 × 1,000 + 200 × 150 = 40,000: 5,000 saved a year.
    await expect(result(page, 'replaceCostPerYear')).toHaveAttribute('data-value', '45000');
    await expect(result(page, 'retainCostPerYear')).toHaveAttribute('data-value', '40000');
    await expect(result(page, 'savingsPerYear')).toHaveAttribute('data-value', '5000');
    // Keeping one = 10 ÷ 0.1 = 100, i.e. 66.7 % of 150; break-even at 150 × 0.1 = 15.
    await expect(result(page, 'costToKeepOne')).toHaveAttribute('data-value', '100');
    expect(Number(await result(page, 'keepVsWinPercent').getAttribute('data-value'))).toBeCloseTo(66.667, 2);
    await expect(result(page, 'breakEvenProgramCost')).toHaveAttribute('data-value', '15');
    await expect(page.getByTestId('verdict')).toContainText('pays');
    await expect(page.getByTestId('verdict')).not.toContainText('does not pay');
    await context.close();
  });

  test('a link made with the earlier defaults (programme 15) still opens at exact break-even', async ({
    page,
    calculator,
  }) => {
    await calculator.open(
      '?customers=1000&churn=30&churnWithProgram=20&programCost=15&cac=150&yearlyMargin=200&years=5&currency=USD',
    );
    // 300 × 150 = 45,000 against 15 × 1,000 + 200 × 150 = 45,000.
    await expect(result(page, 'retainCostPerYear')).toHaveAttribute('data-value', '45000');
    await expect(result(page, 'savingsPerYear')).toHaveAttribute('data-value', '0');
    await expect(result(page, 'costToKeepOne')).toHaveAttribute('data-value', '150');
    await expect(result(page, 'keepVsWinPercent')).toHaveAttribute('data-value', '100');
    await expect(page.getByTestId('verdict')).toContainText('breaks even');
  });

  test('every result has a value or a reason, never NaN or Infinity', async ({ page, calculator }) => {
    await calculator.open('?churn=0&churnWithProgram=0&cac=0');
    for (const element of await page.locator('[data-result]').all()) {
      expect((await element.innerText()).trim()).not.toBe('');
    }
    await expect(result(page, 'lifetimeYears')).toHaveAttribute('data-value', '');
    await expect(result(page, 'lifetimeYears')).toHaveText('Never leaves');
    await expect(result(page, 'costToKeepOne')).toHaveAttribute('data-value', '');
    await expect(result(page, 'keepVsWinPercent')).toHaveAttribute('data-value', '');
    expect(await page.locator('main').innerText()).not.toMatch(/NaN|Infinity/);
  });
});

test.describe('Retention vs Acquisition: typing', () => {
  test('a cheaper programme pays, a dearer one says plainly that it does not', async ({
    page,
    calculator,
  }) => {
    await calculator.open('?currency=USD');
    await page.getByLabel('Programme cost per customer').fill('12');
    // 45,000 − (12 × 1,000 + 30,000) = 3,000 a year; keeping = 12 ÷ 0.1 = 120, i.e. 80 % of 150.
    await expect(result(page, 'savingsPerYear')).toHaveAttribute('data-value', '3000');
    await expect(result(page, 'costToKeepOne')).toHaveAttribute('data-value', '120');
    expect(Number(await result(page, 'keepVsWinPercent').getAttribute('data-value'))).toBeCloseTo(80, 9);
    await expect(page.getByTestId('verdict')).toContainText('pays');
    await expect(page).toHaveURL(/programCost=12(&|$)/);

    await page.getByLabel('Programme cost per customer').fill('20');
    // 45,000 − (20,000 + 30,000) = −5,000; break-even is 150 × 0.1 = 15.
    await expect(result(page, 'savingsPerYear')).toHaveAttribute('data-value', '-5000');
    await expect(page.getByTestId('verdict')).toContainText('does not pay');
    await expect(page.getByTestId('verdict')).toContainText('$15.00');
  });

  test('churn with the programme cannot exceed churn without it', async ({ page, calculator }) => {
    await calculator.open();
    const withProgram = page.getByLabel('Customers lost each year with the programme');
    await withProgram.fill('35');
    await expect(withProgram).toHaveValue('35');
    await expect(withProgram).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#field-churnWithProgram-error')).toContainText(/customers lost each year/i);
    await expect(page.getByTestId('stale-notice')).toBeVisible();
    await expect(result(page, 'lostPerYearWithProgram')).toHaveAttribute('data-value', '200');

    // Lowering churn below the programme's figure puts that field in error and caps it in the results.
    await withProgram.fill('20');
    await page.getByLabel('Customers lost each year', { exact: true }).fill('10');
    await expect(withProgram).toHaveAttribute('aria-invalid', 'true');
    await expect(result(page, 'lostPerYearWithProgram')).toHaveAttribute('data-value', '100');
    await expect(result(page, 'costToKeepOne')).toHaveText('Keeps no one');
    await expect(page).toHaveURL(/churn=10&churnWithProgram=10/);
  });
});

test.describe('Retention vs Acquisition: links', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('the programme’s default churn follows churn, and a too-high value in a link is ignored', async ({
    page,
    calculator,
  }) => {
    await calculator.open('?churn=12');
    await expect(page.getByLabel('Customers lost each year with the programme')).toHaveValue('12');
    await calculator.open('?churn=10&churnWithProgram=15&customers=2.5');
    const notice = page.getByTestId('ignored-notice');
    await expect(notice).toContainText('churnWithProgram');
    await expect(notice).toContainText('customers');
    await expect(notice).not.toContainText('churn (');
    await expect(page.getByLabel('Customers lost each year with the programme')).toHaveValue('10');
    await expect(page.getByLabel('Active customers today')).toHaveValue('1000');
  });

  test('a copied link reopens the same state', async ({ page, context }) => {
    await openCalculator(page, 'retention-vs-acquisition');
    await page.getByLabel('Active customers today').fill('2500');
    await page.getByLabel('Programme cost per customer').fill('7.5');
    await page.getByLabel('Currency').selectOption('EUR');
    const savings = await result(page, 'savingsPerYear').getAttribute('data-value');
    await page.getByRole('button', { name: 'Copy link' }).click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    const second = await context.newPage();
    await second.goto(link);
    await wake(second);
    await expect(second.getByLabel('Active customers today')).toHaveValue('2500');
    await expect(second.getByLabel('Programme cost per customer')).toHaveValue('7.5');
    await expect(second.getByLabel('Currency')).toHaveValue('EUR');
    await expect(result(second, 'savingsPerYear')).toHaveAttribute('data-value', savings ?? 'missing');
  });
});

test.describe('Retention vs Acquisition: the claims panel', () => {
  test('applying “a tenth” sets the programme cost the claim implies', async ({ page, calculator }) => {
    await calculator.open('?currency=USD');
    const claims = page.getByTestId('claims');
    await claims.scrollIntoViewIfNeeded();
    await expect(claims).toHaveAttribute('data-hydrated', 'true');
    await claims.getByRole('listitem').filter({ hasText: 'a tenth' }).getByRole('button').click();
    // R = 0.10 × 150 × (0.30 − 0.20) = 1.5
    await expect(page.getByLabel('Programme cost per customer')).toHaveValue('1.5');
    expect(Number(await result(page, 'keepVsWinPercent').getAttribute('data-value'))).toBeCloseTo(10, 9);
    await expect(page.getByTestId('claim-result')).toContainText('$1.50');
    await expect(page).toHaveURL(/programCost=1\.5/);
  });

  test('says why a claim cannot apply when the programme keeps no one', async ({ page, calculator }) => {
    await calculator.open('?churn=20&churnWithProgram=20');
    const claims = page.getByTestId('claims');
    await claims.scrollIntoViewIfNeeded();
    await expect(claims).toHaveAttribute('data-hydrated', 'true');
    await claims.getByRole('button').first().click();
    await expect(page.getByTestId('claim-result')).toContainText('Cannot apply');
    // Left at its default.
    await expect(page.getByLabel('Programme cost per customer')).toHaveValue('10');
  });

  test('names each claim’s lack of a primary source', async ({ page }) => {
    await page.goto(PATH);
    await expect(page.getByTestId('claims').getByText('No primary study.')).toHaveCount(3);
  });
});

test.describe('Retention vs Acquisition: keyboard and chart', () => {
  test('the form and the claims work from the keyboard alone', async ({ page, calculator }) => {
    await calculator.open();
    await page.getByLabel('Currency').focus();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Compare with a second scenario' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel(/Start from an example business/)).toBeFocused();
    // "Use these figures" stays disabled, so out of the tab order, until a business is chosen.
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Active customers today')).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(page.getByLabel('Active customers today')).toHaveValue('1010');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    await expect(page.getByLabel('Programme cost per customer')).toBeFocused();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('12');
    // 1,010 × (150 × 0.1 − 12) = 3,030
    await expect(result(page, 'savingsPerYear')).toHaveAttribute('data-value', '3030');
    const button = page.getByTestId('claims').getByRole('button').first();
    await button.focus();
    await expect(page.getByTestId('claims')).toHaveAttribute('data-hydrated', 'true');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('claim-result')).not.toBeEmpty();
  });

  test('the table under the chart follows today’s customers year by year', async ({ page, calculator }) => {
    await calculator.open('?years=3');
    await page.locator('#survival-table').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('over-time')).toHaveAttribute('data-hydrated', 'true');
    const rows = page.locator('#survival-table tbody tr');
    await expect(rows).toHaveCount(4);
    // Year 2: 1,000 × 0.7² = 490 without, 1,000 × 0.8² = 640 with, 150 kept.
    await expect(rows.nth(2)).toContainText('490');
    await expect(rows.nth(2)).toContainText('640');
    await expect(rows.nth(2)).toContainText('150');
    await expect
      .poll(async () => (await page.locator('canvas').boundingBox())?.height ?? 0)
      .toBeGreaterThan(100);
  });
});

test.describe('Retention vs Acquisition: two scenarios', () => {
  test('today vs a cheaper programme, side by side', async ({ page, calculator }) => {
    await calculator.open('?currency=USD');
    await page.getByRole('button', { name: 'Compare with a second scenario' }).click();
    await page.getByLabel('Programme cost per customer').fill('5');
    // A saves 1,000 × (15 − 10) = 5,000 a year; B saves 1,000 × (15 − 5) = 10,000.
    await expect(page.locator('[data-result="savingsPerYear"]:not([data-scenario])')).toHaveAttribute(
      'data-value',
      '5000',
    );
    await expect(page.locator('[data-result="savingsPerYear"][data-scenario="b"]')).toHaveAttribute(
      'data-value',
      '10000',
    );
    await expect(page.locator('[data-result="savingsPerYear"][data-scenario="difference"]')).toHaveText(
      '+$5,000',
    );
    await expect(page).toHaveURL(/b\.programCost=5(&|$)/);
  });
});
