import AxeBuilder from '@axe-core/playwright';
import { wake } from './wake';
import { expect, openCalculator, test, result, resultNumber } from './calculator';

const PATH = '/calculators/subscription/';

test.use({ calculatorId: 'subscription' });
/** Fader & Hardie (2007)'s "regular" cohort, yearly, as the page's worked example uses it. */
const REGULAR = '1000,631,468,382,326,289,262,241';
const REGULAR_LINK = `?period=year&price=100&margin=70&discount=10&years=10&cac=200&tenure=1&survival=${REGULAR}`;

test.describe('Subscriber value: first load', () => {
  test('server-renders the single-rate view and invites the cohort counts before any script runs', async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(PATH);
    // M = 30 × 70 % = 21 a month, q = 0.92 × 1.1^(−1/12): 21 × (1 − q¹²⁰) ÷ (1 − q) ≈ 240.606 (by hand).
    expect(await resultNumber(page, 'clvConstantChurn')).toBeCloseTo(240.606, 2);
    await expect(result(page, 'clv')).toHaveAttribute('data-value', '');
    await expect(result(page, 'clvDifference')).toContainText('Add your cohort counts');
    // Only the single-rate figures are shown; the cohort's own are promised in words, not shown blank.
    await expect(result(page, 'clvToCac')).not.toHaveText('');
    await expect(result(page, 'medianLifetime')).toHaveCount(0);
    await expect(page.getByTestId('cohort-invite')).toContainText('how long half of them stay');
    await expect(page.getByLabel('Subscription price')).toHaveValue('30');
    await context.close();
  });
});

