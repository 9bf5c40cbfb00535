import {
  DEFAULT_FOV_LIMITS,
  DEFAULT_VIEW,
  type FovLimits,
  fovLimitsFor,
  normalizeView,
  type View,
  type ViewCoverage,
} from '../core/view.ts'

/** Coverage of a full sphere, which leaves every view as it is. */
export const FULL_VIEW_COVERAGE: Readonly<ViewCoverage> = Object.freeze({
  yawMin: -180,
  yawMax: 180,
  pitchMin: -90,
  pitchMax: 90,
})

/**
 * The live panorama view. Input handlers and the frame loop mutate it in place, many times a
 * second, so it is kept outside React state. Read it when a value is needed (a share link, a test).
 */
export const liveView: {
  view: View
  limits: FovLimits
  coverage: Readonly<ViewCoverage>
  generation: number
} = {
  view: { ...DEFAULT_VIEW },
  limits: { ...DEFAULT_FOV_LIMITS },
  /** Area of the current panorama's image; the frame loop keeps the view inside it. */
  coverage: FULL_VIEW_COVERAGE,
  /** Increases whenever the view is set from outside (scene change, link), not by input. */
  generation: 0,
}

/** Replaces the live view, as on arrival in a scene, and widens the zoom limits to include it. */
export function setLiveView(view: View): void {
  liveView.view = normalizeView(view)
  liveView.limits = fovLimitsFor(view.fov)
  liveView.generation++
}

/** Returns a copy of the live view. */
export function getLiveView(): View {
  return { ...liveView.view }
}
