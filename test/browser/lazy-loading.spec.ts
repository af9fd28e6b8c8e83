import { expect, test, type Page } from '@playwright/test';

// What a first visit does not need is fetched on first use, never on idle or by a timer: the comparison of two
// scenarios, the embed dialog, the notice of ignored link keys; the presets and the report tools as a pointer
// or the focus comes near them; the report's header (and its QR code) at the first interaction.

const CALCULATORS = ['/calculators/sale-vs-customer/', '/calculators/retention-vs-acquisition/'] as const;

/** Chunks that only a feature's first use may fetch. */
const ON_USE = [
  'ScenarioComparison',
  'EmbedDialog',
  'IgnoredKeysNotice',
  'PresetPicker',
  'ReportTools',
  'PrintHeader',
  'qr',
] as const;

/** Records the file names of the scripts a page fetches. */
function recordScripts(page: Page): string[] {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname.split('/').pop()!);
  });
  return scripts;
}

const fetched = (scripts: string[], chunk: string) => scripts.some((name) => name.startsWith(`${chunk}.`));

/** Replaces the print dialog with a mark on <body> saying whether the report's header was in the page. */
function stubPrint(page: Page) {
  return page.addInitScript(() => {
    window.print = () =>
      document.body.setAttribute(
        'data-printed',
        document.querySelector('[data-testid="print-header"]') ? 'with-header' : 'without-header',
      );
  });
}

/**
 * Opens a calculator and wakes it with the pointer over its corner: that readies it (client:firstuse) without
 * being a use, so what waits for the first press, key or focus still waits.
 */
async function open(page: Page, path: string, query = '') {
  await page.goto(`${path}${query}`);
  await page.getByTestId('calculator').hover({ position: { x: 2, y: 2 } });
  await expect(page.getByTestId('calculator')).toHaveAttribute('data-hydrated', 'true');
}

for (const path of CALCULATORS) {
  test.describe(`${path}: loading on first use`, () => {
    test('a first visit that only reads fetches none of the features it does not use', async ({ page }) => {
      const scripts = recordScripts(page);
      await open(page, path);
      // Past any idle callback or timer: nothing more arrives while the reader only reads.
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(4000);
      for (const chunk of ON_USE) expect(fetched(scripts, chunk), chunk).toBe(false);
      await expect(page.getByTestId('comparison')).toHaveCount(0);
    });

    test('the presets arrive as the pointer comes near, the report tools and header at the first interaction', async ({
      page,
    }) => {
      const scripts = recordScripts(page);
      await open(page, path);
      await page.getByLabel(/Start from an example business/).hover();
      await expect.poll(() => fetched(scripts, 'PresetPicker')).toBe(true);
      await expect(page.locator('select#preset[aria-describedby="preset-description"]')).toBeEnabled();
      // A pointer passing over is not yet a use of the report.
      expect(fetched(scripts, 'ReportTools')).toBe(false);
      expect(fetched(scripts, 'PrintHeader')).toBe(false);
      await page.locator('.inputs input[type="text"]').first().click();
      await expect.poll(() => fetched(scripts, 'ReportTools')).toBe(true);
      await expect.poll(() => fetched(scripts, 'PrintHeader')).toBe(true);
      await expect(page.getByTestId('print-header')).toHaveCount(1);
    });

    test('the comparison and the embed dialog work on first use by keyboard', async ({ page }) => {
      const scripts = recordScripts(page);
      await open(page, path);
      const compare = page.getByRole('button', { name: 'Compare with a second scenario' });
      await compare.focus();
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('comparison')).toBeVisible();
      expect(fetched(scripts, 'ScenarioComparison')).toBe(true);
      await expect(page.locator('[data-scenario="b"]').first()).toBeVisible();

      const embed = page.getByTestId('embed-open');
      await embed.focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByTestId('embed-dialog');
      await expect(dialog).toBeVisible();
      expect(fetched(scripts, 'EmbedDialog')).toBe(true);
      // Focus is in the dialog, on the snippet, and the snippet carries scenario B's keys.
      await expect(dialog.getByTestId('embed-snippet')).toBeFocused();
      await expect(dialog.getByTestId('embed-snippet')).toHaveValue(/[&;]b\.[a-z]/i);
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(page.getByTestId('embed-open')).toBeFocused();
    });

    test('a chunk that cannot be fetched says so, and the page keeps working', async ({ page }) => {
      await page.route(/\/_astro\/(EmbedDialog|ScenarioComparison)\.[^/]*\.js$/, (route) => route.abort());
      await open(page, path);
      await page.getByTestId('embed-open').click();
      await expect(
        page.getByRole('alert').filter({ hasText: 'The embed dialog could not be loaded' }),
      ).toBeVisible();
      await expect(page.getByTestId('embed-open')).toBeVisible();
      await page.getByRole('button', { name: 'Compare with a second scenario' }).click();
      await expect(
        page
          .getByRole('alert')
          .filter({ hasText: 'The comparison of the two scenarios could not be loaded' }),
      ).toBeVisible();
      // The form still computes.
      const first = page.locator('.inputs input[type="text"]').first();
      await first.fill('7');
      await expect(page).toHaveURL(/=7&/);
    });
  });
}

