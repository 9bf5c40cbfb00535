import { clamp, DEG2RAD, RAD2DEG, wrapYaw } from './sphere.ts'

/** A panorama view in degrees: `fov` is the vertical field of view. */
export interface View {
  yaw: number
  pitch: number
  fov: number
}

/** Field-of-view bounds in degrees for zooming by wheel, pinch and keys. */
export interface FovLimits {
  min: number
  max: number
}

/** Zoom range a visitor gets by default. */
export const DEFAULT_FOV_LIMITS: FovLimits = { min: 30, max: 100 }

/** Range a tour file or a URL may ask for; wider than the zoom range so a link can frame a detail. */
export const VIEW_FOV_RANGE: FovLimits = { min: 10, max: 120 }

export const DEFAULT_VIEW: View = { yaw: 0, pitch: 0, fov: 75 }

/** Degrees turned by one arrow-key press. */
export const KEY_TURN_STEP = 5
/** Degrees of field of view changed by one +/- key press. */
export const KEY_ZOOM_STEP = 5
/** Field-of-view change in degrees per pixel of wheel delta. */
export const WHEEL_ZOOM_PER_PIXEL = 0.05

/**
 * Returns the zoom limits for a scene: the defaults, widened to include the fov the scene or link
 * asked for, so a requested close-up is not undone by the first wheel event.
 */
export function fovLimitsFor(
  requestedFov: number,
  limits: FovLimits = DEFAULT_FOV_LIMITS,
): FovLimits {
  return { min: Math.min(limits.min, requestedFov), max: Math.max(limits.max, requestedFov) }
}

/** Returns the view with yaw wrapped, pitch clamped to the poles and fov clamped to `limits`. */
export function normalizeView(view: View, limits: FovLimits = VIEW_FOV_RANGE): View {
  return {
    yaw: wrapYaw(view.yaw),
    pitch: clamp(view.pitch, -90, 90),
    fov: clamp(view.fov, limits.min, limits.max),
  }
}

/**
 * Applies a pointer drag of (dx, dy) CSS pixels to `view` in place, so the image follows the
 * pointer: dragging right turns left, dragging down looks up. The rate is the angle one pixel spans
 * at the centre of a perspective view, so the point under the pointer stays under it there.
 */
export function applyDrag(view: View, dx: number, dy: number, viewportHeight: number): void {
  const radiansPerPixel = (2 * Math.tan((view.fov * DEG2RAD) / 2)) / Math.max(1, viewportHeight)
  const degreesPerPixel = radiansPerPixel * RAD2DEG
  view.yaw = wrapYaw(view.yaw - dx * degreesPerPixel)
  view.pitch = clamp(view.pitch + dy * degreesPerPixel, -90, 90)
}

/** Turns `view` in place by the given yaw and pitch changes in degrees. */
export function turnView(view: View, deltaYaw: number, deltaPitch: number): void {
  view.yaw = wrapYaw(view.yaw + deltaYaw)
  view.pitch = clamp(view.pitch + deltaPitch, -90, 90)
}

/** Applies a zoom of `deltaFov` degrees (positive zooms out) to `view` in place within `limits`. */
export function applyZoom(view: View, deltaFov: number, limits: FovLimits): void {
  view.fov = clamp(view.fov + deltaFov, limits.min, limits.max)
}

const DECIMAL = /^[-+]?(\d+(\.\d*)?|\.\d+)$/

/**
 * Parses a `yaw,pitch,fov` triple as used in the `view` URL parameter. Returns null when it does not
 * hold three finite numbers within the ranges of the tour format.
 */
export function parseViewTriple(text: string): View | null {
  const parts = text.split(',')
  if (parts.length !== 3) return null
  // Plain decimals only: Number() would also take hex, binary and exponent forms.
  const numbers = parts.map((part) => (DECIMAL.test(part.trim()) ? Number(part) : Number.NaN))
  const [yaw, pitch, fov] = numbers
  if (yaw === undefined || pitch === undefined || fov === undefined) return null
  if (!numbers.every(Number.isFinite)) return null
  if (yaw < -180 || yaw > 180 || pitch < -90 || pitch > 90) return null
  if (fov < VIEW_FOV_RANGE.min || fov > VIEW_FOV_RANGE.max) return null
  return { yaw: wrapYaw(yaw), pitch, fov }
}

