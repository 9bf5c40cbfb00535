import type { Page } from '@playwright/test'
import { hasFixtures, MISSING_FIXTURES_REASON } from '../support/fixtures.ts'
import {
  canvasBox,
  decodeFixture,
  dragOnStage,
  hotspotIconCenter,
  type PanoramaHotspot,
  panoramaTour,
  projectToCanvas,
  referencePatchColor,
  resizeViewport,
  viewPixels,
} from './support/panorama.ts'
import {
  colorDistance,
  expect,
  fixtureUrl,
  getView,
  openApp,
  patchColor,
  settleFrames,
  setView,
  test,
  waitForScene,
} from './support/test.ts'

/** Largest distance in CSS pixels between a hotspot icon's centre and its projected point. */
const MAX_HOTSPOT_OFFSET = 2

/**
 * Per-channel tolerance between the screen centre and the file sampled at the same directions:
 * Chromium's and libvips's JPEG decoders agree to 1–2 levels, and the GPU's 8-bit filtering adds
 * at most 1. A 1° error moves the centre 5.6 image pixels, which changes the colour far more.
 */
const COLOR_TOLERANCE = 3

const VESTE = 'panoramas/egjs-veste-gpano-2000x1000.jpg'

test.describe('panorama hotspot placement', () => {
  test.skip(!hasFixtures, MISSING_FIXTURES_REASON)

  test('heading leaves image and hotspots', async ({ page, network }) => {
    // The file's XMP has PoseHeadingDegrees=295. Yaw is measured on the image (centre column =
    // yaw 0), so the heading must turn neither the image nor the hotspots.
    const hotspots = [
      { id: 'centre', yaw: 0, pitch: 0 },
      { id: 'right', yaw: 90, pitch: 0 },
    ]
    const tour = panoramaTour('pano-veste-heading', {
      src: fixtureUrl(VESTE),
      view: { yaw: 0, pitch: 0, fov: 20 },
      hotspots,
    })
    await openApp(page, { tour })
    await waitForScene(page, 'pano')
    const source = await decodeFixture(VESTE)

    const cases = [
      { view: { yaw: 0, pitch: 0, fov: 20 }, hotspot: 'centre', column: 1000 },
      { view: { yaw: 90, pitch: 0, fov: 20 }, hotspot: 'right', column: 1500 },
    ]
    for (const { view, hotspot, column } of cases) {
      await setView(page, view)
      const pixels = await viewPixels(page)
      const center = { x: pixels.width / 2, y: pixels.height / 2 }

      const icon = await hotspotIconCenter(page, hotspot)
      expect(icon, `hotspot ${hotspot} has no layout box at view yaw ${view.yaw}`).not.toBeNull()
      const offset = Math.hypot((icon?.x ?? 0) - center.x, (icon?.y ?? 0) - center.y)
      expect(
        offset,
        `hotspot ${hotspot} icon is ${offset.toFixed(1)} px from the canvas centre at view yaw ${view.yaw}`,
      ).toBeLessThanOrEqual(MAX_HOTSPOT_OFFSET)

      // The centre ray hits the boundary between image columns `column - 1` and `column` on row
      // 500. Sampling the file along the rays of the patch gives the colour the patch must have.
      const actual = patchColor(pixels, center.x, center.y, 4)
      const expected = referencePatchColor(source, view, pixels, center.x, center.y, 4)
      expect(
        colorDistance(actual, expected),
        `screen centre at view yaw ${view.yaw} is ${actual}; image column ${column}, row 500 gives ${expected}`,
      ).toBeLessThanOrEqual(COLOR_TOLERANCE)

      // The comparison must be able to see a 1° error in this photo.
      for (const shift of [-1, 1]) {
        const shifted = { ...view, yaw: view.yaw + shift }
        const wrong = referencePatchColor(source, shifted, pixels, center.x, center.y, 4)
        expect(
          colorDistance(wrong, expected),
          `the photo is too uniform near column ${column} to tell a ${shift}° error`,
        ).toBeGreaterThan(COLOR_TOLERANCE)
      }
    }
    expect(network.external, 'requests to other hosts').toEqual([])
  })

  test('hotspots follow drags and zooms', async ({ page }) => {
    const hotspots: PanoramaHotspot[] = [
      { id: 'ahead', yaw: 0, pitch: 0 },
      { id: 'right-low', yaw: 30, pitch: -10 },
      { id: 'left-high', yaw: -45, pitch: 20 },
      { id: 'seam-east', yaw: 179, pitch: 5 },
      { id: 'seam-west', yaw: -179, pitch: -5 },
      { id: 'seam', yaw: 180, pitch: 0 },
      { id: 'near-zenith', yaw: 10, pitch: 85 },
      { id: 'near-nadir', yaw: -100, pitch: -88 },
      { id: 'east-high', yaw: 90, pitch: 45 },
      { id: 'back-left', yaw: -135, pitch: -30 },
    ]
    await openApp(page, { tour: panoramaTour('pano-hotspot-tracking', { hotspots }) })
    await waitForScene(page, 'pano')

    const center = async () => {
      const box = await canvasBox(page)
      return { x: box.width / 2, y: box.height / 2 }
    }
    const steps: { name: string; act: () => Promise<void> }[] = [
      { name: 'start', act: async () => {} },
      {
        name: 'drag left',
        act: async () => dragOnStage(page, await center(), { dx: -300, dy: 0 }),
      },
      {
        name: 'drag down-right',
        act: async () => dragOnStage(page, await center(), { dx: 200, dy: 150 }),
      },
      {
        name: 'zoom in',
        act: async () => {
          const { x, y } = await center()
          const box = await canvasBox(page)
          await page.mouse.move(box.x + x, box.y + y)
          await page.mouse.wheel(0, -400)
        },
      },
      {
        name: 'across the seam',
        act: async () => {
          await setView(page, { yaw: 170, pitch: 0, fov: 60 })
          await dragOnStage(page, await center(), { dx: -250, dy: 0 })
        },
      },
      {
        name: 'up to the zenith',
        act: async () => {
          await setView(page, { yaw: 20, pitch: 60, fov: 75 })
          await dragOnStage(page, await center(), { dx: 40, dy: 400 })
        },
      },
      {
        name: 'down to the nadir',
        act: async () => {
          await setView(page, { yaw: -90, pitch: -60, fov: 90 })
          await dragOnStage(page, await center(), { dx: -30, dy: -400 })
        },
      },
      {
        name: 'zoom out',
        act: async () => {
          const { x, y } = await center()
          const box = await canvasBox(page)
          await page.mouse.move(box.x + x, box.y + y)
          await page.mouse.wheel(0, 600)
        },
      },
      {
        name: 'resize the window',
        act: async () => {
          await setView(page, { yaw: 160, pitch: 10, fov: 70 })
          await resizeViewport(page, 900, 640)
        },
      },
    ]
    // Every step but these two must move the view.
    const turning = new Set(steps.map((step) => step.name))
    turning.delete('start')
    turning.delete('resize the window')

    for (const step of steps) {
      const before = await getView(page)
      await step.act()
      await settleFrames(page)
      await settleFrames(page)
      const view = await getView(page)
      if (turning.has(step.name)) {
        expect(view, `the view did not change after "${step.name}"`).not.toEqual(before)
      }
      await expectHotspotsProjected(page, hotspots, step.name)
    }
  })
})

