import { describe, expect, it } from 'vitest'
import {
  type Coverage,
  CUBE_FACES,
  directionToFaceUv,
  FULL_COVERAGE,
  tilesPerEdge,
} from '../../../src/core/cube.ts'
import { DEG2RAD } from '../../../src/core/sphere.ts'
import {
  chooseLevel,
  levelPixelsPerDegree,
  screenfulOfTiles,
  screenPixelsPerDegree,
  type TileCacheDevice,
  TileGrid,
  type TilePyramid,
  TileSelector,
  tileCacheBound,
} from '../../../src/core/tileSelection.ts'
import type { View } from '../../../src/core/view.ts'
import { parseTilesDescriptor } from '../../../src/tour/tilesDescriptor.ts'

/** The pyramid the tiling tool makes from a 16384 px wide source with 512 px tiles. */
const PYRAMID: TilePyramid = {
  tileSize: 512,
  levels: [{ size: 640 }, { size: 1280 }, { size: 2560 }, { size: 5120 }],
  coverage: FULL_COVERAGE,
}

const ASPECT = 16 / 9

interface Vector {
  x: number
  y: number
  z: number
}

/** Returns the forward, right and up unit vectors of a view (+Y up, yaw 0 looking down -Z). */
function viewBasis(view: View): { forward: Vector; right: Vector; up: Vector } {
  const yaw = view.yaw * DEG2RAD
  const pitch = view.pitch * DEG2RAD
  const forward = {
    x: Math.sin(yaw) * Math.cos(pitch),
    y: Math.sin(pitch),
    z: -Math.cos(yaw) * Math.cos(pitch),
  }
  const right = { x: Math.cos(yaw), y: 0, z: Math.sin(yaw) }
  const up = {
    x: right.y * forward.z - right.z * forward.y,
    y: right.z * forward.x - right.x * forward.z,
    z: right.x * forward.y - right.y * forward.x,
  }
  return { forward, right, up }
}

function levelSize(pyramid: TilePyramid, level: number): number {
  const size = pyramid.levels[level]?.size
  if (size === undefined) throw new Error(`level ${level} is not in the pyramid`)
  return size
}

/**
 * Returns the tiles a view shows, found by casting a dense grid of rays through the screen and
 * looking up the tile each ray hits. It shares no code with `TileSelector`, so it checks it.
 */
function sampledTiles(
  grid: TileGrid,
  view: View,
  aspect: number,
  level: number,
  samples = 96,
): Set<number> {
  const { forward, right, up } = viewBasis(view)
  const halfHeight = Math.tan((view.fov * DEG2RAD) / 2)
  const halfWidth = halfHeight * aspect
  const size = levelSize(grid.pyramid, level)
  const tileSize = grid.pyramid.tileSize
  const found = new Set<number>()
  const point = { face: 'f' as (typeof CUBE_FACES)[number], u: 0, v: 0 }
  for (let i = 0; i <= samples; i++) {
    for (let j = 0; j <= samples; j++) {
      const sx = (2 * j) / samples - 1
      const sy = (2 * i) / samples - 1
      const direction = {
        x: forward.x + right.x * sx * halfWidth + up.x * sy * halfHeight,
        y: forward.y + right.y * sx * halfWidth + up.y * sy * halfHeight,
        z: forward.z + right.z * sx * halfWidth + up.z * sy * halfHeight,
      }
      directionToFaceUv(direction, point)
      const last = tilesPerEdge(size, tileSize) - 1
      const col = Math.min(last, Math.floor((point.u * size) / tileSize))
      const row = Math.min(last, Math.floor((point.v * size) / tileSize))
      found.add(grid.index(level, CUBE_FACES.indexOf(point.face), row, col))
    }
  }
  return found
}

function selectedTiles(selector: TileSelector, view: View, aspect: number, level: number) {
  const count = selector.select(view, aspect, level)
  return Array.from(selector.visible.subarray(0, count))
}

function describeTile(grid: TileGrid, index: number): string {
  const { level, face, row, col } = grid.address(index)
  return `${level}/${face}/${row}_${col}`
}

