import {
  BufferAttribute,
  BufferGeometry,
  DoubleSide,
  Group,
  Mesh,
  MeshBasicMaterial,
  type Texture,
  type WebGLRenderer,
} from 'three'
import {
  chooseLevel,
  type TileAddress,
  TileGrid,
  type TilePyramid,
  TileSelector,
} from '../../core/tileSelection.ts'
import type { View } from '../../core/view.ts'
import { type CachedTile, TileCache } from './tileCache.ts'
import { loadTileTexture } from './tileTexture.ts'

/** Half the edge of the cube the tiles are drawn on, in metres; inside the preview sphere. */
const CUBE_HALF_SIZE = 50

/** Tile downloads at once: the connections a browser opens to one host over HTTP/1.1. */
const MAX_CONCURRENT_REQUESTS = 6

/** The tiles of a panorama: their pyramid, their URLs and how to load them. */
export interface TileSource {
  pyramid: TilePyramid
  tileUrl(tile: TileAddress): string
  /**
   * True for cube faces: every tile of level 0 is loaded at once, whatever the view, because
   * there is no preview to show while a face loads.
   */
  loadAll: boolean
}

/** Figures of the tiled viewer, published on `window.__showcase.tiles` for tests and benchmarks. */
export interface TileStats {
  /** Level that matches the screen for the current view. */
  level: number
  /** Tiles of that level in view. */
  visible: number
  /** Of those, tiles on the GPU and drawn. */
  drawn: number
  /** Tile downloads started since the scene opened. */
  requested: number
  /** Tile textures on the GPU. */
  liveTextures: number
  cacheBound: number
  /**
   * `performance.now()` when every tile in view at that level had been drawn or had failed to
   * load. The preview covers a failed tile. Null while some are still loading.
   */
  sharpAt: number | null
}

const IDLE = 0
const LOADING = 1
const READY = 2
const FAILED = 3

/**
 * Streams the tiles a view needs onto the GPU and draws them over the preview. Each frame it picks
 * the level matching the screen, selects the tiles in view, cancels downloads of tiles no longer
 * in view and starts downloads nearest to the view centre first. A tile is shown only once its
 * texture is uploaded, and sharper levels are drawn over blurrier ones, so the preview and lower
 * levels stay visible until the sharper tile replaces them.
 */
export class TileStreamer {
  readonly group = new Group()
  readonly stats: TileStats
  private readonly source: TileSource
  private readonly grid: TileGrid
  private readonly selector: TileSelector
  private readonly cache: TileCache
  private readonly renderer: WebGLRenderer
  private readonly maxTextureSize: number
  private readonly onChange: () => void
  private readonly onError: (error: unknown) => void
  private readonly status: Uint8Array
  /** Selection number in which each tile was last in view. */
  private readonly lastInView: Uint32Array
  private readonly requests = new Map<number, AbortController>()
  /** Every tile of level 0, for sources that load everything. */
  private readonly allTiles: Int32Array
  private selection = 0
  private frame = 0
  private level = 0
  private lastYaw = Number.NaN
  private lastPitch = Number.NaN
  private lastFov = Number.NaN
  private lastAspect = Number.NaN
  private disposed = false

  constructor(
    source: TileSource,
    options: {
      renderer: WebGLRenderer
      cacheBound: number
      maxTextureSize: number
      /** Called when a tile has been uploaded or has failed, so a frame can be drawn. */
      onChange: () => void
      /** Called with the error of a tile that could not be loaded, before `onChange`. */
      onError?: (error: unknown) => void
    },
  ) {
    this.source = source
    this.grid = new TileGrid(source.pyramid)
    this.selector = new TileSelector(this.grid)
    this.renderer = options.renderer
    this.maxTextureSize = options.maxTextureSize
    this.onChange = options.onChange
    this.onError = options.onError ?? (() => {})
    this.status = new Uint8Array(this.grid.count)
    this.lastInView = new Uint32Array(this.grid.count)
    this.allTiles = new Int32Array(this.grid.levelOffsets[1] ?? 0).map((_, index) => index)
    // A source that loads everything must be able to hold it.
    const bound = source.loadAll
      ? Math.max(options.cacheBound, this.allTiles.length)
      : options.cacheBound
    this.cache = new TileCache(bound, this.forgetTile)
    this.group.name = 'tiles'
    this.stats = {
      level: 0,
      visible: 0,
      drawn: 0,
      requested: 0,
      liveTextures: 0,
      cacheBound: bound,
      sharpAt: null,
    }
  }

