import { metaQuest3, XRDevice } from 'iwer'
import WebXRLayersPolyfill from 'webxr-layers-polyfill'
import { showcaseHandle } from '../debug.ts'

type DeviceFeature = (typeof metaQuest3.supportedFeatures)[number]

/**
 * Replaces `navigator.xr` with an emulated Meta Quest 3 (IWER). Chromium already has a native
 * `navigator.xr`, so the runtime is installed with `forceInstall`. The Quest browser supports
 * WebXR layers, which IWER's profile leaves out, so the device adds the `layers` feature and the
 * layers polyfill draws composition layers into the canvas. The device is exposed on
 * `window.__showcase.xrDevice`, where tests aim its controllers and press its buttons.
 */
export function installEmulator(): void {
  const device = new XRDevice({
    ...metaQuest3,
    // IWER's feature type lists no `layers`, but it grants any feature the device lists.
    supportedFeatures: [...metaQuest3.supportedFeatures, 'layers' as DeviceFeature],
  })
  device.installRuntime({ forceInstall: true })
  // IWER 2.5.0's own `polyfillLayers` option installs the polyfill and then puts back its own
  // `XRWebGLBinding`, which cannot create layers. Installed after the runtime, the polyfill's
  // binding stays.
  new WebXRLayersPolyfill()
  showcaseHandle.xrDevice = device
}
