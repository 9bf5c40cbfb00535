/**
 * Cube-face geometry shared by the tiling tool and the tiled viewer. World space follows
 * src/core/sphere.ts: +Y is up, yaw 0 looks down -Z and yaw 90 looks down +X.
 *
 * A face image is addressed by (u, v) in [0, 1], with u growing to the image right and v growing
 * down from the image top. The point on the unit cube is `normal + (2u - 1) * right + (2v - 1) * down`.
 * Side faces are seen from inside with image up = +Y. The up face's bottom edge meets the front
 * face's top edge, and the down face's top edge meets the front face's bottom edge. On both, image
 * right is +X.
 */

import { clamp, DEG2RAD, RAD2DEG, type Vec3, wrapYaw } from './sphere.ts'

/** Face ids as they appear in tile paths: front, right, back, left, up, down. */
export type CubeFace = 'f' | 'r' | 'b' | 'l' | 'u' | 'd'

export const CUBE_FACES: readonly CubeFace[] = ['f', 'r', 'b', 'l', 'u', 'd']

/** Orientation of one face: its centre direction and the directions of image right and down. */
export interface FaceBasis {
  normal: Readonly<Vec3>
  right: Readonly<Vec3>
  down: Readonly<Vec3>
}

const v = (x: number, y: number, z: number): Readonly<Vec3> => Object.freeze({ x, y, z })

export const FACE_BASES: Readonly<Record<CubeFace, FaceBasis>> = Object.freeze({
  f: { normal: v(0, 0, -1), right: v(1, 0, 0), down: v(0, -1, 0) },
  r: { normal: v(1, 0, 0), right: v(0, 0, 1), down: v(0, -1, 0) },
  b: { normal: v(0, 0, 1), right: v(-1, 0, 0), down: v(0, -1, 0) },
  l: { normal: v(-1, 0, 0), right: v(0, 0, -1), down: v(0, -1, 0) },
  u: { normal: v(0, 1, 0), right: v(1, 0, 0), down: v(0, 0, -1) },
  d: { normal: v(0, -1, 0), right: v(1, 0, 0), down: v(0, 0, 1) },
})

/** A point on a face image: u to the right, v down, both in [0, 1]. */
export interface FacePoint {
  face: CubeFace
  u: number
  v: number
}

/**
 * Writes the direction (on the unit cube, not normalised) of a face point into `out` and returns
 * it. Allocates nothing, so it can run per pixel or per frame.
 */
export function faceUvToDirection<T extends Vec3>(face: CubeFace, u: number, v: number, out: T): T {
  const { normal, right, down } = FACE_BASES[face]
  const s = 2 * u - 1
  const t = 2 * v - 1
  out.x = normal.x + s * right.x + t * down.x
  out.y = normal.y + s * right.y + t * down.y
  out.z = normal.z + s * right.z + t * down.z
  return out
}

/**
 * Writes the face and face coordinates hit by a direction into `out` and returns it. The direction
 * need not be normalised. On an edge or corner, where components tie, the face is picked in the
 * order of the largest component with x before y before z, and u and v are the same point either
 * way. A zero direction gives the centre of the front face.
 */
export function directionToFaceUv<T extends FacePoint>(direction: Vec3, out: T): T {
  const ax = Math.abs(direction.x)
  const ay = Math.abs(direction.y)
  const az = Math.abs(direction.z)
  let face: CubeFace
  let major: number
  if (ax >= ay && ax >= az && ax > 0) {
    face = direction.x > 0 ? 'r' : 'l'
    major = ax
  } else if (ay >= az && ay > 0) {
    face = direction.y > 0 ? 'u' : 'd'
    major = ay
  } else if (az > 0) {
    face = direction.z > 0 ? 'b' : 'f'
    major = az
  } else {
    out.face = 'f'
    out.u = 0.5
    out.v = 0.5
    return out
  }
  const { right, down } = FACE_BASES[face]
  const s = (direction.x * right.x + direction.y * right.y + direction.z * right.z) / major
  const t = (direction.x * down.x + direction.y * down.y + direction.z * down.z) / major
  out.face = face
  out.u = clamp((s + 1) / 2, 0, 1)
  out.v = clamp((t + 1) / 2, 0, 1)
  return out
}

/** One resolution level: the face edge in pixels. */
export interface CubeLevel {
  size: number
}

/** Smallest face edge that halving may produce. A top level below it stays the only level. */
export const MIN_LEVEL_SIZE = 256

/**
 * Returns the face size of the top level for an equirectangular source of the given width. It is
 * the width / π, which keeps the source's pixel density at the face centres. The size is rounded
 * to a multiple of the tile size and is never below one tile.
 */
export function topLevelSize(sourceWidth: number, tileSize: number): number {
  if (!(sourceWidth > 0) || !(tileSize > 0)) {
    throw new RangeError(
      `source width and tile size must be positive, got ${sourceWidth} and ${tileSize}`,
    )
  }
  return Math.max(tileSize, Math.round(sourceWidth / Math.PI / tileSize) * tileSize)
}

/**
 * Returns the levels for a source width, lowest resolution first. Each level is half the next
 * (rounded). The list stops at the first size that fits in one tile, or at the last size of at
 * least `MIN_LEVEL_SIZE` when halving again would go below it.
 */
export function cubeLevels(sourceWidth: number, tileSize: number): CubeLevel[] {
  const sizes = [topLevelSize(sourceWidth, tileSize)]
  for (;;) {
    const last = sizes[sizes.length - 1] as number
    if (last <= tileSize) break
    const half = Math.round(last / 2)
    if (half < MIN_LEVEL_SIZE) break
    sizes.push(half)
  }
  return sizes.reverse().map((size) => ({ size }))
}

