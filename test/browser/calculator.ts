// What every calculator's browser tests do: open a calculator (woken as a reader wakes it) and read its
// results by the names the spec gives them (`data-result`, with the number in `data-value`). Specs import
// `test` from here to have the `calculator` fixture, or the helpers on their own.
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { calculatorPath, type CalculatorId } from '../../src/lib/calculator-ids';
import { wake } from './wake';

/** A result by its `data-result` name (the first, where scenario B shows it too). */
export function result(page: Page, name: string): Locator {
  return page.locator(`[data-result="${name}"]`).first();
}

/** A result's raw `data-value`: "" when it has no number (an explanation is shown instead), null if absent. */
export function resultValue(page: Page, name: string): Promise<string | null> {
  return result(page, name).getAttribute('data-value');
}

/** A result's number; fails the test when the result shows none. */
export async function resultNumber(page: Page, name: string): Promise<number> {
  const raw = await resultValue(page, name);
  expect(raw, `${name} has a number`).toMatch(/^-?\d/);
  return Number(raw);
}

/** Opens a calculator's full page with `query` ("" or "?key=value…") and waits until it has hydrated. */
export async function openCalculator(page: Page, id: CalculatorId, query = ''): Promise<void> {
  await page.goto(`${calculatorPath(id)}${query}`);
  await wake(page);
}

/** One calculator's page in a test: open it, read its results. */
export interface CalculatorFixture {
  open(query?: string): Promise<void>;
  result(name: string): Locator;
  number(name: string): Promise<number>;
}

/**
 * `test` with a `calculator` fixture for the calculator a file is about, set with
 * `test.use({ calculatorId: 'subscription' })`.
 */
export const test = base.extend<{ calculatorId: CalculatorId; calculator: CalculatorFixture }>({
  calculatorId: ['sale-vs-customer', { option: true }],
  calculator: async ({ page, calculatorId }, use) => {
    await use({
      open: (query = '') => openCalculator(page, calculatorId, query),
      result: (name) => result(page, name),
      number: (name) => resultNumber(page, name),
    });
  },
});

export { expect };
