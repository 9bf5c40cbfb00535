import type { CubeFace } from '../../core/cube.ts'
import { FULL_COVERAGE, tilePath } from '../../core/cube.ts'
import { AssetLoadError, fetchBytes } from '../../core/download.ts'
import type { PanoramaSource } from '../../tour/schema.ts'
import { parseTilesDescriptor, type TilesDescriptor } from '../../tour/tilesDescriptor.ts'
import type { TileSource } from './tileStreamer.ts'

/** A tiled or cube panorama ready to stream: its tiles and the preview shown first, if any. */
export interface LoadedTileSource {
  tiles: TileSource
  /** Absolute URL of the equirectangular preview; null for cube faces, which have none. */
  previewUrl: string | null
  descriptor: TilesDescriptor | null
}

/**
 * Prepares a `tiles` or `cube` panorama source. For `tiles` it downloads and checks the
 * descriptor and resolves its paths against the descriptor's URL. Throws `AssetLoadError` with
 * the bad field when the descriptor is invalid.
 */
export async function loadTileSource(
  source: Exclude<PanoramaSource, { type: 'equirect' }>,
  options: { signal: AbortSignal; onProgress?: (fraction: number | null) => void },
): Promise<LoadedTileSource> {
  if (source.type === 'cube') {
    const faces = source.faces
    return {
      // One tile per face; its size is unknown until it loads, and nothing depends on it.
      tiles: {
        pyramid: { tileSize: 1, levels: [{ size: 1 }], coverage: FULL_COVERAGE },
        tileUrl: (tile) => faces[tile.face],
        loadAll: true,
      },
      previewUrl: null,
      descriptor: null,
    }
  }

  const url = source.src
  const bytes = await fetchBytes(url, { signal: options.signal })
  const parsed = parseTilesDescriptor(new TextDecoder().decode(bytes))
  if (!parsed.ok) {
    console.warn('[tiles] invalid descriptor', url, parsed.field, parsed.detail)
    throw new AssetLoadError({ kind: 'tiles', url, field: parsed.field })
  }
  const descriptor = parsed.descriptor
  const resolve = (path: string) => new URL(path, url).href
  return {
    tiles: {
      pyramid: {
        tileSize: descriptor.tileSize,
        levels: descriptor.levels,
        coverage: descriptor.coverage,
      },
      tileUrl: (tile) =>
        resolve(tilePath(descriptor.tiles, tile.level, tile.face as CubeFace, tile.row, tile.col)),
      loadAll: false,
    },
    previewUrl: resolve(descriptor.preview),
    descriptor,
  }
}
