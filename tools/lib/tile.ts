import { mkdir, stat, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import sharp, { type Metadata } from 'sharp'
import {
  type Coverage,
  CUBE_FACES,
  type CubeFace,
  cubeLevels,
  tileIntersectsCoverage,
  tilePath,
  tileRect,
  tilesPerEdge,
} from '../../src/core/cube.ts'
import {
  type PanoramaPlacement,
  type PanoramaProjection,
  parseGPanoXmp,
  placePanorama,
} from '../../src/core/gpano.ts'
import {
  type PanoramaSource,
  projectEquirect,
  projectFace,
  type RgbImage,
} from './tileProjection.ts'

export const DEFAULT_TILE_SIZE = 512
export const DEFAULT_QUALITY = 80

/** Width of the equirectangular preview in pixels; its height is half of it. */
const PREVIEW_WIDTH = 1024

/**
 * JPEG quality of the preview, lower than the tiles' because it is shown only until they load. With
 * mozjpeg a detailed 1024×512 photo stays near 50 KB (veste: 51 KB at 50, 75 KB at 70).
 */
const PREVIEW_QUALITY = 50

/** Largest relative difference between an equirectangular image's width and twice its height. */
const EQUIRECT_TOLERANCE = 0.01

/**
 * Tiles encoded at the same time. Each encode is one small libvips pipeline over a copied tile,
 * so two keep both cores busy without the memory that many parallel `extract()` calls take.
 */
const ENCODE_CONCURRENCY = 2

/** Tile path template written into every descriptor. */
const TILE_TEMPLATE = '{level}/{face}/{row}_{col}.jpg'

const PREVIEW_FILE = 'preview.jpg'
const DESCRIPTOR_FILE = 'tiles.json'

/** The `tiles.json` descriptor, version 1. */
export interface TilesDescriptorFile {
  format: 'tay-bac-tiles'
  version: 1
  tileSize: number
  levels: { size: number }[]
  tiles: string
  preview: string
  coverage: Coverage
  source: {
    width: number
    height: number
    projection: PanoramaProjection
    headingDegrees?: number
  }
}

export interface TileProgress {
  done: number
  total: number
  stage: 'decode' | 'project' | 'tiles' | 'preview'
}

export interface TileOptions {
  /** Output folder; created when missing. Files already in it are overwritten, others kept. */
  out: string
  /** Tile edge in pixels. @default 512 */
  tileSize?: number
  /** JPEG quality of the tiles, 1–100. @default 80 */
  quality?: number
  onProgress?: (progress: TileProgress) => void
}

export interface TileReport {
  descriptor: TilesDescriptorFile
  placement: PanoramaPlacement
  /** Tiles written per level, lowest level first. */
  tilesPerLevel: number[]
  tilesWritten: number
  /** Tiles left out because they lie wholly outside a partial panorama's coverage. */
  tilesSkipped: number
  /** Bytes of all tiles, the preview and the descriptor. */
  bytesWritten: number
  previewBytes: number
  seconds: number
}

/** A problem with the input image or the options, with a message that names the file and value. */
export class TileInputError extends Error {
  override name = 'TileInputError'
}

/**
 * Cuts an equirectangular (or GPano cylindrical or cropped) panorama into a cube-face tile
 * pyramid with a `tiles.json` descriptor and a small equirectangular preview.
 *
 * The image is decoded once into one raw RGB buffer (about 400 MB for 16384×8192). Faces are then
 * projected one at a time, and each level is made by halving the previous one with sharp, so at
 * most one face of each of two levels is held beside the source.
 *
 * @throws TileInputError when the file is missing, is not an image, or is not 2:1 without GPano XMP
 */
export async function tilePanorama(input: string, options: TileOptions): Promise<TileReport> {
  const started = performance.now()
  const tileSize = options.tileSize ?? DEFAULT_TILE_SIZE
  const quality = options.quality ?? DEFAULT_QUALITY
  checkOptions(tileSize, quality)
  const progress = options.onProgress ?? (() => {})
  // libvips keeps recent operations and their pixels in a cache; every step here runs once, so the
  // cache would only hold memory.
  sharp.cache(false)

  const { width, height, placement } = await readPlacement(input)
  const levels = cubeLevels(width, tileSize)
  const plan = planTiles(levels, tileSize, placement.coverage)

  progress({ done: 0, total: 1, stage: 'decode' })
  const source: PanoramaSource = {
    image: await decodeRgb(input),
    projection: placement.projection,
    coverage: placement.coverage,
  }
  progress({ done: 1, total: 1, stage: 'decode' })

  await mkdir(options.out, { recursive: true })
  const written = { tiles: 0, bytes: 0 }
  const tilesPerLevel = levels.map(() => 0)
  const facesToProject = CUBE_FACES.filter((face) => plan.faces.has(face))

  for (const [faceIndex, face] of facesToProject.entries()) {
    progress({ done: faceIndex, total: facesToProject.length, stage: 'project' })
    let level: RgbImage = projectFace(source, face, levels[levels.length - 1]?.size ?? tileSize)
    for (let index = levels.length - 1; index >= 0; index--) {
      const size = (levels[index] as { size: number }).size
      if (level.width !== size) level = await resizeRgb(level, size, size)
      const faceTiles = plan.tiles.filter((tile) => tile.face === face && tile.level === index)
      await writeTiles(level, faceTiles, tileSize, quality, options.out, (bytes) => {
        written.tiles++
        written.bytes += bytes
        tilesPerLevel[index] = (tilesPerLevel[index] ?? 0) + 1
        progress({ done: written.tiles, total: plan.tiles.length, stage: 'tiles' })
      })
    }
  }
  progress({ done: facesToProject.length, total: facesToProject.length, stage: 'project' })

  progress({ done: 0, total: 1, stage: 'preview' })
  const previewBytes = await writePreview(source, options.out)
  progress({ done: 1, total: 1, stage: 'preview' })

  const descriptor: TilesDescriptorFile = {
    format: 'tay-bac-tiles',
    version: 1,
    tileSize,
    levels,
    tiles: TILE_TEMPLATE,
    preview: PREVIEW_FILE,
    coverage: roundCoverage(placement.coverage),
    source: { width, height, projection: placement.projection },
  }
  if (placement.headingDegrees !== undefined) {
    descriptor.source.headingDegrees = placement.headingDegrees
  }
  const descriptorText = `${JSON.stringify(descriptor, null, 2)}\n`
  await writeFile(join(options.out, DESCRIPTOR_FILE), descriptorText)

  return {
    descriptor,
    placement,
    tilesPerLevel,
    tilesWritten: written.tiles,
    tilesSkipped: plan.skipped,
    bytesWritten: written.bytes + previewBytes + Buffer.byteLength(descriptorText),
    previewBytes,
    seconds: (performance.now() - started) / 1000,
  }
}

function checkOptions(tileSize: number, quality: number): void {
  if (!Number.isInteger(tileSize) || tileSize < 64 || tileSize > 4096) {
    throw new TileInputError(
      `invalid tile size ${tileSize}: expected a whole number of pixels from 64 to 4096`,
    )
  }
  if (!Number.isInteger(quality) || quality < 1 || quality > 100) {
    throw new TileInputError(
      `invalid JPEG quality ${quality}: expected a whole number from 1 to 100`,
    )
  }
}

/**
 * Reads the image's displayed size (after EXIF orientation) and its GPano XMP, and checks that
 * the tool can place it on the sphere.
 */
async function readPlacement(
  input: string,
): Promise<{ width: number; height: number; placement: PanoramaPlacement }> {
  try {
    const info = await stat(input)
    if (!info.isFile()) throw new TileInputError(`${input} is not a file`)
  } catch (error) {
    if (error instanceof TileInputError) throw error
    throw new TileInputError(`input image not found: ${input}`)
  }

  let metadata: Metadata
  try {
    metadata = await sharp(input).metadata()
  } catch (error) {
    // libvips repeats its decoder's messages over several lines; the first one names the cause.
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]
    throw new TileInputError(`${input} is not a readable image (${reason})`)
  }
  if (!metadata.width || !metadata.height) {
    throw new TileInputError(`${input} is not a readable image (no pixel size in its header)`)
  }
  const swapped = (metadata.orientation ?? 1) >= 5
  const width = swapped ? metadata.height : metadata.width
  const height = swapped ? metadata.width : metadata.height

  // sharp returns the XMP packet of JPEG, PNG (also compressed) and WebP files.
  const gpano = metadata.xmp ? parseGPanoXmp(metadata.xmp.toString('utf8')) : null
  const placement = placePanorama(width, height, gpano)
  if (placement.unsupportedProjection !== undefined) {
    throw new TileInputError(
      `${input} has GPano ProjectionType "${placement.unsupportedProjection}"; only equirectangular and cylindrical panoramas can be tiled`,
    )
  }
  if (!placement.fromXmp && Math.abs(width - 2 * height) > EQUIRECT_TOLERANCE * 2 * height) {
    throw new TileInputError(
      `${input} is ${width}×${height} pixels, not 2:1. An equirectangular panorama is twice as wide as it is high (for example 8192×4096). For a cropped or cylindrical panorama, add GPano XMP that gives the part of the sphere it covers.`,
    )
  }
  return { width, height, placement }
}

