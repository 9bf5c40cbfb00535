import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { CUBE_FACES, tilePath } from '../../../src/core/cube.ts'
import { chooseLevel, TileGrid, TileSelector } from '../../../src/core/tileSelection.ts'
import { parseTilesDescriptor, type TilesDescriptor } from '../../../src/tour/tilesDescriptor.ts'
import { tilePanorama } from '../../../tools/lib/tile.ts'
import { TEST_TOURS_DIR } from './server.ts'
import { settleFrames, type View, writeTour } from './test.ts'

/** Figures the tiled viewer publishes on `window.__showcase.tiles`. */
export interface TileStats {
  level: number
  visible: number
  drawn: number
  requested: number
  liveTextures: number
  cacheBound: number
  sharpAt: number | null
}

/** A tile pyramid made at test time in the folder of a test tour. */
export interface Pyramid {
  /** Folder on disk. */
  directory: string
  /** Path of its descriptor relative to the tour file. */
  src: string
  descriptor: TilesDescriptor
}

/**
 * Cuts an image into a tile pyramid in `<tour folder>/pyramid` with the project's tiling tool.
 * The folder is made afresh, so a test that deletes a tile starts from a whole pyramid.
 */
export async function makePyramid(name: string, image: string, tileSize: number): Promise<Pyramid> {
  const directory = join(TEST_TOURS_DIR, name, 'pyramid')
  rmSync(directory, { recursive: true, force: true })
  await tilePanorama(image, { out: directory, tileSize, quality: 90 })
  const parsed = parseTilesDescriptor(readFileSync(join(directory, 'tiles.json'), 'utf8'))
  if (!parsed.ok) throw new Error(`the tiling tool wrote an invalid descriptor: ${parsed.detail}`)
  return { directory, src: 'pyramid/tiles.json', descriptor: parsed.descriptor }
}

/** Writes a one-scene tour that shows a panorama source, and returns its path for `tour`. */
export function sourceTour(name: string, panorama: unknown, view: View): string {
  return writeTour(name, {
    version: 1,
    id: name,
    title: 'Tiles test',
    locales: ['vi', 'en'],
    start: 'pano',
    scenes: [{ id: 'pano', kind: 'panorama', title: 'Panorama', panorama, view }],
  })
}

export async function tileStats(page: Page): Promise<TileStats | null> {
  return page.evaluate(
    () => (window as unknown as { __showcase: { tiles: TileStats | null } }).__showcase.tiles,
  )
}

/** Waits until every tile in view at the wanted level is drawn (or failed), then for frames. */
export async function waitForSharp(page: Page): Promise<TileStats> {
  await page.waitForFunction(() => {
    const stats = (window as unknown as { __showcase: { tiles: TileStats | null } }).__showcase
      .tiles
    return stats !== null && stats.sharpAt !== null
  })
  await settleFrames(page)
  const stats = await tileStats(page)
  if (!stats) throw new Error('window.__showcase.tiles is null after the tiles were drawn')
  return stats
}

/**
 * Returns the tile paths (`level/face/row_col.jpg`) that the viewer's own selection picks for a
 * view on a canvas of the given size in device pixels.
 */
export function selectedTilePaths(
  descriptor: TilesDescriptor,
  view: View,
  width: number,
  height: number,
): string[] {
  const grid = new TileGrid(descriptor)
  const selector = new TileSelector(grid)
  const level = chooseLevel(descriptor.levels, view.fov, height)
  const count = selector.select(view, width / height, level)
  return Array.from(selector.visible.subarray(0, count), (index) => {
    const { level: tileLevel, face, row, col } = grid.address(index)
    return tilePath(descriptor.tiles, tileLevel, face, row, col)
  })
}

/** Returns true when a pyramid has a tile file at a path relative to its folder. */
export function hasTile(pyramid: Pyramid, path: string): boolean {
  return existsSync(join(pyramid.directory, path))
}

/** Face ids, re-exported so specs need not import from src. */
export { CUBE_FACES }

/** Returns the part of a request URL after `pyramid/`, such as `2/f/1_3.jpg`. */
export function pyramidPath(url: string): string | null {
  const marker = '/pyramid/'
  const at = url.indexOf(marker)
  return at === -1 ? null : decodeURIComponent(url.slice(at + marker.length))
}
