import { hasFixtures, MISSING_FIXTURES_REASON } from '../support/fixtures.ts'
import {
  GRID,
  installGpuProbe,
  panoramaTour,
  readGpuProbe,
  viewPixels,
} from './support/panorama.ts'
import {
  centerColor,
  colorDistance,
  expect,
  fixtureUrl,
  openApp,
  setView,
  test,
  waitForScene,
} from './support/test.ts'

/** MAX_TEXTURE_SIZE of many phone GPUs; SwiftShader itself allows 8192. */
const PHONE_MAX_TEXTURE_SIZE = 4096

/** iOS Safari silently fails to draw a 2D canvas with more pixels than this (4096 × 4096). */
const MAX_CANVAS_AREA = 16_777_216

test.describe('panorama larger than the GPU allows', () => {
  test.skip(!hasFixtures, MISSING_FIXTURES_REASON)

  test('6144 PNG on 4096 GPU', async ({ page, network, pageErrors }) => {
    await page.addInitScript(installGpuProbe, { maxTextureSize: PHONE_MAX_TEXTURE_SIZE })
    const resizeWarnings: string[] = []
    page.on('console', (message) => {
      if (message.text().includes('Texture has been resized')) resizeWarnings.push(message.text())
    })
    const tour = panoramaTour('pano-max-texture', {
      src: fixtureUrl('panoramas/egjs-test_equi-6144x3072-rgba.png'),
      view: { yaw: 20, pitch: -20, fov: 30 },
    })
    await openApp(page, { tour })
    await waitForScene(page, 'pano')

    const reportedMax = await page.evaluate(
      () =>
        (
          window as unknown as {
            __showcase: { renderer: { capabilities: { maxTextureSize: number } } }
          }
        ).__showcase.renderer.capabilities.maxTextureSize,
    )
    expect(reportedMax, 'the renderer sees the stubbed MAX_TEXTURE_SIZE').toBe(
      PHONE_MAX_TEXTURE_SIZE,
    )

    const front = await viewPixels(page)
    const frontColor = centerColor(front)
    expect(
      Math.max(...frontColor),
      `the panorama is drawn, not black: the centre is ${frontColor}`,
    ).toBeGreaterThan(64)
    expect(
      colorDistance(frontColor, GRID.front),
      `FRONT at (20, -20) is ${frontColor}, expected ${GRID.front}`,
    ).toBeLessThanOrEqual(3)

    await setView(page, { yaw: 110, pitch: -20, fov: 30 })
    const rightColor = centerColor(await viewPixels(page))
    expect(
      colorDistance(rightColor, GRID.right),
      `RIGHT at (110, -20) is ${rightColor}, expected ${GRID.right}`,
    ).toBeLessThanOrEqual(3)

    const probe = await readGpuProbe(page)
    expect(
      probe.largestCanvasArea,
      'the probe saw no canvas at all, so its record cannot be trusted',
    ).toBeGreaterThan(0)
    expect(
      probe.largestCanvasArea,
      `a canvas of ${probe.largestCanvas} px was created; iOS draws nothing above ${MAX_CANVAS_AREA} px`,
    ).toBeLessThanOrEqual(MAX_CANVAS_AREA)

    const widest = Math.max(0, ...probe.textureUploads.map((upload) => upload.width))
    const tallest = Math.max(0, ...probe.textureUploads.map((upload) => upload.height))
    const uploads = JSON.stringify(probe.textureUploads)
    expect(
      widest,
      `no texture at least half the limit wide was uploaded, so the panorama upload was not seen: ${uploads}`,
    ).toBeGreaterThanOrEqual(PHONE_MAX_TEXTURE_SIZE / 2)
    expect(
      widest,
      `a texture wider than the GPU limit was uploaded: ${uploads}`,
    ).toBeLessThanOrEqual(PHONE_MAX_TEXTURE_SIZE)
    expect(
      tallest,
      `a texture taller than the GPU limit was uploaded: ${uploads}`,
    ).toBeLessThanOrEqual(PHONE_MAX_TEXTURE_SIZE)

    // three's fallback redraws an oversized image into a canvas on the main thread; the app should
    // decode at the GPU limit itself.
    expect(resizeWarnings, 'three had to resize the panorama texture').toEqual([])
    expect(pageErrors, 'uncaught errors in the page').toEqual([])
    expect(network.external, 'requests to other hosts').toEqual([])
  })
})