/** Decodes an image once into an RGB buffer, applying its EXIF orientation. */
async function decodeRgb(input: string): Promise<RgbImage> {
  // sharp's default `limitInputPixels` (268 million pixels, 16384×16384) would reject wider
  // panoramas. The raw buffer, 3 bytes per pixel, is what bounds memory here.
  const { data, info } = await sharp(input, { limitInputPixels: false, sequentialRead: true })
    .rotate()
    .flatten({ background: '#000000' })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true })
  // `toColourspace('srgb')` also turns 16-bit images (PNG rgb16) into 8 bits per channel.
  if (info.channels !== 3 || data.length !== info.width * info.height * 3) {
    throw new TileInputError(
      `${input} decoded to ${info.channels} channels of ${data.length / (info.width * info.height * info.channels)} bytes; expected 8-bit RGB`,
    )
  }
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), ...info }
}

async function resizeRgb(image: RgbImage, width: number, height: number): Promise<RgbImage> {
  const data = await sharp(image.data, {
    raw: { width: image.width, height: image.height, channels: 3 },
  })
    .resize(width, height, { fit: 'fill' })
    .raw()
    .toBuffer()
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width, height }
}

interface PlannedTile {
  level: number
  face: CubeFace
  row: number
  col: number
}

/** Lists the tiles to write, leaving out those wholly outside the coverage. */
function planTiles(
  levels: readonly { size: number }[],
  tileSize: number,
  coverage: Coverage,
): { tiles: PlannedTile[]; faces: Set<CubeFace>; skipped: number } {
  const tiles: PlannedTile[] = []
  const faces = new Set<CubeFace>()
  let skipped = 0
  levels.forEach(({ size }, level) => {
    const count = tilesPerEdge(size, tileSize)
    for (const face of CUBE_FACES) {
      for (let row = 0; row < count; row++) {
        for (let col = 0; col < count; col++) {
          if (tileIntersectsCoverage(face, size, tileSize, row, col, coverage)) {
            tiles.push({ level, face, row, col })
            faces.add(face)
          } else {
            skipped++
          }
        }
      }
    }
  })
  return { tiles, faces, skipped }
}

