import type { Page } from '@playwright/test'
import sharp from 'sharp'
import { fixturePath, hasFixtures, MISSING_FIXTURES_REASON } from '../support/fixtures.ts'
import { columnOutlierScores, derivedImagePath, GRID_FILE, viewPixels } from './support/panorama.ts'
import type { Pixels } from './support/test.ts'
import { expect, openApp, setView, test, type View, waitForScene } from './support/test.ts'
import { makePyramid, type Pyramid, sourceTour, waitForSharp } from './support/tiles.ts'

/** Same limit as the equirect seam test: a seam column may stand out from its neighbours by 8. */
const MAX_SEAM_SCORE = 8

/**
 * Largest score at an edge of the smooth gradient. Correct tiles score at most 0.7 there on
 * SwiftShader, and columns away from edges 0.1 to 0.5. Tiles that wrap instead of clamping blend
 * each border texel with the tile's other side and score over 7 at a tile edge.
 */
const MAX_GRADIENT_EDGE_SCORE = 2

/** How much more the grid's seam column may stand out than the same painted line elsewhere. */
const SEAM_NOISE_ALLOWANCE = 1

/** 256 px tiles cut the 4096 px sources into 5 × 5 tiles per face at the top level. */
const TILE_SIZE = 256

/**
 * Writes a smooth, seamless equirectangular image: every channel is a sine of yaw or pitch, so a
 * line at a tile or face edge (a gap, a texel from the tile's other side, a wrong mipmap) stands
 * out against neighbours that differ by less than one unit.
 */
async function writeGradient(path: string): Promise<void> {
  const width = 4096
  const height = 2048
  const data = Buffer.alloc(width * height * 3)
  for (let y = 0; y < height; y++) {
    const pitch = (0.5 - (y + 0.5) / height) * Math.PI
    for (let x = 0; x < width; x++) {
      const yaw = ((x + 0.5) / width - 0.5) * 2 * Math.PI
      const offset = (y * width + x) * 3
      data[offset] = Math.round(128 + 90 * Math.cos(yaw) * Math.cos(pitch))
      data[offset + 1] = Math.round(128 + 90 * Math.sin(yaw) * Math.cos(pitch))
      data[offset + 2] = Math.round(128 + 90 * Math.sin(pitch))
    }
  }
  await sharp(data, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 95 })
    .toFile(path)
}

/** Returns the image turned a quarter turn, so its rows become columns. */
function transpose(pixels: Pixels): Pixels {
  const data = Buffer.alloc(pixels.data.length)
  for (let y = 0; y < pixels.height; y++) {
    for (let x = 0; x < pixels.width; x++) {
      pixels.data.copy(
        data,
        (x * pixels.height + y) * 3,
        (y * pixels.width + x) * 3,
        (y * pixels.width + x) * 3 + 3,
      )
    }
  }
  return { data, width: pixels.height, height: pixels.width }
}

/** Returns how much the four lines around the vertical (or horizontal) centre line stand out. */
async function centreLineScore(
  page: Page,
  view: View,
  direction: 'column' | 'row',
): Promise<number> {
  await setView(page, view)
  await waitForSharp(page)
  const frame = await viewPixels(page)
  const pixels = direction === 'column' ? frame : transpose(frame)
  const scores = columnOutlierScores(pixels)
  const centre = pixels.width / 2
  return Math.max(...[centre - 2, centre - 1, centre, centre + 1].map((x) => scores[x] ?? 0))
}

test.describe('tile and face edges', () => {
  test.skip(!hasFixtures, MISSING_FIXTURES_REASON)
  test.describe.configure({ mode: 'serial' })

  let gradient: Pyramid
  let grid: Pyramid

  test.beforeAll(async () => {
    const image = derivedImagePath('tiles-gradient', 'gradient.jpg')
    await writeGradient(image)
    gradient = await makePyramid('tiles-gradient', image, TILE_SIZE)
    grid = await makePyramid('tiles-seam-grid', fixturePath(GRID_FILE), TILE_SIZE)
  })

  // Views whose centre line is a face edge, a tile edge or the ±180° seam, all at the top level.
  const EDGES: [string, View, 'column' | 'row'][] = [
    ['front and right faces', { yaw: 45, pitch: 0, fov: 30 }, 'column'],
    ['back and left faces', { yaw: -135, pitch: 10, fov: 30 }, 'column'],
    ['front and up faces', { yaw: 0, pitch: 45, fov: 30 }, 'row'],
    ['front and down faces', { yaw: 0, pitch: -45, fov: 30 }, 'row'],
    // Column 1 of 5 ends at u = 0.2 on the front face, which is yaw atan(-0.6).
    [
      'tiles 0 and 1 of the front face',
      { yaw: (Math.atan(-0.6) * 180) / Math.PI, pitch: 0, fov: 30 },
      'column',
    ],
    ['the ±180° seam', { yaw: 180, pitch: 0, fov: 30 }, 'column'],
  ]

  test('no line at tile and face edges', async ({ page }) => {
    await openApp(page, {
      tour: sourceTour(
        'tiles-gradient',
        { type: 'tiles', src: gradient.src },
        { yaw: 0, pitch: 0, fov: 30 },
      ),
    })
    await waitForScene(page, 'pano')
    for (const [name, view, direction] of EDGES) {
      const score = await centreLineScore(page, view, direction)
      expect(
        score,
        `the ${direction}s at the edge between ${name} stand out by ${score.toFixed(1)} on average`,
      ).toBeLessThanOrEqual(MAX_GRADIENT_EDGE_SCORE)
    }
  })

  for (const pitch of [0, -60, 60]) {
    test(`no seam line on the grid at pitch ${pitch}`, async ({ page }) => {
      await openApp(page, {
        tour: sourceTour(
          'tiles-seam-grid',
          { type: 'tiles', src: grid.src },
          { yaw: 180, pitch, fov: 30 },
        ),
      })
      await waitForScene(page, 'pano')
      const seam = await centreLineScore(page, { yaw: 180, pitch, fov: 30 }, 'column')
      // The grid has the same painted line at yaw 0, 90 and -90, away from the seam.
      let line = 0
      for (const yaw of [0, 90, -90]) {
        line = Math.max(line, await centreLineScore(page, { yaw, pitch, fov: 30 }, 'column'))
      }
      expect(seam, `the seam columns stand out by ${seam.toFixed(1)}`).toBeLessThanOrEqual(
        MAX_SEAM_SCORE,
      )
      expect(
        seam,
        `the seam (${seam.toFixed(1)}) stands out more than the same grid line elsewhere (${line.toFixed(1)})`,
      ).toBeLessThanOrEqual(line + SEAM_NOISE_ALLOWANCE)
    })
  }
})
