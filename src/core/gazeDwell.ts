/** Time a visitor must keep looking at a target before it is selected, in milliseconds. */
export const GAZE_DWELL_MS = 1500

/**
 * A gaze dwell timer for headsets and viewers without a controller: looking at a target for
 * `dwellMs` selects it once. Looking away, or at another target, starts over. The clock is passed
 * in, so the timer runs the same in a frame loop and in a unit test.
 */
export interface GazeDwell<T> {
  /**
   * Reports what the visitor looks at now (null for nothing) and returns the target to select,
   * which is non-null exactly once per completed dwell.
   */
  update(target: T | null): T | null
  /** Fraction of the dwell completed on the current target, from 0 to 1 (0 with no target). */
  readonly progress: number
  /** The target being looked at, or null. */
  readonly target: T | null
  /** Forgets the current target, for example after a scene change. */
  reset(): void
}

export function createGazeDwell<T>(now: () => number, dwellMs = GAZE_DWELL_MS): GazeDwell<T> {
  if (!(dwellMs > 0)) throw new RangeError(`gaze dwell: dwellMs must be positive, got ${dwellMs}`)
  let target: T | null = null
  let startedAt = 0
  let progress = 0
  // A selected target stays selected until the visitor looks away, so it does not fire again.
  let fired = false

  return {
    update(next) {
      const time = now()
      if (next !== target) {
        target = next
        startedAt = time
        progress = 0
        fired = false
        return null
      }
      if (target === null || fired) return null
      progress = Math.min(1, Math.max(0, (time - startedAt) / dwellMs))
      if (progress < 1) return null
      fired = true
      return target
    },
    get progress() {
      return fired ? 1 : progress
    },
    get target() {
      return target
    },
    reset() {
      target = null
      progress = 0
      fired = false
    },
  }
}