/** Returns the number of tiles along one face edge at a level. */
export function tilesPerEdge(levelSize: number, tileSize: number): number {
  return Math.ceil(levelSize / tileSize)
}

/** A tile's pixel rectangle on its face; the last row and column may be smaller than a tile. */
export interface TileRect {
  x: number
  y: number
  width: number
  height: number
}

/** Returns the pixel rectangle of tile (row, col) on a face of `levelSize` pixels. */
export function tileRect(levelSize: number, tileSize: number, row: number, col: number): TileRect {
  const x = col * tileSize
  const y = row * tileSize
  return {
    x,
    y,
    width: Math.min(tileSize, levelSize - x),
    height: Math.min(tileSize, levelSize - y),
  }
}

/** Area of the sphere that a panorama covers, in degrees. A full sphere is -180..180 × -90..90. */
export interface Coverage {
  /** Left edge; yawMax - yawMin is the covered width, so a range may cross the ±180° seam. */
  yawMin: number
  yawMax: number
  pitchMin: number
  pitchMax: number
}

export const FULL_COVERAGE: Readonly<Coverage> = Object.freeze({
  yawMin: -180,
  yawMax: 180,
  pitchMin: -90,
  pitchMax: 90,
})

/** True when the coverage is the whole sphere. */
export function isFullCoverage(coverage: Coverage): boolean {
  return (
    coverage.yawMax - coverage.yawMin >= 360 && coverage.pitchMin <= -90 && coverage.pitchMax >= 90
  )
}

/**
 * True when a yaw and pitch (degrees) lie inside the coverage grown by `marginDegrees` of arc.
 * The yaw margin is widened by 1 / cos(pitch) so it stays the same arc length away from the
 * equator.
 */
export function isCovered(
  yaw: number,
  pitch: number,
  coverage: Coverage,
  marginDegrees = 0,
): boolean {
  if (pitch < coverage.pitchMin - marginDegrees || pitch > coverage.pitchMax + marginDegrees) {
    return false
  }
  const width = coverage.yawMax - coverage.yawMin
  if (width >= 360) return true
  const cosPitch = Math.cos(pitch * DEG2RAD)
  const yawMargin = cosPitch > 1e-6 ? marginDegrees / cosPitch : 360
  // Angle from the left edge going right, in [0, 360).
  const fromMin = (((yaw - coverage.yawMin) % 360) + 360) % 360
  if (fromMin <= width + yawMargin) return true
  return 360 - fromMin <= yawMargin
}

/** Samples per tile edge used by `tileIntersectsCoverage`. */
const COVERAGE_SAMPLES = 16

/**
 * True when any part of a tile may lie inside the coverage. The tile is sampled on a grid, and the
 * coverage is grown by the largest distance from a tile point to its nearest sample. So a tile
 * that touches the coverage is never reported as outside. A tile just outside the edge may be
 * reported as inside, which only costs one tile that is never seen.
 */
export function tileIntersectsCoverage(
  face: CubeFace,
  levelSize: number,
  tileSize: number,
  row: number,
  col: number,
  coverage: Coverage,
): boolean {
  if (isFullCoverage(coverage)) return true
  const rect = tileRect(levelSize, tileSize, row, col)
  // Every point of the tile lies within half a sample cell's diagonal of a sample. A face pixel
  // subtends at most 2 / levelSize radians (at the face centre, less elsewhere).
  const stepPixels = Math.max(rect.width, rect.height) / COVERAGE_SAMPLES
  const margin = (((stepPixels * Math.SQRT2) / 2) * 2 * RAD2DEG) / levelSize
  const direction = { x: 0, y: 0, z: 0 }
  for (let i = 0; i <= COVERAGE_SAMPLES; i++) {
    for (let j = 0; j <= COVERAGE_SAMPLES; j++) {
      const u = (rect.x + (rect.width * j) / COVERAGE_SAMPLES) / levelSize
      const v = (rect.y + (rect.height * i) / COVERAGE_SAMPLES) / levelSize
      faceUvToDirection(face, u, v, direction)
      const { yaw, pitch } = directionYawPitch(direction)
      if (isCovered(yaw, pitch, coverage, margin)) return true
    }
  }
  return false
}

function directionYawPitch(direction: Vec3): { yaw: number; pitch: number } {
  const horizontal = Math.hypot(direction.x, direction.z)
  const pitch = Math.atan2(direction.y, horizontal) * RAD2DEG
  const yaw = horizontal < 1e-12 ? 0 : wrapYaw(Math.atan2(direction.x, -direction.z) * RAD2DEG)
  return { yaw, pitch }
}

/** Inclusive range of tile rows and columns. */
export interface TileRange {
  rowMin: number
  rowMax: number
  colMin: number
  colMax: number
}

/**
 * Returns the tiles of a level that a face rectangle (u and v in [0, 1], min before max) touches.
 * Coordinates outside [0, 1] are clamped to the face.
 */
export function tilesInFaceRect(
  levelSize: number,
  tileSize: number,
  uMin: number,
  vMin: number,
  uMax: number,
  vMax: number,
): TileRange {
  const last = tilesPerEdge(levelSize, tileSize) - 1
  const index = (t: number) => clamp(Math.floor((clamp(t, 0, 1) * levelSize) / tileSize), 0, last)
  return { rowMin: index(vMin), rowMax: index(vMax), colMin: index(uMin), colMax: index(uMax) }
}

/** Fills a descriptor's tile path template, such as `{level}/{face}/{row}_{col}.jpg`. */
export function tilePath(
  template: string,
  level: number,
  face: CubeFace,
  row: number,
  col: number,
): string {
  return template
    .replaceAll('{level}', String(level))
    .replaceAll('{face}', face)
    .replaceAll('{row}', String(row))
    .replaceAll('{col}', String(col))
}
