import { describe, expect, it } from 'vitest'
import { createIdleTimer, type TimerHost } from '../../../src/core/idleTimer.ts'

/** A clock that moves only when the test advances it, firing due timers in order. */
function fakeHost() {
  let time = 0
  let nextId = 1
  const timers = new Map<number, { at: number; callback: () => void }>()
  const host: TimerHost = {
    now: () => time,
    setTimeout(callback, delayMs) {
      const id = nextId++
      timers.set(id, { at: time + delayMs, callback })
      return id
    },
    clearTimeout(handle) {
      timers.delete(handle as number)
    },
  }
  const advance = (ms: number) => {
    const end = time + ms
    for (;;) {
      let due: [number, { at: number; callback: () => void }] | undefined
      for (const entry of timers) {
        if (entry[1].at <= end && (!due || entry[1].at < due[1].at)) due = entry
      }
      if (!due) break
      timers.delete(due[0])
      time = due[1].at
      due[1].callback()
    }
    time = end
  }
  return { host, advance, pending: () => timers.size }
}

describe('idle timer', () => {
  it('fires once after the idle period', () => {
    const clock = fakeHost()
    let fired = 0
    const timer = createIdleTimer({ idleMs: 1000, host: clock.host, onIdle: () => fired++ })
    clock.advance(999)
    expect(fired).toBe(0)
    clock.advance(1)
    expect(fired).toBe(1)
    expect(timer.isIdle).toBe(true)
    clock.advance(10_000)
    expect(fired).toBe(1)
  })

  it('input moves the deadline', () => {
    const clock = fakeHost()
    let fired = 0
    const timer = createIdleTimer({ idleMs: 1000, host: clock.host, onIdle: () => fired++ })
    clock.advance(800)
    timer.activity()
    clock.advance(800)
    expect(fired).toBe(0)
    expect(timer.remainingMs()).toBe(200)
    clock.advance(200)
    expect(fired).toBe(1)
  })

  it('input schedules no extra timers', () => {
    const clock = fakeHost()
    const timer = createIdleTimer({ idleMs: 1000, host: clock.host, onIdle: () => {} })
    for (let index = 0; index < 100; index++) timer.activity()
    expect(clock.pending()).toBe(1)
  })

  it('input after idle starts a new period', () => {
    const clock = fakeHost()
    let fired = 0
    const timer = createIdleTimer({ idleMs: 1000, host: clock.host, onIdle: () => fired++ })
    clock.advance(1000)
    timer.activity()
    expect(timer.isIdle).toBe(false)
    clock.advance(1000)
    expect(fired).toBe(2)
  })

  it('pause stops counting until resume', () => {
    const clock = fakeHost()
    let fired = 0
    const timer = createIdleTimer({ idleMs: 1000, host: clock.host, onIdle: () => fired++ })
    clock.advance(500)
    timer.pause()
    expect(timer.remainingMs()).toBeNull()
    clock.advance(5000)
    expect(fired).toBe(0)
    timer.resume()
    clock.advance(999)
    expect(fired).toBe(0)
    clock.advance(1)
    expect(fired).toBe(1)
  })

  it('late timer still checks the clock', () => {
    const clock = fakeHost()
    let fired = 0
    const timer = createIdleTimer({ idleMs: 1000, host: clock.host, onIdle: () => fired++ })
    clock.advance(900)
    timer.activity()
    // The first timer fires at 1000 and finds 900 ms left, so it re-arms instead of firing.
    clock.advance(100)
    expect(fired).toBe(0)
    clock.advance(900)
    expect(fired).toBe(1)
  })

  it('shorter idle period applies at once', () => {
    const clock = fakeHost()
    let fired = 0
    const timer = createIdleTimer({ idleMs: 90_000, host: clock.host, onIdle: () => fired++ })
    clock.advance(3000)
    timer.setIdleMs(2000)
    expect(fired).toBe(0)
    clock.advance(0)
    expect(fired).toBe(1)
  })

  it('dispose cancels the timer', () => {
    const clock = fakeHost()
    let fired = 0
    const timer = createIdleTimer({ idleMs: 1000, host: clock.host, onIdle: () => fired++ })
    timer.dispose()
    timer.activity()
    clock.advance(5000)
    expect(fired).toBe(0)
    expect(clock.pending()).toBe(0)
  })
})
