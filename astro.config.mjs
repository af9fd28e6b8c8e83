// @ts-check
import { defineConfig } from 'astro/config';
import svelte from '@astrojs/svelte';

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  site: 'https://customerforlife.example',
  trailingSlash: 'always',
  integrations: [svelte()],
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
  // Shiki writes inline styles, which the CSP forbids.
  markdown: { syntaxHighlight: false },
  build: { inlineStylesheets: 'never' },
});
