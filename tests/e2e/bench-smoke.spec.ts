import { resolve } from 'node:path'
import { expect, test } from '@playwright/test'
import { PEERS, runBench, VIEWERS, type ViewerId } from '../../bench/lib/harness.ts'
import { renderReport } from '../../bench/lib/report.ts'
import { hasFixtures, MISSING_FIXTURES_REASON } from '../support/fixtures.ts'
import { DIST_DIR } from './support/server.ts'

// Checks that the benchmark harness works end to end on one small photo. It asserts that every
// viewer produced figures, never how fast any of them was.
test.describe('benchmark harness', () => {
  test.skip(!hasFixtures, MISSING_FIXTURES_REASON)

  test('quick run measures every viewer', async () => {
    test.setTimeout(240_000)
    const lines: string[] = []
    const result = await runBench({
      quick: true,
      runs: 1,
      networks: ['unthrottled'],
      inputs: [],
      distDir: DIST_DIR,
      workDir: resolve('test-results', 'bench-smoke'),
      port: 0,
      log: (line) => lines.push(line),
    })

    expect(result.inputs, 'inputs of a quick run').toHaveLength(1)
    const viewers = new Set(result.samples.map((sample) => sample.viewer))
    const expected: ViewerId[] = ['ours-equirect', ...PEERS]
    for (const viewer of expected) expect(viewers.has(viewer), `${viewer} measured`).toBe(true)

    for (const sample of result.samples) {
      const name = VIEWERS[sample.viewer]
      expect(sample.error, `${name}: error`).toBeNull()
      expect(sample.firstViewMs, `${name}: first view`).toBeGreaterThan(0)
      expect(sample.sharpMs, `${name}: full sharpness`).toBeGreaterThanOrEqual(
        sample.firstViewMs ?? 0,
      )
      expect(sample.bytesBeforeFirstView, `${name}: bytes before first view`).toBeGreaterThan(
        result.inputs[0]?.bytes ?? 0,
      )
      expect(sample.scriptBytesBeforeFirstView, `${name}: script bytes`).toBeGreaterThan(0)
    }

    const ours = result.samples.find((sample) => sample.viewer === 'ours-equirect')
    expect(ours?.sceneChangeMs, 'scene change to a preloaded neighbour').toBeGreaterThan(0)
    expect(ours?.drawCalls, 'draw calls').toBeGreaterThan(0)
    expect(ours?.triangles, 'triangles').toBeGreaterThan(0)
    expect(result.coldSceneChanges, 'scene changes without prefetch').toHaveLength(1)
    expect(result.coldSceneChanges[0]?.sceneChangeMs, 'scene change not preloaded').toBeGreaterThan(
      0,
    )

    const report = renderReport(result, { date: new Date(), commit: 'test', command: 'test' })
    for (const viewer of expected) expect(report, 'report rows').toContain(VIEWERS[viewer])
  })
})
