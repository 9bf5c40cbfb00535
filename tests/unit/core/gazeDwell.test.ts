import { describe, expect, it } from 'vitest'
import { createGazeDwell, GAZE_DWELL_MS } from '../../../src/core/gazeDwell.ts'

function fakeClock(start = 1000) {
  let time = start
  return {
    now: () => time,
    advance(ms: number) {
      time += ms
    },
  }
}

describe('core/gazeDwell', () => {
  it('selects after the dwell time', () => {
    const clock = fakeClock()
    const dwell = createGazeDwell<string>(clock.now)
    expect(dwell.update('a')).toBeNull()
    clock.advance(GAZE_DWELL_MS - 1)
    expect(dwell.update('a')).toBeNull()
    expect(dwell.progress).toBeCloseTo((GAZE_DWELL_MS - 1) / GAZE_DWELL_MS)
    clock.advance(1)
    expect(dwell.update('a')).toBe('a')
    expect(dwell.progress).toBe(1)
  })

  it('fires once per dwell', () => {
    const clock = fakeClock()
    const dwell = createGazeDwell<string>(clock.now, 100)
    dwell.update('a')
    clock.advance(100)
    expect(dwell.update('a')).toBe('a')
    clock.advance(500)
    expect(dwell.update('a')).toBeNull()
  })

  it('looking away cancels', () => {
    const clock = fakeClock()
    const dwell = createGazeDwell<string>(clock.now, 100)
    dwell.update('a')
    clock.advance(90)
    dwell.update('a')
    expect(dwell.update(null)).toBeNull()
    expect(dwell.progress).toBe(0)
    expect(dwell.target).toBeNull()
    clock.advance(10)
    expect(dwell.update('a')).toBeNull()
    clock.advance(99)
    expect(dwell.update('a')).toBeNull()
    clock.advance(1)
    expect(dwell.update('a')).toBe('a')
  })

  it('another target starts over', () => {
    const clock = fakeClock()
    const dwell = createGazeDwell<string>(clock.now, 100)
    dwell.update('a')
    clock.advance(90)
    expect(dwell.update('b')).toBeNull()
    clock.advance(90)
    expect(dwell.update('b')).toBeNull()
    expect(dwell.target).toBe('b')
    clock.advance(10)
    expect(dwell.update('b')).toBe('b')
  })

  it('fires again after looking away and back', () => {
    const clock = fakeClock()
    const dwell = createGazeDwell<string>(clock.now, 100)
    dwell.update('a')
    clock.advance(100)
    expect(dwell.update('a')).toBe('a')
    dwell.update(null)
    dwell.update('a')
    clock.advance(100)
    expect(dwell.update('a')).toBe('a')
  })

  it('reset forgets the target', () => {
    const clock = fakeClock()
    const dwell = createGazeDwell<string>(clock.now, 100)
    dwell.update('a')
    clock.advance(60)
    dwell.reset()
    expect(dwell.progress).toBe(0)
    dwell.update('a')
    clock.advance(60)
    expect(dwell.update('a')).toBeNull()
  })

  it('a clock going backwards does not select', () => {
    const clock = fakeClock()
    const dwell = createGazeDwell<string>(clock.now, 100)
    dwell.update('a')
    clock.advance(-500)
    expect(dwell.update('a')).toBeNull()
    expect(dwell.progress).toBe(0)
  })

  it('rejects a non-positive dwell time', () => {
    expect(() => createGazeDwell(() => 0, 0)).toThrow(/dwellMs must be positive, got 0/)
  })
})
