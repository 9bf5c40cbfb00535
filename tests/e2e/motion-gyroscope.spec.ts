import type { Page } from '@playwright/test'
import { vi } from '../../src/i18n/catalogs/vi.ts'
import { hasFixtures, MISSING_FIXTURES_REASON } from '../support/fixtures.ts'
import { canvasBox, panoramaTour } from './support/panorama.ts'
import { expect, getView, openApp, test, type View, waitForScene } from './support/test.ts'

/** Returns the signed yaw change from `from` to `to` the short way round, in degrees. */
function yawChange(from: View, to: View): number {
  return ((((to.yaw - from.yaw + 180) % 360) + 360) % 360) - 180
}

interface PermissionCall {
  /** `navigator.userActivation.isActive` at the time of the call: true inside a tap handler. */
  inGesture: boolean
}

/**
 * Gives `DeviceOrientationEvent` the `requestPermission` method of iOS Safari, resolving to
 * `answer` and recording each call on `window.__permissionCalls`.
 */
async function stubPermission(page: Page, answer: 'granted' | 'denied'): Promise<void> {
  await page.addInitScript((result) => {
    const calls: PermissionCall[] = []
    ;(window as unknown as { __permissionCalls: PermissionCall[] }).__permissionCalls = calls
    Object.defineProperty(DeviceOrientationEvent, 'requestPermission', {
      configurable: true,
      value: () => {
        calls.push({ inGesture: navigator.userActivation.isActive })
        return Promise.resolve(result)
      },
    })
  }, answer)
}

function permissionCalls(page: Page): Promise<PermissionCall[]> {
  return page.evaluate(
    () => (window as unknown as { __permissionCalls: PermissionCall[] }).__permissionCalls,
  )
}

/** Sends the page a `deviceorientation` event as a phone's sensors would. */
async function orient(page: Page, alpha: number, beta: number, gamma: number): Promise<void> {
  await page.evaluate(
    (angles) => window.dispatchEvent(new DeviceOrientationEvent('deviceorientation', angles)),
    { alpha, beta, gamma },
  )
}

/** Drags one finger across the middle of the view. */
async function touchDrag(page: Page, dx: number): Promise<void> {
  const box = await canvasBox(page)
  const x = box.x + box.width / 2
  const y = box.y + box.height / 2
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Input.dispatchTouchEvent', {
    type: 'touchStart',
    touchPoints: [{ x, y, id: 0 }],
  })
  for (let step = 1; step <= 10; step++) {
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: [{ x: x + (dx * step) / 10, y, id: 0 }],
    })
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
}

const gyroButton = (page: Page) => page.getByRole('button', { name: vi['motion.gyro'] })

test.describe('gyroscope on a phone', () => {
  test.skip(!hasFixtures, MISSING_FIXTURES_REASON)
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } })

  test('granted permission makes the view follow', async ({ page }) => {
    await stubPermission(page, 'granted')
    await openApp(page, {
      tour: panoramaTour('gyro-granted', { view: { yaw: 40, pitch: 5, fov: 75 } }),
    })
    await waitForScene(page, 'pano')
    expect(await permissionCalls(page), 'permission was requested on load').toEqual([])

    await gyroButton(page).tap()
    await expect(gyroButton(page)).toHaveAttribute('aria-pressed', 'true')
    const calls = await permissionCalls(page)
    expect(calls, 'requestPermission should be called once').toHaveLength(1)
    expect(calls[0]?.inGesture, 'requestPermission was called outside the tap').toBe(true)

    // Upright, facing the device's zero heading: the view stays where it was.
    await orient(page, 0, 90, 0)
    const start = await getView(page)
    expect(start.yaw, 'switching the gyroscope on moved the view').toBeCloseTo(40, 6)
    expect(start.pitch).toBeCloseTo(5, 6)

    // Turning the phone 30 degrees to the right (alpha decreases) turns the view right.
    await orient(page, -30, 90, 0)
    const turned = await getView(page)
    expect(yawChange(start, turned)).toBeCloseTo(30, 3)
    expect(turned.pitch).toBeCloseTo(5, 3)

    // Tilting the top away by 20 degrees looks up.
    await orient(page, -30, 110, 0)
    const tilted = await getView(page)
    expect(tilted.pitch).toBeCloseTo(25, 3)
    expect(yawChange(start, tilted)).toBeCloseTo(30, 3)

    // Switched off, the view no longer follows.
    await gyroButton(page).tap()
    await expect(gyroButton(page)).toHaveAttribute('aria-pressed', 'false')
    await orient(page, 60, 90, 0)
    expect(await getView(page)).toEqual(tilted)
    expect(await permissionCalls(page)).toHaveLength(1)
  })

  test('denied permission shows a message and drag works', async ({ page }) => {
    await stubPermission(page, 'denied')
    await openApp(page, { tour: panoramaTour('gyro-denied') })
    await waitForScene(page, 'pano')
    expect(await permissionCalls(page)).toEqual([])

    await gyroButton(page).tap()
    await expect(page.getByRole('status').getByText(vi['motion.gyro.denied'])).toBeVisible()
    await expect(gyroButton(page)).toHaveAttribute('aria-pressed', 'false')
    expect(await permissionCalls(page)).toHaveLength(1)

    const before = await getView(page)
    await orient(page, -40, 90, 0)
    expect(await getView(page), 'the view followed the sensors after a refusal').toEqual(before)

    await touchDrag(page, 150)
    const after = await getView(page)
    expect(yawChange(before, after), 'dragging right should turn the view left').toBeLessThan(-5)
  })

  test('no readings switch it off with a reason', async ({ page }) => {
    await stubPermission(page, 'granted')
    await openApp(page, { tour: panoramaTour('gyro-silent') })
    await waitForScene(page, 'pano')

    await gyroButton(page).tap()
    await expect(page.getByRole('status').getByText(vi['motion.gyro.no-readings'])).toBeVisible()
    await expect(gyroButton(page)).toHaveAttribute('aria-pressed', 'false')
  })

  test('drag still turns the view while it is on', async ({ page }) => {
    await stubPermission(page, 'granted')
    await openApp(page, { tour: panoramaTour('gyro-drag') })
    await waitForScene(page, 'pano')
    await gyroButton(page).tap()
    await orient(page, 10, 90, 0)
    await expect(gyroButton(page)).toHaveAttribute('aria-pressed', 'true')

    const before = await getView(page)
    await touchDrag(page, 150)
    const dragged = await getView(page)
    const dragTurn = yawChange(before, dragged)
    expect(dragTurn, 'dragging right should turn the view left').toBeLessThan(-5)

    // The next reading starts from the dragged view instead of snapping back.
    await orient(page, 0, 90, 0)
    const after = await getView(page)
    expect(yawChange(before, after)).toBeCloseTo(dragTurn + 10, 3)
  })
})

test.describe('gyroscope on a desktop', () => {
  test.skip(!hasFixtures, MISSING_FIXTURES_REASON)

  test('mouse-only page has no gyroscope button', async ({ page }) => {
    await openApp(page, { tour: panoramaTour('gyro-desktop') })
    await waitForScene(page, 'pano')
    await expect(page.getByRole('button', { name: vi['motion.fullscreen.enter'] })).toBeVisible()
    await expect(gyroButton(page)).toHaveCount(0)
  })
})
