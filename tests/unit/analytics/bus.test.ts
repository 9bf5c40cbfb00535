import { describe, expect, it } from 'vitest'
import { createEventBus, type ShowcaseEvent } from '../../../src/analytics/bus.ts'

describe('analytics/bus', () => {
  it('delivers a payload to its type', () => {
    const bus = createEventBus()
    const received: unknown[] = []
    bus.on('scene-leave', (payload) => received.push(payload))
    bus.emit('scene-leave', { tourId: 't', sceneId: 'a', dwellMs: 5 })
    bus.emit('tour-load', { tourId: 't', url: 'u', sceneCount: 1 })
    expect(received).toEqual([{ tourId: 't', sceneId: 'a', dwellMs: 5 }])
  })

  it('gives sinks every event with its time', () => {
    const bus = createEventBus({ now: () => 42 })
    const events: ShowcaseEvent[] = []
    bus.onAny((event) => events.push(event))
    bus.emit('xr-start', { tourId: 't', mode: 'vr' })
    expect(events).toEqual([{ type: 'xr-start', payload: { tourId: 't', mode: 'vr' }, time: 42 }])
  })

  it('stops after unsubscribe', () => {
    const bus = createEventBus()
    let count = 0
    const off = bus.on('xr-end', () => count++)
    const offAny = bus.onAny(() => count++)
    off()
    offAny()
    bus.emit('xr-end', { tourId: 't', mode: 'ar' })
    expect(count).toBe(0)
  })

  it('isolates a throwing handler', () => {
    const errors: unknown[] = []
    const bus = createEventBus({ onHandlerError: (error) => errors.push(error) })
    let reached = false
    bus.on('error', () => {
      throw new Error('sink failed')
    })
    bus.onAny(() => {
      reached = true
    })
    bus.emit('error', { code: 'x', message: 'y' })
    expect(reached, 'later handlers still run').toBe(true)
    expect(errors.length, 'errors reported').toBe(1)
  })
})
