import { kioskState, openKiosk, touchToExplore, writeKioskTour } from './support/kiosk.ts'
import { emittedEvents, getView, waitForScene } from './support/test.ts'
import { expect, test } from './support/tours.ts'

test.describe('kiosk idle reset', () => {
  test('idle booth returns to start and attract loop', async ({ page }) => {
    // Long enough for the steps below on a busy machine, whose inputs each restart the period.
    const tour = writeKioskTour('kiosk-idle', { idleSeconds: 10, highlights: ['village', 'tea'] })
    await openKiosk(page, 'village', { tour })
    expect((await kioskState(page)).visitsToday, 'visits before the first touch').toBe(0)

    await touchToExplore(page)
    expect((await kioskState(page)).visitsToday, 'the first touch starts a visit').toBe(1)

    // The visitor moves on and switches to English; then nobody touches the booth.
    await page.locator('[data-hotspot-id="to-festival"]').click()
    await page.getByRole('button', { name: 'English' }).click()
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    const entered = (await emittedEvents(page, 'scene-enter')).map((event) => event.payload.sceneId)
    expect(entered, 'scenes entered before the reset').toEqual(['village', 'festival'])

    await expect(page.locator('.kiosk-attract'), 'the attract loop starts').toBeVisible({
      timeout: 40_000,
    })
    await waitForScene(page, 'village')
    await expect(page.locator('html'), 'the default language is back').toHaveAttribute('lang', 'vi')
    await expect(page.locator('.kiosk-attract')).toContainText('Chạm để khám phá')
    await expect(page.locator('.kiosk-attract')).toContainText('Touch to explore')
    const resetEnter = (await emittedEvents(page, 'scene-enter')).at(-1)
    expect(resetEnter?.payload.via).toBe('attract')

    // The attract loop turns the view slowly.
    const before = await getView(page)
    await expect
      .poll(async () => Math.abs((await getView(page)).yaw - before.yaw), {
        message: 'yaw change during the attract loop',
      })
      .toBeGreaterThan(1)

    // A key press ends the attract loop and starts the next visit.
    await page.keyboard.press('ArrowLeft')
    await expect(page.locator('.kiosk-attract')).toHaveCount(0)
    expect((await kioskState(page)).visitsToday, 'the next visit is counted').toBe(2)
    const still = await getView(page)
    await page.waitForTimeout(500)
    expect((await getView(page)).yaw, 'the view stops turning').toBeCloseTo(still.yaw, 5)
  })

  test('visits survive a reload', async ({ page }) => {
    const tour = writeKioskTour('kiosk-visits', {})
    await openKiosk(page, 'village', { tour })
    await touchToExplore(page)
    await page.reload()
    await waitForScene(page, 'village')
    await expect(page.locator('.kiosk-attract')).toBeVisible()
    expect((await kioskState(page)).visitsToday).toBe(1)
  })
})
