import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { wake } from './wake';

// The report's optional "Prepared for", "Prepared by" and note: typed on the page, printed in the report's
// header, kept with saved scenarios and exported files, and never in the URL or the shared link.
const PATH = '/calculators/sale-vs-customer/';
const FOR = 'Acme Garden Supplies';
const BY = 'Jane Doe, Doe & Partners';
const NOTE = 'Figures from the 2025 accounts.\nRetention from the loyalty card.';
const HOSTILE = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';

async function open(page: Page, query = '') {
  // Any dialog (an injected alert) fails the test; nothing here opens one.
  page.on('dialog', (dialog) => {
    throw new Error(`unexpected dialog: ${dialog.message()}`);
  });
  await page.goto(`${PATH}${query}`);
  await wake(page);
}

async function typeDetails(page: Page, details: { for?: string; by?: string; note?: string }) {
  const panel = page.locator('details.report-details');
  if ((await panel.getAttribute('open')) === null) await panel.locator('summary').click();
  if (details.for !== undefined) await page.getByLabel('Prepared for').fill(details.for);
  if (details.by !== undefined) await page.getByLabel('Prepared by').fill(details.by);
  if (details.note !== undefined) await page.getByLabel('Note', { exact: false }).fill(details.note);
}

async function savedPanel(page: Page) {
  const panel = page.getByTestId('saved-scenarios');
  await panel.scrollIntoViewIfNeeded();
  await expect(panel).toHaveAttribute('data-ready', 'true');
  return panel;
}

/** No word of the typed text anywhere in a string (plain or URL-encoded). */
function expectNoTrace(text: string, what: string) {
  const decoded = decodeURIComponent(text.replace(/\+/g, ' '));
  for (const word of ['Acme', 'Garden', 'Doe', 'Partners', 'accounts', 'loyalty'])
    expect(decoded, `${what} carries “${word}”`).not.toContain(word);
}

test('typed details show a count, a message when too long, keep their text, and print in the header', async ({
  page,
}) => {
  await open(page);
  const header = page.getByTestId('print-header');
  await typeDetails(page, { for: FOR, by: BY, note: NOTE });
  await expect(page.getByTestId('report-preparedFor-count')).toHaveText('20 of 80 characters');

  // Over the limit: a message beside the field, the text kept as typed, and the value left off the report.
  const tooLong = 'n'.repeat(301);
  await page.getByLabel('Note', { exact: false }).fill(tooLong);
  const note = page.getByLabel('Note', { exact: false });
  await expect(note).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#report-note-error')).toHaveText(/Too long for the report/);
  await expect(page.getByTestId('report-note-count')).toHaveText('301 of 300 characters');
  await expect(note).toHaveValue(tooLong);
  await page.emulateMedia({ media: 'print' });
  await expect(header.getByTestId('report-note')).toHaveCount(0);
  await page.emulateMedia({ media: 'screen' });
  await note.fill(NOTE);
  await expect(note).not.toHaveAttribute('aria-invalid', 'true');

  await page.emulateMedia({ media: 'print' });
  await expect(header).toBeVisible();
  await expect(header.getByTestId('prepared-for')).toHaveText(`Prepared for ${FOR}`);
  await expect(header.getByTestId('prepared-by')).toHaveText(`Prepared by ${BY}`);
  await expect(header.getByTestId('report-note')).toHaveText(NOTE);
  // The fields themselves stay off the paper.
  await expect(page.getByLabel('Prepared for')).toBeHidden();
});

test('empty details print no labels', async ({ page }) => {
  await open(page);
  await typeDetails(page, { for: '   ', by: '', note: '\n\n' });
  await page.emulateMedia({ media: 'print' });
  const header = page.getByTestId('print-header');
  await expect(header).toBeVisible();
  await expect(header).not.toContainText('Prepared');
  await expect(header.getByTestId('prepared')).toHaveCount(0);
  await expect(header.getByTestId('report-note')).toHaveCount(0);
});

test('markup typed in the details is printed as text, never run as HTML', async ({ page }) => {
  await open(page);
  await typeDetails(page, { for: HOSTILE, note: HOSTILE });
  await page.emulateMedia({ media: 'print' });
  const header = page.getByTestId('print-header');
  await expect(header.getByTestId('prepared-for')).toHaveText(`Prepared for ${HOSTILE}`);
  await expect(header.getByTestId('report-note')).toHaveText(HOSTILE);
  await expect(header.locator('img, script')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
});

test('the details never reach the URL, the copied link or the printed link', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page);
  // A change of figures first, so the address follows the state.
  await page.getByLabel('Average order value').fill('75');
  await expect(page).toHaveURL(/aov=75/);
  await typeDetails(page, { for: FOR, by: BY, note: NOTE });
  await page.getByLabel('Average order value').fill('76');
  await expect(page).toHaveURL(/aov=76/);
  expectNoTrace(page.url(), 'the URL');

  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByTestId('share-status')).toContainText('Link copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/aov=76/);
  expectNoTrace(copied, 'the copied link');

  const printed = await page.getByTestId('print-header').getAttribute('data-url');
  expectNoTrace(printed ?? '', 'the printed link');
});

