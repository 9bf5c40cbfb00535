/**
 * Spherical maths for panoramas. Angles in the tour file and in views are degrees, following the
 * tour format: yaw 0 is the centre column of an equirectangular image, positive yaw turns right
 * (clockwise seen from above), pitch +90 is straight up. In world space the viewer is at the
 * origin, +Y is up and yaw 0 looks down -Z, so yaw 90 looks down +X.
 */

export const DEG2RAD = Math.PI / 180
export const RAD2DEG = 180 / Math.PI

/** A direction or point in world space; three's `Vector3` satisfies it. */
export interface Vec3 {
  x: number
  y: number
  z: number
}

/** Wraps a yaw in degrees into (-180, 180], so -180 becomes 180. */
export function wrapYaw(yaw: number): number {
  // A yaw already in range is returned exactly: the modulo steps below would add rounding error
  // (-123.4 became -123.39999999999998). Adding 0 turns -0 into 0.
  if (yaw > -180 && yaw <= 180) return yaw + 0
  const wrapped = ((((yaw + 180) % 360) + 360) % 360) - 180
  return wrapped === -180 ? 180 : wrapped
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value))
}

/** Writes the unit direction for a yaw and pitch (degrees) into `out` and returns it. */
export function yawPitchToDirection<T extends Vec3>(yaw: number, pitch: number, out: T): T {
  const yawRad = yaw * DEG2RAD
  const pitchRad = pitch * DEG2RAD
  const cosPitch = Math.cos(pitchRad)
  out.x = Math.sin(yawRad) * cosPitch
  out.y = Math.sin(pitchRad)
  out.z = -Math.cos(yawRad) * cosPitch
  return out
}

/**
 * Returns the yaw and pitch (degrees) of a direction, which need not be normalised. Straight up or
 * down has no defined yaw; 0 is returned there.
 */
export function directionToYawPitch(direction: Vec3): { yaw: number; pitch: number } {
  const length = Math.hypot(direction.x, direction.y, direction.z)
  if (length === 0) return { yaw: 0, pitch: 0 }
  const pitch = Math.asin(clamp(direction.y / length, -1, 1)) * RAD2DEG
  const horizontal = Math.hypot(direction.x, direction.z)
  const yaw = horizontal < 1e-12 ? 0 : wrapYaw(Math.atan2(direction.x, -direction.z) * RAD2DEG)
  return { yaw, pitch }
}

/** Returns the signed yaw change in degrees, in (-180, 180], that turns `from` to `to` the short way. */
export function shortestYawDelta(from: number, to: number): number {
  return wrapYaw(to - from)
}

/** Returns the great-circle angle in degrees between two yaw/pitch points. */
export function angularDistance(
  a: { yaw: number; pitch: number },
  b: { yaw: number; pitch: number },
): number {
  const pitchA = a.pitch * DEG2RAD
  const pitchB = b.pitch * DEG2RAD
  const deltaYaw = (b.yaw - a.yaw) * DEG2RAD
  // Haversine form: stable for small angles, where the cosine form loses precision.
  const h =
    Math.sin((pitchB - pitchA) / 2) ** 2 +
    Math.cos(pitchA) * Math.cos(pitchB) * Math.sin(deltaYaw / 2) ** 2
  return 2 * Math.asin(Math.min(1, Math.sqrt(h))) * RAD2DEG
}

/**
 * Returns the texture coordinate of a yaw and pitch on an equirectangular image, with u growing to
 * the right and v growing downwards from the top row, both in [0, 1].
 */
export function yawPitchToEquirectUv(yaw: number, pitch: number): { u: number; v: number } {
  return { u: 0.5 + wrapYaw(yaw) / 360, v: 0.5 - clamp(pitch, -90, 90) / 180 }
}

/** Returns the horizontal field of view in degrees for a vertical one and an aspect ratio. */
export function horizontalFov(verticalFov: number, aspect: number): number {
  return 2 * Math.atan(Math.tan((verticalFov * DEG2RAD) / 2) * aspect) * RAD2DEG
}
