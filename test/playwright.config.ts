import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.TEST_PORT ?? 4322);

// Uses the system Chromium (no browser download): CHROME_PATH when set, else Debian's /usr/bin/chromium.
const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: './browser',
  outputDir: '../test-results',
  // Visual baselines, one set for the one machine kind CI runs on.
  snapshotPathTemplate: '{testDir}/__screenshots__/{arg}{ext}',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // Generous on a 2-core machine that also runs the build and preview server.
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'off',
    // Every test would otherwise install the service worker and fetch the whole site; offline.spec.ts allows it.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath,
      args: [
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    // Serves the built site; `npm test` builds it first. --ignore-lock lets it run beside a developer's preview.
    command: `npx astro preview --ignore-lock --host 127.0.0.1 --port ${port}`,
    cwd: '..',
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
