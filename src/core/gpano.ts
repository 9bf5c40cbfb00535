/**
 * Reads the Google Photo Sphere XMP properties (the `GPano` namespace) from image bytes and works
 * out where a panorama sits on the sphere. Pure: runs in Node and in the browser.
 *
 * The properties are described at https://developers.google.com/streetview/spherical-metadata.
 * Pixel values refer to the image as first written. Tools that resize an image often keep them
 * unchanged, so they are scaled by the real width over `CroppedAreaImageWidthPixels`.
 */

import { type Coverage, FULL_COVERAGE } from './cube.ts'
import { displaySize, type ImageInfo, readImageInfo } from './imageInfo.ts'

/** GPano properties as written in the XMP; absent ones are undefined. */
export interface GPanoXmp {
  projectionType?: string
  fullPanoWidthPixels?: number
  fullPanoHeightPixels?: number
  croppedAreaImageWidthPixels?: number
  croppedAreaImageHeightPixels?: number
  croppedAreaLeftPixels?: number
  croppedAreaTopPixels?: number
  poseHeadingDegrees?: number
}

const NUMBER_PROPERTIES = {
  FullPanoWidthPixels: 'fullPanoWidthPixels',
  FullPanoHeightPixels: 'fullPanoHeightPixels',
  CroppedAreaImageWidthPixels: 'croppedAreaImageWidthPixels',
  CroppedAreaImageHeightPixels: 'croppedAreaImageHeightPixels',
  CroppedAreaLeftPixels: 'croppedAreaLeftPixels',
  CroppedAreaTopPixels: 'croppedAreaTopPixels',
  PoseHeadingDegrees: 'poseHeadingDegrees',
} as const

/** Header of a JPEG APP1 segment that contains an XMP packet. */
const XMP_JPEG_HEADER = 'http://ns.adobe.com/xap/1.0/\0'

/** Keyword of the PNG iTXt chunk that contains an XMP packet. */
const XMP_PNG_KEYWORD = 'XML:com.adobe.xmp'

/**
 * Returns the XMP packet of a JPEG, PNG or WebP file as text, or null when there is none. Only the
 * main packet is read, not JPEG extended XMP, which GPano does not use.
 */
export function readXmp(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return readJpegXmp(bytes)
  if (bytes[0] === 0x89 && ascii(bytes, 1, 3) === 'PNG') return readPngXmp(bytes)
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return readWebpXmp(bytes)
  return null
}

function readJpegXmp(bytes: Uint8Array): string | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let offset = 2
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return null
    const marker = bytes[offset + 1] ?? 0
    if (marker === 0xff) {
      offset++
      continue
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      offset += 2
      continue
    }
    // Metadata segments come before the image data.
    if (marker === 0xda || marker === 0xd9) return null
    const length = view.getUint16(offset + 2)
    if (length < 2) return null
    const start = offset + 4
    const end = Math.min(bytes.length, offset + 2 + length)
    if (marker === 0xe1 && ascii(bytes, start, XMP_JPEG_HEADER.length) === XMP_JPEG_HEADER) {
      return utf8(bytes.subarray(start + XMP_JPEG_HEADER.length, end))
    }
    offset += 2 + length
  }
  return null
}

function readPngXmp(bytes: Uint8Array): string | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let offset = 8
  while (offset + 8 <= bytes.length) {
    const length = view.getUint32(offset)
    const type = ascii(bytes, offset + 4, 4)
    const data = bytes.subarray(offset + 8, Math.min(bytes.length, offset + 8 + length))
    if (type === 'IDAT' || type === 'IEND') return null
    if (type === 'iTXt' && ascii(data, 0, XMP_PNG_KEYWORD.length + 1) === `${XMP_PNG_KEYWORD}\0`) {
      // Keyword, NUL, compression flag, compression method, language tag, NUL, translated
      // keyword, NUL, then the text. A compressed packet is not read: it needs an inflater, which is asynchronous
      // in the browser. NOTE: libvips (sharp) writes PNG XMP compressed, as zTXt.
      let position = XMP_PNG_KEYWORD.length + 1
      if (data[position] !== 0) return null
      position += 2
      for (let nul = 0; nul < 2; nul++) {
        while (position < data.length && data[position] !== 0) position++
        position++
      }
      return utf8(data.subarray(position))
    }
    offset += 12 + length
  }
  return null
}

