/**
 * Selection of the cube-pyramid tiles and the level a view needs. Pure and allocation-free per
 * frame: `TileGrid` precomputes every tile's corner directions once per panorama, and
 * `TileSelector.select` writes the visible tiles into a reused array.
 */

import {
  type Coverage,
  CUBE_FACES,
  type CubeFace,
  type CubeLevel,
  faceUvToDirection,
  tileIntersectsCoverage,
  tilesPerEdge,
} from './cube.ts'
import { DEG2RAD } from './sphere.ts'
import type { View } from './view.ts'

/** The shape of a tile pyramid, as read from its descriptor. */
export interface TilePyramid {
  tileSize: number
  /** Ascending face sizes in pixels; level 0 is the blurriest. */
  levels: readonly CubeLevel[]
  coverage: Coverage
}

/** One tile's address. */
export interface TileAddress {
  level: number
  face: CubeFace
  row: number
  col: number
}

/** Returns how many drawing-buffer pixels one degree spans at the centre of a view. */
export function screenPixelsPerDegree(fov: number, bufferHeight: number): number {
  return (bufferHeight / 2 / Math.tan((fov * DEG2RAD) / 2)) * DEG2RAD
}

/**
 * Returns how many face pixels one degree spans at the centre of a face of `size` pixels. A face
 * spans 90°, and at its centre a radian covers half the face edge. Towards the edges a degree
 * covers more pixels, so the centre is where a level is least sharp.
 */
export function levelPixelsPerDegree(size: number): number {
  return (size / 2) * DEG2RAD
}

/**
 * Returns the level whose pixel density matches the screen: the blurriest level with at least as
 * many pixels per degree as the screen at the view centre, or the sharpest level when none has.
 * `bufferHeight` is the canvas height in device pixels (CSS height × device pixel ratio).
 */
export function chooseLevel(
  levels: readonly CubeLevel[],
  fov: number,
  bufferHeight: number,
): number {
  const screenDensity = screenPixelsPerDegree(fov, bufferHeight)
  for (let index = 0; index < levels.length; index++) {
    const level = levels[index] as CubeLevel
    if (levelPixelsPerDegree(level.size) >= screenDensity) return index
  }
  return Math.max(0, levels.length - 1)
}

/** Screen-space signs (right, up) of the view's corners: top left, top right, bottom right, bottom left. */
const CORNER_SIGNS = new Int8Array([-1, 1, 1, 1, 1, -1, -1, -1])

/** Floats per tile in `TileGrid.corners` and `TileGrid.edgeNormals`: four 3D vectors. */
const QUAD_FLOATS = 12

/**
 * Every tile of a pyramid with its geometry, indexed level by level, then face by face in
 * `CUBE_FACES` order, then row by row. Corner directions lie on the unit cube, in the order top
 * left, top right, bottom right, bottom left of the tile image.
 */
export class TileGrid {
  readonly pyramid: TilePyramid
  readonly count: number
  /** Index of each level's first tile, followed by `count`. */
  readonly levelOffsets: Int32Array
  /** Tiles along a face edge at each level. */
  readonly perEdge: Int32Array
  readonly corners: Float64Array
  /** Inward normals of the planes through the origin and each tile edge. */
  readonly edgeNormals: Float64Array
  /** Unit direction of each tile's centre. */
  readonly centers: Float64Array
  /** 1 when a tile lies at least partly inside the pyramid's coverage. */
  readonly covered: Uint8Array

