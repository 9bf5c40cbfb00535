import { hasFixtures, MISSING_FIXTURES_REASON } from '../support/fixtures.ts'
import {
  expectSceneReady,
  fixtureUrl,
  hotspotCenter,
  type ModelCamera,
  modelScene,
  rendererInfo,
  stageBox,
  waitForHotspotRest,
  writeSceneTour,
} from './support/models.ts'
import { expect, openApp, test } from './support/test.ts'

/** Top front right corner of the unit box model (corners at ±0.5), in metres. */
const CORNER: [number, number, number] = [0.5, 0.5, 0.5]

function boxTour(name: string, camera: ModelCamera) {
  return writeSceneTour(name, [
    modelScene('box', fixtureUrl('models/box-textured-ktx2-meshopt.glb'), camera, [
      { id: 'corner', kind: 'info', position: CORNER, title: 'Góc', text: 'Góc hộp' },
    ]),
  ])
}

test.describe('model camera', () => {
  test.skip(!hasFixtures, MISSING_FIXTURES_REASON)

  test('drag orbits model camera', async ({ page }) => {
    const camera: ModelCamera = { position: [1.5, 1.2, 2], target: [0, 0, 0], fov: 50 }
    await openApp(page, { tour: boxTour('model-orbit', camera) })
    await expectSceneReady(page, 'box')
    const before = await hotspotCenter(page, 'corner')
    expect(before, 'hotspot button has a box on the page before the drag').not.toBeNull()

    // Drag right across the lower part of the view, away from the hotspot button.
    const stage = await stageBox(page)
    const startX = stage.x + stage.width * 0.3
    const y = stage.y + stage.height * 0.8
    await page.mouse.move(startX, y)
    await page.mouse.down()
    await page.mouse.move(startX + 200, y, { steps: 10 })
    await page.mouse.up()
    const after = await waitForHotspotRest(page, 'corner')

    const movedX = after.x - (before?.x ?? Number.NaN)
    const movedY = after.y - (before?.y ?? Number.NaN)
    expect(Math.hypot(movedX, movedY), 'distance the hotspot moved on screen').toBeGreaterThan(20)
    // The corner is nearer to the camera than the orbit target, so it follows the pointer.
    expect(movedX, 'horizontal move of the corner nearest the camera').toBeGreaterThan(0)
  })

  test('keys orbit and zoom model', async ({ page }) => {
    const camera: ModelCamera = { position: [1.5, 1.2, 2], target: [0, 0, 0], fov: 50 }
    await openApp(page, { tour: boxTour('model-keys', camera) })
    await expectSceneReady(page, 'box')
    await page.getByRole('application').focus()
    const start = await waitForHotspotRest(page, 'corner')

    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('ArrowLeft')
    const turned = await waitForHotspotRest(page, 'corner')
    expect(Math.abs(turned.x - start.x), 'horizontal move after two arrow presses').toBeGreaterThan(
      5,
    )

    // Zooming in spreads points away from the screen centre.
    const stage = await stageBox(page)
    const centre = { x: stage.x + stage.width / 2, y: stage.y + stage.height / 2 }
    const spread = (point: { x: number; y: number }) =>
      Math.hypot(point.x - centre.x, point.y - centre.y)
    await page.keyboard.press('+')
    await page.keyboard.press('+')
    const zoomed = await waitForHotspotRest(page, 'corner')
    expect(spread(zoomed), 'distance of the corner from the centre after +').toBeGreaterThan(
      spread(turned),
    )
  })

  test('zoomed-out model stays drawn', async ({ page }) => {
    // A model in centimetres, such as Littlest Tokyo, is framed from about 1000 units away, and
    // orbit controls let the visitor zoom out to 3 times the starting distance. The hotspot sits
    // 200 units beside the target, far enough to show on screen how far the camera moved.
    const camera: ModelCamera = { position: [0, 600, 800], target: [0, 0, 0], fov: 50 }
    const tour = writeSceneTour('model-zoom-out', [
      modelScene('box', fixtureUrl('models/box-textured-ktx2-meshopt.glb'), camera, [
        { id: 'marker', kind: 'info', position: [200, 0, 0], title: 'Mốc', text: 'Mốc đo' },
      ]),
    ])
    await openApp(page, { tour })
    await expectSceneReady(page, 'box')
    const start = await rendererInfo(page)
    expect(start.calls, 'draw calls at the starting distance').toBeGreaterThan(0)
    const stage = await stageBox(page)
    const centreX = stage.x + stage.width / 2
    const before = await hotspotCenter(page, 'marker')
    expect(before, 'hotspot button has a box on the page before zooming').not.toBeNull()

    await page.mouse.move(centreX, stage.y + stage.height * 0.7)
    // Each wheel step moves the camera 1/0.95 times further away (three-stdlib OrbitControls), so
    // 40 steps pass the 3× limit.
    for (let step = 0; step < 40; step++) await page.mouse.wheel(0, 200)
    const after = await waitForHotspotRest(page, 'marker')

    // At 3 times the distance the marker is about a third as far from the screen centre.
    const offsetBefore = Math.abs((before?.x ?? Number.NaN) - centreX)
    const offsetAfter = Math.abs(after.x - centreX)
    expect(
      offsetAfter,
      `marker offset from the centre: ${offsetBefore} px before zooming`,
    ).toBeLessThan(offsetBefore * 0.5)
    const zoomed = await rendererInfo(page)
    expect(zoomed.calls, 'draw calls at the largest zoom-out distance').toBeGreaterThan(0)
  })
})