function readWebpXmp(bytes: Uint8Array): string | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let offset = 12
  while (offset + 8 <= bytes.length) {
    const type = ascii(bytes, offset, 4)
    const length = view.getUint32(offset + 4, true)
    if (type === 'XMP ') {
      return utf8(bytes.subarray(offset + 8, Math.min(bytes.length, offset + 8 + length)))
    }
    // Chunks are padded to an even length.
    offset += 8 + length + (length % 2)
  }
  return null
}

/**
 * Returns the GPano properties of an XMP packet, or null when it has none. Both the attribute form
 * (`GPano:ProjectionType="cylindrical"`) and the element form
 * (`<GPano:ProjectionType>cylindrical</GPano:ProjectionType>`) are read.
 */
export function parseGPanoXmp(xmp: string): GPanoXmp | null {
  const raw = new Map<string, string>()
  const pattern =
    /GPano:([A-Za-z]+)\s*=\s*(?:"([^"]*)"|'([^']*)')|<GPano:([A-Za-z]+)>\s*([^<]*?)\s*<\/GPano:\4>/g
  for (const match of xmp.matchAll(pattern)) {
    const name = match[1] ?? match[4]
    const value = match[2] ?? match[3] ?? match[5]
    if (name !== undefined && value !== undefined && !raw.has(name)) raw.set(name, value.trim())
  }
  if (raw.size === 0) return null

  const gpano: GPanoXmp = {}
  const projection = raw.get('ProjectionType')
  if (projection !== undefined) gpano.projectionType = projection
  for (const [name, key] of Object.entries(NUMBER_PROPERTIES)) {
    const text = raw.get(name)
    if (text === undefined || text === '') continue
    const value = Number(text)
    if (Number.isFinite(value)) gpano[key] = value
  }
  return gpano
}

/** Panorama projections this app can place on the sphere. */
export type PanoramaProjection = 'equirectangular' | 'cylindrical'

/** Placement of a panorama image on the sphere, worked out from its size and its GPano XMP. */
export interface PanoramaPlacement {
  projection: PanoramaProjection
  /**
   * Area of the sphere the image covers. Image rows map linearly to pitch for an equirectangular
   * image and linearly to tan(pitch) for a cylindrical one.
   */
  coverage: Coverage
  /** True when the image covers less than the whole sphere. */
  partial: boolean
  /** True when GPano XMP was found and used. */
  fromXmp: boolean
  /**
   * Real width over `CroppedAreaImageWidthPixels`: 1 when the XMP matches the image, smaller when
   * the image was shrunk after the XMP was written.
   */
  xmpScale: number
  /** `PoseHeadingDegrees`, for information only: yaw stays measured on the image. */
  headingDegrees?: number
  /** `ProjectionType` when it is neither equirectangular nor cylindrical, such as `cubemap`. */
  unsupportedProjection?: string
  /** Problems in the XMP that were worked around, in English, for tool output. */
  notes: string[]
}

/** Largest relative difference between the image height and the height the XMP predicts. */
const HEIGHT_TOLERANCE = 0.02

/**
 * Returns where an image of the given displayed size sits on the sphere. Without GPano XMP the
 * image is taken as a full equirectangular sphere, whatever its aspect ratio, so callers check that.
 */
