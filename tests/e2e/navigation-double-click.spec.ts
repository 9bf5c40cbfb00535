import type { Locator, Page } from '@playwright/test'
import { hasFixtures, MISSING_FIXTURES_REASON } from '../support/fixtures.ts'
import {
  canvasPixels,
  colorDistance,
  getView,
  openApp,
  patchColor,
  settleFrames,
} from './support/test.ts'
import {
  canvasBox,
  eventsOfType,
  expect,
  frameCount,
  GRID_COLORS,
  hotspotCenter,
  PANORAMAS,
  projectDirection,
  test,
  waitForSceneReady,
  writeTwoSceneTour,
} from './support/tours.ts'

/** Hotspots of the `grid` scene of the two-scene tour, with their yaw and pitch. */
const GRID_HOTSPOTS = [
  { id: 'back', yaw: 20, pitch: -5 },
  { id: 'east', yaw: 75, pitch: 15 },
  { id: 'east-low', yaw: 125, pitch: 10 },
]

/** Largest distance in CSS pixels between a hotspot button's centre and its projected point. */
const MAX_OFFSET_PX = 2

/**
 * Checks that each hotspot button of `grid` whose point is on the canvas is centred on the point's
 * projection for the current view, and returns how many were on the canvas.
 */
async function expectHotspotsOnTheirPoints(page: Page, when: string): Promise<number> {
  const view = await getView(page)
  const canvas = await canvasBox(page)
  let onCanvas = 0
  for (const hotspot of GRID_HOTSPOTS) {
    const projected = projectDirection(
      view,
      hotspot.yaw,
      hotspot.pitch,
      canvas.width,
      canvas.height,
    )
    if (!projected) continue
    if (projected.x < 0 || projected.y < 0) continue
    if (projected.x > canvas.width || projected.y > canvas.height) continue
    onCanvas++
    const center = await hotspotCenter(page, hotspot.id)
    const where = `hotspot "${hotspot.id}" ${when} at view ${JSON.stringify(view)}`
    expect(Math.abs(center.x - (canvas.x + projected.x)), `${where}: x offset`).toBeLessThanOrEqual(
      MAX_OFFSET_PX,
    )
    expect(Math.abs(center.y - (canvas.y + projected.y)), `${where}: y offset`).toBeLessThanOrEqual(
      MAX_OFFSET_PX,
    )
  }
  return onCanvas
}

/** Returns the canvas colour at the screen point of a yaw and pitch in the current view. */
async function colorAt(page: Page, yaw: number, pitch: number): Promise<[number, number, number]> {
  const view = await getView(page)
  const canvas = await canvasBox(page)
  const projected = projectDirection(view, yaw, pitch, canvas.width, canvas.height)
  if (!projected) throw new Error(`yaw ${yaw}, pitch ${pitch} is behind the camera`)
  return patchColor(await canvasPixels(page), projected.x, projected.y)
}

/**
 * Activates the scene hotspot of the two-scene tour with `activate` and checks that exactly one
 * scene change happened. Then it drags the new scene 90° to the right and checks that the canvas
 * is redrawn and that the hotspot buttons stay on their points.
 */
