import type { Workbox } from 'workbox-window'
import {
  gltfDependencyUrls,
  isOfflineListing,
  type OfflineListing,
  sharedAssetUrls,
  tourAssetUrls,
} from '../core/offlineAssets.ts'
import { setOfflineStatus, useKioskStore } from './store.ts'

/**
 * Offline support. Every visitor's browser registers the service worker, which precaches the app
 * shell. A booth also copies every file of its tours into `TOUR_CACHE`, which the service worker
 * serves before the network. Updates are downloaded into `STAGING_CACHE` while visitors use the
 * booth and moved into `TOUR_CACHE` only at the next reset.
 */

/** Must match the cache name in the service worker's route in vite.config.ts. */
export const TOUR_CACHE = 'showcase-tour-assets'
export const STAGING_CACHE = 'showcase-tour-staging'
const LISTING_FILE = 'offline-files.json'
/** Downloads run at once while caching; more would compete with the visitor's scene. */
const PARALLEL_DOWNLOADS = 3
/** Interval between update checks while the booth is online, in milliseconds. */
const UPDATE_CHECK_MS = 30 * 60 * 1000

let workbox: Workbox | null = null
let appUpdateWaiting = false
let tourUpdateStaged = false

function offlineSupported(): boolean {
  return import.meta.env.PROD && 'serviceWorker' in navigator && 'caches' in window
}

/** Registers the service worker; does nothing on the dev server or without service workers. */
export async function registerServiceWorker(): Promise<void> {
  if (!offlineSupported()) return
  setOfflineStatus({ supported: true, shell: 'installing' })
  const { Workbox } = await import('workbox-window')
  workbox = new Workbox(new URL('sw.js', document.baseURI).href)
  workbox.addEventListener('waiting', () => {
    appUpdateWaiting = true
    setOfflineStatus({ updatePending: true })
  })
  try {
    await workbox.register()
  } catch (error) {
    console.warn('[offline] service worker registration failed', error)
    setOfflineStatus({ shell: 'unavailable' })
    return
  }
  await navigator.serviceWorker.ready
  setOfflineStatus({ shell: 'ready', shellFiles: await countPrecachedFiles() })
}

async function countPrecachedFiles(): Promise<number> {
  const names = await caches.keys()
  let count = 0
  for (const name of names) {
    if (name.startsWith('workbox-precache'))
      count += (await (await caches.open(name)).keys()).length
  }
  return count
}

async function readListing(): Promise<OfflineListing | null> {
  const url = new URL(LISTING_FILE, document.baseURI).href
  try {
    const response = await fetch(url, { cache: 'no-store' })
    if (!response.ok) return null
    const body: unknown = await response.clone().json()
    if (!isOfflineListing(body)) return null
    await (await caches.open(TOUR_CACHE)).put(url, response)
    return body
  } catch {
    const cached = await (await caches.open(TOUR_CACHE)).match(url)
    const body: unknown = cached ? await cached.json() : null
    return isOfflineListing(body) ? body : null
  }
}

/** Returns the parsed JSON of a file, from the booth's cache when it has one, else the network. */
async function readJson(url: string, cache: Cache): Promise<unknown> {
  try {
    const response = (await cache.match(url)) ?? (await fetch(url, { cache: 'no-store' }))
    return response.ok ? await response.json() : null
  } catch {
    return null
  }
}

/** Returns every file the booth needs: its current tour, the bundled tours and shared files. */
async function neededUrls(tourUrl: string, listing: OfflineListing | null): Promise<string[]> {
  const appUrl = document.baseURI
  const cache = await caches.open(TOUR_CACHE)
  const tourUrls = new Set([tourUrl])
  for (const path of listing?.tours ?? []) tourUrls.add(new URL(path, appUrl).href)
  const urls = new Set<string>()
  if (listing) for (const url of sharedAssetUrls(listing, appUrl)) urls.add(url)
  for (const url of tourUrls) {
    const tour = await readJson(url, cache)
    if (tour === null) continue
    for (const asset of tourAssetUrls(tour, url, listing, appUrl)) {
      urls.add(asset)
      if (new URL(asset).pathname.endsWith('.gltf')) {
        for (const part of gltfDependencyUrls(await readJson(asset, cache), asset)) urls.add(part)
      }
    }
  }
  return [...urls]
}

function responseBytes(response: Response): number {
  return Number(response.headers.get('content-length') ?? 0) || 0
}

/** Runs `work` for each item with at most `limit` running at once. */
async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0
  const run = async () => {
    while (next < items.length) {
      const item = items[next++] as T
      await work(item)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, run))
}

/**
 * Copies every file the booth needs into its cache, reporting progress in the kiosk store. Files
 * already cached are counted, not downloaded again.
 */
