import type { Vec3 } from '../core/sphere.ts'

/**
 * Hotspot buttons waiting to be placed over the 3D view. The interface registers each button with
 * its point in world space. The frame loop projects the points and moves the buttons by writing
 * styles directly, so no React state changes per frame.
 */
export interface HotspotAnchor {
  element: HTMLElement
  /** World position: a unit direction for panorama hotspots, metres for model hotspots. */
  point: Vec3
}

export const hotspotAnchors = new Map<string, HotspotAnchor>()

/** Set by the viewer: requests a new frame, because the frame loop renders only on demand. */
let frameRequester: () => void = () => {}

export function setFrameRequester(requester: () => void): void {
  frameRequester = requester
}

/** Asks the viewer to draw a frame, for example after the view or an anchor changed. */
export function requestFrame(): void {
  frameRequester()
}

export function registerAnchor(key: string, anchor: HotspotAnchor): () => void {
  hotspotAnchors.set(key, anchor)
  requestFrame()
  return () => {
    if (hotspotAnchors.get(key) === anchor) hotspotAnchors.delete(key)
  }
}
