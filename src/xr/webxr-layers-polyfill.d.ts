/** The package ships JavaScript only; its one export installs the WebXR Layers API on construction. */
declare module 'webxr-layers-polyfill' {
  export default class WebXRLayersPolyfill {
    injected: boolean
  }
}
