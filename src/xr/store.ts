import { createXRStore } from '@react-three/xr'

/**
 * The WebXR session store. It is created here so the rest of the app has one place to read the
 * session state from; entering VR and AR is offered by the headset interface. Controller and hand
 * models are looked up under `xr-profiles/` on the app's own site, never on a public CDN.
 */
export const xrStore = createXRStore({
  // The emulator is loaded only on request, by its own entry point, never by default.
  emulate: false,
  // Do not let the browser offer a session on its own before the visitor asks for one.
  offerSession: false,
  baseAssetPath: new URL('xr-profiles/', document.baseURI).href,
})
