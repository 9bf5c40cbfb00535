import { openKiosk, touchToExplore, writeKioskTour } from './support/kiosk.ts'
import { decodeQrImage } from './support/qr.ts'
import { emittedEvents, setView, waitForScene } from './support/test.ts'
import { expect, test } from './support/tours.ts'

test.describe('kiosk offer card', () => {
  test('shows a QR code instead of links', async ({ page }) => {
    const tour = writeKioskTour('kiosk-offer', {})
    await openKiosk(page, 'village', { tour })
    await touchToExplore(page)
    await page.locator('[data-hotspot-id="to-festival"]').click()
    await waitForScene(page, 'festival')
    await setView(page, { yaw: 0, pitch: 0, fov: 75 })
    await page.locator('[data-hotspot-id="offer"]').click()

    const card = page.getByRole('dialog')
    await expect(card).toBeVisible()
    await expect(card.getByRole('link'), 'links in the card').toHaveCount(0)
    await expect(card).toContainText('Hoặc gọi +84 28 0000 0000')
    const qr = card.locator('.offer-qr--kiosk img')
    await expect(qr).toBeVisible()
    const url = new URL((await decodeQrImage(qr)) ?? 'about:blank')
    expect(url.origin + url.pathname).toBe('https://booking.example.com/tours/stay')
    expect(url.searchParams.get('utm_source')).toBe('kiosk')
    expect(url.searchParams.get('utm_campaign')).toBe('kiosk-offer')

    const types = (await emittedEvents(page))
      .map((event) => event.type)
      .filter((type) => type === 'offer-open' || type === 'offer-link')
    expect(types, 'offer-open comes before offer-link').toEqual(['offer-open', 'offer-link'])
    const [link] = await emittedEvents(page, 'offer-link')
    expect(link?.payload.channel).toBe('kiosk-qr')
    expect(link?.payload.url).toBe(url.href)
  })

  test('disables text selection and the context menu', async ({ page }) => {
    await openKiosk(page, 'huoi-nha')
    const userSelect = await page.evaluate(() => getComputedStyle(document.body).userSelect)
    expect(userSelect).toBe('none')
    const prevented = await page.evaluate(() => {
      const event = new MouseEvent('contextmenu', { bubbles: true, cancelable: true })
      document.querySelector('.stage')?.dispatchEvent(event)
      return event.defaultPrevented
    })
    expect(prevented, 'the context menu is suppressed').toBe(true)
  })
})
