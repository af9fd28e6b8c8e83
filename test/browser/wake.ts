import { expect, type FrameLocator, type Page } from '@playwright/test';

/**
 * Wakes a calculator that hydrates on the reader's first use (`client:firstuse`) as a reader would, with a key
 * press that changes nothing (Shift), and waits until it has hydrated. A link with settings, or a reader outside
 * en-US, has it hydrated already; the press then changes nothing.
 */
export async function wake(page: Page) {
  await page.keyboard.press('Shift');
  await expect(page.getByTestId('calculator').first()).toHaveAttribute('data-hydrated', 'true');
}

/** The same for a calculator in an embed's frame, woken by the pointer coming over it. */
export async function wakeFrame(frame: FrameLocator) {
  await frame.locator('h1').hover();
  await expect(frame.getByTestId('calculator')).toHaveAttribute('data-hydrated', 'true');
}
