import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs'
import { dirname, extname, resolve as resolvePath } from 'node:path'
import type { Coverage } from '../../src/core/cube.ts'
import { readPanoramaMetadata } from '../../src/core/gpano.ts'
import { readImageInfo } from '../../src/core/imageInfo.ts'
import type { TourProblem } from '../../src/tour/problems.ts'
import { parseTilesDescriptor } from '../../src/tour/tilesDescriptor.ts'

/**
 * Bytes read first from an image. PNG and WebP keep their size in the first 30 bytes, and a JPEG
 * keeps it in its frame header, after metadata segments of at most 64 KB each.
 */
const IMAGE_HEADER_BYTES = 64 * 1024

/** Size of the binary glTF header (magic, version, length) and the first chunk's header. */
const GLB_HEADER_BYTES = 20

/** Largest difference between an equirectangular image's width and twice its height, relative. */
export const EQUIRECT_TOLERANCE = 0.01

/**
 * Width above which a panorama gets a warning that many devices show it scaled down. WebGL reports
 * a device's limit as MAX_TEXTURE_SIZE. 8192 and 16384 are common on desktops and 4096 on phones,
 * an estimate from published device tables rather than a measurement here.
 */
export const DESKTOP_TEXTURE_LIMIT = 8192

/** MAX_TEXTURE_SIZE that many phones report, in pixels; see `DESKTOP_TEXTURE_LIMIT`. */
export const PHONE_TEXTURE_LIMIT = 4096

/** A problem found in an asset file's content, reported at the asset path that names the file. */
export type ContentProblem = Pick<TourProblem, 'severity' | 'code' | 'expected' | 'actual'>

/**
 * Checks a panorama file. An `equirect` source must be a JPEG, PNG or WebP image that is 2:1
 * after its EXIF orientation is applied, unless GPano XMP places it as a cropped or cylindrical
 * panorama. Wide images get a warning that suggests tiling. A `tiles` source must be a valid
 * tiles.json descriptor whose preview exists. Reads only the image header and its metadata.
 */
export function checkPanoramaFile(file: string, type: unknown): ContentProblem[] {
  if (type === 'tiles') return checkTilesDescriptor(file)
  const bytes = readImageHeader(file)
  const metadata = bytes === null ? null : readPanoramaMetadata(bytes)
  if (metadata === null) return [{ severity: 'error', code: 'invalid-image' }]
  if (type !== 'equirect') return []

  const problems: ContentProblem[] = []
  const { width, height, placement } = metadata
  const size = `${width}×${height}`
  if (placement.fromXmp && placement.projection === 'cylindrical') {
    problems.push({
      severity: 'warning',
      code: 'cylindrical-panorama',
      actual: describeCoverage(placement.coverage),
    })
  } else if (placement.fromXmp && placement.partial) {
    problems.push({
      severity: 'warning',
      code: 'partial-panorama',
      actual: describeCoverage(placement.coverage),
    })
  } else if (Math.abs(width - 2 * height) > EQUIRECT_TOLERANCE * 2 * height) {
    // Compared in whole pixels, so that exactly 1% off (2020×1000) is not lost to rounding.
    problems.push({
      severity: 'warning',
      code: 'not-equirectangular',
      actual: size,
      expected: `${width}×${Math.round(width / 2)}`,
    })
  }

  if (width > DESKTOP_TEXTURE_LIMIT) {
    problems.push({
      severity: 'warning',
      code: 'panorama-over-texture-limit',
      actual: size,
      expected: String(DESKTOP_TEXTURE_LIMIT),
    })
  } else if (width > PHONE_TEXTURE_LIMIT) {
    problems.push({
      severity: 'warning',
      code: 'panorama-over-phone-limit',
      actual: size,
      expected: String(PHONE_TEXTURE_LIMIT),
    })
  }
  return problems
}

/** Returns the covered area as text, such as `yaw -180..180, pitch -27..27`. */
function describeCoverage(coverage: Coverage): string {
  const round = (value: number) => Math.round(value * 10) / 10
  return `yaw ${round(coverage.yawMin)}..${round(coverage.yawMax)}°, pitch ${round(coverage.pitchMin)}..${round(coverage.pitchMax)}°`
}

/** Checks a tiles.json descriptor and that the preview it names exists beside it. */
function checkTilesDescriptor(file: string): ContentProblem[] {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    return [{ severity: 'error', code: 'invalid-tiles', actual: errorText(error) }]
  }
  const result = parseTilesDescriptor(text)
  if (!result.ok) {
    const actual = result.field === null ? result.detail : `${result.field}: ${result.detail}`
    return [{ severity: 'error', code: 'invalid-tiles', actual }]
  }
  const preview = resolvePath(dirname(file), ...result.descriptor.preview.split('/'))
  if (!existsSync(preview)) {
    return [
      {
        severity: 'error',
        code: 'invalid-tiles',
        actual: `preview ${result.descriptor.preview} not found`,
      },
    ]
  }
  return []
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * Checks that a model file is glTF 2.0: a `.glb` file must be binary glTF, a `.gltf` file must be
 * JSON with an `asset` object, and a file with any other extension may be either.
 */
