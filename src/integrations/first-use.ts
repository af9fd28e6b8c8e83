import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';

/** Adds `client:firstuse` (src/components/calculator/first-use.ts): hydrate a calculator on its first use. */
export function firstUse(): AstroIntegration {
  return {
    name: 'customer-for-life:first-use',
    hooks: {
      'astro:config:setup': ({ addClientDirective }) => {
        addClientDirective({
          name: 'firstuse',
          entrypoint: fileURLToPath(new URL('../components/calculator/first-use.ts', import.meta.url)),
        });
      },
    },
  };
}
