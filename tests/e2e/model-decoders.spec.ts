import { hasFixtures, MISSING_FIXTURES_REASON } from '../support/fixtures.ts'
import {
  animationTime,
  chooseScene,
  expectSceneReady,
  fixtureUrl,
  type ModelCamera,
  modelScene,
  nextAnimationTime,
  projectPoint,
  recordRequests,
  rendererInfo,
  stageBox,
  waitForSnapshotFaded,
  writeSceneTour,
} from './support/models.ts'
import { TEST_ORIGIN } from './support/server.ts'
import { canvasPixels, colorDistance, expect, openApp, patchColor, test } from './support/test.ts'

/**
 * Frames Littlest Tokyo. Its bounding box, read once with @gltf-transform/core 4.5.1 after Draco
 * decoding, runs from (-359, -212, -302) to (186, 223, 250) in the file's own units. The camera
 * looks at the box centre from about 1000 units away, above and to the front right.
 */
const TOKYO_CAMERA: ModelCamera = { position: [553, 390, 614], target: [-87, 6, -26], fov: 50 }

/** Looks down at the unit cube of the box model (corners at ±0.5) from the front right. */
const BOX_CAMERA: ModelCamera = { position: [1.5, 1.2, 2], target: [0, 0, 0], fov: 50 }

/** Looks at the unit square or triangle in the z = 0 plane of the Khronos samples, from above. */
const PLANE_CAMERA: ModelCamera = { position: [0.5, 1.2, 2], target: [0.5, 0.5, 0], fov: 50 }

/** Decoder files three loads for Draco and KTX2 (Basis) data, as Vite names them in the build. */
const DECODER_FILES = [
  /\/draco_wasm_wrapper-[\w-]+\.js$/,
  /\/draco_decoder-[\w-]+\.wasm$/,
  /\/basis_transcoder-[\w-]+\.js$/,
  /\/basis_transcoder-[\w-]+\.wasm$/,
]

/** Returns max − min of a colour's channels: near 0 for greys, large for saturated colours. */
function chroma([red, green, blue]: [number, number, number]): number {
  return Math.max(red, green, blue) - Math.min(red, green, blue)
}

/**
 * Returns points on a grid over the +X, +Y and +Z faces of the unit box (corners at ±0.5), kept
 * 0.1 inside the edges. These are the faces in view of `BOX_CAMERA`.
 */
function visibleFacePoints(): [number, number, number][] {
  const points: [number, number, number][] = []
  for (let u = -0.4; u <= 0.4001; u += 0.1) {
    for (let v = -0.4; v <= 0.4001; v += 0.1) {
      points.push([0.5, u, v], [u, 0.5, v], [u, v, 0.5])
    }
  }
  return points
}

