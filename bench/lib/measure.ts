import { writeFileSync } from 'node:fs'
import type { Browser, CDPSession, Page } from 'playwright-core'
import { CANVAS } from './pages.ts'
import type { PanoramaReference } from './reference.ts'

/** Network profiles applied with `Network.emulateNetworkConditions`. */
export const NETWORKS = {
  unthrottled: null,
  'slow-4g': {
    label: 'slow 4G (1.6 Mbps down, 750 kbps up, 150 ms RTT)',
    latencyMs: 150,
    downloadBitsPerSecond: 1_600_000,
    uploadBitsPerSecond: 750_000,
  },
} as const

export type NetworkId = keyof typeof NETWORKS

/** Figures of one page load. Times are milliseconds from navigation start. */
export interface Measurement {
  firstViewMs: number | null
  sharpMs: number | null
  bytesBeforeFirstView: number | null
  scriptBytesBeforeFirstView: number | null
  sceneChangeMs: number | null
  drawCalls: number | null
  triangles: number | null
  error: string | null
  /** Responses finished before the measurement ended, for the JSON output. */
  responses: { url: string; bytes: number; atMs: number }[]
}

export interface PageJob {
  url: string
  network: NetworkId
  reference: PanoramaReference
  timeoutMs: number
  /** True for our tiled viewer, whose full sharpness is read from `__showcase.tiles.sharpAt`. */
  tiled: boolean
  /** True for our app, whose renderer figures are read from `__showcase.rendererInfo()`. */
  ours: boolean
  /** Hotspot to click after the first view and the scene it leads to, for our app. */
  sceneChange?: { hotspotId: string; targetSceneId: string; prefetchUrlSuffix: string | null }
  /** When true, the page reports `navigator.connection.saveData`, so our app skips prefetching. */
  saveData: boolean
  /** Writes the frame detected as the first view here (JPEG), to check the detection by eye. */
  frameFile?: string
}

/** Size of the screencast frames used to detect the first view; half the canvas is enough. */
const FRAME_WIDTH = CANVAS.width / 2
const FRAME_HEIGHT = CANVAS.height / 2

/**
 * Loads one viewer page in a fresh browser context with an empty HTTP cache, under the job's
 * network profile, and measures it. A viewer that never shows the panorama gives a measurement
 * with `firstViewMs` null and the reason in `error`.
 */
export async function measurePage(browser: Browser, job: PageJob): Promise<Measurement> {
  const context = await browser.newContext({
    viewport: { width: CANVAS.width, height: CANVAS.height },
    deviceScaleFactor: 1,
    locale: 'vi-VN',
  })
  const result: Measurement = {
    firstViewMs: null,
    sharpMs: null,
    bytesBeforeFirstView: null,
    scriptBytesBeforeFirstView: null,
    sceneChangeMs: null,
    drawCalls: null,
    triangles: null,
    error: null,
    responses: [],
  }
  const pageErrors: string[] = []
  try {
    if (job.saveData) {
      // A string, because tsx wraps functions in a `__name` helper that the page does not have.
      await context.addInitScript(`(() => {
        const connection = navigator.connection
        if (connection) Object.defineProperty(connection, 'saveData', { get: () => true })
      })()`)
    }
    const page = await context.newPage()
    page.on('pageerror', (error) => pageErrors.push(error.message))
    page.on('console', (message) => {
      // The peer pages have no favicon, and its 404 tells nothing about the viewer.
      if (message.type() !== 'error' || message.location().url.endsWith('/favicon.ico')) return
      pageErrors.push(message.text())
    })
    const cdp = await context.newCDPSession(page)
    // Room for every tile of a large tiled panorama; the default buffer keeps 250 entries.
    await context.addInitScript(() => performance.setResourceTimingBufferSize(100_000))
    await setUpNetwork(cdp, job.network)
    const frames = await watchFrames(cdp, job.reference)

    await page.goto(job.url, { waitUntil: 'commit' })
    const firstView = await frames.firstMatch(job.timeoutMs)
    await frames.stop()
    const timeOrigin = await page.evaluate(() => performance.timeOrigin)
    if (firstView === null) {
      const shownError = await visibleErrorText(page)
      const reasons = [
        ...(shownError ? [`viewer shows: ${shownError.slice(0, 200)}`] : []),
        ...(pageErrors[0] ? [`page error: ${pageErrors[0].split('\n')[0]?.slice(0, 160)}`] : []),
      ]
      result.error = `no panorama on screen after ${Math.round(job.timeoutMs / 1000)} s${
        reasons.length ? ` (${reasons.join('; ')})` : ''
      }`
      return result
    }

    if (job.frameFile) writeFileSync(job.frameFile, firstView.image)
    const firstViewMs = firstView.at - timeOrigin
    result.firstViewMs = firstViewMs
    const responses = await readResponses(page)
    const before = responses.filter((response) => response.responseEnd <= firstViewMs)
    result.responses = responses.map((response) => ({
      url: response.url,
      bytes: response.transferSize,
      atMs: Math.round(response.responseEnd),
    }))
    result.bytesBeforeFirstView = sum(before.map((response) => response.transferSize))
    result.scriptBytesBeforeFirstView = sum(
      before.filter((response) => isScript(response.url)).map((r) => r.transferSize),
    )
    if (job.tiled) {
      // The app stamps sharpness when it draws, but the screencast frame of the first view can
      // arrive later. A small pyramid would then look sharp before its first view, so sharpness
      // counts from the first view at the earliest.
      const sharpAt = await waitForTilesSharp(page, job.timeoutMs)
      result.sharpMs = sharpAt === null ? null : Math.max(sharpAt, firstViewMs)
    } else {
      // A single-image viewer's first frame of the panorama is drawn from the full image.
      result.sharpMs = firstViewMs
    }

    if (job.ours) {
      const info = await page.evaluate(() =>
        (
          window as unknown as {
            __showcase: { rendererInfo(): { calls: number; triangles: number } | null }
          }
        ).__showcase.rendererInfo(),
      )
      result.drawCalls = info?.calls ?? null
      result.triangles = info?.triangles ?? null
    }
    if (job.sceneChange) {
      const { prefetchUrlSuffix } = job.sceneChange
      if (prefetchUrlSuffix) await waitForResponse(page, prefetchUrlSuffix, job.timeoutMs)
      result.sceneChangeMs = await measureSceneChange(
        page,
        job.sceneChange.hotspotId,
        job.sceneChange.targetSceneId,
        job.timeoutMs,
      )
    }
    return result
  } catch (error) {
    result.error =
      error instanceof Error ? (error.message.split('\n')[0] ?? 'failed') : String(error)
    return result
  } finally {
    await context.close()
  }
}

