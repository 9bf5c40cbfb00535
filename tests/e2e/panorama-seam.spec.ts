import type { Page } from '@playwright/test'
import { hasFixtures, MISSING_FIXTURES_REASON } from '../support/fixtures.ts'
import {
  columnOutlierScores,
  decodeFixture,
  GRID_FILE,
  largestBlockDifference,
  panoramaTour,
  renderReference,
  resizeViewport,
  viewPixels,
} from './support/panorama.ts'
import { expect, openApp, setView, test, type View, waitForScene } from './support/test.ts'

/**
 * Largest mean deviation of a screen column from its neighbours at the ±180° seam. The seam runs
 * down the middle of a painted grid line, where a correct render scores about 2 on SwiftShader.
 * A line of wrong mipmap texels scores over 50.
 */
const MAX_SEAM_SCORE = 8

/**
 * How much more the seam may stand out than the same painted grid line at yaw 0, 90 and -90,
 * where the image has no seam: JPEG noise differs between the copies of the line by less than 1.
 */
const SEAM_NOISE_ALLOWANCE = 1

/**
 * Largest difference of 32×32-pixel block means between the app's frame and the CPU reference.
 * Mipmap filtering near a pole blurs fine lines differently from the reference's plain bilinear
 * sample, which moves a block mean by up to about 10 on SwiftShader. A wedge or a pinched area
 * moves it by far more, because neighbouring faces differ by over 100 in some channel.
 */
const MAX_BLOCK_DIFFERENCE = 16

/**
 * Returns how much the four columns around the vertical centre line stand out from their
 * neighbours (the largest of their scores).
 */
async function centerColumnsScore(page: Page, view: View): Promise<number> {
  await setView(page, view)
  const pixels = await viewPixels(page)
  const scores = columnOutlierScores(pixels)
  // At view yaw 180 the seam is the vertical centre line, between columns c - 1 and c.
  const center = pixels.width / 2
  return Math.max(...[center - 2, center - 1, center, center + 1].map((x) => scores[x] ?? 0))
}

test.describe('panorama seam and poles', () => {
  test.skip(!hasFixtures, MISSING_FIXTURES_REASON)

  for (const pitch of [0, -60, 60]) {
    test(`no seam line at pitch ${pitch}`, async ({ page, network }) => {
      await openApp(page, { tour: panoramaTour(`pano-seam-${pitch}`) })
      await waitForScene(page, 'pano')

      // GPUs take texture derivatives per 2×2 pixel quad. At a canvas width of 1280 the seam lies
      // between two quads, and at 1282 it cuts through one, where a plain mipmapped lookup draws a
      // line.
      for (const width of [1280, 1282]) {
        await resizeViewport(page, width, 720)
        const seam = await centerColumnsScore(page, { yaw: 180, pitch, fov: 30 })
        // The grid has the same painted line at yaw 0, 90 and -90, without a seam.
        let line = 0
        for (const yaw of [0, 90, -90]) {
          line = Math.max(line, await centerColumnsScore(page, { yaw, pitch, fov: 30 }))
        }

        const where = `canvas width ${width}, pitch ${pitch}`
        expect(
          seam,
          `the seam columns stand out from their neighbours by ${seam.toFixed(1)} on average (${where})`,
        ).toBeLessThanOrEqual(MAX_SEAM_SCORE)
        expect(
          seam,
          `the seam (${seam.toFixed(1)}) stands out more than the same grid line without a seam (${line.toFixed(1)}) (${where})`,
        ).toBeLessThanOrEqual(line + SEAM_NOISE_ALLOWANCE)
      }
      expect(network.external, 'requests to other hosts').toEqual([])
    })
  }

  test('seam and poles match reference', async ({ page }) => {
    await openApp(page, { tour: panoramaTour('pano-poles') })
    await waitForScene(page, 'pano')
    const source = await decodeFixture(GRID_FILE)

    // Pitch 0 and ±60 are the seam views. Pitch ±89 and ±90 look at the poles, where a UV-mapped
    // sphere pinches into wedges. Yaw 180 puts the seam through the middle of the frame.
    const views = [
      { yaw: 180, pitch: 0, fov: 30 },
      { yaw: 180, pitch: 60, fov: 30 },
      { yaw: 180, pitch: -60, fov: 30 },
      { yaw: 180, pitch: 89, fov: 30 },
      { yaw: 180, pitch: -89, fov: 30 },
      { yaw: 180, pitch: 90, fov: 30 },
      { yaw: 30, pitch: -90, fov: 30 },
    ]
    for (const view of views) {
      await setView(page, view)
      const actual = await viewPixels(page)
      const expected = renderReference(source, view, actual.width, actual.height)
      const worst = largestBlockDifference(actual, expected, 32)
      expect(
        worst.difference,
        `at ${JSON.stringify(view)} the 32-px block at (${worst.x}, ${worst.y}) differs from the reference projection by ${worst.difference.toFixed(1)}`,
      ).toBeLessThanOrEqual(MAX_BLOCK_DIFFERENCE)
    }
  })
})
