import type { Page } from '@playwright/test'
import sharp from 'sharp'
import {
  canvasPixels,
  centerColor,
  emittedEvents,
  expect,
  getView,
  openApp,
  setView,
  test,
  waitForScene,
} from './support/test.ts'
import {
  aimRightController,
  direction,
  enterVR,
  headPosition,
  lookTowards,
  markerPoint,
  objectPosition,
  pinchRightHandAt,
  pressTrigger,
  waitForXRFrames,
} from './support/xr.ts'

// Software WebGL under load draws an XR frame every 0.1–1 s, so each case takes a while.
test.describe.configure({ timeout: 300_000 })

async function openInEmulator(page: Page, params: Record<string, string> = {}): Promise<void> {
  await openApp(page, { xr: 'emulate', ...params })
  await waitForScene(page, params.scene ?? 'huoi-nha')
}

test('enters VR and renders XR frames', async ({ page, network, pageErrors }) => {
  await openInEmulator(page)
  await enterVR(page)
  const start = await emittedEvents(page, 'xr-start')
  expect(start.at(-1)?.payload).toEqual({ tourId: 'tay-bac', mode: 'vr' })
  // The page shows the session's frames: the panorama with its markers, not a blank canvas.
  const shot = await page.screenshot({ path: '/tmp/e2e-vr/vr-enter.png' })
  const { channels } = await sharp(shot).stats()
  for (const channel of channels.slice(0, 3)) expect(channel.stdev).toBeGreaterThan(20)
  expect(await objectPosition(page, 'xr-hotspot-to-festival')).not.toBeNull()
  expect(pageErrors).toEqual([])
  expect(network.external).toEqual([])
})

test('controller trigger on a hotspot changes the scene', async ({ page, network, pageErrors }) => {
  await openInEmulator(page)
  await enterVR(page)
  // The "to-festival" hotspot of the sample tour is at yaw 62, pitch 4.
  await aimRightController(page, await markerPoint(page, 62, 4))
  await pressTrigger(page, 90)
  await expect
    .poll(async () => (await emittedEvents(page, 'scene-enter')).map((event) => event.payload))
    .toContainEqual(expect.objectContaining({ sceneId: 'festival', via: 'hotspot' }))
  await waitForScene(page, 'festival')
  await waitForXRFrames(page, 8)
  // The new scene's markers replace the old ones, and the fade has cleared.
  expect(await objectPosition(page, 'xr-hotspot-festival-offer')).not.toBeNull()
  expect(await objectPosition(page, 'xr-hotspot-homestay')).toBeNull()
  const fadeVisible = await page.evaluate(
    () =>
      (
        window as unknown as {
          __showcase: { scene: { getObjectByName(name: string): { visible: boolean } } }
        }
      ).__showcase.scene.getObjectByName('xr-fade').visible,
  )
  expect(fadeVisible).toBe(false)
  await page.screenshot({ path: '/tmp/e2e-vr/vr-festival.png' })
  expect(pageErrors).toEqual([])
  expect(network.external).toEqual([])
})

test('gaze dwell on a hotspot opens its card', async ({ page, network, pageErrors }) => {
  await openInEmulator(page)
  await enterVR(page)
  await page.evaluate(() => {
    const device = (
      window as unknown as {
        __showcase: {
          xrDevice: { controllers: Record<'left' | 'right', { connected: boolean }> }
        }
      }
    ).__showcase.xrDevice
    device.controllers.left.connected = false
    device.controllers.right.connected = false
  })
  await expect.poll(() => objectPosition(page, 'xr-gaze-reticle')).not.toBeNull()
  // Look at the "homestay" info hotspot (yaw -38, pitch 1) and hold still.
  await lookTowards(page, direction(-38, 1))
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          (window as unknown as { __showcase: { gaze: { progress: number } | null } }).__showcase
            .gaze?.progress ?? 0,
      ),
    )
    .toBeGreaterThan(0)
  await page.screenshot({ path: '/tmp/e2e-vr/vr-gaze.png' })
  await expect
    .poll(async () => (await emittedEvents(page, 'hotspot-select')).map((event) => event.payload))
    .toContainEqual(expect.objectContaining({ hotspotId: 'homestay', kind: 'info' }))
  await expect.poll(() => objectPosition(page, 'xr-panel-info')).not.toBeNull()
  await waitForXRFrames(page, 4)
  await page.screenshot({ path: '/tmp/e2e-vr/vr-info-panel.png' })
  expect(pageErrors).toEqual([])
  expect(network.external).toEqual([])
})