export async function cacheToursForOffline(tourUrl: string): Promise<void> {
  if (!offlineSupported()) return
  setOfflineStatus({ phase: 'caching', failedFiles: 0 })
  try {
    const listing = await readListing()
    const urls = await neededUrls(tourUrl, listing)
    const cache = await caches.open(TOUR_CACHE)
    let cachedFiles = 0
    let cachedBytes = 0
    let failedFiles = 0
    setOfflineStatus({ totalFiles: urls.length, cachedFiles, cachedBytes })
    await eachLimited(urls, PARALLEL_DOWNLOADS, async (url) => {
      let response = await cache.match(url)
      if (!response) {
        try {
          const fresh = await fetch(url, { cache: 'no-store', credentials: 'same-origin' })
          if (fresh.ok) {
            await cache.put(url, fresh.clone())
            response = fresh
          }
        } catch (error) {
          console.warn('[offline] could not cache', url, error)
        }
      }
      if (response) {
        cachedFiles++
        cachedBytes += responseBytes(response)
      } else {
        failedFiles++
      }
      setOfflineStatus({ cachedFiles, cachedBytes, failedFiles })
    })
    setOfflineStatus({ phase: failedFiles === 0 ? 'complete' : 'failed' })
  } catch (error) {
    console.error('[offline] caching the tours failed', error)
    setOfflineStatus({ phase: 'failed' })
  }
}

/**
 * Downloads changed files into the staging cache: a file is changed when the server no longer
 * returns 304 for its ETag or Last-Modified. New files of a changed tour are staged too. Nothing
 * the booth shows changes until `applyPendingUpdate` runs at a reset.
 */
export async function stageTourUpdates(tourUrl: string): Promise<void> {
  if (!offlineSupported() || !navigator.onLine) return
  const live = await caches.open(TOUR_CACHE)
  const staging = await caches.open(STAGING_CACHE)
  const listing = await readListing()
  const stagedTours: string[] = []
  // Changed tour files are staged with the rest; the files they newly name follow below.
  const urls = await neededUrls(tourUrl, listing)
  await eachLimited(urls, PARALLEL_DOWNLOADS, async (url) => {
    const cached = await live.match(url)
    const headers: Record<string, string> = {}
    const etag = cached?.headers.get('etag')
    const modified = cached?.headers.get('last-modified')
    if (etag) headers['if-none-match'] = etag
    else if (modified) headers['if-modified-since'] = modified
    try {
      const response = await fetch(url, { cache: 'no-store', headers })
      if (response.status === 304 || !response.ok) return
      // A server that ignores conditional requests sends the whole file again, unchanged.
      if (cached && (await sameBody(cached.clone(), response.clone()))) return
      await staging.put(url, response)
      if (url.endsWith('.json')) stagedTours.push(url)
    } catch {
      // Offline again; the next check tries once more.
    }
  })
  for (const url of stagedTours) {
    const staged = await staging.match(url)
    const tour: unknown = staged ? await staged.json().catch(() => null) : null
    if (tour === null) continue
    for (const asset of tourAssetUrls(tour, url, listing, document.baseURI)) {
      if ((await live.match(asset)) || (await staging.match(asset))) continue
      try {
        const response = await fetch(asset, { cache: 'no-store' })
        if (response.ok) await staging.put(asset, response)
      } catch {
        // Left for the next check.
      }
    }
  }
  if ((await staging.keys()).length > 0) {
    tourUpdateStaged = true
    setOfflineStatus({ updatePending: true })
  }
}

async function sameBody(a: Response, b: Response): Promise<boolean> {
  const [left, right] = await Promise.all([a.arrayBuffer(), b.arrayBuffer()])
  if (left.byteLength !== right.byteLength) return false
  const x = new Uint8Array(left)
  const y = new Uint8Array(right)
  for (let index = 0; index < x.length; index++) if (x[index] !== y[index]) return false
  return true
}

/**
 * Moves staged files into the booth's cache and lets a waiting service worker take over. Returns
 * true when the page must reload to use them; the caller reloads between two visitors.
 */
export async function applyPendingUpdate(): Promise<boolean> {
  if (!offlineSupported()) return false
  let reload = false
  if (tourUpdateStaged) {
    const live = await caches.open(TOUR_CACHE)
    const staging = await caches.open(STAGING_CACHE)
    for (const request of await staging.keys()) {
      const response = await staging.match(request)
      if (response) await live.put(request, response)
    }
    await caches.delete(STAGING_CACHE)
    tourUpdateStaged = false
    reload = true
  }
  if (appUpdateWaiting && workbox) {
    const controlling = new Promise<void>((resolve) => {
      workbox?.addEventListener('controlling', () => resolve())
      setTimeout(resolve, 5000)
    })
    workbox.messageSkipWaiting()
    await controlling
    appUpdateWaiting = false
    reload = true
  }
  if (reload) setOfflineStatus({ updatePending: false })
  return reload
}

/**
 * Caches the booth's tours now, then checks for updates at start, whenever the network comes back
 * and every `UPDATE_CHECK_MS`. Calls `onUpdateStaged` after a check that left an update waiting.
 */
export function keepToursOffline(tourUrl: string, onUpdateStaged: () => void): void {
  if (!offlineSupported()) return
  const check = () => {
    if (useKioskStore.getState().offline.phase === 'caching') return
    void cacheToursForOffline(tourUrl)
      .then(() => stageTourUpdates(tourUrl))
      .then(() => {
        if (useKioskStore.getState().offline.updatePending) onUpdateStaged()
      })
  }
  check()
  window.addEventListener('online', check)
  setInterval(check, UPDATE_CHECK_MS)
}
