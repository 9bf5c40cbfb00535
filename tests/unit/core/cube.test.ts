import { describe, expect, it } from 'vitest'
import {
  CUBE_FACES,
  type CubeFace,
  cubeLevels,
  directionToFaceUv,
  type FacePoint,
  FULL_COVERAGE,
  faceUvToDirection,
  isCovered,
  tileIntersectsCoverage,
  tilePath,
  tileRect,
  tilesInFaceRect,
  tilesPerEdge,
  topLevelSize,
} from '../../../src/core/cube.ts'
import { directionToYawPitch, yawPitchToDirection } from '../../../src/core/sphere.ts'

const facePoint = (): FacePoint => ({ face: 'f', u: 0, v: 0 })

function faceAt(yaw: number, pitch: number): FacePoint {
  return directionToFaceUv(yawPitchToDirection(yaw, pitch, { x: 0, y: 0, z: 0 }), facePoint())
}

function yawPitchAt(face: CubeFace, u: number, v: number): { yaw: number; pitch: number } {
  return directionToYawPitch(faceUvToDirection(face, u, v, { x: 0, y: 0, z: 0 }))
}

describe('cube face centres', () => {
  const centres: [CubeFace, number, number][] = [
    ['f', 0, 0],
    ['r', 90, 0],
    ['b', 180, 0],
    ['l', -90, 0],
    ['u', 0, 90],
    ['d', 0, -90],
  ]
  for (const [face, yaw, pitch] of centres) {
    it(`${face} centre is yaw ${yaw} pitch ${pitch}`, () => {
      const point = faceAt(yaw, pitch)
      expect(point.face).toBe(face)
      expect(point.u).toBeCloseTo(0.5, 9)
      expect(point.v).toBeCloseTo(0.5, 9)
      const back = yawPitchAt(face, 0.5, 0.5)
      expect(back.pitch).toBeCloseTo(pitch, 9)
      if (Math.abs(pitch) < 90) expect(back.yaw).toBeCloseTo(yaw, 9)
    })
  }
})

describe('cube face orientation', () => {
  it('side faces have image right toward increasing yaw', () => {
    for (const face of ['f', 'r', 'b', 'l'] as const) {
      const left = yawPitchAt(face, 0.25, 0.5).yaw
      const right = yawPitchAt(face, 0.75, 0.5).yaw
      const delta = (((right - left) % 360) + 360) % 360
      expect(delta, face).toBeGreaterThan(0)
      expect(delta, face).toBeLessThan(180)
    }
  })

  it('side faces have image up toward positive pitch', () => {
    for (const face of ['f', 'r', 'b', 'l'] as const) {
      expect(yawPitchAt(face, 0.5, 0.1).pitch, face).toBeGreaterThan(30)
      expect(yawPitchAt(face, 0.5, 0.9).pitch, face).toBeLessThan(-30)
    }
  })

  it('up face bottom edge meets front top edge', () => {
    for (const u of [0, 0.2, 0.5, 0.8, 1]) {
      const up = faceUvToDirection('u', u, 1, { x: 0, y: 0, z: 0 })
      const front = faceUvToDirection('f', u, 0, { x: 0, y: 0, z: 0 })
      expect(up).toEqual(front)
    }
  })

  it('down face top edge meets front bottom edge', () => {
    for (const u of [0, 0.2, 0.5, 0.8, 1]) {
      const down = faceUvToDirection('d', u, 0, { x: 0, y: 0, z: 0 })
      const front = faceUvToDirection('f', u, 1, { x: 0, y: 0, z: 0 })
      expect(down).toEqual(front)
    }
  })

  it('up and down faces have image right toward +X', () => {
    expect(faceUvToDirection('u', 1, 0.5, { x: 0, y: 0, z: 0 }).x).toBe(1)
    expect(faceUvToDirection('d', 1, 0.5, { x: 0, y: 0, z: 0 }).x).toBe(1)
  })

  it('front right edge meets right left edge', () => {
    for (const v of [0, 0.3, 1]) {
      const front = faceUvToDirection('f', 1, v, { x: 0, y: 0, z: 0 })
      const right = faceUvToDirection('r', 0, v, { x: 0, y: 0, z: 0 })
      expect(front).toEqual(right)
    }
  })
})

