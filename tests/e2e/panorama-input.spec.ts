import type { CDPSession, Page } from '@playwright/test'
import { hasFixtures, MISSING_FIXTURES_REASON } from '../support/fixtures.ts'
import { canvasBox, dragOnStage, hotspotIconCenter, panoramaTour } from './support/panorama.ts'
import {
  emittedEvents,
  expect,
  getView,
  openApp,
  setView,
  test,
  type View,
  waitForScene,
} from './support/test.ts'

/** Zoom range for a scene whose own fov (75) lies inside it. */
const DEFAULT_FOV_RANGE = { min: 30, max: 100 }

/** Returns the signed yaw change from `from` to `to` the short way round, in degrees. */
function yawChange(from: View, to: View): number {
  return ((((to.yaw - from.yaw + 180) % 360) + 360) % 360) - 180
}

async function stageCenter(page: Page): Promise<{ x: number; y: number }> {
  const box = await canvasBox(page)
  return { x: box.width / 2, y: box.height / 2 }
}

/** Waits until the view's fov differs from `previous` and returns the new view. */
async function nextFov(page: Page, previous: number): Promise<View> {
  await expect
    .poll(async () => (await getView(page)).fov, { message: 'the fov did not change' })
    .not.toBe(previous)
  return getView(page)
}

test.describe('panorama input', () => {
  test.skip(!hasFixtures, MISSING_FIXTURES_REASON)

  test('drag turns the view', async ({ page }) => {
    await openApp(page, { tour: panoramaTour('pano-input-drag') })
    await waitForScene(page, 'pano')
    const center = await stageCenter(page)

    const start = await getView(page)
    await dragOnStage(page, center, { dx: 200, dy: 0 })
    const afterRight = await getView(page)
    expect(
      yawChange(start, afterRight),
      `dragging right should turn the view left (yaw ${start.yaw} → ${afterRight.yaw})`,
    ).toBeLessThan(0)
    expect(afterRight.pitch, 'a horizontal drag changed the pitch').toBeCloseTo(start.pitch, 6)

    await dragOnStage(page, center, { dx: 0, dy: 150 })
    const afterDown = await getView(page)
    expect(
      afterDown.pitch,
      `dragging down should look up (pitch ${afterRight.pitch} → ${afterDown.pitch})`,
    ).toBeGreaterThan(afterRight.pitch)
    expect(afterDown.yaw, 'a vertical drag changed the yaw').toBeCloseTo(afterRight.yaw, 6)

    await dragOnStage(page, center, { dx: -120, dy: -100 })
    const afterUpLeft = await getView(page)
    expect(
      yawChange(afterDown, afterUpLeft),
      `dragging left should turn the view right (yaw ${afterDown.yaw} → ${afterUpLeft.yaw})`,
    ).toBeGreaterThan(0)
    expect(
      afterUpLeft.pitch,
      `dragging up should look down (pitch ${afterDown.pitch} → ${afterUpLeft.pitch})`,
    ).toBeLessThan(afterDown.pitch)
  })

  test('wheel zoom stays in range', async ({ page }) => {
    await openApp(page, { tour: panoramaTour('pano-input-wheel') })
    await waitForScene(page, 'pano')
    const box = await canvasBox(page)
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)

    const start = await getView(page)
    await page.mouse.wheel(0, 100)
    const zoomedOut = await nextFov(page, start.fov)
    expect(zoomedOut.fov, 'wheel down should zoom out (larger fov)').toBeGreaterThan(start.fov)

    await page.mouse.wheel(0, -200)
    const zoomedIn = await nextFov(page, zoomedOut.fov)
    expect(zoomedIn.fov, 'wheel up should zoom in (smaller fov)').toBeLessThan(zoomedOut.fov)

    await page.mouse.wheel(0, 5000)
    await expect
      .poll(async () => (await getView(page)).fov, {
        message: `a long wheel down should stop at fov ${DEFAULT_FOV_RANGE.max}`,
      })
      .toBe(DEFAULT_FOV_RANGE.max)
    await page.mouse.wheel(0, 1000)
    await page.mouse.wheel(0, -10_000)
    await expect
      .poll(async () => (await getView(page)).fov, {
        message: `a long wheel up should stop at fov ${DEFAULT_FOV_RANGE.min}`,
      })
      .toBe(DEFAULT_FOV_RANGE.min)
    // Past the limit, more wheel in must not pile up: the next wheel out zooms out at once.
    await page.mouse.wheel(0, -1000)
    await page.mouse.wheel(0, 20)
    const last = await nextFov(page, DEFAULT_FOV_RANGE.min)
    expect(last.fov, 'wheel down at the zoom-in limit should zoom out').toBeGreaterThan(
      DEFAULT_FOV_RANGE.min,
    )
  })

  test('arrow and plus-minus keys', async ({ page }) => {
    await openApp(page, { tour: panoramaTour('pano-input-keys') })
    await waitForScene(page, 'pano')
    const stage = page.getByRole('application')
    await stage.focus()
    await expect(stage, 'the panorama stage takes keyboard focus').toBeFocused()
    await setView(page, { yaw: 0, pitch: 0, fov: 75 })

    const cases: { key: string; expected: View }[] = [
      { key: 'ArrowRight', expected: { yaw: 5, pitch: 0, fov: 75 } },
      { key: 'ArrowLeft', expected: { yaw: 0, pitch: 0, fov: 75 } },
      { key: 'ArrowLeft', expected: { yaw: -5, pitch: 0, fov: 75 } },
      { key: 'ArrowUp', expected: { yaw: -5, pitch: 5, fov: 75 } },
      { key: 'ArrowDown', expected: { yaw: -5, pitch: 0, fov: 75 } },
      { key: 'ArrowDown', expected: { yaw: -5, pitch: -5, fov: 75 } },
      { key: '+', expected: { yaw: -5, pitch: -5, fov: 70 } },
      { key: '-', expected: { yaw: -5, pitch: -5, fov: 75 } },
      { key: '-', expected: { yaw: -5, pitch: -5, fov: 80 } },
    ]
    for (const { key, expected } of cases) {
      await page.keyboard.press(key)
      const view = await getView(page)
      for (const field of ['yaw', 'pitch', 'fov'] as const) {
        expect(
          view[field],
          `${field} after ${key} is ${view[field]}, expected ${expected[field]}`,
        ).toBeCloseTo(expected[field], 6)
      }
    }
  })

  test('press released outside stage ends', async ({ page }) => {
    await openApp(page, { tour: panoramaTour('pano-input-release-outside') })
    await waitForScene(page, 'pano')
    // A top-bar button lies over the stage but outside it in the DOM, so a press that starts on
    // the panorama and ends on the button sends its pointerup to the button only.
    const button = await page.locator('.topbar').getByRole('button').first().boundingBox()
    expect(button, 'the top bar has a button').not.toBeNull()
    const x = (button?.x ?? 0) + 20
    const y = (button?.y ?? 0) + (button?.height ?? 0) + 3
    const underPress = await page.evaluate(
      ([px, py]) => document.elementFromPoint(px ?? 0, py ?? 0)?.closest('.stage') !== null,
      [x, y],
    )
    expect(underPress, 'the press starts on the panorama stage').toBe(true)

    // Move less than the drag threshold, so the stage does not capture the pointer.
    await page.mouse.move(x, y)
    await page.mouse.down()
    await page.mouse.move(x, y - 5)
    await page.mouse.up()
    const released = await getView(page)

    await page.mouse.move(x - 300, y + 200, { steps: 10 })
    expect(await getView(page), 'moving the mouse with no button held turned the view').toEqual(
      released,
    )
  })

  test('click ending a drag ignored', async ({ page }) => {
    const tour = panoramaTour('pano-input-click-drag', {
      hotspots: [{ id: 'target', yaw: 0, pitch: 0 }],
    })
    await openApp(page, { tour })
    await waitForScene(page, 'pano')
    const box = await canvasBox(page)
    const icon = await hotspotIconCenter(page, 'target')
    expect(icon, 'the hotspot has a layout box').not.toBeNull()
    const x = box.x + (icon?.x ?? 0)
    const y = box.y + (icon?.y ?? 0)

    // Press on the hotspot, drag away and back, and release over it again: a drag, not a click.
    await page.mouse.move(x, y)
    await page.mouse.down()
    await page.mouse.move(x + 80, y, { steps: 8 })
    await page.mouse.move(x, y, { steps: 8 })
    await page.mouse.up()
    const back = await hotspotIconCenter(page, 'target')
    expect(
      Math.hypot((back?.x ?? 0) + box.x - x, (back?.y ?? 0) + box.y - y),
      'the hotspot is under the pointer again when the drag ends',
    ).toBeLessThan(10)
    expect(
      await emittedEvents(page, 'hotspot-select'),
      'releasing a drag over a hotspot selected it',
    ).toEqual([])
    await expect(page.getByRole('dialog'), 'a card opened after a drag').toHaveCount(0)

    // A plain click on the same spot selects the hotspot, so the check above can fail.
    await page.mouse.click(x, y)
    await expect
      .poll(async () => (await emittedEvents(page, 'hotspot-select')).length, {
        message: 'a plain click on the hotspot should select it',
      })
      .toBe(1)
  })
})

