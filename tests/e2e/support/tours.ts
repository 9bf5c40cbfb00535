import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BrowserContext, Page } from '@playwright/test'
import { GRID } from './panorama.ts'
import { TEST_ORIGIN, TEST_TOURS_DIR } from './server.ts'
import { test as baseTest, expect, fixtureUrl, type View, waitForScene, writeTour } from './test.ts'

export { expect }

/**
 * The shared end-to-end test with the request log on in every test. After each test it checks that
 * the page sent nothing to a host other than the test server.
 */
export const test = baseTest.extend<{ noExternalRequests: undefined }>({
  noExternalRequests: [
    async ({ network }, use) => {
      await use(undefined)
      expect(network.external, 'requests sent to hosts other than the test server').toEqual([])
    },
    { auto: true },
  ],
})

/** Fixture panoramas used by the navigation tours, as paths inside the shared fixtures folder. */
export const PANORAMAS = {
  veste: 'panoramas/egjs-veste-gpano-2000x1000.jpg',
  grid: 'panoramas/egjs-equi_4096-labeled-grid.jpg',
  square: 'panoramas/polyhaven-potsdamer_platz_1k-gainmap.jpg',
} as const

/** Reference colours of the labelled grid panorama; see `GRID` in panorama.ts. */
export const GRID_COLORS = GRID

/** The offer of the showcase tour. Tests compare what the card shows with these values. */
export const SHOWCASE_OFFER = {
  id: 'dien-bien-3n2d',
  title: { vi: 'Điện Biên 3 ngày 2 đêm', en: 'Dien Bien, 3 days and 2 nights' },
  operator: 'Công ty Du lịch Mẫu (demo)',
  price: { amount: 4990000, currency: 'VND' },
  durationDays: 3,
  departsFrom: { vi: 'Hà Nội', en: 'Hanoi' },
  url: 'https://booking.example.com/tours/dien-bien-3n2d?ref=vr360',
  phone: '+84 215 383 0000',
}

/** Text of the info hotspot, with markup that must be shown as text and never run. */
export const MARKUP_TEXT =
  'Khăn piêu <img src=x onerror="window.__markupRan = true"> được dệt <b>bằng tay</b>.'

/**
 * Writes a two-scene tour: `veste` (the start) links to `grid`, and `grid` links back. The way back
 * sits at the same yaw and pitch as the way there and both scenes open at (0, 0, 75), so a second
 * click that reached the new scene's button would land on it. `gridPanorama` replaces the labelled
 * grid image of the second scene, for tests that need it to load fast.
 */
export function writeTwoSceneTour(name: string, gridPanorama: string = PANORAMAS.grid): string {
  return writeTour(name, {
    version: 1,
    id: name,
    title: { vi: 'Hai cảnh', en: 'Two scenes' },
    locales: ['vi', 'en'],
    start: 'veste',
    scenes: [
      {
        id: 'veste',
        kind: 'panorama',
        title: { vi: 'Sân nhà', en: 'Courtyard' },
        panorama: { type: 'equirect', src: fixtureUrl(PANORAMAS.veste) },
        view: { yaw: 0, pitch: 0, fov: 75 },
        hotspots: [
          {
            id: 'to-grid',
            kind: 'scene',
            target: 'grid',
            yaw: 20,
            pitch: -5,
            label: { vi: 'Sang phòng lưới', en: 'To the grid room' },
          },
        ],
      },
      {
        id: 'grid',
        kind: 'panorama',
        title: { vi: 'Phòng lưới', en: 'Grid room' },
        panorama: { type: 'equirect', src: fixtureUrl(gridPanorama) },
        view: { yaw: 0, pitch: 0, fov: 75 },
        hotspots: [
          { id: 'back', kind: 'scene', target: 'veste', yaw: 20, pitch: -5 },
          {
            id: 'east',
            kind: 'info',
            yaw: 75,
            pitch: 15,
            title: { vi: 'Phía đông', en: 'East' },
            text: { vi: 'Mặt phải.', en: 'The right face.' },
          },
          {
            id: 'east-low',
            kind: 'info',
            yaw: 125,
            pitch: 10,
            title: { vi: 'Phía đông nam', en: 'South-east' },
            text: { vi: 'Mặt phải, thấp.', en: 'The right face, low.' },
          },
        ],
      },
    ],
  })
}