test('offer panel shows the QR code and books', async ({ page, network, pageErrors }) => {
  await openInEmulator(page)
  await enterVR(page)
  // The "homestay-offer" hotspot is at yaw 12, pitch -1.
  await aimRightController(page, await markerPoint(page, 12, -1))
  await pressTrigger(page, 90)
  await expect.poll(async () => (await emittedEvents(page, 'offer-open')).length).toBe(1)
  await expect.poll(() => objectPosition(page, 'xr-panel-offer')).not.toBeNull()

  // The QR code is its own mesh; decode what its texture shows and compare with the link.
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          (
            window as unknown as {
              __showcase: {
                scene: { getObjectByName(name: string): { userData: { ready?: boolean } } | null }
              }
            }
          ).__showcase.scene.getObjectByName('xr-offer-qr')?.userData.ready ?? false,
      ),
    )
    .toBe(true)
  await waitForXRFrames(page, 2)
  const qr = await page.evaluate(() => {
    const mesh = (
      window as unknown as {
        __showcase: {
          scene: {
            getObjectByName(name: string): {
              userData: { qrText: string }
              material: { map: { image: HTMLCanvasElement } }
            }
          }
        }
      }
    ).__showcase.scene.getObjectByName('xr-offer-qr')
    return { text: mesh.userData.qrText, png: mesh.material.map.image.toDataURL('image/png') }
  })
  expect(qr.text).toContain('https://example.org/tours/huoi-nha-homestay-4n3d')
  expect(await decodeQr(qr.png)).toBe(qr.text)

  await waitForXRFrames(page, 4)
  await page.screenshot({ path: '/tmp/e2e-vr/vr-offer-panel.png' })
  const book = await objectPosition(page, 'xr-panel-book')
  expect(book).not.toBeNull()
  if (!book) return
  await aimRightController(page, book)
  await pressTrigger(page, 90)
  await expect.poll(async () => (await emittedEvents(page, 'offer-link')).length).toBe(1)
  const events = (await emittedEvents(page)).map((event) => event.type)
  expect(events.indexOf('offer-open')).toBeLessThan(events.indexOf('offer-link'))
  const [link] = await emittedEvents(page, 'offer-link')
  expect(link?.payload).toMatchObject({
    tourId: 'tay-bac',
    offerId: 'huoi-nha-homestay-4n3d',
    action: 'book',
    url: qr.text,
  })
  expect(pageErrors).toEqual([])
  expect(network.external).toEqual([])
})

test('leaving VR restores the view, and VR starts again', async ({ page, network, pageErrors }) => {
  await openInEmulator(page)
  const before = { yaw: 30, pitch: -5, fov: 70 }
  await setView(page, before)
  const colorBefore = centerColor(await canvasPixels(page))

  await enterVR(page)
  // Turn the head far away, so a view taken from the headset would differ.
  await lookTowards(page, direction(-120, 20))
  await waitForXRFrames(page, 4)
  await page.getByRole('button', { name: 'Thoát VR' }).click()
  await expect.poll(async () => (await emittedEvents(page, 'xr-end')).length).toBe(1)
  await expect(page.getByRole('button', { name: 'Vào VR' })).toBeVisible()
  await expect(page.locator('.topbar')).toBeVisible()
  await setView(page, await getView(page))

  const after = await getView(page)
  expect(Math.abs(after.yaw - before.yaw)).toBeLessThanOrEqual(0.5)
  expect(Math.abs(after.pitch - before.pitch)).toBeLessThanOrEqual(0.5)
  expect(Math.abs(after.fov - before.fov)).toBeLessThanOrEqual(0.5)
  const pixels = await canvasPixels(page)
  await page.screenshot({ path: '/tmp/e2e-vr/vr-after-exit.png' })
  // The same view is drawn again, not a blank canvas and not the headset's last pose.
  const colorAfter = centerColor(pixels)
  for (let channel = 0; channel < 3; channel++) {
    expect(Math.abs((colorAfter[channel] ?? 0) - (colorBefore[channel] ?? 0))).toBeLessThanOrEqual(
      6,
    )
  }
  const [end] = await emittedEvents(page, 'xr-end')
  expect(end?.payload).toEqual({ tourId: 'tay-bac', mode: 'vr' })

  await enterVR(page)
  expect((await emittedEvents(page, 'xr-start')).length).toBe(2)
  await page.getByRole('button', { name: 'Thoát VR' }).click()
  await expect.poll(async () => (await emittedEvents(page, 'xr-end')).length).toBe(2)
  await waitForScene(page, 'huoi-nha')
  expect(pageErrors).toEqual([])
  expect(network.external).toEqual([])
})

