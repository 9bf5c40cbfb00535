import type { Page } from '@playwright/test'
import { emittedEvents, expect } from './test.ts'

/** A direction or point in world space (metres; y up, -Z ahead at yaw 0). */
export interface Vec3 {
  x: number
  y: number
  z: number
}

/** Unit direction of a yaw and pitch in degrees, with the app's convention (yaw 0 is -Z). */
export function direction(yaw: number, pitch: number): Vec3 {
  const yawRad = (yaw * Math.PI) / 180
  const pitchRad = (pitch * Math.PI) / 180
  return {
    x: Math.sin(yawRad) * Math.cos(pitchRad),
    y: Math.sin(pitchRad),
    z: -Math.cos(yawRad) * Math.cos(pitchRad),
  }
}

/** Quaternion [x, y, z, w] that turns the -Z axis (where WebXR poses point) towards `to`. */
export function quaternionTowards(to: Vec3): [number, number, number, number] {
  const length = Math.hypot(to.x, to.y, to.z)
  const b = { x: to.x / length, y: to.y / length, z: to.z / length }
  // Rotation from a = (0, 0, -1) to b: axis a × b, angle from a · b.
  const dot = -b.z
  if (dot < -0.999999) return [0, 1, 0, 0]
  const cross = { x: b.y, y: -b.x, z: 0 }
  const w = 1 + dot
  const norm = Math.hypot(cross.x, cross.y, cross.z, w)
  return [cross.x / norm, cross.y / norm, cross.z / norm, w / norm]
}

/** Number of XR frames the app's frame loop has received. */
export function xrFrames(page: Page): Promise<number> {
  return page.evaluate(
    () => (window as unknown as { __showcase: { xrFrames: number } }).__showcase.xrFrames,
  )
}

