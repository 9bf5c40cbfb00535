import { metaQuest3, XRDevice } from 'iwer'
import { showcaseHandle } from '../debug.ts'

/**
 * Replaces `navigator.xr` with an emulated Meta Quest 3 (IWER). Chromium already has a native
 * `navigator.xr`, so the runtime is installed with `forceInstall`. The device is exposed on
 * `window.__showcase.xrDevice`, where tests aim its controllers and press its buttons.
 */
export function installEmulator(): void {
  const device = new XRDevice(metaQuest3)
  device.installRuntime({ forceInstall: true })
  showcaseHandle.xrDevice = device
}