  constructor(pyramid: TilePyramid) {
    this.pyramid = pyramid
    const levelCount = pyramid.levels.length
    this.levelOffsets = new Int32Array(levelCount + 1)
    this.perEdge = new Int32Array(levelCount)
    let count = 0
    pyramid.levels.forEach((level, index) => {
      const edge = tilesPerEdge(level.size, pyramid.tileSize)
      this.levelOffsets[index] = count
      this.perEdge[index] = edge
      count += 6 * edge * edge
    })
    this.levelOffsets[levelCount] = count
    this.count = count
    this.corners = new Float64Array(count * QUAD_FLOATS)
    this.edgeNormals = new Float64Array(count * QUAD_FLOATS)
    this.centers = new Float64Array(count * 3)
    this.covered = new Uint8Array(count)

    const point = { x: 0, y: 0, z: 0 }
    pyramid.levels.forEach((level, levelIndex) => {
      const edge = this.perEdge[levelIndex] as number
      const tileSpan = pyramid.tileSize / level.size
      CUBE_FACES.forEach((face, faceIndex) => {
        for (let row = 0; row < edge; row++) {
          for (let col = 0; col < edge; col++) {
            const index = this.index(levelIndex, faceIndex, row, col)
            const u0 = col * tileSpan
            const v0 = row * tileSpan
            const u1 = Math.min(1, u0 + tileSpan)
            const v1 = Math.min(1, v0 + tileSpan)
            const base = index * QUAD_FLOATS
            const quad = [u0, v0, u1, v0, u1, v1, u0, v1]
            for (let corner = 0; corner < 4; corner++) {
              faceUvToDirection(
                face,
                quad[corner * 2] as number,
                quad[corner * 2 + 1] as number,
                point,
              )
              this.corners[base + corner * 3] = point.x
              this.corners[base + corner * 3 + 1] = point.y
              this.corners[base + corner * 3 + 2] = point.z
            }
            faceUvToDirection(face, (u0 + u1) / 2, (v0 + v1) / 2, point)
            const length = Math.hypot(point.x, point.y, point.z)
            this.centers[index * 3] = point.x / length
            this.centers[index * 3 + 1] = point.y / length
            this.centers[index * 3 + 2] = point.z / length
            quadEdgeNormals(this.corners, base, point, this.edgeNormals)
            this.covered[index] = tileIntersectsCoverage(
              face,
              level.size,
              pyramid.tileSize,
              row,
              col,
              pyramid.coverage,
            )
              ? 1
              : 0
          }
        }
      })
    })
  }

  /** Returns the index of a tile; `faceIndex` is the face's position in `CUBE_FACES`. */
  index(level: number, faceIndex: number, row: number, col: number): number {
    const edge = this.perEdge[level] as number
    return (this.levelOffsets[level] as number) + (faceIndex * edge + row) * edge + col
  }

  /** Returns the address of a tile index. Allocates, so it is meant for loading and tests. */
  address(index: number): TileAddress {
    let level = 0
    while (level + 1 < this.perEdge.length && index >= (this.levelOffsets[level + 1] as number)) {
      level++
    }
    const edge = this.perEdge[level] as number
    const local = index - (this.levelOffsets[level] as number)
    const faceIndex = Math.floor(local / (edge * edge))
    const withinFace = local - faceIndex * edge * edge
    return {
      level,
      face: CUBE_FACES[faceIndex] as CubeFace,
      row: Math.floor(withinFace / edge),
      col: withinFace % edge,
    }
  }

  /** Returns the level of a tile index without allocating. */
  levelOf(index: number): number {
    let level = 0
    while (level + 1 < this.perEdge.length && index >= (this.levelOffsets[level + 1] as number)) {
      level++
    }
    return level
  }
}

/**
 * Writes the inward normals of the four planes through the origin and the edges of the quad at
 * `corners[base..base+12)` into `out` at the same offset. `center` is any point inside the quad.
 */
function quadEdgeNormals(
  corners: Float64Array,
  base: number,
  center: { x: number; y: number; z: number },
  out: Float64Array,
): void {
  for (let corner = 0; corner < 4; corner++) {
    const a = base + corner * 3
    const b = base + ((corner + 1) % 4) * 3
    const ax = corners[a] as number
    const ay = corners[a + 1] as number
    const az = corners[a + 2] as number
    const bx = corners[b] as number
    const by = corners[b + 1] as number
    const bz = corners[b + 2] as number
    let nx = ay * bz - az * by
    let ny = az * bx - ax * bz
    let nz = ax * by - ay * bx
    if (nx * center.x + ny * center.y + nz * center.z < 0) {
      nx = -nx
      ny = -ny
      nz = -nz
    }
    out[a] = nx
    out[a + 1] = ny
    out[a + 2] = nz
  }
}

