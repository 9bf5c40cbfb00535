import { type Coverage, type CubeFace, FACE_BASES } from '../../src/core/cube.ts'
import type { PanoramaProjection } from '../../src/core/gpano.ts'
import { DEG2RAD, RAD2DEG } from '../../src/core/sphere.ts'

/** An 8-bit RGB image as one row-major buffer, three bytes per pixel. */
export interface RgbImage {
  data: Uint8Array
  width: number
  height: number
}

/** A panorama image and the part of the sphere it covers. */
export interface PanoramaSource {
  image: RgbImage
  projection: PanoramaProjection
  coverage: Coverage
}

/** Colour written where the panorama has no pixels (outside its coverage). */
const EMPTY_RGB = [0, 0, 0] as const

/**
 * Maps yaw and pitch (degrees) to pixel coordinates of a panorama source, where (0, 0) is the
 * centre of the top-left pixel. Columns are linear in yaw. Rows are linear in pitch for an
 * equirectangular source and linear in tan(pitch) for a cylindrical one.
 */
export class SourceMapping {
  readonly fullTurn: boolean
  private readonly yawMin: number
  private readonly yawWidth: number
  private readonly pitchMin: number
  private readonly pitchMax: number
  private readonly tanMin: number
  private readonly tanMax: number
  private readonly cylindrical: boolean
  private readonly width: number
  private readonly height: number

  constructor(
    source: Pick<PanoramaSource, 'projection' | 'coverage'>,
    width: number,
    height: number,
  ) {
    const { coverage } = source
    this.yawMin = coverage.yawMin
    this.yawWidth = Math.min(360, coverage.yawMax - coverage.yawMin)
    this.fullTurn = this.yawWidth >= 360
    this.pitchMin = coverage.pitchMin
    this.pitchMax = coverage.pitchMax
    this.cylindrical = source.projection === 'cylindrical'
    this.tanMin = Math.tan(coverage.pitchMin * DEG2RAD)
    this.tanMax = Math.tan(coverage.pitchMax * DEG2RAD)
    this.width = width
    this.height = height
  }

  /** Returns the source column of a yaw, or NaN when the yaw is outside a partial panorama. */
  column(yaw: number): number {
    let fromMin = (yaw - this.yawMin) % 360
    if (fromMin < 0) fromMin += 360
    if (!this.fullTurn && fromMin > this.yawWidth) return Number.NaN
    return (fromMin / this.yawWidth) * this.width - 0.5
  }

  /** Returns the source row of a pitch, or NaN when the pitch is outside the panorama. */
  row(pitch: number): number {
    if (pitch > this.pitchMax || pitch < this.pitchMin) return Number.NaN
    const fraction = this.cylindrical
      ? (this.tanMax - Math.tan(pitch * DEG2RAD)) / (this.tanMax - this.tanMin)
      : (this.pitchMax - pitch) / (this.pitchMax - this.pitchMin)
    return fraction * this.height - 0.5
  }
}

/**
 * Writes the bilinear sample of `image` at pixel coordinates (x, y) into `out` at `offset`. Columns
 * wrap around when `wrap` is set (a full 360° panorama), and are clamped to the edge otherwise.
 */
export function sampleBilinear(
  image: RgbImage,
  x: number,
  y: number,
  wrap: boolean,
  out: Uint8Array,
  offset: number,
): void {
  const { data, width, height } = image
  const yClamped = Math.min(height - 1, Math.max(0, y))
  const y0 = Math.floor(yClamped)
  const y1 = Math.min(height - 1, y0 + 1)
  const fy = yClamped - y0

  let x0: number
  let x1: number
  let fx: number
  if (wrap) {
    const floor = Math.floor(x)
    fx = x - floor
    x0 = ((floor % width) + width) % width
    x1 = x0 + 1 === width ? 0 : x0 + 1
  } else {
    const xClamped = Math.min(width - 1, Math.max(0, x))
    x0 = Math.floor(xClamped)
    x1 = Math.min(width - 1, x0 + 1)
    fx = xClamped - x0
  }

  const row0 = y0 * width * 3
  const row1 = y1 * width * 3
  const a = row0 + x0 * 3
  const b = row0 + x1 * 3
  const c = row1 + x0 * 3
  const d = row1 + x1 * 3
  const wa = (1 - fx) * (1 - fy)
  const wb = fx * (1 - fy)
  const wc = (1 - fx) * fy
  const wd = fx * fy
  for (let channel = 0; channel < 3; channel++) {
    const value =
      (data[a + channel] as number) * wa +
      (data[b + channel] as number) * wb +
      (data[c + channel] as number) * wc +
      (data[d + channel] as number) * wd
    out[offset + channel] = value + 0.5
  }
}

