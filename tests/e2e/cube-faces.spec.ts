import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { fixturePath, hasFixtures, MISSING_FIXTURES_REASON } from '../support/fixtures.ts'
import {
  decodeFixture,
  GRID,
  GRID_FILE,
  largestBlockDifference,
  renderReference,
  viewPixels,
} from './support/panorama.ts'
import { TEST_TOURS_DIR } from './support/server.ts'
import {
  centerColor,
  colorDistance,
  expect,
  openApp,
  setView,
  test,
  type View,
  waitForScene,
} from './support/test.ts'
import { sourceTour, tileStats } from './support/tiles.ts'

/** The labelled grid as a cube map: 3×2 faces of 1536 px, in egjs's "RLUDFB" order. */
const CUBEMAP_FILE = 'panoramas/egjs-cubemap-3x2.jpg'
const FACE_SIZE = 1536

/**
 * Where each of our faces sits in the sheet (column, row) and how far it is turned. The side faces
 * are stored as seen from inside, as ours are. The sheet's TOP and BOTTOM are upside down compared
 * with ours: matched against the labelled grid's equirect image projected onto our up and down
 * faces, they fit only after a half turn (mean difference 3 against 6 or more for any other turn
 * or mirror), and the frame comparison below confirms it with the labels.
 */
const SHEET: Record<string, { col: number; row: number; rotate: number }> = {
  r: { col: 0, row: 0, rotate: 0 },
  l: { col: 1, row: 0, rotate: 0 },
  u: { col: 2, row: 0, rotate: 180 },
  d: { col: 0, row: 1, rotate: 180 },
  f: { col: 1, row: 1, rotate: 0 },
  b: { col: 2, row: 1, rotate: 0 },
}

const REFERENCE_VIEWS: [string, View, readonly number[]][] = [
  ['FRONT', { yaw: 20, pitch: -20, fov: 30 }, GRID.front],
  ['RIGHT', { yaw: 110, pitch: -20, fov: 30 }, GRID.right],
  ['LEFT', { yaw: -70, pitch: -20, fov: 30 }, GRID.left],
  ['BACK', { yaw: 160, pitch: -20, fov: 30 }, GRID.back],
  ['TOP', { yaw: 20, pitch: 60, fov: 30 }, GRID.top],
  ['BOTTOM', { yaw: 20, pitch: -60, fov: 30 }, GRID.bottom],
]

/** The cube map's flat face colours match the equirect grid's within a few units. */
const MAX_COLOR_DIFFERENCE = 4

/**
 * Largest difference of 32×32-pixel block means between the frame and the equirect grid projected
 * on the CPU. The cube map is a separate drawing of the same grid, so its labels and lines sit a
 * few pixels apart; a face turned or swapped puts a label or a different colour in whole blocks.
 */
const MAX_BLOCK_DIFFERENCE = 24

/** Views across face edges and at both poles, where a wrongly turned face shows. */
const EDGE_VIEWS: View[] = [
  { yaw: 0, pitch: 45, fov: 90 },
  { yaw: 90, pitch: -45, fov: 90 },
  { yaw: 180, pitch: 60, fov: 75 },
  { yaw: -135, pitch: 0, fov: 75 },
  { yaw: 30, pitch: 90, fov: 75 },
  { yaw: 30, pitch: -90, fov: 75 },
]

/** Cuts the sheet into six face files and returns the tour's `faces` object. */
async function writeFaces(name: string): Promise<Record<string, string>> {
  const directory = join(TEST_TOURS_DIR, name, 'faces')
  mkdirSync(directory, { recursive: true })
  const faces: Record<string, string> = {}
  for (const [face, { col, row, rotate }] of Object.entries(SHEET)) {
    await sharp(fixturePath(CUBEMAP_FILE))
      .extract({ left: col * FACE_SIZE, top: row * FACE_SIZE, width: FACE_SIZE, height: FACE_SIZE })
      .rotate(rotate)
      .jpeg({ quality: 92 })
      .toFile(join(directory, `${face}.jpg`))
    faces[face] = `faces/${face}.jpg`
  }
  return faces
}

test.describe('cube panorama', () => {
  test.skip(!hasFixtures, MISSING_FIXTURES_REASON)

  test('shows the faces in place', async ({ page, network, pageErrors }) => {
    test.slow()
    const faces = await writeFaces('cube-grid')
    const start = REFERENCE_VIEWS[0]?.[1] as View
    await openApp(page, { tour: sourceTour('cube-grid', { type: 'cube', faces }, start) })
    await waitForScene(page, 'pano')

    const stats = await tileStats(page)
    expect(stats?.drawn, 'faces drawn when the scene is ready').toBe(6)
    expect(stats?.requested, 'faces requested').toBe(6)

    for (const [name, view, expected] of REFERENCE_VIEWS) {
      await setView(page, view)
      const color = centerColor(await viewPixels(page))
      expect(
        colorDistance(color, expected),
        `${name} at ${JSON.stringify(view)} is ${color}, expected ${expected}`,
      ).toBeLessThanOrEqual(MAX_COLOR_DIFFERENCE)
    }

    const source = await decodeFixture(GRID_FILE)
    for (const view of EDGE_VIEWS) {
      await setView(page, view)
      const actual = await viewPixels(page)
      const expected = renderReference(source, view, actual.width, actual.height)
      const worst = largestBlockDifference(actual, expected, 32)
      expect(
        worst.difference,
        `at ${JSON.stringify(view)} the 32-px block at (${worst.x}, ${worst.y}) differs from the labelled grid by ${worst.difference.toFixed(1)}`,
      ).toBeLessThanOrEqual(MAX_BLOCK_DIFFERENCE)
    }
    expect(pageErrors, 'uncaught errors in the page').toEqual([])
    expect(network.external, 'requests to other hosts').toEqual([])
  })

  test('reports a missing face', async ({ page }) => {
    const faces = await writeFaces('cube-missing')
    faces.u = 'faces/none.jpg'
    await openApp(page, {
      tour: sourceTour('cube-missing', { type: 'cube', faces }, { yaw: 0, pitch: 0, fov: 75 }),
      lang: 'en',
    })
    await waitForScene(page, 'pano', 'error')
    await expect(page.getByRole('alert')).toContainText('404')
  })
})
