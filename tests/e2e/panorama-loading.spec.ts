import type { Page } from '@playwright/test'
import { hasFixtures, MISSING_FIXTURES_REASON } from '../support/fixtures.ts'
import { GRID_FILE, panoramaTour } from './support/panorama.ts'
import { expect, openApp, test, waitForScene } from './support/test.ts'

/**
 * Holds back the response for the panorama image until the returned `release` is called, so the
 * test decides when loading ends instead of waiting a fixed time.
 */
async function holdPanorama(
  page: Page,
): Promise<{ requested: Promise<void>; release: () => void }> {
  let release = () => {}
  const released = new Promise<void>((resolve) => {
    release = resolve
  })
  let markRequested = () => {}
  const requested = new Promise<void>((resolve) => {
    markRequested = resolve
  })
  const fileName = GRID_FILE.split('/').pop() ?? GRID_FILE
  await page.route(`**/${fileName}`, async (route) => {
    markRequested()
    await released
    // Hand the request on to the route that lets test-server requests through.
    await route.fallback()
  })
  return { requested, release }
}

async function sceneStatus(page: Page): Promise<string | undefined> {
  return page.evaluate(
    () =>
      (
        window as unknown as {
          __showcase: { getState(): { sceneLoads: Record<string, { status: string }> } }
        }
      ).__showcase.getState().sceneLoads.pano?.status,
  )
}

test.describe('panorama loading indicator', () => {
  test.skip(!hasFixtures, MISSING_FIXTURES_REASON)

  for (const { lang, label } of [
    { lang: 'vi', label: /^Đang tải “Panorama”$/ },
    { lang: 'en', label: /^Loading “Panorama”$/ },
  ]) {
    test(`progress bar while loading (${lang})`, async ({ page, network }) => {
      const image = await holdPanorama(page)
      await openApp(page, { tour: panoramaTour(`pano-loading-${lang}`), lang })
      await image.requested

      const progress = page.getByRole('progressbar', { name: label })
      await expect(progress, 'a labelled progress bar shows while the image loads').toBeVisible()
      expect(await sceneStatus(page), 'the scene is still loading').toBe('loading')

      image.release()
      await waitForScene(page, 'pano')
      await expect(progress, 'the progress bar is gone once the scene is ready').toHaveCount(0)
      await expect(page.getByRole('progressbar'), 'no other progress bar remains').toHaveCount(0)
      expect(network.external, 'requests to other hosts').toEqual([])
    })
  }
})
