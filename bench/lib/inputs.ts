import { existsSync, mkdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import sharp from 'sharp'
import { fixturePath } from '../../tests/support/fixtures.ts'

/** One photo the viewers are measured on, with the URL path the bench server serves it at. */
export interface BenchInput {
  id: string
  label: string
  file: string
  urlPath: string
  width: number
  height: number
  bytes: number
}

/** Tiled version of an input, written by the tiling tool when the project has one. */
export interface TiledInput {
  descriptorUrlPath: string
}

export const GRID_FIXTURE = 'panoramas/egjs-equi_4096-labeled-grid.jpg'
export const VESTE_FIXTURE = 'panoramas/egjs-veste-gpano-2000x1000.jpg'

/** JPEG quality of the enlarged copies of the grid, close to what 360° cameras write. */
const DERIVED_QUALITY = 85

/** Describes a photo file; `withSize` fills in its pixel size. */
function describeInput(id: string, label: string, file: string, urlPath: string): BenchInput {
  return { id, label, file, urlPath, width: 0, height: 0, bytes: statSync(file).size }
}

async function withSize(input: BenchInput): Promise<BenchInput> {
  const metadata = await sharp(input.file, { limitInputPixels: false }).metadata()
  return { ...input, width: metadata.width ?? 0, height: metadata.height ?? 0 }
}

/**
 * Writes a copy of the labelled grid at `width`×`width/2` into `folder` (once) and describes it.
 * Enlarged flat colours compress better than a real photo, so these files are smaller than a
 * camera's JPEG of the same size.
 */
async function deriveGrid(folder: string, width: number, imagesUrl: string): Promise<BenchInput> {
  const name = `grid-${width}x${width / 2}.jpg`
  const file = join(folder, name)
  if (!existsSync(file)) {
    await sharp(fixturePath(GRID_FIXTURE), { limitInputPixels: false })
      .resize(width, width / 2, { kernel: 'lanczos3' })
      .jpeg({ quality: DERIVED_QUALITY })
      .toFile(file)
  }
  return withSize(
    describeInput(`grid-${width}`, `grid ${width}×${width / 2}`, file, `${imagesUrl}${name}`),
  )
}

/**
 * Returns the photos of a run: the shared fixtures (veste 2000×1000 and the labelled grid
 * 4096×2048) and enlarged copies of the grid, or one small grid for a quick run. Derived images
 * go into `folder`, which the bench server serves at `imagesUrl`.
 */
export async function prepareInputs(
  folder: string,
  quick: boolean,
  fixturesUrl: string,
  imagesUrl: string,
): Promise<BenchInput[]> {
  mkdirSync(folder, { recursive: true })
  if (quick) return [await deriveGrid(folder, 1024, imagesUrl)]
  return [
    await withSize(
      describeInput(
        'veste-2000',
        'veste 2000×1000',
        fixturePath(VESTE_FIXTURE),
        fixturesUrl + VESTE_FIXTURE,
      ),
    ),
    await withSize(
      describeInput(
        'grid-4096',
        'grid 4096×2048',
        fixturePath(GRID_FIXTURE),
        fixturesUrl + GRID_FIXTURE,
      ),
    ),
    await deriveGrid(folder, 8192, imagesUrl),
    await deriveGrid(folder, 16384, imagesUrl),
  ]
}

type TilePanorama = (
  input: string,
  options: { out: string; tileSize?: number; quality?: number },
) => Promise<unknown>

/**
 * Loads `tilePanorama` from tools/lib/tile.ts when the project has the tiling tool, else returns
 * null so the tiled rows are skipped with a note.
 */
export async function loadTiler(): Promise<TilePanorama | null> {
  const path = resolve('tools', 'lib', 'tile.ts')
  if (!existsSync(path)) return null
  const module = (await import(pathToFileURL(path).href)) as { tilePanorama?: TilePanorama }
  return typeof module.tilePanorama === 'function' ? module.tilePanorama : null
}

/** Tiles an input into `folder/tiles/<id>` (once) and returns the descriptor's URL path. */
export async function tileInput(
  tiler: TilePanorama,
  input: BenchInput,
  folder: string,
  imagesUrl: string,
): Promise<TiledInput> {
  const out = join(folder, 'tiles', input.id)
  if (!existsSync(join(out, 'tiles.json'))) await tiler(input.file, { out })
  return { descriptorUrlPath: `${imagesUrl}tiles/${input.id}/tiles.json` }
}
