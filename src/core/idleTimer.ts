/**
 * The idle timer of a booth: it calls `onIdle` once when no input has been reported for `idleMs`,
 * then waits for the next input before it can fire again. The clock and the timers are injected,
 * so the logic runs in Node and in unit tests without real time passing.
 */

/** Clock and timer functions; the browser passes `Date.now`, `setTimeout` and `clearTimeout`. */
export interface TimerHost {
  now(): number
  setTimeout(callback: () => void, delayMs: number): unknown
  clearTimeout(handle: unknown): void
}

export interface IdleTimer {
  /** Records input. Cheap enough to call on every pointer move: it schedules no new timer. */
  activity(): void
  /** Stops counting, for example while a staff member has the menu open. */
  pause(): void
  /** Starts counting again from now. */
  resume(): void
  /** Changes the idle period; counting restarts from the last input. */
  setIdleMs(idleMs: number): void
  /** True after `onIdle` fired and before the next input. */
  readonly isIdle: boolean
  /** Milliseconds left until `onIdle`, or null while paused or already idle. */
  remainingMs(): number | null
  /** Cancels the pending timer for good. */
  dispose(): void
}

export function createIdleTimer(options: {
  idleMs: number
  host: TimerHost
  onIdle: () => void
}): IdleTimer {
  const { host, onIdle } = options
  let idleMs = options.idleMs
  let lastInput = host.now()
  let handle: unknown = null
  let paused = false
  let idle = false
  let disposed = false

  const cancel = () => {
    if (handle !== null) host.clearTimeout(handle)
    handle = null
  }

  // A timer fires no earlier than asked but may fire late (background tabs are throttled), and
  // input that came in the meantime moved the deadline, so each firing checks the clock again.
  const arm = (delayMs: number) => {
    cancel()
    if (disposed || paused || idle) return
    handle = host.setTimeout(check, Math.max(0, delayMs))
  }

  const check = () => {
    handle = null
    if (disposed || paused || idle) return
    const left = lastInput + idleMs - host.now()
    if (left > 0) {
      arm(left)
      return
    }
    idle = true
    onIdle()
  }

  arm(idleMs)

  return {
    activity() {
      lastInput = host.now()
      if (idle) {
        idle = false
        arm(idleMs)
      } else if (handle === null) {
        arm(idleMs)
      }
    },
    pause() {
      paused = true
      cancel()
    },
    resume() {
      paused = false
      lastInput = host.now()
      arm(idleMs)
    },
    setIdleMs(next) {
      idleMs = next
      arm(lastInput + idleMs - host.now())
    },
    get isIdle() {
      return idle
    },
    remainingMs() {
      if (paused || idle || disposed) return null
      return Math.max(0, lastInput + idleMs - host.now())
    },
    dispose() {
      disposed = true
      cancel()
    },
  }
}
