/**
 * Placement of a model on a real surface in an immersive-ar session, as plain arithmetic so it
 * can be tested without WebXR. Lengths are metres in the session's reference space (+Y up),
 * angles are radians, and a yaw turns about +Y as three.js does (positive turns left, seen from
 * above).
 */

/** Largest side of a model when it first appears, in metres: something that fits on a table. */
export const AR_FIT_SIZE = 0.8
/** How far below and above the fitted size the visitor may scale a model, as factors. */
export const AR_MIN_SCALE_FACTOR = 0.25
export const AR_MAX_SCALE_FACTOR = 4
/** Scale factor of one "larger" or "smaller" step. */
export const AR_SCALE_STEP = 1.25
/** Turn of one "turn left" or "turn right" step, in radians (15°). */
export const AR_TURN_STEP = Math.PI / 12
/**
 * Smallest cosine between a hit surface's normal and +Y for the model to stand on it: 0.94 is
 * about 20°, so floors, tables and gentle slopes qualify and walls do not.
 */
export const MIN_SURFACE_UP = 0.94
/** Distance in front of the visitor at which the model is first placed, until a surface is chosen. */
export const AR_START_DISTANCE = 1.2

export interface Point3 {
  x: number
  y: number
  z: number
}

/** Axis-aligned bounds of a model in its own units. */
export interface Bounds {
  min: Point3
  max: Point3
}

/** Allowed model scales, in model units to metres. `fit` is the scale a model starts at. */
export interface ScaleLimits {
  fit: number
  min: number
  max: number
}

/** Placement of the model: its anchor, turn and scale. */
export interface Placement {
  /** The surface point under the centre of the model's base. */
  anchor: Point3
  yaw: number
  scale: number
}

/**
 * Returns the scale limits for a model: it starts with its largest side at `AR_FIT_SIZE` (never
 * larger than life), and the visitor may scale between a quarter of that and four times that,
 * or up to life size where that is larger. An empty or degenerate model gets scale 1.
 */
export function arScaleLimits(bounds: Bounds): ScaleLimits {
  const largest = Math.max(
    bounds.max.x - bounds.min.x,
    bounds.max.y - bounds.min.y,
    bounds.max.z - bounds.min.z,
  )
  if (!Number.isFinite(largest) || largest <= 0) return { fit: 1, min: 1, max: 1 }
  const fit = Math.min(1, AR_FIT_SIZE / largest)
  return {
    fit,
    min: fit * AR_MIN_SCALE_FACTOR,
    max: Math.max(1, fit * AR_MAX_SCALE_FACTOR),
  }
}

/** Returns `scale` multiplied by `factor` and kept within `limits`. */
export function stepScale(scale: number, factor: number, limits: ScaleLimits): number {
  return Math.min(limits.max, Math.max(limits.min, scale * factor))
}

/** Returns `yaw` turned by `delta`, wrapped into (-π, π]. */
export function turnYaw(yaw: number, delta: number): number {
  const turned = yaw + delta
  const wrapped = turned - 2 * Math.PI * Math.floor((turned + Math.PI) / (2 * Math.PI))
  return wrapped === -Math.PI ? Math.PI : wrapped
}

/** Returns the yaw that turns a model's front (+Z) from `anchor` towards `viewer`. */
export function yawFacing(anchor: Point3, viewer: Point3): number {
  const dx = viewer.x - anchor.x
  const dz = viewer.z - anchor.z
  if (dx * dx + dz * dz < 1e-12) return 0
  return Math.atan2(dx, dz)
}

/**
 * Returns true when a hit-test pose lies on a surface facing up. `matrix` is the pose as a
 * column-major 4×4 matrix (`XRRigidTransform.matrix`, three's `Matrix4.elements`), whose second
 * column is the surface normal for hit-test results.
 */
export function isUpwardSurface(matrix: ArrayLike<number>): boolean {
  const x = matrix[4] ?? 0
  const y = matrix[5] ?? 0
  const z = matrix[6] ?? 0
  const length = Math.hypot(x, y, z)
  return length > 0 && y / length >= MIN_SURFACE_UP
}

/** Writes the translation of a column-major 4×4 matrix into `out` and returns it. */
export function matrixPosition<T extends Point3>(matrix: ArrayLike<number>, out: T): T {
  out.x = matrix[12] ?? 0
  out.y = matrix[13] ?? 0
  out.z = matrix[14] ?? 0
  return out
}

/** Writes the point `distance` metres ahead of the viewer on the floor (y = 0) into `out`. */
export function startAnchor<T extends Point3>(
  viewer: Point3,
  heading: Point3,
  distance: number,
  out: T,
): T {
  const length = Math.hypot(heading.x, heading.z)
  const hx = length > 1e-9 ? heading.x / length : 0
  const hz = length > 1e-9 ? heading.z / length : -1
  out.x = viewer.x + hx * distance
  out.y = 0
  out.z = viewer.z + hz * distance
  return out
}

/**
 * Writes the position of the model's origin into `out` so that the centre of its base (`pivot`,
 * in model units) rests on `placement.anchor` after turning by `placement.yaw` and scaling by
 * `placement.scale`. The model's rotation is then a turn of `yaw` about +Y and its scale
 * `scale` on every axis. Allocates nothing.
 */
export function modelPosition<T extends Point3>(placement: Placement, pivot: Point3, out: T): T {
  const cos = Math.cos(placement.yaw)
  const sin = Math.sin(placement.yaw)
  const px = pivot.x * placement.scale
  const py = pivot.y * placement.scale
  const pz = pivot.z * placement.scale
  // Rotation about +Y: x' = x cos + z sin, z' = -x sin + z cos.
  out.x = placement.anchor.x - (px * cos + pz * sin)
  out.y = placement.anchor.y - py
  out.z = placement.anchor.z - (-px * sin + pz * cos)
  return out
}

/** Returns the centre of the base of `bounds`, which is the point of the model that rests on a surface. */
export function basePivot(bounds: Bounds): Point3 {
  return {
    x: (bounds.min.x + bounds.max.x) / 2,
    y: bounds.min.y,
    z: (bounds.min.z + bounds.max.z) / 2,
  }
}

/**
 * Writes into `out` where a ray from `origin` along `direction` meets the floor (y = 0) and
 * returns it, or returns null when the ray runs level or upwards, or meets the floor further than
 * `maxDistance` metres away. Used to place a model by tapping where no hit-test surfaces exist.
 */
export function rayFloorIntersection<T extends Point3>(
  origin: Point3,
  direction: Point3,
  maxDistance: number,
  out: T,
): T | null {
  if (direction.y >= -1e-6) return null
  const t = -origin.y / direction.y
  if (t < 0) return null
  const length = Math.hypot(direction.x, direction.y, direction.z)
  if (t * length > maxDistance) return null
  out.x = origin.x + direction.x * t
  out.y = 0
  out.z = origin.z + direction.z * t
  return out
}
