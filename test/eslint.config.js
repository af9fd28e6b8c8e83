// ESLint for the whole project, run from the repository root as `eslint --config test/eslint.config.js .`
// (`npm run lint`). With --config, ESLint resolves the patterns below against the working directory, which
// npm sets to the repository root; tsconfigRootDir points the type checker there too.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// No trailing slash: astro-eslint-parser's tsconfig search stops short of a root given with one.
const root = dirname(dirname(fileURLToPath(import.meta.url)));

export default defineConfig(
  {
    name: 'project/generated',
    ignores: ['dist/', '.astro/', 'node_modules/', 'test-results/', 'test/reports/', 'playwright-report/'],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  svelte.configs.recommended,
  astro.configs.recommended,
  {
    name: 'project/type-information',
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: root,
        extraFileExtensions: ['.svelte', '.astro'],
      },
    },
  },
  {
    name: 'project/untyped',
    files: ['**/*.js', '**/*.mjs', '**/*.astro'],
    // Type-aware rules off here only. Plain JS carries no types, so every JSON.parse or untyped import is
    // `any` to them; in .astro files astro-eslint-parser's program does not resolve Astro's JSX and
    // `astro:content` types, so they flag correct code as "error typed" (measured: 57 false reports).
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { parserOptions: { projectService: false } },
  },
  {
    name: 'project/svelte-script',
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    name: 'project/browser',
    files: ['src/**'],
    languageOptions: { globals: globals.browser },
  },
  {
    name: 'project/unused',
    rules: {
      // Dropping keys by rest destructuring, and `_` for an each-block item only its index is used of, are meant.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { ignoreRestSiblings: true, varsIgnorePattern: '^_$', argsIgnorePattern: '^_$' },
      ],
    },
  },
  {
    name: 'project/node',
    files: ['test/**', 'astro.config.mjs', 'src/pages/**/*.ts', 'src/lib/og/**'],
    languageOptions: { globals: globals.node },
  },
  {
    name: 'project/page-scripts',
    files: ['test/**/*.mjs'],
    // These scripts also hand functions to page.evaluate, which run in the browser.
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
