import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { buildPrecache, type BuiltFile, type Precache } from '../lib/offline/precache';

/** Every file under `dir`, as a path inside it with "/" separators and the SHA-256 of its bytes. */
export async function builtFiles(dir: string): Promise<BuiltFile[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => {
        const file = join(entry.parentPath, entry.name);
        const digest = createHash('sha256')
          .update(await readFile(file))
          .digest('hex');
        return { path: relative(dir, file).split(sep).join('/'), digest };
      }),
  );
}

/** The worker's code for `precache`: the runtime bundled into one minified classic script. */
export async function bundleWorker(precache: Precache): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    define: { __PRECACHE__: JSON.stringify(precache) },
    build: {
      write: false,
      minify: true,
      lib: {
        entry: fileURLToPath(new URL('./service-worker-runtime.ts', import.meta.url)),
        formats: ['iife'],
        name: 'serviceWorker',
        fileName: () => 'sw.js',
      },
    },
  });
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((result) =>
    'output' in result ? result.output : [],
  );
  const chunk = chunks.find((item) => item.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('The service worker bundle has no code');
  return chunk.code;
}

/**
 * Writes dist/sw.js after the build: a service worker that keeps this build's pages and files for offline
 * use (see service-worker-runtime.ts). List it after every integration that adds files to dist/.
 */
export function serviceWorker(): AstroIntegration {
  return {
    name: 'customer-for-life:service-worker',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const precache = buildPrecache(await builtFiles(site));
        await writeFile(join(site, 'sw.js'), await bundleWorker(precache));
        logger.info(`sw.js: version ${precache.version}, ${precache.urls.length} files precached`);
      },
    },
  };
}
