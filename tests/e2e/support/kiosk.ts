import type { Page } from '@playwright/test'
import { expect, openApp, waitForScene, writeTour } from './test.ts'

/** PIN given to the staff menu through the automation override in `src/config.ts`. */
export const TEST_PIN = '2468'

/** Booth state as `window.__showcase.getKioskState()` returns it. */
export interface KioskState {
  attract: boolean
  staffMenu: 'closed' | 'pin' | 'open'
  visitsToday: number
  offline: {
    supported: boolean
    shell: string
    shellFiles: number
    cachedFiles: number
    totalFiles: number
    cachedBytes: number
    failedFiles: number
    phase: string
    updatePending: boolean
  }
}

export async function kioskState(page: Page): Promise<KioskState> {
  return page.evaluate(() =>
    (
      window as unknown as { __showcase: { getKioskState(): KioskState } }
    ).__showcase.getKioskState(),
  )
}

/** Sets the staff PIN override before the app starts. Call before opening the app. */
export async function setStaffPin(page: Page, pin: string = TEST_PIN): Promise<void> {
  await page.addInitScript((value) => {
    ;(window as unknown as Record<string, unknown>).__SHOWCASE_TEST_KIOSK_PIN__ = value
  }, pin)
}

/** Opens the app in booth mode and waits for the start scene and the attract loop. */
export async function openKiosk(
  page: Page,
  startScene: string,
  params: Record<string, string> = {},
): Promise<void> {
  await openApp(page, { mode: 'kiosk', ...params })
  await waitForScene(page, startScene)
  await expect(page.locator('.kiosk-attract'), 'the attract prompt shows').toBeVisible()
}

/** Ends the attract loop with a tap on the prompt, as a visitor does. */
export async function touchToExplore(page: Page): Promise<void> {
  // A tap anywhere: the prompt covers the screen and disappears during the tap, which Playwright's
  // element click would report as an intercepted click.
  const viewport = page.viewportSize() ?? { width: 1280, height: 720 }
  await page.mouse.click(viewport.width / 2, viewport.height / 2)
  await expect(page.locator('.kiosk-attract')).toHaveCount(0)
}

/** Presses the staff corner long enough to open the PIN prompt. */
export async function longPressStaffCorner(page: Page): Promise<void> {
  const box = await page.locator('.kiosk-staff-corner').boundingBox()
  if (!box) throw new Error('the staff corner is not on screen')
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await page.mouse.down()
  await expect(page.getByRole('dialog'), 'the PIN prompt opens').toBeVisible({ timeout: 6000 })
  await page.mouse.up()
}

/** The sample tour's panoramas as seen from a tour written by `writeTour`. */
export function samplePanorama(file: string): string {
  return `../../app/panoramas/${file}`
}

/**
 * Writes a three-scene tour of the sample panoramas with booth settings: the start `village`
 * links to `festival` and `tea`, and `festival` carries an offer.
 */
export function writeKioskTour(name: string, kiosk: Record<string, unknown>): string {
  const panorama = (id: string, file: string, hotspots: unknown[]) => ({
    id,
    kind: 'panorama',
    title: { vi: `Cảnh ${id}`, en: `Scene ${id}` },
    panorama: { type: 'equirect', src: samplePanorama(file) },
    view: { yaw: 0, pitch: 0, fov: 75 },
    hotspots,
  })
  return writeTour(name, {
    version: 1,
    id: name,
    title: { vi: 'Quầy thử', en: 'Test booth' },
    locales: ['vi', 'en'],
    start: 'village',
    kiosk,
    offers: [
      {
        id: 'stay',
        title: { vi: 'Ở homestay', en: 'Homestay' },
        operator: 'Sample Travel (demo)',
        price: { amount: 4990000, currency: 'VND' },
        durationDays: 3,
        departsFrom: { vi: 'TP. Hồ Chí Minh', en: 'Ho Chi Minh City' },
        url: 'https://booking.example.com/tours/stay',
        phone: '+84 28 0000 0000',
      },
    ],
    scenes: [
      panorama('village', 'huoi-nha-village.jpg', [
        { id: 'to-festival', kind: 'scene', target: 'festival', yaw: 10, pitch: 0 },
        { id: 'to-tea', kind: 'scene', target: 'tea', yaw: -20, pitch: 0 },
      ]),
      panorama('festival', 'festival-ground.jpg', [
        { id: 'offer', kind: 'offer', offer: 'stay', yaw: 0, pitch: 0 },
        { id: 'back', kind: 'scene', target: 'village', yaw: 40, pitch: 0 },
      ]),
      panorama('tea', 'tea-hills.jpg', [
        { id: 'back', kind: 'scene', target: 'village', yaw: 0, pitch: 0 },
      ]),
    ],
  })
}