/**
 * Finds the tiles of one level that a perspective view shows, nearest to the view centre first.
 * The view is a cone from the origin bounded by four planes. A tile is skipped only when a plane
 * separates the two cones: one of the view's side planes with every tile corner outside it, or one
 * of the tile's edge planes with every view corner ray outside it. Both cones are convex, so this
 * never skips a tile that shows, and keeps one that does not only near a view corner at most.
 */
export class TileSelector {
  readonly grid: TileGrid
  /** Indices of the visible tiles from the last `select`, in `[0, count)`. */
  readonly visible: Int32Array
  count = 0
  private readonly keys: Float64Array
  /** Corner rays of the view (top left, top right, bottom right, bottom left) and its forward. */
  private readonly rays = new Float64Array(15)
  private readonly planes = new Float64Array(12)

  constructor(grid: TileGrid) {
    this.grid = grid
    let largest = 0
    for (let level = 0; level < grid.perEdge.length; level++) {
      const edge = grid.perEdge[level] as number
      largest = Math.max(largest, 6 * edge * edge)
    }
    this.visible = new Int32Array(largest)
    this.keys = new Float64Array(largest)
  }

  /**
   * Selects the tiles of `level` that intersect `view` on a viewport of the given aspect (width /
   * height), skipping tiles outside the coverage. Returns the number found.
   */
  select(view: View, aspect: number, level: number): number {
    const grid = this.grid
    if (!(level >= 0 && level < grid.perEdge.length)) {
      throw new RangeError(`level ${level} is not in this pyramid`)
    }
    this.setFrustum(view, aspect)
    const first = grid.levelOffsets[level] as number
    const last = grid.levelOffsets[level + 1] as number
    const rays = this.rays
    let count = 0
    for (let index = first; index < last; index++) {
      if (grid.covered[index] === 0 || !this.intersects(index)) continue
      const key =
        (grid.centers[index * 3] as number) * (rays[12] as number) +
        (grid.centers[index * 3 + 1] as number) * (rays[13] as number) +
        (grid.centers[index * 3 + 2] as number) * (rays[14] as number)
      // Insertion sort by descending closeness to the view centre; the list is short.
      let slot = count
      while (slot > 0 && (this.keys[slot - 1] as number) < key) {
        this.keys[slot] = this.keys[slot - 1] as number
        this.visible[slot] = this.visible[slot - 1] as number
        slot--
      }
      this.keys[slot] = key
      this.visible[slot] = index
      count++
    }
    this.count = count
    return count
  }

  /** True when a tile of the grid intersects the frustum set by the last `select`. */
  private intersects(index: number): boolean {
    const corners = this.grid.corners
    const normals = this.grid.edgeNormals
    const base = index * QUAD_FLOATS
    const planes = this.planes
    for (let plane = 0; plane < 4; plane++) {
      const nx = planes[plane * 3] as number
      const ny = planes[plane * 3 + 1] as number
      const nz = planes[plane * 3 + 2] as number
      let outside = true
      for (let corner = 0; corner < 4 && outside; corner++) {
        const c = base + corner * 3
        const dot =
          nx * (corners[c] as number) +
          ny * (corners[c + 1] as number) +
          nz * (corners[c + 2] as number)
        if (dot > 0) outside = false
      }
      if (outside) return false
    }
    const rays = this.rays
    for (let edge = 0; edge < 4; edge++) {
      const n = base + edge * 3
      const nx = normals[n] as number
      const ny = normals[n + 1] as number
      const nz = normals[n + 2] as number
      let outside = true
      for (let ray = 0; ray < 4 && outside; ray++) {
        const r = ray * 3
        const dot =
          nx * (rays[r] as number) + ny * (rays[r + 1] as number) + nz * (rays[r + 2] as number)
        if (dot > 0) outside = false
      }
      if (outside) return false
    }
    return true
  }