export function placePanorama(
  width: number,
  height: number,
  gpano: GPanoXmp | null,
): PanoramaPlacement {
  const notes: string[] = []
  if (gpano === null) {
    return {
      projection: 'equirectangular',
      coverage: { ...FULL_COVERAGE },
      partial: false,
      fromXmp: false,
      xmpScale: 1,
      notes,
    }
  }

  let projection: PanoramaProjection = 'equirectangular'
  let unsupportedProjection: string | undefined
  const type = gpano.projectionType?.toLowerCase()
  if (type === 'cylindrical') projection = 'cylindrical'
  else if (type !== undefined && type !== 'equirectangular') unsupportedProjection = type

  const croppedWidth = positive(gpano.croppedAreaImageWidthPixels) ?? width
  const xmpScale = width / croppedWidth
  const croppedHeight = positive(gpano.croppedAreaImageHeightPixels) ?? height / xmpScale
  const fullWidth = positive(gpano.fullPanoWidthPixels) ?? croppedWidth
  const fullHeight = positive(gpano.fullPanoHeightPixels) ?? fullWidth / 2
  const left = nonNegative(gpano.croppedAreaLeftPixels) ?? 0
  const top = nonNegative(gpano.croppedAreaTopPixels) ?? 0

  if (Math.abs(xmpScale - 1) > 1e-6) {
    notes.push(
      `GPano XMP describes a ${croppedWidth} px wide image but the image is ${width} px wide; its values are scaled by ${round(xmpScale, 4)}.`,
    )
  }
  // A cylindrical image's rows follow tan(pitch), so only an equirectangular one can be checked
  // against the XMP's linear pitch range.
  const expectedHeight = croppedHeight * xmpScale
  if (
    projection === 'equirectangular' &&
    Math.abs(expectedHeight - height) > HEIGHT_TOLERANCE * height
  ) {
    notes.push(
      `GPano XMP predicts a height of ${Math.round(expectedHeight)} px after scaling but the image is ${height} px high; the XMP's pitch range is used.`,
    )
  }

  const yawMin = (left / fullWidth) * 360 - 180
  const yawWidth = Math.min(360, (croppedWidth / fullWidth) * 360)
  const pitchMax = clampPitch(90 - (top / fullHeight) * 180)
  const pitchMin = clampPitch(90 - ((top + croppedHeight) / fullHeight) * 180)
  if (top + croppedHeight > fullHeight * 1.001 || left > fullWidth) {
    notes.push(
      `GPano XMP crops outside the full panorama (${left},${top} + ${croppedWidth}×${croppedHeight} of ${fullWidth}×${fullHeight}); the crop is clamped.`,
    )
  }
  const coverage: Coverage =
    yawWidth >= 360
      ? { yawMin: -180, yawMax: 180, pitchMin, pitchMax }
      : { yawMin, yawMax: yawMin + yawWidth, pitchMin, pitchMax }

  const placement: PanoramaPlacement = {
    projection,
    coverage,
    partial: yawWidth < 360 - 1e-6 || pitchMin > -90 + 1e-6 || pitchMax < 90 - 1e-6,
    fromXmp: true,
    xmpScale,
    notes,
  }
  if (gpano.poseHeadingDegrees !== undefined) placement.headingDegrees = gpano.poseHeadingDegrees
  if (unsupportedProjection !== undefined) placement.unsupportedProjection = unsupportedProjection
  return placement
}

/** Size, orientation and GPano properties read from the bytes of a panorama image. */
export interface PanoramaMetadata {
  info: ImageInfo
  /** Size after the EXIF orientation is applied. */
  width: number
  height: number
  gpano: GPanoXmp | null
  placement: PanoramaPlacement
}

/**
 * Reads the size, EXIF orientation and GPano XMP of an image and places it on the sphere. Returns
 * null when the bytes are not a JPEG, PNG or WebP image whose header can be read.
 */
export function readPanoramaMetadata(bytes: Uint8Array): PanoramaMetadata | null {
  const info = readImageInfo(bytes)
  if (info === null || info.width === 0 || info.height === 0) return null
  const { width, height } = displaySize(info)
  const xmp = readXmp(bytes)
  const gpano = xmp === null ? null : parseGPanoXmp(xmp)
  return { info, width, height, gpano, placement: placePanorama(width, height, gpano) }
}

function positive(value: number | undefined): number | undefined {
  return value !== undefined && value > 0 ? value : undefined
}

function nonNegative(value: number | undefined): number | undefined {
  return value !== undefined && value >= 0 ? value : undefined
}

function clampPitch(pitch: number): number {
  return Math.min(90, Math.max(-90, pitch))
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}

function ascii(bytes: Uint8Array, offset: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + length))
}

function utf8(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes)
}
