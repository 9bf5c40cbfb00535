import type { Page } from '@playwright/test'
import { fixturePath, hasFixtures, MISSING_FIXTURES_REASON } from '../support/fixtures.ts'
import {
  decodeFixture,
  largestBlockDifference,
  sampleBilinear,
  viewPixels,
} from './support/panorama.ts'
import type { Pixels } from './support/test.ts'
import {
  expect,
  fixtureUrl,
  getView,
  openApp,
  setView,
  test,
  type View,
  waitForScene,
} from './support/test.ts'
import { makePyramid, pyramidPath, sourceTour, waitForSharp } from './support/tiles.ts'

/**
 * A cropped cylindrical phone panorama, 3900×634. Its GPano XMP describes a 7997 px wide crop of
 * 1201 rows from row 1399 of a 7997×3999 sphere, so it covers 360° and pitch ±27.03°.
 */
const PHONE_FILE = 'panoramas/egjs-smartphone-partial-gpano-cylindrical.jpg'
const PITCH_EDGE = 90 - (1399 / 3999) * 180

/** Largest difference of 32-px block means between the frame and the CPU projection. */
const MAX_BLOCK_DIFFERENCE = 16

const DEG = Math.PI / 180

/**
 * Projects the phone panorama on the CPU for a view: yaw from the image's left edge at -180°,
 * rows linear in tan(pitch) between ±PITCH_EDGE (a cylinder), as its XMP describes.
 */
function renderPhoneReference(source: Pixels, view: View, width: number, height: number): Pixels {
  const data = Buffer.alloc(width * height * 3)
  const yaw0 = view.yaw * DEG
  const pitch0 = view.pitch * DEG
  const forward = [
    Math.sin(yaw0) * Math.cos(pitch0),
    Math.sin(pitch0),
    -Math.cos(yaw0) * Math.cos(pitch0),
  ]
  const right = [Math.cos(yaw0), 0, Math.sin(yaw0)]
  const up = [
    -Math.sin(yaw0) * Math.sin(pitch0),
    Math.cos(pitch0),
    Math.cos(yaw0) * Math.sin(pitch0),
  ]
  const tanHalf = Math.tan((view.fov * DEG) / 2)
  const tanEdge = Math.tan(PITCH_EDGE * DEG)
  for (let py = 0; py < height; py++) {
    for (let px = 0; px < width; px++) {
      const sx = (((px + 0.5) / width) * 2 - 1) * tanHalf * (width / height)
      const sy = (1 - ((py + 0.5) / height) * 2) * tanHalf
      const d = [0, 1, 2].map(
        (axis) => (forward[axis] ?? 0) + (right[axis] ?? 0) * sx + (up[axis] ?? 0) * sy,
      )
      const [dx = 0, dy = 0, dz = 0] = d
      const yaw = Math.atan2(dx, -dz)
      const horizontal = Math.hypot(dx, dz)
      const u = 0.5 + yaw / (2 * Math.PI)
      const v = (tanEdge - dy / horizontal) / (2 * tanEdge)
      const color = sampleBilinear(source, u * source.width - 0.5, v * source.height - 0.5)
      const offset = (py * width + px) * 3
      data[offset] = Math.round(color[0])
      data[offset + 1] = Math.round(color[1])
      data[offset + 2] = Math.round(color[2])
    }
  }
  return { data, width, height }
}

/** Checks that the view is kept inside the covered band and that the image lands where it belongs. */
async function checkClampedViews(page: Page, source: Pixels, tiled: boolean): Promise<void> {
  const arrived = await getView(page)
  expect(arrived.fov, 'the fov fits the 54° band').toBeLessThanOrEqual(2 * PITCH_EDGE + 0.01)

  for (const [name, requested, sign] of [
    ['up', { yaw: 30, pitch: 80, fov: 40 }, 1],
    ['down', { yaw: -100, pitch: -80, fov: 40 }, -1],
    ['level', { yaw: 170, pitch: 0, fov: 40 }, 0],
  ] as const) {
    await setView(page, requested)
    if (tiled) await waitForSharp(page)
    const view = await getView(page)
    expect(view.yaw, `${name}: yaw is not limited on a full turn`).toBeCloseTo(requested.yaw, 3)
    expect(view.pitch, `${name}: pitch keeps the view inside the image`).toBeCloseTo(
      sign * (PITCH_EDGE - view.fov / 2),
      1,
    )
    const actual = await viewPixels(page)
    const expected = renderPhoneReference(source, view, actual.width, actual.height)
    const worst = largestBlockDifference(actual, expected, 32)
    expect(
      worst.difference,
      `${name}: at ${JSON.stringify(view)} the 32-px block at (${worst.x}, ${worst.y}) differs from the image placed on ±${PITCH_EDGE.toFixed(2)}° by ${worst.difference.toFixed(1)}`,
    ).toBeLessThanOrEqual(MAX_BLOCK_DIFFERENCE)
  }
}

test.describe('partial panorama', () => {
  test.skip(!hasFixtures, MISSING_FIXTURES_REASON)

  test('places a cropped equirect image', async ({ page, pageErrors }) => {
    test.slow()
    const tour = sourceTour(
      'tiles-partial-equirect',
      { type: 'equirect', src: fixtureUrl(PHONE_FILE) },
      { yaw: 0, pitch: 0, fov: 75 },
    )
    await openApp(page, { tour })
    await waitForScene(page, 'pano')
    await checkClampedViews(page, await decodeFixture(PHONE_FILE), false)
    expect(pageErrors, 'uncaught errors in the page').toEqual([])
  })

  test('places a cropped tile pyramid', async ({ page, pageErrors }) => {
    test.slow()
    const pyramid = await makePyramid('tiles-partial', fixturePath(PHONE_FILE), 256)
    const { coverage } = pyramid.descriptor
    expect(coverage.pitchMax, 'descriptor coverage top').toBeCloseTo(PITCH_EDGE, 1)
    expect(coverage.pitchMin, 'descriptor coverage bottom').toBeCloseTo(-PITCH_EDGE, 1)

    const requested: string[] = []
    page.on('request', (request) => {
      const path = pyramidPath(request.url())
      if (path !== null) requested.push(path)
    })
    const tour = sourceTour(
      'tiles-partial',
      { type: 'tiles', src: pyramid.src },
      { yaw: 0, pitch: 0, fov: 75 },
    )
    await openApp(page, { tour })
    await waitForScene(page, 'pano')
    await checkClampedViews(page, await decodeFixture(PHONE_FILE), true)

    // The up and down faces start 35° from the horizon, wholly outside the ±27° band.
    const poles = requested.filter((path) => /^\d+\/[ud]\//.test(path))
    expect(poles, 'tiles of the up and down faces').toEqual([])
    expect(requested.length, 'side tiles were requested').toBeGreaterThan(2)
    expect(pageErrors, 'uncaught errors in the page').toEqual([])
  })
})