async function checkOneSceneChange(
  page: Page,
  tourName: string,
  activate: (button: Locator) => Promise<void>,
): Promise<void> {
  await openApp(page, { tour: writeTwoSceneTour(tourName) })
  await waitForSceneReady(page, 'veste')
  const button = page.getByRole('button', { name: 'Sang phòng lưới', exact: true })
  await expect(button, 'the scene hotspot is shown').toBeVisible()
  // Let the first frames place the hotspot, so the rapid presses below land on it.
  await settleFrames(page)
  await settleFrames(page)

  await activate(button)
  await waitForSceneReady(page, 'grid')

  const enters = await eventsOfType(page, 'scene-enter')
  const gridEnters = enters.filter((event) => event.payload.sceneId === 'grid')
  expect(gridEnters.length, 'scene-enter events for the target scene').toBe(1)
  expect(enters.length, 'scene-enter events in all (start scene and target)').toBe(2)
  const selects = await eventsOfType(page, 'hotspot-select')
  expect(selects.length, 'hotspot-select events').toBe(1)

  const arrived = await expectHotspotsOnTheirPoints(page, 'on arrival')
  expect(arrived, 'hotspots of grid on the canvas on arrival').toBeGreaterThanOrEqual(1)
  const front = await colorAt(page, 20, -20)
  expect(
    colorDistance(front, GRID_COLORS.front),
    `FRONT face on arrival is ${front}`,
  ).toBeLessThanOrEqual(3)

  // Drag from right to left on an empty part of the stage: 90° of yaw at fov 75.
  const framesBefore = await frameCount(page)
  const canvas = await canvasBox(page)
  const before = await getView(page)
  // One pixel at the centre of the view spans 2·tan(fov/2)/height radians.
  const degreesPerPixel =
    ((2 * Math.tan((before.fov * Math.PI) / 360)) / canvas.height) * (180 / Math.PI)
  const dragPixels = 90 / degreesPerPixel
  const startX = canvas.x + canvas.width / 2 + dragPixels / 2
  const y = canvas.y + canvas.height * 0.78
  await page.mouse.move(startX, y)
  await page.mouse.down()
  await page.mouse.move(startX - dragPixels, y, { steps: 24 })
  await page.mouse.up()
  await settleFrames(page)
  await settleFrames(page)

  const after = await getView(page)
  expect(after.yaw - before.yaw, 'yaw turned by the drag').toBeGreaterThan(85)
  expect(after.yaw - before.yaw, 'yaw turned by the drag').toBeLessThan(95)
  expect(await frameCount(page), 'frames drawn during the drag').toBeGreaterThan(framesBefore)
  const right = await colorAt(page, 110, -20)
  expect(
    colorDistance(right, GRID_COLORS.right),
    `RIGHT face after the drag is ${right}, so the canvas was redrawn`,
  ).toBeLessThanOrEqual(3)

  const dragged = await expectHotspotsOnTheirPoints(page, 'after the drag')
  expect(dragged, 'hotspots of grid on the canvas after the drag').toBeGreaterThanOrEqual(2)
}

test.describe('scene hotspot activation', () => {
  test.skip(!hasFixtures, MISSING_FIXTURES_REASON)

  test('double click changes scene once', async ({ page }) => {
    await checkOneSceneChange(page, 'nav-double-click', (button) => button.dblclick())
  })

  test('triple click changes scene once', async ({ page }) => {
    await checkOneSceneChange(page, 'nav-triple-click', (button) =>
      button.click({ clickCount: 3, delay: 20 }),
    )
  })

  test('three separate clicks change scene once', async ({ page }) => {
    await checkOneSceneChange(page, 'nav-three-clicks', async (button) => {
      const box = await button.boundingBox()
      if (!box) throw new Error('the scene hotspot has no bounding box')
      const x = box.x + box.width / 2
      const y = box.y + box.height / 2
      // Three clicks in a row, each a full press and release, as an impatient visitor gives them.
      for (let click = 0; click < 3; click++) await page.mouse.click(x, y)
    })
  })

  test('click during crossfade is ignored', async ({ page }) => {
    // A small second panorama, so its first frame is short and most of the crossfade remains.
    await openApp(page, { tour: writeTwoSceneTour('nav-crossfade-click', PANORAMAS.square) })
    await waitForSceneReady(page, 'veste')
    await page.getByRole('button', { name: 'Sang phòng lưới', exact: true }).click()

    // Press the new scene's way back as soon as it is shown, while the crossfade still runs. The
    // check and the press happen in one task, so the crossfade cannot end in between.
    await page.waitForFunction(() => {
      const state = (
        window as unknown as {
          __showcase: { getState(): { transition: { phase: string } | null } }
        }
      ).__showcase.getState()
      const button = document.querySelector<HTMLButtonElement>('[data-hotspot-id="back"]')
      if (state.transition?.phase !== 'fading' || !button) return false
      if (getComputedStyle(button).visibility !== 'visible') return false
      button.click()
      return true
    })
    // Wait for whatever the press started to end, then check that it started nothing.
    await page.waitForFunction(
      () =>
        (
          window as unknown as { __showcase: { getState(): { transition: unknown } } }
        ).__showcase.getState().transition === null,
    )

    const enters = await eventsOfType(page, 'scene-enter')
    expect(enters.length, 'scene-enter events (start scene and grid only)').toBe(2)
    expect(enters.at(-1)?.payload.sceneId, 'the last scene entered').toBe('grid')
    const selects = await eventsOfType(page, 'hotspot-select')
    expect(selects.length, 'hotspot-select events (the press during the fade sends none)').toBe(1)
  })
})
