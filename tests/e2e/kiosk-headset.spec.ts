import { kioskState, openKiosk, touchToExplore } from './support/kiosk.ts'
import { emittedEvents, setView, waitForScene } from './support/test.ts'
import { expect, test } from './support/tours.ts'
import { waitForXRFrames } from './support/xr.ts'

// A booth with a headset: the emulated Meta Quest 3 of `?xr=emulate` replaces the real headset.
test.describe('kiosk with a headset', () => {
  test.describe.configure({ timeout: 300_000 })

  test('leaving VR ends the visit and resets the booth', async ({ page, pageErrors }) => {
    await openKiosk(page, 'huoi-nha', { xr: 'emulate' })
    await touchToExplore(page)

    // The visitor turns to the festival hotspot (yaw 62), moves on and switches to English, then
    // puts the headset on.
    await setView(page, { yaw: 60, pitch: 0, fov: 75 })
    await page.locator('[data-hotspot-id="to-festival"]').click()
    await waitForScene(page, 'festival')
    await page.getByRole('button', { name: 'English' }).click()
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await page.getByRole('button', { name: 'Enter VR' }).click()
    await expect.poll(async () => (await emittedEvents(page, 'xr-start')).length).toBe(1)
    await waitForXRFrames(page, 5)

    await page.getByRole('button', { name: 'Exit VR' }).click()
    await expect.poll(async () => (await emittedEvents(page, 'xr-end')).length).toBe(1)

    await expect(page.locator('.kiosk-attract'), 'the attract loop starts').toBeVisible()
    await waitForScene(page, 'huoi-nha')
    await expect(page.locator('html'), 'the default language is back').toHaveAttribute('lang', 'vi')
    const resetEnter = (await emittedEvents(page, 'scene-enter')).at(-1)
    expect(resetEnter?.payload.via).toBe('attract')
    expect((await kioskState(page)).visitsToday, 'one visit so far').toBe(1)
    expect(pageErrors).toEqual([])
  })
})
