import { readFileSync } from 'node:fs'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import {
  displaySize,
  fitWithin,
  type ImageInfo,
  readImageInfo,
} from '../../../src/core/imageInfo.ts'
import { fixturePath, hasFixtures, MISSING_FIXTURES_REASON } from '../../support/fixtures.ts'

function readFixture(relativePath: string): Uint8Array {
  return new Uint8Array(readFileSync(fixturePath(relativePath)))
}

/** Returns a 300×150 image of one flat colour, whose encoded headers the tests read. */
function flatImage(channels: 3 | 4 = 3) {
  return sharp({
    create: { width: 300, height: 150, channels, background: { r: 200, g: 60, b: 40, alpha: 0.5 } },
  })
}

/**
 * Builds the first bytes of a JPEG by hand: an APP1 Exif segment with a big-endian ("MM") TIFF
 * header holding one orientation entry, then a baseline frame header of `width`×`height`.
 */
function bigEndianExifJpeg(orientation: number, width: number, height: number): Uint8Array {
  const tiff = [
    ...[0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08],
    ...[0x00, 0x01],
    ...[0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, orientation, 0x00, 0x00],
    ...[0x00, 0x00, 0x00, 0x00],
  ]
  const exif = [0x45, 0x78, 0x69, 0x66, 0x00, 0x00, ...tiff]
  const app1 = [0xff, 0xe1, 0x00, exif.length + 2, ...exif]
  const sof0 = [
    ...[0xff, 0xc0, 0x00, 0x11, 0x08],
    ...[height >> 8, height & 0xff, width >> 8, width & 0xff],
    ...[0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01],
  ]
  return new Uint8Array([0xff, 0xd8, ...app1, ...sof0])
}

describe('core/imageInfo', () => {
  const fixturesTitle = hasFixtures
    ? 'readImageInfo on shared fixtures'
    : `readImageInfo on shared fixtures: skipped, ${MISSING_FIXTURES_REASON}`

  describe.skipIf(!hasFixtures)(fixturesTitle, () => {
    it.each<[string, ImageInfo]>([
      [
        'panoramas/egjs-equi_4096-labeled-grid.jpg',
        { format: 'jpeg', width: 4096, height: 2048, orientation: 1 },
      ],
      [
        'panoramas/egjs-test_equi-6144x3072-rgba.png',
        { format: 'png', width: 6144, height: 3072, orientation: 1 },
      ],
      [
        'panoramas/egjs-cubemap-3x2.jpg',
        { format: 'jpeg', width: 4608, height: 3072, orientation: 1 },
      ],
      [
        'panoramas/egjs-veste-gpano-2000x1000.jpg',
        { format: 'jpeg', width: 2000, height: 1000, orientation: 1 },
      ],
      [
        'panoramas/polyhaven-potsdamer_platz_1k-gainmap.jpg',
        { format: 'jpeg', width: 1024, height: 512, orientation: 1 },
      ],
    ])('reads %s', (file, expected) => {
      expect(readImageInfo(readFixture(file))).toEqual(expected)
    })

    it('rejects broken 16-byte JPEG', () => {
      expect(readImageInfo(readFixture('panoramas/broken/invalid_image_data.jpg'))).toBeNull()
    })

    it('reads header from a subarray', () => {
      const file = readFixture('panoramas/egjs-equi_4096-labeled-grid.jpg')
      const padded = new Uint8Array(file.length + 7)
      padded.set(file, 7)
      expect(readImageInfo(padded.subarray(7))?.width).toBe(4096)
    })

    it('returns null for a JPEG cut before its frame header', () => {
      const file = readFixture('panoramas/egjs-veste-gpano-2000x1000.jpg')
      expect(readImageInfo(file.subarray(0, 64))).toBeNull()
    })
  })

  describe('readImageInfo on generated headers', () => {
    it('reads lossy WebP', async () => {
      const bytes = await flatImage().webp({ quality: 80 }).toBuffer()
      expect(readImageInfo(bytes)).toEqual({
        format: 'webp',
        width: 300,
        height: 150,
        orientation: 1,
      })
    })

    it('reads lossless WebP', async () => {
      const bytes = await flatImage().webp({ lossless: true }).toBuffer()
      expect(readImageInfo(bytes)).toEqual({
        format: 'webp',
        width: 300,
        height: 150,
        orientation: 1,
      })
    })

    it('reads extended WebP with alpha', async () => {
      const bytes = await flatImage(4).webp({ quality: 80 }).toBuffer()
      expect(Buffer.from(bytes.subarray(12, 16)).toString('latin1')).toBe('VP8X')
      expect(readImageInfo(bytes)).toEqual({
        format: 'webp',
        width: 300,
        height: 150,
        orientation: 1,
      })
    })

    it('reads PNG', async () => {
      const bytes = await flatImage().png().toBuffer()
      expect(readImageInfo(bytes)).toEqual({
        format: 'png',
        width: 300,
        height: 150,
        orientation: 1,
      })
    })

    it('reads EXIF orientation 6', async () => {
      const bytes = await flatImage().jpeg().withMetadata({ orientation: 6 }).toBuffer()
      const info = readImageInfo(bytes)
      expect(info).toEqual({ format: 'jpeg', width: 300, height: 150, orientation: 6 })
    })

    it('reads big-endian EXIF', () => {
      const info = readImageInfo(bigEndianExifJpeg(8, 640, 320))
      expect(info).toEqual({ format: 'jpeg', width: 640, height: 320, orientation: 8 })
    })

    it('ignores invalid orientation value', () => {
      expect(readImageInfo(bigEndianExifJpeg(9, 640, 320))?.orientation).toBe(1)
    })

    it.each([
      ['empty', new Uint8Array()],
      ['text', new TextEncoder().encode('<!doctype html><html><body>404</body></html>')],
      ['GIF', new TextEncoder().encode('GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;')],
      ['SOI only', new Uint8Array([0xff, 0xd8, 0xff, 0xd9])],
    ])('returns null for %s', (_name, bytes) => {
      expect(readImageInfo(bytes)).toBeNull()
    })
  })

  describe('displaySize', () => {
    it('swaps sides for orientation 6', () => {
      expect(displaySize({ format: 'jpeg', width: 300, height: 150, orientation: 6 })).toEqual({
        width: 150,
        height: 300,
      })
    })

    it.each([1, 2, 3, 4])('keeps sides for orientation %d', (orientation) => {
      expect(displaySize({ format: 'jpeg', width: 300, height: 150, orientation })).toEqual({
        width: 300,
        height: 150,
      })
    })
  })

  describe('fitWithin', () => {
    it('scales oversized panorama', () => {
      expect(fitWithin({ width: 6144, height: 3072 }, 4096)).toEqual({
        width: 4096,
        height: 2048,
        scaled: true,
      })
    })

    it('keeps panorama that fits', () => {
      expect(fitWithin({ width: 4096, height: 2048 }, 4096)).toEqual({
        width: 4096,
        height: 2048,
        scaled: false,
      })
    })

    it('limits the taller side', () => {
      expect(fitWithin({ width: 1000, height: 5000 }, 2500)).toEqual({
        width: 500,
        height: 2500,
        scaled: true,
      })
    })
  })
})