test('a link with b. keys loads the comparison at once and shows scenario B', async ({ page }) => {
  const scripts = recordScripts(page);
  await open(page, '/calculators/sale-vs-customer/', '?aov=60&b.aov=90&currency=USD');
  await expect(page.getByTestId('comparison')).toBeVisible();
  expect(fetched(scripts, 'ScenarioComparison')).toBe(true);
  // B's one sale: 90 × 40 % = 36, A's 60 × 40 % = 24, so B − A = 12.
  await expect(page.locator('[data-result="sale"][data-scenario="b"]')).toHaveAttribute('data-value', '36');
  await expect(page.locator('[data-result="sale"][data-scenario="difference"]')).toHaveAttribute(
    'data-value',
    '12',
  );
});

test('a link with an ignored key loads the notice at once', async ({ page }) => {
  const scripts = recordScripts(page);
  await open(page, '/calculators/sale-vs-customer/', '?aov=abc');
  await expect(page.getByTestId('ignored-notice')).toContainText('aov');
  expect(fetched(scripts, 'IgnoredKeysNotice')).toBe(true);
});

test('pressing Print report before the report tools have loaded still prints', async ({ page }) => {
  // Hold the tools back so the first-load stand-in button is the one pressed.
  await page.route(/\/_astro\/ReportTools\.[^/]*\.js$/, () => {});
  await page.addInitScript(() => {
    window.print = () => document.body.setAttribute('data-printed', 'true');
  });
  await open(page, '/calculators/sale-vs-customer/');
  await page.getByRole('button', { name: 'Print report' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'true', { timeout: 15_000 });
});

test('tabbing to the example businesses before their code has arrived fetches it and keeps the focus there', async ({
  page,
}) => {
  // Hold the picker back until the stand-in has the focus, so the keyboard reaches the stand-in first.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_astro\/PresetPicker\.[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await open(page, '/calculators/sale-vs-customer/');
  await page.getByRole('button', { name: 'Compare with a second scenario' }).focus();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel(/Start from an example business/)).toBeFocused();
  release();
  // The real picker (its select has a description) replaces the stand-in, and the focus moves with it.
  const picker = page.locator('select#preset[aria-describedby="preset-description"]');
  await expect(picker).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('button', { name: 'Use these figures' })).toBeEnabled();
});

test('a Ctrl+P that is the first key press waits for the report header, then prints', async ({ page }) => {
  await stubPrint(page);
  await open(page, '/calculators/sale-vs-customer/');
  await page.keyboard.press('Control+p');
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'with-header', { timeout: 15_000 });
});

