import type { Page } from '@playwright/test';
import { wake } from './wake';
import { expect, openCalculator, test } from './calculator';

const PATH = '/calculators/sale-vs-customer/';

test.use({ calculatorId: 'sale-vs-customer' });

async function savedPanel(page: Page) {
  const panel = page.getByTestId('saved-scenarios');
  await panel.scrollIntoViewIfNeeded();
  await expect(panel).toHaveAttribute('data-ready', 'true');
  return panel;
}

test.describe('presets', () => {
  test('fill the inputs in one click, are labelled illustrative, and round-trip through the link', async ({
    page,
    context,
  }) => {
    await openCalculator(page, 'sale-vs-customer', '?currency=USD');
    await expect(page.getByText('illustrative', { exact: true })).toBeVisible();
    // As a reader's pointer does on its way to choose, which fetches the picker.
    await page.getByLabel(/Start from an example business/).hover();
    await page.getByLabel(/Start from an example business/).selectOption('cafe');
    await expect(page.locator('#preset-description')).toContainText('$7 a visit');
    await page.getByRole('button', { name: 'Use these figures' }).click();
    await expect(page.getByLabel('Average order value')).toHaveValue('7');
    await expect(page.getByLabel('Orders per year')).toHaveValue('80');
    // 7 × 65 % = 4.55
    await expect(page.locator('[data-result="sale"]')).toHaveAttribute('data-value', '4.55');
    await expect(page).toHaveURL(/aov=7&margin=65&freq=80/);
    const second = await context.newPage();
    await second.goto(page.url());
    await wake(second);
    await expect(second.locator('[data-result="sale"]')).toHaveAttribute('data-value', '4.55');
  });

  test('fill the scenario being edited when two are compared', async ({ page, calculator }) => {
    await calculator.open();
    await page.getByRole('button', { name: 'Compare with a second scenario' }).click();
    await page.getByLabel(/Start from an example business/).hover();
    await page.getByLabel(/Start from an example business/).selectOption('gym');
    await page.getByRole('button', { name: 'Use these figures' }).click();
    await expect(page).toHaveURL(/b\.aov=45/);
    await expect(page).toHaveURL(/[?&]aov=60&/);
  });
});

test.describe('saved scenarios', () => {
  test('save, reopen after a reload, rename and delete', async ({ page, calculator }) => {
    await calculator.open();
    await page.getByLabel('Average order value').fill('75');
    let panel = await savedPanel(page);
    await panel.getByLabel('Name these figures').fill('Today');
    await panel.getByRole('button', { name: 'Save in this browser' }).click();
    await expect(panel.getByRole('listitem')).toHaveCount(1);

    await page.goto(PATH);
    panel = await savedPanel(page);
    await expect(panel.getByRole('listitem')).toContainText('Today');
    await panel.getByRole('button', { name: 'Open Today' }).click();
    await expect(page.getByLabel('Average order value')).toHaveValue('75');
    await expect(page).toHaveURL(/aov=75/);

    await panel.getByRole('button', { name: 'Rename Today' }).click();
    await panel.getByLabel('New name for Today').fill('Before the card');
    await panel.getByRole('button', { name: 'Save name' }).click();
    await expect(panel.getByRole('listitem')).toContainText('Before the card');
    await page.reload();
    panel = await savedPanel(page);
    await expect(panel.getByRole('listitem')).toContainText('Before the card');
    await panel.getByRole('button', { name: 'Delete Before the card' }).click();
    await expect(panel.getByRole('listitem')).toHaveCount(0);
    await page.reload();
    panel = await savedPanel(page);
    await expect(panel.getByRole('listitem')).toHaveCount(0);
  });

  test('corrupt or foreign stored data is ignored with a notice, and the page still works', async ({
    page,
    calculator,
  }) => {
    await page.addInitScript(() => {
      localStorage.setItem(
        'customer-for-life:saved-scenarios',
        JSON.stringify({
          app: 'customer-for-life',
          version: 1,
          scenarios: [
            {
              id: 'ok',
              name: 'Good one',
              calculator: 'sale-vs-customer',
              query: 'aov=33',
              savedAt: '2026-11-01T00:00:00Z',
            },
            {
              id: 'bad',
              name: '<img src=x onerror=alert(1)>',
              calculator: 'sale-vs-customer',
              query: 'x=<script>',
              savedAt: 'no',
            },
          ],
        }),
      );
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await calculator.open();
    const panel = await savedPanel(page);
    await expect(panel.getByRole('alert')).toContainText('One saved scenario was damaged');
    await expect(panel.getByRole('listitem')).toHaveCount(1);
    await page.getByLabel('Average order value').fill('90');
    await expect(page.locator('[data-result="sale"]')).toHaveAttribute('data-value', '36');
    expect(errors).toEqual([]);
  });

  test('stored data that is not JSON at all is ignored with a notice', async ({ page, calculator }) => {
    await page.addInitScript(() => localStorage.setItem('customer-for-life:saved-scenarios', '{broken'));
    await calculator.open();
    const panel = await savedPanel(page);
    await expect(panel.getByRole('alert')).toContainText('not valid JSON');
    await expect(panel.getByRole('listitem')).toHaveCount(0);
  });

  test('export and import the saved list as a JSON file', async ({ page, calculator }) => {
    await calculator.open();
    const panel = await savedPanel(page);
    await panel.getByLabel('Name these figures').fill('Exported');
    await panel.getByRole('button', { name: 'Save in this browser' }).click();
    const downloadPromise = page.waitForEvent('download');
    await panel.getByRole('button', { name: 'Export all as a file' }).click();
    const download = await downloadPromise;
    const path = await download.path();
    expect(download.suggestedFilename()).toMatch(/^customer-for-life-scenarios-\d{4}-\d{2}-\d{2}\.json$/);
    await panel.getByRole('button', { name: 'Delete Exported' }).click();
    await expect(panel.getByRole('listitem')).toHaveCount(0);
    await panel.locator('input[type="file"]').setInputFiles(path);
    await expect(panel.getByRole('listitem')).toContainText('Exported');
    await expect(panel.getByRole('status')).toContainText('Imported 1 new scenario');
  });
});

test.describe('embed dialog', () => {
  test('gives the iframe snippet for the current state, and closes with Escape back to its button', async ({
    page,
    calculator,
  }) => {
    await calculator.open('?aov=70&currency=EUR');
    const button = page.getByRole('button', { name: 'Embed', exact: true });
    await button.click();
    const dialog = page.getByRole('dialog', { name: 'Embed this calculator' });
    await expect(dialog).toBeVisible();
    const snippet = await dialog.getByTestId('embed-snippet').inputValue();
    expect(snippet).toMatch(/^<iframe\s/);
    expect(snippet).toContain('/embed/sale-vs-customer/?aov=70&amp;');
    expect(snippet).toContain('currency=EUR');
    await expect(dialog.getByTestId('embed-listener')).toHaveValue(/event\.origin/);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();
  });
});
