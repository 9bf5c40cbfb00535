import { turnView } from '../core/view.ts'
import { CROSSFADE_MS, findScene, goToScene } from '../state/actions.ts'
import { requestFrame } from '../state/anchors.ts'
import { useAppStore } from '../state/store.ts'
import { liveView } from '../state/view.ts'

/** Turning speed of the attract loop, in degrees per second. */
const TURN_DEGREES_PER_SECOND = 4
/** Time spent on each highlight before moving to the next, in milliseconds. */
export const HIGHLIGHT_MS = 25_000
/**
 * Interval between two turning steps, in milliseconds. Twenty steps a second look smooth at this
 * speed and keep a software renderer from drawing at full frame rate all day.
 */
const STEP_MS = 50

let stepTimer: ReturnType<typeof setInterval> | undefined
let highlightTimer: ReturnType<typeof setInterval> | undefined
let lastStep = 0

/** Returns the scenes the attract loop shows: the tour's highlights, or else its start scene. */
export function highlightScenes(): string[] {
  const { tour } = useAppStore.getState()
  if (!tour) return []
  const listed = (tour.kiosk?.highlights ?? []).filter((id) => findScene(tour, id))
  return listed.length > 0 ? listed : [tour.start]
}

function step(): void {
  const now = performance.now()
  const elapsed = Math.min(now - lastStep, 200)
  lastStep = now
  const { tour, sceneId, transition } = useAppStore.getState()
  if (transition || findScene(tour, sceneId)?.kind !== 'panorama') return
  turnView(liveView.view, (TURN_DEGREES_PER_SECOND * elapsed) / 1000, 0)
  requestFrame()
}

/**
 * Starts the slow turn through the highlights at the current scene. The turn moves the live view
 * in place, so it allocates nothing per step.
 */
export function startAttractLoop(): void {
  stopAttractLoop()
  let index = 0
  lastStep = performance.now()
  stepTimer = setInterval(step, STEP_MS)
  highlightTimer = setInterval(() => {
    const scenes = highlightScenes()
    if (scenes.length < 2) return
    index = (index + 1) % scenes.length
    const next = scenes[index]
    // A scene still fading in refuses the change; the next highlight comes a period later.
    if (next !== undefined && !goToScene(next, 'attract')) {
      setTimeout(() => goToScene(next, 'attract'), CROSSFADE_MS)
    }
  }, HIGHLIGHT_MS)
}

export function stopAttractLoop(): void {
  clearInterval(stepTimer)
  clearInterval(highlightTimer)
  stepTimer = undefined
  highlightTimer = undefined
}