test('saved with a scenario, and restored when it is reopened after a reload', async ({ page }) => {
  await open(page);
  await page.getByLabel('Average order value').fill('75');
  await typeDetails(page, { for: FOR, by: BY, note: NOTE });
  const panel = await savedPanel(page);
  await panel.getByLabel('Name these figures').fill('For Acme');
  await panel.getByRole('button', { name: 'Save in this browser' }).click();
  await expect(panel.getByRole('listitem')).toContainText(`For ${FOR}`);

  await page.goto(PATH);
  await wake(page);
  // Not kept anywhere but with the scenario: a fresh page has empty fields.
  await expect(page.locator('details.report-details summary')).not.toContainText('filled in');
  await expect(page.getByTestId('print-header').getByTestId('prepared')).toHaveCount(0);
  const reopened = await savedPanel(page);
  await reopened.getByRole('button', { name: 'Open For Acme' }).click();
  await expect(page.getByLabel('Average order value')).toHaveValue('75');
  await expect(page.getByLabel('Prepared for')).toHaveValue(FOR);
  await expect(page.getByLabel('Prepared by')).toHaveValue(BY);
  await expect(page.getByLabel('Note', { exact: false })).toHaveValue(NOTE);
  expectNoTrace(page.url(), 'the URL after opening');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('prepared-for')).toHaveText(`Prepared for ${FOR}`);
});

test('exported in the scenarios file, and back on import', async ({ page }) => {
  await open(page);
  await typeDetails(page, { for: FOR, by: BY, note: NOTE });
  const panel = await savedPanel(page);
  await panel.getByLabel('Name these figures').fill('Exported');
  await panel.getByRole('button', { name: 'Save in this browser' }).click();
  const downloadPromise = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export all as a file' }).click();
  const path = await (await downloadPromise).path();
  const file = JSON.parse(await readFile(path, 'utf8')) as { scenarios: Record<string, unknown>[] };
  expect(file.scenarios[0]).toMatchObject({ name: 'Exported', preparedFor: FOR, preparedBy: BY, note: NOTE });

  await panel.getByRole('button', { name: 'Delete Exported' }).click();
  await expect(panel.getByRole('listitem')).toHaveCount(0);
  await typeDetails(page, { for: 'Someone else', by: '', note: '' });
  await panel.locator('input[type="file"]').setInputFiles(path);
  await expect(panel.getByRole('status')).toContainText('Imported 1 new scenario');
  await panel.getByRole('button', { name: 'Open Exported' }).click();
  await expect(page.getByLabel('Prepared for')).toHaveValue(FOR);
  await expect(page.getByLabel('Note', { exact: false })).toHaveValue(NOTE);
});

test('an imported file with hostile or oversized details keeps its scenarios and says what it left out', async ({
  page,
}, testInfo) => {
  await open(page);
  const panel = await savedPanel(page);
  const path = testInfo.outputPath('hostile.json');
  const scenario = {
    id: 'h1',
    name: 'Hostile',
    calculator: 'sale-vs-customer',
    query: 'aov=61',
    savedAt: '2026-11-20T09:00:00.000Z',
  };
  const body = JSON.stringify({
    app: 'customer-for-life',
    version: 1,
    scenarios: [
      { ...scenario, preparedFor: { html: '<b>x</b>' }, note: HOSTILE },
      { ...scenario, id: 'h2', name: 'Long', query: 'aov=62', preparedBy: 'b'.repeat(5000) },
    ],
  });
  await import('node:fs/promises').then((fs) => fs.writeFile(path, body));
  await panel.locator('input[type="file"]').setInputFiles(path);
  await expect(panel.getByRole('status')).toContainText('Imported 2 new scenarios');
  await expect(panel.getByRole('alert')).toContainText(
    '2 saved scenarios’ report details (prepared for, prepared by or note) were too long or not text',
  );
  await panel.getByRole('button', { name: 'Open Hostile' }).click();
  await expect(page.getByLabel('Prepared for')).toHaveValue('');
  await expect(page.getByLabel('Note', { exact: false })).toHaveValue(HOSTILE);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('report-note')).toHaveText(HOSTILE);
  await expect(page.getByTestId('print-header').locator('img, script')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
});
