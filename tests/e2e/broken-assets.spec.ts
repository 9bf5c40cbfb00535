import { hasFixtures, MISSING_FIXTURES_REASON } from '../support/fixtures.ts'
import {
  chooseScene,
  expectSceneReady,
  fixtureAbsoluteUrl,
  fixtureUrl,
  type ModelCamera,
  modelScene,
  panoramaScene,
  tourFileAbsoluteUrl,
  truncatedFixture,
  writeSceneTour,
  writeTourFile,
} from './support/models.ts'
import { emittedEvents, expect, openApp, test, waitForScene } from './support/test.ts'

const BOX_CAMERA: ModelCamera = { position: [1.5, 1.2, 2], target: [0, 0, 0], fov: 50 }

/** A glTF 2.0 file with a default scene whose only node has no mesh: nothing to draw. */
const GLTF_WITHOUT_MESHES = JSON.stringify({
  asset: { version: '2.0' },
  scene: 0,
  scenes: [{ nodes: [0] }],
  nodes: [{ name: 'empty' }],
})

/** A valid glTF 2.0 file with no scene at all. */
const GLTF_WITHOUT_SCENES = JSON.stringify({ asset: { version: '2.0' } })

interface BrokenCase {
  /** Test name, which also names the folder under test-results/tours that contains its tour. */
  name: string
  kind: 'panorama' | 'model'
  /** Writes any derived file and returns the asset's path in the tour and its absolute URL. */
  asset(tourName: string): { src: string; url: string }
  /** The English sentence expected in the message, besides the file name. */
  english: RegExp
}

const CASES: BrokenCase[] = [
  {
    name: 'corrupt JPEG panorama',
    kind: 'panorama',
    asset: () => ({
      src: fixtureUrl('panoramas/broken/invalid_image_data.jpg'),
      url: fixtureAbsoluteUrl('panoramas/broken/invalid_image_data.jpg'),
    }),
    english: /The image \S*invalid_image_data\.jpg is corrupt/,
  },
  {
    name: 'truncated JPEG panorama',
    kind: 'panorama',
    asset: (tourName) => {
      // The first half of a real photo: a valid header, then the data stops mid-scan.
      const file = writeTourFile(
        tourName,
        'veste-first-half.jpg',
        truncatedFixture('panoramas/egjs-veste-gpano-2000x1000.jpg', 0.5),
      )
      return { src: file, url: tourFileAbsoluteUrl(tourName, file) }
    },
    english: /The image \S*veste-first-half\.jpg is corrupt/,
  },
  {
    name: 'missing panorama',
    kind: 'panorama',
    asset: () => ({
      src: fixtureUrl('panoramas/no-such-panorama.jpg'),
      url: fixtureAbsoluteUrl('panoramas/no-such-panorama.jpg'),
    }),
    english: /status 404 for the file \S*no-such-panorama\.jpg/,
  },
  {
    name: 'truncated GLB model',
    kind: 'model',
    asset: () => ({
      src: fixtureUrl('models/broken/truncated_chunk_data.glb'),
      url: fixtureAbsoluteUrl('models/broken/truncated_chunk_data.glb'),
    }),
    english: /The model \S*truncated_chunk_data\.glb is corrupt/,
  },
  {
    name: 'glTF without meshes',
    kind: 'model',
    asset: (tourName) => {
      const file = writeTourFile(tourName, 'no-meshes.gltf', GLTF_WITHOUT_MESHES)
      return { src: file, url: tourFileAbsoluteUrl(tourName, file) }
    },
    english: /The model \S*no-meshes\.gltf /,
  },
  {
    name: 'glTF without scenes',
    kind: 'model',
    asset: (tourName) => {
      const file = writeTourFile(tourName, 'no-scenes.gltf', GLTF_WITHOUT_SCENES)
      return { src: file, url: tourFileAbsoluteUrl(tourName, file) }
    },
    english: /The model \S*no-scenes\.gltf /,
  },
  {
    name: 'missing model',
    kind: 'model',
    asset: () => ({
      src: fixtureUrl('models/no-such-model.glb'),
      url: fixtureAbsoluteUrl('models/no-such-model.glb'),
    }),
    english: /status 404 for the file \S*no-such-model\.glb/,
  },
]

