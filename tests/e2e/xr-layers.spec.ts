import type { Page } from '@playwright/test'
import sharp from 'sharp'
import { fixturePath, hasFixtures, MISSING_FIXTURES_REASON } from '../support/fixtures.ts'
import {
  derivedImagePath,
  flipHorizontal,
  GRID,
  GRID_FILE,
  largestBlockDifference,
  panoramaTour,
} from './support/panorama.ts'
import {
  centerColor,
  colorDistance,
  emittedEvents,
  expect,
  fixtureUrl,
  openApp,
  type Pixels,
  test,
  waitForScene,
} from './support/test.ts'
import { writeTwoSceneTour } from './support/tours.ts'
import {
  aimRightController,
  direction,
  enterVR,
  exitVR,
  headPosition,
  lookTowards,
  markerPoint,
  objectPosition,
  pressTrigger,
  waitForXRFrames,
} from './support/xr.ts'

// The emulated Quest offers WebXR layers through webxr-layers-polyfill, which draws composition
// layers with WebGL into the page's canvas, so the frames can be read back like any other.
// NOTE: going by its source, the polyfill (1.1.0) places an equirect layer whose upper and lower
// angles differ at the mirror image of that pitch range, so these tests use full spheres only.

// Software WebGL draws an XR frame every 0.1–1 s, so each case takes a while.
test.describe.configure({ timeout: 300_000 })
test.skip(!hasFixtures, MISSING_FIXTURES_REASON)

/** Equirect layers in the session's render state, without the projection layer. */
interface LayerState {
  centralHorizontalAngle: number
  upperVerticalAngle: number
  lowerVerticalAngle: number
  radius: number
  position: { x: number; y: number; z: number }
}

async function sessionLayers(page: Page): Promise<{ count: number; equirect: LayerState[] }> {
  return page.evaluate(() => {
    const renderer = (
      window as unknown as {
        __showcase: {
          renderer: { xr: { getSession(): { renderState: { layers?: object[] } } | null } }
        }
      }
    ).__showcase.renderer
    const layers = renderer.xr.getSession()?.renderState.layers ?? []
    const equirect = layers
      .filter((layer) => 'centralHorizontalAngle' in layer)
      .map((entry) => {
        const layer = entry as XREquirectLayer
        const { x, y, z } = layer.transform.position
        return {
          centralHorizontalAngle: layer.centralHorizontalAngle,
          upperVerticalAngle: layer.upperVerticalAngle,
          lowerVerticalAngle: layer.lowerVerticalAngle,
          radius: layer.radius,
          position: { x, y, z },
        }
      })
    return { count: layers.length, equirect }
  })
}

function sphereVisible(page: Page): Promise<boolean | null> {
  return page.evaluate(() => {
    const scene = (
      window as unknown as {
        __showcase: { scene: { getObjectByName(name: string): { visible: boolean } | undefined } }
      }
    ).__showcase.scene
    return scene.getObjectByName('panorama-sphere')?.visible ?? null
  })
}

/** Takes the headset out of the emulated device's feature list, as on a browser without layers. */
async function removeLayersFeature(page: Page): Promise<void> {
  await page.evaluate(() => {
    const features = (
      window as unknown as { __showcase: { xrDevice: { supportedFeatures: string[] } } }
    ).__showcase.xrDevice.supportedFeatures
    const index = features.indexOf('layers')
    if (index >= 0) features.splice(index, 1)
  })
}

async function waitForLayer(page: Page): Promise<void> {
  await expect.poll(async () => (await sessionLayers(page)).equirect.length).toBe(1)
  await expect.poll(() => sphereVisible(page)).toBe(false)
  await waitForXRFrames(page, 3)
}

/**
 * Looks along (yaw, pitch) and returns the frame drawn after the head turned. The emulator shows
 * the session's frames over the whole page, so the page is captured rather than the canvas.
 */
async function frameLookingAt(page: Page, yaw: number, pitch: number): Promise<Pixels> {
  await lookTowards(page, direction(yaw, pitch))
  await waitForXRFrames(page, 3)
  const png = await page.screenshot({
    style: '[data-xr="exit-vr"] { visibility: hidden !important; }',
  })
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true })
  return { data, width: info.width, height: info.height }
}

/** The faces of the labelled grid that a flipped or mirrored image would swap. */
const FACE_VIEWS = [
  { yaw: 20, pitch: -20, color: GRID.front, face: 'FRONT' },
  { yaw: 110, pitch: -20, color: GRID.right, face: 'RIGHT' },
  { yaw: -70, pitch: -20, color: GRID.left, face: 'LEFT' },
  { yaw: 20, pitch: 60, color: GRID.top, face: 'TOP' },
  { yaw: 20, pitch: -60, color: GRID.bottom, face: 'BOTTOM' },
] as const