describe('cube directions to faces', () => {
  it('front edges land on the face border', () => {
    const rightEdge = faceAt(44.999, 0)
    expect(rightEdge.face).toBe('f')
    expect(rightEdge.u).toBeCloseTo(1, 4)
    const leftEdge = faceAt(-44.999, 0)
    expect(leftEdge.face).toBe('f')
    expect(leftEdge.u).toBeCloseTo(0, 4)
    expect(faceAt(45.001, 0).face).toBe('r')
  })

  it('a cube corner round-trips', () => {
    const corner = faceUvToDirection('f', 1, 0, { x: 0, y: 0, z: 0 })
    const point = directionToFaceUv(corner, facePoint())
    const back = faceUvToDirection(point.face, point.u, point.v, { x: 0, y: 0, z: 0 })
    expect(back.x).toBeCloseTo(corner.x, 12)
    expect(back.y).toBeCloseTo(corner.y, 12)
    expect(back.z).toBeCloseTo(corner.z, 12)
    // The front top-right corner is at yaw 45 and pitch atan(1 / √2).
    const { yaw, pitch } = directionToYawPitch(corner)
    expect(yaw).toBeCloseTo(45, 9)
    expect(pitch).toBeCloseTo(35.2644, 3)
  })

  it('the ±180° seam is the back face centre column', () => {
    const east = faceAt(179.999, 0)
    const west = faceAt(-179.999, 0)
    expect(east.face).toBe('b')
    expect(west.face).toBe('b')
    expect(east.u).toBeLessThan(0.5)
    expect(west.u).toBeGreaterThan(0.5)
    expect(east.u).toBeCloseTo(0.5, 4)
    expect(west.u).toBeCloseTo(0.5, 4)
  })

  it('poles are the up and down face centres for any yaw', () => {
    for (const yaw of [-135, 0, 60, 180]) {
      const top = faceAt(yaw, 90)
      expect(top.face).toBe('u')
      expect(top.u).toBeCloseTo(0.5, 9)
      expect(top.v).toBeCloseTo(0.5, 9)
      expect(faceAt(yaw, -90).face).toBe('d')
    }
  })

  it('near the north pole, yaw 0 is below the centre of u', () => {
    const point = faceAt(0, 80)
    expect(point.face).toBe('u')
    expect(point.u).toBeCloseTo(0.5, 9)
    expect(point.v).toBeGreaterThan(0.5)
    const turnedRight = faceAt(90, 80)
    expect(turnedRight.u).toBeGreaterThan(0.5)
    expect(turnedRight.v).toBeCloseTo(0.5, 9)
  })

  it('every face pixel centre round-trips', () => {
    const point = facePoint()
    const direction = { x: 0, y: 0, z: 0 }
    for (const face of CUBE_FACES) {
      for (let i = 0; i < 16; i++) {
        for (let j = 0; j < 16; j++) {
          const u = (j + 0.5) / 16
          const v = (i + 0.5) / 16
          directionToFaceUv(faceUvToDirection(face, u, v, direction), point)
          expect(point.face).toBe(face)
          expect(point.u).toBeCloseTo(u, 12)
          expect(point.v).toBeCloseTo(v, 12)
        }
      }
    }
  })

  it('a zero direction gives the front centre', () => {
    expect(directionToFaceUv({ x: 0, y: 0, z: 0 }, facePoint())).toEqual({
      face: 'f',
      u: 0.5,
      v: 0.5,
    })
  })
})

describe('cube levels', () => {
  const sizes = (width: number, tileSize = 512) => cubeLevels(width, tileSize).map((l) => l.size)

  it('16384 wide source', () => {
    expect(topLevelSize(16384, 512)).toBe(5120)
    expect(sizes(16384)).toEqual([320, 640, 1280, 2560, 5120])
  })

  it('8192 wide source', () => {
    expect(sizes(8192)).toEqual([320, 640, 1280, 2560])
  })

  it('4096 wide source', () => {
    expect(sizes(4096)).toEqual([384, 768, 1536])
  })

  it('2000 wide source is one level of one tile', () => {
    expect(sizes(2000)).toEqual([512])
  })

  it('small tiles stop at 256 pixels', () => {
    // 16384 / π rounds to 5120 with 256 px tiles too; halving 320 would give 160.
    expect(sizes(16384, 256)).toEqual([320, 640, 1280, 2560, 5120])
  })

  it('rejects a zero width', () => {
    expect(() => cubeLevels(0, 512)).toThrow(/positive/)
  })

  it('tile counts and the smaller last tile', () => {
    expect(tilesPerEdge(5120, 512)).toBe(10)
    expect(tilesPerEdge(320, 512)).toBe(1)
    expect(tilesPerEdge(1536, 512)).toBe(3)
    expect(tilesPerEdge(640, 512)).toBe(2)
    expect(tileRect(640, 512, 1, 1)).toEqual({ x: 512, y: 512, width: 128, height: 128 })
    expect(tileRect(640, 512, 0, 1)).toEqual({ x: 512, y: 0, width: 128, height: 512 })
  })

  it('tiles in a face rectangle', () => {
    expect(tilesInFaceRect(5120, 512, 0, 0, 1, 1)).toEqual({
      rowMin: 0,
      rowMax: 9,
      colMin: 0,
      colMax: 9,
    })
    expect(tilesInFaceRect(5120, 512, 0.25, 0.45, 0.35, 0.55)).toEqual({
      rowMin: 4,
      rowMax: 5,
      colMin: 2,
      colMax: 3,
    })
  })

  it('tile path template', () => {
    expect(tilePath('{level}/{face}/{row}_{col}.jpg', 3, 'u', 2, 7)).toBe('3/u/2_7.jpg')
  })
})

