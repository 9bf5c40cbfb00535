import { describe, expect, it } from 'vitest'
import {
  angularDistance,
  directionToYawPitch,
  horizontalFov,
  shortestYawDelta,
  type Vec3,
  wrapYaw,
  yawPitchToDirection,
  yawPitchToEquirectUv,
} from '../../../src/core/sphere.ts'

const EPSILON = 1e-9

function direction(yaw: number, pitch: number): Vec3 {
  return yawPitchToDirection(yaw, pitch, { x: 0, y: 0, z: 0 })
}

describe('core/sphere', () => {
  describe('yawPitchToDirection', () => {
    it.each([
      ['yaw 0 looks down -Z', 0, 0, { x: 0, y: 0, z: -1 }],
      ['yaw 90 looks down +X', 90, 0, { x: 1, y: 0, z: 0 }],
      ['yaw -90 looks down -X', -90, 0, { x: -1, y: 0, z: 0 }],
      ['yaw 180 looks down +Z', 180, 0, { x: 0, y: 0, z: 1 }],
      ['pitch 90 looks up', 0, 90, { x: 0, y: 1, z: 0 }],
      ['pitch -90 looks down', 0, -90, { x: 0, y: -1, z: 0 }],
    ])('%s', (_name, yaw, pitch, expected) => {
      const result = direction(yaw, pitch)
      expect(result.x).toBeCloseTo(expected.x, 12)
      expect(result.y).toBeCloseTo(expected.y, 12)
      expect(result.z).toBeCloseTo(expected.z, 12)
    })

    it('writes into and returns out', () => {
      const out = { x: 9, y: 9, z: 9 }
      expect(yawPitchToDirection(0, 0, out)).toBe(out)
    })

    it('returns unit vectors', () => {
      const lengths: number[] = []
      for (let yaw = -180; yaw <= 180; yaw += 15) {
        for (let pitch = -90; pitch <= 90; pitch += 15) {
          const { x, y, z } = direction(yaw, pitch)
          lengths.push(Math.hypot(x, y, z))
        }
      }
      expect(lengths.every((length) => Math.abs(length - 1) < EPSILON)).toBe(true)
    })
  })

  describe('directionToYawPitch', () => {
    it('round trips many angles', () => {
      const mismatches: string[] = []
      for (let yaw = -179; yaw <= 180; yaw += 7) {
        for (let pitch = -89; pitch <= 89; pitch += 4.5) {
          const back = directionToYawPitch(direction(yaw, pitch))
          if (Math.abs(back.yaw - yaw) > EPSILON || Math.abs(back.pitch - pitch) > EPSILON) {
            mismatches.push(`(${yaw}, ${pitch}) -> (${back.yaw}, ${back.pitch})`)
          }
        }
      }
      expect(mismatches).toEqual([])
    })

    it('round trips fractional angles', () => {
      const back = directionToYawPitch(direction(-123.456, 12.345))
      expect(back.yaw).toBeCloseTo(-123.456, 9)
      expect(back.pitch).toBeCloseTo(12.345, 9)
    })

    it('returns yaw 180 for -180', () => {
      expect(directionToYawPitch(direction(-180, 0)).yaw).toBeCloseTo(180, 9)
    })

    it('accepts unnormalised direction', () => {
      expect(directionToYawPitch({ x: 5, y: 0, z: 0 })).toEqual({ yaw: 90, pitch: 0 })
    })

    it('returns yaw 0 at north pole', () => {
      expect(directionToYawPitch({ x: 0, y: 2, z: 0 })).toEqual({ yaw: 0, pitch: 90 })
    })

    it('returns yaw 0 at south pole', () => {
      expect(directionToYawPitch({ x: 0, y: -1, z: 0 })).toEqual({ yaw: 0, pitch: -90 })
    })

    it('keeps pitch at pole from any yaw', () => {
      expect(directionToYawPitch(direction(123, 90)).pitch).toBeCloseTo(90, 9)
    })

    it('returns zero for zero vector', () => {
      expect(directionToYawPitch({ x: 0, y: 0, z: 0 })).toEqual({ yaw: 0, pitch: 0 })
    })
  })

  describe('wrapYaw', () => {
    it.each([
      [0, 0],
      [90, 90],
      [180, 180],
      [-180, 180],
      [190, -170],
      [-190, 170],
      [360, 0],
      [-360, 0],
      [540, 180],
      [-540, 180],
      [720.5, 0.5],
      [-179.5, -179.5],
    ])('wraps %d to %d', (input, expected) => {
      expect(wrapYaw(input)).toBeCloseTo(expected, 12)
    })

    it('keeps in-range values exact', () => {
      expect(wrapYaw(-123.4)).toBe(-123.4)
    })

    it('turns -0 into 0', () => {
      expect(Object.is(wrapYaw(-0), 0)).toBe(true)
    })

    it('stays in (-180, 180]', () => {
      const outside: number[] = []
      for (let yaw = -1080; yaw <= 1080; yaw += 2.5) {
        const wrapped = wrapYaw(yaw)
        if (!(wrapped > -180 && wrapped <= 180)) outside.push(yaw)
      }
      expect(outside).toEqual([])
    })
  })

  describe('shortestYawDelta', () => {
    it.each([
      [170, -170, 20],
      [-170, 170, -20],
      [0, 90, 90],
      [0, 180, 180],
      [10, 10, 0],
    ])('from %d to %d is %d', (from, to, expected) => {
      expect(shortestYawDelta(from, to)).toBeCloseTo(expected, 12)
    })
  })

  describe('angularDistance', () => {
    it.each([
      ['same point', { yaw: 30, pitch: 10 }, { yaw: 30, pitch: 10 }, 0],
      ['quarter turn', { yaw: 0, pitch: 0 }, { yaw: 90, pitch: 0 }, 90],
      ['opposite', { yaw: 0, pitch: 0 }, { yaw: 180, pitch: 0 }, 180],
      ['across seam', { yaw: 179, pitch: 0 }, { yaw: -179, pitch: 0 }, 2],
      ['horizon to pole', { yaw: 45, pitch: 0 }, { yaw: -100, pitch: 90 }, 90],
      ['pole to pole', { yaw: 0, pitch: 90 }, { yaw: 0, pitch: -90 }, 180],
      ['pole at any yaw', { yaw: 0, pitch: 90 }, { yaw: 123, pitch: 90 }, 0],
    ])('%s', (_name, a, b, expected) => {
      expect(angularDistance(a, b)).toBeCloseTo(expected, 9)
    })

    it('keeps small angles precise', () => {
      expect(angularDistance({ yaw: 0, pitch: 0 }, { yaw: 0, pitch: 1e-7 })).toBeCloseTo(1e-7, 15)
    })

    it('is symmetric', () => {
      const a = { yaw: 12, pitch: -30 }
      const b = { yaw: -150, pitch: 45 }
      expect(angularDistance(a, b)).toBeCloseTo(angularDistance(b, a), 12)
    })
  })

  describe('yawPitchToEquirectUv', () => {
    it.each([
      ['yaw 0 is centre column', 0, 0, 0.5, 0.5],
      ['yaw 90 is three quarters', 90, 0, 0.75, 0.5],
      ['yaw -90 is one quarter', -90, 0, 0.25, 0.5],
      ['yaw 180 is right edge', 180, 0, 1, 0.5],
      ['yaw -180 is right edge', -180, 0, 1, 0.5],
      ['pitch 90 is top row', 0, 90, 0.5, 0],
      ['pitch -90 is bottom row', 0, -90, 0.5, 1],
      ['pitch 45 is upper quarter', 0, 45, 0.5, 0.25],
      ['pitch beyond pole is clamped', 0, 120, 0.5, 0],
      ['yaw is wrapped', 450, 0, 0.75, 0.5],
    ])('%s', (_name, yaw, pitch, u, v) => {
      const uv = yawPitchToEquirectUv(yaw, pitch)
      expect(uv.u).toBeCloseTo(u, 12)
      expect(uv.v).toBeCloseTo(v, 12)
    })
  })

  describe('horizontalFov', () => {
    it('equals vertical at aspect 1', () => {
      expect(horizontalFov(90, 1)).toBeCloseTo(90, 12)
    })

    it('widens with aspect', () => {
      // 2·atan(tan(30°)·2) = 98.2132…°
      expect(horizontalFov(60, 2)).toBeCloseTo(98.2132, 4)
    })
  })
})
