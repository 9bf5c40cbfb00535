import type { PerspectiveCamera, Quaternion, Vector3 } from 'three'
import { events } from '../analytics/bus.ts'
import type { View } from '../core/view.ts'
import { addNotice } from '../state/actions.ts'
import { requestFrame } from '../state/anchors.ts'
import { useAppStore } from '../state/store.ts'
import { getLiveView, setLiveView } from '../state/view.ts'
import { useXRStatus } from './status.ts'
import { xrStore } from './store.ts'

/** The 2D view before an immersive session, restored when the session ends. */
interface ViewSnapshot {
  sceneId: string | null
  view: View
  position: Vector3
  quaternion: Quaternion
  fov: number
  near: number
  far: number
}

let camera: PerspectiveCamera | null = null
let snapshot: ViewSnapshot | null = null

/** Sets the camera of the 2D view, whose pose the session overwrites and this module restores. */
export function setSessionCamera(next: PerspectiveCamera | null): void {
  camera = next
}

/**
 * Records the 2D view: the scene, the panorama view and the camera pose. Called before a session
 * starts, and again when the scene changes during one, so leaving shows that scene's 2D view.
 */
export function captureView(): void {
  if (!camera) return
  snapshot = {
    sceneId: useAppStore.getState().sceneId,
    view: getLiveView(),
    position: camera.position.clone(),
    quaternion: camera.quaternion.clone(),
    fov: camera.fov,
    near: camera.near,
    far: camera.far,
  }
}

function restoreView(): void {
  const saved = snapshot
  snapshot = null
  if (!saved || !camera) return
  if (saved.sceneId === useAppStore.getState().sceneId) setLiveView(saved.view)
  camera.position.copy(saved.position)
  camera.quaternion.copy(saved.quaternion)
  camera.fov = saved.fov
  camera.near = saved.near
  camera.far = saved.far
  camera.zoom = 1
  camera.updateProjectionMatrix()
  camera.updateMatrixWorld()
  requestFrame()
}

/** Starts an immersive VR session. A failure shows a notice and leaves the 2D view as it was. */
export async function enterVR(): Promise<void> {
  captureView()
  try {
    const session = await xrStore.enterVR()
    if (!session) throw new Error('no session was returned')
  } catch (error) {
    console.error('[xr] the VR session could not start', error)
    snapshot = null
    addNotice('xr.vr.failed')
  }
}

/** Ends the current immersive session, if any. */
export function exitXR(): void {
  const session = xrStore.getState().session
  session?.end().catch((error: unknown) => console.warn('[xr] ending the session failed', error))
}

/**
 * Emits `xr-start` and `xr-end` for every immersive session, whichever button or system started or
 * ended it, and restores the 2D view when a session ends. Each session sends exactly one of each,
 * because both are keyed on the session object. Returns the unsubscribe function.
 */
export function watchXRSessions(): () => void {
  let current: XRSession | undefined
  let mode: 'vr' | 'ar' = 'vr'

  const onChange = (state: ReturnType<typeof xrStore.getState>) => {
    if (state.session === current) return
    const tourId = useAppStore.getState().tour?.id ?? ''
    if (current) {
      current = undefined
      useXRStatus.setState({ mode: null })
      events.emit('xr-end', { tourId, mode })
      restoreView()
    }
    if (state.session) {
      current = state.session
      mode = state.mode === 'immersive-ar' ? 'ar' : 'vr'
      if (!snapshot) captureView()
      useXRStatus.setState({ mode: state.mode })
      events.emit('xr-start', { tourId, mode })
    }
  }
  onChange(xrStore.getState())
  return xrStore.subscribe(onChange)
}
