/**
 * Reads the pixel size and EXIF orientation from the first bytes of a JPEG, PNG or WebP file,
 * without decoding it, so an oversized panorama can be scaled down while it is decoded.
 */
export interface ImageInfo {
  format: 'jpeg' | 'png' | 'webp'
  /** Size as stored in the file, before EXIF orientation is applied. */
  width: number
  height: number
  /** EXIF orientation 1–8; 1 when absent. Values 5–8 swap width and height on display. */
  orientation: number
}

/** Returns the size a decoder shows after applying the EXIF orientation. */
export function displaySize(info: ImageInfo): { width: number; height: number } {
  return info.orientation >= 5 && info.orientation <= 8
    ? { width: info.height, height: info.width }
    : { width: info.width, height: info.height }
}

/** Returns the image's format, size and orientation, or null when the header is not recognised. */
export function readImageInfo(bytes: Uint8Array): ImageInfo | null {
  if (bytes.length >= 24 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e) {
    return readPng(bytes)
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) return readJpeg(bytes)
  if (bytes.length >= 30 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') {
    return readWebp(bytes)
  }
  return null
}

function ascii(bytes: Uint8Array, offset: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + length))
}

function readPng(bytes: Uint8Array): ImageInfo | null {
  if (ascii(bytes, 12, 4) !== 'IHDR') return null
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return { format: 'png', width: view.getUint32(16), height: view.getUint32(20), orientation: 1 }
}

function readJpeg(bytes: Uint8Array): ImageInfo | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let orientation = 1
  let offset = 2
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return null
    const marker = bytes[offset + 1] ?? 0
    // Fill bytes and markers without a length.
    if (marker === 0xff) {
      offset++
      continue
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      offset += 2
      continue
    }
    const length = view.getUint16(offset + 2)
    if (length < 2) return null
    const segment = offset + 4
    if (marker === 0xe1 && ascii(bytes, segment, 4) === 'Exif') {
      orientation = readExifOrientation(bytes, segment + 6, length - 8) ?? orientation
    }
    // Start-of-frame markers (baseline, progressive and the rarer kinds) carry the size.
    const isFrame = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)
    if (isFrame) {
      if (segment + 5 > bytes.length) return null
      const height = view.getUint16(segment + 1)
      const width = view.getUint16(segment + 3)
      return { format: 'jpeg', width, height, orientation }
    }
    if (marker === 0xda) return null
    offset = segment + length - 2
  }
  return null
}

function readExifOrientation(bytes: Uint8Array, tiff: number, length: number): number | null {
  if (length < 8 || tiff + 8 > bytes.length) return null
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const little = ascii(bytes, tiff, 2) === 'II'
  const firstIfd = tiff + view.getUint32(tiff + 4, little)
  if (firstIfd + 2 > bytes.length) return null
  const count = view.getUint16(firstIfd, little)
  for (let index = 0; index < count; index++) {
    const entry = firstIfd + 2 + index * 12
    if (entry + 12 > bytes.length) return null
    if (view.getUint16(entry, little) === 0x0112) {
      const value = view.getUint16(entry + 8, little)
      return value >= 1 && value <= 8 ? value : null
    }
  }
  return null
}

function readWebp(bytes: Uint8Array): ImageInfo | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const chunk = ascii(bytes, 12, 4)
  if (chunk === 'VP8 ') {
    const width = view.getUint16(26, true) & 0x3fff
    const height = view.getUint16(28, true) & 0x3fff
    return { format: 'webp', width, height, orientation: 1 }
  }
  if (chunk === 'VP8L') {
    const b1 = bytes[21] ?? 0
    const b2 = bytes[22] ?? 0
    const b3 = bytes[23] ?? 0
    const b4 = bytes[24] ?? 0
    const width = 1 + (((b2 & 0x3f) << 8) | b1)
    const height = 1 + (((b4 & 0x0f) << 10) | (b3 << 2) | ((b2 & 0xc0) >> 6))
    return { format: 'webp', width, height, orientation: 1 }
  }
  if (chunk === 'VP8X') {
    const width = 1 + ((bytes[24] ?? 0) | ((bytes[25] ?? 0) << 8) | ((bytes[26] ?? 0) << 16))
    const height = 1 + ((bytes[27] ?? 0) | ((bytes[28] ?? 0) << 8) | ((bytes[29] ?? 0) << 16))
    return { format: 'webp', width, height, orientation: 1 }
  }
  return null
}

/**
 * Returns the decode size that fits within `maxSize` on both sides, keeping the aspect ratio; the
 * input size when it already fits.
 */
export function fitWithin(
  size: { width: number; height: number },
  maxSize: number,
): { width: number; height: number; scaled: boolean } {
  const scale = Math.min(1, maxSize / size.width, maxSize / size.height)
  if (scale >= 1) return { ...size, scaled: false }
  return {
    width: Math.max(1, Math.floor(size.width * scale)),
    height: Math.max(1, Math.floor(size.height * scale)),
    scaled: true,
  }
}
