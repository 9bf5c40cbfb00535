import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'
import sharp from 'sharp'
import { APP_PATH, HOST_ORIGIN, TEST_ORIGIN, TEST_TOURS_DIR } from './server.ts'

export { expect }

/**
 * Requests the page tried to send anywhere but the test servers (the app's origin and the host-page
 * origin of the embed tests); every test expects none.
 */
export interface NetworkLog {
  external: string[]
}

export const test = base.extend<{ network: NetworkLog; pageErrors: string[] }>({
  network: async ({ page }, use) => {
    const log: NetworkLog = { external: [] }
    await page.route('**/*', (route) => {
      const url = route.request().url()
      const local = url.startsWith(`${TEST_ORIGIN}/`) || url.startsWith(`${HOST_ORIGIN}/`)
      if (local || url.startsWith('data:') || url.startsWith('blob:')) {
        return route.continue()
      }
      log.external.push(url)
      return route.abort('blockedbyclient')
    })
    await use(log)
  },
  pageErrors: async ({ page }, use) => {
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await use(errors)
  },
  page: async ({ page }, use) => {
    // Route and listen before the test opens anything.
    await use(page)
  },
})

/** Writes a tour for one test and returns its path relative to the app page. */
export function writeTour(name: string, tour: unknown): string {
  const directory = join(TEST_TOURS_DIR, name)
  mkdirSync(directory, { recursive: true })
  writeFileSync(join(directory, 'tour.json'), JSON.stringify(tour, null, 2))
  return `../tours/${name}/tour.json`
}

/** Path of a shared fixture as seen from a tour written by `writeTour`. */
export function fixtureUrl(relativePath: string): string {
  return `../../fixtures/${relativePath}`
}

/** Opens the app with the given URL parameters. */
export async function openApp(page: Page, params: Record<string, string> = {}): Promise<void> {
  const query = new URLSearchParams(params).toString()
  await page.goto(`${APP_PATH}${query ? `?${query}` : ''}`)
}

/** Maximum wait for a scene to load, because Littlest Tokyo takes about 20 s on software WebGL. */
export const SCENE_TIMEOUT_MS = 45_000

/**
 * Waits until a scene is current, has loaded or failed, and its crossfade has ended, then for
 * frames to be drawn since, so a screenshot shows it. Fails at once with the in-place message when
 * the scene ended in another state than `status`, and with the app's navigation state when it
 * never settles.
 */
export async function waitForScene(
  page: Page,
  sceneId: string,
  status: 'ready' | 'error' = 'ready',
): Promise<void> {
  let settled: string | null
  try {
    const handle = await page.waitForFunction(
      (id) => {
        const state = (
          window as unknown as {
            __showcase?: {
              getState(): {
                sceneId: string | null
                transition: unknown
                sceneLoads: Record<string, { status: string }>
              }
            }
          }
        ).__showcase?.getState()
        if (!state || state.sceneId !== id || state.transition !== null) return null
        const loaded = state.sceneLoads[id]?.status
        return loaded === 'ready' || loaded === 'error' ? loaded : null
      },
      sceneId,
      { timeout: SCENE_TIMEOUT_MS },
    )
    settled = await handle.jsonValue()
  } catch (error) {
    const state = await page.evaluate(() => {
      const handle = (
        window as unknown as {
          __showcase?: { frames: number; getState(): Record<string, unknown> }
        }
      ).__showcase
      if (!handle) return 'no window.__showcase'
      const { sceneId, transition, sceneLoads, tourStatus } = handle.getState()
      return JSON.stringify({ tourStatus, sceneId, transition, sceneLoads, frames: handle.frames })
    })
    throw new Error(
      `scene "${sceneId}" did not settle within ${SCENE_TIMEOUT_MS} ms; state: ${state}`,
      {
        cause: error,
      },
    )
  }
  if (settled !== status) {
    const alert = settled === 'error' ? await page.getByRole('alert').textContent() : ''
    throw new Error(`scene "${sceneId}" ended ${settled}, expected ${status}: ${alert}`)
  }
  await settleFrames(page)
}

/** Waits for two animation frames, so the last view change has been drawn. */
export async function settleFrames(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        requestAnimationFrame(() => requestAnimationFrame(() => resolve()))
      }),
  )
}

export interface View {
  yaw: number
  pitch: number
  fov: number
}

/** Sets the panorama view through the automation handle and waits until it is drawn. */
export async function setView(page: Page, view: View): Promise<void> {
  await page.evaluate((next) => {
    ;(window as unknown as { __showcase: { setView(view: unknown): void } }).__showcase.setView(
      next,
    )
  }, view)
  await settleFrames(page)
  await settleFrames(page)
}

export async function getView(page: Page): Promise<View> {
  return page.evaluate(() =>
    (window as unknown as { __showcase: { getView(): View } }).__showcase.getView(),
  )
}

/** Decoded pixels of a screenshot of the 3D view (RGB, one byte per channel). */
export interface Pixels {
  data: Buffer
  width: number
  height: number
}

/** Takes a screenshot of the canvas and returns its pixels. */
export async function canvasPixels(page: Page): Promise<Pixels> {
  const png = await page.locator('canvas.viewer-canvas, .viewer-canvas canvas').first().screenshot()
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true })
  return { data, width: info.width, height: info.height }
}

/** Returns the mean colour of a square patch centred on (x, y). */
export function patchColor(
  pixels: Pixels,
  x: number,
  y: number,
  radius = 2,
): [number, number, number] {
  let red = 0
  let green = 0
  let blue = 0
  let count = 0
  for (let dy = -radius; dy <= radius; dy++) {
    for (let dx = -radius; dx <= radius; dx++) {
      const px = Math.round(x + dx)
      const py = Math.round(y + dy)
      if (px < 0 || py < 0 || px >= pixels.width || py >= pixels.height) continue
      const offset = (py * pixels.width + px) * 3
      red += pixels.data[offset] ?? 0
      green += pixels.data[offset + 1] ?? 0
      blue += pixels.data[offset + 2] ?? 0
      count++
    }
  }
  return [Math.round(red / count), Math.round(green / count), Math.round(blue / count)]
}

export function centerColor(pixels: Pixels, radius = 2): [number, number, number] {
  return patchColor(pixels, pixels.width / 2, pixels.height / 2, radius)
}

/** Returns the largest per-channel difference between two colours. */
export function colorDistance(a: readonly number[], b: readonly number[]): number {
  return Math.max(...a.map((value, index) => Math.abs(value - (b[index] ?? 0))))
}

/** Events the app emitted, read from the automation handle. */
export async function emittedEvents(
  page: Page,
  type?: string,
): Promise<{ type: string; payload: Record<string, unknown> }[]> {
  const all = await page.evaluate(
    () =>
      (
        window as unknown as {
          __showcase: { events: { type: string; payload: Record<string, unknown> }[] }
        }
      ).__showcase.events,
  )
  return type ? all.filter((event) => event.type === type) : all
}
