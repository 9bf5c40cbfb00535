import { fixturePath, hasFixtures, MISSING_FIXTURES_REASON } from '../support/fixtures.ts'
import { GRID_FILE } from './support/panorama.ts'
import { expect, openApp, test, waitForScene } from './support/test.ts'
import {
  makePyramid,
  pyramidPath,
  selectedTilePaths,
  sourceTour,
  tileStats,
  waitForSharp,
} from './support/tiles.ts'
import { direction, enterVR, lookTowards, waitForXRFrames } from './support/xr.ts'

/**
 * Field of view and eye buffer height that tiles are chosen for in a headset, as in
 * src/scene/TiledPanorama.tsx.
 */
const HEADSET_FOV = 100
const HEADSET_EYE_PIXELS = 1800

// Software WebGL draws an XR frame every 0.1–1 s, so each case takes a while.
test.describe.configure({ timeout: 300_000 })
test.skip(!hasFixtures, MISSING_FIXTURES_REASON)

test('tiles follow the head in VR', async ({ page, network, pageErrors }) => {
  const pyramid = await makePyramid('xr-tiles-grid', fixturePath(GRID_FILE), 256)
  const requested: string[] = []
  page.on('request', (request) => {
    const path = pyramidPath(request.url())
    if (path?.endsWith('.jpg')) requested.push(path)
  })
  const start = { yaw: 0, pitch: 0, fov: 75 }
  await openApp(page, {
    tour: sourceTour('xr-tiles-grid', { type: 'tiles', src: pyramid.src }, start),
    xr: 'emulate',
  })
  await waitForScene(page, 'pano')
  await waitForSharp(page)
  await enterVR(page)

  // Turn to the right face, most of which the start view and the first VR frames did not show.
  const head = { yaw: 110, pitch: -20, fov: HEADSET_FOV }
  const before = new Set(requested)
  await lookTowards(page, direction(head.yaw, head.pitch))
  const expected = selectedTilePaths(
    pyramid.descriptor,
    head,
    HEADSET_EYE_PIXELS,
    HEADSET_EYE_PIXELS,
  )
  await expect
    .poll(() => expected.filter((path) => !requested.includes(path)), { timeout: 60_000 })
    .toEqual([])
  expect(
    expected.filter((path) => path.includes('/r/') && !before.has(path)).length,
    'right-face tiles requested only after the head turned',
  ).toBeGreaterThan(0)

  // Once drawn, the tiles in view are the ones for the head's view at the headset's density.
  await waitForXRFrames(page, 5)
  const stats = await tileStats(page)
  const level = Number(expected[0]?.split('/')[0])
  expect(stats?.level, 'level chosen for the headset').toBe(level)
  expect(stats?.visible, 'tiles in view').toBe(expected.length)
  await expect.poll(async () => (await tileStats(page))?.drawn).toBe(expected.length)
  expect(pageErrors).toEqual([])
  expect(network.external).toEqual([])
})
