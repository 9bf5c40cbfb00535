import { create } from 'zustand'

/**
 * Mode of the immersive session that is running, or null. The 2D page reads it here because the
 * XR store itself lives in the 3D chunk, which the page shell must not import.
 */
export const useXRStatus = create<{ mode: XRSessionMode | null }>(() => ({ mode: null }))

/** Returns true while an immersive VR session runs. */
export function useInVR(): boolean {
  return useXRStatus((state) => state.mode === 'immersive-vr')
}

/** Starts a VR session; the session code is loaded with the 3D view, so this resolves at once. */
export function requestVR(): Promise<void> {
  return import('./session.ts').then(({ enterVR }) => enterVR())
}

/** Ends the running immersive session, if any. */
export function requestExitXR(): void {
  import('./session.ts').then(({ exitXR }) => exitXR())
}