/** Formats a view for the `view` URL parameter, rounded to 0.1°. */
export function formatViewTriple(view: View): string {
  const round = (value: number) => Math.round(value * 10) / 10
  return `${round(view.yaw)},${round(view.pitch)},${round(view.fov)}`
}

/** Narrowest view aspect (width / height) that a model scene's camera is assumed to be framed for. */
export const MODEL_FRAMING_ASPECT = 1
/** Furthest a model scene's camera is moved back to fit a narrow screen, as a distance factor. */
export const MAX_MODEL_FRAMING = 2

/**
 * Returns how much further from its target a model scene's camera should start on a view of the
 * given aspect, so a scene framed for a landscape screen still fits a portrait phone. Keeping the
 * same width in view needs a distance that grows as the aspect narrows. 1 for landscape views.
 */
export function modelFramingFactor(aspect: number): number {
  if (!(aspect > 0)) return 1
  return clamp(MODEL_FRAMING_ASPECT / aspect, 1, MAX_MODEL_FRAMING)
}

/** The part of the sphere a panorama covers, in degrees; see `Coverage` in cube.ts. */
export interface ViewCoverage {
  yawMin: number
  yawMax: number
  pitchMin: number
  pitchMax: number
}

/**
 * Keeps `view` (changed in place) inside a partial panorama, so the screen never shows the area
 * outside the image: the fov shrinks to the covered height, pitch stays half the fov inside the
 * covered pitch range, and yaw stays inside a covered yaw range narrower than 360°. An edge at a
 * pole does not limit pitch. `aspect` is the viewport's width / height. Allocates nothing.
 */
export function clampViewToCoverage(view: View, coverage: ViewCoverage, aspect: number): void {
  const limitsTop = coverage.pitchMax < 90
  const limitsBottom = coverage.pitchMin > -90
  if (limitsTop || limitsBottom) {
    view.fov = Math.min(view.fov, coverage.pitchMax - coverage.pitchMin)
    const half = view.fov / 2
    // The top and bottom edge centres are the highest and lowest points a view shows, because
    // the screen's corners lie further from the view axis horizontally, which lowers their pitch.
    const low = limitsBottom ? coverage.pitchMin + half : -90
    const high = limitsTop ? coverage.pitchMax - half : 90
    view.pitch = low <= high ? clamp(view.pitch, low, high) : (low + high) / 2
  }

  const yawSpan = coverage.yawMax - coverage.yawMin
  if (yawSpan >= 360) return
  const extent = yawExtent(view, aspect)
  const centre = coverage.yawMin + yawSpan / 2
  const limit = Math.max(0, yawSpan / 2 - extent)
  view.yaw = wrapYaw(centre + clamp(wrapYaw(view.yaw - centre), -limit, limit))
}

/**
 * Returns how far, in degrees of yaw, the screen's corners reach from the view's yaw; 180 when
 * the view shows a pole. The widest yaw offset of a perspective view is at a corner.
 */
function yawExtent(view: View, aspect: number): number {
  const halfHeight = Math.tan((view.fov * DEG2RAD) / 2)
  if (Math.abs(view.pitch) + view.fov / 2 >= 90) return 180
  const halfWidth = halfHeight * aspect
  const pitch = view.pitch * DEG2RAD
  // In camera space a corner ray is (halfWidth, ±halfHeight, -1). Rotating it by the pitch gives
  // its forward component; yaw only turns it about the up axis.
  const forwardTop = Math.cos(pitch) - halfHeight * Math.sin(pitch)
  const forwardBottom = Math.cos(pitch) + halfHeight * Math.sin(pitch)
  return Math.atan2(halfWidth, Math.min(forwardTop, forwardBottom)) * RAD2DEG
}
