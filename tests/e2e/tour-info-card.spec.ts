import type { Page } from '@playwright/test'
import { hasFixtures, MISSING_FIXTURES_REASON } from '../support/fixtures.ts'
import { getView, openApp } from './support/test.ts'
import {
  eventsOfType,
  expect,
  MARKUP_TEXT,
  test,
  waitForSceneReady,
  writeShowcaseTour,
} from './support/tours.ts'

/** Opens the showcase tour and the info card of its `weaving` hotspot. */
async function openInfoCard(page: Page, tourName: string, params: Record<string, string> = {}) {
  await openApp(page, { tour: writeShowcaseTour(tourName), ...params })
  await waitForSceneReady(page, 'veste')
  await page.locator('[data-hotspot-id="weaving"]').click()
  const card = page.getByRole('dialog')
  await expect(card, 'the info card opens').toBeVisible()
  return card
}

test.describe('info card', () => {
  test.skip(!hasFixtures, MISSING_FIXTURES_REASON)

  test('keys in a card leave view', async ({ page }) => {
    await openInfoCard(page, 'nav-info-keys')
    const before = await getView(page)
    for (const key of ['ArrowLeft', 'ArrowUp', '+', '-']) await page.keyboard.press(key)
    expect(await getView(page), 'view after keys pressed inside the card').toEqual(before)
  })

  test('shows title and paragraphs', async ({ page }) => {
    const card = await openInfoCard(page, 'nav-info-text')

    await expect(card, 'the dialog is named by its title').toHaveAccessibleName('Nghề dệt thổ cẩm')
    await expect(card.getByRole('heading', { level: 2 }), 'title').toHaveText('Nghề dệt thổ cẩm')
    await expect(card.locator('p'), 'text split into paragraphs on the blank line').toHaveText([
      MARKUP_TEXT,
      'Đoạn thứ hai.',
    ])
    const selects = await eventsOfType(page, 'hotspot-select')
    expect(selects.at(-1)?.payload, 'hotspot-select payload').toMatchObject({
      hotspotId: 'weaving',
      kind: 'info',
      sceneId: 'veste',
    })
  })

  test('markup in text stays text', async ({ page }) => {
    const requested: string[] = []
    page.on('request', (request) => requested.push(request.url()))
    const card = await openInfoCard(page, 'nav-info-markup')

    await expect(card.locator('img'), 'no image element made from the text').toHaveCount(0)
    await expect(card.locator('b'), 'no bold element made from the text').toHaveCount(0)
    await expect(card, 'the markup is shown as written').toContainText(
      '<img src=x onerror="window.__markupRan = true">',
    )
    const ran = await page.evaluate(
      () => (window as unknown as { __markupRan?: boolean }).__markupRan,
    )
    expect(ran, 'the onerror handler in the text never ran').toBeUndefined()
    const imageRequests = requested.filter((url) => new URL(url).pathname.endsWith('/x'))
    expect(imageRequests, 'the src of the markup was never requested').toEqual([])
  })

  test('markup stays text in English', async ({ page }) => {
    const card = await openInfoCard(page, 'nav-info-markup-en', { lang: 'en' })

    await expect(card.getByRole('heading', { level: 2 }), 'title').toHaveText('Brocade weaving')
    await expect(card.locator('p'), 'English text with its markup as written').toHaveText(
      'Piêu scarves are woven <b>by hand</b>.',
    )
    await expect(card.locator('b'), 'no bold element made from the text').toHaveCount(0)
  })
})
