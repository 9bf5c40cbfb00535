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
 * that throws from `isSessionSupported` (a blocked iframe does) reports `not-allowed`.
 */
export async function xrSupport(
  mode: XRSupportMode,
  nav: Navigator | undefined = typeof navigator === 'undefined' ? undefined : navigator,
  doc: Document | undefined = typeof document === 'undefined' ? undefined : document,
): Promise<XRSupport> {
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
