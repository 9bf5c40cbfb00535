import { openApp, setView } from './support/test.ts'
import { expect, test, waitForSceneReady } from './support/tours.ts'

test.describe('share link', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

  test('copied link reopens scene, view and language', async ({ page, context }) => {
    await openApp(page, { scene: 'tea-hills', utm_source: 'newsletter', fbclid: 'IwAR0' })
    await waitForSceneReady(page, 'tea-hills')
    await setView(page, { yaw: 40, pitch: 5, fov: 60 })
    await page.getByRole('button', { name: 'English' }).click()

    await page.getByRole('button', { name: 'Share' }).click()
    const field = page.getByLabel('Link to the current scene, view and language')
    const shown = await field.inputValue()
    await page.getByRole('button', { name: 'Copy link' }).click()
    await expect(page.getByText('Copied to the clipboard.')).toBeVisible()
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    expect(copied, 'the clipboard holds the link the dialog shows').toBe(shown)

    const link = new URL(copied)
    expect(link.searchParams.get('scene')).toBe('tea-hills')
    expect(link.searchParams.get('view')).toBe('40,5,60')
    expect(link.searchParams.get('lang')).toBe('en')
    expect(link.searchParams.get('utm_source'), 'this visit’s campaign stays behind').toBeNull()
    expect(link.searchParams.get('fbclid'), 'click ids stay behind').toBeNull()

    const reopened = await context.newPage()
    await reopened.goto(copied)
    await waitForSceneReady(reopened, 'tea-hills')
    const view = await reopened.evaluate(() =>
      (
        window as unknown as {
          __showcase: { getView(): { yaw: number; pitch: number; fov: number } }
        }
      ).__showcase.getView(),
    )
    expect(view.yaw, 'yaw of the reopened link').toBeCloseTo(40, 5)
    expect(view.pitch, 'pitch of the reopened link').toBeCloseTo(5, 5)
    expect(view.fov, 'fov of the reopened link').toBeCloseTo(60, 5)
    await expect(reopened.locator('html')).toHaveAttribute('lang', 'en')
    await expect(reopened.getByRole('button', { name: 'English' })).toHaveAttribute(
      'aria-pressed',
      'true',
    )
  })
})