/**
 * Projects a panorama onto one cube face of `size` pixels and returns the face as RGB. Each face
 * pixel takes the bilinear sample of the source in the direction of the pixel's centre, and pixels
 * outside the panorama's coverage are black.
 */
export function projectFace(source: PanoramaSource, face: CubeFace, size: number): RgbImage {
  const mapping = new SourceMapping(source, source.image.width, source.image.height)
  const out = new Uint8Array(size * size * 3)
  if (FACE_BASES[face].down.y !== 0) projectSideFace(source, mapping, face, size, out)
  else projectPoleFace(source, mapping, face, size, out)
  return { data: out, width: size, height: size }
}

/**
 * Projects a side face (f, r, b, l). Image right is horizontal there, so the yaw and the
 * horizontal length of a pixel's direction depend only on its column and are computed once per
 * column, which saves one `atan2` per pixel.
 */
function projectSideFace(
  source: PanoramaSource,
  mapping: SourceMapping,
  face: CubeFace,
  size: number,
  out: Uint8Array,
): void {
  const { normal, right } = FACE_BASES[face]
  const columns = new Float64Array(size)
  const horizontals = new Float64Array(size)
  for (let col = 0; col < size; col++) {
    const s = (2 * (col + 0.5)) / size - 1
    const x = normal.x + s * right.x
    const z = normal.z + s * right.z
    columns[col] = mapping.column(Math.atan2(x, -z) * RAD2DEG)
    horizontals[col] = Math.sqrt(x * x + z * z)
  }

  for (let row = 0; row < size; row++) {
    // Image down is -Y on every side face.
    const y = 1 - (2 * (row + 0.5)) / size
    for (let col = 0; col < size; col++) {
      const offset = (row * size + col) * 3
      const sourceX = columns[col] as number
      const sourceY = mapping.row(Math.atan2(y, horizontals[col] as number) * RAD2DEG)
      writeSample(source.image, sourceX, sourceY, mapping.fullTurn, out, offset)
    }
  }
}

/** Projects the up or down face, where yaw and pitch both change along rows and columns. */
function projectPoleFace(
  source: PanoramaSource,
  mapping: SourceMapping,
  face: CubeFace,
  size: number,
  out: Uint8Array,
): void {
  const { normal, right, down } = FACE_BASES[face]
  for (let row = 0; row < size; row++) {
    const t = (2 * (row + 0.5)) / size - 1
    const rowX = normal.x + t * down.x
    const rowY = normal.y + t * down.y
    const rowZ = normal.z + t * down.z
    for (let col = 0; col < size; col++) {
      const s = (2 * (col + 0.5)) / size - 1
      const x = rowX + s * right.x
      const y = rowY + s * right.y
      const z = rowZ + s * right.z
      const horizontal = Math.sqrt(x * x + z * z)
      const sourceY = mapping.row(Math.atan2(y, horizontal) * RAD2DEG)
      const sourceX = mapping.column(Math.atan2(x, -z) * RAD2DEG)
      writeSample(source.image, sourceX, sourceY, mapping.fullTurn, out, (row * size + col) * 3)
    }
  }
}

/** Writes the bilinear sample at (x, y), or the empty colour when either is NaN (outside). */
function writeSample(
  image: RgbImage,
  x: number,
  y: number,
  wrap: boolean,
  out: Uint8Array,
  offset: number,
): void {
  if (Number.isNaN(x) || Number.isNaN(y)) {
    out[offset] = EMPTY_RGB[0]
    out[offset + 1] = EMPTY_RGB[1]
    out[offset + 2] = EMPTY_RGB[2]
    return
  }
  sampleBilinear(image, x, y, wrap, out, offset)
}

/**
 * Returns a full-sphere equirectangular image of `width` × `width / 2` pixels with the panorama
 * placed at its coverage and black elsewhere. The source should already be scaled near the output's
 * pixel density, because bilinear sampling does not filter a large reduction.
 */
export function projectEquirect(source: PanoramaSource, width: number): RgbImage {
  const height = width / 2
  const { image } = source
  const mapping = new SourceMapping(source, image.width, image.height)
  const out = new Uint8Array(width * height * 3)
  for (let row = 0; row < height; row++) {
    const pitch = 90 - ((row + 0.5) / height) * 180
    const sourceY = mapping.row(pitch)
    for (let col = 0; col < width; col++) {
      const yaw = ((col + 0.5) / width) * 360 - 180
      const sourceX = mapping.column(yaw)
      if (Number.isNaN(sourceX) || Number.isNaN(sourceY)) continue
      sampleBilinear(image, sourceX, sourceY, mapping.fullTurn, out, (row * width + col) * 3)
    }
  }
  return { data: out, width, height }
}