test.describe('broken assets', () => {
  test.skip(!hasFixtures, MISSING_FIXTURES_REASON)

  for (const brokenCase of CASES) {
    test(`${brokenCase.name} shows error`, async ({ page, network }) => {
      const tourName = `broken-${brokenCase.name.replaceAll(' ', '-').toLowerCase()}`
      const { src, url } = brokenCase.asset(tourName)
      const fileName = url.slice(url.lastIndexOf('/') + 1)
      const broken =
        brokenCase.kind === 'panorama'
          ? panoramaScene('broken', src)
          : modelScene('broken', src, BOX_CAMERA)
      // After the error the visitor moves to a working scene of the same kind.
      const working =
        brokenCase.kind === 'panorama'
          ? panoramaScene(
              'working',
              fixtureUrl('panoramas/polyhaven-potsdamer_platz_1k-gainmap.jpg'),
            )
          : modelScene('working', fixtureUrl('models/box-textured-ktx2-meshopt.glb'), BOX_CAMERA)
      const tour = writeSceneTour(tourName, [broken, working])

      await openApp(page, { tour })
      await waitForScene(page, 'broken', 'error')
      const alert = page.getByRole('alert')
      await expect(alert, 'in-place error message').toBeVisible()
      await expect(alert, 'Vietnamese error heading').toContainText('Không hiển thị được cảnh')
      await expect(alert, 'error message names the file').toContainText(fileName)
      if (url.includes('no-such-')) {
        await expect(alert, 'error message gives the HTTP status').toContainText('404')
      }
      await expect(page.getByRole('progressbar'), 'loading indicator after the error').toHaveCount(
        0,
      )
      await expect(page.locator('.spinner'), 'spinner after the error').toHaveCount(0)

      const errors = await emittedEvents(page, 'error')
      const event = errors.find((error) => error.payload.url === url)
      expect(event, `error event for ${url} among ${JSON.stringify(errors)}`).toBeDefined()
      expect(event?.payload.sceneId, 'scene id of the error event').toBe('broken')

      await page.getByRole('button', { name: 'Danh sách cảnh' }).click()
      await page.locator('#scene-list-panel button[data-scene-id="working"]').click()
      await expectSceneReady(page, 'working')
      await expect(page.getByRole('alert'), 'error message after leaving the scene').toHaveCount(0)

      await openApp(page, { tour, lang: 'en' })
      await waitForScene(page, 'broken', 'error')
      const englishAlert = page.getByRole('alert')
      await expect(englishAlert, 'English error heading').toContainText('cannot be shown')
      await expect(englishAlert, 'English error message').toContainText(brokenCase.english)
      expect(network.external, 'requests to other hosts').toEqual([])
    })
  }

  test('model error leaves tour working', async ({ page }) => {
    // A broken model between two working scenes: going through it does not stop the others.
    const tour = writeSceneTour('broken-between-scenes', [
      panoramaScene('first', fixtureUrl('panoramas/polyhaven-potsdamer_platz_1k-gainmap.jpg')),
      modelScene('broken', fixtureUrl('models/broken/truncated_chunk_data.glb'), BOX_CAMERA),
      modelScene('box', fixtureUrl('models/box-textured-ktx2-meshopt.glb'), BOX_CAMERA),
    ])
    await openApp(page, { tour })
    await expectSceneReady(page, 'first')
    await chooseScene(page, 'broken', 'error')
    await chooseScene(page, 'box')
    await chooseScene(page, 'first')
    await expect(page.getByRole('alert'), 'error message after leaving the scene').toHaveCount(0)
  })
})
