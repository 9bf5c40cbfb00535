import { describe, expect, it } from 'vitest'
import {
  applyDrag,
  applyZoom,
  clampViewToCoverage,
  DEFAULT_FOV_LIMITS,
  formatViewTriple,
  fovLimitsFor,
  MAX_MODEL_FRAMING,
  MODEL_FRAMING_ASPECT,
  modelFramingFactor,
  normalizeView,
  parseViewTriple,
  turnView,
  VIEW_FOV_RANGE,
  type View,
} from '../../../src/core/view.ts'

describe('core/view', () => {
  describe('parseViewTriple', () => {
    it.each([
      ['30,-5,75', { yaw: 30, pitch: -5, fov: 75 }],
      ['0,0,10', { yaw: 0, pitch: 0, fov: 10 }],
      ['180,90,120', { yaw: 180, pitch: 90, fov: 120 }],
      ['-180,-90,60', { yaw: 180, pitch: -90, fov: 60 }],
      ['12.5,-7.25,42.5', { yaw: 12.5, pitch: -7.25, fov: 42.5 }],
      [' 30 , -5 , 75 ', { yaw: 30, pitch: -5, fov: 75 }],
    ])('parses %j', (text, expected) => {
      expect(parseViewTriple(text)).toEqual(expected)
    })

    it.each([
      ['letters', 'abc'],
      ['two parts', '1,2'],
      ['four parts', '1,2,75,4'],
      ['empty text', ''],
      ['empty yaw', ',0,75'],
      ['empty pitch', '0,,75'],
      ['empty fov', '0,0,'],
      ['blank part', '0, ,75'],
      ['NaN', 'NaN,0,75'],
      ['Infinity', 'Infinity,0,75'],
      ['-Infinity', '0,-Infinity,75'],
      ['hex number', '0x1E,0,75'],
      ['exponent', '1e1,0,75'],
      ['binary number', '0,0b1,75'],
      ['yaw above 180', '180.1,0,75'],
      ['yaw below -180', '-181,0,75'],
      ['pitch above 90', '0,91,75'],
      ['pitch below -90', '0,-90.5,75'],
      ['fov below 10', '0,0,9.9'],
      ['fov above 120', '0,0,121'],
      ['units', '30deg,0,75'],
    ])('rejects %s', (_name, text) => {
      expect(parseViewTriple(text)).toBeNull()
    })
  })

  describe('formatViewTriple', () => {
    it('rounds to tenths', () => {
      expect(formatViewTriple({ yaw: 30.04, pitch: -5.06, fov: 75 })).toBe('30,-5.1,75')
    })

    it('round trips through parse', () => {
      const view = { yaw: -123.4, pitch: 56.7, fov: 89.1 }
      expect(parseViewTriple(formatViewTriple(view))).toEqual(view)
    })
  })

  describe('applyDrag', () => {
    // At fov 90 on a 900 px view, one pixel at the centre spans 2·tan(45°)/900 rad.
    const centreDegreesPerPixel = (2 / 900) * (180 / Math.PI)

    it('drag right turns left', () => {
      const view: View = { yaw: 0, pitch: 0, fov: 90 }
      applyDrag(view, 100, 0, 900)
      expect(view.yaw).toBeCloseTo(-100 * centreDegreesPerPixel, 12)
    })

    it('drag down looks up', () => {
      const view: View = { yaw: 0, pitch: 0, fov: 90 }
      applyDrag(view, 0, 100, 900)
      expect(view.pitch).toBeCloseTo(100 * centreDegreesPerPixel, 12)
    })

    it('scales with fov', () => {
      const view: View = { yaw: 0, pitch: 0, fov: 45 }
      applyDrag(view, 100, 0, 900)
      const expected = ((2 * Math.tan((22.5 * Math.PI) / 180)) / 900) * (180 / Math.PI) * 100
      expect(view.yaw).toBeCloseTo(-expected, 12)
    })

    it('wraps yaw across seam', () => {
      const view: View = { yaw: -175, pitch: 0, fov: 90 }
      applyDrag(view, 100, 0, 900)
      expect(view.yaw).toBeCloseTo(185 - 100 * centreDegreesPerPixel, 12)
    })

    it('stops pitch at pole', () => {
      const view: View = { yaw: 0, pitch: 85, fov: 90 }
      applyDrag(view, 0, 1000, 900)
      expect(view.pitch).toBe(90)
    })

    it('survives zero-height viewport', () => {
      const view: View = { yaw: 0, pitch: 0, fov: 90 }
      applyDrag(view, 1, 0, 0)
      expect(Number.isFinite(view.yaw)).toBe(true)
    })
  })

  describe('turnView', () => {
    it('wraps yaw', () => {
      const view: View = { yaw: 178, pitch: 0, fov: 75 }
      turnView(view, 5, 0)
      expect(view.yaw).toBeCloseTo(-177, 12)
    })

    it('clamps pitch', () => {
      const view: View = { yaw: 0, pitch: -88, fov: 75 }
      turnView(view, 0, -5)
      expect(view.pitch).toBe(-90)
    })
  })

  describe('applyZoom', () => {
    it('zooms within limits', () => {
      const view: View = { yaw: 0, pitch: 0, fov: 75 }
      applyZoom(view, -5, DEFAULT_FOV_LIMITS)
      expect(view.fov).toBe(70)
    })

    it('stops at minimum', () => {
      const view: View = { yaw: 0, pitch: 0, fov: 32 }
      applyZoom(view, -10, DEFAULT_FOV_LIMITS)
      expect(view.fov).toBe(DEFAULT_FOV_LIMITS.min)
    })

    it('stops at maximum', () => {
      const view: View = { yaw: 0, pitch: 0, fov: 98 }
      applyZoom(view, 10, DEFAULT_FOV_LIMITS)
      expect(view.fov).toBe(DEFAULT_FOV_LIMITS.max)
    })
  })

  describe('fovLimitsFor', () => {
    it('keeps defaults for fov inside them', () => {
      expect(fovLimitsFor(75)).toEqual(DEFAULT_FOV_LIMITS)
    })

    it('widens minimum for close-up', () => {
      expect(fovLimitsFor(15)).toEqual({ min: 15, max: DEFAULT_FOV_LIMITS.max })
    })

    it('widens maximum for wide view', () => {
      expect(fovLimitsFor(110)).toEqual({ min: DEFAULT_FOV_LIMITS.min, max: 110 })
    })

    it('uses given limits', () => {
      expect(fovLimitsFor(50, { min: 60, max: 90 })).toEqual({ min: 50, max: 90 })
    })
  })

  describe('normalizeView', () => {
    it('wraps, clamps and bounds', () => {
      expect(normalizeView({ yaw: 190, pitch: 95, fov: 200 })).toEqual({
        yaw: -170,
        pitch: 90,
        fov: VIEW_FOV_RANGE.max,
      })
    })

    it('uses given fov limits', () => {
      expect(normalizeView({ yaw: 0, pitch: 0, fov: 20 }, DEFAULT_FOV_LIMITS).fov).toBe(30)
    })
  })

  describe('modelFramingFactor', () => {
    it('keeps landscape framing', () => {
      expect(modelFramingFactor(16 / 9)).toBe(1)
    })

    it('keeps the reference aspect', () => {
      expect(modelFramingFactor(MODEL_FRAMING_ASPECT)).toBe(1)
    })

    it('moves back for portrait', () => {
      expect(modelFramingFactor(MODEL_FRAMING_ASPECT / 2)).toBeCloseTo(2, 12)
    })

    it('stops at the maximum', () => {
      expect(modelFramingFactor(0.1)).toBe(MAX_MODEL_FRAMING)
    })

    it('ignores an empty view', () => {
      expect(modelFramingFactor(0)).toBe(1)
    })
  })
})

