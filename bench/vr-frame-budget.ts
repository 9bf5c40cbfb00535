/**
 * Measures draw calls and triangles per VR frame for every scene of the sample tour, in Chromium
 * with the emulated Meta Quest 3 (`?xr=emulate`) in stereo, and prints a Markdown table.
 *
 *   npx vite build --outDir /tmp/dist-vr
 *   SHOWCASE_DIST=/tmp/dist-vr SHOWCASE_TEST_PORT=4343 npx tsx bench/vr-frame-budget.ts
 *
 * The numbers come from `renderer.info` after an XR frame, so they count both eyes. They depend on
 * the scene content and the emulated headset's view, not on the machine. Frame times are not
 * measured, because software WebGL does not predict the speed of a headset's GPU.
 */
import { readFileSync } from 'node:fs'
import { chromium } from 'playwright-core'
import { findChromium } from '../tests/e2e/support/chromium.ts'
import { APP_PATH, startTestServer, TEST_ORIGIN } from '../tests/e2e/support/server.ts'

interface Sample {
  calls: number
  triangles: number
}

const SAMPLES = 5
const tour = JSON.parse(readFileSync('scenes/tay-bac/tour.json', 'utf8')) as {
  scenes: { id: string; kind: string }[]
}

const server = startTestServer()
const browser = await chromium.launch({
  executablePath: findChromium() ?? undefined,
  args: [
    '--no-sandbox',
    '--use-gl=angle',
    '--use-angle=swiftshader',
    '--enable-unsafe-swiftshader',
    '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
  ],
})

const rows: string[] = []
try {
  for (const scene of tour.scenes) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, locale: 'vi-VN' })
    await page.route('**/*', (route) =>
      route.request().url().startsWith(TEST_ORIGIN) ? route.continue() : route.abort(),
    )
    await page.goto(`${TEST_ORIGIN}${APP_PATH}?xr=emulate&scene=${scene.id}`)
    await page.waitForFunction(
      (id) => {
        const state = (
          window as unknown as {
            __showcase?: { getState(): { sceneLoads: Record<string, { status: string }> } }
          }
        ).__showcase?.getState()
        return state?.sceneLoads[id]?.status === 'ready'
      },
      scene.id,
      { timeout: 120_000 },
    )
    await page.evaluate(() => {
      const device = (window as unknown as { __showcase: { xrDevice: { stereoEnabled: boolean } } })
        .__showcase.xrDevice
      device.stereoEnabled = true
    })
    await page.getByRole('button', { name: 'Vào VR' }).click()
    const samples: Sample[] = []
    for (let index = 0; index < SAMPLES; index++) {
      const start = await xrFrames(page)
      await page.waitForFunction(
        (count) =>
          (window as unknown as { __showcase: { xrFrames: number } }).__showcase.xrFrames > count,
        start + 2,
        { timeout: 120_000 },
      )
      const info = await page.evaluate(() =>
        (
          window as unknown as { __showcase: { rendererInfo(): Sample | null } }
        ).__showcase.rendererInfo(),
      )
      if (info) samples.push(info)
    }
    const calls = Math.max(...samples.map((sample) => sample.calls))
    const triangles = Math.max(...samples.map((sample) => sample.triangles))
    rows.push(`| ${scene.id} | ${scene.kind} | ${calls} | ${triangles} |`)
    console.error(`[vr-frame-budget] ${scene.id}: ${calls} draw calls, ${triangles} triangles`)
    await page.close()
  }
} finally {
  await browser.close()
  server.close()
}

console.log('| scene | kind | draw calls per frame | triangles per frame |')
console.log('| --- | --- | --- | --- |')
for (const row of rows) console.log(row)

function xrFrames(page: import('playwright-core').Page): Promise<number> {
  return page.evaluate(
    () => (window as unknown as { __showcase: { xrFrames: number } }).__showcase.xrFrames,
  )
}
