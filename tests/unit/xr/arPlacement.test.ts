import { Matrix4, Quaternion, Vector3 } from 'three'
import { describe, expect, it } from 'vitest'
import {
  AR_FIT_SIZE,
  AR_TURN_STEP,
  arScaleLimits,
  type Bounds,
  basePivot,
  isUpwardSurface,
  matrixPosition,
  modelPosition,
  type Placement,
  rayFloorIntersection,
  startAnchor,
  stepScale,
  turnYaw,
  yawFacing,
} from '../../../src/xr/ar/placement.ts'

/** A stilt house 8 m wide, 6 m high and 5 m deep, standing on y = 0 around its origin. */
const HOUSE: Bounds = { min: { x: -4, y: 0, z: -2.5 }, max: { x: 4, y: 6, z: 2.5 } }
/** A 20 cm box whose base sits 10 cm below its origin. */
const BOX: Bounds = { min: { x: -0.1, y: -0.1, z: -0.1 }, max: { x: 0.1, y: 0.1, z: 0.1 } }

/** Returns where a model point lands with three's own transform maths, as a reference. */
function placedPoint(placement: Placement, pivot: { x: number; y: number; z: number }) {
  const origin = modelPosition(placement, pivot, { x: 0, y: 0, z: 0 })
  const matrix = new Matrix4().compose(
    new Vector3(origin.x, origin.y, origin.z),
    new Quaternion().setFromAxisAngle(new Vector3(0, 1, 0), placement.yaw),
    new Vector3(placement.scale, placement.scale, placement.scale),
  )
  return (point: Vector3) => point.clone().applyMatrix4(matrix)
}

