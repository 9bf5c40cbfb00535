import { writeFileSync } from 'node:fs'
import type { CDPSession } from '@playwright/test'
import {
  chooseScene,
  countContextLosses,
  expectSceneReady,
  fixtureUrl,
  modelScene,
  panoramaScene,
  rendererInfo,
  writeSceneTour,
} from '../e2e/support/models.ts'
import { expect, openApp, test } from '../e2e/support/test.ts'
import { hasFixtures, MISSING_FIXTURES_REASON } from '../support/fixtures.ts'

/** Scene changes in one run: 200 by default, 40 in `npm test` (`SOAK_CHANGES`). */
const CHANGES = Number(process.env.SOAK_CHANGES ?? 200)
/** Where the samples of the run are written, for bench/RESULTS.md. */
const SAMPLES_FILE = process.env.SOAK_SAMPLES_FILE ?? 'test-results/soak-samples.json'
/**
 * GPU textures the app may keep beyond what the current scene needs. It keeps none: each scene
 * disposes its textures when it is left.
 */
const TEXTURE_CACHE_BOUND = 0
/** Allowed growth of the JS heap from the middle fifth of the run to the last fifth. */
const HEAP_GROWTH = 0.1

/** The sample tour's scenes and the shared fixture panoramas, visited in this order. */
const SCENES = [
  panoramaScene('huoi-nha', '../../app/panoramas/huoi-nha-village.jpg'),
  panoramaScene('festival', '../../app/panoramas/festival-ground.jpg'),
  panoramaScene('tea-hills', '../../app/panoramas/tea-hills.jpg'),
  modelScene('stilt-house', '../../app/models/thai-stilt-house.glb', {
    position: [13, 5.2, 15.5],
    target: [0.5, 2.6, 0.5],
    fov: 50,
  }),
  panoramaScene('veste', fixtureUrl('panoramas/egjs-veste-gpano-2000x1000.jpg')),
  panoramaScene('grid', fixtureUrl('panoramas/egjs-equi_4096-labeled-grid.jpg')),
  panoramaScene('platz', fixtureUrl('panoramas/polyhaven-potsdamer_platz_1k-gainmap.jpg')),
  panoramaScene('rgba', fixtureUrl('panoramas/egjs-test_equi-6144x3072-rgba.png')),
  panoramaScene('partial', fixtureUrl('panoramas/egjs-smartphone-partial-gpano-cylindrical.jpg')),
]

interface Sample {
  change: number
  sceneId: string
  textures: number
  geometries: number
  heapBytes: number
  elapsedMs: number
}

async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  return usedSize
}

function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length)
}

test.describe('soak', () => {
  test.skip(!hasFixtures, MISSING_FIXTURES_REASON)

  test(`memory stays flat over ${CHANGES} scene changes`, async ({ page, pageErrors }) => {
    // The 6144×3072 PNG takes a few seconds to decode in SwiftShader on two cores.
    test.setTimeout(120_000 + CHANGES * 20_000)
    expect(CHANGES, 'SOAK_CHANGES covers two rounds of scenes').toBeGreaterThanOrEqual(
      3 * SCENES.length,
    )
    const contextLosses = await countContextLosses(page)
    const tour = writeSceneTour('soak', SCENES)
    await openApp(page, { tour })
    await expectSceneReady(page, 'huoi-nha')
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('HeapProfiler.enable')

    const started = Date.now()
    const samples: Sample[] = []
    for (let change = 1; change <= CHANGES; change++) {
      const scene = SCENES[change % SCENES.length]
      if (!scene) throw new Error(`no scene at index ${change % SCENES.length}`)
      await chooseScene(page, scene.id)
      const info = await rendererInfo(page)
      samples.push({
        change,
        sceneId: scene.id,
        textures: info.textures,
        geometries: info.geometries,
        heapBytes: await heapAfterGc(cdp),
        elapsedMs: Date.now() - started,
      })
      // Written as the run goes, so a long run stopped early still leaves its samples.
      if (change % 10 === 0 || change === CHANGES) {
        writeFileSync(SAMPLES_FILE, JSON.stringify({ changes: CHANGES, samples }, null, 1))
      }
    }

    // The first round creates what three keeps for good (the lookup table of physically based
    // materials), so the second round gives each scene's baseline.
    const baseline = new Map<string, number>()
    for (const sample of samples.slice(SCENES.length, 2 * SCENES.length)) {
      baseline.set(sample.sceneId, Math.max(baseline.get(sample.sceneId) ?? 0, sample.textures))
    }
    const overBound = samples
      .slice(SCENES.length)
      .filter(
        (sample) => sample.textures > (baseline.get(sample.sceneId) ?? 0) + TEXTURE_CACHE_BOUND,
      )
    expect(overBound, 'changes with more GPU textures than the baseline of their scene').toEqual([])

    const fifth = Math.floor(CHANGES / 5)
    const middle = mean(samples.slice(2 * fifth, 3 * fifth).map((sample) => sample.heapBytes))
    const last = mean(samples.slice(CHANGES - fifth).map((sample) => sample.heapBytes))
    console.log(
      `[soak] ${CHANGES} changes in ${Math.round((Date.now() - started) / 1000)} s; heap ` +
        `${(middle / 1e6).toFixed(1)} MB (middle fifth) → ${(last / 1e6).toFixed(1)} MB (last fifth)`,
    )
    expect(
      last,
      `JS heap of the last fifth, ${Math.round(middle)} bytes in the middle fifth`,
    ).toBeLessThanOrEqual(middle * (1 + HEAP_GROWTH))
    expect(await contextLosses(), 'webglcontextlost events').toBe(0)
    expect(pageErrors, 'uncaught page errors').toEqual([])
  })
})