test('equirect layer shows the panorama upright', async ({ page, network, pageErrors }) => {
  const tour = panoramaTour('xr-layer-grid', {
    src: fixtureUrl(GRID_FILE),
    hotspots: [{ id: 'note', yaw: 0, pitch: -10 }],
  })
  await openApp(page, { tour, xr: 'emulate' })
  await waitForScene(page, 'pano')
  await enterVR(page)
  await waitForLayer(page)

  const [layer] = (await sessionLayers(page)).equirect
  expect(layer?.centralHorizontalAngle).toBeCloseTo(2 * Math.PI, 4)
  expect(layer?.upperVerticalAngle).toBeCloseTo(Math.PI / 2, 4)
  expect(layer?.lowerVerticalAngle).toBeCloseTo(-Math.PI / 2, 4)
  // The layer is a sphere of the panorama's radius centred on the head, so it shows no parallax.
  // The panorama follows the XR camera, which can sit at one eye, half an eye distance (about
  // 3 cm) from the head: at 100 m that moves the image by 0.02°.
  expect(layer?.radius).toBeCloseTo(100, 4)
  const head = await headPosition(page)
  const offset = layer
    ? Math.hypot(layer.position.x - head.x, layer.position.y - head.y, layer.position.z - head.z)
    : Number.NaN
  expect(
    offset,
    `layer centre ${JSON.stringify(layer?.position)}, head ${JSON.stringify(head)}`,
  ).toBeLessThan(0.05)
  // One equirect layer under the projection layer, which carries the markers and panels.
  expect((await sessionLayers(page)).count).toBe(2)
  expect(await objectPosition(page, 'xr-hotspot-note')).not.toBeNull()

  for (const { yaw, pitch, color, face } of FACE_VIEWS) {
    const actual = centerColor(await frameLookingAt(page, yaw, pitch))
    expect(
      colorDistance(actual, color),
      `${face}: the centre at (${yaw}, ${pitch}) is ${actual}`,
    ).toBeLessThanOrEqual(3)
  }
  const throughLayer = await frameLookingAt(page, 0, 0)

  // The same view on a headset without layers comes from the sphere, and must look the same,
  // with the FRONT label and the marker where they were.
  await exitVR(page)
  expect(await sphereVisible(page)).toBe(true)
  await removeLayersFeature(page)
  await enterVR(page)
  await waitForXRFrames(page, 3)
  expect((await sessionLayers(page)).equirect).toEqual([])
  expect(await sphereVisible(page)).toBe(true)
  const throughSphere = await frameLookingAt(page, 0, 0)

  const worst = largestBlockDifference(throughLayer, throughSphere, 32)
  expect(
    worst.difference,
    `the 32-px block at (${worst.x}, ${worst.y}) differs between layer and sphere by ${worst.difference.toFixed(1)}`,
  ).toBeLessThanOrEqual(16)
  const mirrored = largestBlockDifference(throughLayer, flipHorizontal(throughSphere), 32)
  expect(
    mirrored.difference,
    'the layer frame matches the mirrored sphere frame as well, so it cannot show mirroring',
  ).toBeGreaterThan(16)
  expect(pageErrors).toEqual([])
  expect(network.external).toEqual([])
})

test('scene change replaces the layer', async ({ page, network, pageErrors }) => {
  await openApp(page, { tour: writeTwoSceneTour('xr-layer-two-scenes'), xr: 'emulate' })
  await waitForScene(page, 'veste')
  await enterVR(page)
  await waitForLayer(page)

  // The "to-grid" hotspot is at yaw 20, pitch -5. The layer's sphere must not catch the ray.
  await aimRightController(page, await markerPoint(page, 20, -5))
  await pressTrigger(page, 90)
  await waitForScene(page, 'grid')
  await waitForLayer(page)
  expect((await sessionLayers(page)).count).toBe(2)
  const front = centerColor(await frameLookingAt(page, 20, -20))
  expect(colorDistance(front, GRID.front), `FRONT is ${front}`).toBeLessThanOrEqual(3)

  // The "east" info hotspot (yaw 75, pitch 15) opens its panel over the layer.
  await aimRightController(page, await markerPoint(page, 75, 15))
  await pressTrigger(page, 90)
  await expect
    .poll(async () => (await emittedEvents(page, 'hotspot-select')).map((event) => event.payload))
    .toContainEqual(expect.objectContaining({ hotspotId: 'east', kind: 'info' }))
  await expect.poll(() => objectPosition(page, 'xr-panel-info')).not.toBeNull()

  await exitVR(page)
  expect(await sphereVisible(page)).toBe(true)
  expect(pageErrors).toEqual([])
  expect(network.external).toEqual([])
})

