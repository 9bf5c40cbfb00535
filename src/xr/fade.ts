/** Length of a fade to or from black around a scene change in VR, in milliseconds. */
export const FADE_MS = 200

/**
 * The black fade in front of the visitor's eyes during a scene change in VR, which avoids a jump
 * between two panoramas. The frame loop moves `opacity` towards `target` and runs `onBlack` once
 * the view is fully black.
 */
export const vrFade: { opacity: number; target: number; onBlack: (() => void) | null } = {
  opacity: 0,
  target: 0,
  onBlack: null,
}

/** Fades to black, then runs `action` (a scene change); the view fades in when the scene is ready. */
export function fadeThen(action: () => void): void {
  if (vrFade.onBlack) return
  vrFade.target = 1
  vrFade.onBlack = action
}
