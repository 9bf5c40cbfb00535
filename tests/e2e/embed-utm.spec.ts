import type { Frame, Page } from '@playwright/test'
import {
  appFrame,
  embedSrc,
  hostGoToScene,
  waitForFrameScene,
  writeEmbedTour,
  writeHostPage,
} from './support/embed.ts'
import { HOST_ORIGIN } from './support/server.ts'
import { openApp } from './support/test.ts'
import { expect, test, waitForSceneReady } from './support/tours.ts'

const CAMPAIGN = { utm_source: 'portal', utm_medium: 'banner', utm_campaign: 'spring-2026' }

/** Opens the offer hotspot straight ahead and returns the Book link's campaign parameters. */
async function bookingUtm(target: Page | Frame): Promise<Record<string, string | null>> {
  await target.locator('button[data-hotspot-id="book"]').click()
  const link = target.getByRole('link', { name: /Đặt tour/ })
  await expect(link).toBeVisible()
  const href = await link.getAttribute('href')
  if (href === null) throw new Error('the Book link has no href')
  const query = new URL(href).searchParams
  await target.getByRole('button', { name: 'Đóng' }).first().click()
  await expect(link).toHaveCount(0)
  return {
    utm_source: query.get('utm_source'),
    utm_medium: query.get('utm_medium'),
    utm_campaign: query.get('utm_campaign'),
  }
}

test.describe('campaign parameters', () => {
  test('embed UTM survive scene changes', async ({ page }) => {
    const tour = writeEmbedTour('embed-utm', [HOST_ORIGIN])
    const src = embedSrc({ tour, autostart: '1', ...CAMPAIGN })
    await page.goto(writeHostPage('embed-utm', { src }))
    const frame = await appFrame(page)
    await waitForFrameScene(frame, 'village')

    expect(await bookingUtm(frame), 'booking link in the first scene').toEqual(CAMPAIGN)
    expect(await hostGoToScene(page, 'tea')).toEqual(expect.objectContaining({ ok: true }))
    await waitForFrameScene(frame, 'tea')
    const search = new URLSearchParams(await frame.evaluate(() => location.search))
    expect(search.get('scene'), 'the address follows the scene').toBe('tea')
    expect(search.get('utm_campaign'), 'the address keeps the campaign').toBe('spring-2026')
    expect(await bookingUtm(frame), 'booking link after a scene change').toEqual(CAMPAIGN)
  })

  test('embed without UTM tags its channel', async ({ page }) => {
    const tour = writeEmbedTour('embed-utm-default', [])
    await page.goto(writeHostPage('embed-utm-default', { src: embedSrc({ tour, autostart: '1' }) }))
    const frame = await appFrame(page)
    await waitForFrameScene(frame, 'village')
    expect(await bookingUtm(frame)).toEqual({
      utm_source: 'embed',
      utm_medium: 'virtual-tour',
      utm_campaign: 'embed-utm-default',
    })
  })

  test('page UTM survive scene changes in web mode', async ({ page }) => {
    const tour = writeEmbedTour('web-utm', [])
    await openApp(page, { tour, ...CAMPAIGN })
    await waitForSceneReady(page, 'village')
    expect(await bookingUtm(page), 'booking link in the first scene').toEqual(CAMPAIGN)

    await page.getByRole('button', { name: 'Danh sách cảnh' }).click()
    await page.locator('button.scene-list-item[data-scene-id="tea"]').click()
    await waitForSceneReady(page, 'tea')
    const search = new URLSearchParams(await page.evaluate(() => location.search))
    expect(search.get('scene')).toBe('tea')
    expect(search.get('utm_source'), 'the address keeps the source').toBe('portal')
    expect(await bookingUtm(page), 'booking link after a scene change').toEqual(CAMPAIGN)
  })

  test('Embed dialog snippet tags booking links', async ({ page }) => {
    const tour = writeEmbedTour('embed-snippet', [])
    await openApp(page, { tour })
    await waitForSceneReady(page, 'village')
    await page.getByRole('button', { name: 'Chia sẻ' }).click()
    await page.getByLabel('Nguồn (utm_source)').fill(CAMPAIGN.utm_source)
    await page.getByLabel('Kênh (utm_medium)').fill(CAMPAIGN.utm_medium)
    await page.getByLabel('Chiến dịch (utm_campaign)').fill(CAMPAIGN.utm_campaign)
    const snippet = await page.getByLabel('Mã nhúng').inputValue()

    expect(snippet, 'permissions for VR, fullscreen and sensors').toContain(
      'allow="xr-spatial-tracking; fullscreen; gyroscope; accelerometer"',
    )
    expect(snippet, 'lazy loading').toContain('loading="lazy"')
    expect(snippet, 'an accessible title').toContain('title="Tour nhúng thử nghiệm"')
    expect(snippet, 'a box that follows the column width').toContain('aspect-ratio:16/9')

    await page.goto(writeHostPage('embed-snippet', { iframe: snippet }))
    const frame = await appFrame(page)
    await frame.getByRole('button', { name: 'Khám phá 360°' }).click()
    await waitForFrameScene(frame, 'village')
    expect(await bookingUtm(frame), 'booking link inside the pasted embed').toEqual(CAMPAIGN)
  })
})
