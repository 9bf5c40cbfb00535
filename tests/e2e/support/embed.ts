import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Frame, Page } from '@playwright/test'
import { APP_PATH, HOST_ORIGIN, TEST_HOSTS_DIR, TEST_ORIGIN } from './server.ts'
import { SCENE_TIMEOUT_MS, type View, writeTour } from './test.ts'

/** Permissions the embed snippet grants; see EMBED_ALLOW in src/core/share.ts. */
export const FULL_ALLOW = 'xr-spatial-tracking; fullscreen; gyroscope; accelerometer'

/** Bundled sample panoramas as seen from a tour written by `writeTour` (served at /tours/). */
export const BUNDLED_PANORAMAS = {
  village: '../../app/panoramas/huoi-nha-village.jpg',
  tea: '../../app/panoramas/tea-hills.jpg',
} as const

/** Offer of the embed tours; its booking link is checked for campaign parameters. */
export const EMBED_OFFER = {
  id: 'homestay',
  title: { vi: 'Homestay 3 ngày 2 đêm', en: 'Homestay, 3 days 2 nights' },
  operator: 'Test Travel',
  price: { amount: 4990000, currency: 'VND' },
  durationDays: 3,
  departsFrom: { vi: 'TP. Hồ Chí Minh', en: 'Ho Chi Minh City' },
  url: 'https://booking.example.com/tours/homestay?ref=vr360',
}

/**
 * Writes a two-scene tour on the bundled panoramas (no shared fixtures needed): `village` links to
 * `tea`, and both have an offer hotspot straight ahead. `allowedOrigins` becomes the tour's
 * `embed.allowedOrigins`.
 */
export function writeEmbedTour(name: string, allowedOrigins: string[]): string {
  const offerHotspot = { id: 'book', kind: 'offer', offer: EMBED_OFFER.id, yaw: 0, pitch: 0 }
  return writeTour(name, {
    version: 1,
    id: name,
    title: { vi: 'Tour nhúng thử nghiệm', en: 'Embed test tour' },
    locales: ['vi', 'en'],
    start: 'village',
    offers: [EMBED_OFFER],
    embed: { allowedOrigins },
    scenes: [
      {
        id: 'village',
        kind: 'panorama',
        title: { vi: 'Bản làng', en: 'Village' },
        panorama: { type: 'equirect', src: BUNDLED_PANORAMAS.village },
        view: { yaw: 0, pitch: 0, fov: 75 },
        hotspots: [
          offerHotspot,
          { id: 'to-tea', kind: 'scene', target: 'tea', yaw: 60, pitch: -5 },
        ],
      },
      {
        id: 'tea',
        kind: 'panorama',
        title: { vi: 'Đồi chè', en: 'Tea hills' },
        panorama: { type: 'equirect', src: BUNDLED_PANORAMAS.tea },
        view: { yaw: 0, pitch: 0, fov: 75 },
        hotspots: [
          offerHotspot,
          { id: 'to-village', kind: 'scene', target: 'village', yaw: 60, pitch: -5 },
        ],
      },
    ],
  })
}

/** Returns the app's embed URL for the given parameters, on the app's origin. */
export function embedSrc(params: Record<string, string>): string {
  const query = new URLSearchParams({ mode: 'embed', ...params })
  return `${TEST_ORIGIN}${APP_PATH}?${query}`
}

/**
 * Writes a host page on the second origin and returns its URL. The page loads the host helper,
 * connects to the iframe and records what the tour posts on `window.__host`: `messages` (every
 * event), `ready` (phases) and `connection` (the helper's object, to send commands).
 */
export function writeHostPage(
  name: string,
  options: {
    iframe?: string
    src?: string
    allow?: string | null
    before?: string
    after?: string
  },
): string {
  const allow = options.allow === undefined ? FULL_ALLOW : options.allow
  const iframe =
    options.iframe ??
    `<iframe id="tour" src="${options.src ?? ''}" title="Tour" ${allow === null ? '' : `allow="${allow}"`} style="display:block;width:100%;height:100vh;border:0"></iframe>`
  const html = `<!doctype html>
<html lang="en">
  <head><meta charset="UTF-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>${name}</title></head>
  <body style="margin:0">
    ${options.before ?? ''}
    ${iframe}
    ${options.after ?? ''}
    <script type="module">
      import { connectShowcase } from '/embed/showcase-embed.js'
      const frame = document.querySelector('iframe')
      const host = { messages: [], ready: [], connection: connectShowcase(frame) }
      host.connection.on('*', (detail, message) => host.messages.push({ name: message.name, detail }))
      host.connection.on('ready', (detail) => host.ready.push(detail.phase))
      window.__host = host
    </script>
  </body>
</html>
`
  mkdirSync(TEST_HOSTS_DIR, { recursive: true })
  writeFileSync(join(TEST_HOSTS_DIR, `${name}.html`), html)
  return `${HOST_ORIGIN}/${name}.html`
}

/** Returns the app's frame inside a host page, waiting until it exists. */
export async function appFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('iframe')
  const frame = await handle.contentFrame()
  if (!frame) throw new Error('the host page has an iframe without a frame')
  return frame
}

/** Waits until the app in `frame` shows `sceneId`, loaded and with its crossfade finished. */
export async function waitForFrameScene(frame: Frame, sceneId: string): Promise<void> {
  await frame.waitForFunction(
    (id) => {
      const state = (
        window as unknown as {
          __showcase?: {
            getState(): {
              sceneId: string | null
              transition: unknown
              sceneLoads: Record<string, { status: string }>
            }
          }
        }
      ).__showcase?.getState()
      return (
        state?.sceneId === id &&
        state.transition === null &&
        state.sceneLoads[id]?.status === 'ready'
      )
    },
    sceneId,
    { timeout: SCENE_TIMEOUT_MS },
  )
}

/** Returns the app's current view inside `frame`. */
export function frameView(frame: Frame): Promise<View> {
  return frame.evaluate(() =>
    (window as unknown as { __showcase: { getView(): View } }).__showcase.getView(),
  )
}

/** Names of the events the host page received so far. */
export function hostEventNames(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (window as unknown as { __host: { messages: { name: string }[] } }).__host.messages.map(
      (message) => message.name,
    ),
  )
}

/** Result of a command sent through the host helper. */
export interface CommandResult {
  ok: boolean
  reason?: string
}

/** Sends `go-to-scene` from the host page through the helper and returns the tour's reply. */
export function hostGoToScene(page: Page, sceneId: string, view?: View): Promise<CommandResult> {
  return page.evaluate(
    ([id, target]) =>
      (
        window as unknown as {
          __host: {
            connection: { goToScene(id: string, view?: unknown): Promise<CommandResult> }
          }
        }
      ).__host.connection.goToScene(id, target ?? undefined),
    [sceneId, view ?? null] as const,
  )
}

/** Sends `set-language` from the host page through the helper and returns the tour's reply. */
export function hostSetLanguage(page: Page, lang: string): Promise<CommandResult> {
  return page.evaluate(
    (code) =>
      (
        window as unknown as {
          __host: { connection: { setLanguage(lang: string): Promise<CommandResult> } }
        }
      ).__host.connection.setLanguage(code),
    lang,
  )
}
