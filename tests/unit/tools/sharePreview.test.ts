import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import {
  PREVIEW_HEIGHT,
  PREVIEW_WIDTH,
  panoramaPreview,
  projectEquirect,
  type RawImage,
} from '../../../tools/lib/sharePreview.ts'

const WIDTH = 720
const HEIGHT = 360

/**
 * An equirectangular test image whose red channel encodes the column (longitude) and green the row
 * (latitude), so a sampled colour tells where on the sphere it came from.
 */
function coordinateImage(): RawImage {
  const data = new Uint8Array(WIDTH * HEIGHT * 3)
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      const offset = (y * WIDTH + x) * 3
      data[offset] = Math.floor((x / WIDTH) * 256)
      data[offset + 1] = Math.floor((y / HEIGHT) * 256)
      data[offset + 2] = 0
    }
  }
  return { data, width: WIDTH, height: HEIGHT, channels: 3 }
}

/** Returns the longitude and latitude in degrees that the output pixel at (x, y) came from. */
function sampledAngles(pixels: Uint8Array, width: number, x: number, y: number) {
  const offset = (y * width + x) * 3
  const red = pixels[offset] ?? 0
  const green = pixels[offset + 1] ?? 0
  return { yaw: (red / 256) * 360 - 180, pitch: 90 - (green / 256) * 180 }
}

describe('tools/sharePreview', () => {
  const source = coordinateImage()

  it.each([
    [0, 0],
    [90, 0],
    [-120, 20],
    [45, -30],
  ])('centre shows yaw %d, pitch %d', (yaw, pitch) => {
    const pixels = projectEquirect(source, { yaw, pitch, fov: 60 }, 64, 34)
    // The centre of an even-sized image lies between pixels; both neighbours are within a degree.
    const centre = sampledAngles(pixels, 64, 32, 17)
    expect(centre.yaw).toBeCloseTo(yaw, -0.3)
    expect(centre.pitch).toBeCloseTo(pitch, -0.5)
  })

  it('positive yaw is to the right', () => {
    const pixels = projectEquirect(source, { yaw: 0, pitch: 0, fov: 60 }, 64, 34)
    const left = sampledAngles(pixels, 64, 8, 17)
    const right = sampledAngles(pixels, 64, 56, 17)
    expect(left.yaw).toBeLessThan(0)
    expect(right.yaw).toBeGreaterThan(0)
  })

  it('spans the vertical field of view', () => {
    const height = 200
    const pixels = projectEquirect(source, { yaw: 0, pitch: 0, fov: 60 }, 100, height)
    const top = sampledAngles(pixels, 100, 50, 0)
    const bottom = sampledAngles(pixels, 100, 50, height - 1)
    expect(top.pitch).toBeCloseTo(30, -0.5)
    expect(bottom.pitch).toBeCloseTo(-30, -0.5)
  })

  it('wraps across the seam', () => {
    const pixels = projectEquirect(source, { yaw: 180, pitch: 0, fov: 60 }, 64, 34)
    const left = sampledAngles(pixels, 64, 8, 17)
    const right = sampledAngles(pixels, 64, 56, 17)
    // About 39° either side of the seam at this width.
    expect(left.yaw).toBeGreaterThan(135)
    expect(right.yaw).toBeLessThan(-135)
  })

  it('writes a 1200×630 JPEG', async () => {
    const equirect = await sharp(Buffer.from(source.data), {
      raw: { width: WIDTH, height: HEIGHT, channels: 3 },
    })
      .png()
      .toBuffer()
    const preview = await panoramaPreview(equirect, { yaw: 0, pitch: 0, fov: 75 })
    const metadata = await sharp(preview).metadata()
    expect([metadata.format, metadata.width, metadata.height]).toEqual([
      'jpeg',
      PREVIEW_WIDTH,
      PREVIEW_HEIGHT,
    ])
  })
})