test('rejected layer keeps the sphere', async ({ page, network, pageErrors }) => {
  const tour = panoramaTour('xr-layer-rejected', { src: fixtureUrl(GRID_FILE) })
  await openApp(page, { tour, xr: 'emulate' })
  await waitForScene(page, 'pano')
  // A browser may list layers and still fail to create one, for example for a too large image.
  await page.evaluate(() => {
    XRWebGLBinding.prototype.createEquirectLayer = () => {
      throw new TypeError('equirect layers are switched off for this test')
    }
  })
  const layerErrors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('panorama layer')) {
      layerErrors.push(message.text())
    }
  })
  await enterVR(page)
  await expect.poll(() => layerErrors.length).toBeGreaterThan(0)
  await waitForXRFrames(page, 3)
  expect((await sessionLayers(page)).equirect).toEqual([])
  expect(await sphereVisible(page)).toBe(true)
  const front = centerColor(await frameLookingAt(page, 20, -20))
  expect(colorDistance(front, GRID.front), `FRONT is ${front}`).toBeLessThanOrEqual(3)
  // React Three Fiber 9.8 passes errors that a boundary caught to `reportError` as well, which
  // the page reports as uncaught. Nothing else may fail.
  expect(pageErrors).toEqual(['equirect layers are switched off for this test'])
  expect(network.external).toEqual([])
})

/** GPano XMP of a crop of the 4096×2048 labelled grid. */
function cropXmp(left: number, top: number, width: number, height: number): string {
  return [
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:GPano="http://ns.google.com/photos/1.0/panorama/"',
    ' GPano:ProjectionType="equirectangular"',
    ' GPano:FullPanoWidthPixels="4096" GPano:FullPanoHeightPixels="2048"',
    ` GPano:CroppedAreaLeftPixels="${left}" GPano:CroppedAreaTopPixels="${top}"`,
    ` GPano:CroppedAreaImageWidthPixels="${width}" GPano:CroppedAreaImageHeightPixels="${height}"/>`,
    '</rdf:RDF></x:xmpmeta>',
  ].join('')
}

test('partial panorama layer covers its crop', async ({ page, network, pageErrors }) => {
  // The right half of the grid between pitch ±45: yaw 0 to 180, so its centre is at yaw 90.
  const name = 'xr-layer-partial'
  await sharp(fixturePath(GRID_FILE))
    .extract({ left: 2048, top: 512, width: 2048, height: 1024 })
    .jpeg({ quality: 92 })
    .withXmp(cropXmp(2048, 512, 2048, 1024))
    .toFile(derivedImagePath(name, 'crop.jpg'))
  await openApp(page, { tour: panoramaTour(name, { src: 'crop.jpg' }), xr: 'emulate' })
  await waitForScene(page, 'pano')
  await enterVR(page)
  await waitForLayer(page)

  const [layer] = (await sessionLayers(page)).equirect
  expect(layer?.centralHorizontalAngle).toBeCloseTo(Math.PI, 4)
  expect(layer?.upperVerticalAngle).toBeCloseTo(Math.PI / 4, 4)
  expect(layer?.lowerVerticalAngle).toBeCloseTo(-Math.PI / 4, 4)
  const right = centerColor(await frameLookingAt(page, 110, -20))
  expect(colorDistance(right, GRID.right), `RIGHT is ${right}`).toBeLessThanOrEqual(3)
  const front = centerColor(await frameLookingAt(page, 20, -20))
  expect(colorDistance(front, GRID.front), `FRONT is ${front}`).toBeLessThanOrEqual(3)
  // The left face is outside the crop, so nothing of the image may be drawn there.
  const left = centerColor(await frameLookingAt(page, -70, -20))
  expect(colorDistance(left, GRID.left), `outside the crop is ${left}`).toBeGreaterThan(60)
  expect(colorDistance(left, GRID.front), `outside the crop is ${left}`).toBeGreaterThan(60)
  expect(pageErrors).toEqual([])
  expect(network.external).toEqual([])
})

test('model scene drops the panorama layer', async ({ page, network, pageErrors }) => {
  await openApp(page, { xr: 'emulate' })
  await waitForScene(page, 'huoi-nha')
  await enterVR(page)
  await waitForLayer(page)

  // The "to-stilt-house" hotspot of the sample tour is at yaw -96, pitch 2.
  await aimRightController(page, await markerPoint(page, -96, 2))
  await pressTrigger(page, 90)
  await waitForScene(page, 'stilt-house')
  await waitForXRFrames(page, 8)
  expect((await sessionLayers(page)).equirect).toEqual([])
  expect((await sessionLayers(page)).count).toBe(1)
  // The model scene is drawn, not covered by the last panorama or left black.
  const frame = await frameLookingAt(page, 0, -10)
  const { channels } = await sharp(frame.data, {
    raw: { width: frame.width, height: frame.height, channels: 3 },
  }).stats()
  const brightness = channels.reduce((sum, channel) => sum + channel.mean, 0) / channels.length
  expect(brightness, 'mean brightness of the model scene').toBeGreaterThan(100)
  expect(pageErrors).toEqual([])
  expect(network.external).toEqual([])
})