/** Returns the text of the first visible element whose class names an error, if any. */
async function visibleErrorText(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    for (const element of document.querySelectorAll<HTMLElement>('[class*="error"]')) {
      if (!element.checkVisibility()) continue
      const text = element.textContent?.trim()
      if (text) return text.replace(/\s+/g, ' ')
    }
    return null
  })
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0)
}

/** Clears the cache and applies the network profile. */
async function setUpNetwork(cdp: CDPSession, networkId: NetworkId): Promise<void> {
  await cdp.send('Network.enable')
  // The fresh context already starts with an empty cache, and the server sends `no-store`.
  // `Network.setCacheDisabled` is not used: with it, Chromium 156 reported no `loadingFinished`
  // for fetch() bodies read as a stream, which is how our app downloads panoramas.
  await cdp.send('Network.clearBrowserCache')
  const profile = NETWORKS[networkId]
  if (profile) {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: profile.latencyMs,
      downloadThroughput: profile.downloadBitsPerSecond / 8,
      uploadThroughput: profile.uploadBitsPerSecond / 8,
    })
  }
}

interface TimedResponse {
  url: string
  /** Bytes on the wire: headers plus the encoded (possibly compressed) body. */
  transferSize: number
  /** End of the response, in ms from navigation start. */
  responseEnd: number
}

/**
 * Returns the document and every finished subresource from the page's Resource Timing entries.
 * CDP network events were tried first and dropped: Chromium 156 sent neither `loadingFinished`
 * nor `dataReceived` sizes for some fetch() bodies read as a stream, in about half the loads.
 */
async function readResponses(page: Page): Promise<TimedResponse[]> {
  return page.evaluate(() => {
    const entries = [
      ...performance.getEntriesByType('navigation'),
      ...performance.getEntriesByType('resource'),
    ] as PerformanceResourceTiming[]
    return entries
      .filter((entry) => entry.name.startsWith('http') && entry.responseEnd > 0)
      .map((entry) => ({
        url: entry.name,
        transferSize: entry.transferSize,
        responseEnd: entry.responseEnd,
      }))
  })
}

/** Waits until the page has received the whole response of a URL ending with `suffix`. */
async function waitForResponse(page: Page, suffix: string, timeoutMs: number): Promise<void> {
  await page.waitForFunction(
    (wanted) =>
      performance
        .getEntriesByType('resource')
        .some(
          (entry) =>
            entry.name.endsWith(wanted) && (entry as PerformanceResourceTiming).responseEnd > 0,
        ),
    suffix,
    { timeout: timeoutMs, polling: 50 },
  )
}

