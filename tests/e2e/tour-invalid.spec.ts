import type { Page } from '@playwright/test'
import { hasFixtures, MISSING_FIXTURES_REASON } from '../support/fixtures.ts'
import { TEST_ORIGIN } from './support/server.ts'
import { fixtureUrl, openApp, writeTour } from './support/test.ts'
import {
  expect,
  PANORAMAS,
  SHOWCASE_OFFER,
  test,
  waitForSceneReady,
  writeRawTour,
} from './support/tours.ts'

/**
 * Writes a tour with five errors of different kinds. They are a link to a scene that does not
 * exist, a yaw out of range, an http: booking link to a public host, a title without the default
 * language and an offer id used twice.
 */
function writeBrokenTour(name: string): string {
  return writeTour(name, {
    version: 1,
    id: name,
    title: { vi: 'Tour hỏng', en: 'Broken tour' },
    locales: ['vi', 'en'],
    start: 'veste',
    offers: [
      { ...SHOWCASE_OFFER, id: 'twice' },
      { ...SHOWCASE_OFFER, id: 'twice' },
      { ...SHOWCASE_OFFER, id: 'bad-link', url: 'http://booking.example.com/tour' },
    ],
    scenes: [
      {
        id: 'veste',
        kind: 'panorama',
        title: { vi: 'Sân', en: 'Yard' },
        panorama: { type: 'equirect', src: fixtureUrl(PANORAMAS.veste) },
        hotspots: [
          { id: 'to-grid', kind: 'scene', target: 'grid', yaw: 0, pitch: 0 },
          { id: 'to-nowhere', kind: 'scene', target: 'cho-phien', yaw: 10, pitch: 0 },
          {
            id: 'far-right',
            kind: 'info',
            yaw: 200,
            pitch: 0,
            title: { vi: 'Xa', en: 'Far' },
            text: { vi: 'Xa.', en: 'Far.' },
          },
        ],
      },
      {
        id: 'grid',
        kind: 'panorama',
        title: { en: 'Grid only in English' },
        panorama: { type: 'equirect', src: fixtureUrl(PANORAMAS.grid) },
        hotspots: [{ id: 'back', kind: 'scene', target: 'veste', yaw: 0, pitch: 0 }],
      },
    ],
  })
}

/** Where each error of the broken tour sits and the quoted value its message must show. */
const EXPECTED_ERRORS = [
  {
    vi: 'Cảnh “veste”, điểm “to-nowhere”',
    en: 'Scene “veste”, hotspot “to-nowhere”',
    quoted: '"cho-phien"',
  },
  { vi: 'Cảnh “veste”, điểm “far-right”', en: 'Scene “veste”, hotspot “far-right”', quoted: '200' },
  { vi: 'Ưu đãi “bad-link”', en: 'Offer “bad-link”', quoted: '"http://booking.example.com/tour"' },
  { vi: 'Cảnh “grid”', en: 'Scene “grid”', quoted: '“vi”' },
  { vi: 'Ưu đãi “twice”', en: 'Offer “twice”', quoted: '"twice"' },
]

/** Checks that the page shows the problem page and nothing of the tour itself. */
async function expectNothingOfTour(page: Page, requested: string[]): Promise<void> {
  await expect(page.locator('canvas'), 'no 3D canvas').toHaveCount(0)
  await expect(page.locator('[data-hotspot-id]'), 'no hotspot buttons').toHaveCount(0)
  await expect(page.getByRole('application'), 'no stage').toHaveCount(0)
  const assets = requested.filter((url) => url.includes('/fixtures/'))
  expect(assets, 'no panorama or model of the tour was requested').toEqual([])
}

/** Waits until the app has given up on the tour. */
async function waitForFailure(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      (
        window as unknown as { __showcase?: { getState(): { tourStatus: string } } }
      ).__showcase?.getState().tourStatus === 'failed',
  )
}

