import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CubeFace, directionToFaceUv, faceUvToDirection } from '../../../src/core/cube.ts'
import { directionToYawPitch, yawPitchToDirection } from '../../../src/core/sphere.ts'
import { parseTilesDescriptor } from '../../../src/tour/tilesDescriptor.ts'
import { TileInputError, type TileReport, tilePanorama } from '../../../tools/lib/tile.ts'
import { fixturePath, hasFixtures, MISSING_FIXTURES_REASON } from '../../support/fixtures.ts'

const GRID = 'panoramas/egjs-equi_4096-labeled-grid.jpg'
const PHONE = 'panoramas/egjs-smartphone-partial-gpano-cylindrical.jpg'
const VESTE = 'panoramas/egjs-veste-gpano-2000x1000.jpg'

interface Raw {
  data: Buffer
  width: number
  height: number
  channels: number
}

async function decode(file: string): Promise<Raw> {
  const { data, info } = await sharp(file).removeAlpha().raw().toBuffer({ resolveWithObject: true })
  return { data, width: info.width, height: info.height, channels: info.channels }
}

/** Mean RGB of a square block of `radius` pixels around (x, y), clamped to the image. */
function blockMean(image: Raw, x: number, y: number, radius: number): number[] {
  const sum = [0, 0, 0]
  let count = 0
  for (let dy = -radius; dy <= radius; dy++) {
    for (let dx = -radius; dx <= radius; dx++) {
      const px = Math.min(image.width - 1, Math.max(0, Math.round(x + dx)))
      const py = Math.min(image.height - 1, Math.max(0, Math.round(y + dy)))
      const offset = (py * image.width + px) * image.channels
      for (let channel = 0; channel < 3; channel++) {
        sum[channel] = (sum[channel] ?? 0) + (image.data[offset + channel] ?? 0)
      }
      count++
    }
  }
  return sum.map((value) => value / count)
}

/**
 * Mean source colour over the same block of face pixels that `tileBlock` averages, each pixel
 * taken from the source pixel nearest to `toSource(yaw, pitch)`.
 */
function expectedBlock(
  source: Raw,
  face: CubeFace,
  size: number,
  x: number,
  y: number,
  toSource: (yaw: number, pitch: number) => [number, number],
): number[] {
  const sum = [0, 0, 0]
  let count = 0
  for (let dy = -2; dy <= 2; dy++) {
    for (let dx = -2; dx <= 2; dx++) {
      const { yaw, pitch } = facePixelYawPitch(face, size, Math.round(x) + dx, Math.round(y) + dy)
      const [sourceX, sourceY] = toSource(yaw, pitch)
      const colour = blockMean(source, sourceX, sourceY, 0)
      for (let channel = 0; channel < 3; channel++) {
        sum[channel] = (sum[channel] ?? 0) + (colour[channel] ?? 0)
      }
      count++
    }
  }
  return sum.map((value) => value / count)
}

/** Yaw and pitch of the centre of face pixel (x, y) on a face of `size` pixels. */
function facePixelYawPitch(face: CubeFace, size: number, x: number, y: number) {
  const direction = faceUvToDirection(face, (x + 0.5) / size, (y + 0.5) / size, {
    x: 0,
    y: 0,
    z: 0,
  })
  return directionToYawPitch(direction)
}

/** Reads face pixel (x, y) of a level from its tile, as the mean of a small block. */
async function tileBlock(out: string, level: number, face: CubeFace, x: number, y: number) {
  const row = Math.floor(y / 512)
  const col = Math.floor(x / 512)
  const tile = await decode(join(out, String(level), face, `${row}_${col}.jpg`))
  return blockMean(tile, x - col * 512, y - row * 512, 2)
}

