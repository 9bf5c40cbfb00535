/** The package ships JavaScript only. Its one export installs the WebXR Layers API when built. */
declare module 'webxr-layers-polyfill' {
  export default class WebXRLayersPolyfill {
    injected: boolean
  }
}