  private setFrustum(view: View, aspect: number): void {
    const yaw = view.yaw * DEG2RAD
    const pitch = view.pitch * DEG2RAD
    const fx = Math.sin(yaw) * Math.cos(pitch)
    const fy = Math.sin(pitch)
    const fz = -Math.cos(yaw) * Math.cos(pitch)
    const rx = Math.cos(yaw)
    const rz = Math.sin(yaw)
    // up = right × forward, with right.y = 0.
    const ux = -rz * fy
    const uy = rz * fx - rx * fz
    const uz = rx * fy
    const halfHeight = Math.tan((view.fov * DEG2RAD) / 2)
    const halfWidth = halfHeight * aspect
    const rays = this.rays
    for (let ray = 0; ray < 4; ray++) {
      const sx = (CORNER_SIGNS[ray * 2] as number) * halfWidth
      const sy = (CORNER_SIGNS[ray * 2 + 1] as number) * halfHeight
      rays[ray * 3] = fx + rx * sx + ux * sy
      rays[ray * 3 + 1] = fy + uy * sy
      rays[ray * 3 + 2] = fz + rz * sx + uz * sy
    }
    rays[12] = fx
    rays[13] = fy
    rays[14] = fz
    // Side planes through consecutive corner rays, oriented towards the view direction.
    for (let plane = 0; plane < 4; plane++) {
      const a = plane * 3
      const b = ((plane + 1) % 4) * 3
      const ax = rays[a] as number
      const ay = rays[a + 1] as number
      const az = rays[a + 2] as number
      const bx = rays[b] as number
      const by = rays[b + 1] as number
      const bz = rays[b + 2] as number
      let nx = ay * bz - az * by
      let ny = az * bx - ax * bz
      let nz = ax * by - ay * bx
      if (nx * fx + ny * fy + nz * fz < 0) {
        nx = -nx
        ny = -ny
        nz = -nz
      }
      this.planes[plane * 3] = nx
      this.planes[plane * 3 + 1] = ny
      this.planes[plane * 3 + 2] = nz
    }
  }
}

/** Device properties that size the tile texture cache. */
export interface TileCacheDevice {
  /** Viewport size in CSS pixels. */
  viewportWidth: number
  viewportHeight: number
  /** Device pixels per CSS pixel of the canvas, after the viewer's own cap. */
  pixelRatio: number
  /** `navigator.deviceMemory` in GiB (Chromium only, at most 8), or undefined. */
  deviceMemoryGb: number | undefined
  maxTextureSize: number
}

/** GPU memory allowed for tile textures per GiB of device memory, in bytes. */
const TILE_BYTES_PER_DEVICE_GB = 24 * 1024 * 1024
/** Device memory assumed where the browser does not report it, in GiB. */
const ASSUMED_DEVICE_MEMORY_GB = 4
/** Largest cache in tiles, whatever the device reports. */
const MAX_CACHED_TILES = 1024

/**
 * Returns an upper estimate of how many tiles one screen shows at the level `chooseLevel` picks.
 * That level has up to twice the screen's density at face centres, so a screen spans about two
 * tiles per tile width of its pixels; three more rows and columns cover partly visible tiles and
 * the smaller angle tiles cover towards face edges. The unit tests check it against the selector
 * over a sweep of views.
 */
export function screenfulOfTiles(tileSize: number, device: TileCacheDevice): number {
  const width = device.viewportWidth * device.pixelRatio
  const height = device.viewportHeight * device.pixelRatio
  const across = Math.ceil((2 * width) / tileSize) + 3
  const down = Math.ceil((2 * height) / tileSize) + 3
  return across * down
}

/**
 * Returns the largest number of tile textures to keep on the GPU. It is the memory budget (a share
 * of the device memory, halved on GPUs with a small maximum texture size, which are mostly phones)
 * divided by the size of one tile, but never less than two screenfuls, so that the tiles of the
 * view and of the view just left both fit.
 */
export function tileCacheBound(tileSize: number, device: TileCacheDevice): number {
  const memoryGb = Math.min(8, Math.max(0.25, device.deviceMemoryGb ?? ASSUMED_DEVICE_MEMORY_GB))
  let budget = memoryGb * TILE_BYTES_PER_DEVICE_GB
  if (device.maxTextureSize <= 4096) budget /= 2
  const tileBytes = tileSize * tileSize * 4
  const minimum = 2 * screenfulOfTiles(tileSize, device)
  return Math.min(MAX_CACHED_TILES, Math.max(minimum, Math.floor(budget / tileBytes)))
}