test.describe('model decoders', () => {
  test.skip(!hasFixtures, MISSING_FIXTURES_REASON)

  test('Draco and KTX2 models load offline', async ({ page, network, pageErrors }) => {
    // Loading Littlest Tokyo took about 20 s in SwiftShader on a 2-core machine.
    test.setTimeout(240_000)
    const requests = recordRequests(page)
    const tour = writeSceneTour('model-decoders', [
      modelScene('tokyo', fixtureUrl('models/LittlestTokyo-draco-animated.glb'), TOKYO_CAMERA),
      modelScene('plain', fixtureUrl('models/MultipleScenes.gltf'), PLANE_CAMERA),
      modelScene('box', fixtureUrl('models/box-textured-ktx2-meshopt.glb'), BOX_CAMERA),
    ])

    await openApp(page, { tour })
    await expectSceneReady(page, 'tokyo')
    const first = await animationTime(page)
    expect(first, 'Littlest Tokyo has an animation mixer once ready').not.toBeNull()
    const second = await nextAnimationTime(page, first ?? 0)
    expect(second, `animation time went from ${first} s to ${second} s`).toBeGreaterThan(first ?? 0)

    // The untextured plane has the same environment map as the box, so its texture count is
    // the baseline that the box's one KTX2 texture adds to.
    await chooseScene(page, 'plain')
    const plain = await rendererInfo(page)
    await chooseScene(page, 'box')
    const box = await rendererInfo(page)
    expect(
      box.textures,
      `GPU textures: ${plain.textures} with the untextured plane, ${box.textures} with the box`,
    ).toBeGreaterThan(plain.textures)

    // The box's base colour texture is the Cesium logo, green and light blue on white. The same
    // box with a plain white material under the grey room environment would show only greys, so
    // saturated green and blue pixels on its faces prove the transcoded texture is drawn. Only
    // points on the three faces the camera sees are sampled, because the sky behind model scenes
    // is light blue.
    await waitForSnapshotFaded(page)
    const stage = await stageBox(page)
    const pixels = await canvasPixels(page)
    const colors = visibleFacePoints().map((point) => {
      const screen = projectPoint(point, BOX_CAMERA, { ...stage, x: 0, y: 0 })
      return patchColor(pixels, screen.x, screen.y, 1)
    })
    const greens = colors.filter(
      (color) => chroma(color) >= 40 && color[1] > color[0] && color[1] > color[2],
    )
    const blues = colors.filter(
      (color) => chroma(color) >= 40 && color[2] > color[0] && color[2] > color[1],
    )
    expect(greens.length, 'green logo pixels on the box').toBeGreaterThan(0)
    expect(blues.length, 'blue logo pixels on the box').toBeGreaterThan(0)

    for (const file of DECODER_FILES) {
      const matching = requests.filter((url) => file.test(new URL(url).pathname))
      expect(matching.length, `requests for a decoder file matching ${file}`).toBeGreaterThan(0)
      for (const url of matching) {
        expect(url.startsWith(`${TEST_ORIGIN}/app/`), `decoder loaded from ${url}`).toBe(true)
      }
    }
    expect(network.external, 'requests to other hosts').toEqual([])
    expect(pageErrors, 'uncaught page errors').toEqual([])
  })

  test('default glTF scene is drawn', async ({ page, network }) => {
    const tour = writeSceneTour('model-default-scene', [
      modelScene('multiple', fixtureUrl('models/MultipleScenes.gltf'), PLANE_CAMERA),
    ])
    await openApp(page, { tour })
    await expectSceneReady(page, 'multiple')

    // Scene 0 is the triangle (0,0)-(1,0)-(0,1), and the default scene 1 is the unit square. The
    // point (0.75, 0.75) lies only in the square and (0.25, 0.25) in both. If the triangle were
    // drawn, (0.75, 0.75) would show the sky, like (1.25, 0.75) beside the square.
    const stage = await stageBox(page)
    const local = { ...stage, x: 0, y: 0 }
    const pixels = await canvasPixels(page)
    const colorAt = (point: [number, number, number]) => {
      const screen = projectPoint(point, PLANE_CAMERA, local)
      return patchColor(pixels, screen.x, screen.y)
    }
    const sharedColor = colorAt([0.25, 0.25, 0])
    const squareColor = colorAt([0.75, 0.75, 0])
    const besideColor = colorAt([1.25, 0.75, 0])

    expect(
      colorDistance(squareColor, sharedColor),
      `point only the square covers is ${squareColor}, point both cover is ${sharedColor}`,
    ).toBeLessThanOrEqual(8)
    expect(
      colorDistance(squareColor, besideColor),
      `point only the square covers is ${squareColor}, sky beside the square is ${besideColor}`,
    ).toBeGreaterThan(12)
    const info = await rendererInfo(page)
    expect(info.triangles, 'triangles drawn (the square has 2, the triangle 1)').toBe(2)
    expect(network.external, 'requests to other hosts').toEqual([])
  })

  test('animated triangle advances', async ({ page }) => {
    // The triangle turns about the origin, so it stays inside a 1.4-unit radius of the view.
    const camera: ModelCamera = { position: [0, 0.6, 3], target: [0, 0, 0], fov: 50 }
    const tour = writeSceneTour('model-animated', [
      modelScene('triangle', fixtureUrl('models/AnimatedTriangle.gltf'), camera),
    ])
    await openApp(page, { tour })
    await expectSceneReady(page, 'triangle')

    const first = await animationTime(page)
    expect(first, 'the triangle has an animation mixer once ready').not.toBeNull()
    // One turn takes 1 s of animation time, so a quarter turn later the triangle covers other
    // pixels. Screenshots are not synchronised with the animation, and one taken a whole turn
    // later would match, so a few are compared with the first.
    const before = await canvasPixels(page)
    let time = first ?? 0
    let changed = 0
    for (let attempt = 0; attempt < 4 && changed <= 1000; attempt++) {
      const later = await page.waitForFunction((start) => {
        const current = (window as unknown as { __showcase: { animationTime: number | null } })
          .__showcase.animationTime
        return current !== null && current >= start + 0.25 ? current : null
      }, time)
      const next = (await later.jsonValue()) as number
      expect(next, `animation time went from ${time} s to ${next} s`).toBeGreaterThan(time)
      time = next
      const after = await canvasPixels(page)
      changed = 0
      for (let index = 0; index < before.data.length; index++) {
        if (Math.abs((before.data[index] ?? 0) - (after.data[index] ?? 0)) > 12) changed++
      }
    }
    expect(changed, 'channel values that changed while the triangle turned').toBeGreaterThan(1000)
  })
})