/**
 * Writes the three-scene showcase tour. The start scene `veste` has, in file order: a labelled
 * scene link, an info hotspot and an offer hotspot without labels, a scene link without a label
 * and a labelled info hotspot behind the start view. `grid` opens at a view of its own, so a test
 * can tell it from a view given in the URL.
 */
export function writeShowcaseTour(name: string): string {
  return writeTour(name, {
    version: 1,
    id: name,
    title: { vi: 'Tây Bắc thử nghiệm', en: 'Northwest test tour' },
    locales: ['vi', 'en'],
    start: 'veste',
    offers: [SHOWCASE_OFFER],
    scenes: [
      {
        id: 'veste',
        kind: 'panorama',
        title: { vi: 'Sân nhà sàn', en: 'Stilt house yard' },
        panorama: { type: 'equirect', src: fixtureUrl(PANORAMAS.veste) },
        view: { yaw: 0, pitch: 0, fov: 75 },
        hotspots: [
          {
            id: 'to-grid',
            kind: 'scene',
            target: 'grid',
            yaw: 30,
            pitch: -5,
            label: { vi: 'Sang phòng lưới', en: 'To the grid room' },
          },
          {
            id: 'weaving',
            kind: 'info',
            yaw: -40,
            pitch: 0,
            title: { vi: 'Nghề dệt thổ cẩm', en: 'Brocade weaving' },
            text: {
              vi: `${MARKUP_TEXT}\n\nĐoạn thứ hai.`,
              en: 'Piêu scarves are woven <b>by hand</b>.',
            },
          },
          { id: 'homestay', kind: 'offer', offer: SHOWCASE_OFFER.id, yaw: 45, pitch: 5 },
          { id: 'to-square', kind: 'scene', target: 'square', yaw: -10, pitch: -12 },
          {
            id: 'behind',
            kind: 'info',
            yaw: 170,
            pitch: 0,
            label: { vi: 'Phía sau', en: 'Behind you' },
            title: { vi: 'Phía sau', en: 'Behind you' },
            text: { vi: 'Sau lưng.', en: 'Behind.' },
          },
        ],
      },
      {
        id: 'grid',
        kind: 'panorama',
        title: { vi: 'Phòng lưới', en: 'Grid room' },
        panorama: { type: 'equirect', src: fixtureUrl(PANORAMAS.grid) },
        view: { yaw: -60, pitch: 10, fov: 80 },
        hotspots: [
          {
            id: 'back',
            kind: 'scene',
            target: 'veste',
            yaw: -60,
            pitch: 0,
            label: { vi: 'Về sân', en: 'Back to the yard' },
          },
        ],
      },
      {
        id: 'square',
        kind: 'panorama',
        title: { vi: 'Quảng trường', en: 'Square' },
        panorama: { type: 'equirect', src: fixtureUrl(PANORAMAS.square) },
        hotspots: [{ id: 'home', kind: 'scene', target: 'veste', yaw: 0, pitch: 0 }],
      },
    ],
  })
}

/** Writes a tour file with exactly `text` as its content, which need not be JSON. */
export function writeRawTour(name: string, text: string): string {
  const directory = join(TEST_TOURS_DIR, name)
  mkdirSync(directory, { recursive: true })
  writeFileSync(join(directory, 'tour.json'), text)
  return `../tours/${name}/tour.json`
}

/** Waits until `sceneId` is current and loaded; see `waitForScene`. */
export async function waitForSceneReady(page: Page, sceneId: string): Promise<void> {
  await waitForScene(page, sceneId, 'ready')
}