test.describe('Subscriber value: a cohort of your own', () => {
  test('a link with one cohort fits it to the published parameters and says which way the single rate is off', async ({
    page,
    calculator,
  }) => {
    await calculator.open(REGULAR_LINK);
    // Fader & Hardie (2007) publish α = 0.704, β = 1.182 for this cohort.
    expect(await resultNumber(page, 'sbgAlpha')).toBeCloseTo(0.704, 3);
    expect(await resultNumber(page, 'sbgBeta')).toBeCloseTo(1.182, 3);
    // With the published α, β: 70 × Σ S(t) 1.1⁻ᵗ for t = 0…9 ≈ 218.50 (a direct sum, by hand).
    expect(await resultNumber(page, 'clv')).toBeCloseTo(218.5, 0);
    // c = 1 − (241/1000)^(1/7) ≈ 18.395 %; 70 × (1 − q¹⁰) ÷ (1 − q), q = (1 − c)/1.1 ≈ 257.48.
    expect(await resultNumber(page, 'clvConstantChurn')).toBeCloseTo(257.48, 1);
    await expect(result(page, 'clvDifference')).toContainText('overvalues a new subscriber');
    for (const name of ['residualValue', 'medianLifetime', 'clvToCac', 'paybackPeriods', 'clvLongRun']) {
      await expect(result(page, name)).not.toHaveText('');
      await expect(result(page, name)).not.toContainText(/NaN|Infinity|undefined/);
    }
    // The link carries the counts but no churn: the single rate is the one that meets the last count.
    await expect(page.getByLabel('The rate that meets your last count', { exact: false })).toBeChecked();
  });

  test('typing counts turns the single-rate view into a fit, and writes them to the link', async ({
    page,
    calculator,
  }) => {
    await calculator.open();
    const counts = page.getByLabel('Your cohort’s counts', { exact: false });
    await counts.fill('1000, 869, 743, 653, 593, 551, 517, 491');
    // The "high end" cohort: α = 0.668, β = 3.806 published.
    await expect.poll(() => resultNumber(page, 'sbgAlpha')).toBeCloseTo(0.668, 2);
    expect(await resultNumber(page, 'sbgBeta')).toBeCloseTo(3.806, 1);
    await expect(result(page, 'medianLifetime')).not.toHaveText('');
    await expect(page.getByTestId('cohort-invite')).toHaveCount(0);
    await expect(page).toHaveURL(/[?&]survival=1000,869,743,653,593,551,517,491(&|$)/);
    await expect(page).not.toHaveURL(/[?&]churn=/);
  });

  test('a rising series gets a message beside the field, keeps the text and the last valid figures', async ({
    page,
    calculator,
  }) => {
    await calculator.open(REGULAR_LINK);
    const before = await resultNumber(page, 'clv');
    const counts = page.getByLabel('Your cohort’s counts', { exact: false });
    await counts.fill('1000, 1100, 900');
    await expect(counts).toHaveValue('1000, 1100, 900');
    await expect(counts).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#field-survival-error')).toContainText('higher than the one before');
    expect(await resultNumber(page, 'clv')).toBe(before);
    await counts.fill('1000');
    await expect(page.locator('#field-survival-error')).toContainText('at least two');
    await counts.fill('1000, abc');
    await expect(page.locator('#field-survival-error')).toContainText('not a whole number');
    expect(await resultNumber(page, 'clv')).toBe(before);
  });

  test('a malformed survival key in a link is ignored with the notice, never echoed as HTML', async ({
    page,
    calculator,
  }) => {
    await calculator.open('?survival=1000,<b>x</b>&period=week');
    const notice = page.getByTestId('ignored-notice');
    await expect(notice).toContainText('survival');
    await expect(notice).toContainText('period');
    await expect(notice.locator('b')).toHaveCount(0);
    await expect(result(page, 'clv')).toHaveAttribute('data-value', '');
    expect(await resultNumber(page, 'clvConstantChurn')).toBeCloseTo(240.606, 2);
  });

  test('a pasted table of several cohorts is fitted, every line accounted for, and kept out of the link', async ({
    page,
    calculator,
  }) => {
    await calculator.open();
    await page.getByText('Several cohorts? Paste a table').click();
    const table = page.getByLabel('A table of cohorts');
    await table.fill(
      [
        'Start\tN0\tN1\tN2\tN3',
        '2025-01\t1000\t631\t468\t382',
        '2025-02\t900\t570\t420',
        'oops\tx',
        '2025-03\t800\t500',
      ].join('\n'),
    );
    await page.getByRole('button', { name: 'Use this table' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Read 5 lines' })).toContainText('3 cohorts');
    await expect(page.getByText('Line 4:')).toBeVisible();
    await expect.poll(() => resultNumber(page, 'sbgAlpha')).toBeGreaterThan(0);
    await expect(page.getByText('Fitted to 3 cohorts from the pasted table')).toBeVisible();
    await expect(page).not.toHaveURL(/2025|570/);
  });
});

test.describe('Subscriber value: the long tables', () => {
  test('a monthly horizon’s 120 rows scroll in a box of their own, the column names kept in sight', async ({
    page,
    calculator,
  }) => {
    await calculator.open();
    const table = page.locator('#survival-table');
    await table.scrollIntoViewIfNeeded();
    await expect(table.locator('tbody tr')).toHaveCount(120);
    const box = table.locator('xpath=ancestor::section[1]');
    const size = await box.evaluate((node) => ({ shown: node.clientHeight, whole: node.scrollHeight }));
    expect(size.shown).toBeLessThan(700);
    expect(size.whole).toBeGreaterThan(3 * size.shown);
    // Scrolled by keyboard to the end, the header row is still at the top of the box.
    await box.focus();
    await page.keyboard.press('End');
    await expect
      .poll(() => box.evaluate((node) => node.scrollTop))
      .toBeGreaterThan(size.whole - size.shown - 5);
    const header = await table.locator('thead th').first().boundingBox();
    const boxTop = (await box.boundingBox())?.y ?? Number.NaN;
    expect(Math.abs((header?.y ?? Number.NaN) - boxTop)).toBeLessThan(3);
    await expect(table.locator('tbody tr').last()).toBeInViewport();
  });
});

test.describe('Subscriber value: links and the page', () => {
  test('a state round-trips through its link', async ({ page, calculator }) => {
    await calculator.open(REGULAR_LINK);
    await page.getByLabel('Subscription price').fill('120');
    await expect(page).toHaveURL(/[?&]price=120(&|$)/);
    const clv = await resultNumber(page, 'clv');
    const link = page.url();
    await page.goto('about:blank');
    await page.goto(link);
    await wake(page);
    expect(await resultNumber(page, 'clv')).toBe(clv);
    await expect(page.getByLabel('Billing period')).toHaveValue('year');
  });

  test('the residual table runs over tenures 1 to 24', async ({ page, calculator }) => {
    await calculator.open(REGULAR_LINK);
    const residual = page.getByTestId('residual');
    await residual.scrollIntoViewIfNeeded();
    await expect(residual).toHaveAttribute('data-hydrated', 'true');
    await expect(residual.locator('tbody tr')).toHaveCount(24);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`has no axe violations with a fit, ${colorScheme} theme`, async ({ browser }) => {
      const context = await browser.newContext({ colorScheme });
      const page = await context.newPage();
      await openCalculator(page, 'subscription', REGULAR_LINK);
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      expect(results.violations.map((violation) => violation.id)).toEqual([]);
      await context.close();
    });
  }

  test('makes no request outside 127.0.0.1', async ({ page, calculator }) => {
    const outside: string[] = [];
    page.on('request', (request) => {
      if (!new URL(request.url()).hostname.startsWith('127.0.0.1')) outside.push(request.url());
    });
    await calculator.open(REGULAR_LINK);
    await page.getByLabel('Subscription price').fill('40');
    await page.mouse.wheel(0, 4000);
    await page.waitForLoadState('networkidle');
    expect(outside.filter((url) => !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
  });
});