function isScript(url: string): boolean {
  return /\.m?js$/.test(new URL(url).pathname)
}

/**
 * Streams compositor frames (`Page.startScreencast`) and compares each with the reference, in the
 * order they arrive. A frame's time is its swap time from the frame metadata, so the result does
 * not depend on how fast this process compares frames.
 */
async function watchFrames(cdp: CDPSession, reference: PanoramaReference) {
  let matched: { at: number; image: Buffer } | null = null
  let stopped = false
  let queue = Promise.resolve()
  const matchListeners = new Set<(match: { at: number; image: Buffer }) => void>()

  cdp.on('Page.screencastFrame', (frame) => {
    cdp.send('Page.screencastFrameAck', { sessionId: frame.sessionId }).catch(() => {})
    const at = (frame.metadata.timestamp ?? Date.now() / 1000) * 1000
    queue = queue.then(async () => {
      if (matched !== null || stopped) return
      const image = Buffer.from(frame.data, 'base64')
      const comparison = await reference.compareFrame(image)
      if (!comparison.matches || matched !== null) return
      matched = { at, image }
      for (const listener of matchListeners) listener(matched)
    })
  })
  await cdp.send('Page.enable')
  await cdp.send('Page.startScreencast', {
    format: 'jpeg',
    quality: 80,
    maxWidth: FRAME_WIDTH,
    maxHeight: FRAME_HEIGHT,
    everyNthFrame: 1,
  })

  return {
    /**
     * Resolves with the first matching frame and its wall-clock time in ms since the epoch, or
     * null at the timeout.
     */
    firstMatch(timeoutMs: number): Promise<{ at: number; image: Buffer } | null> {
      if (matched !== null) return Promise.resolve(matched)
      return new Promise((resolveMatch) => {
        const timer = setTimeout(() => resolveMatch(null), timeoutMs)
        matchListeners.add((match) => {
          clearTimeout(timer)
          resolveMatch(match)
        })
      })
    },
    async stop(): Promise<void> {
      stopped = true
      await cdp.send('Page.stopScreencast').catch(() => {})
    },
  }
}

/** Polls `__showcase.tiles.sharpAt`, which is `performance.now()` when every visible tile is drawn. */
async function waitForTilesSharp(page: Page, timeoutMs: number): Promise<number | null> {
  const handle = await page
    .waitForFunction(
      () =>
        (window as unknown as { __showcase?: { tiles?: { sharpAt: number | null } } }).__showcase
          ?.tiles?.sharpAt ?? null,
      undefined,
      { timeout: timeoutMs, polling: 50 },
    )
    .catch(() => null)
  if (!handle) return null
  return (await handle.jsonValue()) as number
}

/**
 * Clicks a scene hotspot and returns the milliseconds from the click event to the first animation
 * frame in which the target scene is ready and its crossfade has begun, which the app enters in
 * the frame that first draws the new panorama.
 */
async function measureSceneChange(
  page: Page,
  hotspotId: string,
  targetSceneId: string,
  timeoutMs: number,
): Promise<number | null> {
  // A string, so that the page runs exactly this code and not a transpiled function.
  await page.evaluate(`(() => {
    const target = ${JSON.stringify(targetSceneId)}
    const handle = window.__showcase
    window.__benchSceneChange = new Promise((resolveChange) => {
      let clickedAt = null
      window.addEventListener('click', () => { clickedAt ??= performance.now() }, { capture: true })
      const check = () => {
        const state = handle.getState()
        const load = state.sceneLoads[target]?.status
        if (clickedAt !== null && state.sceneId === target && load === 'error') {
          resolveChange('the target scene failed to load')
        } else if (clickedAt !== null && state.sceneId === target && load === 'ready' &&
            state.transition?.phase !== 'loading') {
          resolveChange(performance.now() - clickedAt)
        } else {
          requestAnimationFrame(check)
        }
      }
      requestAnimationFrame(check)
    })
  })()`)
  await page.locator(`button[data-hotspot-id="${hotspotId}"]`).click({ timeout: timeoutMs })
  let timer: ReturnType<typeof setTimeout> | undefined
  const outcome = await Promise.race([
    page.evaluate('window.__benchSceneChange') as Promise<number | string>,
    new Promise<string>((resolveTimeout) => {
      timer = setTimeout(() => resolveTimeout('the target scene did not appear in time'), timeoutMs)
    }),
  ]).finally(() => clearTimeout(timer))
  if (typeof outcome === 'string') throw new Error(`scene change: ${outcome}`)
  return outcome
}
