import { createXRStore } from '@react-three/xr'
import type { WebGLRenderer } from 'three'

/**
 * The WebXR session store, the one place the app reads session state from. Controller and hand
 * models are looked up under `xr-profiles/` on the app's own site, never on a public CDN.
 */
export const xrStore = createXRStore({
  // The emulator is loaded only on request, by its own entry point, never by default.
  emulate: false,
  // Do not let the browser offer a session on its own before the visitor requests one.
  offerSession: false,
  baseAssetPath: new URL('xr-profiles/', document.baseURI).href,
})

/**
 * Takes removed composition layers out of the session's render state. @react-three/xr 6.6.31
 * resubmits the layer list only when an entry at some index changes, so without this a removed
 * last layer would stay in the list after it is destroyed and cover the next scene. Returns the
 * unsubscribe function.
 */
export function watchLayerRemovals(renderer: WebGLRenderer): () => void {
  return xrStore.subscribe((state, previous) => {
    const session = state.session
    if (!session || state.layerEntries.length >= previous.layerEntries.length) return
    const base = renderer.xr.getBaseLayer()
    if (!session.renderState.layers || !base) return
    const layers: XRLayer[] = state.layerEntries.map((entry) => entry.layer)
    layers.push(base)
    session.updateRenderState({ layers })
  })
}
