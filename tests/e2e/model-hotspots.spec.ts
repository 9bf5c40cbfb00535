import { hasFixtures, MISSING_FIXTURES_REASON } from '../support/fixtures.ts'
import {
  expectSceneReady,
  fixtureUrl,
  hotspotCenter,
  type ModelCamera,
  modelScene,
  panoramaScene,
  projectPoint,
  stageBox,
  writeSceneTour,
} from './support/models.ts'
import { emittedEvents, expect, openApp, test } from './support/test.ts'

/** Top front right corner of the unit box model (corners at ±0.5), in metres. */
const CORNER: [number, number, number] = [0.5, 0.5, 0.5]

/** Looks down at the box from the front right. */
const ABOVE_CAMERA: ModelCamera = { position: [1.5, 1.2, 2], target: [0, 0, 0], fov: 50 }

/** Looks at the box from the front at the height of its centre, as a facade is photographed. */
const LEVEL_CAMERA: ModelCamera = { position: [0, 0, 3], target: [0, 0, 0], fov: 40 }

/** Largest distance, in CSS pixels, between a hotspot button's centre and its projected point. */
const TOLERANCE_PX = 2

function boxTour(name: string, camera: ModelCamera) {
  return writeSceneTour(name, [
    modelScene('box', fixtureUrl('models/box-textured-ktx2-meshopt.glb'), camera, [
      {
        id: 'back-to-square',
        kind: 'scene',
        target: 'square',
        position: CORNER,
        label: { vi: 'Về quảng trường', en: 'Back to the square' },
      },
    ]),
    panoramaScene('square', fixtureUrl('panoramas/polyhaven-potsdamer_platz_1k-gainmap.jpg'), [
      { id: 'to-box', kind: 'scene', target: 'box', yaw: 0, pitch: 0 },
    ]),
  ])
}

test.describe('model hotspots', () => {
  test.skip(!hasFixtures, MISSING_FIXTURES_REASON)

  for (const [name, camera] of [
    ['camera above', ABOVE_CAMERA],
    ['camera level', LEVEL_CAMERA],
  ] as const) {
    test(`hotspot on projected point, ${name}`, async ({ page, network }) => {
      const tour = boxTour(`model-hotspot-${name.replace(' ', '-')}`, camera)
      await openApp(page, { tour })
      await expectSceneReady(page, 'box')

      const button = page.getByRole('button', { name: 'Về quảng trường' })
      await expect(button, 'hotspot button of the model scene').toBeVisible()
      const expected = projectPoint(CORNER, camera, await stageBox(page))
      const actual = await hotspotCenter(page, 'back-to-square')
      expect(actual, 'hotspot button has a box on the page').not.toBeNull()
      expect(
        Math.abs((actual?.x ?? Number.NaN) - expected.x),
        `button centre x ${actual?.x}, projected x ${expected.x}`,
      ).toBeLessThanOrEqual(TOLERANCE_PX)
      expect(
        Math.abs((actual?.y ?? Number.NaN) - expected.y),
        `button centre y ${actual?.y}, projected y ${expected.y}`,
      ).toBeLessThanOrEqual(TOLERANCE_PX)
      expect(network.external, 'requests to other hosts').toEqual([])
    })
  }

  test('model hotspot opens panorama', async ({ page }) => {
    await openApp(page, { tour: boxTour('model-hotspot-link', ABOVE_CAMERA) })
    await expectSceneReady(page, 'box')

    await page.getByRole('button', { name: 'Về quảng trường' }).click()
    await expectSceneReady(page, 'square')
    const entered = (await emittedEvents(page, 'scene-enter')).at(-1)?.payload
    expect(entered?.sceneId, 'scene entered after the click').toBe('square')
    expect(entered?.via, 'how the panorama was reached').toBe('hotspot')
    expect(entered?.from, 'scene the visitor came from').toBe('box')
  })
})
