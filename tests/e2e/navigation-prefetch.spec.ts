import { hasFixtures, MISSING_FIXTURES_REASON } from '../support/fixtures'
import { openApp } from './support/test'
import { expect, PANORAMAS, test, waitForSceneReady, writeTwoSceneTour } from './support/tours'

/** Returns the path part of every request the page sends, in order. */
function recordRequests(page: import('@playwright/test').Page): string[] {
  const paths: string[] = []
  page.on('request', (request) => paths.push(new URL(request.url()).pathname))
  return paths
}

test.describe('scene file prefetch', () => {
  test.skip(!hasFixtures, MISSING_FIXTURES_REASON)

  test('first panorama requested before 3D code', async ({ page }) => {
    const requests = recordRequests(page)
    await openApp(page, { tour: writeTwoSceneTour('prefetch-first') })
    await waitForSceneReady(page, 'veste')
    const panorama = requests.findIndex((path) => path.endsWith(PANORAMAS.veste))
    const viewerChunk = requests.findIndex((path) => /\/assets\/Viewer-[^/]+\.js$/.test(path))
    expect(panorama, 'index of the first panorama request').toBeGreaterThanOrEqual(0)
    expect(viewerChunk, 'index of the 3D code request').toBeGreaterThanOrEqual(0)
    expect(panorama, 'panorama requested before the 3D code').toBeLessThan(viewerChunk)
    expect(requests.filter((path) => path.endsWith(PANORAMAS.veste)).length).toBe(1)
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
