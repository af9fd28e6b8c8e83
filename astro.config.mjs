// @ts-check
import { defineConfig } from 'astro/config';
import svelte from '@astrojs/svelte';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { remarkGlossary } from './src/lib/remark-glossary.ts';
import { remarkKeepPercents } from './src/lib/typography.ts';
import { pagefind } from './src/integrations/pagefind.ts';
import { serviceWorker } from './src/integrations/service-worker.ts';
import { firstUse } from './src/integrations/first-use.ts';

/** The islands each calculator page hydrates at load, by the chunk their first-load code goes into. */
const FIRST_LOAD_ISLANDS = {
  'sale-vs-customer': '/src/components/sale-vs-customer/SaleVsCustomer.svelte',
  'retention-vs-acquisition': '/src/components/retention-vs-acquisition/RetentionVsAcquisition.svelte',
  subscription: '/src/components/subscription/Subscription.svelte',
};
/**
 * Svelte's runtime as every island's first load needs it (measured from the orders page, the lightest island:
 * reactivity, hydration, events, if blocks, snippets, attributes, component switching, input bindings). Kept in
 * a chunk of its own, ahead of the calculators' groups, which would otherwise pull it in with their own code
 * and make the orders page load the calculators. A module missing from this list moves into a calculator's
 * chunk: `npm run weight` then fails on the orders page.
 */
const SVELTE_CORE =
  /node_modules[\\/]svelte[\\/]src[\\/](constants|index-client|utils|reactivity[\\/]create-subscriber|internal[\\/](disclose-version|flags[\\/]index|shared[\\/](errors|utils)|client[\\/](constants|context|dev[\\/]tracing|error-handling|errors|legacy|proxy|render|runtime|warnings|index|reactivity[\\/][\\w-]+|dom[\\/](hydration|operations|reconciler|task|template|blocks[\\/](boundary|branches|if|snippet|svelte-component)|elements[\\/](attributes|events|misc|bindings[\\/](input|shared))))))\.js$/;

/** Islands whose first load must not carry the calculators' code. */
const OTHER_FIRST_LOADS = ['/src/components/orders/YourOrders.svelte'];

/** @typedef {{ getModuleInfo(id: string): { importedIds: readonly string[] } | null }} ChunkingContext */

/**
 * Every module `entry` imports statically, itself included (a chunking pass's module graph).
 * @param {string} entry
 * @param {ChunkingContext} ctx
 * @returns {Set<string>}
 */
function staticReach(entry, ctx) {
  const seen = new Set();
  const queue = [entry];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    queue.push(...(ctx.getModuleInfo(id)?.importedIds ?? []));
  }
  return seen;
}
const root = new URL('.', import.meta.url).pathname.replace(/\/$/, '');
/** @type {{ ctx: ChunkingContext, others: Set<string>, calculators: [string, Set<string>][] } | undefined} */
let reachCache;

/**
 * One chunk per calculator for the code only its first load uses, and one for what both first loads share.
 * Left to itself the bundler cuts the first load into a dozen small chunks along the lines the lazy islands
 * draw, and small files compress worse than one: measured, 3.7 KB (brotli) more per calculator page.
 * Modules another page loads first (the orders page) stay where the bundler puts them.
 */
/**
 * @param {string} id
 * @param {ChunkingContext} ctx
 * @returns {string | null}
 */
function firstLoadChunk(id, ctx) {
  if (!reachCache || reachCache.ctx !== ctx) {
    const reach = (/** @type {string} */ path) => staticReach(root + path, ctx);
    const others = new Set(OTHER_FIRST_LOADS.flatMap((path) => [...reach(path)]));
    reachCache = {
      ctx,
      others,
      calculators: Object.entries(FIRST_LOAD_ISLANDS).map(([name, path]) => [name, reach(path)]),
    };
  }
  // Svelte's runtime is left to the bundler, which splits it by use (see treeshake below).
  const { others, calculators } = reachCache;
  if (id.includes('/node_modules/') || others.has(id)) return null;
  const users = calculators.filter(([, reach]) => reach.has(id)).map(([name]) => name);
  if (users.length === 0) return null;
  return users.length === 1 ? (users[0] ?? null) : 'calculator';
}

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  site: 'https://customerforlife.example',
  trailingSlash: 'always',
  integrations: [
    svelte(),
    mdx(),
    // client:firstuse, the calculators' hydration on the reader's first use of the page.
    firstUse(),
    // Not pages to land on: the 404 page, and the embeds (their canonical link names the full page).
    sitemap({ filter: (page) => !page.endsWith('/404/') && !page.includes('/embed/') }),
    // After the build, in this order: the search index, then the service worker that keeps it all offline.
    pagefind(),
    serviceWorker(),
  ],
  markdown: {
    // Shiki writes inline styles, which the CSP forbids.
    syntaxHighlight: false,
    // Links the first use of each glossary term in the articles, and keeps "40 %" on one line.
    processor: unified({
      remarkPlugins: [
        remarkGlossary({ glossaryFile: new URL('./src/content/glossary.json', import.meta.url).pathname }),
        remarkKeepPercents(),
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
        output: {
          codeSplitting: {
            groups: [
              // With Vite's helper that fetches a lazy chunk's CSS, which every island's first load has too.
              {
                name: 'runtime',
                test: (id) => SVELTE_CORE.test(id) || id.includes('vite/preload-helper'),
                priority: 2,
              },
              { name: firstLoadChunk, priority: 1 },
            ],
          },
        },
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
