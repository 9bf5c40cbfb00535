import type { Page } from '@playwright/test'
import { hasFixtures, MISSING_FIXTURES_REASON } from '../support/fixtures.ts'
import { openApp, setView } from './support/test.ts'
import { expect, test, waitForSceneReady, writeShowcaseTour } from './support/tours.ts'

/** Hotspots of the showcase tour's start scene in file order, with their yaw and accessible names. */
const START_HOTSPOTS = [
  { id: 'to-grid', yaw: 30, vi: 'Sang phòng lưới', en: 'To the grid room' },
  { id: 'weaving', yaw: -40, vi: 'Nghề dệt thổ cẩm', en: 'Brocade weaving' },
  { id: 'homestay', yaw: 45, vi: 'Điện Biên 3 ngày 2 đêm', en: 'Dien Bien, 3 days and 2 nights' },
  { id: 'to-square', yaw: -10, vi: 'Đi tới: Quảng trường', en: 'Go to: Square' },
  { id: 'behind', yaw: 170, vi: 'Phía sau', en: 'Behind you' },
] as const

/** Every hotspot of the start scene in file order, including `behind`, which starts behind the camera. */
const ALL_IN_ORDER = ['to-grid', 'weaving', 'homestay', 'to-square', 'behind']

/** Returns the `data-hotspot-id` of the focused element, `stage` for the stage, or its tag. */
async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement
    if (!element) return 'none'
    if (element.getAttribute('role') === 'application') return 'stage'
    return element.getAttribute('data-hotspot-id') ?? element.tagName.toLowerCase()
  })
}

/** Presses Tab from the last language button and returns what gets focus, step by step. */
async function tabThroughStage(page: Page, steps: number): Promise<string[]> {
  await page.getByRole('button', { name: 'English', exact: true }).focus()
  const order: string[] = []
  for (let step = 0; step < steps; step++) {
    await page.keyboard.press('Tab')
    order.push(await focusedName(page))
  }
  return order
}

test.describe('hotspot buttons', () => {
  test.skip(!hasFixtures, MISSING_FIXTURES_REASON)

  for (const lang of ['vi', 'en'] as const) {
    test(`hotspots named in ${lang}`, async ({ page }) => {
      await openApp(page, { tour: writeShowcaseTour(`nav-hotspot-names-${lang}`), lang })
      await waitForSceneReady(page, 'veste')

      for (const hotspot of START_HOTSPOTS) {
        // A hidden button has no accessible name, so turn to each hotspot first.
        await setView(page, { yaw: hotspot.yaw, pitch: 0, fov: 75 })
        const button = page.locator(`[data-hotspot-id="${hotspot.id}"]`)
        const tag = await button.evaluate((element) => element.tagName)
        expect(tag, `hotspot "${hotspot.id}" element`).toBe('BUTTON')
        await expect(button, `hotspot "${hotspot.id}" button type`).toHaveAttribute(
          'type',
          'button',
        )
        await expect(button, `hotspot "${hotspot.id}" accessible name`).toHaveAccessibleName(
          hotspot[lang],
        )
      }
    })
  }

  test('Tab order follows tour file', async ({ page }) => {
    await openApp(page, { tour: writeShowcaseTour('nav-hotspot-tab') })
    await waitForSceneReady(page, 'veste')
    const expected = ['stage', ...ALL_IN_ORDER]

    const first = await tabThroughStage(page, expected.length)
    expect(first, 'first pass: stage, then every hotspot in file order').toEqual(expected)
    // Focus on the hotspot that was behind the camera turned the view to it.
    const behind = page
      .locator('.hotspot-anchor')
      .filter({ has: page.locator('[data-hotspot-id="behind"]') })
    await expect(behind, 'the focused hotspot is in front').not.toHaveAttribute('data-behind', /.*/)
    await expect(behind, 'the focused hotspot is opaque').toHaveCSS('opacity', '1')

    const second = await tabThroughStage(page, expected.length)
    expect(second, 'second pass gives the same order').toEqual(first)

    // Leave the scene and come back, so the buttons are created anew.
    await page.getByRole('button', { name: 'Danh sách cảnh', exact: true }).click()
    await page.getByRole('button', { name: /Phòng lưới/ }).click()
    await waitForSceneReady(page, 'grid')
    await page.getByRole('button', { name: 'Danh sách cảnh', exact: true }).click()
    await page.getByRole('button', { name: /Sân nhà sàn/ }).click()
    await waitForSceneReady(page, 'veste')

    const third = await tabThroughStage(page, expected.length)
    expect(third, 'the order is the same after returning to the scene').toEqual(first)
  })
})
