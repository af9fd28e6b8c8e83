import { expect, test } from '@playwright/test';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtPages, distDir } from './site-pages';

// Reads the built files; needs neither the browser nor the server.

/**
 * `html-validate:recommended`, less the rules that flag what the site does on purpose or what the framework
 * writes. Everything else is an error.
 */
const htmlValidateConfig: ConfigData = {
  extends: ['html-validate:recommended'],
  elements: [
    'html5',
    // Astro puts `<style>astro-island,…{display:contents}</style>` before the first island, inside <body>.
    // Allowing <style> as flow content keeps `element-permitted-content` on for everything else.
    { style: { flow: true } },
  ],
  rules: {
    // Style, not validity: Svelte and Astro write `<input … />` and `selected=""`, both valid HTML.
    'void-style': 'off',
    'attribute-boolean-style': 'off',
    // Heading slugs such as "5--more-retention…" are valid HTML ids; only the CSS-friendly rule rejects them.
    'valid-id': ['error', { relaxed: true }],
    // The calculator forms recompute as you type; there is nothing to submit.
    'wcag/h32': 'off',
    // Callouts and "try it" boxes are <aside>s inside <article>, which are not landmarks (HTML-AAM) unless
    // named; naming them would make them landmarks nested in <main>. axe's landmark-unique rule (site.spec)
    // checks the real landmarks.
    'unique-landmark': 'off',
    // A search-snippet guideline: titles end with " · Customer for Life" and may run past 70 characters.
    'long-title': 'off',
  },
};

const htmlvalidate = new HtmlValidate(htmlValidateConfig);

// Every page, plus the 404 page, which is a file of its own rather than a folder's index.html.
const files = [...builtPages().map((path) => join(path, 'index.html')), '/404.html'];

test.describe('valid HTML', () => {
  for (const file of files) {
    test(`${file} is valid HTML`, async () => {
      const html = readFileSync(join(distDir, file), 'utf8');
      const report = await htmlvalidate.validateString(html, file);
      const problems = report.results.flatMap((result) =>
        result.messages.map(
          (m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message} (${m.selector ?? 'document'})`,
        ),
      );
      expect(problems).toEqual([]);
    });
  }
});

test('the 404 page has a strict CSP too', () => {
  // site.spec checks the CSP of every folder's index.html; the 404 page is the one it does not walk.
  const html = readFileSync(join(distDir, '404.html'), 'utf8');
  const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).not.toContain("'unsafe-inline'");
  expect(csp).not.toContain("'unsafe-eval'");
});
