import { createServer, type Server } from 'node:http'
import { APP_PATH, TEST_ORIGIN, TEST_PORT } from './support/server.ts'
import { expect, test } from './support/test.ts'

/** A page on another origin (another port of 127.0.0.1, clear of the embed and offline servers). */
const EMBED_PORT = TEST_PORT + 3
const EMBED_ORIGIN = `http://127.0.0.1:${EMBED_PORT}`
const APP_URL = `${TEST_ORIGIN}${APP_PATH}?xr=emulate`

let server: Server

test.beforeAll(async () => {
  server = createServer((request, response) => {
    // `allow` is set per request, so one server shows both cases.
    const allow = request.url?.includes('allow=xr') ? ' allow="xr-spatial-tracking"' : ''
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    response.end(
      `<!doctype html><title>Embed</title><iframe src="${APP_URL}"${allow} width="900" height="600"></iframe>`,
    )
  })
  await new Promise<void>((resolve) => server.listen(EMBED_PORT, '127.0.0.1', resolve))
})

test.afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

/** Opens the embedding page and returns the app's frame, its errors and outside requests. */
async function openEmbed(page: import('@playwright/test').Page, query: string) {
  const external: string[] = []
  const errors: string[] = []
  await page.route('**/*', (route) => {
    const url = route.request().url()
    if (url.startsWith(`${TEST_ORIGIN}/`) || url.startsWith(`${EMBED_ORIGIN}/`)) {
      return route.continue()
    }
    if (url.startsWith('data:') || url.startsWith('blob:')) return route.continue()
    external.push(url)
    return route.abort('blockedbyclient')
  })
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  await page.goto(`${EMBED_ORIGIN}/${query}`)
  const frame = page.frameLocator('iframe')
  // The app has started once its top bar buttons are there.
  await expect(frame.locator('.topbar-actions')).toBeVisible({ timeout: 45_000 })
  return { frame, external, errors }
}

test('iframe without xr permission shows no VR button', async ({ page }) => {
  const { frame, external, errors } = await openEmbed(page, '')
  // Give the support check time to settle; the emulator and the check run right after start-up.
  await page.waitForTimeout(3000)
  await expect(frame.getByRole('button', { name: 'Vào VR' })).toHaveCount(0)
  expect(errors).toEqual([])
  expect(external).toEqual([])
})

test('iframe allowed to use WebXR shows the VR button', async ({ page }) => {
  const { frame, external, errors } = await openEmbed(page, '?allow=xr')
  await expect(frame.getByRole('button', { name: 'Vào VR' })).toBeVisible()
  expect(errors).toEqual([])
  expect(external).toEqual([])
})

test('normal visit never loads the emulator', async ({ page }) => {
  const scripts: string[] = []
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url())
  })
  await page.goto(`${TEST_ORIGIN}${APP_PATH}`)
  await expect(page.locator('.topbar-actions')).toBeVisible({ timeout: 45_000 })
  await page.waitForLoadState('networkidle')
  expect(scripts.length).toBeGreaterThan(0)
  expect(scripts.filter((url) => /\/assets\/emulator-[\w-]+\.js$/.test(url))).toEqual([])
  const emulated = await page.evaluate(
    () => (window as unknown as { __showcase: { xrDevice: unknown } }).__showcase.xrDevice,
  )
  expect(emulated).toBeNull()
})
