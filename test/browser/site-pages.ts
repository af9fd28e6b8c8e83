import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const distDir = fileURLToPath(new URL('../../dist', import.meta.url));

/** Every page the build produced, as the URL path it is served at ("/", "/calculators/", …). */
export function builtPages(): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== '_astro') walk(path);
      } else if (name === 'index.html') {
        const route = relative(distDir, dir).split(sep).join('/');
        pages.push(route ? `/${route}/` : '/');
      }
    }
  };
  walk(distDir);
  return pages.sort();
}