test('a Ctrl+P once the header is in the page prints the same report, its QR code ready', async ({
  page,
}) => {
  await stubPrint(page);
  await open(page, '/calculators/sale-vs-customer/');
  await page.keyboard.press('Shift');
  await expect(page.getByTestId('print-header')).toBeAttached();
  await page.keyboard.press('Control+p');
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'with-header', { timeout: 15_000 });
  await expect(page.getByTestId('print-header')).toHaveAttribute('data-qr', 'ready');
});

test.describe('a calculator hydrates on first use', () => {
  const path = '/calculators/sale-vs-customer/';

  /** Holds every built script back until `release` is called, so the reader acts before the code is in. */
  function holdScripts(page: Page) {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    void page.route(/\/_astro\/[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    return () => release();
  }

  test('a visit that only reads fetches no calculator code, and the page already shows the results', async ({
    page,
  }) => {
    const scripts = recordScripts(page);
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(4000);
    // Only the service worker's registration: no Svelte runtime, no calculator, no chart.
    expect(scripts.filter((name) => !name.includes('BaseLayout'))).toEqual([]);
    await expect(page.getByTestId('calculator')).not.toHaveAttribute('data-hydrated', 'true');
    // The server's drawing of the defaults: one sale is 60 × 40 % = $24.00.
    await expect(page.locator('[data-result="sale"]').first()).toHaveAttribute('data-value', '24');
    await expect(page.locator('[data-result="sale"]').first()).toContainText('$24.00');
  });

  test('what is typed before the code arrives is kept and counted', async ({ page }) => {
    const release = holdScripts(page);
    await page.goto(path);
    const aov = page.locator('#field-aov');
    await aov.click();
    await page.keyboard.press('ControlOrMeta+a');
    await aov.pressSequentially('7', { delay: 20 });
    await page.keyboard.press('Backspace');
    await aov.pressSequentially('75');
    await expect(aov).toHaveValue('75');
    await expect(page.getByTestId('calculator')).not.toHaveAttribute('data-hydrated', 'true');
    release();
    await expect(page.getByTestId('calculator')).toHaveAttribute('data-hydrated', 'true');
    await expect(aov).toHaveValue('75');
    await expect(aov).toBeFocused();
    // 75 × 40 % = 30.
    await expect(page.locator('[data-result="sale"]').first()).toHaveAttribute('data-value', '30');
    await expect(page).toHaveURL(/[?&]aov=75(&|$)/);
  });

  test('a button pressed before the code arrives does what it says once it has', async ({ page }) => {
    const release = holdScripts(page);
    await page.goto(path);
    await page.getByRole('button', { name: 'Compare with a second scenario' }).click();
    release();
    await expect(page.getByTestId('comparison')).toBeVisible();
    await expect(page.locator('[data-scenario="b"]').first()).toBeVisible();
  });

  test('a Ctrl+P before the code arrives prints the report with its header', async ({ page }) => {
    await stubPrint(page);
    const release = holdScripts(page);
    await page.goto(path);
    await page.keyboard.press('Control+p');
    release();
    await expect(page.locator('body')).toHaveAttribute('data-printed', 'with-header', { timeout: 15_000 });
  });

  test('a link with settings hydrates at once, with no input', async ({ page }) => {
    await page.goto(`${path}?aov=100`);
    await expect(page.getByTestId('calculator')).toHaveAttribute('data-hydrated', 'true');
    // 100 × 40 % = 40.
    await expect(page.locator('[data-result="sale"]').first()).toHaveAttribute('data-value', '40');
  });

  test('a reader outside en-US gets their own format and currency at once, with no input', async ({
    browser,
  }) => {
    const context = await browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(path);
    await expect(page.getByTestId('calculator')).toHaveAttribute('data-hydrated', 'true');
    await expect(page.locator('[data-result="sale"]').first()).toContainText('24,00 €');
    await context.close();
  });
});
