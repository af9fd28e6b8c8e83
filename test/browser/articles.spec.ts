import { expect, test } from '@playwright/test';
import { wake } from './wake';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';

interface Example {
  id: string;
  calculator: string;
  /** Numbers, or text for Subscriber value's `period` and `survival`. */
  inputs: Record<string, number | string>;
}

const articlesDir = new URL('../../src/content/articles/', import.meta.url).pathname;
const articles = readdirSync(articlesDir)
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => {
    const text = readFileSync(articlesDir + name, 'utf8');
    const frontmatter = parse(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '') as { examples: Example[] };
    return { slug: name.replace(/\.mdx$/, ''), examples: frontmatter.examples };
  });

test('the articles index lists every article in reading order', async ({ page }) => {
  await page.goto('/articles/');
  await expect(page.getByRole('heading', { level: 2 })).toHaveCount(articles.length);
});

for (const article of articles) {
  test.describe(`article ${article.slug}`, () => {
    test('links the first use of glossary terms and ends with its sources', async ({ page }) => {
      await page.goto(`/articles/${article.slug}/`);
      expect(await page.locator('.article-body a[href^="/glossary/#"]').count()).toBeGreaterThan(0);
      await expect(page.getByRole('heading', { name: 'Sources' })).toBeVisible();
      await expect(page.locator('.sources li').first()).toBeVisible();
    });

    test('every "try it" link opens its calculator with the example’s figures', async ({ page }) => {
      await page.goto(`/articles/${article.slug}/`);
      const links = await page.locator('a[data-try-it]').evaluateAll((anchors) =>
        anchors.map((anchor) => ({
          id: anchor.getAttribute('data-try-it') ?? '',
          href: anchor.getAttribute('href') ?? '',
        })),
      );
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) {
        const example = article.examples.find((candidate) => candidate.id === link.id);
        expect(example, `no example ${link.id}`).toBeDefined();
        if (!example) continue;
        await page.goto(link.href);
        await expect(page).toHaveURL(new RegExp(`/calculators/${example.calculator}/\\?`));
        await wake(page);
        for (const [key, value] of Object.entries(example.inputs)) {
          // A cohort's counts are shown as a person types them, with a space after each comma.
          await expect(page.locator(`#field-${key}`)).toHaveValue(String(value).replace(/,/g, ', '));
        }
        await expect(page.getByTestId('ignored-notice')).toHaveCount(0);
      }
    });
  });
}

test('search finds articles and glossary entries, in the browser', async ({ page }) => {
  const outside: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).hostname !== '127.0.0.1') outside.push(request.url());
  });
  await page.goto('/search/');
  await page.getByLabel('Search for').fill('churn');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('status')).toContainText(/\d+ pages? found/);
  expect(await page.locator('[data-search-results] li').count()).toBeGreaterThan(1);
  await expect(page.locator('[data-search-results] mark').first()).toHaveText(/churn/i);
  await expect(page).toHaveURL(/\?q=churn/);
  expect(outside).toEqual([]);
});

// An embedded calculator sits inside one of the article's own h2 sections, so its headings are one level down.
for (const [path, region, headings] of [
  ['/articles/a-sale-or-a-customer/', 'Sale vs Customer calculator', ['Your numbers', 'What they are worth']],
  [
    '/articles/relationship-marketing-and-the-customer-lifecycle/',
    'Retention vs Acquisition calculator',
    ['Your numbers', 'Keep or win?'],
  ],
] as const) {
  test(`the calculator embedded in ${path} has h3 headings inside a labelled region`, async ({ page }) => {
    await page.goto(path);
    const embed = page.getByRole('region', { name: region });
    await embed.scrollIntoViewIfNeeded();
    await expect(embed.getByTestId('calculator')).toHaveAttribute('data-hydrated', 'true');
    for (const name of headings) {
      await expect(embed.getByRole('heading', { level: 3, name, exact: true })).toBeVisible();
    }
    await expect(embed.getByRole('heading', { level: 2 })).toHaveCount(0);
  });
}

test('on its own page a calculator’s sections are h2 headings', async ({ page }) => {
  await page.goto('/calculators/retention-vs-acquisition/');
  await wake(page);
  await expect(page.getByRole('heading', { level: 2, name: 'Keep or win?' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'The yearly bill' })).toBeVisible();
});
