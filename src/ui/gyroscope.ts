import {
  createOrientationTracking,
  deviceOrientationToYawPitch,
  followOrientation,
} from '../core/orientation.ts'

/**
 * Wait in milliseconds for the first usable `deviceorientation` event after the gyroscope is
 * switched on. Events never arrive in a cross-origin iframe without the `gyroscope` and
 * `accelerometer` permissions, nor on a device without the sensors.
 */
export const FIRST_READING_TIMEOUT_MS = 2000

/**
 * Outcome of switching on: `on`, `denied` (the visitor or the browser refused the permission),
 * `no-readings` (no event arrived in time) or `off` (switched off again before the first reading).
 */
export type GyroscopeResult = 'on' | 'off' | 'denied' | 'no-readings'

/** The parts of `DeviceOrientationEvent` the gyroscope reads. */
export interface OrientationReading {
  alpha: number | null
  beta: number | null
  gamma: number | null
}

/** Browser parts the gyroscope uses: the page's globals in the app, fakes in tests. */
export interface GyroscopeEnvironment {
  /** Receives `deviceorientation` events: the window. */
  target: EventTarget
  /** `DeviceOrientationEvent.requestPermission` where the browser has it (iOS 13 and later). */
  requestPermission: (() => Promise<string>) | undefined
  /** The screen's rotation from its natural orientation in degrees. */
  screenAngle(): number
  /** The view to move: read on every event, because a scene change replaces it. */
  view(): { yaw: number; pitch: number }
  /** Called after the view has changed. */
  onChange(): void
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export interface Gyroscope {
  /**
   * Switches the gyroscope on. Call it from a click or tap handler: on iOS the permission request
   * it makes counts only inside a user gesture, so it is made before anything is awaited. Resolves
   * with `on` once the first reading has arrived.
   */
  enable(): Promise<GyroscopeResult>
  disable(): void
  readonly active: boolean
}

/**
 * Creates a gyroscope that turns the view as the visitor turns the device. Creating it requests
 * no permission and adds no listener, because only `enable` does.
 */
export function createGyroscope(environment: GyroscopeEnvironment): Gyroscope {
  const tracking = createOrientationTracking()
  const device = { yaw: 0, pitch: 0 }
  let granted = false
  let active = false
  // Settles the pending `enable` call; set from the start of `enable` until its first reading.
  let settle: ((result: GyroscopeResult) => void) | null = null
  let timer: unknown = null
  // Counts `enable` and `disable` calls, so a permission result that comes after the visitor
  // switched off again is dropped.
  let requests = 0

  const onOrientation = (event: Event) => {
    const reading = event as unknown as OrientationReading
    // Desktop Chromium sends one event with null angles when it has no sensor.
    if (reading.beta === null || reading.gamma === null) return
    if (reading.beta === undefined || reading.gamma === undefined) return
    deviceOrientationToYawPitch(
      reading.alpha ?? 0,
      reading.beta,
      reading.gamma,
      environment.screenAngle(),
      device,
    )
    followOrientation(tracking, device, environment.view())
    environment.onChange()
    if (settle) {
      environment.clearTimeout(timer)
      settle('on')
      settle = null
    }
  }

  const stop = () => {
    environment.target.removeEventListener('deviceorientation', onOrientation)
    environment.clearTimeout(timer)
    active = false
  }

  const listen = (): Promise<GyroscopeResult> => {
    tracking.started = false
    active = true
    environment.target.addEventListener('deviceorientation', onOrientation)
    return new Promise((resolve) => {
      settle = resolve
      timer = environment.setTimeout(() => {
        stop()
        settle = null
        resolve('no-readings')
      }, FIRST_READING_TIMEOUT_MS)
    })
  }

  return {
    enable() {
      if (active) return Promise.resolve('on')
      const request = environment.requestPermission
      if (granted || !request) return listen()
      const current = ++requests
      // Called synchronously, still inside the visitor's tap.
      const permission = request()
      return permission.then(
        (state) => {
          if (state !== 'granted') return 'denied'
          granted = true
          return current === requests ? listen() : 'off'
        },
        // Safari rejects the request when it was not made from a user gesture.
        () => 'denied' as const,
      )
    },
    disable() {
      requests++
      if (settle) {
        settle('off')
        settle = null
      }
      stop()
    },
    get active() {
      return active
    },
  }
}

/** Returns true when the browser can report device orientation on a touch device. */
export function gyroscopeAvailable(): boolean {
  if (typeof window === 'undefined' || !('DeviceOrientationEvent' in window)) return false
  // Desktop browsers define the event too, but a desk has no use for look-around by turning.
  return window.matchMedia('(pointer: coarse)').matches
}

/** Returns `DeviceOrientationEvent.requestPermission` bound to its class, where it exists. */
export function orientationPermissionRequest(): (() => Promise<string>) | undefined {
  const eventClass = (
    window as unknown as {
      DeviceOrientationEvent?: { requestPermission?: () => Promise<string> }
    }
  ).DeviceOrientationEvent
  const request = eventClass?.requestPermission
  return typeof request === 'function' ? () => request.call(eventClass) : undefined
}

/** Returns the screen's rotation angle in degrees, 0 where the browser does not report it. */
export function screenOrientationAngle(): number {
  const angle = screen.orientation?.angle
  if (typeof angle === 'number') return angle
  // Older iOS Safari has only the deprecated `window.orientation` (-90, 0, 90 or 180).
  const legacy = (window as unknown as { orientation?: number }).orientation
  return typeof legacy === 'number' ? legacy : 0
}
