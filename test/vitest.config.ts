import { defineConfig } from 'vitest/config';

// Unit and property tests of the pure code in src/lib (and of the test helpers in test/support); browser behaviour is Playwright's job (test/browser).
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['test/lib/**/*.test.ts', 'test/support/**/*.test.ts', 'test/sql/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['test/vitest.setup.ts'],
  },
});
