import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'
import {
  kioskState,
  longPressStaffCorner,
  setStaffPin,
  TEST_PIN,
  touchToExplore,
  writeKioskTour,
} from './support/kiosk.ts'
import { APP_PATH, startTestServer, TEST_PORT, TEST_TOURS_DIR } from './support/server.ts'
import { waitForScene } from './support/test.ts'

/**
 * These tests run their own server two ports above the app's (the next one serves embed host
 * pages), and stop it to take the booth offline, so nothing can reach a server behind the cache.
 * `context.setOffline` is set as well.
 */
const PORT = TEST_PORT + 2
const ORIGIN = `http://127.0.0.1:${PORT}`

const test = base.extend<{ server: { stop(): Promise<void> } }>({
  server: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      const server = startTestServer(PORT)
      await new Promise<void>((resolve) => server.once('listening', () => resolve()))
      let stopped = false
      const stop = async () => {
        if (stopped) return
        stopped = true
        server.closeAllConnections()
        await new Promise<void>((resolve) => server.close(() => resolve()))
      }
      await use({ stop })
      await stop()
    },
    { auto: true },
  ],
})

test.use({ serviceWorkers: 'allow' })

/** Waits until the service worker is active and every file of the booth's tours is cached. */
async function waitUntilReadyOffline(page: Page): Promise<void> {
  await expect
    .poll(
      async () => {
        const { offline } = await kioskState(page)
        return `${offline.shell} ${offline.phase} ${offline.failedFiles}`
      },
      { message: 'offline readiness (shell, phase, failed files)', timeout: 120_000 },
    )
    .toBe('ready complete 0')
}

test.describe('offline booth', () => {
  // Both tests start a server on the same port, so they take turns.
  test.describe.configure({ mode: 'serial' })

  test('every scene opens offline after a reload', async ({ page, context, server }) => {
    test.setTimeout(240_000)
    await setStaffPin(page)
    await page.goto(`${ORIGIN}${APP_PATH}?mode=kiosk`)
    await waitForScene(page, 'huoi-nha')
    await waitUntilReadyOffline(page)

    const { offline } = await kioskState(page)
    expect(offline.shellFiles, 'precached app shell files').toBeGreaterThan(5)
    expect(offline.totalFiles, 'tour files: tour, 3 panoramas, model, decoders').toBeGreaterThan(5)
    await longPressStaffCorner(page)
    const dialog = page.getByRole('dialog')
    for (const digit of TEST_PIN) {
      await dialog.getByRole('button', { name: digit, exact: true }).click()
    }
    await dialog.getByRole('button', { name: 'Mở menu' }).click()
    const total = offline.shellFiles + offline.totalFiles
    await expect(dialog.locator('.kiosk-menu-offline')).toHaveText(
      new RegExp(`^Sẵn sàng ngoại tuyến: ${total}/${total} tệp, \\d+,\\d MB$`),
    )
    await page.screenshot({ path: test.info().outputPath('staff-menu.png') })

    await server.stop()
    await context.setOffline(true)
    const response = await page.reload()
    expect(response?.fromServiceWorker(), 'the page came from the service worker').toBe(true)
    await waitForScene(page, 'huoi-nha')
    await touchToExplore(page)
    for (const sceneId of ['festival', 'tea-hills', 'stilt-house', 'huoi-nha']) {
      await page.locator('.scene-list > button').click()
      await page.locator(`#scene-list-panel button[data-scene-id="${sceneId}"]`).click()
      await waitForScene(page, sceneId)
    }
  })

  test('tour update waits for the next reset', async ({ page }) => {
    test.setTimeout(240_000)
    const name = 'offline-update'
    const tourPath = writeKioskTour(name, { idleSeconds: 12 })
    const tourFile = join(TEST_TOURS_DIR, name, 'tour.json')
    await page.goto(`${ORIGIN}${APP_PATH}?mode=kiosk&tour=${tourPath}`)
    await waitForScene(page, 'village')
    await waitUntilReadyOffline(page)
    // Reloaded once, so the service worker controls the page and serves the cached tour.
    await page.reload()
    await waitForScene(page, 'village')
    await touchToExplore(page)

    // The tour changes on the server during the visit, and the booth notices the network.
    const changed = JSON.parse(readFileSync(tourFile, 'utf8'))
    changed.title = { vi: 'Quầy đã cập nhật', en: 'Updated booth' }
    writeFileSync(tourFile, JSON.stringify(changed, null, 2))
    await page.evaluate(() => window.dispatchEvent(new Event('online')))
    await expect
      .poll(async () => (await kioskState(page)).offline.updatePending, {
        message: 'an update is waiting',
        timeout: 60_000,
      })
      .toBe(true)
    await expect(page.locator('.tour-title'), 'the visit keeps the old tour').toHaveText('Quầy thử')

    // Without further input the booth resets, which applies the update.
    await expect(page.locator('.tour-title')).toHaveText('Quầy đã cập nhật', { timeout: 60_000 })
    await waitForScene(page, 'village')
    await expect(page.locator('.kiosk-attract')).toBeVisible()
  })
})