  /**
   * Brings the tiles up to date for a view. `aspect` is the canvas width / height and
   * `bufferHeight` its height in device pixels. Allocates nothing unless it starts a download.
   */
  update(view: View, aspect: number, bufferHeight: number): void {
    if (this.disposed) return
    this.frame++
    const level = this.source.loadAll
      ? 0
      : chooseLevel(this.source.pyramid.levels, view.fov, bufferHeight)
    const moved =
      view.yaw !== this.lastYaw ||
      view.pitch !== this.lastPitch ||
      view.fov !== this.lastFov ||
      aspect !== this.lastAspect ||
      level !== this.level
    if (moved) {
      this.lastYaw = view.yaw
      this.lastPitch = view.pitch
      this.lastFov = view.fov
      this.lastAspect = aspect
      this.level = level
      this.reselect(view, aspect)
    }

    const visible = this.visibleTiles()
    const count = this.visibleCount()
    for (let i = 0; i < count; i++) this.cache.touch(visible[i] as number, this.frame)
    this.pump()
    this.cache.forEach(this.showTile)
    this.updateStats()
  }

  /** Cancels every download and disposes every tile. */
  dispose(): void {
    this.disposed = true
    for (const controller of this.requests.values()) controller.abort()
    this.requests.clear()
    this.cache.clear()
    this.stats.liveTextures = 0
  }

  private visibleTiles(): Int32Array {
    return this.source.loadAll ? this.allTiles : this.selector.visible
  }

  private visibleCount(): number {
    return this.source.loadAll ? this.allTiles.length : this.selector.count
  }

  private reselect(view: View, aspect: number): void {
    if (!this.source.loadAll) this.selector.select(view, aspect, this.level)
    this.selection++
    const visible = this.visibleTiles()
    const count = this.visibleCount()
    let settled = true
    for (let i = 0; i < count; i++) {
      const index = visible[i] as number
      this.lastInView[index] = this.selection
      const status = this.status[index]
      if (status !== READY && status !== FAILED) settled = false
    }
    if (!settled) this.stats.sharpAt = null
    this.requests.forEach(this.cancelIfUnwanted)
  }

  private readonly cancelIfUnwanted = (controller: AbortController, index: number): void => {
    if (this.lastInView[index] !== this.selection) controller.abort()
  }

  private readonly showTile = (tile: CachedTile): void => {
    // Sharper tiles than the view needs would be minified without mipmaps, so they wait hidden.
    tile.mesh.visible = tile.level <= this.level
  }

  private readonly forgetTile = (tile: CachedTile): void => {
    this.group.remove(tile.mesh)
    this.status[tile.index] = IDLE
  }

  /** Starts downloads of tiles in view, nearest to the view centre first, up to the limit. */
  private pump(): void {
    const visible = this.visibleTiles()
    const count = this.visibleCount()
    for (let i = 0; i < count && this.requests.size < MAX_CONCURRENT_REQUESTS; i++) {
      const index = visible[i] as number
      if (this.status[index] !== IDLE) continue
      if (!this.cache.makeRoom(this.requests.size + 1, this.frame)) break
      this.request(index)
    }
  }

  private request(index: number): void {
    const address = this.grid.address(index)
    const url = this.source.tileUrl(address)
    const controller = new AbortController()
    this.status[index] = LOADING
    this.requests.set(index, controller)
    this.stats.requested++
    loadTileTexture(url, { signal: controller.signal, maxTextureSize: this.maxTextureSize }).then(
      (texture) => {
        this.requests.delete(index)
        if (this.disposed || controller.signal.aborted) {
          texture.dispose()
          this.status[index] = IDLE
          return
        }
        this.addTile(index, address.level, texture)
        this.onChange()
      },
      (error: unknown) => {
        this.requests.delete(index)
        if (this.disposed) return
        if (controller.signal.aborted) {
          this.status[index] = IDLE
          return
        }
        // The preview or a blurrier level stays in place of a tile that cannot be loaded.
        console.warn('[tiles] tile could not be loaded', url, error)
        this.status[index] = FAILED
        this.onError(error)
        this.onChange()
      },
    )
  }