/**
 * Checks every hotspot against a projection of its yaw and pitch with the current view. Buttons of
 * points in view are visible with the icon centre within 2 px. Those behind the camera are
 * transparent and marked `data-behind`, but stay focusable. Points in front but outside the canvas
 * are clipped and not checked, and so are points almost on the camera plane.
 */
async function expectHotspotsProjected(
  page: Page,
  hotspots: PanoramaHotspot[],
  stepName: string,
): Promise<void> {
  const view = await getView(page)
  const box = await canvasBox(page)
  const where = `after "${stepName}" at view ${JSON.stringify(view)}`
  let checked = 0
  for (const hotspot of hotspots) {
    const button = page.locator(`[data-hotspot-id="${hotspot.id}"]`)
    const expected = projectToCanvas(view, hotspot, box.width, box.height)
    // Within about 0.6° of the camera plane rounding decides the side, so such points are skipped.
    if (Math.abs(expected.depth) < 0.01) continue
    const anchor = page.locator('.hotspot-anchor').filter({ has: button })
    if (!expected.inFront) {
      await expect(anchor, `hotspot ${hotspot.id} is behind the camera ${where}`).toHaveAttribute(
        'data-behind',
        '',
      )
      await expect(anchor, `hotspot ${hotspot.id} is transparent ${where}`).toHaveCSS(
        'opacity',
        '0',
      )
      continue
    }
    await expect(anchor, `hotspot ${hotspot.id} is in front ${where}`).not.toHaveAttribute(
      'data-behind',
      /.*/,
    )
    if (!expected.onScreen) continue

    await expect(button, `hotspot ${hotspot.id} is in view ${where}`).toBeVisible()
    const icon = await hotspotIconCenter(page, hotspot.id)
    const offset = Math.hypot(
      (icon?.x ?? Number.NaN) - expected.x,
      (icon?.y ?? Number.NaN) - expected.y,
    )
    expect(
      offset,
      `hotspot ${hotspot.id} icon is ${offset.toFixed(1)} px from its projected point (${expected.x.toFixed(1)}, ${expected.y.toFixed(1)}) ${where}`,
    ).toBeLessThanOrEqual(MAX_HOTSPOT_OFFSET)
    checked++
  }
  expect(checked, `no hotspot was in view ${where}, so nothing was checked`).toBeGreaterThan(0)
}
