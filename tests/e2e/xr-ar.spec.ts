import type { Page } from '@playwright/test'
import { vi } from '../../src/i18n/catalogs/vi.ts'
import { emittedEvents, expect, openApp, test, waitForScene } from './support/test.ts'
import {
  aimRightController,
  headPosition,
  objectPosition,
  pressTrigger,
  type Vec3,
  waitForXRFrames,
} from './support/xr.ts'

/*
 * AR runs here on IWER's emulated Meta Quest 3 (`?xr=emulate`). IWER starts immersive-ar
 * sessions, but without its synthetic environment module (not installed) it has no passthrough
 * and no hit-test surfaces: `requestHitTestSource` rejects. So these tests cover the session,
 * its events, the model standing in front of the visitor, tap placement on the floor plane (the
 * app's fallback without hit testing), the turn and scale buttons and hotspot selection. The
 * reticle on detected surfaces and the limits of placement, turning and scaling are covered by
 * the unit tests of src/xr/ar/placement.ts.
 */

const MODEL_SCENE = 'stilt-house'

interface StageState {
  anchor: Vec3
  yaw: number
  scale: number
  fit: number
  placed: boolean
  /** World position of the model's base centre, computed from the model's own matrix. */
  base: Vec3
  /** True when the model's root hangs in the rendered scene graph. */
  inScene: boolean
}

/** Reads the placed model from `__showcase.arStage`, or null outside AR. */
function stageState(page: Page): Promise<StageState | null> {
  return page.evaluate(() => {
    interface Object3DLike {
      parent: Object3DLike | null
      matrixWorld: unknown
    }
    const handle = (
      window as unknown as {
        __showcase: {
          scene: Object3DLike | null
          arStage: {
            root: Object3DLike & { localToWorld(v: unknown): Vec3 }
            pivot: Vec3
            limits: { fit: number }
            placement: { anchor: Vec3; yaw: number; scale: number }
            placed: boolean
          } | null
        }
      }
    ).__showcase
    const stage = handle.arStage
    if (!stage) return null
    let node: Object3DLike | null = stage.root
    while (node?.parent) node = node.parent
    const pivot = stage.pivot
    // `localToWorld` works on any object with x, y, z and `applyMatrix4`; borrow a scene vector.
    const point = (stage.root as unknown as { position: { clone(): Vec3 } }).position.clone()
    Object.assign(point, { x: pivot.x, y: pivot.y, z: pivot.z })
    const base = stage.root.localToWorld(point)
    return {
      anchor: { ...stage.placement.anchor },
      yaw: stage.placement.yaw,
      scale: stage.placement.scale,
      fit: stage.limits.fit,
      placed: stage.placed,
      base: { x: base.x, y: base.y, z: base.z },
      inScene: node === handle.scene,
    }
  })
}

async function enterAR(page: Page): Promise<void> {
  await page.getByRole('button', { name: vi['motion.ar.enter'] }).click()
  await expect
    .poll(async () => (await emittedEvents(page, 'xr-start')).map((event) => event.payload))
    .toEqual([{ tourId: 'tay-bac', mode: 'ar' }])
  await waitForXRFrames(page, 5)
}

function expectClose(actual: Vec3, expected: Vec3, digits = 3): void {
  expect(actual.x).toBeCloseTo(expected.x, digits)
  expect(actual.y).toBeCloseTo(expected.y, digits)
  expect(actual.z).toBeCloseTo(expected.z, digits)
}

const overlay = (page: Page) => page.locator('.ar-overlay')

/**
 * Presses a button of the AR overlay with a click event sent to it. IWER draws its canvas over
 * the whole page and does not composite the WebXR DOM overlay, so a pointer click would land on
 * the canvas.
 */
async function pressOverlayButton(page: Page, name: string): Promise<void> {
  await overlay(page).getByRole('button', { name }).dispatchEvent('click')
}

