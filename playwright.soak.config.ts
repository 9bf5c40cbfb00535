import { defineConfig } from '@playwright/test'
import base from './playwright.config.ts'

/**
 * The soak test: hundreds of scene changes in one page, checking that GPU and JS memory stay flat.
 * It has its own config so `npm run test:e2e` stays fast; `npm test` runs it with
 * `SOAK_CHANGES=40`, and `npm run test:soak` with the default of 200 changes.
 */
export default defineConfig({
  ...base,
  testDir: 'tests/soak',
  outputDir: 'test-results/soak',
  workers: 1,
  reporter: [['list'], ['json', { outputFile: 'test-results/soak.json' }]],
})
