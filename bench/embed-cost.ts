import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'
import { findChromium } from '../tests/e2e/support/chromium.ts'
import {
  DIST_DIR,
  HOST_ORIGIN,
  startHostServer,
  startTestServer,
  TEST_HOSTS_DIR,
  TEST_ORIGIN,
} from '../tests/e2e/support/server.ts'

/**
 * Measures what an embedded tour costs its host page. It loads a host page on one origin that
 * embeds the built app (from SHOWCASE_DIST) from another origin, in headless Chromium over
 * 127.0.0.1. Then it sums the bytes of every response by resource type.
 *
 *   SHOWCASE_DIST=/tmp/dist SHOWCASE_TEST_PORT=4371 SHOWCASE_HOST_PORT=4372 npx tsx bench/embed-cost.ts
 *
 * The test server sends files uncompressed, so "transferred" is the raw size; the gzip column is
 * each text response compressed here at level 9, an estimate of what a compressing host sends.
 */

/** Quiet time after which the page counts as settled, in milliseconds. */
const SETTLE_MS = 1500

interface Response {
  url: string
  type: string
  bytes: number
  gzip: number
}

const TEXT_TYPES = new Set(['Document', 'Script', 'Stylesheet', 'Fetch', 'XHR'])

async function measure(name: string, src: string, until: 'poster' | 'viewer'): Promise<Response[]> {
  mkdirSync(TEST_HOSTS_DIR, { recursive: true })
  writeFileSync(
    join(TEST_HOSTS_DIR, `${name}.html`),
    `<!doctype html><html><head><meta charset="UTF-8"><title>${name}</title></head><body>
<iframe src="${src}" title="Tour" style="width:800px;height:450px;border:0" allow="fullscreen"></iframe>
<script>
  window.__phases = []
  addEventListener('message', (event) => {
    if (event.data && event.data.source === 'tay-bac-showcase' && event.data.type === 'ready') {
      window.__phases.push(event.data.detail.phase)
    }
  })
</script></body></html>`,
  )

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
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  const pending = new Map<string, { url: string; type: string }>()
  const done: { url: string; type: string; bytes: number }[] = []
  let lastActivity = Date.now()
  cdp.on('Network.responseReceived', (event) => {
    pending.set(event.requestId, { url: event.response.url, type: event.type ?? 'Other' })
    lastActivity = Date.now()
  })
  cdp.on('Network.loadingFinished', (event) => {
    const response = pending.get(event.requestId)
    if (response) done.push({ ...response, bytes: event.encodedDataLength })
    lastActivity = Date.now()
  })

  await page.goto(`${HOST_ORIGIN}/${name}.html`)
  await page.waitForFunction(
    (phase) => (window as unknown as { __phases: string[] }).__phases.includes(phase),
    until,
    { timeout: 60_000 },
  )
  while (Date.now() - lastActivity < SETTLE_MS) {
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  await browser.close()

  const responses: Response[] = []
  for (const response of done) {
    let gzip = response.bytes
    if (TEXT_TYPES.has(response.type)) {
      const body = Buffer.from(await (await fetch(response.url)).arrayBuffer())
      gzip = gzipSync(body, { level: 9 }).length
    }
    responses.push({ ...response, gzip })
  }
  return responses
}

function fileName(url: string): string {
  return new URL(url).pathname.split('/').pop() || 'index.html'
}

function kilobytes(bytes: number): string {
  return (bytes / 1000).toFixed(1)
}

function table(title: string, responses: Response[]): string {
  const fromApp = responses.filter((response) => response.url.startsWith(TEST_ORIGIN))
  const byType = new Map<string, { count: number; bytes: number; gzip: number }>()
  for (const response of fromApp) {
    const entry = byType.get(response.type) ?? { count: 0, bytes: 0, gzip: 0 }
    entry.count++
    entry.bytes += response.bytes
    entry.gzip += response.gzip
    byType.set(response.type, entry)
  }
  const rows = [...byType.entries()].sort((a, b) => b[1].bytes - a[1].bytes)
  const total = rows.reduce(
    (sum, [, entry]) => ({
      count: sum.count + entry.count,
      bytes: sum.bytes + entry.bytes,
      gzip: sum.gzip + entry.gzip,
    }),
    { count: 0, bytes: 0, gzip: 0 },
  )
  return [
    `#### ${title}`,
    '',
    '| type | requests | transferred (kB) | gzip estimate (kB) |',
    '| --- | ---: | ---: | ---: |',
    ...rows.map(
      ([type, entry]) =>
        `| ${type} | ${entry.count} | ${kilobytes(entry.bytes)} | ${kilobytes(entry.gzip)} |`,
    ),
    `| **total** | ${total.count} | ${kilobytes(total.bytes)} | ${kilobytes(total.gzip)} |`,
    '',
    `Files: ${fromApp.map((response) => `\`${fileName(response.url)}\``).join(', ')}`,
    '',
  ].join('\n')
}

const app = startTestServer()
const host = startHostServer()
try {
  const src = `${TEST_ORIGIN}/app/?mode=embed`
  const poster = await measure('bench-embed-poster', src, 'poster')
  const eager = await measure('bench-embed-autostart', `${src}&autostart=1`, 'viewer')
  console.log(`Build: ${DIST_DIR}\n`)
  console.log(table('Poster, before interaction (`?mode=embed`)', poster))
  console.log(table('For comparison: started at once (`?mode=embed&autostart=1`)', eager))
} finally {
  app.close()
  host.close()
}