/** Returns the events of one type that the app emitted, read from `window.__showcase.events`. */
export async function eventsOfType(
  page: Page,
  type: string,
): Promise<{ type: string; payload: Record<string, unknown> }[]> {
  return page.evaluate(
    (wanted) =>
      (
        window as unknown as {
          __showcase: { events: { type: string; payload: Record<string, unknown> }[] }
        }
      ).__showcase.events.filter((event) => event.type === wanted),
    type,
  )
}

/** Returns the number of frames the viewer has drawn, from `window.__showcase.frames`. */
export async function frameCount(page: Page): Promise<number> {
  return page.evaluate(
    () => (window as unknown as { __showcase: { frames: number } }).__showcase.frames,
  )
}

/** Screen rectangle of an element in CSS pixels, relative to the viewport. */
export interface Box {
  x: number
  y: number
  width: number
  height: number
}

/** Returns the bounding box of the 3D canvas. */
export async function canvasBox(page: Page): Promise<Box> {
  const box = await page.locator('.viewer-canvas canvas').first().boundingBox()
  if (!box) throw new Error('the 3D canvas has no bounding box; is it in the page?')
  return box
}

/**
 * Returns where a yaw/pitch direction appears on a canvas of the given size for a view, in CSS
 * pixels from the canvas's top-left corner, or null when it is behind the camera. This is the
 * pinhole projection the tour format implies (yaw 0 looks down -Z, positive yaw turns right, +Y
 * up, `fov` vertical), written out here so that it does not share code with the app.
 */
export function projectDirection(
  view: View,
  yaw: number,
  pitch: number,
  width: number,
  height: number,
): { x: number; y: number } | null {
  const radians = Math.PI / 180
  const direction = (y: number, p: number) => ({
    x: Math.sin(y * radians) * Math.cos(p * radians),
    y: Math.sin(p * radians),
    z: -Math.cos(y * radians) * Math.cos(p * radians),
  })
  const dot = (a: { x: number; y: number; z: number }, b: { x: number; y: number; z: number }) =>
    a.x * b.x + a.y * b.y + a.z * b.z

  const point = direction(yaw, pitch)
  const forward = direction(view.yaw, view.pitch)
  const up = direction(view.yaw, view.pitch + 90)
  const right = { x: Math.cos(view.yaw * radians), y: 0, z: Math.sin(view.yaw * radians) }

  const depth = dot(point, forward)
  if (depth <= 0) return null
  const halfHeight = Math.tan((view.fov * radians) / 2)
  const ndcX = dot(point, right) / (depth * halfHeight * (width / height))
  const ndcY = dot(point, up) / (depth * halfHeight)
  return { x: ((ndcX + 1) / 2) * width, y: ((1 - ndcY) / 2) * height }
}

/** Returns the centre of a hotspot button in viewport CSS pixels. */
export async function hotspotCenter(
  page: Page,
  hotspotId: string,
): Promise<{ x: number; y: number }> {
  const box = await page.locator(`button[data-hotspot-id="${hotspotId}"]`).boundingBox()
  if (!box) throw new Error(`hotspot button "${hotspotId}" has no bounding box`)
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 }
}

/**
 * Aborts every request of the browser context (popups included) that is not for the test server,
 * and returns the list of such requests. The page's own requests go through the `network` fixture
 * first; this covers pages the app opens, such as a booking link in a new tab.
 */
export async function blockOtherHostsInContext(context: BrowserContext): Promise<string[]> {
  const blocked: string[] = []
  await context.route('**/*', (route) => {
    const url = route.request().url()
    if (url.startsWith(`${TEST_ORIGIN}/`) || url.startsWith('data:') || url.startsWith('blob:')) {
      return route.continue()
    }
    blocked.push(url)
    return route.abort('blockedbyclient')
  })
  return blocked
}
