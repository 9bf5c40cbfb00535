import type { Frame, Page, Request } from '@playwright/test'
import {
  appFrame,
  embedSrc,
  frameView,
  hostEventNames,
  hostGoToScene,
  hostSetLanguage,
  waitForFrameScene,
  writeEmbedTour,
  writeHostPage,
} from './support/embed.ts'
import { HOST_ORIGIN } from './support/server.ts'
import { expect, test } from './support/tours.ts'

/** Files of the full app: the shell chunk and the 3D chunk with three.js. */
const APP_CODE = /\/assets\/(main|Viewer)-[\w-]+\.js$/

/** Records the URL of every request the page and its frames send, in order. */
function recordRequests(page: Page): string[] {
  const urls: string[] = []
  page.on('request', (request: Request) => urls.push(request.url()))
  return urls
}

/** Records uncaught errors and unhandled rejections in every frame on `window.__uncaught`. */
async function recordUncaughtErrors(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const errors: string[] = []
    ;(window as unknown as { __uncaught: string[] }).__uncaught = errors
    window.addEventListener('error', (event) => errors.push(String(event.message)))
    window.addEventListener('unhandledrejection', (event) => errors.push(String(event.reason)))
  })
}

function uncaughtIn(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => (window as unknown as { __uncaught: string[] }).__uncaught)
}

async function hostReadyPhases(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __host: { ready: string[] } }).__host.ready)
}

test.describe('embed poster', () => {
  test('no app code before the click', async ({ page }) => {
    const requests = recordRequests(page)
    await page.goto(writeHostPage('embed-poster', { src: embedSrc({}) }))
    const frame = await appFrame(page)

    const start = frame.getByRole('button', { name: 'Khám phá 360°' })
    await expect(start, 'the poster offers to start the tour').toBeVisible()
    await expect
      .poll(() => hostReadyPhases(page), 'the host hears the poster is ready')
      .toEqual(['poster'])
    await expect(frame.locator('.embed-poster-title')).toHaveText(/Huổi Nhả/)
    const poster = frame.locator('img.embed-poster-image')
    await expect(poster, 'the generated preview is the poster').toHaveAttribute(
      'src',
      /\/share\/tay-bac\/huoi-nha\.jpg$/,
    )
    await expect
      .poll(() => poster.evaluate((image: HTMLImageElement) => image.naturalWidth))
      .toBe(1200)

    expect(
      requests.filter((url) => APP_CODE.test(url)),
      'app code requested before the click',
    ).toEqual([])
    expect(
      requests.filter((url) => url.includes('/panoramas/')),
      'panoramas requested before the click',
    ).toEqual([])

    await start.click()
    await waitForFrameScene(frame, 'huoi-nha')
    expect(requests.some((url) => /\/assets\/Viewer-[\w-]+\.js$/.test(url))).toBe(true)
    await expect(frame.locator('.embed-poster'), 'the poster leaves').toHaveCount(0)
    await expect.poll(() => hostReadyPhases(page)).toEqual(['poster', 'viewer'])
    const names = await hostEventNames(page)
    expect(names, 'events the host received').toContain('tour-load')
    expect(names, 'events the host received').toContain('scene-enter')
  })

  test('poster follows commands before start', async ({ page }) => {
    const tour = writeEmbedTour('embed-poster-commands', [HOST_ORIGIN])
    await page.goto(writeHostPage('embed-poster-commands', { src: embedSrc({ tour }) }))
    const frame = await appFrame(page)
    await expect.poll(() => hostReadyPhases(page)).toEqual(['poster'])

    expect(await hostGoToScene(page, 'tea', { yaw: 40, pitch: 0, fov: 70 })).toEqual(
      expect.objectContaining({ ok: true }),
    )
    expect(await hostSetLanguage(page, 'en')).toEqual(expect.objectContaining({ ok: true }))
    await expect(frame.locator('.embed-poster-title')).toHaveText('Tea hills')
    await expect(
      frame.locator('img.embed-poster-image'),
      'a tour given by URL has no generated preview, so its panorama is the poster',
    ).toHaveAttribute('src', /\/app\/panoramas\/tea-hills\.jpg$/)

    await frame.getByRole('button', { name: 'Explore in 360°' }).click()
    await waitForFrameScene(frame, 'tea')
    const view = await frameView(frame)
    expect(view.yaw, 'yaw from the command').toBeCloseTo(40, 5)
    expect(view.fov, 'fov from the command').toBeCloseTo(70, 5)
  })
})

