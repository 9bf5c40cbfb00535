import { defineConfig } from '@playwright/test'
import { findChromium } from './tests/e2e/support/chromium.ts'
import { APP_PATH, TEST_ORIGIN } from './tests/e2e/support/server.ts'

const executablePath = findChromium() ?? undefined

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: TEST_ORIGIN,
    viewport: { width: 1280, height: 720 },
    deviceScaleFactor: 1,
    locale: 'vi-VN',
    // The app registers a service worker in production builds. Only the offline tests let it run
    // (`test.use({ serviceWorkers: 'allow' })`), so it serves nothing in any other test.
    serviceWorkers: 'block',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        '--no-sandbox',
        '--use-gl=angle',
        '--use-angle=swiftshader',
        '--enable-unsafe-swiftshader',
        '--ignore-gpu-blocklist',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        // Any host other than the test server fails to resolve, so no test can reach the network.
        '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
      ],
    },
  },
  webServer: {
    command: 'npx tsx tests/e2e/support/serve.ts',
    url: `${TEST_ORIGIN}${APP_PATH}`,
    // A server already on the port may serve another build, so a run always starts its own.
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
  },
})
