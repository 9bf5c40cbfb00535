import { createXRStore } from '@react-three/xr'

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