test.describe('panorama touch input', () => {
  test.skip(!hasFixtures, MISSING_FIXTURES_REASON)
  test.use({ hasTouch: true })

  /** Moves two touch points symmetrically about (x, y) from one half-distance to another. */
  async function pinch(
    cdp: CDPSession,
    center: { x: number; y: number },
    fromHalf: number,
    toHalf: number,
  ): Promise<void> {
    const points = (half: number) => [
      { x: center.x - half, y: center.y, id: 0 },
      { x: center.x + half, y: center.y, id: 1 },
    ]
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchStart',
      touchPoints: points(fromHalf),
    })
    const steps = 10
    for (let step = 1; step <= steps; step++) {
      const half = fromHalf + ((toHalf - fromHalf) * step) / steps
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: points(half) })
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
  }

  test('pinch changes the fov', async ({ page }) => {
    await openApp(page, { tour: panoramaTour('pano-input-pinch') })
    await waitForScene(page, 'pano')
    const box = await canvasBox(page)
    const center = { x: box.x + box.width / 2, y: box.y + box.height / 2 }
    const cdp = await page.context().newCDPSession(page)

    const start = await getView(page)
    await pinch(cdp, center, 60, 240)
    const spread = await getView(page)
    expect(spread.fov, 'spreading two fingers should zoom in').toBeLessThan(start.fov)
    expect(
      Math.abs(yawChange(start, spread)),
      'a symmetric pinch turned the view',
    ).toBeLessThanOrEqual(0.5)

    await pinch(cdp, center, 240, 60)
    const pinched = await getView(page)
    expect(pinched.fov, 'pinching two fingers together should zoom out').toBeGreaterThan(spread.fov)
  })
})