/** Decodes the QR code in a PNG data URL, or returns null when none is found. */
async function decodeQr(dataUrl: string): Promise<string | null> {
  const { default: jsQR } = await import('jsqr')
  const png = Buffer.from(dataUrl.split(',')[1] ?? '', 'base64')
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data ?? null
}

test('model stands on the floor and turns', async ({ page, network, pageErrors }) => {
  await openInEmulator(page, { scene: 'stilt-house' })
  await enterVR(page)
  // Only "Exit VR" stays over the session's view; the 2D controls are hidden.
  await expect(page.locator('.topbar')).toBeHidden()
  await expect(page.locator('.stage-controls')).toBeHidden()
  await expect(page.locator('.credit')).toBeHidden()
  await expect(page.getByRole('button', { name: 'Thoát VR' })).toBeVisible()
  await expect.poll(() => objectPosition(page, 'xr-model-stage')).not.toBeNull()
  const stage = await objectPosition(page, 'xr-model-stage')
  const head = await headPosition(page)
  // On the floor, in front of the visitor (who looks down -Z).
  expect(stage?.y).toBeCloseTo(0, 5)
  expect(stage?.z ?? 0).toBeLessThan(head.z - 1)

  // The "stairs" hotspot rides on the model: near the stage, at most the model's size above it.
  await expect.poll(() => objectPosition(page, 'xr-hotspot-stairs')).not.toBeNull()
  const before = await objectPosition(page, 'xr-hotspot-stairs')
  if (!stage || !before) return
  expect(Math.hypot(before.x - stage.x, before.z - stage.z)).toBeLessThan(1)
  expect(before.y).toBeGreaterThanOrEqual(0)
  expect(before.y).toBeLessThan(1.3)

  const turn = await objectPosition(page, 'xr-model-turn-right')
  expect(turn).not.toBeNull()
  if (!turn) return
  await aimRightController(page, turn)
  await pressTrigger(page, 90)
  await waitForXRFrames(page, 2)
  const after = await objectPosition(page, 'xr-hotspot-stairs')
  if (!after) throw new Error('the stairs marker is gone after turning')
  // Turning keeps the marker's distance from the stage's axis and its height, and moves it.
  const radiusBefore = Math.hypot(before.x - stage.x, before.z - stage.z)
  const radiusAfter = Math.hypot(after.x - stage.x, after.z - stage.z)
  expect(radiusAfter).toBeCloseTo(radiusBefore, 2)
  expect(after.y).toBeCloseTo(before.y, 2)
  expect(Math.hypot(after.x - before.x, after.z - before.z)).toBeGreaterThan(0.05)
  await page.screenshot({ path: '/tmp/e2e-vr/vr-model.png' })
  expect(pageErrors).toEqual([])
  expect(network.external).toEqual([])
})

test('hand pinch on a hotspot opens its card', async ({ page, network, pageErrors }) => {
  await openInEmulator(page)
  await page.evaluate(() => {
    const device = (window as unknown as { __showcase: { xrDevice: { primaryInputMode: string } } })
      .__showcase.xrDevice
    device.primaryInputMode = 'hand'
  })
  await enterVR(page)
  // The "homestay" info hotspot is at yaw -38, pitch 1.
  await pinchRightHandAt(page, await markerPoint(page, -38, 1))
  await expect
    .poll(async () => (await emittedEvents(page, 'hotspot-select')).map((event) => event.payload))
    .toContainEqual(expect.objectContaining({ hotspotId: 'homestay', kind: 'info' }))
  await expect.poll(() => objectPosition(page, 'xr-panel-info')).not.toBeNull()
  expect(pageErrors).toEqual([])
  expect(network.external).toEqual([])
})
