import { unlinkSync } from 'node:fs'
import { join } from 'node:path'
import { fixturePath, hasFixtures, MISSING_FIXTURES_REASON } from '../support/fixtures.ts'
import {
  decodeFixture,
  GRID,
  GRID_FILE,
  largestBlockDifference,
  renderReference,
  viewPixels,
} from './support/panorama.ts'
import {
  centerColor,
  colorDistance,
  expect,
  getView,
  openApp,
  setView,
  test,
  type View,
  waitForScene,
} from './support/test.ts'
import {
  makePyramid,
  type Pyramid,
  pyramidPath,
  selectedTilePaths,
  sourceTour,
  tileStats,
  waitForSharp,
} from './support/tiles.ts'

/** A real photo, 2000×1000, full sphere. */
const PHOTO_FILE = 'panoramas/egjs-veste-gpano-2000x1000.jpg'

/** Tile edge used for the labelled grid: small, so a view needs many tiles and levels differ. */
const TILE_SIZE = 256

/** Reference views of the labelled grid, with the face colour at the screen centre. */
const REFERENCE_VIEWS: [string, View, readonly number[]][] = [
  ['FRONT', { yaw: 20, pitch: -20, fov: 30 }, GRID.front],
  ['RIGHT', { yaw: 110, pitch: -20, fov: 30 }, GRID.right],
  ['LEFT', { yaw: -70, pitch: -20, fov: 30 }, GRID.left],
  ['BACK', { yaw: 160, pitch: -20, fov: 30 }, GRID.back],
  ['BACK across the seam', { yaw: -160, pitch: -20, fov: 30 }, GRID.back],
  ['TOP', { yaw: 20, pitch: 60, fov: 30 }, GRID.top],
  ['BOTTOM', { yaw: 20, pitch: -60, fov: 30 }, GRID.bottom],
]

/**
 * Largest channel difference from a reference colour. The grid's faces are flat colours, which
 * the tiles keep within about 2 after projection and JPEG encoding at quality 90.
 */
const MAX_COLOR_DIFFERENCE = 3

/**
 * Largest difference of 32×32-pixel block means between the frame and a CPU projection of the
 * source image. Resampling into tiles and JPEG encoding blur the grid's lines and letters a little;
 * a misplaced, rotated or wrongly filled tile moves a block mean by far more, because neighbouring
 * faces differ by over 100 in some channel.
 */
const MAX_BLOCK_DIFFERENCE = 16

/**
 * Views whose frame is compared with the reference: face edges and corners, both poles, the ±180°
 * seam, and views where tiles reach behind the camera plane.
 */
const PROJECTION_VIEWS: View[] = [
  { yaw: 45, pitch: 0, fov: 75 },
  { yaw: 0, pitch: 50, fov: 90 },
  { yaw: 180, pitch: -40, fov: 60 },
  { yaw: -135, pitch: 35, fov: 75 },
  { yaw: 30, pitch: 90, fov: 75 },
  { yaw: 30, pitch: -90, fov: 75 },
  { yaw: 100, pitch: 10, fov: 100 },
]

