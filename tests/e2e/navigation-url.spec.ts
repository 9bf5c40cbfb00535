import type { Page } from '@playwright/test'
import { hasFixtures, MISSING_FIXTURES_REASON } from '../support/fixtures.ts'
import { TEST_ORIGIN } from './support/server.ts'
import { getView, openApp } from './support/test.ts'
import { expect, test, waitForSceneReady, writeShowcaseTour } from './support/tours.ts'

// The start view of the showcase tour's `veste` scene and the view written into its `grid` scene.
const VESTE_VIEW = { yaw: 0, pitch: 0, fov: 75 }
const GRID_VIEW = { yaw: -60, pitch: 10, fov: 80 }

/**
 * The notices region. The loading splash is a status region too, and it can still be on screen for
 * a moment after the store reports the tour ready.
 */
function notices(page: Page) {
  return page.getByRole('status').and(page.locator('.notices'))
}

/** Waits until the tour file has been loaded or has failed, so the loading splash is gone. */
async function waitForTourStatus(page: Page): Promise<void> {
  // The handle appears when the app's script has run; until then there is no status to read.
  await page.waitForFunction(() => {
    const handle = (window as unknown as { __showcase?: { getState(): { tourStatus: string } } })
      .__showcase
    return handle !== undefined && handle.getState().tourStatus !== 'loading'
  })
}