test.describe('AR in the emulator', () => {
  test.describe.configure({ mode: 'serial' })

  test('model stands ahead, turns, scales and leaves', async ({ page, pageErrors }) => {
    await openApp(page, { xr: 'emulate', scene: MODEL_SCENE })
    await waitForScene(page, MODEL_SCENE)
    await enterAR(page)

    const start = await stageState(page)
    expect(start, 'no model was placed in the AR session').not.toBeNull()
    if (!start) return
    expect(start.inScene, 'the model is not in the scene graph').toBe(true)
    expect(start.placed).toBe(false)
    expect(start.scale).toBe(start.fit)
    expect(start.fit).toBeLessThan(1)
    // The base centre rests on the floor 1.2 m ahead of the emulated head.
    const head = await headPosition(page)
    expect(start.anchor.y).toBe(0)
    expect(Math.hypot(start.anchor.x - head.x, start.anchor.z - head.z)).toBeCloseTo(1.2, 3)
    expectClose(start.base, start.anchor)
    // Without hit testing, the hint requests a tap on the floor.
    await expect(overlay(page).getByText(vi['motion.ar.place-floor'])).toBeVisible()

    await pressOverlayButton(page, vi['motion.ar.larger'])
    const larger = await stageState(page)
    expect(larger?.scale).toBeCloseTo(start.scale * 1.25, 9)

    await pressOverlayButton(page, vi['motion.ar.turn-left'])
    const turned = await stageState(page)
    expect(turned?.yaw).toBeCloseTo(start.yaw + Math.PI / 12, 9)
    // Turning and scaling keep the base centre on its spot.
    if (turned) expectClose(turned.base, start.anchor)

    for (let i = 0; i < 10; i++) await pressOverlayButton(page, vi['motion.ar.smaller'])
    const smallest = await stageState(page)
    expect(smallest?.scale).toBeCloseTo(start.fit / 4, 9)

    await pressOverlayButton(page, vi['motion.ar.exit'])
    await expect
      .poll(async () => (await emittedEvents(page, 'xr-end')).map((event) => event.payload))
      .toEqual([{ tourId: 'tay-bac', mode: 'ar' }])
    expect(await stageState(page)).toBeNull()
    await expect(page.getByRole('button', { name: vi['motion.ar.enter'] })).toBeVisible()
    expect(pageErrors).toEqual([])
  })

  test('hotspot opens, then a floor tap places', async ({ page }) => {
    await openApp(page, { xr: 'emulate', scene: MODEL_SCENE })
    await waitForScene(page, MODEL_SCENE)
    await enterAR(page)
    const before = await stageState(page)

    const marker = await objectPosition(page, 'xr-hotspot-roof')
    if (!marker) throw new Error('the roof hotspot has no marker in AR')
    await aimRightController(page, marker)
    await pressTrigger(page)
    await expect
      .poll(async () =>
        (await emittedEvents(page, 'hotspot-select')).map((event) => event.payload.hotspotId),
      )
      .toEqual(['roof'])
    // The tap belonged to the marker, so the model stayed where it was.
    const after = await stageState(page)
    expect(after?.placed).toBe(false)
    expect(after?.anchor).toEqual(before?.anchor)

    const head = await headPosition(page)
    // To the left of the model, so the ray meets no hotspot marker on its way.
    const target = { x: head.x - 1.5, y: 0, z: head.z - 0.5 }
    await aimRightController(page, target)
    await pressTrigger(page)
    await expect.poll(async () => (await stageState(page))?.placed).toBe(true)
    const placed = await stageState(page)
    if (!placed) throw new Error('the AR stage went away')
    expectClose(placed.anchor, target, 2)
    expectClose(placed.base, placed.anchor)
    await expect(overlay(page).getByText(vi['motion.ar.placed'])).toBeVisible()
  })

  test('panorama scenes have no AR button', async ({ page }) => {
    await openApp(page, { xr: 'emulate' })
    await waitForScene(page, 'huoi-nha')
    // The VR button appears once the support check with the emulator has finished.
    await expect(page.locator('[data-xr="enter-vr"]')).toBeVisible()
    await expect(page.getByRole('button', { name: vi['motion.ar.enter'] })).toHaveCount(0)
  })
})

test.describe('AR without WebXR AR support', () => {
  test('plain Chromium shows no AR button', async ({ page }) => {
    await openApp(page, { scene: MODEL_SCENE })
    await waitForScene(page, MODEL_SCENE)
    // Ask the browser the app's question; the app asked first, so its answer has arrived too.
    const supported = await page.evaluate(
      async () => (await navigator.xr?.isSessionSupported('immersive-ar')) ?? false,
    )
    expect(supported, 'this Chromium reports AR support; the test needs one without').toBe(false)
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)))
    await expect(page.getByRole('button', { name: vi['motion.ar.enter'] })).toHaveCount(0)
    await expect(page.locator('[data-xr="enter-ar"]')).toHaveCount(0)
  })
})
