import type { BufferGeometry, Mesh, MeshBasicMaterial } from 'three'

/** A tile on the GPU: its mesh (with its own geometry and material) and when it was last used. */
export interface CachedTile {
  index: number
  level: number
  mesh: Mesh<BufferGeometry, MeshBasicMaterial>
  /** Frame number of the last frame that needed this tile. */
  lastUsed: number
}

/**
 * A bounded cache of tile meshes and their textures, least recently used first out. An evicted
 * tile's geometry, material and texture are disposed at once, which frees the GPU memory. Tiles
 * used in the current frame are never evicted.
 */
export class TileCache {
  readonly bound: number
  private readonly entries = new Map<number, CachedTile>()
  private readonly onEvict: (tile: CachedTile) => void

  constructor(bound: number, onEvict: (tile: CachedTile) => void) {
    this.bound = bound
    this.onEvict = onEvict
  }

  get size(): number {
    return this.entries.size
  }

  get(index: number): CachedTile | undefined {
    return this.entries.get(index)
  }

  has(index: number): boolean {
    return this.entries.has(index)
  }

  /** Marks a tile as used in `frame`, so it is evicted after tiles used earlier. */
  touch(index: number, frame: number): void {
    const tile = this.entries.get(index)
    if (tile) tile.lastUsed = frame
  }

  add(tile: CachedTile): void {
    this.entries.set(tile.index, tile)
  }

  /**
   * Evicts least recently used tiles until `reserved` more fit within the bound. Returns false
   * when that is impossible because the remaining tiles are all in use in `frame`.
   */
  makeRoom(reserved: number, frame: number): boolean {
    while (this.entries.size + reserved > this.bound) {
      let oldest: CachedTile | undefined
      for (const tile of this.entries.values()) {
        if (tile.lastUsed >= frame) continue
        if (!oldest || tile.lastUsed < oldest.lastUsed) oldest = tile
      }
      if (!oldest) return false
      this.evict(oldest)
    }
    return true
  }

  /** Calls `visit` for every cached tile; `visit` should be created once, not per call. */
  forEach(visit: (tile: CachedTile) => void): void {
    this.entries.forEach(visit)
  }

  /** Disposes every tile. */
  clear(): void {
    for (const tile of [...this.entries.values()]) this.evict(tile)
  }

  private evict(tile: CachedTile): void {
    this.entries.delete(tile.index)
    this.onEvict(tile)
    tile.mesh.geometry.dispose()
    tile.mesh.material.map?.dispose()
    tile.mesh.material.dispose()
  }
}
