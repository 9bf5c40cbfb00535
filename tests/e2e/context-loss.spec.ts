import type { Page } from '@playwright/test'
import {
  canvasPixels,
  centerColor,
  colorDistance,
  getView,
  openApp,
  setView,
  waitForScene,
} from './support/test.ts'
import { expect, test } from './support/tours.ts'

/** Loses or restores the renderer's WebGL context through `WEBGL_lose_context`. */
async function setContextLost(page: Page, lost: boolean): Promise<void> {
  await page.evaluate((lose) => {
    const handle = (
      window as unknown as {
        __showcase: { renderer: { getContext(): WebGL2RenderingContext } | null }
      }
    ).__showcase
    const store = window as unknown as { __loseContext?: WEBGL_lose_context | null }
    // The same extension object must restore the context it lost.
    store.__loseContext ??= handle.renderer?.getContext().getExtension('WEBGL_lose_context')
    if (!store.__loseContext) throw new Error('WEBGL_lose_context is not available')
    if (lose) store.__loseContext.loseContext()
    else store.__loseContext.restoreContext()
  }, lost)
}

async function sceneLoadStatus(page: Page, sceneId: string): Promise<string | undefined> {
  return page.evaluate(
    (id) =>
      (
        window as unknown as {
          __showcase: { getState(): { sceneLoads: Record<string, { status: string }> } }
        }
      ).__showcase.getState().sceneLoads[id]?.status,
    sceneId,
  )
}

test.describe('WebGL context loss', () => {
  test('scene and view come back after restore', async ({ page }) => {
    const view = { yaw: 62, pitch: 4, fov: 60 }
    await openApp(page, { scene: 'huoi-nha' })
    await waitForScene(page, 'huoi-nha')
    await setView(page, view)
    const before = centerColor(await canvasPixels(page))

    await setContextLost(page, true)
    await expect(
      page.getByRole('status').filter({ hasText: 'Đang khôi phục hình ảnh 3D…' }),
    ).toBeVisible()

    await setContextLost(page, false)
    await expect(page.getByText('Đang khôi phục hình ảnh 3D…')).toHaveCount(0)
    await expect.poll(() => sceneLoadStatus(page, 'huoi-nha')).toBe('ready')
    await waitForScene(page, 'huoi-nha')
    await setView(page, await getView(page))

    const after = await getView(page)
    expect(Math.abs(after.yaw - view.yaw), 'yaw after restore').toBeLessThanOrEqual(0.5)
    expect(Math.abs(after.pitch - view.pitch), 'pitch after restore').toBeLessThanOrEqual(0.5)
    expect(Math.abs(after.fov - view.fov), 'fov after restore').toBeLessThanOrEqual(0.5)
    const restored = centerColor(await canvasPixels(page))
    expect(
      colorDistance(restored, before),
      `centre colour ${restored}, ${before} before`,
    ).toBeLessThanOrEqual(6)

    const lostEvents = await page.evaluate(
      () =>
        (
          window as unknown as {
            __showcase: { events: { type: string; payload: { code: string } }[] }
          }
        ).__showcase.events.filter((event) => event.payload.code === 'webgl-context-lost').length,
    )
    expect(lostEvents, 'error events for the loss').toBe(1)

    // The hotspot at the centre of the view still leads on.
    await page.locator('[data-hotspot-id="to-festival"]').click()
    await waitForScene(page, 'festival')
  })

  test('model lighting comes back after restore', async ({ page }) => {
    await openApp(page, { scene: 'stilt-house' })
    await waitForScene(page, 'stilt-house')
    const before = centerColor(await canvasPixels(page))

    await setContextLost(page, true)
    await expect(page.getByText('Đang khôi phục hình ảnh 3D…')).toBeVisible()
    await setContextLost(page, false)
    await expect(page.getByText('Đang khôi phục hình ảnh 3D…')).toHaveCount(0)
    await expect.poll(() => sceneLoadStatus(page, 'stilt-house')).toBe('ready')
    await waitForScene(page, 'stilt-house')

    // The environment map is drawn on the GPU, so it must be built again after the restore.
    const restored = centerColor(await canvasPixels(page))
    expect(
      colorDistance(restored, before),
      `centre colour ${restored}, ${before} before`,
    ).toBeLessThanOrEqual(6)
  })
})