test.describe('invalid tour', () => {
  test.skip(!hasFixtures, MISSING_FIXTURES_REASON)

  for (const lang of ['vi', 'en'] as const) {
    test(`every problem listed in ${lang}`, async ({ page }) => {
      const requested: string[] = []
      page.on('request', (request) => requested.push(request.url()))
      await openApp(page, {
        tour: writeBrokenTour(`nav-invalid-many-${lang}`),
        ...(lang === 'en' ? { lang } : {}),
      })
      await waitForFailure(page)

      const title =
        lang === 'vi'
          ? 'Tệp tour có lỗi nên chưa thể mở'
          : 'This tour file has problems, so it cannot open yet'
      await expect(page.getByRole('heading', { level: 1 }), 'page title').toHaveText(title)
      const items = page.locator('ol.problem-list > li')
      await expect(items, 'one list item per error').toHaveCount(EXPECTED_ERRORS.length)
      const texts = await items.allTextContents()
      for (const error of EXPECTED_ERRORS) {
        const matches = texts.filter(
          (text) => text.startsWith(`${error[lang]}:`) && text.includes(error.quoted),
        )
        expect(matches.length, `one item for ${error[lang]} quoting ${error.quoted}`).toBe(1)
      }
      const count = lang === 'vi' ? 'có 5 lỗi' : 'has 5 errors'
      await expect(page.locator('main'), 'the introduction counts the errors').toContainText(count)
      await expectNothingOfTour(page, requested)
    })
  }

  test('list follows language switch', async ({ page }) => {
    await openApp(page, { tour: writeBrokenTour('nav-invalid-switch') })
    await waitForFailure(page)

    await page.getByRole('button', { name: 'English', exact: true }).click()

    const texts = await page.locator('ol.problem-list > li').allTextContents()
    for (const error of EXPECTED_ERRORS) {
      const matches = texts.filter((text) => text.startsWith(`${error.en}:`))
      expect(matches.length, `item for ${error.en} after switching to English`).toBe(1)
    }
    await expect(page.locator('html'), 'document language').toHaveAttribute('lang', 'en')
  })

  test('version 2 is unsupported', async ({ page }) => {
    const tour = writeTour('nav-invalid-version', {
      version: 2,
      id: 'nav-invalid-version',
      title: 'Later',
      locales: ['vi'],
      start: 'a',
      scenes: [],
    })
    await openApp(page, { tour })
    await waitForFailure(page)

    const items = page.locator('ol.problem-list > li')
    await expect(items, 'one problem: the version').toHaveCount(1)
    await expect(items, 'the version is named as unsupported').toHaveText(
      /^Tour: phiên bản 2 không được hỗ trợ/,
    )
    await expectNothingOfTour(page, [])
  })

  test('non-JSON file shows JSON error', async ({ page }) => {
    const tour = writeRawTour('nav-invalid-json', '{ "version": 1, "id": "half')
    await openApp(page, { tour })
    await waitForFailure(page)

    await expect(page.getByRole('heading', { level: 1 }), 'page title').toHaveText(
      'Không tải được tour',
    )
    await expect(page.locator('main'), 'the reason names JSON and the place').toContainText(
      'Tệp tour không phải JSON hợp lệ: lỗi ở dòng 1, cột 28.',
    )
    await expect(page.getByRole('button', { name: 'Tải lại' }), 'a reload button').toBeVisible()
    await expectNothingOfTour(page, [])
  })

  test('missing file shows HTTP status', async ({ page }) => {
    await openApp(page, { tour: '../tours/nav-invalid-absent/tour.json', lang: 'en' })
    await waitForFailure(page)

    await expect(page.getByRole('heading', { level: 1 }), 'page title').toHaveText(
      'The tour could not be loaded',
    )
    await expect(page.locator('main'), 'the reason gives status and URL').toContainText(
      `The server returned status 404 for ${TEST_ORIGIN}/tours/nav-invalid-absent/tour.json.`,
    )
    const sample = page.getByRole('link', { name: 'Open the sample tour' })
    await expect(sample, 'a way to the sample tour').toHaveAttribute('href', '/app/?lang=en')
    await expectNothingOfTour(page, [])
  })

  test('orphan scene warning still opens', async ({ page }) => {
    const tour = writeTour('nav-invalid-orphan', {
      version: 1,
      id: 'nav-invalid-orphan',
      title: { vi: 'Có cảnh lẻ', en: 'With an orphan' },
      locales: ['vi', 'en'],
      start: 'veste',
      scenes: [
        {
          id: 'veste',
          kind: 'panorama',
          title: { vi: 'Sân', en: 'Yard' },
          panorama: { type: 'equirect', src: fixtureUrl(PANORAMAS.veste) },
        },
        {
          id: 'lonely',
          kind: 'panorama',
          title: { vi: 'Cảnh lẻ', en: 'Orphan' },
          panorama: { type: 'equirect', src: fixtureUrl(PANORAMAS.grid) },
        },
      ],
    })
    await openApp(page, { tour })
    await waitForSceneReady(page, 'veste')

    await expect(page.getByRole('heading', { level: 1 }), 'tour title').toHaveText('Có cảnh lẻ')
    await expect(page.locator('.viewer-canvas canvas'), 'the 3D canvas is shown').toBeVisible()
    await expect(page.locator('ol.problem-list'), 'no problem page').toHaveCount(0)
    const warnings = await page.evaluate(
      () =>
        (
          window as unknown as {
            __showcase: { getState(): { tourWarnings: { code: string }[] } }
          }
        ).__showcase.getState().tourWarnings,
    )
    expect(
      warnings.map((warning) => warning.code),
      'the orphan is kept as a warning',
    ).toEqual(['orphan-scene'])
  })
})
