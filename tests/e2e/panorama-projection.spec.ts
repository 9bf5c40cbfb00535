import { hasFixtures, MISSING_FIXTURES_REASON } from '../support/fixtures.ts'
import {
  decodeFixture,
  flipHorizontal,
  GRID,
  GRID_FILE,
  largestBlockDifference,
  renderReference,
  viewPixels,
} from './support/panorama.ts'
import {
  canvasPixels,
  centerColor,
  colorDistance,
  expect,
  fixtureUrl,
  openApp,
  setView,
  test,
  waitForScene,
  writeTour,
} from './support/test.ts'

function gridTour(name: string, file = 'panoramas/egjs-equi_4096-labeled-grid.jpg') {
  return writeTour(name, {
    version: 1,
    id: name,
    title: 'Grid',
    locales: ['vi', 'en'],
    start: 'grid',
    scenes: [
      {
        id: 'grid',
        kind: 'panorama',
        title: 'Grid',
        panorama: { type: 'equirect', src: fixtureUrl(file) },
        view: { yaw: 0, pitch: 0, fov: 75 },
      },
    ],
  })
}

test.describe('panorama projection', () => {
  test.skip(!hasFixtures, MISSING_FIXTURES_REASON)

  test('faces appear where their yaw and pitch say, unmirrored', async ({ page, network }) => {
    await openApp(page, { tour: gridTour('grid-orientation') })
    await waitForScene(page, 'grid')
    const cases = [
      { view: { yaw: 20, pitch: -20, fov: 30 }, color: GRID.front },
      { view: { yaw: 110, pitch: -20, fov: 30 }, color: GRID.right },
      { view: { yaw: -70, pitch: -20, fov: 30 }, color: GRID.left },
      { view: { yaw: 160, pitch: -20, fov: 30 }, color: GRID.back },
      { view: { yaw: -160, pitch: -20, fov: 30 }, color: GRID.back },
      { view: { yaw: 20, pitch: 60, fov: 30 }, color: GRID.top },
      { view: { yaw: 20, pitch: -60, fov: 30 }, color: GRID.bottom },
    ]
    for (const { view, color } of cases) {
      await setView(page, view)
      const actual = centerColor(await canvasPixels(page))
      expect(
        colorDistance(actual, color),
        `centre at ${JSON.stringify(view)} is ${actual}`,
      ).toBeLessThanOrEqual(3)
    }
    expect(network.external).toEqual([])
  })

  test('colours are exact sRGB at fov 20', async ({ page }) => {
    await openApp(page, { tour: gridTour('grid-colour'), view: '20,-20,20' })
    await waitForScene(page, 'grid')
    const front = centerColor(await canvasPixels(page))
    expect(colorDistance(front, GRID.front), `FRONT is ${front}`).toBeLessThanOrEqual(3)
    await setView(page, { yaw: 110, pitch: -20, fov: 20 })
    const right = centerColor(await canvasPixels(page))
    expect(colorDistance(right, GRID.right), `RIGHT is ${right}`).toBeLessThanOrEqual(3)
  })

  test('FRONT label reads left to right', async ({ page }) => {
    // The big FRONT label is centred on yaw 0. The frame is compared with a projection of the file
    // computed in the test, and with the same projection mirrored.
    const view = { yaw: 0, pitch: 0, fov: 60 }
    await openApp(page, { tour: gridTour('grid-reading'), view: '0,0,60' })
    await waitForScene(page, 'grid')
    await setView(page, view)
    const actual = await viewPixels(page)
    const source = await decodeFixture(GRID_FILE)
    const expected = renderReference(source, view, actual.width, actual.height)

    // Block means absorb filtering differences, while a mirrored label moves its letters far more.
    const worst = largestBlockDifference(actual, expected, 32)
    expect(
      worst.difference,
      `the 32-px block at (${worst.x}, ${worst.y}) differs from the unmirrored projection by ${worst.difference.toFixed(1)}`,
    ).toBeLessThanOrEqual(16)
    const mirrored = largestBlockDifference(actual, flipHorizontal(expected), 32)
    expect(
      mirrored.difference,
      'the frame matches the mirrored projection as well, so this view cannot show mirroring',
    ).toBeGreaterThan(16)
  })
})
