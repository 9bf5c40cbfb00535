import type { Object3D } from 'three'

/**
 * Objects the gaze ray of a visitor without a controller can meet in VR, with what selecting them
 * does. A null action marks an object that only blocks the gaze, such as a panel's background.
 * Controller rays and hand pinches reach the same objects through their `onClick` handlers.
 */
export const gazeTargets = new Map<Object3D, (() => void) | null>()

/** Registers `object` for the gaze ray and returns the function that removes it. */
export function registerGazeTarget(object: Object3D, select: (() => void) | null): () => void {
  gazeTargets.set(object, select)
  return () => {
    if (gazeTargets.get(object) === select) gazeTargets.delete(object)
  }
}
