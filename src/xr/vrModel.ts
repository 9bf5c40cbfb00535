import { useSyncExternalStore } from 'react'
import type { Object3D } from 'three'

let root: Object3D | null = null
const listeners = new Set<() => void>()

/**
 * Sets the root object of the model scene on screen (null when none), which VR places on the
 * floor in front of the visitor. Set by the model scene once its file has loaded.
 */
export function setVRModelRoot(next: Object3D | null): void {
  if (root === next) return
  root = next
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useVRModelRoot(): Object3D | null {
  return useSyncExternalStore(subscribe, () => root)
}
