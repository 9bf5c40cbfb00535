import { describe, expect, it } from 'vitest'
import { rotate } from '../../../bench/lib/harness.ts'
import { horizontalFovDegrees, photoSphereZoomLevel } from '../../../bench/lib/pages.ts'
import { spread } from '../../../bench/lib/report.ts'

describe('field of view conversions', () => {
  it('horizontal fov of 75° vertical at 16:9', () => {
    // tan(37.5°) × 16/9 = 1.3641, and 2 × atan(1.3641) = 107.50°.
    expect(horizontalFovDegrees(75, 16 / 9)).toBeCloseTo(107.5, 1)
  })

  it('horizontal fov equals vertical at 1:1', () => {
    expect(horizontalFovDegrees(75, 1)).toBeCloseTo(75, 10)
  })

  it('PSV zoom level for 75° vertical', () => {
    // Level 0 is maxFov (90°) and 100 is minFov (30°), linearly.
    expect(photoSphereZoomLevel(75)).toBeCloseTo(25, 10)
    expect(photoSphereZoomLevel(90)).toBe(0)
    expect(photoSphereZoomLevel(30)).toBe(100)
  })
})

describe('run statistics', () => {
  it('spread of an odd count', () => {
    expect(spread([30, 10, 20])).toEqual({ median: 20, min: 10, max: 30, count: 3 })
  })

  it('spread of an even count', () => {
    expect(spread([4, 1, 3, 2])?.median).toBe(2.5)
  })

  it('spread skips missing figures', () => {
    expect(spread([null, 5, undefined, Number.NaN])).toEqual({
      median: 5,
      min: 5,
      max: 5,
      count: 1,
    })
    expect(spread([null, null])).toBeNull()
  })

  it('rotate lets each viewer lead once', () => {
    const viewers = ['a', 'b', 'c']
    expect(rotate(viewers, 0)).toEqual(['a', 'b', 'c'])
    expect(rotate(viewers, 1)).toEqual(['b', 'c', 'a'])
    expect(rotate(viewers, 2)).toEqual(['c', 'a', 'b'])
    expect(rotate(viewers, 3)).toEqual(['a', 'b', 'c'])
  })
})