/**
 * Copies each tile's rows out of a level's face buffer and encodes them as JPEG, a few at a time.
 * `onWritten` receives the file size of each tile.
 */
async function writeTiles(
  face: RgbImage,
  tiles: readonly PlannedTile[],
  tileSize: number,
  quality: number,
  out: string,
  onWritten: (bytes: number) => void,
): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < tiles.length) {
      const tile = tiles[next++] as PlannedTile
      const rect = tileRect(face.width, tileSize, tile.row, tile.col)
      const pixels = new Uint8Array(rect.width * rect.height * 3)
      for (let y = 0; y < rect.height; y++) {
        const start = ((rect.y + y) * face.width + rect.x) * 3
        pixels.set(face.data.subarray(start, start + rect.width * 3), y * rect.width * 3)
      }
      const file = join(out, tilePath(TILE_TEMPLATE, tile.level, tile.face, tile.row, tile.col))
      await mkdir(dirname(file), { recursive: true })
      const info = await sharp(pixels, {
        raw: { width: rect.width, height: rect.height, channels: 3 },
      })
        .jpeg({ quality })
        .toFile(file)
      onWritten(info.size)
    }
  }
  await Promise.all(Array.from({ length: ENCODE_CONCURRENCY }, worker))
}

/**
 * Writes the equirectangular preview and returns its size in bytes. A full sphere is resized
 * directly; a partial panorama is first shrunk near the preview's density, then placed at its
 * coverage on a black sphere.
 */
async function writePreview(source: PanoramaSource, out: string): Promise<number> {
  const { image, coverage } = source
  const file = join(out, PREVIEW_FILE)
  const raw = { width: image.width, height: image.height, channels: 3 as const }
  const isFullSphere =
    coverage.yawMax - coverage.yawMin >= 360 &&
    coverage.pitchMin <= -90 &&
    coverage.pitchMax >= 90 &&
    source.projection === 'equirectangular'
  if (isFullSphere) {
    const info = await sharp(image.data, { raw })
      .resize(PREVIEW_WIDTH, PREVIEW_WIDTH / 2, { fit: 'fill' })
      .jpeg({ quality: PREVIEW_QUALITY, mozjpeg: true })
      .toFile(file)
    return info.size
  }

  const yawFraction = Math.min(1, (coverage.yawMax - coverage.yawMin) / 360)
  const pitchFraction = (coverage.pitchMax - coverage.pitchMin) / 180
  const targetWidth = Math.max(2, Math.round(2 * PREVIEW_WIDTH * yawFraction))
  const targetHeight = Math.max(2, Math.round(PREVIEW_WIDTH * pitchFraction))
  const shrunk = await resizeRgb(
    image,
    Math.min(image.width, targetWidth),
    Math.min(image.height, targetHeight),
  )
  const preview = projectEquirect({ ...source, image: shrunk }, PREVIEW_WIDTH)
  const info = await sharp(preview.data, {
    raw: { width: preview.width, height: preview.height, channels: 3 },
  })
    .jpeg({ quality: PREVIEW_QUALITY, mozjpeg: true })
    .toFile(file)
  return info.size
}

/** Rounds coverage angles to 1/1000 degree so the descriptor stays readable. */
function roundCoverage(coverage: Coverage): Coverage {
  const round = (value: number) => Math.round(value * 1000) / 1000
  return {
    yawMin: round(coverage.yawMin),
    yawMax: round(coverage.yawMax),
    pitchMin: round(coverage.pitchMin),
    pitchMax: round(coverage.pitchMax),
  }
}