  private addTile(index: number, level: number, texture: Texture): void {
    if (!this.cache.makeRoom(1, this.frame)) {
      // Every cached tile is in view; this one can be fetched again once some leave it.
      texture.dispose()
      this.status[index] = IDLE
      return
    }
    const mesh = createTileMesh(this.grid, index, texture)
    mesh.renderOrder = level
    // Upload now rather than in the next frame, so the tile is drawn complete when it first shows.
    this.renderer.initTexture(texture)
    this.group.add(mesh)
    this.cache.add({ index, level, mesh, lastUsed: this.frame })
    this.status[index] = READY
  }

  private updateStats(): void {
    const visible = this.visibleTiles()
    const count = this.visibleCount()
    let drawn = 0
    let settled = 0
    for (let i = 0; i < count; i++) {
      const status = this.status[visible[i] as number]
      if (status === READY) drawn++
      if (status === READY || status === FAILED) settled++
    }
    const stats = this.stats
    stats.level = this.level
    stats.visible = count
    stats.drawn = drawn
    stats.liveTextures = this.cache.size
    if (settled === count && stats.sharpAt === null) stats.sharpAt = performance.now()
  }
}

/**
 * Squares per tile edge in a tile's mesh. One quad per tile would be enough for the projection,
 * which is exact on a plane, but SwiftShader (Chromium's software WebGL) interpolated texture
 * coordinates wrongly on large triangles that cross the camera plane, filling them with one colour.
 */
const TILE_SEGMENTS = 8

/**
 * Returns a mesh for one tile: a grid over the tile's quad on the cube, textured from the image's
 * top left (v = 0 at the top row, as uploaded without a flip). Neighbouring tiles compute their
 * shared edge from the same corner coordinates, so no gap opens between them.
 */
function createTileMesh(grid: TileGrid, index: number, texture: Texture): CachedTile['mesh'] {
  const corners = grid.corners
  const base = index * 12
  const corner = (which: number, axis: number) => corners[base + which * 3 + axis] as number
  const side = TILE_SEGMENTS + 1
  const positions = new Float32Array(side * side * 3)
  const uvs = new Float32Array(side * side * 2)
  for (let row = 0; row < side; row++) {
    const v = row / TILE_SEGMENTS
    for (let col = 0; col < side; col++) {
      const u = col / TILE_SEGMENTS
      const vertex = row * side + col
      for (let axis = 0; axis < 3; axis++) {
        // Corners are top left, top right, bottom right, bottom left; the quad is planar, so
        // bilinear interpolation stays on the cube face.
        const top = corner(0, axis) + (corner(1, axis) - corner(0, axis)) * u
        const bottom = corner(3, axis) + (corner(2, axis) - corner(3, axis)) * u
        positions[vertex * 3 + axis] = (top + (bottom - top) * v) * CUBE_HALF_SIZE
      }
      uvs[vertex * 2] = u
      uvs[vertex * 2 + 1] = v
    }
  }
  const indices: number[] = []
  for (let row = 0; row < TILE_SEGMENTS; row++) {
    for (let col = 0; col < TILE_SEGMENTS; col++) {
      const a = row * side + col
      indices.push(a, a + 1, a + side + 1, a, a + side + 1, a + side)
    }
  }
  const geometry = new BufferGeometry()
  geometry.setAttribute('position', new BufferAttribute(positions, 3))
  geometry.setAttribute('uv', new BufferAttribute(uvs, 2))
  geometry.setIndex(indices)
  const material = new MeshBasicMaterial({
    map: texture,
    side: DoubleSide,
    depthTest: false,
    depthWrite: false,
    toneMapped: false,
  })
  const mesh = new Mesh(geometry, material)
  mesh.matrixAutoUpdate = false
  return mesh
}