test.describe('launch URL', () => {
  test.skip(!hasFixtures, MISSING_FIXTURES_REASON)

  test('deep link ignores fbclid silently', async ({ page }) => {
    const tour = writeShowcaseTour('nav-url-deep-link')
    await openApp(page, {
      tour,
      scene: 'grid',
      view: '30,-5,75',
      fbclid: 'IwAR0xYz_Ab1-cD2eF3gH4iJ5kL6mN7oP8qR9sT',
      utm_source: 'fb',
    })
    await waitForSceneReady(page, 'grid')

    const view = await getView(page)
    expect(view.yaw, 'yaw after opening view=30,-5,75').toBeCloseTo(30, 5)
    expect(view.pitch, 'pitch after opening view=30,-5,75').toBeCloseTo(-5, 5)
    expect(view.fov, 'fov after opening view=30,-5,75').toBeCloseTo(75, 5)
    await expect(notices(page), 'no notice for fbclid or utm_source').toHaveText('')

    const search = new URLSearchParams(await page.evaluate(() => location.search))
    expect(search.get('scene'), 'scene in the address bar').toBe('grid')
    expect(search.get('view'), 'view stays in the address bar before any move').toBe('30,-5,75')
    expect(search.get('fbclid'), 'unknown parameters stay in the address bar').not.toBeNull()
  })

  test('invalid view is reported, default used', async ({ page }) => {
    const tour = writeShowcaseTour('nav-url-bad-view')
    await openApp(page, { tour, scene: 'grid', view: 'abc', fbclid: 'IwAR1', utm_source: 'fb' })
    await waitForSceneReady(page, 'grid')

    const status = notices(page)
    await expect(status, 'the notice names the view parameter').toContainText('view=abc')
    await expect(status, 'the notice is in Vietnamese').toContainText('không hợp lệ')

    const view = await getView(page)
    expect(view, 'grid opens at the view its tour file gives').toEqual(GRID_VIEW)
  })

  test('malformed view values are reported', async ({ page }) => {
    const tour = writeShowcaseTour('nav-url-view-values')
    // Two or four numbers, angles and fov out of range, and words.
    const values = [
      '30,-5',
      '30,-5,75,1',
      '181,0,75',
      '30,91,75',
      '30,-5,9',
      '30,-5,121',
      'NaN,0,75',
    ]
    for (const value of values) {
      await openApp(page, { tour, view: value })
      await waitForTourStatus(page)
      const status = notices(page)
      await expect(status, `a notice quotes view=${value}`).toContainText(`view=${value} `)
      await expect(
        status.getByRole('button', { name: 'Đóng thông báo' }),
        `one notice for view=${value}`,
      ).toHaveCount(1)
    }
  })

  test('yaw -180 is stored as 180', async ({ page }) => {
    await openApp(page, { tour: writeShowcaseTour('nav-url-yaw-180'), view: '-180,0,75' })
    await waitForSceneReady(page, 'veste')

    expect((await getView(page)).yaw, 'yaw of view=-180,0,75').toBe(180)
    await expect(notices(page), 'no notice for a yaw on the range limit').toHaveText('')
  })

  test('scene change rewrites search in place', async ({ page }) => {
    const tour = writeShowcaseTour('nav-url-follow')
    // The view looks towards the way back (yaw -60), so its button is on screen.
    await openApp(page, { tour, scene: 'grid', view: '-50,-5,75', fbclid: 'IwAR2' })
    await waitForSceneReady(page, 'grid')
    const historyLength = await page.evaluate(() => history.length)

    await page.getByRole('button', { name: 'Về sân', exact: true }).click()
    await waitForSceneReady(page, 'veste')

    const search = new URLSearchParams(await page.evaluate(() => location.search))
    expect(search.get('scene'), 'scene in the address bar after the move').toBe('veste')
    expect(search.has('view'), 'view is dropped on the first scene change').toBe(false)
    expect(search.get('tour'), 'tour stays in the address bar').toBe(tour)
    expect(
      await page.evaluate(() => history.length),
      'the scene change replaces the history entry instead of adding one',
    ).toBe(historyLength)

    await page.getByRole('button', { name: 'Sang phòng lưới', exact: true }).click()
    await waitForSceneReady(page, 'grid')
    const second = new URLSearchParams(await page.evaluate(() => location.search))
    expect(second.get('scene'), 'scene in the address bar after the second move').toBe('grid')
    expect(await page.evaluate(() => history.length), 'history length after two moves').toBe(
      historyLength,
    )

    await page.reload()
    await waitForSceneReady(page, 'grid')
    const reloaded = await getView(page)
    expect(reloaded, 'a reload of the rewritten link opens grid at its own view').toEqual(GRID_VIEW)
  })

  test('unknown scene opens start scene', async ({ page }) => {
    const tour = writeShowcaseTour('nav-url-unknown-scene')
    await openApp(page, { tour, scene: 'cho-phien', view: '30,-5,75' })
    await waitForSceneReady(page, 'veste')

    const status = notices(page)
    await expect(status, 'the notice quotes the unknown scene id').toContainText('cho-phien')
    await expect(status, 'the notice is in Vietnamese').toContainText('Tour không có cảnh')
    expect(
      await getView(page),
      'a view that belonged to the unknown scene is not applied to the start scene',
    ).toEqual(VESTE_VIEW)
    const search = new URLSearchParams(await page.evaluate(() => location.search))
    expect(search.get('scene'), 'the address bar names the scene that opened').toBe('veste')
    expect(search.get('view'), 'the view that was not applied leaves the address').toBeNull()
  })

  test('lang=en opens in English', async ({ page }) => {
    const tour = writeShowcaseTour('nav-url-lang-en')
    await openApp(page, { tour, lang: 'en' })
    await waitForSceneReady(page, 'veste')

    await expect(page.getByRole('heading', { level: 1 }), 'tour title').toHaveText(
      'Northwest test tour',
    )
    await expect(page.getByRole('button', { name: 'Scenes', exact: true })).toBeVisible()
    await expect(page.locator('html'), 'document language').toHaveAttribute('lang', 'en')
    await expect(notices(page), 'no notice for a supported language').toHaveText('')
  })

  test('lang=xx falls back to Vietnamese', async ({ page }) => {
    const tour = writeShowcaseTour('nav-url-lang-xx')
    await openApp(page, { tour, lang: 'xx' })
    await waitForSceneReady(page, 'veste')

    const status = notices(page)
    await expect(status, 'the notice quotes the language').toContainText('xx')
    await expect(status, 'the notice is in Vietnamese').toContainText('chưa được hỗ trợ')
    await expect(page.getByRole('heading', { level: 1 }), 'tour title').toHaveText(
      'Tây Bắc thử nghiệm',
    )
    await expect(page.locator('html'), 'document language').toHaveAttribute('lang', 'vi')
    const search = new URLSearchParams(await page.evaluate(() => location.search))
    expect(search.get('lang'), 'the address bar carries the language in use').toBe('vi')
  })

  test('tour on other origin is rejected', async ({ page }) => {
    const requested: string[] = []
    page.on('request', (request) => requested.push(request.url()))
    const cases = [
      { tour: 'http://localhost:9/tour.json', reason: 'other-origin' },
      {
        tour: `http://127.0.0.2:${new URL(TEST_ORIGIN).port}/tours/x/tour.json`,
        reason: 'other-origin',
      },
      { tour: '//127.0.0.2/tour.json', reason: 'other-origin' },
      { tour: 'data:application/json,{"version":1}', reason: 'invalid' },
    ] as const

    for (const { tour, reason } of cases) {
      await openApp(page, { tour })
      await waitForTourStatus(page)
      const status = notices(page)
      await expect(status, `the notice quotes ${tour}`).toContainText(tour)
      const phrase = reason === 'other-origin' ? 'Không mở tour từ trang khác' : 'không hợp lệ'
      await expect(status, `the notice for ${tour} gives the reason`).toContainText(phrase)
      await expect(status, `the notice for ${tour} says the sample tour opens`).toContainText(
        'đang mở tour mẫu',
      )
      const tourUrl = await page.evaluate(
        () =>
          (
            window as unknown as { __showcase: { getState(): { tourUrl: string | null } } }
          ).__showcase.getState().tourUrl,
      )
      expect(tourUrl, `the app loads the sample tour instead of ${tour}`).toMatch(
        /\/scenes\/tay-bac\/tour\.json$/,
      )
    }

    const rejected = requested.filter((url) => !url.startsWith(`${TEST_ORIGIN}/`))
    expect(rejected, 'a rejected tour URL is never requested').toEqual([])
  })
})
