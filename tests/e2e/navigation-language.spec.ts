import type { Page } from '@playwright/test'
import { hasFixtures, MISSING_FIXTURES_REASON } from '../support/fixtures.ts'
import { fixtureUrl, openApp, writeTour } from './support/test.ts'
import { expect, PANORAMAS, test, waitForSceneReady, writeShowcaseTour } from './support/tours.ts'

/**
 * Returns every text a visitor or a screen reader meets on the page that contains a Vietnamese
 * letter: text nodes and the aria-label, aria-roledescription, alt and title attributes, skipping
 * parts marked with another `lang` (such as the "Tiếng Việt" button) and `<noscript>`.
 */
async function vietnameseTexts(page: Page, language: string): Promise<string[]> {
  return page.evaluate((expected) => {
    const vietnamese = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i
    const inLanguage = (element: Element | null) =>
      (element?.closest('[lang]')?.getAttribute('lang') ?? expected) === expected
    const found: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? ''
      // <noscript> content is never shown while scripts run.
      if (node.parentElement?.closest('noscript')) continue
      if (vietnamese.test(text) && inLanguage(node.parentElement)) found.push(text.trim())
    }
    for (const element of document.body.querySelectorAll('*')) {
      for (const name of ['aria-label', 'aria-roledescription', 'alt', 'title']) {
        const value = element.getAttribute(name)
        if (value && vietnamese.test(value) && inLanguage(element)) found.push(`${name}=${value}`)
      }
    }
    return found
  }, language)
}

test.describe('language switch', () => {
  test.skip(!hasFixtures, MISSING_FIXTURES_REASON)

  test('switches every text vi to en', async ({ page }) => {
    const tour = writeShowcaseTour('nav-lang-switch')
    await openApp(page, { tour })
    await waitForSceneReady(page, 'veste')
    const historyLength = await page.evaluate(() => history.length)

    await page.getByRole('button', { name: 'English', exact: true }).click()

    await expect(page.locator('html'), 'document language').toHaveAttribute('lang', 'en')
    await expect(page.getByRole('heading', { level: 1 }), 'tour title').toHaveText(
      'Northwest test tour',
    )
    await expect(page.locator('.scene-title'), 'scene title').toHaveText('Stilt house yard')
    await expect(
      page.getByRole('button', { name: 'Scenes', exact: true }),
      'scene list button',
    ).toBeVisible()
    await expect(page.getByRole('group', { name: 'Language' }), 'language group').toBeVisible()
    await expect(page.getByRole('application'), 'stage description').toHaveAttribute(
      'aria-label',
      /^360° photo\. Drag to look around/,
    )
    await expect(
      page.getByRole('button', { name: 'To the grid room', exact: true }),
      'hotspot label',
    ).toBeVisible()
    await expect(
      page.getByRole('button', { name: 'English', exact: true }),
      'pressed button',
    ).toHaveAttribute('aria-pressed', 'true')

    // The scene list is rendered while closed, so its texts are checked here too.
    expect(await vietnameseTexts(page, 'en'), 'Vietnamese text left in English mode').toEqual([])

    const search = new URLSearchParams(await page.evaluate(() => location.search))
    expect(search.get('lang'), 'lang in the address bar').toBe('en')
    expect(await page.evaluate(() => history.length), 'the switch adds no history entry').toBe(
      historyLength,
    )
  })

  test('switches back en to vi', async ({ page }) => {
    const tour = writeShowcaseTour('nav-lang-back')
    await openApp(page, { tour, lang: 'en' })
    await waitForSceneReady(page, 'veste')

    await page.getByRole('button', { name: 'Tiếng Việt', exact: true }).click()

    await expect(page.locator('html'), 'document language').toHaveAttribute('lang', 'vi')
    await expect(page.getByRole('heading', { level: 1 }), 'tour title').toHaveText(
      'Tây Bắc thử nghiệm',
    )
    await expect(page.locator('.scene-title'), 'scene title').toHaveText('Sân nhà sàn')
    await expect(
      page.getByRole('button', { name: 'Danh sách cảnh', exact: true }),
      'scene list button',
    ).toBeVisible()
    await expect(page.getByRole('group', { name: 'Ngôn ngữ' }), 'language group').toBeVisible()
    await expect(page.getByRole('application'), 'stage description').toHaveAttribute(
      'aria-label',
      /^Ảnh 360°\. Kéo để nhìn quanh/,
    )
    await expect(
      page.getByRole('button', { name: 'Đi tới: Quảng trường', exact: true }),
      'generated hotspot name',
    ).toBeVisible()
    const search = new URLSearchParams(await page.evaluate(() => location.search))
    expect(search.get('lang'), 'lang in the address bar').toBe('vi')
  })

  test('missing text uses first locale', async ({ page }) => {
    // "fr" comes first in the text objects, so a fallback to the first text present would show
    // French; the tour's first locale is "vi".
    const tour = writeTour('nav-lang-fallback', {
      version: 1,
      id: 'nav-lang-fallback',
      title: { fr: 'Visite', vi: 'Chuyến thăm' },
      locales: ['vi', 'en', 'fr'],
      start: 'yard',
      scenes: [
        {
          id: 'yard',
          kind: 'panorama',
          title: { fr: 'Cour', vi: 'Sân', en: 'Yard' },
          panorama: { type: 'equirect', src: fixtureUrl(PANORAMAS.veste) },
          hotspots: [
            {
              id: 'note',
              kind: 'info',
              yaw: 10,
              pitch: 0,
              label: { fr: 'Note', vi: 'Ghi chú' },
              title: { vi: 'Ghi chú' },
              text: { vi: 'Nội dung.' },
            },
          ],
        },
      ],
    })
    await openApp(page, { tour, lang: 'en' })
    await waitForSceneReady(page, 'yard')

    await expect(page.getByRole('heading', { level: 1 }), 'tour title without English').toHaveText(
      'Chuyến thăm',
    )
    await expect(page.locator('.scene-title'), 'scene title with English').toHaveText('Yard')
    await expect(
      page.getByRole('button', { name: 'Ghi chú', exact: true }),
      'hotspot label without English',
    ).toBeVisible()
    await expect(
      page.getByRole('button', { name: 'Scenes', exact: true }),
      'interface in English',
    ).toBeVisible()

    // Screen readers switch voice for text marked with its own language.
    await expect(
      page.getByRole('heading', { level: 1 }),
      'fallback title language',
    ).toHaveAttribute('lang', 'vi')
    await expect(page.locator('.scene-title'), 'English title language').not.toHaveAttribute(
      'lang',
      /.+/,
    )
    await expect(page.locator('.hotspot-label'), 'fallback label language').toHaveAttribute(
      'lang',
      'vi',
    )
    await page.getByRole('button', { name: 'Ghi chú', exact: true }).click()
    await expect(page.locator('dialog h2'), 'fallback card title language').toHaveAttribute(
      'lang',
      'vi',
    )
    await expect(page.locator('dialog p').first(), 'fallback card text language').toHaveAttribute(
      'lang',
      'vi',
    )
  })
})