function expectColourNear(actual: number[], expected: number[], tolerance: number, label: string) {
  for (let channel = 0; channel < 3; channel++) {
    const difference = Math.abs((actual[channel] ?? 0) - (expected[channel] ?? 0))
    expect(difference, `${label} channel ${channel}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
      tolerance,
    )
  }
}

function listTiles(out: string, level: number): string[] {
  const folder = join(out, String(level))
  if (!existsSync(folder)) return []
  return readdirSync(folder).flatMap((face) =>
    readdirSync(join(folder, face)).map((file) => `${face}/${file}`),
  )
}

const fixturesTitle = hasFixtures
  ? 'tilePanorama'
  : `tilePanorama: skipped, ${MISSING_FIXTURES_REASON}`

describe.skipIf(!hasFixtures)(fixturesTitle, () => {
  const work = mkdtempSync(join(tmpdir(), 'tile-test-'))
  afterAll(() => rmSync(work, { recursive: true, force: true }))

  describe('labelled grid', () => {
    const out = join(work, 'grid')
    let report: TileReport
    let source: Raw

    beforeAll(async () => {
      report = await tilePanorama(fixturePath(GRID), { out })
      source = await decode(fixturePath(GRID))
    }, 60_000)

    it('writes the descriptor', () => {
      const text = readFileSync(join(out, 'tiles.json'), 'utf8')
      expect(parseTilesDescriptor(text)).toEqual({ ok: true, descriptor: report.descriptor })
      const written = JSON.parse(text)
      expect(written).toEqual(report.descriptor)
      expect(written).toEqual({
        format: 'tay-bac-tiles',
        version: 1,
        tileSize: 512,
        levels: [{ size: 384 }, { size: 768 }, { size: 1536 }],
        tiles: '{level}/{face}/{row}_{col}.jpg',
        preview: 'preview.jpg',
        coverage: { yawMin: -180, yawMax: 180, pitchMin: -90, pitchMax: 90 },
        source: { width: 4096, height: 2048, projection: 'equirectangular' },
      })
    })

    it('writes every tile of every level', () => {
      expect(listTiles(out, 0)).toHaveLength(6)
      expect(listTiles(out, 1)).toHaveLength(6 * 4)
      expect(listTiles(out, 2)).toHaveLength(6 * 9)
      expect(report.tilesPerLevel).toEqual([6, 24, 54])
      expect(report.tilesWritten).toBe(84)
      expect(report.tilesSkipped).toBe(0)
    })

    it('tile sizes follow the level', async () => {
      expect(await sharp(join(out, '0/f/0_0.jpg')).metadata()).toMatchObject({
        width: 384,
        height: 384,
      })
      expect(await sharp(join(out, '1/r/0_0.jpg')).metadata()).toMatchObject({
        width: 512,
        height: 512,
      })
      // The last row and column of a 768 px face are 256 px.
      expect(await sharp(join(out, '1/r/1_1.jpg')).metadata()).toMatchObject({
        width: 256,
        height: 256,
      })
      expect(await sharp(join(out, '2/u/2_2.jpg')).metadata()).toMatchObject({
        width: 512,
        height: 512,
      })
    })

    it('writes a small preview', async () => {
      const metadata = await sharp(join(out, 'preview.jpg')).metadata()
      expect(metadata.width).toBe(1024)
      expect(metadata.height).toBe(512)
      expect(statSync(join(out, 'preview.jpg')).size).toBe(report.previewBytes)
      expect(report.previewBytes).toBeLessThan(100_000)
    })

    it('tile pixels match the source direction', async () => {
      const size = 1536
      const points: [CubeFace, number, number][] = [
        ['f', 300, 1100],
        ['r', 1200, 400],
        ['b', 767, 1300],
        ['l', 100, 700],
        ['u', 400, 1400],
        ['u', 1300, 200],
        ['d', 900, 300],
        ['d', 200, 1200],
      ]
      for (const [face, x, y] of points) {
        const expected = expectedBlock(source, face, size, x, y, (yaw, pitch) => [
          (yaw / 360 + 0.5) * source.width - 0.5,
          (0.5 - pitch / 180) * source.height - 0.5,
        ])
        const actual = await tileBlock(out, 2, face, x, y)
        expectColourNear(actual, expected, 16, `${face} (${x}, ${y})`)
      }
    }, 30_000)

    it('front and right show the grid colours', async () => {
      // Reference colours of the labelled grid at pitch -20: FRONT at yaw 20, RIGHT at yaw 110.
      const references: [number, CubeFace, number[]][] = [
        [20, 'f', [115, 250, 121]],
        [110, 'r', [255, 212, 120]],
      ]
      for (const [yaw, face, colour] of references) {
        const direction = yawPitchToDirection(yaw, -20, { x: 0, y: 0, z: 0 })
        const point = directionToFaceUv(direction, { face: 'f', u: 0, v: 0 })
        expect(point.face).toBe(face)
        const actual = await tileBlock(out, 2, face, point.u * 1536, point.v * 1536)
        expectColourNear(actual, colour, 6, `yaw ${yaw}`)
      }
    })
  })

  describe('phone cylindrical band', () => {
    const out = join(work, 'phone')
    let report: TileReport
    let source: Raw

    beforeAll(async () => {
      report = await tilePanorama(fixturePath(PHONE), { out })
      source = await decode(fixturePath(PHONE))
    }, 60_000)

    it('records the band coverage', () => {
      const { descriptor } = report
      expect(descriptor.source).toEqual({
        width: 3900,
        height: 634,
        projection: 'cylindrical',
        headingDegrees: 0,
      })
      expect(descriptor.coverage.yawMin).toBe(-180)
      expect(descriptor.coverage.yawMax).toBe(180)
      expect(descriptor.coverage.pitchMax).toBeCloseTo(27.03, 2)
      expect(descriptor.coverage.pitchMin).toBeCloseTo(-27.03, 2)
      expect(descriptor.levels).toEqual([{ size: 512 }, { size: 1024 }])
    })

    it('leaves out the up and down faces', () => {
      expect(existsSync(join(out, '0', 'u'))).toBe(false)
      expect(existsSync(join(out, '1', 'd'))).toBe(false)
      // Up and down: one tile each at level 0, four each at level 1.
      expect(report.tilesSkipped).toBe(10)
      expect(listTiles(out, 1)).toHaveLength(16)
    })

    it('maps rows by tan(pitch)', async () => {
      const size = 1024
      const tanMax = Math.tan((27.029 * Math.PI) / 180)
      const points: [CubeFace, number, number][] = [
        ['f', 512, 512],
        ['f', 300, 380],
        ['r', 800, 640],
        ['b', 100, 450],
        ['l', 700, 560],
      ]
      for (const [face, x, y] of points) {
        const expected = expectedBlock(source, face, size, x, y, (yaw, pitch) => {
          const fraction = (tanMax - Math.tan((pitch * Math.PI) / 180)) / (2 * tanMax)
          return [(yaw / 360 + 0.5) * source.width - 0.5, fraction * source.height - 0.5]
        })
        const actual = await tileBlock(out, 1, face, x, y)
        expectColourNear(actual, expected, 20, `${face} (${x}, ${y})`)
      }
    }, 30_000)

    it('fits tan(pitch) rows better than linear', async () => {
      // Within ±27° the two row mappings differ by up to about 9 source rows, so the tiles must
      // match the tan(pitch) mapping clearly better over many points.
      const size = 1024
      const tanMax = Math.tan((27.029 * Math.PI) / 180)
      const tanRow = (pitch: number) =>
        ((tanMax - Math.tan((pitch * Math.PI) / 180)) / (2 * tanMax)) * source.height - 0.5
      const linearRow = (pitch: number) => ((27.029 - pitch) / 54.058) * source.height - 0.5
      const column = (yaw: number) => (yaw / 360 + 0.5) * source.width - 0.5
      let tanError = 0
      let linearError = 0
      for (const face of ['f', 'r', 'b', 'l'] as const) {
        const tile = await decode(join(out, '1', face, '0_0.jpg'))
        const below = await decode(join(out, '1', face, '1_0.jpg'))
        for (let y = 330; y < 700; y += 23) {
          for (let x = 20; x < 500; x += 37) {
            const { yaw, pitch } = facePixelYawPitch(face, size, x, y)
            const actual = y < 512 ? blockMean(tile, x, y, 0) : blockMean(below, x, y - 512, 0)
            const withTan = blockMean(source, column(yaw), tanRow(pitch), 0)
            const withLinear = blockMean(source, column(yaw), linearRow(pitch), 0)
            for (let channel = 0; channel < 3; channel++) {
              tanError += Math.abs((actual[channel] ?? 0) - (withTan[channel] ?? 0))
              linearError += Math.abs((actual[channel] ?? 0) - (withLinear[channel] ?? 0))
            }
          }
        }
      }
      expect(tanError).toBeLessThan(0.7 * linearError)
    }, 30_000)

    it('is black outside the band', async () => {
      // Face pixel row 40 of a 1024 px face is at pitch ≈ 41° at the centre column.
      expectColourNear(await tileBlock(out, 1, 'f', 512, 40), [0, 0, 0], 3, 'above the band')
      expectColourNear(await tileBlock(out, 1, 'b', 512, 990), [0, 0, 0], 3, 'below the band')
    })

    it('preview places the band on the equator', async () => {
      const preview = await decode(join(out, 'preview.jpg'))
      expect(preview.width).toBe(1024)
      expectColourNear(blockMean(preview, 512, 40, 3), [0, 0, 0], 3, 'preview top')
      expectColourNear(blockMean(preview, 512, 470, 3), [0, 0, 0], 3, 'preview bottom')
      const middle = blockMean(preview, 512, 256, 3)
      expect(middle.reduce((a, b) => a + b)).toBeGreaterThan(60)
    })
  })

  describe('veste with heading', () => {
    const out = join(work, 'veste')
    let report: TileReport

    beforeAll(async () => {
      report = await tilePanorama(fixturePath(VESTE), { out })
    }, 60_000)

    it('records the heading without turning the image', async () => {
      expect(report.descriptor.source.headingDegrees).toBe(295)
      expect(report.descriptor.coverage).toEqual({
        yawMin: -180,
        yawMax: 180,
        pitchMin: -90,
        pitchMax: 90,
      })
      // The front face centre is image column 1000 (yaw 0), not turned by the heading.
      const source = await decode(fixturePath(VESTE))
      const expected = blockMean(source, 999.5, 499.5, 1)
      const actual = await tileBlock(out, 0, 'f', 320, 320)
      expectColourNear(actual, expected, 16, 'front centre')
    })
  })

  describe('bad input', () => {
    it('rejects a file that is not an image', async () => {
      const broken = fixturePath('panoramas/broken/invalid_image_data.jpg')
      const error = await tilePanorama(broken, { out: join(work, 'broken') }).catch((e) => e)
      expect(error).toBeInstanceOf(TileInputError)
      expect(error.message).toContain(`${broken} is not a readable image (`)
      expect(error.message).not.toContain('\n')
    })

    it('rejects a missing file', async () => {
      const missing = join(work, 'nothing-here.jpg')
      await expect(tilePanorama(missing, { out: join(work, 'missing') })).rejects.toThrow(
        `input image not found: ${missing}`,
      )
    })

    it('rejects a 3:2 image without GPano', async () => {
      const cubemap = fixturePath('panoramas/egjs-cubemap-3x2.jpg')
      const error = await tilePanorama(cubemap, { out: join(work, 'cubemap') }).catch((e) => e)
      expect(error).toBeInstanceOf(TileInputError)
      expect(error.message).toMatch(/egjs-cubemap-3x2\.jpg is \d+×\d+ pixels, not 2:1/)
    })

    it('rejects an invalid tile size', async () => {
      await expect(tilePanorama(fixturePath(GRID), { out: work, tileSize: 500.5 })).rejects.toThrow(
        'invalid tile size 500.5',
      )
    })
  })

  describe('16-bit PNG', () => {
    it('tiles at 8 bits per channel', async () => {
      const file = join(work, 'deep.png')
      await sharp({
        create: { width: 512, height: 256, channels: 3, background: { r: 200, g: 100, b: 50 } },
      })
        .toColourspace('rgb16')
        .png()
        .toFile(file)
      expect((await sharp(file).metadata()).depth).toBe('ushort')
      const out = join(work, 'deep')
      await tilePanorama(file, { out })
      expectColourNear(await tileBlock(out, 0, 'f', 256, 256), [200, 100, 50], 6, 'front')
    }, 30_000)
  })

  describe('EXIF orientation', () => {
    it('applies orientation 6 before tiling', async () => {
      // Upright image: the left half (yaw < 0) red, the right half blue.
      const upright = await sharp({
        create: { width: 512, height: 256, channels: 3, background: { r: 220, g: 20, b: 20 } },
      })
        .composite([
          {
            input: {
              create: {
                width: 256,
                height: 256,
                channels: 3,
                background: { r: 20, g: 20, b: 220 },
              },
            },
            left: 256,
            top: 0,
          },
        ])
        .png()
        .toBuffer()
      // Stored turned a quarter left; orientation 6 tells a viewer to turn it a quarter right.
      const file = join(work, 'rotated.jpg')
      await sharp(upright).rotate(-90).withMetadata({ orientation: 6 }).jpeg().toFile(file)
      expect(await sharp(file).metadata()).toMatchObject({
        width: 256,
        height: 512,
        orientation: 6,
      })

      const out = join(work, 'rotated')
      const report = await tilePanorama(file, { out })
      expect(report.descriptor.source).toMatchObject({ width: 512, height: 256 })
      const size = report.descriptor.levels[0]?.size ?? 0
      const left = await tileBlock(out, 0, 'f', size * 0.2, size / 2)
      const right = await tileBlock(out, 0, 'f', size * 0.8, size / 2)
      expectColourNear(left, [220, 20, 20], 12, 'left of front')
      expectColourNear(right, [20, 20, 220], 12, 'right of front')
    }, 30_000)
  })
})
