// @ts-check
import { defineConfig } from 'astro/config';
import svelte from '@astrojs/svelte';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { remarkGlossary } from './src/lib/remark-glossary.ts';
import { pagefind } from './src/integrations/pagefind.ts';
import { serviceWorker } from './src/integrations/service-worker.ts';

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  site: 'https://customerforlife.example',
  trailingSlash: 'always',
  integrations: [
    svelte(),
    mdx(),
    // Not pages to land on: the 404 page, and the embeds (their canonical link names the full page).
    sitemap({ filter: (page) => !page.endsWith('/404/') && !page.includes('/embed/') }),
    // After the build, in this order: the search index, then the service worker that keeps it all offline.
    pagefind(),
    serviceWorker(),
  ],
  markdown: {
    // Shiki writes inline styles, which the CSP forbids.
    syntaxHighlight: false,
    // Links the first use of each glossary term in the articles.
    processor: unified({
      remarkPlugins: [
        remarkGlossary({ glossaryFile: new URL('./src/content/glossary.json', import.meta.url).pathname }),
      ],
    }),
  },
  security: {
    // Hashes every inline script and style; blocks everything else that is not from this origin.
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
  build: { inlineStylesheets: 'never' },
  // HTML-aware compression: Astro 7's default ('jsx') drops a line break between a word and an inline element.
  compressHTML: true,
  vite: {
    build: {
      rolldownOptions: {
        treeshake: {
          // Svelte's runtime modules have no top-level side effects, but the bundler cannot prove it and so
          // ships every runtime feature any island uses with every island. Saying so lets each page's first
          // load carry only the features its first-load components use (each blocks, bindings, …).
          moduleSideEffects: [
            {
              test: /node_modules[\\/]svelte[\\/]src[\\/]internal[\\/](client|shared)[\\/]/,
              sideEffects: false,
            },
          ],
        },
      },
    },
  },
});
