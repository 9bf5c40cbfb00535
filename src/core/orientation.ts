import { clamp, DEG2RAD, RAD2DEG, wrapYaw } from './sphere.ts'

/**
 * Device orientation to panorama view angles. The angles of a `deviceorientation` event follow
 * the W3C DeviceOrientation spec: the device frame has x to the right of the screen, y to its top
 * and z out of the screen towards the visitor; the earth frame has x east, y north and z up; the
 * device frame is the earth frame rotated by alpha about z, then beta about the new x, then gamma
 * about the new y (intrinsic Z-X'-Y''). The camera of a phone looks out of the back, along -z.
 */

/** Yaw and pitch in degrees, in the convention of `View`. */
export interface YawPitch {
  yaw: number
  pitch: number
}

/**
 * Above this share of a unit vector pointing straight up or down, the direction the phone looks
 * in has no usable heading, so the heading is read from the screen's right edge instead.
 */
const VERTICAL_LIMIT = 0.9999

/**
 * Writes the yaw and pitch (degrees) the back of the phone looks towards into `out` and returns
 * it. `alpha`, `beta` and `gamma` are the event's angles in degrees; `screenAngle` is
 * `screen.orientation.angle` (0, 90, 180 or 270). Yaw 0 is the heading where alpha is 0, which is
 * north only for absolute readings; positive yaw turns right. Roll is dropped because panorama
 * views have none. Allocates nothing.
 */
export function deviceOrientationToYawPitch<T extends YawPitch>(
  alpha: number,
  beta: number,
  gamma: number,
  screenAngle: number,
  out: T,
): T {
  const a = alpha * DEG2RAD
  const b = beta * DEG2RAD
  const g = gamma * DEG2RAD
  const cA = Math.cos(a)
  const sA = Math.sin(a)
  const cB = Math.cos(b)
  const sB = Math.sin(b)
  const cG = Math.cos(g)
  const sG = Math.sin(g)

  // Third column of the rotation matrix: the device's z axis (out of the screen) in earth axes.
  const backEast = cA * sG + sA * sB * cG
  const backNorth = sA * sG - cA * sB * cG
  const backUp = cB * cG

  out.pitch = Math.asin(clamp(-backUp, -1, 1)) * RAD2DEG

  if (Math.abs(backUp) < VERTICAL_LIMIT) {
    // The heading of the forward direction (-z): east of north is positive, as yaw is.
    out.yaw = wrapYaw(Math.atan2(-backEast, -backNorth) * RAD2DEG)
    return out
  }

  // Looking straight up or down: the screen's right edge gives the heading, and which edge of the
  // device is the screen's right depends on how the screen is turned.
  // The device's x axis is the first column of the rotation matrix, its y axis the second.
  const xEast = cA * cG - sA * sB * sG
  const xNorth = sA * cG + cA * sB * sG
  const yEast = -sA * cB
  const yNorth = cA * cB
  const s = screenAngle * DEG2RAD
  const rightEast = Math.cos(s) * xEast - Math.sin(s) * yEast
  const rightNorth = Math.cos(s) * xNorth - Math.sin(s) * yNorth
  // For a view with yaw ψ the screen's right points along (east cos ψ, north -sin ψ).
  out.yaw = wrapYaw(Math.atan2(-rightNorth, rightEast) * RAD2DEG)
  return out
}

/**
 * State that ties the device's direction to the view. The view keeps where it was when tracking
 * started and then follows the device's motion; changes made by other input in between (a drag,
 * the keyboard, a scene change) move the offsets, so they are kept too.
 */
export interface OrientationTracking {
  started: boolean
  /** Degrees added to the device's yaw and pitch to give the view's. */
  yawOffset: number
  pitchOffset: number
  /** The view's yaw and pitch as last written by `followOrientation`. */
  lastYaw: number
  lastPitch: number
}

export function createOrientationTracking(): OrientationTracking {
  return { started: false, yawOffset: 0, pitchOffset: 0, lastYaw: 0, lastPitch: 0 }
}

/**
 * Moves `view` in place to follow the device direction `device`. The first call only records the
 * offsets, so switching tracking on does not move the view. Allocates nothing.
 */
export function followOrientation(
  tracking: OrientationTracking,
  device: YawPitch,
  view: YawPitch,
): void {
  if (!tracking.started) {
    tracking.started = true
    tracking.yawOffset = wrapYaw(view.yaw - device.yaw)
    tracking.pitchOffset = view.pitch - device.pitch
  } else {
    // Whatever moved the view since the last call keeps its effect.
    tracking.yawOffset = wrapYaw(tracking.yawOffset + view.yaw - tracking.lastYaw)
    tracking.pitchOffset += view.pitch - tracking.lastPitch
  }
  view.yaw = wrapYaw(device.yaw + tracking.yawOffset)
  view.pitch = clamp(device.pitch + tracking.pitchOffset, -90, 90)
  tracking.lastYaw = view.yaw
  tracking.lastPitch = view.pitch
}
