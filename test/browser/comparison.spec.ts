import { expect, test } from '@playwright/test';

// The A/B comparison on a phone: one block per result, nothing scrolling sideways, every figure labelled.
const PAGES = [
  { path: '/calculators/sale-vs-customer/?aov=60&b.aov=75&b.retention=70', result: 'clv' },
  {
    path: '/calculators/retention-vs-acquisition/?b.churnWithProgram=12&b.programCost=20',
    result: 'savingsPerYear',
  },
];

for (const { path, result } of PAGES) {
  for (const width of [320, 390]) {
    test(`${path.split('?')[0]} at ${width} px: the comparison reads without sideways scrolling`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(path);
      const comparison = page.getByTestId('comparison');
      await comparison.scrollIntoViewIfNeeded();
      await expect(comparison).toBeVisible();
      const widths = await comparison.evaluate((element) => ({
        page: document.documentElement.scrollWidth,
        viewport: document.documentElement.clientWidth,
        scroll: element.scrollWidth,
        client: element.clientWidth,
      }));
      expect(widths.page, 'the page does not scroll sideways').toBeLessThanOrEqual(widths.viewport);
      expect(widths.scroll, 'the table does not scroll sideways').toBeLessThanOrEqual(widths.client);

      // Each figure is visible, inside the table's box, with its own visible label before it.
      const box = await comparison.boundingBox();
      for (const scenario of ['a', 'b', 'difference']) {
        const value =
          scenario === 'a'
            ? comparison.locator('tbody tr').first().locator('td').first().locator('.cell-value')
            : comparison.locator(`[data-result="${result}"][data-scenario="${scenario}"]`);
        await expect(value).toBeVisible();
        const at = await value.boundingBox();
        expect(at!.x + at!.width).toBeLessThanOrEqual(box!.x + box!.width);
      }
      const labels = comparison.locator('tbody tr').first().locator('.cell-label');
      await expect(labels).toHaveText(['Scenario A', 'Scenario B', 'B − A']);
      for (const label of await labels.all()) await expect(label).toBeVisible();
      // Still a table to assistive technology, with its column headers.
      await expect(page.getByRole('table', { name: 'Scenario A and scenario B side by side' })).toBeVisible();
      await expect(page.getByRole('columnheader', { name: 'Scenario B' })).toHaveCount(1);
      await expect(page.getByRole('rowheader').first()).toBeVisible();
    });
  }
}

test('on a wide screen the comparison is a table of four columns, the cell labels hidden', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(PAGES[0]!.path);
  const comparison = page.getByTestId('comparison');
  await expect(comparison.locator('thead')).toBeVisible();
  await expect(comparison.locator('.cell-label').first()).toBeHidden();
});