/** Waits until the app has received `count` more XR frames. */
export async function waitForXRFrames(page: Page, count: number): Promise<void> {
  const start = await xrFrames(page)
  await expect.poll(() => xrFrames(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(start + count)
}

/** Presses "Vào VR" and waits for `xr-start` and the first XR frames. */
export async function enterVR(page: Page): Promise<void> {
  const starts = (await emittedEvents(page, 'xr-start')).length
  await page.getByRole('button', { name: 'Vào VR' }).click()
  await expect.poll(async () => (await emittedEvents(page, 'xr-start')).length).toBe(starts + 1)
  await waitForXRFrames(page, 5)
}

/** Presses "Thoát VR" and waits for `xr-end` and the "Vào VR" button. */
export async function exitVR(page: Page): Promise<void> {
  const ends = (await emittedEvents(page, 'xr-end')).length
  await page.getByRole('button', { name: 'Thoát VR' }).click()
  await expect.poll(async () => (await emittedEvents(page, 'xr-end')).length).toBe(ends + 1)
  await expect(page.getByRole('button', { name: 'Vào VR' })).toBeVisible()
}

/** Distance of hotspot markers from the head in VR (metres), as in src/xr/VRHotspots.tsx. */
export const MARKER_DISTANCE = 2.5

/** World point of a panorama hotspot's marker, seen from the emulated head. */
export async function markerPoint(page: Page, yaw: number, pitch: number): Promise<Vec3> {
  const head = await headPosition(page)
  const d = direction(yaw, pitch)
  return {
    x: head.x + d.x * MARKER_DISTANCE,
    y: head.y + d.y * MARKER_DISTANCE,
    z: head.z + d.z * MARKER_DISTANCE,
  }
}

/** Head position of the emulated headset. */
export function headPosition(page: Page): Promise<Vec3> {
  return page.evaluate(() => {
    const device = (window as unknown as { __showcase: { xrDevice: { position: Vec3 } } })
      .__showcase.xrDevice
    return { x: device.position.x, y: device.position.y, z: device.position.z }
  })
}

/** Turns the emulated head to look along `forward`. */
export async function lookTowards(page: Page, forward: Vec3): Promise<void> {
  const quaternion = quaternionTowards(forward)
  await page.evaluate((q) => {
    const device = (
      window as unknown as {
        __showcase: { xrDevice: { quaternion: { set(...values: number[]): void } } }
      }
    ).__showcase.xrDevice
    device.quaternion.set(q[0], q[1], q[2], q[3])
  }, quaternion)
}

/**
 * Places the right hand 30 cm below and in front of the head, its pointing ray aimed at `target`,
 * then pinches for about `holdMs` and releases, waiting for a frame in between.
 */
export async function pinchRightHandAt(page: Page, target: Vec3, holdMs = 90): Promise<void> {
  const head = await headPosition(page)
  const origin = { x: head.x + 0.15, y: head.y - 0.3, z: head.z - 0.2 }
  const quaternion = quaternionTowards({
    x: target.x - origin.x,
    y: target.y - origin.y,
    z: target.z - origin.z,
  })
  await page.evaluate(
    async ({ origin, q, hold }) => {
      const handle = (
        window as unknown as {
          __showcase: {
            xrFrames: number
            xrDevice: {
              hands: {
                right: {
                  position: { set(...values: number[]): void }
                  quaternion: { set(...values: number[]): void }
                  updatePinchValue(value: number): void
                }
              }
            }
          }
        }
      ).__showcase
      const hand = handle.xrDevice.hands.right
      hand.position.set(origin.x, origin.y, origin.z)
      hand.quaternion.set(q[0], q[1], q[2], q[3])
      const waitFrames = async (count: number) => {
        const start = handle.xrFrames
        while (handle.xrFrames < start + count) await new Promise((r) => setTimeout(r, 5))
      }
      await waitFrames(4)
      const pressedAt = handle.xrFrames
      hand.updatePinchValue(1)
      await new Promise((resolve) => setTimeout(resolve, hold))
      while (handle.xrFrames <= pressedAt) await new Promise((r) => setTimeout(r, 5))
      hand.updatePinchValue(0)
      await waitFrames(3)
    },
    { origin, q: quaternion, hold: holdMs },
  )
}

/**
 * Places the right controller 30 cm below and in front of the head, aimed at `target` (a world
 * point), and waits for frames so the pointer has hovered it.
 */
export async function aimRightController(page: Page, target: Vec3): Promise<void> {
  const head = await headPosition(page)
  const origin = { x: head.x + 0.15, y: head.y - 0.3, z: head.z - 0.2 }
  const quaternion = quaternionTowards({
    x: target.x - origin.x,
    y: target.y - origin.y,
    z: target.z - origin.z,
  })
  await page.evaluate(
    ({ origin, q }) => {
      const device = (
        window as unknown as {
          __showcase: {
            xrDevice: {
              controllers: {
                right: {
                  position: { set(...values: number[]): void }
                  quaternion: { set(...values: number[]): void }
                }
              }
            }
          }
        }
      ).__showcase.xrDevice
      device.controllers.right.position.set(origin.x, origin.y, origin.z)
      device.controllers.right.quaternion.set(q[0], q[1], q[2], q[3])
    },
    { origin, q: quaternion },
  )
  await waitForXRFrames(page, 4)
}

/**
 * Presses the right trigger for `holdMs`, and longer if no XR frame has started meanwhile:
 * the emulator applies a button value at the next frame, so a press and release within one frame
 * would never be seen. A click needs a press shorter than 300 ms.
 */
export async function pressTrigger(page: Page, holdMs = 90): Promise<void> {
  await page.evaluate(async (hold) => {
    const handle = (
      window as unknown as {
        __showcase: {
          xrFrames: number
          xrDevice: { controllers: { right: { updateButtonValue(id: string, v: number): void } } }
        }
      }
    ).__showcase
    const pressedAt = handle.xrFrames
    handle.xrDevice.controllers.right.updateButtonValue('trigger', 1)
    await new Promise((resolve) => setTimeout(resolve, hold))
    while (handle.xrFrames <= pressedAt) await new Promise((resolve) => setTimeout(resolve, 5))
    handle.xrDevice.controllers.right.updateButtonValue('trigger', 0)
  }, holdMs)
  await waitForXRFrames(page, 3)
}

/** World position of the named object in the app's scene graph, or null when it is absent. */
export function objectPosition(page: Page, name: string): Promise<Vec3 | null> {
  return page.evaluate((objectName) => {
    const scene = (
      window as unknown as {
        __showcase: {
          scene: {
            getObjectByName(name: string): {
              getWorldPosition(target: Vec3): Vec3
              position: { clone(): Vec3 }
            } | null
          } | null
        }
      }
    ).__showcase.scene
    const object = scene?.getObjectByName(objectName)
    if (!object) return null
    const point = object.position.clone()
    object.getWorldPosition(point)
    return { x: point.x, y: point.y, z: point.z }
  }, name)
}
