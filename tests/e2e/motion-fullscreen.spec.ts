import type { Page } from '@playwright/test'
import { vi } from '../../src/i18n/catalogs/vi.ts'
import { hasFixtures, MISSING_FIXTURES_REASON } from '../support/fixtures.ts'
import { panoramaTour } from './support/panorama.ts'
import { expect, openApp, test, waitForScene } from './support/test.ts'

const fullscreenButton = (page: Page) =>
  page.getByRole('button', { name: vi['motion.fullscreen.enter'] })

const fullscreenElement = (page: Page) =>
  page.evaluate(() => document.fullscreenElement?.tagName ?? null)

test.describe('fullscreen without the Fullscreen API', () => {
  test.skip(!hasFixtures, MISSING_FIXTURES_REASON)
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } })

  test('tap gives a full-viewport layout that can be left', async ({ page }) => {
    // iPhone Safari and Chrome have no `requestFullscreen` on elements.
    await page.addInitScript(() => {
      Object.defineProperty(Element.prototype, 'requestFullscreen', {
        configurable: true,
        value: undefined,
      })
    })
    await openApp(page, { tour: panoramaTour('fullscreen-phone') })
    await waitForScene(page, 'pano')
    const sceneList = page.getByRole('button', { name: vi['scene.list'] })
    await expect(sceneList).toBeVisible()

    await fullscreenButton(page).tap()
    await expect(fullscreenButton(page)).toHaveAttribute('aria-pressed', 'true')
    await expect(sceneList, 'the top bar should give way to the scene').toBeHidden()
    const stage = await page.locator('.stage').boundingBox()
    expect(stage).toEqual({ x: 0, y: 0, width: 390, height: 844 })
    expect(await fullscreenElement(page)).toBeNull()

    // The same button, still on screen, leaves the layout.
    await fullscreenButton(page).tap()
    await expect(fullscreenButton(page)).toHaveAttribute('aria-pressed', 'false')
    await expect(sceneList).toBeVisible()

    // So does Esc.
    await fullscreenButton(page).tap()
    await expect(sceneList).toBeHidden()
    await page.keyboard.press('Escape')
    await expect(sceneList).toBeVisible()
    await expect(fullscreenButton(page)).toHaveAttribute('aria-pressed', 'false')
  })
})

test.describe('fullscreen with the Fullscreen API', () => {
  test.skip(!hasFixtures, MISSING_FIXTURES_REASON)

  test('button enters and leaves real full screen', async ({ page }) => {
    await openApp(page, { tour: panoramaTour('fullscreen-desktop') })
    await waitForScene(page, 'pano')
    expect(await fullscreenElement(page)).toBeNull()

    await fullscreenButton(page).click()
    await expect.poll(() => fullscreenElement(page)).toBe('HTML')
    await expect(fullscreenButton(page)).toHaveAttribute('aria-pressed', 'true')

    await fullscreenButton(page).click()
    await expect.poll(() => fullscreenElement(page)).toBeNull()
    await expect(fullscreenButton(page)).toHaveAttribute('aria-pressed', 'false')
  })
})