describe('core/tileSelection', () => {
  describe('TileGrid', () => {
    const grid = new TileGrid(PYRAMID)

    it('counts tiles per level', () => {
      expect(Array.from(grid.perEdge)).toEqual([2, 3, 5, 10])
      expect(grid.count).toBe(6 * (4 + 9 + 25 + 100))
    })

    it('maps indices to addresses and back', () => {
      for (const index of [0, 1, 23, 24, 100, grid.count - 1]) {
        const { level, face, row, col } = grid.address(index)
        expect(grid.index(level, CUBE_FACES.indexOf(face), row, col)).toBe(index)
        expect(grid.levelOf(index)).toBe(level)
      }
    })

    it('shares corners between neighbouring faces', () => {
      // The top-right corner of the front face's top-right tile is the top-left corner of the
      // right face's top-left tile: both are (1, 1, -1).
      const last = (grid.perEdge[3] ?? 0) - 1
      const front = grid.index(3, 0, 0, last) * 12 + 3
      const right = grid.index(3, 1, 0, 0) * 12
      expect(Array.from(grid.corners.subarray(front, front + 3))).toEqual([1, 1, -1])
      expect(Array.from(grid.corners.subarray(right, right + 3))).toEqual([1, 1, -1])
    })
  })

  describe('TileSelector', () => {
    const grid = new TileGrid(PYRAMID)
    const selector = new TileSelector(grid)

    const views: [string, View][] = [
      ['centre', { yaw: 0, pitch: 0, fov: 60 }],
      ['right face', { yaw: 90, pitch: -10, fov: 75 }],
      ['face corner', { yaw: 45, pitch: 35, fov: 50 }],
      ['zenith', { yaw: 30, pitch: 90, fov: 75 }],
      ['nadir', { yaw: -120, pitch: -90, fov: 75 }],
      ['seam', { yaw: 180, pitch: 0, fov: 30 }],
      ['just left of the seam', { yaw: 179, pitch: 20, fov: 40 }],
      ['just right of the seam', { yaw: -179, pitch: -20, fov: 40 }],
      ['narrow', { yaw: 12.5, pitch: 4, fov: 10 }],
      ['wide', { yaw: -60, pitch: 10, fov: 120 }],
    ]

    for (const [name, view] of views) {
      it(`finds every tile in view: ${name}`, () => {
        for (let level = 0; level < PYRAMID.levels.length; level++) {
          const selected = new Set(selectedTiles(selector, view, ASPECT, level))
          const seen = sampledTiles(grid, view, ASPECT, level)
          const missing = [...seen].filter((index) => !selected.has(index))
          expect(
            missing.map((index) => describeTile(grid, index)),
            `tiles in view but not selected at level ${level}`,
          ).toEqual([])
          // A tile may be kept near a view corner without showing; a slightly wider view shows it.
          const wider = sampledTiles(grid, { ...view, fov: view.fov + 4 }, ASPECT + 0.3, level)
          const extra = [...selected].filter((index) => !wider.has(index))
          expect(
            extra.map((index) => describeTile(grid, index)),
            `tiles selected but far out of view at level ${level}`,
          ).toEqual([])
        }
      })
    }

    it('orders tiles from the view centre outwards', () => {
      const view = { yaw: 20, pitch: -10, fov: 60 }
      const tiles = selectedTiles(selector, view, ASPECT, 3)
      expect(tiles.length).toBeGreaterThan(4)
      const centre = sampledTiles(grid, { ...view, fov: 0.01 }, 1, 3, 1)
      expect(centre.has(tiles[0] ?? -1), 'the first tile holds the view centre').toBe(true)
      const { forward } = viewBasis(view)
      const closeness = tiles.map(
        (index) =>
          (grid.centers[index * 3] ?? 0) * forward.x +
          (grid.centers[index * 3 + 1] ?? 0) * forward.y +
          (grid.centers[index * 3 + 2] ?? 0) * forward.z,
      )
      expect(closeness).toEqual([...closeness].sort((a, b) => b - a))
    })

    it('takes no back tile facing front at fov 60', () => {
      const tiles = selectedTiles(selector, { yaw: 0, pitch: 0, fov: 60 }, ASPECT, 3)
      const faces = new Set(tiles.map((index) => grid.address(index).face))
      expect(faces.has('b'), 'back face').toBe(false)
      expect(faces.has('f'), 'front face').toBe(true)
    })

    it('takes tiles from both sides of the seam', () => {
      const tiles = selectedTiles(selector, { yaw: 180, pitch: 0, fov: 30 }, ASPECT, 3)
      const columns = new Set(
        tiles.filter((index) => grid.address(index).face === 'b').map((i) => grid.address(i).col),
      )
      // At yaw 180 the view centre is the middle of the back face, between columns 4 and 5.
      expect(columns.has(4) && columns.has(5), `back-face columns ${[...columns]}`).toBe(true)
    })

    it('takes all four side faces looking straight up', () => {
      const tiles = selectedTiles(selector, { yaw: 0, pitch: 90, fov: 100 }, ASPECT, 0)
      const faces = new Set(tiles.map((index) => grid.address(index).face))
      expect([...faces].sort()).toEqual(['b', 'f', 'l', 'r', 'u'])
    })

    it('skips tiles outside a partial coverage', () => {
      const coverage: Coverage = { yawMin: -180, yawMax: 180, pitchMin: -27, pitchMax: 27 }
      const partial = new TileGrid({ ...PYRAMID, coverage })
      const partialSelector = new TileSelector(partial)
      const tiles = selectedTiles(partialSelector, { yaw: 0, pitch: 90, fov: 60 }, ASPECT, 3)
      const faces = tiles.map((index) => partial.address(index).face)
      expect(faces, 'no tile of the up face is inside ±27°').not.toContain('u')
      const full = selectedTiles(selector, { yaw: 0, pitch: 90, fov: 60 }, ASPECT, 3)
      expect(full.length, 'the full sphere has tiles there').toBeGreaterThan(0)
    })

    it('rejects a level outside the pyramid', () => {
      expect(() => selector.select({ yaw: 0, pitch: 0, fov: 60 }, 1, 4)).toThrow(RangeError)
    })
  })

  describe('chooseLevel', () => {
    it('matches the screen density at the view centre', () => {
      // 720 px high at fov 75: 469 px per radian, so the face must be at least 938 px.
      expect(chooseLevel(PYRAMID.levels, 75, 720)).toBe(1)
      // Zooming in to fov 30 needs 2687 px per face.
      expect(chooseLevel(PYRAMID.levels, 30, 720)).toBe(3)
      // A phone 800 device pixels high at fov 100 needs 671 px.
      expect(chooseLevel(PYRAMID.levels, 100, 800)).toBe(1)
      expect(chooseLevel(PYRAMID.levels, 120, 400)).toBe(0)
    })

    it('uses device pixels', () => {
      expect(chooseLevel(PYRAMID.levels, 75, 720 * 2)).toBe(2)
    })

    it('stops at the sharpest level', () => {
      expect(chooseLevel(PYRAMID.levels, 10, 2160)).toBe(3)
    })

    it('picks a level at least as sharp as the screen', () => {
      for (const fov of [10, 30, 60, 90, 120]) {
        for (const height of [400, 720, 1080, 2160]) {
          const level = chooseLevel(PYRAMID.levels, fov, height)
          const size = levelSize(PYRAMID, level)
          if (level < PYRAMID.levels.length - 1) {
            expect(levelPixelsPerDegree(size)).toBeGreaterThanOrEqual(
              screenPixelsPerDegree(fov, height),
            )
          }
          if (level > 0) {
            const blurrier = levelSize(PYRAMID, level - 1)
            expect(levelPixelsPerDegree(blurrier)).toBeLessThan(screenPixelsPerDegree(fov, height))
          }
        }
      }
    })
  })

  describe('tileCacheBound', () => {
    const desktop: TileCacheDevice = {
      viewportWidth: 1920,
      viewportHeight: 1080,
      pixelRatio: 1,
      deviceMemoryGb: 8,
      maxTextureSize: 16384,
    }
    const phone: TileCacheDevice = {
      viewportWidth: 390,
      viewportHeight: 844,
      pixelRatio: 2,
      deviceMemoryGb: 2,
      maxTextureSize: 4096,
    }

    it('is smaller on a phone', () => {
      expect(tileCacheBound(512, phone)).toBeLessThan(tileCacheBound(512, desktop))
    })

    it('holds two screenfuls even with little memory', () => {
      const tiny = { ...phone, deviceMemoryGb: 0.25 }
      expect(tileCacheBound(512, tiny)).toBe(2 * screenfulOfTiles(512, tiny))
    })

    it('assumes a middle device without deviceMemory', () => {
      const unknown = { ...desktop, deviceMemoryGb: undefined }
      expect(tileCacheBound(256, unknown)).toBeLessThan(tileCacheBound(256, desktop))
    })

    it('covers the largest set of visible tiles', () => {
      const grid = new TileGrid(PYRAMID)
      const selector = new TileSelector(grid)
      for (const device of [desktop, phone]) {
        const aspect = device.viewportWidth / device.viewportHeight
        const height = device.viewportHeight * device.pixelRatio
        let largest = 0
        for (let yaw = -180; yaw < 180; yaw += 15) {
          for (let pitch = -90; pitch <= 90; pitch += 15) {
            for (const fov of [30, 45, 60, 75, 90, 100]) {
              const view = { yaw, pitch, fov }
              const level = chooseLevel(PYRAMID.levels, fov, height)
              largest = Math.max(largest, selector.select(view, aspect, level))
            }
          }
        }
        expect(largest, `largest visible set on ${device.viewportWidth} px`).toBeLessThanOrEqual(
          screenfulOfTiles(PYRAMID.tileSize, device),
        )
      }
    })
  })

  describe('parseTilesDescriptor', () => {
    const valid = {
      format: 'tay-bac-tiles',
      version: 1,
      tileSize: 512,
      levels: [{ size: 640 }, { size: 1280 }, { size: 2560 }],
      tiles: '{level}/{face}/{row}_{col}.jpg',
      preview: 'preview.jpg',
      coverage: { yawMin: -180, yawMax: 180, pitchMin: -90, pitchMax: 90 },
      source: { width: 8192, height: 4096, projection: 'equirectangular', headingDegrees: 295 },
    }

    it('reads a valid descriptor', () => {
      const result = parseTilesDescriptor(JSON.stringify(valid))
      expect(result.ok).toBe(true)
      if (result.ok)
        expect(result.descriptor.levels.map((level) => level.size)).toEqual([640, 1280, 2560])
    })

    it('reports text that is not JSON', () => {
      const result = parseTilesDescriptor('{ "format": ')
      expect(result).toMatchObject({ ok: false, field: null })
    })

    const broken: [string, unknown, string][] = [
      ['another format', { ...valid, format: 'krpano' }, 'format'],
      ['a newer version', { ...valid, version: 2 }, 'version'],
      [
        'levels that do not halve',
        { ...valid, levels: [{ size: 640 }, { size: 2560 }] },
        'levels.1.size',
      ],
      ['no levels', { ...valid, levels: [] }, 'levels'],
      ['a template without {face}', { ...valid, tiles: '{level}/{row}_{col}.jpg' }, 'tiles'],
      [
        'an empty coverage',
        { ...valid, coverage: { ...valid.coverage, pitchMin: 30, pitchMax: 10 } },
        'coverage.pitchMax',
      ],
      ['a missing preview', { ...valid, preview: undefined }, 'preview'],
    ]
    for (const [name, descriptor, field] of broken) {
      it(`names the field for ${name}`, () => {
        expect(parseTilesDescriptor(JSON.stringify(descriptor))).toMatchObject({ ok: false, field })
      })
    }
  })
})