test.describe('host commands', () => {
  test('allowed origin changes scene and language', async ({ page }) => {
    const tour = writeEmbedTour('embed-allowed', [HOST_ORIGIN])
    await page.goto(writeHostPage('embed-allowed', { src: embedSrc({ tour, autostart: '1' }) }))
    const frame = await appFrame(page)
    await waitForFrameScene(frame, 'village')

    const result = await hostGoToScene(page, 'tea', { yaw: 30, pitch: -5, fov: 70 })
    expect(result, 'reply to go-to-scene').toEqual(expect.objectContaining({ ok: true }))
    await waitForFrameScene(frame, 'tea')
    const view = await frameView(frame)
    expect(view.yaw, 'yaw from the command').toBeCloseTo(30, 5)
    expect(view.pitch, 'pitch from the command').toBeCloseTo(-5, 5)

    const enter = await page.evaluate(() =>
      (
        window as unknown as { __host: { messages: { name: string; detail: { via?: string } }[] } }
      ).__host.messages.filter((message) => message.name === 'scene-enter'),
    )
    expect(enter.at(-1)?.detail.via, 'scene-enter names the host as its cause').toBe('host')

    expect(await hostSetLanguage(page, 'en')).toEqual(expect.objectContaining({ ok: true }))
    await expect(frame.locator('html')).toHaveAttribute('lang', 'en')

    expect(await hostSetLanguage(page, 'fr'), 'unsupported language').toEqual(
      expect.objectContaining({ ok: false, reason: 'unsupported-language' }),
    )
    expect(await hostGoToScene(page, 'nowhere'), 'unknown scene').toEqual(
      expect.objectContaining({ ok: false, reason: 'unknown-scene' }),
    )
  })

  test('other origin is ignored', async ({ page }) => {
    const tour = writeEmbedTour('embed-other-origin', ['https://portal.example.org'])
    await page.goto(
      writeHostPage('embed-other-origin', { src: embedSrc({ tour, autostart: '1' }) }),
    )
    const frame = await appFrame(page)
    await waitForFrameScene(frame, 'village')

    const result = await hostGoToScene(page, 'tea')
    expect(result, 'reply to a command from an origin not on the list').toEqual(
      expect.objectContaining({ ok: false, reason: 'origin-not-allowed' }),
    )
    expect(await hostSetLanguage(page, 'en')).toEqual(
      expect.objectContaining({ ok: false, reason: 'origin-not-allowed' }),
    )
    const state = await frame.evaluate(() =>
      (
        window as unknown as { __showcase: { getState(): { sceneId: string; lang: string } } }
      ).__showcase.getState(),
    )
    expect(state.sceneId, 'scene after the refused command').toBe('village')
    expect(state.lang, 'language after the refused command').toBe('vi')
    expect(await hostEventNames(page), 'events still reach the host').toContain('scene-enter')
  })
})

test.describe('iframe permissions', () => {
  test('without allow: no fullscreen, no errors', async ({ page, pageErrors }) => {
    await recordUncaughtErrors(page)
    const src = embedSrc({ autostart: '1' })
    await page.goto(writeHostPage('embed-no-allow', { src, allow: null }))
    const frame = await appFrame(page)
    await waitForFrameScene(frame, 'huoi-nha')

    expect(await frame.evaluate(() => document.fullscreenEnabled)).toBe(false)
    await expect(frame.getByRole('button', { name: 'Toàn màn hình' })).toHaveCount(0)
    await expect(frame.getByRole('button', { name: 'Chia sẻ' })).toBeVisible()
    // A VR or AR button may stay visible only if it says why it cannot start: disabled, or with
    // a description.
    for (const button of await frame.getByRole('button').all()) {
      const name = (await button.textContent()) ?? ''
      if (!(await button.isVisible()) || !/\b(VR|AR)\b/.test(name)) continue
      const explained =
        (await button.isDisabled()) ||
        (await button.getAttribute('aria-describedby')) !== null ||
        (await button.getAttribute('title')) !== null
      expect(explained, `"${name}" without allow is hidden or explains why`).toBe(true)
    }
    expect(await uncaughtIn(frame), 'uncaught errors in the iframe').toEqual([])
    expect(pageErrors, 'uncaught errors in the host page').toEqual([])
  })

  test('with allow: fullscreen button works', async ({ page }) => {
    await recordUncaughtErrors(page)
    await page.goto(writeHostPage('embed-allow', { src: embedSrc({ autostart: '1' }) }))
    const frame = await appFrame(page)
    await waitForFrameScene(frame, 'huoi-nha')

    const fullscreen = frame.getByRole('button', { name: 'Toàn màn hình' })
    await expect(fullscreen, 'the host granted fullscreen').toBeVisible()
    await fullscreen.click()
    await expect(fullscreen).toHaveAttribute('aria-pressed', 'true')
    expect(await frame.evaluate(() => document.fullscreenElement !== null)).toBe(true)
    expect(await uncaughtIn(frame)).toEqual([])
  })
})
