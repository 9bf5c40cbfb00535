import { hasFixtures, MISSING_FIXTURES_REASON } from '../support/fixtures.ts'
import { openApp } from './support/test.ts'
import { expect, PANORAMAS, test, waitForSceneReady, writeTwoSceneTour } from './support/tours.ts'

/** Path of the chunk with three.js and the 3D view. */
const VIEWER_CHUNK = /\/assets\/Viewer-[^/]+\.js$/

/** Returns the path part of every request the page sends, in order. */
function recordRequests(page: import('@playwright/test').Page): string[] {
  const paths: string[] = []
  page.on('request', (request) => paths.push(new URL(request.url()).pathname))
  return paths
}

test.describe('scene file prefetch', () => {
  test.skip(!hasFixtures, MISSING_FIXTURES_REASON)

  test('first panorama loads beside 3D code', async ({ page }) => {
    // Hold the 3D code until the first panorama has been requested: a viewer that fetched the
    // panorama only once the 3D code had run would never request it, and the poll would fail.
    let releaseViewer: () => void = () => {}
    const viewerHeld = new Promise<void>((resolve) => {
      releaseViewer = resolve
    })
    await page.route(VIEWER_CHUNK, async (route) => {
      await viewerHeld
      await route.fallback()
    })
    const requests = recordRequests(page)
    await openApp(page, { tour: writeTwoSceneTour('prefetch-first') })

    const panoramaRequests = () => requests.filter((path) => path.endsWith(PANORAMAS.veste)).length
    await expect
      .poll(panoramaRequests, { message: 'panorama requests while the 3D code is held' })
      .toBe(1)
    expect(
      requests.some((path) => VIEWER_CHUNK.test(path)),
      '3D code requested at start',
    ).toBe(true)

    releaseViewer()
    await waitForSceneReady(page, 'veste')
    expect(panoramaRequests(), 'panorama requests after the scene is shown').toBe(1)
  })

  test('linked scene downloaded once', async ({ page }) => {
    const requests = recordRequests(page)
    await openApp(page, { tour: writeTwoSceneTour('prefetch-linked') })
    await waitForSceneReady(page, 'veste')
    const gridRequests = () => requests.filter((path) => path.endsWith(PANORAMAS.grid)).length
    await expect.poll(gridRequests, { message: 'linked panorama requested ahead' }).toBe(1)

    await page.getByRole('button', { name: 'Sang phòng lưới' }).click()
    await waitForSceneReady(page, 'grid')
    expect(gridRequests(), 'linked panorama requests after arriving').toBe(1)
  })
})
