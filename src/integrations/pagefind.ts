import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/**
 * Indexes the built pages with Pagefind into dist/pagefind/ once the build is done, so integrations after
 * this one (the service worker) see the search index among the built files.
 */
export function pagefind(): AstroIntegration {
  return {
    name: 'customer-for-life:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const { index, errors } = await createIndex();
        if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: site });
        if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
        if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
        await close();
        logger.info(`indexed ${added.page_count} pages`);
      },
    },
  };
}
