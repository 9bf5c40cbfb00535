import type { Page } from '@playwright/test'
import sharp from 'sharp'
import { fixturePath, hasFixtures, MISSING_FIXTURES_REASON } from '../support/fixtures.ts'
import {
  decodeFixture,
  decodeImage,
  derivedImagePath,
  GRID,
  GRID_FILE,
  imagePatchColor,
  panoramaTour,
  referencePatchColor,
  viewPixels,
} from './support/panorama.ts'
import {
  centerColor,
  colorDistance,
  expect,
  fixtureUrl,
  openApp,
  type Pixels,
  setView,
  test,
  type View,
  waitForScene,
} from './support/test.ts'

/**
 * Per-channel tolerance for colours compared with the source file: Chromium's and libvips's JPEG
 * decoders agree to 1–2 levels, and the GPU's 8-bit filtering adds at most 1.
 */
const DECODE_TOLERANCE = 3

/** Returns the grid scaled to 2048×1024, which keeps the flat reference patches and encodes fast. */
function gridAt2048(): ReturnType<typeof sharp> {
  return sharp(fixturePath(GRID_FILE)).resize(2048, 1024)
}

/** Opens a one-scene tour and checks the centre colour at each view against the expected one. */
async function expectCenterColors(
  page: Page,
  cases: { view: View; color: readonly number[]; name: string }[],
): Promise<void> {
  for (const { view, color, name } of cases) {
    await setView(page, view)
    const actual = centerColor(await viewPixels(page))
    expect(
      colorDistance(actual, color),
      `${name} at (${view.yaw}, ${view.pitch}) is ${actual}, expected ${color}`,
    ).toBeLessThanOrEqual(DECODE_TOLERANCE)
  }
}

/** Faces at their reference views. A mirrored, sideways or upside-down image fails some of them. */
const FACE_CASES = [
  { view: { yaw: 20, pitch: -20, fov: 30 }, color: GRID.front, name: 'FRONT' },
  { view: { yaw: 110, pitch: -20, fov: 30 }, color: GRID.right, name: 'RIGHT' },
  { view: { yaw: -70, pitch: -20, fov: 30 }, color: GRID.left, name: 'LEFT' },
  { view: { yaw: 20, pitch: 60, fov: 30 }, color: GRID.top, name: 'TOP' },
]

/** Returns the mean of all channels of all pixels, to tell a drawn frame from a black one. */
function meanLevel(pixels: Pixels): number {
  let total = 0
  for (const value of pixels.data) total += value
  return total / pixels.data.length
}

test.describe('panorama image formats', () => {
  test.skip(!hasFixtures, MISSING_FIXTURES_REASON)

  test('WebP grid renders unmirrored', async ({ page, network }) => {
    const name = 'pano-format-webp'
    await gridAt2048()
      .webp({ lossless: true, effort: 0 })
      .toFile(derivedImagePath(name, 'grid.webp'))
    await openApp(page, { tour: panoramaTour(name, { src: 'grid.webp' }) })
    await waitForScene(page, 'pano')

    await expectCenterColors(page, FACE_CASES)
    expect(network.external, 'requests to other hosts').toEqual([])
  })

  test('PNG grid renders unmirrored', async ({ page }) => {
    const name = 'pano-format-png'
    await gridAt2048().png({ compressionLevel: 1 }).toFile(derivedImagePath(name, 'grid.png'))
    await openApp(page, { tour: panoramaTour(name, { src: 'grid.png' }) })
    await waitForScene(page, 'pano')

    await expectCenterColors(page, FACE_CASES)
  })

  test('EXIF orientation 6 applied', async ({ page }) => {
    const name = 'pano-format-exif-6'
    const path = derivedImagePath(name, 'grid-orientation-6.jpg')
    // Orientation 6 means "rotate 90° clockwise to display", so the stored pixels are the upright
    // image turned 90° counter-clockwise (sharp's rotate(270)).
    const upright = await gridAt2048().toBuffer()
    await sharp(upright)
      .rotate(270)
      .withMetadata({ orientation: 6 })
      .jpeg({ quality: 95, chromaSubsampling: '4:4:4' })
      .toFile(path)

    const stored = await sharp(path).metadata()
    expect(stored.orientation, 'the derived JPEG carries EXIF Orientation 6').toBe(6)
    expect(stored.width, 'the derived JPEG stores the panorama on its side').toBe(1024)
    const displayed = await decodeImage(path)
    const frontInFile = imagePatchColor(
      displayed,
      Math.round((0.5 + 20 / 360) * displayed.width),
      Math.round((0.5 + 20 / 180) * displayed.height),
      2,
    )
    expect(
      colorDistance(frontInFile, GRID.front),
      `the upright file has FRONT ${frontInFile} at (20, -20)`,
    ).toBeLessThanOrEqual(DECODE_TOLERANCE)

    await openApp(page, { tour: panoramaTour(name, { src: 'grid-orientation-6.jpg' }) })
    await waitForScene(page, 'pano')
    await expectCenterColors(page, FACE_CASES)
  })

  test('progressive JPEG decodes', async ({ page }) => {
    // As an equirect the 3×2 cube map is only a picture, but its flat faces give exact colours.
    const file = 'panoramas/egjs-cubemap-3x2.jpg'
    await openApp(page, {
      tour: panoramaTour('pano-format-progressive', { src: fixtureUrl(file) }),
    })
    await waitForScene(page, 'pano')
    const source = await decodeFixture(file)

    const frame = await viewPixels(page)
    expect(meanLevel(frame), 'the frame is drawn, not black').toBeGreaterThan(40)

    for (const view of [
      { yaw: -10, pitch: -10, fov: 30 },
      { yaw: 30, pitch: 60, fov: 30 },
    ]) {
      await setView(page, view)
      const pixels = await viewPixels(page)
      const actual = centerColor(pixels)
      const expected = referencePatchColor(
        source,
        view,
        pixels,
        pixels.width / 2,
        pixels.height / 2,
        2,
      )
      expect(
        colorDistance(actual, expected),
        `centre at (${view.yaw}, ${view.pitch}) is ${actual}, the file has ${expected} there`,
      ).toBeLessThanOrEqual(DECODE_TOLERANCE)
    }
  })

  test('gain-map JPEG shows SDR base', async ({ page, pageErrors }) => {
    const file = 'panoramas/polyhaven-potsdamer_platz_1k-gainmap.jpg'
    const view = { yaw: 0, pitch: 0, fov: 20 }
    await openApp(page, {
      tour: panoramaTour('pano-format-gainmap', { src: fixtureUrl(file), view }),
    })
    await waitForScene(page, 'pano')
    const source = await decodeFixture(file)

    const pixels = await viewPixels(page)
    const actual = centerColor(pixels)
    // The screen centre looks at the file's centre column (512 of 1024) on row 256.
    const expected = referencePatchColor(
      source,
      view,
      pixels,
      pixels.width / 2,
      pixels.height / 2,
      2,
    )
    expect(
      colorDistance(actual, expected),
      `centre is ${actual}, the SDR base image has ${expected} there`,
    ).toBeLessThanOrEqual(DECODE_TOLERANCE)
    expect(pageErrors, 'uncaught errors in the page').toEqual([])
  })
})