describe('xr/ar/placement', () => {
  describe('arScaleLimits', () => {
    it('fits a large model to the table size', () => {
      const limits = arScaleLimits(HOUSE)
      expect(limits.fit).toBeCloseTo(AR_FIT_SIZE / 8, 12)
      expect(limits.min).toBeCloseTo(limits.fit / 4, 12)
      // Four times the fitted size is 0.4, so life size is the largest allowed.
      expect(limits.max).toBe(1)
    })

    it('keeps a small model life size', () => {
      const limits = arScaleLimits(BOX)
      expect(limits.fit).toBe(1)
      expect(limits.min).toBe(0.25)
      expect(limits.max).toBe(4)
    })

    it('gives an empty model scale 1', () => {
      const empty: Bounds = {
        min: { x: Infinity, y: Infinity, z: Infinity },
        max: { x: -Infinity, y: -Infinity, z: -Infinity },
      }
      expect(arScaleLimits(empty)).toEqual({ fit: 1, min: 1, max: 1 })
    })
  })

  describe('stepScale', () => {
    const limits = arScaleLimits(HOUSE)

    it('multiplies within the limits', () => {
      expect(stepScale(limits.fit, 1.25, limits)).toBeCloseTo(limits.fit * 1.25, 12)
    })

    it('stops at the largest scale', () => {
      let scale = limits.fit
      for (let i = 0; i < 40; i++) scale = stepScale(scale, 1.25, limits)
      expect(scale).toBe(limits.max)
    })

    it('stops at the smallest scale', () => {
      let scale = limits.fit
      for (let i = 0; i < 40; i++) scale = stepScale(scale, 1 / 1.25, limits)
      expect(scale).toBe(limits.min)
    })
  })

  describe('turnYaw', () => {
    it('adds a step', () => {
      expect(turnYaw(0, AR_TURN_STEP)).toBeCloseTo(Math.PI / 12, 12)
    })

    it('wraps past half a turn', () => {
      expect(turnYaw(Math.PI - 0.1, 0.3)).toBeCloseTo(-Math.PI + 0.2, 12)
      expect(turnYaw(-Math.PI + 0.1, -0.3)).toBeCloseTo(Math.PI - 0.2, 12)
    })

    it('maps minus half a turn to plus', () => {
      expect(turnYaw(0, -Math.PI)).toBe(Math.PI)
    })

    it('comes back after a full turn of steps', () => {
      let yaw = 0.3
      for (let i = 0; i < 24; i++) yaw = turnYaw(yaw, AR_TURN_STEP)
      expect(yaw).toBeCloseTo(0.3, 9)
    })
  })

  describe('yawFacing', () => {
    it('turns the front towards the viewer', () => {
      const anchor = { x: 1, y: 0, z: -2 }
      const viewer = { x: 1, y: 1.5, z: 0 }
      const yaw = yawFacing(anchor, viewer)
      const front = new Vector3(0, 0, 1).applyAxisAngle(new Vector3(0, 1, 0), yaw)
      expect(front.x).toBeCloseTo(0, 12)
      expect(front.z).toBeCloseTo(1, 12)
    })

    it('handles a viewer to the side', () => {
      const yaw = yawFacing({ x: 0, y: 0, z: 0 }, { x: -3, y: 1.6, z: 0 })
      const front = new Vector3(0, 0, 1).applyAxisAngle(new Vector3(0, 1, 0), yaw)
      expect(front.x).toBeCloseTo(-1, 12)
      expect(front.z).toBeCloseTo(0, 12)
    })

    it('gives 0 for a viewer straight above', () => {
      expect(yawFacing({ x: 2, y: 0, z: 2 }, { x: 2, y: 1.6, z: 2 })).toBe(0)
    })
  })

  describe('isUpwardSurface', () => {
    const pose = (normal: Vector3) =>
      new Matrix4()
        .compose(
          new Vector3(0.5, 0.7, -1),
          new Quaternion().setFromUnitVectors(new Vector3(0, 1, 0), normal.normalize()),
          new Vector3(1, 1, 1),
        )
        .toArray()

    it('accepts a floor', () => {
      expect(isUpwardSurface(pose(new Vector3(0, 1, 0)))).toBe(true)
    })

    it('accepts a gentle slope', () => {
      expect(isUpwardSurface(pose(new Vector3(Math.sin(0.3), Math.cos(0.3), 0)))).toBe(true)
    })

    it('rejects a wall', () => {
      expect(isUpwardSurface(pose(new Vector3(0, 0, 1)))).toBe(false)
    })

    it('rejects a ceiling', () => {
      expect(isUpwardSurface(pose(new Vector3(0, -1, 0)))).toBe(false)
    })
  })

  describe('matrixPosition', () => {
    it('reads the translation of a pose', () => {
      const matrix = new Matrix4().makeTranslation(0.5, 0.7, -1).toArray()
      expect(matrixPosition(matrix, { x: 0, y: 0, z: 0 })).toEqual({ x: 0.5, y: 0.7, z: -1 })
    })
  })

  describe('startAnchor', () => {
    it('stands on the floor ahead of the viewer', () => {
      const anchor = startAnchor({ x: 1, y: 1.6, z: 2 }, { x: 0, y: -0.3, z: -2 }, 1.2, {
        x: 0,
        y: 0,
        z: 0,
      })
      expect(anchor.x).toBeCloseTo(1, 12)
      expect(anchor.y).toBe(0)
      expect(anchor.z).toBeCloseTo(0.8, 12)
    })

    it('looks along -Z when the heading is vertical', () => {
      const anchor = startAnchor({ x: 0, y: 1.6, z: 0 }, { x: 0, y: -1, z: 0 }, 1, {
        x: 0,
        y: 0,
        z: 0,
      })
      expect(anchor).toEqual({ x: 0, y: 0, z: -1 })
    })
  })

  describe('modelPosition', () => {
    it('stands the base centre on the anchor', () => {
      const pivot = basePivot(BOX)
      expect(pivot).toEqual({ x: 0, y: -0.1, z: 0 })
      const placement: Placement = { anchor: { x: 0.5, y: 0.72, z: -1.1 }, yaw: 0.7, scale: 2 }
      const place = placedPoint(placement, pivot)
      const base = place(new Vector3(pivot.x, pivot.y, pivot.z))
      expect(base.x).toBeCloseTo(0.5, 12)
      expect(base.y).toBeCloseTo(0.72, 12)
      expect(base.z).toBeCloseTo(-1.1, 12)
    })

    it('keeps an off-centre base on the anchor when turned and scaled', () => {
      const bounds: Bounds = { min: { x: 2, y: 1, z: -3 }, max: { x: 6, y: 4, z: 1 } }
      const pivot = basePivot(bounds)
      for (const yaw of [0, 1, -2.5, Math.PI]) {
        const placement: Placement = { anchor: { x: -1, y: 0, z: 2 }, yaw, scale: 0.1 }
        const place = placedPoint(placement, pivot)
        const base = place(new Vector3(pivot.x, pivot.y, pivot.z))
        expect(base.x).toBeCloseTo(-1, 12)
        expect(base.y).toBeCloseTo(0, 12)
        expect(base.z).toBeCloseTo(2, 12)
        // The top of the model stands 3 model units above its base, 0.3 m after scaling.
        const top = place(new Vector3(pivot.x, 4, pivot.z))
        expect(top.y).toBeCloseTo(0.3, 12)
      }
    })

    it('turns the model about its base centre', () => {
      const pivot = basePivot(HOUSE)
      const placement: Placement = { anchor: { x: 0, y: 0, z: 0 }, yaw: Math.PI / 2, scale: 0.1 }
      const place = placedPoint(placement, pivot)
      // The house's front-right corner at ground level (+X, +Z) swings to (+Z, -X).
      const corner = place(new Vector3(4, 0, 2.5))
      expect(corner.x).toBeCloseTo(0.25, 12)
      expect(corner.z).toBeCloseTo(-0.4, 12)
    })
  })

  describe('rayFloorIntersection', () => {
    const out = () => ({ x: 0, y: 0, z: 0 })

    it('meets the floor ahead', () => {
      const hit = rayFloorIntersection({ x: 0, y: 1.5, z: 0 }, { x: 0, y: -1, z: -1 }, 10, out())
      expect(hit).not.toBeNull()
      expect(hit?.x).toBeCloseTo(0, 12)
      expect(hit?.y).toBe(0)
      expect(hit?.z).toBeCloseTo(-1.5, 12)
    })

    it('misses when looking level or up', () => {
      expect(rayFloorIntersection({ x: 0, y: 1.5, z: 0 }, { x: 0, y: 0, z: -1 }, 10, out())).toBe(
        null,
      )
      expect(rayFloorIntersection({ x: 0, y: 1.5, z: 0 }, { x: 0, y: 0.2, z: -1 }, 10, out())).toBe(
        null,
      )
    })

    it('misses beyond the distance limit', () => {
      const direction = { x: 0, y: -0.05, z: -1 }
      expect(rayFloorIntersection({ x: 0, y: 1.5, z: 0 }, direction, 10, out())).toBeNull()
      expect(rayFloorIntersection({ x: 0, y: 1.5, z: 0 }, direction, 40, out())).not.toBeNull()
    })

    it('misses from below the floor', () => {
      expect(
        rayFloorIntersection({ x: 0, y: -1, z: 0 }, { x: 0, y: -1, z: 0 }, 10, out()),
      ).toBeNull()
    })
  })
})
