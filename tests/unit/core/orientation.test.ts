import { describe, expect, it } from 'vitest'
import {
  createOrientationTracking,
  deviceOrientationToYawPitch,
  followOrientation,
  type YawPitch,
} from '../../../src/core/orientation.ts'

function anglesOf(alpha: number, beta: number, gamma: number, screenAngle = 0): YawPitch {
  return deviceOrientationToYawPitch(alpha, beta, gamma, screenAngle, { yaw: 0, pitch: 0 })
}

/** Signed difference between two yaws the short way round, so 180 and -180 compare equal. */
function yawDifference(a: number, b: number): number {
  return ((((a - b + 180) % 360) + 360) % 360) - 180
}

describe('core/orientation', () => {
  describe('deviceOrientationToYawPitch', () => {
    it('upright portrait facing north looks at the horizon', () => {
      const angles = anglesOf(0, 90, 0)
      expect(angles.yaw).toBeCloseTo(0, 9)
      expect(angles.pitch).toBeCloseTo(0, 9)
    })

    it.each([
      [120, 30],
      [150, 60],
      [60, -30],
      [30, -60],
    ])('portrait with beta %d looks at pitch %d', (beta, pitch) => {
      const angles = anglesOf(0, beta, 0)
      expect(angles.pitch).toBeCloseTo(pitch, 9)
      expect(angles.yaw).toBeCloseTo(0, 9)
    })

    it.each([
      [30, -30],
      [90, -90],
      [-90, 90],
      [270, 90],
      [-150, 150],
    ])('turning to alpha %d gives yaw %d', (alpha, yaw) => {
      const angles = anglesOf(alpha, 90, 0)
      expect(yawDifference(angles.yaw, yaw)).toBeCloseTo(0, 9)
      expect(angles.pitch).toBeCloseTo(0, 9)
    })

    it('turning and tilting combine', () => {
      const angles = anglesOf(-45, 110, 0)
      expect(angles.yaw).toBeCloseTo(45, 9)
      expect(angles.pitch).toBeCloseTo(20, 9)
    })

    it('landscape with the top to the left faces north', () => {
      // Device x (the right edge) points up, its top points west and the screen faces south.
      const angles = anglesOf(90, 0, -90, 90)
      expect(angles.yaw).toBeCloseTo(0, 9)
      expect(angles.pitch).toBeCloseTo(0, 9)
    })

    it('landscape with the top to the right faces north', () => {
      const angles = anglesOf(-90, 0, 90, 270)
      expect(angles.yaw).toBeCloseTo(0, 9)
      expect(angles.pitch).toBeCloseTo(0, 9)
    })

    it.each([
      [-110, 20],
      [-70, -20],
    ])('landscape tilted to gamma %d looks at pitch %d', (gamma, pitch) => {
      const angles = anglesOf(90, 0, gamma, 90)
      expect(angles.pitch).toBeCloseTo(pitch, 9)
      expect(angles.yaw).toBeCloseTo(0, 9)
    })

    it('landscape turned right follows the turn', () => {
      // The landscape pose above, turned 30 degrees to the right about the vertical axis.
      const angles = anglesOf(60, 0, -90, 90)
      expect(angles.yaw).toBeCloseTo(30, 9)
      expect(angles.pitch).toBeCloseTo(0, 9)
    })

    it('flat on its back looks straight down, heading along the screen top', () => {
      const north = anglesOf(0, 0, 0)
      expect(north.pitch).toBeCloseTo(-90, 9)
      expect(north.yaw).toBeCloseTo(0, 9)
      const west = anglesOf(90, 0, 0)
      expect(west.yaw).toBeCloseTo(-90, 9)
    })

    it('flat in landscape takes the heading from the turned screen', () => {
      // The device's top points north, but the screen's top is its right edge, which points east.
      const angles = anglesOf(0, 0, 0, 90)
      expect(angles.pitch).toBeCloseTo(-90, 9)
      expect(angles.yaw).toBeCloseTo(90, 9)
    })

    it('heading stays continuous across the straight-down limit', () => {
      for (const alpha of [0, 40, -120]) {
        const nearlyFlat = anglesOf(alpha, 0.5, 0)
        const tilted = anglesOf(alpha, 3, 0)
        expect(yawDifference(nearlyFlat.yaw, -alpha)).toBeCloseTo(0, 6)
        expect(yawDifference(tilted.yaw, -alpha)).toBeCloseTo(0, 6)
      }
    })

    it('writes into the object it is given', () => {
      const out = { yaw: 99, pitch: 99 }
      expect(deviceOrientationToYawPitch(0, 90, 0, 0, out)).toBe(out)
    })
  })

  describe('followOrientation', () => {
    it('first reading leaves the view where it is', () => {
      const tracking = createOrientationTracking()
      const view = { yaw: 50, pitch: 10 }
      followOrientation(tracking, { yaw: -20, pitch: -5 }, view)
      expect(view).toEqual({ yaw: 50, pitch: 10 })
    })

    it('view follows relative motion', () => {
      const tracking = createOrientationTracking()
      const view = { yaw: 50, pitch: 10 }
      followOrientation(tracking, { yaw: -20, pitch: -5 }, view)
      followOrientation(tracking, { yaw: 10, pitch: 5 }, view)
      expect(view.yaw).toBeCloseTo(80, 9)
      expect(view.pitch).toBeCloseTo(20, 9)
    })

    it('yaw wraps past 180', () => {
      const tracking = createOrientationTracking()
      const view = { yaw: 170, pitch: 0 }
      followOrientation(tracking, { yaw: 0, pitch: 0 }, view)
      followOrientation(tracking, { yaw: 20, pitch: 0 }, view)
      expect(view.yaw).toBeCloseTo(-170, 9)
    })

    it('pitch stops at the poles', () => {
      const tracking = createOrientationTracking()
      const view = { yaw: 0, pitch: 40 }
      followOrientation(tracking, { yaw: 0, pitch: 0 }, view)
      followOrientation(tracking, { yaw: 0, pitch: 70 }, view)
      expect(view.pitch).toBe(90)
      followOrientation(tracking, { yaw: 0, pitch: 10 }, view)
      expect(view.pitch).toBeCloseTo(50, 9)
    })

    it('keeps a change made by other input', () => {
      const tracking = createOrientationTracking()
      const view = { yaw: 0, pitch: 0 }
      followOrientation(tracking, { yaw: 5, pitch: 0 }, view)
      followOrientation(tracking, { yaw: 15, pitch: 0 }, view)
      expect(view.yaw).toBeCloseTo(10, 9)
      // A drag turns the view 25 degrees right and 5 up between two readings.
      view.yaw += 25
      view.pitch += 5
      followOrientation(tracking, { yaw: 15, pitch: 0 }, view)
      expect(view.yaw).toBeCloseTo(35, 9)
      expect(view.pitch).toBeCloseTo(5, 9)
      followOrientation(tracking, { yaw: 25, pitch: 0 }, view)
      expect(view.yaw).toBeCloseTo(45, 9)
    })
  })
})