describe('cube coverage', () => {
  const band = { yawMin: -180, yawMax: 180, pitchMin: -27, pitchMax: 27 }

  it('full coverage contains every tile', () => {
    expect(tileIntersectsCoverage('u', 1280, 512, 0, 0, FULL_COVERAGE)).toBe(true)
  })

  it('a ±27° band leaves out the up and down faces', () => {
    for (const face of ['u', 'd'] as const) {
      for (let row = 0; row < 3; row++) {
        for (let col = 0; col < 3; col++) {
          expect(tileIntersectsCoverage(face, 1280, 512, row, col, band)).toBe(false)
        }
      }
    }
  })

  it('a ±27° band keeps the middle rows of side faces', () => {
    // On a 1280 px face the middle row spans v 0.4..0.8, well inside ±27°.
    expect(tileIntersectsCoverage('f', 1280, 512, 1, 0, band)).toBe(true)
    // The top row of a 5120 px face at its centre column reaches from 45° down to about 38.7°.
    expect(tileIntersectsCoverage('f', 5120, 512, 0, 5, band)).toBe(false)
    // Row 2 at the face edge reaches down to pitch ≈ 24°, inside the band.
    expect(tileIntersectsCoverage('f', 5120, 512, 2, 0, band)).toBe(true)
  })

  it('a yaw crop across the seam', () => {
    const crop = { yawMin: 150, yawMax: 210, pitchMin: -90, pitchMax: 90 }
    expect(isCovered(170, 0, crop)).toBe(true)
    expect(isCovered(-170, 0, crop)).toBe(true)
    expect(isCovered(0, 0, crop)).toBe(false)
    expect(isCovered(140, 0, crop, 11)).toBe(true)
    expect(tileIntersectsCoverage('b', 1024, 512, 0, 0, crop)).toBe(true)
    expect(tileIntersectsCoverage('f', 1024, 512, 0, 0, crop)).toBe(false)
  })

  it('never misses a covered tile', () => {
    // Pseudo-random crops and tiles, checked against a dense 65×65 sampling of each tile.
    let seed = 12345
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed / 2147483648
    }
    const direction = { x: 0, y: 0, z: 0 }
    let covered = 0
    for (let trial = 0; trial < 300; trial++) {
      const yawMin = -180 + random() * 360
      const pitchMin = -90 + random() * 150
      const crop = {
        yawMin,
        yawMax: yawMin + 5 + random() * 120,
        pitchMin,
        pitchMax: Math.min(90, pitchMin + 2 + random() * 60),
      }
      const face = CUBE_FACES[Math.floor(random() * 6)] as CubeFace
      const size = [512, 1024, 2560][Math.floor(random() * 3)] as number
      const count = tilesPerEdge(size, 512)
      const row = Math.floor(random() * count)
      const col = Math.floor(random() * count)
      const rect = tileRect(size, 512, row, col)
      let anyInside = false
      for (let i = 0; i <= 64 && !anyInside; i++) {
        for (let j = 0; j <= 64 && !anyInside; j++) {
          const u = (rect.x + (rect.width * j) / 64) / size
          const v = (rect.y + (rect.height * i) / 64) / size
          const { yaw, pitch } = directionToYawPitch(faceUvToDirection(face, u, v, direction))
          anyInside = isCovered(yaw, pitch, crop)
        }
      }
      if (!anyInside) continue
      covered++
      expect(tileIntersectsCoverage(face, size, 512, row, col, crop), JSON.stringify(crop)).toBe(
        true,
      )
    }
    // The table must exercise the covered case often enough to mean something.
    expect(covered).toBeGreaterThan(20)
  })

  it('pitch limits with a margin', () => {
    expect(isCovered(0, 28, band)).toBe(false)
    expect(isCovered(0, 28, band, 2)).toBe(true)
    expect(isCovered(0, -27, band)).toBe(true)
  })
})