test.describe('tiled panorama', () => {
  test.skip(!hasFixtures, MISSING_FIXTURES_REASON)
  test.describe.configure({ mode: 'serial' })

  let pyramid: Pyramid

  test.beforeAll(async () => {
    pyramid = await makePyramid('tiles-grid', fixturePath(GRID_FILE), TILE_SIZE)
  })

  test('shows the reference colours', async ({ page, network, pageErrors }) => {
    const first = REFERENCE_VIEWS[0]?.[1] as View
    await openApp(page, {
      tour: sourceTour('tiles-grid', { type: 'tiles', src: pyramid.src }, first),
    })
    await waitForScene(page, 'pano')

    const top = pyramid.descriptor.levels.length - 1
    for (const [name, view, expected] of REFERENCE_VIEWS) {
      await setView(page, view)
      const stats = await waitForSharp(page)
      expect(stats.level, `${name}: level at fov 30`).toBe(top)
      expect(stats.drawn, `${name}: tiles drawn`).toBe(stats.visible)
      const color = centerColor(await viewPixels(page))
      expect(
        colorDistance(color, expected),
        `${name} at ${JSON.stringify(view)} is ${color}, expected ${expected}`,
      ).toBeLessThanOrEqual(MAX_COLOR_DIFFERENCE)
    }
    expect(pageErrors, 'uncaught errors in the page').toEqual([])
    expect(network.external, 'requests to other hosts').toEqual([])
  })

  test('matches the reference projection', async ({ page }) => {
    // The CPU reference takes a few seconds per view on a busy two-core machine.
    test.slow()
    const start = PROJECTION_VIEWS[0] as View
    await openApp(page, {
      tour: sourceTour('tiles-grid', { type: 'tiles', src: pyramid.src }, start),
    })
    await waitForScene(page, 'pano')
    const source = await decodeFixture(GRID_FILE)

    for (const view of PROJECTION_VIEWS) {
      await setView(page, view)
      await waitForSharp(page)
      const actual = await viewPixels(page)
      const expected = renderReference(source, view, actual.width, actual.height)
      const worst = largestBlockDifference(actual, expected, 32)
      expect(
        worst.difference,
        `at ${JSON.stringify(view)} the 32-px block at (${worst.x}, ${worst.y}) differs from the reference projection by ${worst.difference.toFixed(1)}`,
      ).toBeLessThanOrEqual(MAX_BLOCK_DIFFERENCE)
    }
  })

  test('matches a photo at the camera plane', async ({ page }) => {
    // A photo has detail in every block, so a tile drawn with wrong texture coordinates (one flat
    // colour over a triangle that reaches behind the camera) moves block means; on the grid's flat
    // faces it would not.
    test.slow()
    const photo = await makePyramid('tiles-photo', fixturePath(PHOTO_FILE), TILE_SIZE)
    const views: View[] = [
      { yaw: 45, pitch: 0, fov: 75 },
      { yaw: 0, pitch: 50, fov: 90 },
    ]
    const start = views[0] as View
    await openApp(page, {
      tour: sourceTour('tiles-photo', { type: 'tiles', src: photo.src }, start),
    })
    await waitForScene(page, 'pano')
    const source = await decodeFixture(PHOTO_FILE)

    for (const view of views) {
      await setView(page, view)
      await waitForSharp(page)
      const actual = await viewPixels(page)
      const expected = renderReference(source, view, actual.width, actual.height)
      const worst = largestBlockDifference(actual, expected, 32)
      expect(
        worst.difference,
        `at ${JSON.stringify(view)} the 32-px block at (${worst.x}, ${worst.y}) differs from the reference projection by ${worst.difference.toFixed(1)}`,
      ).toBeLessThanOrEqual(MAX_BLOCK_DIFFERENCE)
    }
  })

  test('fetches only the tiles in view', async ({ page }) => {
    const view = { yaw: 0, pitch: 0, fov: 60 }
    const requested: string[] = []
    page.on('request', (request) => {
      const path = pyramidPath(request.url())
      if (path !== null && path !== 'tiles.json' && path !== 'preview.jpg') requested.push(path)
    })
    await openApp(page, {
      tour: sourceTour('tiles-grid', { type: 'tiles', src: pyramid.src }, view),
    })
    await waitForScene(page, 'pano')
    const stats = await waitForSharp(page)

    const canvas = await page.locator('.viewer-canvas canvas').first().boundingBox()
    if (!canvas) throw new Error('the canvas has no layout box')
    const expected = selectedTilePaths(pyramid.descriptor, view, canvas.width, canvas.height)
    expect(requested.length, 'requests counted by the viewer').toBe(stats.requested)
    expect([...requested].sort(), 'requested tiles').toEqual([...expected].sort())
    // An independent bound: at fov 60 facing front nothing behind the visitor is in view.
    expect(
      requested.filter((path) => path.includes('/b/')),
      'tiles of the back face',
    ).toEqual([])
    // Each tile is requested once.
    expect(new Set(requested).size, 'distinct tiles').toBe(requested.length)
    expect(stats.visible, 'tiles in view').toBe(expected.length)
  })

  test('keeps the texture cache bounded', async ({ page }) => {
    // A small phone-sized viewport with little device memory gets a small cache bound.
    await page.setViewportSize({ width: 480, height: 360 })
    await page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'deviceMemory', { get: () => 0.25 })
    })
    const start = { yaw: 0, pitch: 0, fov: 30 }
    await openApp(page, {
      tour: sourceTour('tiles-grid', { type: 'tiles', src: pyramid.src }, start),
    })
    await waitForScene(page, 'pano')
    const first = await waitForSharp(page)
    const baseline = await page.evaluate(
      () =>
        (
          window as unknown as { __showcase: { rendererInfo(): { textures: number } } }
        ).__showcase.rendererInfo().textures,
    )
    const bound = first.cacheBound

    let stats = first
    for (let step = 0; step < 30; step++) {
      const view = { yaw: -180 + step * 37, pitch: ((step * 23) % 140) - 70, fov: 30 }
      await setView(page, view)
      stats = await waitForSharp(page)
      expect(stats.liveTextures, `live tile textures after change ${step + 1}`).toBeLessThanOrEqual(
        bound,
      )
      const textures = await page.evaluate(
        () =>
          (
            window as unknown as { __showcase: { rendererInfo(): { textures: number } } }
          ).__showcase.rendererInfo().textures,
      )
      expect(textures, `GPU textures after change ${step + 1}`).toBeLessThanOrEqual(
        baseline + bound,
      )
    }
    // Without eviction the cache would have grown past its bound.
    expect(stats.requested, 'tiles requested over the 30 views').toBeGreaterThan(bound)
  })

  test('shows a blurrier level in place of a missing tile', async ({ page }) => {
    const view = { yaw: 20, pitch: -20, fov: 30 }
    const canvas = { width: 1280, height: 720 }
    const [centreTile] = selectedTilePaths(pyramid.descriptor, view, canvas.width, canvas.height)
    if (!centreTile) throw new Error('no tile selected for the view')
    unlinkSync(join(pyramid.directory, centreTile))

    const failed: string[] = []
    page.on('response', (response) => {
      if (response.status() === 404) failed.push(pyramidPath(response.url()) ?? response.url())
    })
    await openApp(page, {
      tour: sourceTour('tiles-grid', { type: 'tiles', src: pyramid.src }, view),
    })
    await waitForScene(page, 'pano')
    const stats = await waitForSharp(page)
    expect(failed, 'the missing tile was requested and not found').toEqual([centreTile])
    expect(stats.drawn, 'every other tile is drawn').toBe(stats.visible - 1)

    const color = centerColor(await viewPixels(page))
    expect(
      colorDistance(color, GRID.front),
      `the centre, where the tile is missing, is ${color}; expected FRONT ${GRID.front}`,
    ).toBeLessThanOrEqual(MAX_COLOR_DIFFERENCE)
    expect(await getView(page)).toEqual(view)
    expect((await tileStats(page))?.sharpAt, 'the view counts as settled').not.toBeNull()
  })
})