export function checkModelFile(file: string): ContentProblem | null {
  const extension = extname(file).toLowerCase()
  const { bytes: header, size } = readFileStart(file, GLB_HEADER_BYTES)
  const isBinary = ascii(header, 0, 4) === 'glTF'

  if (extension === '.glb' || (extension !== '.gltf' && isBinary)) {
    return checkBinaryGltf(header, size)
  }
  // A JSON glTF can only be checked whole, so a file that cannot be JSON is rejected from its
  // first bytes, without reading the rest.
  if (!startsLikeJsonObject(header)) return { severity: 'error', code: 'invalid-model' }
  return isJsonGltf(readFileSync(file, 'utf8'))
    ? null
    : { severity: 'error', code: 'invalid-model' }
}

function checkBinaryGltf(header: Uint8Array, size: number): ContentProblem | null {
  const invalid: ContentProblem = { severity: 'error', code: 'invalid-model' }
  if (header.length < 12 || ascii(header, 0, 4) !== 'glTF') return invalid
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength)
  // Version 1 is the binary form of glTF 1.0, which the GLTFLoader of three.js 0.187 rejects.
  if (view.getUint32(4, true) !== 2) return invalid
  const length = view.getUint32(8, true)
  if (length > size) {
    return {
      severity: 'error',
      code: 'truncated-model',
      expected: String(length),
      actual: String(size),
    }
  }
  // The first chunk of a binary glTF 2.0 file must be its JSON.
  if (header.length < GLB_HEADER_BYTES || ascii(header, 16, 4) !== 'JSON') return invalid
  return null
}

function isJsonGltf(text: string): boolean {
  let json: unknown
  try {
    // The GLTFLoader of three.js decodes with `TextDecoder`, which drops a UTF-8 byte order mark.
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  } catch {
    return false
  }
  if (!isObject(json) || !isObject(json.asset)) return false
  const version = json.asset.version
  return typeof version === 'string' && Number.parseInt(version, 10) >= 2
}

function startsLikeJsonObject(bytes: Uint8Array): boolean {
  const text = new TextDecoder().decode(bytes).trimStart()
  return text.startsWith('{')
}

/**
 * Returns the first bytes of an image, up to and including its size header, or null when it is
 * not a JPEG, PNG or WebP image that `readImageInfo` can read. A JPEG's XMP usually comes before its
 * frame header, so the bytes then include it.
 */
function readImageHeader(file: string): Uint8Array | null {
  const descriptor = openSync(file, 'r')
  try {
    const size = fstatSync(descriptor).size
    let bytes = readAt(descriptor, 0, Math.min(IMAGE_HEADER_BYTES, size))
    let info = readImageInfo(bytes)
    // A JPEG with large metadata, such as an extended XMP depth map, has its frame header further
    // on, so the read grows until the header is found or the whole file has been read.
    // NOTE: `readImageInfo` returns null for a damaged JPEG as well, so such a file is read whole.
    while (info === null && isJpeg(bytes) && bytes.length < size) {
      const more = readAt(descriptor, bytes.length, Math.min(bytes.length * 3, size - bytes.length))
      if (more.length === 0) break
      const grown = new Uint8Array(bytes.length + more.length)
      grown.set(bytes)
      grown.set(more, bytes.length)
      bytes = grown
      info = readImageInfo(bytes)
    }
    return info === null ? null : bytes
  } finally {
    closeSync(descriptor)
  }
}

function readFileStart(file: string, length: number): { bytes: Uint8Array; size: number } {
  const descriptor = openSync(file, 'r')
  try {
    const size = fstatSync(descriptor).size
    return { bytes: readAt(descriptor, 0, Math.min(length, size)), size }
  } finally {
    closeSync(descriptor)
  }
}

/** Reads up to `length` bytes from `position`; fewer only at the end of the file. */
function readAt(descriptor: number, position: number, length: number): Uint8Array {
  const buffer = new Uint8Array(length)
  let filled = 0
  while (filled < length) {
    const count = readSync(descriptor, buffer, filled, length - filled, position + filled)
    if (count === 0) break
    filled += count
  }
  return buffer.subarray(0, filled)
}

function isJpeg(bytes: Uint8Array): boolean {
  return bytes[0] === 0xff && bytes[1] === 0xd8
}

function ascii(bytes: Uint8Array, offset: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + length))
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