describe('core/view clampViewToCoverage', () => {
  const band = { yawMin: -180, yawMax: 180, pitchMin: -27, pitchMax: 27 }

  it('leaves a full sphere alone', () => {
    const view = { yaw: 170, pitch: 89, fov: 110 }
    clampViewToCoverage(view, { yawMin: -180, yawMax: 180, pitchMin: -90, pitchMax: 90 }, 2)
    expect(view).toEqual({ yaw: 170, pitch: 89, fov: 110 })
  })

  it('shrinks the fov to the band', () => {
    const view = { yaw: 10, pitch: 0, fov: 75 }
    clampViewToCoverage(view, band, 16 / 9)
    expect(view.fov).toBe(54)
    expect(view.pitch).toBe(0)
  })

  it('keeps the top and bottom edges inside', () => {
    const up = { yaw: 10, pitch: 80, fov: 40 }
    clampViewToCoverage(up, band, 16 / 9)
    expect(up.pitch).toBe(7)
    const down = { yaw: 10, pitch: -80, fov: 40 }
    clampViewToCoverage(down, band, 16 / 9)
    expect(down.pitch).toBe(-7)
    expect(down.yaw, 'a full turn never limits yaw').toBe(10)
  })

  it('does not limit pitch at a pole edge', () => {
    const view = { yaw: 0, pitch: 85, fov: 60 }
    clampViewToCoverage(view, { yawMin: -180, yawMax: 180, pitchMin: -30, pitchMax: 90 }, 1)
    expect(view.pitch).toBe(85)
  })

  it('keeps the corners inside a partial yaw range', () => {
    const coverage = { yawMin: -60, yawMax: 60, pitchMin: -30, pitchMax: 30 }
    const view = { yaw: 90, pitch: 0, fov: 30 }
    clampViewToCoverage(view, coverage, 1)
    // The corner rays of a square view at fov 30 reach 15° of yaw from its centre.
    expect(view.yaw).toBeCloseTo(45, 6)
    const across = { yaw: -100, pitch: 0, fov: 30 }
    clampViewToCoverage(across, { yawMin: 150, yawMax: 240, pitchMin: -30, pitchMax: 30 }, 1)
    expect(across.yaw, 'a range across the seam').toBeCloseTo(-135, 6)
  })
})
