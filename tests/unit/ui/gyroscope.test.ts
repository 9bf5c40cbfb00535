import { describe, expect, it } from 'vitest'
import {
  createGyroscope,
  FIRST_READING_TIMEOUT_MS,
  type GyroscopeEnvironment,
} from '../../../src/ui/gyroscope.ts'

/** A fake page: an event target, a counted permission request and timers run by hand. */
function fakeEnvironment(permission?: 'granted' | 'denied' | 'reject') {
  const target = new EventTarget()
  const view = { yaw: 30, pitch: -10 }
  const timers = new Map<number, { callback: () => void; at: number }>()
  let now = 0
  let nextTimer = 1
  const counts = { requests: 0, changes: 0 }

  const environment: GyroscopeEnvironment = {
    target,
    requestPermission:
      permission === undefined
        ? undefined
        : () => {
            counts.requests++
            return permission === 'reject'
              ? Promise.reject(new DOMException('not a user gesture', 'NotAllowedError'))
              : Promise.resolve(permission)
          },
    screenAngle: () => 0,
    view: () => view,
    onChange: () => {
      counts.changes++
    },
    setTimeout(callback, ms) {
      const id = nextTimer++
      timers.set(id, { callback, at: now + ms })
      return id
    },
    clearTimeout(handle) {
      timers.delete(handle as number)
    },
  }

  return {
    environment,
    view,
    counts,
    listeners: () => listenerCount(target),
    /** Sends a `deviceorientation` event with the given angles. */
    orient(alpha: number | null, beta: number | null, gamma: number | null) {
      target.dispatchEvent(Object.assign(new Event('deviceorientation'), { alpha, beta, gamma }))
    },
    advance(ms: number) {
      now += ms
      for (const [id, timer] of [...timers]) {
        if (timer.at <= now) {
          timers.delete(id)
          timer.callback()
        }
      }
    },
  }
}

/** Counts `deviceorientation` listeners by dispatching an event that each of them would see. */
function listenerCount(target: EventTarget): number {
  let seen = 0
  const probe = new Event('deviceorientation')
  Object.defineProperty(probe, 'beta', {
    get() {
      seen++
      return null
    },
  })
  target.dispatchEvent(Object.assign(probe, { alpha: null, gamma: null }))
  return seen
}

/** Lets pending promise callbacks run. */
async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve()
}

describe('ui/gyroscope', () => {
  it('asks for nothing until enabled', () => {
    const page = fakeEnvironment('granted')
    const gyroscope = createGyroscope(page.environment)
    expect(page.counts.requests).toBe(0)
    expect(page.listeners()).toBe(0)
    expect(gyroscope.active).toBe(false)
  })

  it('requests permission synchronously inside enable', () => {
    const page = fakeEnvironment('granted')
    const gyroscope = createGyroscope(page.environment)
    void gyroscope.enable()
    // Nothing has been awaited yet, so the request was made inside the caller's tap handler.
    expect(page.counts.requests).toBe(1)
  })

  it('granted permission makes the view follow', async () => {
    const page = fakeEnvironment('granted')
    const gyroscope = createGyroscope(page.environment)
    const result = gyroscope.enable()
    await flush()
    expect(gyroscope.active).toBe(true)

    page.orient(0, 90, 0)
    expect(await result).toBe('on')
    expect(page.view).toEqual({ yaw: 30, pitch: -10 })

    // Turning the device 20 degrees to the right (alpha decreases) turns the view with it.
    page.orient(-20, 90, 0)
    expect(page.view.yaw).toBeCloseTo(50, 9)
    expect(page.view.pitch).toBeCloseTo(-10, 9)
    expect(page.counts.changes).toBe(2)
  })

  it('asks only once when enabled again', async () => {
    const page = fakeEnvironment('granted')
    const gyroscope = createGyroscope(page.environment)
    const first = gyroscope.enable()
    await flush()
    page.orient(0, 90, 0)
    expect(await first).toBe('on')
    gyroscope.disable()
    expect(page.listeners()).toBe(0)

    const second = gyroscope.enable()
    page.orient(10, 90, 0)
    expect(await second).toBe('on')
    expect(page.counts.requests).toBe(1)
  })

  it('denied permission listens to nothing', async () => {
    const page = fakeEnvironment('denied')
    const gyroscope = createGyroscope(page.environment)
    expect(await gyroscope.enable()).toBe('denied')
    expect(page.counts.requests).toBe(1)
    expect(gyroscope.active).toBe(false)
    expect(page.listeners()).toBe(0)
    page.orient(50, 90, 0)
    expect(page.view).toEqual({ yaw: 30, pitch: -10 })
  })

  it('rejected request counts as denied', async () => {
    const page = fakeEnvironment('reject')
    const gyroscope = createGyroscope(page.environment)
    expect(await gyroscope.enable()).toBe('denied')
    expect(gyroscope.active).toBe(false)
  })

  it('works without a permission request', async () => {
    const page = fakeEnvironment()
    const gyroscope = createGyroscope(page.environment)
    const result = gyroscope.enable()
    page.orient(0, 90, 0)
    expect(await result).toBe('on')
  })

  it('switches off when no reading arrives', async () => {
    const page = fakeEnvironment('granted')
    const gyroscope = createGyroscope(page.environment)
    const result = gyroscope.enable()
    await flush()
    // A sensorless desktop sends one event with null angles; it does not count as a reading.
    page.orient(null, null, null)
    page.advance(FIRST_READING_TIMEOUT_MS - 1)
    expect(gyroscope.active).toBe(true)
    page.advance(1)
    expect(await result).toBe('no-readings')
    expect(gyroscope.active).toBe(false)
    expect(page.listeners()).toBe(0)
  })

  it('drops a grant that arrives after disable', async () => {
    const page = fakeEnvironment('granted')
    const gyroscope = createGyroscope(page.environment)
    const result = gyroscope.enable()
    gyroscope.disable()
    expect(await result).toBe('off')
    expect(page.listeners()).toBe(0)
  })
})
