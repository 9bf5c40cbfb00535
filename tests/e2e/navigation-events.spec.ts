import { hasFixtures, MISSING_FIXTURES_REASON } from '../support/fixtures.ts'
import { emittedEvents, openApp } from './support/test.ts'
import {
  eventsOfType,
  expect,
  test,
  waitForSceneReady,
  writeTwoSceneTour,
} from './support/tours.ts'

test.describe('event bus', () => {
  test.skip(!hasFixtures, MISSING_FIXTURES_REASON)

  test('visit emits events in order', async ({ page }) => {
    const tour = writeTwoSceneTour('nav-events')
    await openApp(page, { tour })
    await waitForSceneReady(page, 'veste')

    const [load] = await eventsOfType(page, 'tour-load')
    expect(load?.payload, 'tour-load payload').toMatchObject({
      tourId: 'nav-events',
      sceneCount: 2,
    })
    expect(String(load?.payload.url), 'tour-load names the tour file').toMatch(
      /\/tours\/nav-events\/tour\.json$/,
    )
    const [start] = await eventsOfType(page, 'scene-enter')
    expect(start?.payload, 'first scene-enter').toEqual({
      tourId: 'nav-events',
      sceneId: 'veste',
      kind: 'panorama',
      via: 'start',
    })

    // Stay a known minimum time, so the dwell time has a lower bound to check.
    await page.waitForTimeout(300)
    await page.getByRole('button', { name: 'Sang phòng lưới' }).click()
    await waitForSceneReady(page, 'grid')

    const types = (await emittedEvents(page)).map((event) => event.type)
    expect(types, 'event order of the visit').toEqual([
      'tour-load',
      'scene-enter',
      'hotspot-select',
      'scene-leave',
      'scene-enter',
    ])
    const [leave] = await eventsOfType(page, 'scene-leave')
    expect(leave?.payload.sceneId, 'scene-leave names the scene left').toBe('veste')
    expect(Number(leave?.payload.dwellMs), 'dwell time in ms').toBeGreaterThanOrEqual(300)
  })
})
