let ready: Promise<void> | null = null

/** True when the page was opened with `?xr=emulate`. */
export function xrEmulationRequested(search = location.search): boolean {
  return new URLSearchParams(search).get('xr') === 'emulate'
}

/**
 * Installs the WebXR emulator when the page was opened with `?xr=emulate`, so an author without a
 * headset can preview the VR layout on a desktop. The emulator is a separate chunk, loaded only
 * then. Resolves once `navigator.xr` is final; a failed load is logged and leaves native WebXR.
 */
export function xrEmulationReady(): Promise<void> {
  if (ready) return ready
  if (typeof location === 'undefined' || !xrEmulationRequested()) {
    ready = Promise.resolve()
    return ready
  }
  ready = import('./emulator.ts').then(
    ({ installEmulator }) => installEmulator(),
    (error: unknown) => console.error('[xr] the WebXR emulator failed to load', error),
  )
  return ready
}
