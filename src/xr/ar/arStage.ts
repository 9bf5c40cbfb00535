import { useSyncExternalStore } from 'react'
import type { Object3D } from 'three'
import { showcaseHandle } from '../../debug.ts'
import {
  AR_SCALE_STEP,
  AR_TURN_STEP,
  modelPosition,
  type Placement,
  type Point3,
  type ScaleLimits,
  stepScale,
  turnYaw,
} from './placement.ts'

/**
 * Surface detection state: `searching` until a hit test meets a surface facing up, and `found`
 * while the reticle shows one. It is `unavailable` when the browser offers no hit testing (IWER
 * without its synthetic environment, for one), so a tap places the model on the floor plane.
 */
export type SurfaceStatus = 'searching' | 'found' | 'unavailable'

/** The model placed in the current AR session. Mutated in place; read by tests on `__showcase`. */
export interface ARStage {
  root: Object3D
  /** Model point, in its own units, that rests on the anchor: the centre of its base. */
  pivot: Point3
  limits: ScaleLimits
  placement: Placement
  /** True once the visitor has put the model on a surface or the floor by tapping. */
  placed: boolean
}

let stage: ARStage | null = null
let surface: SurfaceStatus = 'searching'
const listeners = new Set<() => void>()
const position = { x: 0, y: 0, z: 0 }

function notify(): void {
  for (const listener of listeners) listener()
}

/** Returns the stage of the current AR session, or null outside one. */
export function getARStage(): ARStage | null {
  return stage
}

export function setARStage(next: ARStage | null): void {
  stage = next
  showcaseHandle.arStage = next
  if (next) applyPlacement()
  notify()
}

export function setSurfaceStatus(next: SurfaceStatus): void {
  if (surface === next) return
  surface = next
  notify()
}

/** Moves, turns and scales the model to its placement. Allocates nothing. */
export function applyPlacement(): void {
  if (!stage) return
  const { root, placement, pivot } = stage
  modelPosition(placement, pivot, position)
  root.position.set(position.x, position.y, position.z)
  root.rotation.set(0, placement.yaw, 0)
  root.scale.setScalar(placement.scale)
  root.updateMatrixWorld(true)
}

/** Turns the placed model one step: +1 to the left (counter-clockwise from above), -1 right. */
export function turnModel(direction: 1 | -1): void {
  if (!stage) return
  stage.placement.yaw = turnYaw(stage.placement.yaw, direction * AR_TURN_STEP)
  applyPlacement()
}

/** Scales the placed model one step up (+1) or down (-1) within its limits. */
export function scaleModel(direction: 1 | -1): void {
  if (!stage) return
  const factor = direction > 0 ? AR_SCALE_STEP : 1 / AR_SCALE_STEP
  stage.placement.scale = stepScale(stage.placement.scale, factor, stage.limits)
  applyPlacement()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Returns the surface status and whether the model was placed, re-rendering when they change. */
export function useARStatus(): { surface: SurfaceStatus; placed: boolean } {
  const currentSurface = useSyncExternalStore(subscribe, () => surface)
  const placed = useSyncExternalStore(subscribe, () => stage?.placed ?? false)
  return { surface: currentSurface, placed }
}

/** Records that the model was put down by a tap, for the hint shown to the visitor. */
export function markPlaced(): void {
  if (!stage || stage.placed) return
  stage.placed = true
  notify()
}
