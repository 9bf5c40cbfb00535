import { hasFixtures, MISSING_FIXTURES_REASON } from '../support/fixtures.ts'
import {
  expectSceneReady,
  fixtureAbsoluteUrl,
  fixtureUrl,
  modelScene,
  recordProgressValues,
  writeSceneTour,
} from './support/models.ts'
import { expect, openApp, test } from './support/test.ts'

const MODEL = 'models/LittlestTokyo-draco-animated.glb'

test.describe('model loading', () => {
  test.skip(!hasFixtures, MISSING_FIXTURES_REASON)

  test('progress bar shows while loading', async ({ page, network }) => {
    // Loading Littlest Tokyo took about 20 s in SwiftShader on a 2-core machine.
    test.setTimeout(240_000)
    const progressValues = await recordProgressValues(page)

    // Hold the model's response until the test has seen the loading indicator.
    let release: () => void = () => {}
    const released = new Promise<void>((resolve) => {
      release = resolve
    })
    let requested = false
    await page.route(fixtureAbsoluteUrl(MODEL), async (route) => {
      requested = true
      const response = await route.fetch()
      await released
      await route.fulfill({ response })
    })

    const tour = writeSceneTour('model-loading', [
      modelScene('tokyo', fixtureUrl(MODEL), {
        position: [553, 390, 614],
        target: [-87, 6, -26],
        fov: 50,
      }),
    ])
    await openApp(page, { tour })
    await expect.poll(() => requested, { message: 'the model was requested' }).toBe(true)

    const progressbar = page.getByRole('progressbar', { name: 'Đang tải “Mô hình tokyo”' })
    await expect(progressbar, 'loading indicator while the response is held').toBeVisible()
    await expect(progressbar, 'progress is unknown before the response').not.toHaveAttribute(
      'aria-valuenow',
    )
    release()

    await expectSceneReady(page, 'tokyo')
    await expect(page.getByRole('progressbar'), 'loading indicator once ready').toHaveCount(0)
    const values = await progressValues()
    expect(values.length, 'progress values shown while loading').toBeGreaterThan(0)
    for (const [index, value] of values.entries()) {
      expect(value, `progress value ${index} of ${values}`).toBeGreaterThanOrEqual(0)
      expect(value, `progress value ${index} of ${values}`).toBeLessThanOrEqual(100)
      expect(value, `progress value ${index} of ${values}`).toBeGreaterThanOrEqual(
        values[index - 1] ?? 0,
      )
    }
    expect(network.external, 'requests to other hosts').toEqual([])
  })
})
