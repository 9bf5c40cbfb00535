import { xrEmulationReady } from './emulation.ts'

/** WebXR session modes the showcase offers. */
export type XRSupportMode = 'immersive-vr' | 'immersive-ar'

/**
 * Why a session mode cannot start: the browser has no WebXR (`no-webxr`), the page is embedded
 * without `allow="xr-spatial-tracking"` (`not-allowed`), or no device offers the mode
 * (`unsupported`).
 */
export type XRUnsupportedReason = 'no-webxr' | 'not-allowed' | 'unsupported'

export interface XRSupport {
  supported: boolean
  reason?: XRUnsupportedReason
}

/** Permissions-policy object of Chromium (`permissionsPolicy`, formerly `featurePolicy`). */
interface PolicyLike {
  allowsFeature?: (feature: string) => boolean
}

/**
 * Returns whether the permissions policy lets this document use WebXR, or null when the browser
 * does not expose the policy (Firefox, Safari), in which case only `isSessionSupported` decides.
 */
export function xrAllowedByPolicy(doc: Document = document): boolean | null {
  try {
    const holder = doc as unknown as { permissionsPolicy?: PolicyLike; featurePolicy?: PolicyLike }
    const policy = holder.permissionsPolicy ?? holder.featurePolicy
    if (typeof policy?.allowsFeature !== 'function') return null
    return policy.allowsFeature('xr-spatial-tracking')
  } catch {
    return null
  }
}

/**
 * Checks whether a WebXR session of `mode` can start here. Never throws or rejects: a browser
 * that throws from `isSessionSupported` (a blocked iframe does) reports `not-allowed`. Without
 * `env`, it checks this page, after the emulator of `?xr=emulate` has been installed.
 */
export async function xrSupport(
  mode: XRSupportMode,
  env?: { nav?: Navigator; doc?: Document },
): Promise<XRSupport> {
  let nav = env?.nav
  let doc = env?.doc
  if (!env) {
    await xrEmulationReady()
    nav = typeof navigator === 'undefined' ? undefined : navigator
    doc = typeof document === 'undefined' ? undefined : document
  }
  const xr = nav?.xr
  if (!xr || typeof xr.isSessionSupported !== 'function') {
    return { supported: false, reason: 'no-webxr' }
  }
  if (doc && xrAllowedByPolicy(doc) === false) return { supported: false, reason: 'not-allowed' }
  try {
    const supported = await xr.isSessionSupported(mode)
    return supported ? { supported: true } : { supported: false, reason: 'unsupported' }
  } catch (error) {
    // Chromium rejects with a SecurityError when the permissions policy blocks WebXR.
    const blocked = error instanceof DOMException && error.name === 'SecurityError'
    return { supported: false, reason: blocked ? 'not-allowed' : 'unsupported' }
  }
}
