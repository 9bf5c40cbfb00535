import sharp from 'sharp'

/** Returns a real JPEG image of one grey colour, optionally tagged with an EXIF orientation. */
export async function greyJpeg(
  width: number,
  height: number,
  orientation?: number,
): Promise<Buffer> {
  const image = sharp({ create: { width, height, channels: 3, background: '#808080' } }).jpeg()
  if (orientation !== undefined) image.withMetadata({ orientation })
  return image.toBuffer()
}

/** Returns `jpeg` with APPn segments of `size` bytes in total inserted after its start marker. */
export function withLargeMetadata(jpeg: Buffer, size: number): Buffer {
  const segments: Buffer[] = []
  for (let remaining = size; remaining > 0; ) {
    // A segment's length field counts itself and is at most 0xffff.
    const length = Math.min(0xffff, remaining + 2)
    const segment = Buffer.alloc(length + 2, 0x20)
    segment[0] = 0xff
    segment[1] = 0xef
    segment.writeUInt16BE(length, 2)
    segments.push(segment)
    remaining -= length - 2
  }
  return Buffer.concat([jpeg.subarray(0, 2), ...segments, jpeg.subarray(2)])
}

/** The smallest valid glTF 2.0 document. */
export const MINIMAL_GLTF_JSON = { asset: { version: '2.0' } }

/** Returns a binary glTF file with one JSON chunk; `version` and `length` may be set wrong. */
export function minimalGlb(options: { version?: number; length?: number } = {}): Buffer {
  const json = Buffer.from(JSON.stringify(MINIMAL_GLTF_JSON))
  // Chunks are padded to 4 bytes, the JSON chunk with spaces.
  const padded = Buffer.concat([json, Buffer.alloc((4 - (json.length % 4)) % 4, 0x20)])
  const header = Buffer.alloc(20)
  header.write('glTF', 0, 'ascii')
  header.writeUInt32LE(options.version ?? 2, 4)
  header.writeUInt32LE(options.length ?? header.length + padded.length, 8)
  header.writeUInt32LE(padded.length, 12)
  header.write('JSON', 16, 'ascii')
  return Buffer.concat([header, padded])
}
