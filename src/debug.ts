import type { XRDevice } from 'iwer'
import type { Scene, WebGLRenderer } from 'three'
import { events, type ShowcaseEvent } from './analytics/bus.ts'
import type { View } from './core/view.ts'
import { type KioskState, useKioskStore } from './kiosk/store.ts'
import type { TileStats } from './scene/assets/tileStreamer.ts'
import { requestFrame } from './state/anchors.ts'
import { useAppStore } from './state/store.ts'
import { getLiveView, setLiveView } from './state/view.ts'
import type { ARStage } from './xr/ar/arStage.ts'

/**
 * Automation handle on `window.__showcase` for end-to-end tests, benchmarks and authors' browser
 * consoles. It exposes state the app already has and changes nothing but the view.
 */
export interface ShowcaseHandle {
  /** Every event emitted since the page loaded, oldest first. */
  events: ShowcaseEvent[]
  /** Frames drawn so far; grows only while the view or an animation changes. */
  frames: number
  /** Elapsed time of the current model's animation mixer in seconds, or null without one. */
  animationTime: number | null
  renderer: WebGLRenderer | null
  /** Figures of the tiled panorama on screen, updated in place each frame; null for other scenes. */
  tiles: TileStats | null
  /** The 3D scene graph, for tests that look for objects drawn in WebGL (VR panels, markers). */
  scene: Scene | null
  getView(): View
  setView(view: View): void
  getState(): ReturnType<typeof useAppStore.getState>
  /** Booth state: the attract loop, the staff menu, offline caching and today's visitors. */
  getKioskState(): KioskState
  rendererInfo(): { textures: number; geometries: number; calls: number; triangles: number } | null
  /** The emulated headset when the page was opened with `?xr=emulate`, else null. */
  xrDevice: XRDevice | null
  /** XR frames the frame loop has received since the page loaded. */
  xrFrames: number
  /** The gaze dwell timer while VR selects by gaze (no controller or hand connected), else null. */
  gaze: { readonly progress: number } | null
  /** The model placed in the current AR session, else null. */
  arStage: ARStage | null
}

export const showcaseHandle: ShowcaseHandle = {
  events: [],
  frames: 0,
  animationTime: null,
  renderer: null,
  tiles: null,
  scene: null,
  xrDevice: null,
  xrFrames: 0,
  gaze: null,
  arStage: null,
  getView: getLiveView,
  setView(view) {
    setLiveView(view)
    requestFrame()
  },
  getState: () => useAppStore.getState(),
  getKioskState: () => useKioskStore.getState(),
  rendererInfo() {
    const info = showcaseHandle.renderer?.info
    if (!info) return null
    return {
      textures: info.memory.textures,
      geometries: info.memory.geometries,
      calls: info.render.calls,
      triangles: info.render.triangles,
    }
  },
}

/** Maximum events kept on the handle; older ones are dropped so a long booth session stays small. */
const MAX_RECORDED_EVENTS = 500

export function installShowcaseHandle(): void {
  events.onAny((event) => {
    showcaseHandle.events.push(event)
    if (showcaseHandle.events.length > MAX_RECORDED_EVENTS) showcaseHandle.events.shift()
  })
  ;(window as unknown as { __showcase: ShowcaseHandle }).__showcase = showcaseHandle
}
